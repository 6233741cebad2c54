"""Full-text search over documents, on the index migration 2 built for each backend.

SQLite: the FTS5 table `documents_fts`, filled by the writer. PostgreSQL: the GIN index
`ix_documents_fts` over `to_tsvector('simple', title || ' ' || text)`; the query repeats that
expression exactly, or the planner could not use the index.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

_WORD = re.compile(r"\w+", re.UNICODE)

_SQLITE = text(
    "SELECT d.id, d.title, d.site, d.published FROM documents_fts f "
    "JOIN documents d ON d.id = f.document_id "
    "WHERE documents_fts MATCH :query ORDER BY f.rank, d.id LIMIT :limit"
)
_POSTGRESQL = text(
    "SELECT id, title, site, published FROM documents "
    "WHERE to_tsvector('simple', coalesce(title, '') || ' ' || text) "
    "@@ plainto_tsquery('simple', :query) "
    "ORDER BY ts_rank(to_tsvector('simple', coalesce(title, '') || ' ' || text), "
    "plainto_tsquery('simple', :query)) DESC, id LIMIT :limit"
)


def search_documents(conn: Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Documents holding every word of `query` (any order), best first."""
    words = _WORD.findall(query)
    if not words:
        return []
    if conn.dialect.name == "postgresql":
        found = conn.execute(_POSTGRESQL, {"query": " ".join(words), "limit": limit})
    else:
        # Each word quoted: FTS5 query syntax (NEAR, -, :, quotes) never leaks from user input.
        fts_query = " ".join(f'"{w}"' for w in words)
        found = conn.execute(_SQLITE, {"query": fts_query, "limit": limit})
    return [dict(row) for row in found.mappings()]
