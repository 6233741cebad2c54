"""Reading sentences written for a test with the shipped pipeline, and picking out what the
tests look at: the events of one type and the roles of their participants."""

from __future__ import annotations

from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.records import ClaimRecord, EventMention, Participant


def read_events(nlp: Language, text: str, published: str) -> tuple[EventMention, ...]:
    """The event mentions of `text`, read as a report published on `published`."""
    return extract_events("d", nlp(text), published, None, None).events


def events_of(
    nlp: Language, text: str, published: str, types: tuple[str, ...] = ("ASSAULT", "DIE")
) -> list[EventMention]:
    """The event mentions of `text` of `types` (attacks and deaths unless told)."""
    return [e for e in read_events(nlp, text, published) if e.type in types]


def places_of(events: list[EventMention]) -> list[str | None]:
    """Each mention's place as written, None where it has none."""
    return [e.place.text if e.place else None for e in events]


def one_of_type(events: tuple[EventMention, ...], type_name: str) -> EventMention:
    """The one mention of `type_name` (the test fails, listing what was read, otherwise)."""
    found = [e for e in events if e.type == type_name]
    assert len(found) == 1, [(e.type, e.trigger) for e in events]
    return found[0]


def roles(event: EventMention) -> set[tuple[str, str]]:
    """(role, text as written) of each participant."""
    return {(p.role, p.text) for p in event.participants}


def doers(event: EventMention) -> set[str]:
    """The texts of its doers (actor or "by"), as written."""
    return {text for role, text in roles(event) if role in ("actor", "by")}


def assault_with(text: str, trigger: str, *participants: Participant) -> EventMention:
    """An asserted ASSAULT mention of `text`, at the first `trigger`, with `participants`: for
    tests of a reader that takes a mention as extraction built it."""
    at = text.index(trigger)
    claim = ClaimRecord(
        id="c",
        doc_id="d",
        event_mention_id="m",
        outlet=None,
        chain=(),
        stance="asserts",
        hedged=False,
        hedges=(),
        quote=None,
        start=0,
        end=len(text),
        sentence=0,
        sentence_text=text,
    )
    return EventMention(
        id="m",
        doc_id="d",
        type="ASSAULT",
        mode="unspecified",
        trigger=trigger,
        trigger_start=at,
        trigger_end=at + len(trigger),
        sentence=0,
        participants=participants,
        place=None,
        time=None,
        casualties=None,
        negated=False,
        modality=None,
        claim=claim,
    )
