"""Full-text search over documents: SQLite FTS5 or PostgreSQL tsvector, same result shape.

Snippets come back as segments (`[{"text", "match"}]`) rather than marked-up HTML, so a client
never has to trust page text as markup.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

from sitrep.read.columns import record
from sitrep.read.records import SearchHit, Segment

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
