"""Query pieces the read model shares: column lists, filters, and the claims query.

A field an endpoint returns is named here once, so the same record reads the same everywhere
(a claim in a document, on an event, in the claims list). The tuples keep response key order.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Select, String, cast, func, select

from sitrep.store import LIKE_ESCAPE, like_literal, schema

D, M, E = schema.documents, schema.mentions, schema.entities
EM, C, EV = schema.event_mentions, schema.claims, schema.events
Q = TypeVar("Q", bound=Select[Any])
R = TypeVar("R", bound=Mapping[str, Any])  # a record of `sitrep.read.records`

# where a mention or claim stands in its document's text
MENTION_SPAN = (M.c.start, M.c.end, M.c.text, M.c.label, M.c.title)
# the document a mention or claim comes from, as a list item shows it
DOCUMENT_REF = (D.c.title.label("document_title"), D.c.site, D.c.published)
# who says what about an event, how hedged, and where in the text
CLAIM_WORDING = (
    C.c.outlet,
    C.c.chain,
    C.c.stance,
    C.c.hedged,
    C.c.hedges,
    C.c.quote,
    C.c.start,
    C.c.end,
)

# what one mention of an event reads: its type, trigger, arguments, time and assertion
EVENT_MENTION_READING = (
    EM.c.type,
    EM.c.mode,
    EM.c.trigger,
    EM.c.trigger_start,
    EM.c.trigger_end,
    EM.c.sentence,
    EM.c.participants,
    EM.c.place,
    EM.c.time,
    EM.c.negated,
    EM.c.modality,
)
# a document's own mentions, with the entity each resolved to
DOCUMENT_MENTION_COLUMNS = (
    M.c.id,
    *MENTION_SPAN,
    M.c.sentence,
    M.c.source,
    M.c.entity_id,
    E.c.name.label("entity_name"),
    E.c.type.label("entity_type"),
)
# a document's own claims (the document itself is the context)
DOCUMENT_CLAIM_COLUMNS = (
    C.c.id,
    C.c.event_mention_id,
    EM.c.event_id,
    *CLAIM_WORDING,
    C.c.sentence,
    C.c.analyst_mark,
)
# a claim on its own: with its source document and the event it speaks to
CLAIM_COLUMNS = (
    C.c.id,
    C.c.document_id,
    *DOCUMENT_REF,
    D.c.url,
    D.c.duplicate_of,
    C.c.event_mention_id,
    EM.c.event_id,
    EV.c.status.label("event_status"),
    EV.c.type.label("event_type"),
    EV.c.summary.label("event_summary"),
    *CLAIM_WORDING,
    C.c.sentence,
    C.c.sentence_text,
    C.c.origin_key,
    C.c.analyst_mark,
)


def rows(conn: Connection, query: Select[Any]) -> list[dict[str, Any]]:
    """Every row of the query as a plain dict, keys in column order. The keys are read once:
    a mapping per row read them again each time (0.35 s of 1 s for 19k events)."""
    result = conn.execute(query)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def count_rows(conn: Connection, query: Select[Any]) -> int:
    """How many rows the query gives (a page's total)."""
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())


def records(conn: Connection, query: Select[Any], shape: type[R]) -> list[R]:
    """Every row of the query as a record of `shape`: the query's columns are the record's
    keys (tests/test_read_records.py holds each query to its record)."""
    return typing.cast(list[R], rows(conn, query))


def record(row: Mapping[Any, Any], shape: type[R]) -> R:
    """One row as a record of `shape` (a copy, free to be added to)."""
    return typing.cast(R, dict(row))


def where_given(query: Q, *filters: tuple[ColumnElement[Any], Any]) -> Q:
    """Narrow the query to `column == value` for each filter whose value was given (truthy)."""
    for column, value in filters:
        if value:
            query = query.where(column == value)
    return query


def claims_query() -> Select[Any]:
    """All claims with their source and event, oldest source first; callers add filters."""
    return (
        select(*CLAIM_COLUMNS)
        .select_from(
            C.join(D, D.c.id == C.c.document_id)
            .join(EM, EM.c.id == C.c.event_mention_id)
            .outerjoin(EV, EV.c.id == EM.c.event_id)
        )
        .order_by(D.c.published, C.c.id)
    )


def mentions_id(column: ColumnElement[Any], value: str) -> ColumnElement[bool]:
    """A JSON column whose text holds `value` as a quoted string."""
    return cast(column, String).like(f'%"{like_literal(value)}"%', escape=LIKE_ESCAPE)
