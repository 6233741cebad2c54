"""Documents: the list, and everything found in one document (by span)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Column, ColumnElement, Connection, Select, Table, func, select

from sitrep.read.columns import (
    DOCUMENT_CLAIM_COLUMNS,
    DOCUMENT_MENTION_COLUMNS,
    EVENT_MENTION_READING,
    R,
    record,
    records,
)
from sitrep.read.participants import span_entities, typed_readings
from sitrep.read.records import (
    DocumentClaim,
    DocumentEventMention,
    DocumentMention,
    DocumentRow,
    Findings,
)
from sitrep.store import schema

D, M, E = schema.documents, schema.mentions, schema.entities
EM, C, EV = schema.event_mentions, schema.claims, schema.events

EVENT_MENTION_COLUMNS = (
    EM.c.id,
    EM.c.event_id,
    *EVENT_MENTION_READING,
    EV.c.status.label("event_status"),
)


def documents_query(site: str | None = None) -> Select[Any]:
    """Documents in ingest order, with how many reader comments each has."""
    n_comments = (
        select(func.count()).where(schema.comments.c.document_id == D.c.id).scalar_subquery()
    )
    query = select(
        D.c.id, D.c.title, D.c.site, D.c.url, D.c.published, D.c.language, D.c.word_count,
        D.c.duplicate_of, D.c.format, n_comments.label("comments"),
    ).order_by(D.c.ingested_at, D.c.id)  # fmt: skip
    return query.where(D.c.site == site) if site else query


def findings(conn: Connection, doc_id: str) -> Findings:
    """What the pipeline found in one document: mentions (with their entity), event mentions
    (with their event's status) and claims (with their event), each in text order."""
    event_mentions = _found_in(
        conn, doc_id, EM, EVENT_MENTION_COLUMNS, EM.c.event_id, EV, EM.c.trigger_start,
        DocumentEventMention,
    )  # fmt: skip
    linked = span_entities(conn, doc_id) if event_mentions else {}
    for m in event_mentions:
        m["participants"] = typed_readings(m["participants"] or [], linked)
    return {
        "mentions": _found_in(
            conn, doc_id, M, DOCUMENT_MENTION_COLUMNS, M.c.entity_id, E, M.c.start, DocumentMention
        ),
        "event_mentions": event_mentions,
        "claims": _found_in(
            conn,
            doc_id,
            C,
            DOCUMENT_CLAIM_COLUMNS,
            C.c.event_mention_id,
            EM,
            C.c.start,
            DocumentClaim,
        ),
    }


def _found_in(
    conn: Connection,
    doc_id: str,
    table: Table,
    columns: tuple[ColumnElement[Any], ...],
    link: Column[Any],
    linked: Table,
    order: Column[Any],
    shape: type[R],
) -> list[R]:
    """Rows of `table` found in one document, with the row of `linked` that `link` points to."""
    query = (
        select(*columns)
        .select_from(table.outerjoin(linked, linked.c.id == link))
        .where(table.c.document_id == doc_id)
        .order_by(order)
    )
    return records(conn, query, shape)


def document_rows(conn: Connection, with_text: bool = False) -> Iterator[DocumentRow]:
    """Documents in ingest order, without the near-duplicate signature (binary)."""
    docs = D
    columns = [c for c in docs.c if c.name != "minhash" and (with_text or c.name != "text")]
    query = select(*columns).order_by(docs.c.ingested_at, docs.c.id)
    for row in conn.execute(query).mappings():
        yield record(row, DocumentRow)
