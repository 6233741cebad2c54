"""The network (who appears with whom) and the map (GeoJSON of events and places): routes
over the read model (`sitrep.read.network`, `sitrep.read.map`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.events import IsoDate
from sitrep.api.kept import Kept, stamp
from sitrep.read import records as r
from sitrep.read.events import EventFilter
from sitrep.read.map import feature, located_events
from sitrep.read.network import network

router = APIRouter(tags=["graph"])


@router.get(
    "/network",
    response_model=r.Network,
    summary="Entities linked by co-participation in events and co-mention",
)
def get_network(
    store: StoreDep,
    _who: Viewer,
    type: Annotated[list[str] | None, Query(description="keep only these entity types")] = None,
    min_weight: Annotated[int, Query(ge=1, le=10**6)] = 1,
    max_nodes: Annotated[int, Query(ge=1, le=2000)] = 300,
    fit: Annotated[
        int | None,
        Query(
            ge=1,
            le=2000,
            description="instead of min_weight: the lowest link weight at which at most this "
            "many entities show (the answer's min_weight says which)",
        ),
    ] = None,
    kind: Annotated[
        list[Literal["events", "sentences", "relations"]] | None,
        Query(description="what links two entities; typed relations are listed on every edge"),
    ] = None,
) -> r.Network:
    kinds = set(kind or ["events", "sentences"])
    types = set(type or [])
    key = (frozenset(types), min_weight, max_nodes, frozenset(kinds), fit)
    with store.read() as conn:
        at = stamp(store, conn)
        return _NETWORKS.get(
            at, key, lambda: network(conn, types, min_weight, max_nodes, kinds, fit)
        )


# The network page's answer counts every link of the store (FA-KES: 0.45 s, nine times that
# store: about 1 s), and an analyst comes back to it between dossiers: kept until the store's
# next commit (`sitrep.api.kept`), weighed by its entities and links.
_NETWORKS: Kept[r.Network] = Kept(100_000, lambda n: len(n["nodes"]) + len(n["edges"]))


@router.get(
    "/map",
    response_model=r.EventFeatures,
    summary="GeoJSON of events at their places, with place precision",
)
def get_map(
    store: StoreDep,
    _who: Viewer,
    type: Annotated[str | None, Query(max_length=80)] = None,
    entity: Annotated[
        str | None, Query(max_length=80, description="events it takes part in")
    ] = None,
    since: IsoDate = None,
    until: IsoDate = None,
) -> r.EventFeatures:
    with store.read() as conn:
        found = located_events(
            conn, EventFilter(type=(type,) if type else (), entity=entity, since=since, until=until)
        )
    return {"type": "FeatureCollection", "features": [feature(r) for r in found]}
