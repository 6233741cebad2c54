"""The network (who appears with whom) and the map (GeoJSON of events and places)."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from sqlalchemy import Connection, String, and_, cast, func, select

from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.events import IsoDate, filtered_events
from sitrep.read.columns import rows
from sitrep.read.dossier import participant_ids
from sitrep.store import schema

router = APIRouter(tags=["graph"])
E, M, EV = schema.entities, schema.mentions, schema.events
Pair = tuple[str, str]


def sentence_pairs(conn: Connection) -> Counter[Pair]:
    """Entity pairs named in one sentence, counted once per sentence."""
    a, b = M.alias("a"), M.alias("b")
    where_said = a.c.document_id + ":" + cast(a.c.sentence, String)
    query = (
        select(a.c.entity_id, b.c.entity_id, func.count(func.distinct(where_said)))
        .select_from(
            a.join(b, and_(b.c.document_id == a.c.document_id, b.c.sentence == a.c.sentence))
        )
        .where(a.c.entity_id.is_not(None), b.c.entity_id.is_not(None))
        .where(a.c.entity_id < b.c.entity_id)
        .group_by(a.c.entity_id, b.c.entity_id)
    )
    return Counter({(x, y): int(n) for x, y, n in conn.execute(query)})


def event_pairs(conn: Connection) -> Counter[Pair]:
    """Entity pairs taking part in one event (its place counts as taking part)."""
    pairs: Counter[Pair] = Counter()
    query = select(EV.c.participants, EV.c.place_entity_id)
    for participants, place in conn.execute(query):
        ids = participant_ids({"participants": participants})
        if place:
            ids.add(place)
        for x, y in combinations(sorted(ids), 2):
            pairs[(x, y)] += 1
    return pairs


def network(
    conn: Connection, types: set[str], min_weight: int, max_nodes: int, kinds: set[str]
) -> dict[str, Any]:
    by_sentence = sentence_pairs(conn) if "sentences" in kinds else Counter()
    by_event = event_pairs(conn) if "events" in kinds else Counter()
    info = {r.id: r for r in conn.execute(select(E.c.id, E.c.name, E.c.type))}
    edges: list[dict[str, Any]] = []
    for pair in sorted(set(by_sentence) | set(by_event)):
        weight = by_sentence[pair] + by_event[pair]
        known = all(x in info and (not types or info[x].type in types) for x in pair)
        if known and weight >= min_weight:
            edges.append(
                {
                    "source": pair[0],
                    "target": pair[1],
                    "weight": weight,
                    "sentences": by_sentence[pair],
                    "events": by_event[pair],
                }
            )
    degree: Counter[str] = Counter()
    for edge in edges:
        degree[edge["source"]] += edge["weight"]
        degree[edge["target"]] += edge["weight"]
    keep = {n for n, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]}
    nodes = [
        {"id": n, "name": info[n].name, "type": info[n].type, "weight": degree[n]}
        for n in sorted(keep)
    ]
    edges = [e for e in edges if e["source"] in keep and e["target"] in keep]
    return {"nodes": nodes, "edges": edges}


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
