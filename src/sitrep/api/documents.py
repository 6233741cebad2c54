"""Documents: the list, one document with everything found in it (by span), and search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import Column, ColumnElement, Connection, Table, func, select

from sitrep.api.deps import PagingDep, StoreDep, Viewer, page, run_page
from sitrep.api.search import search_documents
from sitrep.errors import NotFoundError
from sitrep.read.columns import DOCUMENT_CLAIM_COLUMNS, DOCUMENT_MENTION_COLUMNS, rows
from sitrep.store import schema

router = APIRouter(tags=["documents"])
D, M, E = schema.documents, schema.mentions, schema.entities
EM, C, EV = schema.event_mentions, schema.claims, schema.events


@router.get("/documents", summary="List documents, newest ingested last")
def list_documents(
    store: StoreDep,
    paging: PagingDep,
    _who: Viewer,
    site: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    n_comments = (
        select(func.count()).where(schema.comments.c.document_id == D.c.id).scalar_subquery()
    )
    query = select(
        D.c.id,
        D.c.title,
        D.c.site,
        D.c.url,
        D.c.published,
        D.c.language,
        D.c.word_count,
        D.c.duplicate_of,
        D.c.format,
        n_comments.label("comments"),
    ).order_by(D.c.ingested_at, D.c.id)
    if site:
        query = query.where(D.c.site == site)
    with store.read() as conn:
        return run_page(conn, query, paging)


@router.get("/documents/{doc_id}", summary="One document with comments, mentions, events, claims")
def get_document(doc_id: str, store: StoreDep, _who: Viewer) -> dict[str, Any]:
    doc = store.document(doc_id)
    if doc["id"] != doc_id:
        raise NotFoundError(f"no document with id {doc_id!r}")
    with store.read() as conn:
        doc["mentions"] = _found_in(
            conn, doc_id, M, DOCUMENT_MENTION_COLUMNS, M.c.entity_id, E, M.c.start
        )
        doc["event_mentions"] = _found_in(
            conn, doc_id, EM, EVENT_MENTION_COLUMNS, EM.c.event_id, EV, EM.c.trigger_start
        )
        doc["claims"] = _found_in(
            conn, doc_id, C, DOCUMENT_CLAIM_COLUMNS, C.c.event_mention_id, EM, C.c.start
        )
    return doc


EVENT_MENTION_COLUMNS = (
    EM.c.id,
    EM.c.event_id,
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
    EV.c.status.label("event_status"),
)


def _found_in(
    conn: Connection,
    doc_id: str,
    table: Table,
    columns: tuple[ColumnElement[Any], ...],
    link: Column[Any],
    linked: Table,
    order: Column[Any],
) -> list[dict[str, Any]]:
    """Rows of `table` found in one document, with the row of `linked` that `link` points to."""
    query = (
        select(*columns)
        .select_from(table.outerjoin(linked, linked.c.id == link))
        .where(table.c.document_id == doc_id)
        .order_by(order)
    )
    return rows(conn, query)


@router.get("/search", summary="Full-text search over titles and bodies, with snippets")
def search(
    store: StoreDep,
    paging: PagingDep,
    _who: Viewer,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words to find")],
) -> dict[str, Any]:
    with store.read() as conn:
        total, hits = search_documents(conn, q, paging.limit, paging.offset)
    return {"query": q, **page(hits, total, paging)}
