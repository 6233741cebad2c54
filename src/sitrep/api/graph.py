"""The network (who appears with whom) and the map (GeoJSON of events and places): routes
over the read model (`sitrep.read.network`, `sitrep.read.events`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from sqlalchemy import select

from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.events import IsoDate, filtered_events
from sitrep.read.columns import rows
from sitrep.read.network import network
from sitrep.store import schema

router = APIRouter(tags=["graph"])
E, M, EV = schema.entities, schema.mentions, schema.events
Pair = tuple[str, str]


@router.get("/network", summary="Entities linked by co-participation in events and co-mention")
def get_network(
    store: StoreDep,
    _who: Viewer,
    type: Annotated[list[str] | None, Query(description="keep only these entity types")] = None,
    min_weight: Annotated[int, Query(ge=1, le=10**6)] = 1,
    max_nodes: Annotated[int, Query(ge=1, le=2000)] = 300,
    kind: Annotated[list[Literal["events", "sentences"]] | None, Query()] = None,
) -> dict[str, Any]:
    kinds = set(kind or ["events", "sentences"])
    with store.read() as conn:
        return network(conn, set(type or []), min_weight, max_nodes, kinds)


def _place_columns() -> tuple[Any, ...]:
    place = E.alias("place")
    return place, (place.c.name, place.c.lat, place.c.lon, place.c.precision, place.c.country)


@router.get("/map", summary="GeoJSON of events at their places, with place precision")
def get_map(
    store: StoreDep,
    _who: Viewer,
    type: Annotated[str | None, Query(max_length=80)] = None,
    entity: Annotated[
        str | None, Query(max_length=80, description="events it takes part in")
    ] = None,
    since: IsoDate = None,
    until: IsoDate = None,
) -> dict[str, Any]:
    place, columns = _place_columns()
    with store.read() as conn:
        events = filtered_events(conn, type, entity, None, since, until, None).subquery()
        query = (
            select(events, *[c.label(f"place_{c.name}") for c in columns])
            .select_from(events.join(place, place.c.id == events.c.place_entity_id))
            .where(place.c.lat.is_not(None), place.c.lon.is_not(None))
        )
        found = rows(conn, query)
    return {"type": "FeatureCollection", "features": [_feature(r) for r in found]}


def _feature(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": row["id"],
        "geometry": {"type": "Point", "coordinates": [row["place_lon"], row["place_lat"]]},
        "properties": {
            "kind": "event",
            "event_id": row["id"],
            "type": row["type"],
            "summary": row["summary"],
            "status": row["status"],
            "time_start": row["time_start"],
            "time_precision": row["time_precision"],
            "place_id": row["place_entity_id"],
            "place_name": row["place_name"],
            "country": row["place_country"],
            # city / region / country: a country centroid is not where it happened
            "precision": row["place_precision"] or "unknown",
        },
    }
