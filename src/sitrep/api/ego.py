"""One entity's ego network (`/api/network/ego/{id}`): request parsing over the read model's
`sitrep.read.ego.ego_network`, which says what a link is and what evidence it carries."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from sitrep.api import workbench_models as wm
from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.events import IsoDate
from sitrep.read.dossier import entity_row
from sitrep.read.ego import _relations_in_window as _relations_in_window  # its tests import it here
from sitrep.read.ego import ego_network
from sitrep.read.network import KINDS
from sitrep.read.records import EgoNetwork

router = APIRouter(tags=["graph"])


@router.get(
    "/network/ego/{entity_id}",
    response_model=wm.EgoNetwork,
    summary="One entity's network: one or two hops, typed links with their evidence",
)
def get_ego_network(
    entity_id: str,
    store: StoreDep,
    _who: Viewer,
    hops: Annotated[int, Query(ge=1, le=2)] = 1,
    max_nodes: Annotated[int, Query(ge=2, le=500)] = 30,
    since: IsoDate = None,
    until: IsoDate = None,
    kind: Annotated[
        list[Literal["events", "sentences", "relations"]] | None,
        Query(description="what links two entities, as in /api/network"),
    ] = None,
) -> EgoNetwork:
    """Nodes carry `hop` (0 the entity itself); links carry `events` (taking part in the same
    event, `event_ids`) and `sentences` (named in one sentence, `said`: document and span),
    and `relations`, the typed relations between the two (commands, member of ...). With
    `since`/`until`, only dated events and documents published in the window count; with the
    kind "relations", a pair only a relation links is a link too (weighted by its claims)."""
    with store.read() as conn:
        entity_row(conn, entity_id)  # NotFoundError when there is none
        kinds = frozenset(kind or ["events", "sentences"]) & KINDS
        return ego_network(conn, entity_id, hops, max_nodes, since, until, kinds)
