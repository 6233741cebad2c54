"""Documents: the list, one document with everything found in it (by span), and search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import Connection, func, select

from sitrep.api.deps import PagingDep, StoreDep, Viewer, page, run_page
from sitrep.api.search import search_documents
from sitrep.errors import NotFoundError
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
        doc["mentions"] = _mentions(conn, doc_id)
        doc["event_mentions"] = _event_mentions(conn, doc_id)
        doc["claims"] = _claims(conn, doc_id)
    return doc


def _mentions(conn: Connection, doc_id: str) -> list[dict[str, Any]]:
    query = (
        select(
            M.c.id,
            M.c.start,
            M.c.end,
            M.c.text,
            M.c.label,
            M.c.title,
            M.c.sentence,
            M.c.source,
            M.c.entity_id,
            E.c.name.label("entity_name"),
            E.c.type.label("entity_type"),
        )
        .select_from(M.outerjoin(E, E.c.id == M.c.entity_id))
        .where(M.c.document_id == doc_id)
        .order_by(M.c.start)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def _event_mentions(conn: Connection, doc_id: str) -> list[dict[str, Any]]:
    query = (
        select(
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
        .select_from(EM.outerjoin(EV, EV.c.id == EM.c.event_id))
        .where(EM.c.document_id == doc_id)
        .order_by(EM.c.trigger_start)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def _claims(conn: Connection, doc_id: str) -> list[dict[str, Any]]:
    query = (
        select(
            C.c.id,
            C.c.event_mention_id,
            EM.c.event_id,
            C.c.outlet,
            C.c.chain,
            C.c.stance,
            C.c.hedged,
            C.c.hedges,
            C.c.quote,
            C.c.start,
            C.c.end,
            C.c.sentence,
            C.c.analyst_mark,
        )
        .select_from(C.outerjoin(EM, EM.c.id == C.c.event_mention_id))
        .where(C.c.document_id == doc_id)
        .order_by(C.c.start)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


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
