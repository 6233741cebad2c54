"""Entities: the list (by type, by name) and one entity's dossier."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from sitrep.api import models
from sitrep.api.deps import PagingDep, StoreDep, Viewer, run_page
from sitrep.read.dossier import dossier
from sitrep.read.entities import entities_query
from sitrep.read.records import Dossier

router = APIRouter(tags=["entities"])


@router.get(
    "/entities", response_model=models.EntityPage, summary="List entities, most mentioned first"
)
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
    query = entities_query(type, q)
    with store.read() as conn:
        return run_page(conn, query, paging)


@router.get("/entities/{entity_id}", response_model=Dossier, summary="One entity's dossier")
def get_entity(entity_id: str, store: StoreDep, _who: Viewer) -> Dossier:
    with store.read() as conn:
        return dossier(conn, entity_id)
