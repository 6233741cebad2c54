"""The map: events at places with coordinates, as GeoJSON features, with the place's
precision (a country centroid is not where it happened)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from sitrep.read.columns import records
from sitrep.read.events import EventFilter, events_query
from sitrep.read.records import EventFeature, LocatedEvent
from sitrep.store import schema

E = schema.entities


def located_events(conn: Connection, where: EventFilter = EventFilter()) -> list[LocatedEvent]:
    """The filtered events whose place has coordinates, with the place's fields (`place_*`)."""
    place = E.alias("place")
    columns = (place.c.name, place.c.lat, place.c.lon, place.c.precision, place.c.country)
    events = events_query(conn, where).subquery()
    query = (
        select(events, *[c.label(f"place_{c.name}") for c in columns])
        .select_from(events.join(place, place.c.id == events.c.place_entity_id))
        .where(place.c.lat.is_not(None), place.c.lon.is_not(None))
        .order_by(events.c.time_start.asc().nulls_last(), events.c.id)
    )
    return records(conn, query, LocatedEvent)


def feature(row: LocatedEvent) -> EventFeature:
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
