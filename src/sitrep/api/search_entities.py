"""Search that knows entities: a query naming an entity (by id, name or alias in any case,
or a transliteration: the read model's `entities_named`) also finds the documents where that
entity is mentioned under another spelling, and says which spellings it added.

"Suleimani" finds every document of Qassem Soleimani's dossier: those the full-text index finds
for the word itself, and those whose mentions resolution joined to him ("Soleimani", "Qassem
Soleimani"). The words are still searched as typed (`sitrep.read.search`); this adds to them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from sitrep.api import workbench_models as wm
from sitrep.api.deps import PagingDep, StoreDep, Viewer, page
from sitrep.api.events import IsoDate
from sitrep.read.records import EntityMentionSpan
from sitrep.read.search import (
    documents_by_id,
    fold,
    mentioned_in,
    named_entities,
    search_documents,
    with_phrases,
)

router = APIRouter(tags=["documents"])
MAX_HITS = 5000  # full-text hits read to merge with the entity's documents
_PHRASE = re.compile(r'"([^"]+)"')


def _contains(words: list[str], query: list[str]) -> bool:
    """The query's words, in order and next to each other, among a name's words."""
    n = len(query)
    return n > 0 and any(words[i : i + n] == query for i in range(len(words) - n + 1))


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
    since: IsoDate = None,
    until: IsoDate = None,
    type: Annotated[
        str | None, Query(max_length=16, description="the document's kind: html, text, ...")
    ] = None,
    sort: Annotated[
        Literal["relevance", "newest", "oldest"],
        Query(description="relevance (the words' hits, then other spellings), or by publication"),
    ] = "relevance",
) -> dict[str, Any]:
    """Documents matching the words ("quoted phrases" word for word, in order), then those
    where an entity the words name is mentioned under another spelling. `entities`: the
    entities the query was read as; `phrases`: the phrases required. `site`, `year` and `type`
    narrow the hits, and `since` and `until` to those published in a period (whole or partial
    dates, both ends in it; undated ones left out). What the answer counts, it counts of the
    hits so narrowed, the ones the list holds: `added`, the documents found under another
    spelling; `spellings`, those spellings, with how many; `facets`, their sites, years and
    types (a document's type: its kind as acquired, a web page, plain text, a
    feed item, a table row, a PDF); `sort` newest or oldest orders them by publication date
    (undated last), as a day's reading goes."""
    phrases = [" ".join(fold(p)) for p in _PHRASE.findall(q) if fold(p)]
    with store.read() as conn:
        _, hits = search_documents(conn, q, MAX_HITS, 0)
        if phrases:
            hits = with_phrases(conn, hits, phrases)
        entities = named_entities(conn, q.replace('"', " "))
        mentions = mentioned_in(conn, [e["id"] for e in entities]) if entities else []
        by_doc: dict[str, list[EntityMentionSpan]] = {}
        for m in mentions:
            by_doc.setdefault(m["document_id"], []).append(m)
        typed = {h["id"] for h in hits}
        extra = [d for d in by_doc if d not in typed]
        docs = documents_by_id(conn, extra) if extra else {}
    added = []
    for doc_id in sorted(extra, key=lambda d: (docs[d]["published"] or "", d)):
        doc = docs.pop(doc_id)
        first = by_doc[doc_id][0]
        text = doc.pop("text")
        doc["snippet"] = _snippet(text, first["start"], first["end"])
        doc["via"] = sorted({m["text"] for m in by_doc[doc_id]})
        added.append(doc)
    every = [*({**h, "via": None} for h in hits), *added]
    every = narrowed(every, site=site, year=year, type=type, since=since, until=until)
    # the facets, the documents added and their spellings count the hits the list holds, so a
    # period's figures say what is in it
    wanted = fold(q)
    spellings: Counter[str] = Counter(
        written for h in every for written in h["via"] or () if not _contains(fold(written), wanted)
    )
    facets = {
        "site": _counted(h["site"] for h in every),
        "year": _counted((h["published"] or "")[:4] for h in every),
        "type": _counted(h["format"] for h in every),
    }
    if sort != "relevance":
        every = by_publication(every, newest=sort == "newest")
    items = every[paging.offset : paging.offset + paging.limit]
    return {
        "query": q,
        **page(items, len(every), paging),
        "entities": entities,
        "spellings": [{"text": t, "documents": n} for t, n in spellings.most_common()],
        "added": sum(1 for h in every if h["via"]),
        "phrases": phrases,
        "facets": facets,
    }


def narrowed(
    hits: list[dict[str, Any]],
    *,
    site: str | None,
    year: str | None,
    type: str | None,
    since: str | None,
    until: str | None,
) -> list[dict[str, Any]]:
    """The hits the search's filters keep (outlet, year, type, a period of publication): the
    one reading of them, which both the list and its facets count."""
    return [
        h
        for h in hits
        if (not site or h["site"] == site)
        and (not year or (h["published"] or "").startswith(year))
        and (not type or h["format"] == type)
        and (not (since or until) or published_within(h["published"], since, until))
    ]


def published_within(published: str | None, since: str | None, until: str | None) -> bool:
    """Whether a publication date falls in the period: `since` and `until` whole or partial
    dates (2016, 2016-10, 2016-10-31), each end included; an undated report in none."""
    if not published:
        return False
    day = str(published)[:10]
    return (not since or day >= since) and (not until or day <= until + "\uffff")


def by_publication(hits: list[dict[str, Any]], newest: bool) -> list[dict[str, Any]]:
    """Hits by publication date, newest or oldest first, the undated last either way (ties
    keep their relevance order)."""
    dated = sorted(
        (h for h in hits if h["published"]), key=lambda h: str(h["published"]), reverse=newest
    )
    return [*dated, *(h for h in hits if not h["published"])]


def _counted(values: Any) -> list[dict[str, Any]]:
    found = Counter(v for v in values if v)
    return [{"value": v, "count": n} for v, n in sorted(found.items(), key=lambda x: (-x[1], x[0]))]
