"""Documents: the list, one document with everything found in it (by span), and search:
routes over the read model (`sitrep.read.documents`, `sitrep.read.search`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from sitrep.api import models
from sitrep.api.deps import PagingDep, StoreDep, Viewer, page, run_page
from sitrep.errors import NotFoundError
from sitrep.read.documents import documents_query, findings
from sitrep.read.search import search_documents

router = APIRouter(tags=["documents"])


@router.get(
    "/documents", response_model=models.DocumentPage, summary="List documents, newest ingested last"
)
def list_documents(
    store: StoreDep,
    paging: PagingDep,
    _who: Viewer,
    site: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    with store.read() as conn:
        return run_page(conn, documents_query(site), paging)


@router.get(
    "/documents/{doc_id}",
    response_model=models.Document,
    summary="One document with comments, mentions, events, claims",
)
def get_document(doc_id: str, store: StoreDep, _who: Viewer) -> dict[str, Any]:
    doc = store.document(doc_id)
    if doc["id"] != doc_id:
        raise NotFoundError(f"no document with id {doc_id!r}")
    with store.read() as conn:
        doc.update(findings(conn, doc_id))
    return doc


@router.get(
    "/search",
    response_model=models.SearchPage,
    summary="Full-text search over titles and bodies, with snippets",
)
def search(
    store: StoreDep,
    paging: PagingDep,
    _who: Viewer,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words to find")],
) -> dict[str, Any]:
    with store.read() as conn:
        total, hits = search_documents(conn, q, paging.limit, paging.offset)
    return {"query": q, **page(hits, total, paging)}
