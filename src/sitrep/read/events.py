"""Events and their filter, claims: one meaning everywhere (CLI, API, UI, exports).

`EventFilter` is the one filter over events; the CLI's `sitrep events` and `export`, the API's
`/api/events`, `/api/timeline` and `/api/explore`, briefs and watched views all build it, and
`events_query` reads it (the explorer narrows its rows by what they read from places, claims
and casualties after: `sitrep.read.explore`).

- `actor`: any spelling, alias or id of an entity (see `entities_named`); an event matches
  when that entity is one of its doers (`ACTOR_ROLES`: ACLED's actor1 side). `target`: one
  on its other side (any other role). `entity`: one taking any part in it or its place
  (what a dossier lists). Before session 31 `sitrep events --actor` and `/api/events?actor=`
  meant `entity`, the explorer's `actor=` a doer: one word, two meanings.
- `place`: any spelling or id of the place entity the event happened at.
- `since` / `until`: ISO dates, whole or partial (2019, 2019-03); an event matches when its
  time interval overlaps them. Undated events match no time filter.
- `type`, `mode`, `status`: any of the event types (case-insensitive), modes, corroboration
  statuses given.
- `words`: every word of it (case-insensitive, as a part of a word) is in the event's summary
  or in the sentence or quote of one of its claims: what an analyst remembers of a report.
- `country`, `admin1`, `outlet`, `min_fatalities`, `dating`: read from an event's place
  entity, claims and casualties by the explorer's rows (`sitrep.read.explore.keep_row`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    and_,
    cast,
    false,
    func,
    literal,
    or_,
    select,
    true,
)

from sitrep.errors import NotFoundError, UsageError
from sitrep.read.columns import record, records
from sitrep.read.entities import entities_named
from sitrep.read.participants import ACTOR_ROLES, SpanEntities, span_entities, typed_readings
from sitrep.read.records import EventMentionRow, EventRow
from sitrep.store import LIKE_ESCAPE, like_literal, schema

EV, EM, C, D = schema.events, schema.event_mentions, schema.claims, schema.documents
STATUSES = ("single-source", "corroborated", "contested", "denied")
# YYYY, YYYY-MM or YYYY-MM-DD with a real month and a day 01-31. Dates are compared as text, so
# a month 13 would silently mean "the next year on"; a day past a month's end (02-30) sorts
# after that month's days and before the next month's, which is what it means, so it passes.
PARTIAL_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def partial_date(text: str) -> str:
    """`text` when it is a date, whole or partial (2016, 2016-10, 2016-10-31); else a
    UsageError in words."""
    if re.match(PARTIAL_DATE, text):
        return text
    raise UsageError(
        f"{text!r} is not a date", hint="write it as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016-10-31"
    )


@dataclass(frozen=True)
class EventFilter:
    """What events are narrowed to; every field optional (see the module's doc)."""

    type: tuple[str, ...] = ()
    mode: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    # An entity id or any spelling of its name, by the part it takes: `actor`, a doer;
    # `target`, the other side; `entity`, any part or the event's place. An actor filter that
    # also kept the events an entity was the victim of read "United Nations 3" for a convoy it
    # never struck.
    actor: str | None = None
    target: str | None = None
    entity: str | None = None
    place: str | None = None  # a place entity id, or any spelling of its name
    country: tuple[str, ...] = ()  # ISO 3166 alpha-2
    admin1: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    min_fatalities: int | None = None
    words: str | None = None  # each in the summary or a claim's sentence or quote
    # how the date was worked out (`read.dating` kinds; "none": no method): a week's report
    # may leave out the events no text dated, bounded only by their reports
    dating: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for bound in (self.since, self.until):
            if bound:
                partial_date(bound)

    @classmethod
    def of(cls, options: Mapping[str, Any]) -> EventFilter:
        """The filter among `options` (an exporter's keyword options, say): a single value of a
        field that takes several (`type="ASSAULT"`) is that one."""
        found: dict[str, Any] = {}
        for f in fields(cls):
            value = options.get(f.name)
            if f.default == ():
                value = (value,) if isinstance(value, str) else tuple(value or ())
                found[f.name] = tuple(v for v in value if v)
            else:
                found[f.name] = value if value or value == 0 else None
        return cls(**found)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) not in (None, "", ()) for f in fields(self))


def involves(entity_ids: set[str]) -> ColumnElement[bool]:
    """Events where one of the entities takes part or is the place. Participants are a JSON
    list; a text match on the quoted id is portable across SQLite and PostgreSQL."""
    if not entity_ids:
        return false()
    as_text = cast(EV.c.participants, String)
    return or_(
        EV.c.place_entity_id.in_(sorted(entity_ids)),
        *(as_text.like(f'%"{like_literal(e)}"%', escape=LIKE_ESCAPE) for e in sorted(entity_ids)),
    )


def takes_part(conn: Connection, entity_ids: set[str], *, acting: bool) -> ColumnElement[bool]:
    """Events where one of the entities is a doer (`acting`: a role in `ACTOR_ROLES`) or on
    the other side (any other role, or none), read from the participants' JSON list element by
    element (SQLite's json_each, PostgreSQL's json_array_elements): a text match could not
    tell whose role a quoted id sits beside."""
    if not entity_ids:
        return false()
    if conn.dialect.name == "postgresql":
        each = func.json_array_elements(EV.c.participants).table_valued(
            "value", joins_implicitly=True
        )
        entity: ColumnElement[Any] = each.c.value.op("->>")("entity_id")
        role: ColumnElement[Any] = each.c.value.op("->>")("role")
    else:
        each = func.json_each(EV.c.participants).table_valued("value", joins_implicitly=True)
        entity = func.json_extract(each.c.value, "$.entity_id")
        role = func.json_extract(each.c.value, "$.role")
    side = role.in_(ACTOR_ROLES) if acting else or_(role.is_(None), role.not_in(ACTOR_ROLES))
    found = select(literal(1)).select_from(each).where(entity.in_(sorted(entity_ids)), side)
    return found.exists()


def says_words(words: str) -> ColumnElement[bool]:
    """Events whose summary, or the sentence or quote of one of whose claims, holds each word
    of `words` (ignoring case; each word may be in a different one). No words: every event.
    The sentences are what the reports say (on FA-KES every claim has one, 196 of 3,712 a
    quote); the summary is the pipeline's reading (who, where, when)."""
    said = []
    for word in words.split():
        pattern = f"%{like_literal(word.lower())}%"
        quoted = (
            select(EM.c.event_id)
            .join(C, C.c.event_mention_id == EM.c.id)
            .where(
                func.lower(C.c.sentence_text).like(pattern, escape=LIKE_ESCAPE)
                | func.lower(C.c.quote).like(pattern, escape=LIKE_ESCAPE)
            )
        )
        said.append(
            or_(func.lower(EV.c.summary).like(pattern, escape=LIKE_ESCAPE), EV.c.id.in_(quoted))
        )
    return and_(true(), *said)


def events_query(conn: Connection, where: EventFilter = EventFilter()) -> Select[Any]:
    """Every event column, filtered, in time order (undated last); events of one time in the
    order reports first told them, then by id."""
    query = select(EV).order_by(
        EV.c.time_start.asc().nulls_last(), EV.c.first_told.asc().nulls_last(), EV.c.id
    )
    if where.type:
        query = query.where(EV.c.type.in_(sorted({t.upper() for t in where.type})))
    for column, wanted in ((EV.c.mode, where.mode), (EV.c.status, where.status)):
        if wanted:
            query = query.where(column.in_(wanted))
    if where.entity:
        query = query.where(involves(entities_named(conn, where.entity)))
    for name, acting in ((where.actor, True), (where.target, False)):
        if name:
            query = query.where(takes_part(conn, entities_named(conn, name), acting=acting))
    if where.place:
        query = query.where(EV.c.place_entity_id.in_(sorted(entities_named(conn, where.place))))
    if where.since:
        # a partial end (2019-03) lasts to the last day in it
        ends = func.coalesce(EV.c.time_end, EV.c.time_start) + "\uffff"
        query = query.where(ends >= where.since)
    if where.until:
        # a partial date (2019-03) still includes every day in it
        query = query.where(EV.c.time_start <= where.until + "\uffff")
    if where.words:
        query = query.where(says_words(where.words))
    return query


def list_events(conn: Connection, where: EventFilter = EventFilter()) -> list[EventRow]:
    return records(conn, events_query(conn, where), EventRow)


def dated_events(conn: Connection, where: EventFilter, limit: int) -> list[EventRow]:
    """The dated events the filter keeps, in time order, at most `limit`: a timeline."""
    query = events_query(conn, where).where(EV.c.time_start.is_not(None)).limit(limit)
    return records(conn, query, EventRow)


def event_ids(conn: Connection, where: EventFilter = EventFilter()) -> set[str]:
    """The ids of the events the filter keeps (the explorer narrows them further)."""
    return set(conn.execute(events_query(conn, where).with_only_columns(EV.c.id)).scalars())


def ids_kept(conn: Connection, events: Select[Any]) -> set[str]:
    """The ids of the events a query of them keeps (`events_query`, narrowed further by a
    caller such as the explorer's types, modes and statuses), without reading the events."""
    return set(conn.execute(events.with_only_columns(EV.c.id).order_by(None)).scalars())


def get_event(conn: Connection, event_id: str) -> EventRow:
    """One event's row; NotFoundError when there is none."""
    row = conn.execute(select(EV).where(EV.c.id == event_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"no event with id {event_id!r}", hint="see `sitrep events`")
    return record(row, EventRow)


def event_exists(conn: Connection, event_id: str) -> bool:
    return conn.execute(select(EV.c.id).where(EV.c.id == event_id)).first() is not None


def event_mentions(conn: Connection, event_id: str) -> list[EventMentionRow]:
    """The event's mentions as extracted, each participant with the type it shows
    (`sitrep.read.participants`)."""
    query = select(EM).where(EM.c.event_id == event_id).order_by(EM.c.id)
    found = records(conn, query, EventMentionRow)
    linked: dict[str, SpanEntities] = {}
    for m in found:
        if m["document_id"] not in linked:
            linked[m["document_id"]] = span_entities(conn, m["document_id"])
        m["participants"] = typed_readings(m["participants"] or [], linked[m["document_id"]])
    return found
