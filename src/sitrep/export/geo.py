"""`geojson`: a FeatureCollection of located events, and of places with `places=True`.

Coordinates are those of the place entity an event was resolved to; the precision of both the
place (city / region / country) and the time travels in the properties, so a map never shows a
country centroid as if it were a street corner. Events without coordinates are left out unless
`unlocated=True` (then with a null geometry, which GeoJSON allows).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, BinaryIO

from sitrep.export import data
from sitrep.export.acled import fatalities
from sitrep.read.claims import claims_by_event, event_sources
from sitrep.read.dating import dating
from sitrep.read.entities import entities_with_aliases
from sitrep.read.events import EventFilter, list_events
from sitrep.store import Store


def _point(lat: float | None, lon: float | None) -> dict[str, Any] | None:
    if lat is None or lon is None:
        return None
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def event_feature(
    event: data.EventRow, claims: list[data.ClaimRow], known: dict[str, data.EntityRow]
) -> dict[str, Any]:
    place = data.event_place(event, known)
    return {
        "type": "Feature",
        "id": event["id"],
        "geometry": _point(place.lat, place.lon),
        "properties": {
            "kind": "event",
            "event_type": event["type"],
            "mode": event.get("mode"),
            "summary": event.get("summary"),
            "time_start": event.get("time_start"),
            "time_end": event.get("time_end"),
            "time_precision": event.get("time_precision"),
            "dating": dating(event.get("time_method")),
            "place": place.name,
            "place_entity_id": place.entity_id,
            "geo_precision": place.precision,
            "country": place.country,
            "actors": [data.participant_name(p, known) for p in data.participants(event)],
            "status": event["status"],
            "n_claims": event["n_claims"],
            "n_origins": event["n_origins"],
            "fatalities": fatalities(event),
            "sources": data.outlets(claims),
            **event_sources(claims),
        },
    }


def place_feature(entity: data.EntityRow) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": entity["id"],
        "geometry": _point(entity.get("lat"), entity.get("lon")),
        "properties": {
            "kind": "place",
            "name": entity["name"],
            "geo_precision": entity.get("precision"),
            "country": entity.get("country"),
            "geonames_id": entity.get("geonames_id"),
            "aliases": entity.get("aliases", []),
        },
    }


class GeoJsonExporter:
    name = "geojson"
    media_type = "application/geo+json"
    suffix = ".geojson"

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        unlocated = bool(options.get("unlocated", False))
        features: list[dict[str, Any]] = []
        with store.read() as conn:
            known = entities_with_aliases(conn)
            claims = claims_by_event(conn)
            for event in list_events(conn, EventFilter.of(dict(options))):
                feature = event_feature(event, claims.get(event["id"], []), known)
                if feature["geometry"] is not None or unlocated:
                    features.append(feature)
        if options.get("places"):
            located = (e for e in known.values() if e.get("lat") is not None)
            features += [place_feature(e) for e in located if _is_place(e)]
        collection = {"type": "FeatureCollection", "features": features}
        out.write(json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8"))
        return len(features)


def _is_place(entity: data.EntityRow) -> bool:
    return str(entity["type"]).lower() in data.PLACE_TYPES or entity.get("geonames_id") is not None
