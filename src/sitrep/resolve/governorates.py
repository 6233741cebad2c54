"""Where a place the gazetteer lacks lies: the governorates of the gazetteer places named near
its mentions (a report on five governorates names each place near its own). The spelling pass
reads them to keep namesakes apart (issue 24a), and so does resolution's name-key link of one
spelling to another (issue 25a)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from sitrep.store import schema

# How far (characters) from a mention a gazetteer place still says where it is: about two
# sentences.
NEAR_CHARACTERS = 300


def governorate(country: str, admin1: str) -> str:
    """One governorate's key: "SY:Aleppo"."""
    return f"{country}:{admin1}"


def near(start: int, located: Iterable[tuple[int, str]]) -> set[str]:
    """The governorates of the located places (start, governorate) near a mention at `start`."""
    return {g for at, g in located if abs(at - start) <= NEAR_CHARACTERS}


@dataclass
class PlaceMentions:
    """What the store's place mentions say of the wanted entities and their documents."""

    documents: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    countries: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    governorates: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def scan_places(conn: Connection, wanted: Callable[[str], bool]) -> PlaceMentions:
    """For each wanted entity, the documents naming it and the governorates near its mentions;
    for each document, the countries of the places and states it names."""
    ents, men = schema.entities, schema.mentions
    query = (
        select(men.c.document_id, men.c.start, ents.c.id, ents.c.country, ents.c.attributes)
        .join(ents, ents.c.id == men.c.entity_id)
        .where(ents.c.type.in_(["place", "state"]))
    )
    out = PlaceMentions()
    located: defaultdict[str, list[tuple[int, str]]] = defaultdict(list)
    spelt: list[tuple[str, int, str]] = []
    for document, start, entity_id, country, attributes in conn.execute(query):
        if wanted(entity_id):
            out.documents[entity_id].add(document)
            spelt.append((document, start, entity_id))
        if country:
            out.countries[document].add(country)
        admin1 = attributes.get("admin1") if isinstance(attributes, dict) else None
        if admin1 and country:
            located[document].append((start, governorate(country, admin1)))
    for document, start, entity_id in spelt:
        out.governorates[entity_id].update(near(start, located[document]))
    return out


__all__ = ["NEAR_CHARACTERS", "PlaceMentions", "governorate", "near", "scan_places"]
