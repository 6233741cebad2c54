"""Moved to the read model: `sitrep.read.columns` (kept importable for callers)."""

from sitrep.read.columns import (
    CLAIM_COLUMNS,
    CLAIM_WORDING,
    DOCUMENT_CLAIM_COLUMNS,
    DOCUMENT_MENTION_COLUMNS,
    DOCUMENT_REF,
    MENTION_SPAN,
    claims_query,
    mentions_id,
    rows,
    where_given,
)

__all__ = [
    "CLAIM_COLUMNS",
    "CLAIM_WORDING",
    "DOCUMENT_CLAIM_COLUMNS",
    "DOCUMENT_MENTION_COLUMNS",
    "DOCUMENT_REF",
    "MENTION_SPAN",
    "claims_query",
    "mentions_id",
    "rows",
    "where_given",
]
