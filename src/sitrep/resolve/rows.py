"""Entity rows and judgement rows, as the store's tables want them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sitrep.pack import Actor, Pack
from sitrep.records import stable_id
from sitrep.resolve.centroids import country_centroid
from sitrep.resolve.ids import pack_entity_id
from sitrep.resolve.places import PlaceMatch
from sitrep.store import utc_now


def _with_source(items: list[dict[str, Any]], default: str) -> list[dict[str, Any]]:
    return [{**item, "source": item.get("source") or default} for item in items]


def pack_entity_row(actor: Actor, pack: Pack) -> dict[str, Any]:
    source = pack.meta.default_source
    # a state is a place known to country precision: its approximate centroid puts it on the map
    lat, lon = (country_centroid(actor.country) if actor.type == "state" else None) or (None, None)
    attributes: dict[str, Any] = {
        "pack": pack.name,
        "description": actor.description,
        "affiliation": actor.affiliation,
        "positions": _with_source([p.model_dump() for p in actor.positions], source),
        "affiliations": _with_source([a.model_dump() for a in actor.affiliations], source),
    }
    return {
        "id": pack_entity_id(actor.id),
        "type": actor.type,
        "name": actor.name,
        "pack_id": actor.id,
        "wikidata": actor.wikidata,
        "geonames_id": None,
        "country": actor.country,
        "lat": lat,
        "lon": lon,
        "precision": "country" if actor.type == "state" else None,
        "attributes": {k: v for k, v in attributes.items() if v},
        "created_by": "pack",
    }


def place_entity_row(entity_id: str, place: PlaceMatch) -> dict[str, Any]:
    lat, lon = place.lat, place.lon
    if lat is None and place.precision == "country":
        lat, lon = country_centroid(place.country_code) or (None, None)
    return {
        "id": entity_id,
        "type": "place",
        "name": place.name,
        "pack_id": None,
        "wikidata": None,
        "geonames_id": place.geonames_id,
        "country": place.country_code,
        "lat": lat,
        "lon": lon,
        "precision": place.precision,
        "attributes": {
            "population": place.population,
            "region_id": place.region_id,
            "admin1": place.admin1_name,  # the governorate, as ACLED's admin1 names it
        },
        "created_by": "rule",
    }


def name_entity_row(
    entity_id: str, entity_type: str, name: str, by: str = "rule"
) -> dict[str, Any]:
    return {
        "id": entity_id,
        "type": entity_type,
        "name": name,
        "pack_id": None,
        "wikidata": None,
        "geonames_id": None,
        "country": None,
        "lat": None,
        "lon": None,
        "precision": None,
        "attributes": {},
        "created_by": by,
    }


def judgement_row(
    action: str, targets: dict[str, Any], by: str, actor: str, reason: str, *, key: object = ""
) -> dict[str, Any]:
    """A logged decision. Rule judgements hash their content (a re-run logs nothing new);
    analyst judgements add the time, so the same decision taken twice is two entries."""
    # Analyst decisions are re-applied in time order, so they carry sub-second times.
    created = datetime.now(UTC).isoformat(timespec="microseconds") if by == "analyst" else utc_now()
    salt = created if by == "analyst" else ""
    return {
        "id": stable_id("jdg", action, by, repr(sorted(targets.items())), key, salt),
        "subject": "entity",
        "action": action,
        "targets": targets,
        "by": by,
        "actor": actor,
        "reason": reason,
        "created_at": created,
        "active": True,
    }
