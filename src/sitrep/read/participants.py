"""What type an event's participant shows: the one owner for the event page, the API and the
exports.

Extraction copies the tagger's label onto each participant it reads (PERSON, ORG, GPE ...).
Resolution later links the mention at that span to an entity, whose type may differ from the
label: the tagger's PERSON "Tel Brak" is a town, its ORG "al-Fouaa" a village. A participant
linked to an entity shows that entity's type; one that is not linked keeps the tagger's label.
The label stays beside the type as `tagged_as`, so the reader can still see what the tagger
said.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, select

from sitrep.read.records import JsonObject, Participant, TypedParticipant
from sitrep.store import schema

M, E = schema.mentions, schema.entities

# The sides of an event, ACLED's way: its doers (actor1: an assault's actor, a strike's "by")
# and the other side (actor2: target, counterpart, recipient). One table for the exports and
# the events filter's `actor` (a doer) and `target` (any other part) (`sitrep.read.events`).
ACTOR_ROLES = ("actor", "by")
OTHER_ROLES = ("target", "counterpart", "recipient")

# (start, end) of a span in one document -> the entity resolution linked there and its type
SpanEntities = dict[tuple[int, int], tuple[str, str]]


def shown_type(entity_type: str | None, tagged_as: str | None) -> str | None:
    """The entity's type where the participant is linked to one, the tagger's label otherwise."""
    return entity_type or tagged_as


def span_entities(conn: Connection, document_id: str) -> SpanEntities:
    """The entity resolution linked each mention span of the document to, with its type."""
    query = (
        select(M.c.start, M.c.end, M.c.entity_id, E.c.type)
        .select_from(M.join(E, E.c.id == M.c.entity_id))
        .where(M.c.document_id == document_id)
    )
    return {(r.start, r.end): (r.entity_id, r.type) for r in conn.execute(query)}


def typed_reading(
    item: Mapping[str, Any], linked: SpanEntities, entity: tuple[str, str] | None = None
) -> JsonObject:
    """A participant (or place) as extraction read it, with the entity its span resolved to
    (or `entity`, where the event mention names one itself: its place) and the type it shows;
    the tagger's `label` is renamed `tagged_as`."""
    reading = {k: v for k, v in item.items() if k != "label"}
    span = (item.get("start"), item.get("end"))
    entity_id, entity_type = entity or linked.get(span, (None, None))  # type: ignore[arg-type]
    tagged_as = item.get("label")
    reading["entity_id"] = entity_id
    reading["type"] = shown_type(entity_type, tagged_as)
    reading["tagged_as"] = tagged_as
    return reading


def typed_readings(items: Iterable[Any], linked: SpanEntities) -> list[JsonObject]:
    """`typed_reading` of each participant stored as an object (anything else is dropped)."""
    return [typed_reading(p, linked) for p in items if isinstance(p, Mapping)]


def entity_type(
    participant: Mapping[str, Any], known: Mapping[str, Mapping[str, Any]]
) -> str | None:
    """The type of the entity an event's participant is (None for an unnamed one, or one whose
    entity is not among `known`: entity id -> an entity record with its `type`)."""
    entity = known.get(participant.get("entity_id") or "")
    return str(entity["type"]) if entity else None


def typed_participants(
    participants: Iterable[Participant], known: Mapping[str, Mapping[str, Any]]
) -> list[TypedParticipant]:
    """An event's participants, each with its entity's type (None for an unnamed one)."""
    return [{**p, "entity_type": entity_type(p, known)} for p in participants]
