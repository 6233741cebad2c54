"""The sentences behind an event: each mention of it in a document, with where its trigger,
participants, place and date were read (character spans of the document's text) and why.

The workbench links every fact to `#/doc/<id>?start=..&end=..`, which scrolls to the span and
highlights it. Spans are the extractor's own, stored with the event mention. The API's
`/api/events/{id}/evidence` (`sitrep.api.evidence`) serves it as it is.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from sitrep.read.columns import DOCUMENT_REF, EVENT_MENTION_READING, record, rows
from sitrep.read.dating import dating
from sitrep.read.participants import SpanEntities, span_entities, typed_reading
from sitrep.read.records import EvidenceMention
from sitrep.store import entity_types, schema

EM, C, D = schema.event_mentions, schema.claims, schema.documents


def _span(
    item: Any, linked: SpanEntities, entity: tuple[str, str] | None = None
) -> dict[str, Any] | None:
    """A participant or place as read: its text and span, the entity the span resolved to (or
    `entity`) and the type it shows (`sitrep.read.participants`), or None where no span was
    kept."""
    if not isinstance(item, dict):
        return None
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or end <= start:
        return None
    reading = typed_reading(item, linked, entity)
    keys = ("role", "text", "start", "end", "entity_id", "type", "tagged_as")
    return {k: reading.get(k) for k in keys}


def _date(time: Any, sentence: dict[str, Any] | None, text: str) -> dict[str, Any] | None:
    """The date as read: its words (located in the sentence, when they are there) and the rule
    that turned them into a date ('weekday on or before the publication date', ...)."""
    if not isinstance(time, dict):
        return None
    words = str(time.get("text") or "")
    found: dict[str, Any] = {
        "text": words,
        "start_date": time.get("start"),
        "end_date": time.get("end"),
        "precision": time.get("precision"),
        "rule": time.get("method"),
        "dating": dating(str(time.get("method") or "")),
        "start": None,
        "end": None,
    }
    if sentence and words:
        at = text.find(words, sentence["start"], sentence["end"])
        if at >= 0:
            found["start"], found["end"] = at, at + len(words)
    return found


def mention_evidence(conn: Connection, event_id: str) -> list[EvidenceMention]:
    """Every mention of the event, oldest source first, with its spans."""
    query = (
        select(EM.c.id, EM.c.document_id, *DOCUMENT_REF, *EVENT_MENTION_READING)
        .add_columns(EM.c.place_entity_id)
        .select_from(EM.join(D, D.c.id == EM.c.document_id))
        .where(EM.c.event_id == event_id)
        .order_by(D.c.published, EM.c.document_id, EM.c.trigger_start)
    )
    found = rows(conn, query)
    # the place an event mention names itself wins over its span's entity, as in corroboration
    placed = entity_types(conn, {p for m in found if (p := m["place_entity_id"])})
    texts: dict[str, str] = {}
    linked: dict[str, SpanEntities] = {}
    for m in found:
        claim = (
            conn.execute(
                select(C.c.id, C.c.start, C.c.end, C.c.stance, C.c.outlet)
                .where(C.c.event_mention_id == m["id"])
                .order_by(C.c.start)
            )
            .mappings()
            .first()
        )
        sentence = {"start": claim["start"], "end": claim["end"]} if claim else None
        if m["document_id"] not in texts:
            texts[m["document_id"]] = str(
                conn.execute(select(D.c.text).where(D.c.id == m["document_id"])).scalar_one()
            )
        if m["document_id"] not in linked:
            linked[m["document_id"]] = span_entities(conn, m["document_id"])
        spans = linked[m["document_id"]]
        m["claim"] = dict(claim) if claim else None
        m["sentence_span"] = sentence
        m["participants"] = [s for p in m["participants"] or [] if (s := _span(p, spans))]
        place_id = m.pop("place_entity_id")
        place = (place_id, placed[place_id]) if place_id in placed else None
        m["place"] = _span(m["place"], spans, place)
        m["time"] = _date(m["time"], sentence, texts[m["document_id"]])
    return [record(m, EvidenceMention) for m in found]
