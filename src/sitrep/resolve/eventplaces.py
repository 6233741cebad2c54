"""Where an event happened, for the places entity resolution does not reach.

Resolution gives an entity to every name the tagger found; an event's place is usually one of
them. Two cases are left, both decided here for the event mention alone
(`event_mentions.place_entity_id`, which corroboration reads before the span's entity):

- the extractor found the place without the tagger (the gazetteer's names after "in"), so no
  entity stands at its span: the gazetteer resolves it as it would a tagged place;
- the text puts the place in a known one ("al-Bureij northeast of Aleppo", `Participant.within`)
  and the place itself is not in the gazetteer, or only as a namesake elsewhere (a camp in Gaza,
  another governorate's village): the place keeps its own name and takes the container's
  position, precision and governorate, with `within` saying so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from sitrep.resolve.ids import place_entity_id
from sitrep.resolve.places import PlaceMatch, resolve_place
from sitrep.resolve.rows import place_entity_row
from sitrep.store import insert_ignore, schema
from sitrep.store.store import chunked


def locate_event_places(
    conn: Connection, doc_ids: Sequence[str], contexts: Mapping[str, Sequence[str]]
) -> int:
    """Give the events of `doc_ids` the place entities above; returns how many were given.
    `contexts`: each document's countries, as resolution found them."""
    entities: dict[str, dict[str, Any]] = {}
    updates: list[dict[str, Any]] = []
    spans = _span_places(conn, doc_ids)
    names: dict[str, list[tuple[int, int]]] = {}
    for doc, start, end in spans:
        names.setdefault(doc, []).append((start, end))
    for row in _placed_event_mentions(conn, doc_ids):
        place = row["place"]
        doc, start, end = row["document_id"], place["start"], place["end"]
        context = tuple(contexts.get(doc, ()))
        span_entity = spans.get((doc, start, end))
        if span_entity is None and _overlaps(names.get(doc, ()), start, end):
            continue  # "Quds" of "Quds Force": the tagger read a longer name there, no place
        found = _decide(str(place["text"]), place.get("within"), span_entity, context)
        if found is None:
            continue
        entity_id, entity = found
        entities.setdefault(entity_id, entity)
        updates.append({"mid": row["id"], "eid": entity_id})
    insert_ignore(conn, schema.entities, [entities[k] for k in sorted(entities)])
    if updates:
        em = schema.event_mentions
        conn.execute(
            update(em).where(em.c.id == bindparam("mid")).values(place_entity_id=bindparam("eid")),
            updates,
        )
    return len(updates)


def _decide(
    text: str,
    within: str | None,
    span_entity: Mapping[str, Any] | None,
    context: Sequence[str],
) -> tuple[str, dict[str, Any]] | None:
    container = resolve_place(within, context, small_towns=True) if within else None
    if container is not None and context and container.country_code not in context:
        # a namesake in a country the report does not name ("al-Sulaymaniyah area in Aleppo
        # city", the gazetteer's Sulaymaniyah being Iraq's): no container it could mean
        container = None
    if span_entity is not None and span_entity["lat"] is not None:
        if container is None or _agrees(span_entity, container):
            return None  # the span's entity stands, and resolution already gave it
        return _located(text, container)
    place = resolve_place(text, context, small_towns=True)
    if container is not None and (place is None or not _agrees(_as_row(place), container)):
        return _located(text, container)
    if place is None or span_entity is not None:
        return None  # the span's entity (a name without a place) stays what resolution made
    entity_id = place_entity_id(place.geonames_id, place.region_id, place.name)
    return entity_id, place_entity_row(entity_id, place)


def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _agrees(place: Mapping[str, Any], container: PlaceMatch) -> bool:
    """A place lies in its container when both are in one country and, where both have one,
    one governorate."""
    if place.get("country") != container.country_code:
        return False
    admin1 = (place.get("attributes") or {}).get("admin1")
    return (
        container.precision == "country"
        or not (admin1 and container.admin1_name)
        or (admin1 == container.admin1_name)
    )


def _as_row(place: PlaceMatch) -> dict[str, Any]:
    return place_entity_row("", place)


def _located(text: str, container: PlaceMatch) -> tuple[str, dict[str, Any]]:
    container_id = place_entity_id(container.geonames_id, container.region_id, container.name)
    entity_id = place_entity_id(None, None, f"{text} in {container_id}")
    row = place_entity_row(entity_id, container)
    row.update(geonames_id=None, name=text)
    row["attributes"] = {
        "admin1": container.admin1_name,
        "within": container.name,
        "within_entity_id": container_id,
        "located_by": "the place the text puts it in",
    }
    return entity_id, row


def _placed_event_mentions(conn: Connection, doc_ids: Sequence[str]) -> Iterable[dict[str, Any]]:
    em = schema.event_mentions
    columns = (em.c.id, em.c.document_id, em.c.place)
    for chunk in chunked(sorted(doc_ids)):
        query = (
            select(*columns)
            .where(em.c.document_id.in_(chunk), em.c.place_entity_id.is_(None))
            .order_by(em.c.document_id, em.c.id)
        )
        for row in conn.execute(query).mappings():
            if isinstance(row["place"], dict):
                yield dict(row)


def _span_places(
    conn: Connection, doc_ids: Sequence[str]
) -> dict[tuple[str, int, int], dict[str, Any]]:
    """(document, start, end) -> the entity resolution gave the name there (every resolved
    name: a place's span that overlaps another name is told by it)."""
    men, ent = schema.mentions, schema.entities
    out: dict[tuple[str, int, int], dict[str, Any]] = {}
    for chunk in chunked(sorted(doc_ids)):
        query = (
            select(
                men.c.document_id,
                men.c.start,
                men.c.end,
                ent.c.country,
                ent.c.lat,
                ent.c.attributes,
            )
            .join(ent, ent.c.id == men.c.entity_id)
            .where(men.c.document_id.in_(chunk))
        )
        for row in conn.execute(query).mappings():
            out[(row["document_id"], row["start"], row["end"])] = dict(row)
    return out
