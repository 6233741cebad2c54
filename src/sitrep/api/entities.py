"""Entities: the list (by type, by name) and one entity's dossier."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import func, select

from sitrep.api.deps import PagingDep, StoreDep, Viewer, run_page
from sitrep.read.dossier import dossier
from sitrep.read.entities import name_like
from sitrep.store import schema

router = APIRouter(tags=["entities"])
E, M, A = schema.entities, schema.mentions, schema.entity_aliases


@router.get("/entities", summary="List entities, most mentioned first")
def list_entities(
    store: StoreDep,
    paging: PagingDep,
    _who: Viewer,
    type: Annotated[
        str | None,
        Query(max_length=16, description="person, group, org, state_body, state, media or place"),
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="part of a name or alias")] = None,
) -> dict[str, Any]:
    n_mentions = select(func.count()).where(M.c.entity_id == E.c.id).scalar_subquery()
    query = select(
        E.c.id,
        E.c.type,
        E.c.name,
        E.c.country,
        E.c.wikidata,
        E.c.precision,
        n_mentions.label("mentions"),
    ).order_by(n_mentions.desc(), E.c.name, E.c.id)
    if type:
        query = query.where(E.c.type == type)
    if q:
        query = query.where(name_like(q))
    with store.read() as conn:
        return run_page(conn, query, paging)


@router.get("/entities/{entity_id}", summary="One entity's dossier")
def get_entity(entity_id: str, store: StoreDep, _who: Viewer) -> dict[str, Any]:
    with store.read() as conn:
        return dossier(conn, entity_id)
