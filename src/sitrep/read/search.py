"""Full-text search over documents: SQLite FTS5 or PostgreSQL tsvector, same result shape.

Snippets come back as segments (`[{"text", "match"}]`) rather than marked-up HTML, so a client
never has to trust page text as markup.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import Connection, func, select, text

from sitrep.read.columns import record, records
from sitrep.read.entities import entities_named
from sitrep.read.records import EntityMentionSpan, NamedEntity, SearchHit, Segment
from sitrep.store import schema

D, M, E = schema.documents, schema.mentions, schema.entities
MARK_START, MARK_END = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


def fts5_query(query: str) -> str:
    """User words as quoted FTS5 terms (implicit AND), so no input is an FTS5 syntax error."""
    return " ".join(f'"{word}"' for word in _WORD.findall(query))


def segments(snippet: str) -> list[Segment]:
    """Split a snippet with control-character marks into plain and matching segments."""
    parts: list[Segment] = []
    for chunk in re.split(f"({MARK_START}[^{MARK_END}]*{MARK_END})", snippet):
        if not chunk:
            continue
        if chunk.startswith(MARK_START):
            parts.append({"text": chunk.strip(MARK_START + MARK_END), "match": True})
        else:
            parts.append({"text": chunk, "match": False})
    return parts


_SQLITE_COUNT = "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q"
_SQLITE_PAGE = (
    "SELECT f.document_id AS id, d.title, d.site, d.published, d.duplicate_of, d.format, "
    "snippet(documents_fts, 2, :a, :b, '…', 24) AS snippet "
    "FROM documents_fts AS f JOIN documents AS d ON d.id = f.document_id "
    "WHERE documents_fts MATCH :q ORDER BY bm25(documents_fts, 0.0, 4.0, 1.0), d.id "
    "LIMIT :limit OFFSET :offset"
)
_PG_MATCH = (
    "to_tsvector('simple', coalesce(title, '') || ' ' || text) @@ plainto_tsquery('simple', :q)"
)
_PG_COUNT = f"SELECT count(*) FROM documents WHERE {_PG_MATCH}"
_PG_PAGE = (
    "SELECT id, title, site, published, duplicate_of, format, "
    "ts_headline('simple', text, plainto_tsquery('simple', :q), "
    "'StartSel=' || :a || ', StopSel=' || :b || ', MaxWords=30, MinWords=10') AS snippet "
    f"FROM documents WHERE {_PG_MATCH} "
    "ORDER BY ts_rank(to_tsvector('simple', coalesce(title, '') || ' ' || text), "
    "plainto_tsquery('simple', :q)) DESC, id LIMIT :limit OFFSET :offset"
)


def search_documents(
    conn: Connection, query: str, limit: int, offset: int
) -> tuple[int, list[SearchHit]]:
    """(total, one page of hits) for the words in `query`, best first."""
    if conn.dialect.name == "postgresql":
        count_sql, page_sql, terms = _PG_COUNT, _PG_PAGE, " ".join(_WORD.findall(query))
    else:
        count_sql, page_sql, terms = _SQLITE_COUNT, _SQLITE_PAGE, fts5_query(query)
    if not terms:
        return 0, []
    params = {"q": terms, "a": MARK_START, "b": MARK_END, "limit": limit, "offset": offset}
    total = int(conn.execute(text(count_sql), params).scalar_one())
    hits = []
    for row in conn.execute(text(page_sql), params).mappings():
        hits.append(record({**row, "snippet": segments(row["snippet"] or "")}, SearchHit))
    return total, hits


# -- search that knows entities (`/api/search/entities`) -------------------------------------

MAX_ENTITIES = 5  # a one-word query can name several; the most mentioned are expanded


def fold(text: str) -> list[str]:
    """Words without case or diacritics ('Ālbū Kamāl' -> ['albu', 'kamal'])."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return _WORD.findall(plain.casefold())


def named_entities(conn: Connection, query: str) -> list[NamedEntity]:
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
    return [record(r, NamedEntity) for r in conn.execute(query_).mappings() if r["mentions"]]


def mentioned_in(conn: Connection, entity_ids: list[str]) -> list[EntityMentionSpan]:
    """Each mention of the entities: where, and the words it was written with."""
    query = (
        select(M.c.document_id, M.c.text, M.c.start, M.c.end, M.c.entity_id)
        .where(M.c.entity_id.in_(entity_ids))
        .order_by(M.c.document_id, M.c.start)
    )
    return records(conn, query, EntityMentionSpan)


def with_phrases(conn: Connection, hits: list[SearchHit], phrases: list[str]) -> list[SearchHit]:
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


def documents_by_id(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The documents a search adds (by an entity's other spelling), with their text for the
    snippet: id, title, site, published, duplicate_of, format (the type facet), text."""
    docs: dict[str, dict[str, Any]] = {}
    columns = (
        D.c.id, D.c.title, D.c.site, D.c.published, D.c.duplicate_of, D.c.format, D.c.text,
    )  # fmt: skip
    for row in conn.execute(select(*columns).where(D.c.id.in_(ids))).mappings():
        docs[row["id"]] = dict(row)
    return docs
