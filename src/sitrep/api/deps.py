"""What every route shares: the store, pagination, the shape of a page of results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from sqlalchemy import Connection, Select

from sitrep.api.auth import Principal, require
from sitrep.read.columns import count_rows, rows
from sitrep.store import Store

MAX_LIMIT = 500


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9, description="items to skip")] = 0,
) -> Paging:
    return Paging(limit, offset)


StoreDep = Annotated[Store, Depends(get_store)]
PagingDep = Annotated[Paging, Depends(paging)]
Viewer = Annotated[Principal, Depends(require("viewer"))]
Editor = Annotated[Principal, Depends(require("editor"))]


def page(items: Sequence[Mapping[str, Any]], total: int, paging: Paging) -> dict[str, Any]:
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "items": items}


def run_page(conn: Connection, query: Select[Any], paging: Paging) -> dict[str, Any]:
    """Count the query's rows, then fetch one page of them."""
    total = count_rows(conn, query)
    items = rows(conn, query.limit(paging.limit).offset(paging.offset))
    return page(items, total, paging)
