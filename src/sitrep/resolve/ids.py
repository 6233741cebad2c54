"""Deterministic entity ids: a re-run mints the same id for the same actor or name."""

from __future__ import annotations

from sitrep.names.phonetic import name_key
from sitrep.records import stable_id


def pack_entity_id(pack_id: str) -> str:
    return f"pk_{pack_id}"


def place_entity_id(geonames_id: int | None, region_id: str | None, name: str) -> str:
    if geonames_id is not None:
        return f"gn_{geonames_id}"
    if region_id is not None:
        return f"rg_{region_id}"
    return stable_id("pl", "place", name_key(name))


def name_entity_id(entity_type: str, name: str) -> str:
    """Entities outside the pack: type plus the spelling-insensitive key of the name (an
    acronym's letters: "EU" and "OA" are two bodies)."""
    return stable_id("ent", entity_type, name_key(name))


def split_entity_id(entity_id: str, aliases: list[str]) -> str:
    return stable_id("ent", "split", entity_id, *sorted(aliases))
