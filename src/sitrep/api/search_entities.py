"""Search that knows entities: a query naming an entity (by id, name or alias in any case,
or a transliteration: the read model's `entities_named`) also finds the documents where that
entity is mentioned under another spelling, and says which spellings it added.

"Suleimani" finds every document of Qassem Soleimani's dossier: those the full-text index finds
for the word itself, and those whose mentions resolution joined to him ("Soleimani", "Qassem
Soleimani"). The words are still searched as typed (`sitrep.read.search`); this adds to them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import Connection, func, select

from sitrep.api import workbench_models as wm
from sitrep.api.deps import PagingDep, StoreDep, Viewer, page
from sitrep.read.entities import entities_named
from sitrep.read.records import SearchHit
from sitrep.read.search import search_documents
from sitrep.store import schema

router = APIRouter(tags=["documents"])
D, M, E = schema.documents, schema.mentions, schema.entities
MAX_ENTITIES = 5  # a one-word query can name several; the most mentioned are expanded
MAX_HITS = 5000  # full-text hits read to merge with the entity's documents
_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"')


def fold(text: str) -> list[str]:
    """Words without case or diacritics ('Ālbū Kamāl' -> ['albu', 'kamal'])."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return _WORD.findall(plain.casefold())


def _contains(words: list[str], query: list[str]) -> bool:
    """The query's words, in order and next to each other, among a name's words."""
    n = len(query)
    return n > 0 and any(words[i : i + n] == query for i in range(len(words) - n + 1))


def named_entities(conn: Connection, query: str) -> list[dict[str, Any]]:
    """The entities the query names (`sitrep.read.entities.entities_named`: id, name, alias,
    any case, or a transliteration), most mentioned first."""
    found = sorted(entities_named(conn, query))
    if not found:
        return []
    mentioned = func.count(M.c.id).label("mentions")
    query_ = (
        select(E.c.id, E.c.name, E.c.type, mentioned)
        .select_from(E.outerjoin(M, M.c.entity_id == E.c.id))
        .where(E.c.id.in_(found))
        .group_by(E.c.id, E.c.name, E.c.type)
        .order_by(mentioned.desc(), E.c.id)
        .limit(MAX_ENTITIES)
    )
    return [dict(r) for r in conn.execute(query_).mappings() if r["mentions"]]


def _mentioned_in(conn: Connection, entity_ids: list[str]) -> list[dict[str, Any]]:
    """Each mention of the entities: where, and the words it was written with."""
    query = (
        select(M.c.document_id, M.c.text, M.c.start, M.c.end, M.c.entity_id)
        .where(M.c.entity_id.in_(entity_ids))
        .order_by(M.c.document_id, M.c.start)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def _with_phrases(conn: Connection, hits: list[SearchHit], phrases: list[str]) -> list[SearchHit]:
    """The hits whose title or text holds every quoted phrase, word for word (the index
    matches the words anywhere; a phrase wants them in that order)."""
    if not hits:
        return hits
    ids = [h["id"] for h in hits]
    texts = {
        doc: " ".join(fold(f"{title or ''} {text}"))
        for doc, title, text in conn.execute(
            select(D.c.id, D.c.title, D.c.text).where(D.c.id.in_(ids))
        )
    }
    return [h for h in hits if all(f" {p} " in f" {texts.get(h['id'], '')} " for p in phrases)]


def _snippet(text: str, start: int, end: int, width: int = 90) -> list[dict[str, Any]]:
    """A snippet around a mention, the mention marked (the shape `/api/search` gives)."""
    left, right = max(0, start - width), min(len(text), end + width)
    parts = [
        {"text": ("…" if left else "") + text[left:start], "match": False},
        {"text": text[start:end], "match": True},
        {"text": text[end:right] + ("…" if right < len(text) else ""), "match": False},
    ]
    return [p for p in parts if p["text"]]


@router.get(
    "/search/entities",
    response_model=wm.EntitySearchPage,
    summary="Full-text search that also finds an entity's other spellings (and says so)",
)
def search_with_entities(
    store: StoreDep,
    paging: PagingDep,
    _who: Viewer,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words to find")],
    site: Annotated[str | None, Query(max_length=200)] = None,
    year: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None,
    type: Annotated[
        str | None, Query(max_length=16, description="the document's kind: html, text, ...")
    ] = None,
) -> dict[str, Any]:
    """Documents matching the words ("quoted phrases" word for word, in order), then those
    where an entity the words name is mentioned under another spelling. `entities`: the
    entities the query was read as; `spellings`: the other spellings that added documents,
    with how many; `phrases`: the phrases required; `facets`: sites, years and types of all
    the hits (a document's type: its kind as acquired, a web page, plain text, a feed item, a
    table row, a PDF); `site`, `year` and `type` narrow them."""
    phrases = [" ".join(fold(p)) for p in _PHRASE.findall(q) if fold(p)]
    with store.read() as conn:
        _, hits = search_documents(conn, q, MAX_HITS, 0)
        if phrases:
            hits = _with_phrases(conn, hits, phrases)
        entities = named_entities(conn, q.replace('"', " "))
        mentions = _mentioned_in(conn, [e["id"] for e in entities]) if entities else []
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for m in mentions:
            by_doc.setdefault(m["document_id"], []).append(m)
        typed = {h["id"] for h in hits}
        extra = [d for d in by_doc if d not in typed]
        docs: dict[str, dict[str, Any]] = {}
        if extra:
            columns = ("id", "title", "site", "published", "duplicate_of", "format", "text")
            query = select(*(D.c[name] for name in columns)).where(D.c.id.in_(extra))
            for row in conn.execute(query).mappings():
                docs[row["id"]] = dict(row)
    wanted = fold(q)
    spellings: Counter[str] = Counter()
    added = []
    for doc_id in sorted(extra, key=lambda d: (docs[d]["published"] or "", d)):
        doc = docs.pop(doc_id)
        first = by_doc[doc_id][0]
        text = doc.pop("text")
        doc["snippet"] = _snippet(text, first["start"], first["end"])
        doc["via"] = sorted({m["text"] for m in by_doc[doc_id]})
        for written in doc["via"]:
            if not _contains(fold(written), wanted):
                spellings[written] += 1
        added.append(doc)
    every = [*({**h, "via": None} for h in hits), *added]
    facets = {
        "site": _counted(h["site"] for h in every),
        "year": _counted((h["published"] or "")[:4] for h in every),
        "type": _counted(h["format"] for h in every),
    }
    if site:
        every = [h for h in every if h["site"] == site]
    if year:
        every = [h for h in every if (h["published"] or "").startswith(year)]
    if type:
        every = [h for h in every if h["format"] == type]
    items = every[paging.offset : paging.offset + paging.limit]
    return {
        "query": q,
        **page(items, len(every), paging),
        "entities": entities,
        "spellings": [{"text": t, "documents": n} for t, n in spellings.most_common()],
        "added": len(added),
        "phrases": phrases,
        "facets": facets,
    }


def _counted(values: Any) -> list[dict[str, Any]]:
    found = Counter(v for v in values if v)
    return [{"value": v, "count": n} for v, n in sorted(found.items(), key=lambda x: (-x[1], x[0]))]
