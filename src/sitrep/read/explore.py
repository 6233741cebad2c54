"""The explorer's reading of the events filter (`sitrep.read.events.EventFilter`, the one
class every caller builds): its URL (`filter_of`, `filter_query`), the events it keeps
(`select_events`) and the row each is listed as (`event_row`).

One reading of a filter for everyone who asks what it keeps: the explorer's views, the map's
and timeline's points and an explorer export (`sitrep.api.explore`), a watched view's counts
(`sitrep.read.watch`). The rows are read with the exporters' helpers (`sitrep.export.data`), so
a row in the explorer and a row of the CSV describe an event with the same place, actors,
outlets and fatalities. The filter on what an event's row holds (types, statuses, dates, names,
words) is the query's; what is read from its place entity, claims and casualties narrows the
rows after.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import Connection, Select

from sitrep.errors import SitrepError, UsageError
from sitrep.export import data
from sitrep.export.acled import fatalities, iso_numeric
from sitrep.read.claims import claim_sources_by_event, event_sources
from sitrep.read.columns import records
from sitrep.read.dating import dating
from sitrep.read.entities import entities_by_id, entities_named
from sitrep.read.events import EV, EventFilter, events_query, partial_date
from sitrep.read.participants import ACTOR_ROLES, OTHER_ROLES, entity_type
from sitrep.read.records import ClaimSource, EntityRow

# The filter's keys as its URL writes them: the repeatable ones may appear several times
REPEATED = ("type", "mode", "status", "country", "dating")
SINGLE = (
    "actor", "target", "entity", "place", "admin1", "outlet", "since", "until", "min_fatalities",
    "words",
)  # fmt: skip
# The keys naming an entity by the part it takes (`EventFilter`; `read.events.takes_part`)
ENTITY_KEYS = ("actor", "target", "entity")
LONGEST_VALUE = 120


def filter_of(values: Mapping[str, Sequence[str]]) -> EventFilter:
    """The filter the values of its keys say, read the one way the explorer's URL is read:
    types and countries in capitals, words with their spaces collapsed, empty values as none.
    A key the explorer does not know, a date that is none, a toll that is no whole number or a
    second value of a single key is a UsageError in words (the API's own checks say the same)."""
    unknown = sorted(set(values) - set(REPEATED) - set(SINGLE))
    if unknown:
        raise UsageError(
            f"the explorer's filter has no key {unknown[0]!r}",
            hint="keys: " + ", ".join((*REPEATED, *SINGLE)),
        )

    def many(key: str) -> tuple[str, ...]:
        return tuple(v.strip() for v in values.get(key, ()) if v.strip())

    def one(key: str) -> str | None:
        found = many(key)
        if len(found) > 1:
            raise UsageError(f"the explorer's filter takes one {key}, not {len(found)}")
        if found and len(found[0]) > LONGEST_VALUE:
            raise UsageError(f"{key}: at most {LONGEST_VALUE} characters")
        return found[0] if found else None

    since, until, toll, words = one("since"), one("until"), one("min_fatalities"), one("words")
    if toll is not None and not (toll.isdigit() and int(toll) <= 10**6):
        raise UsageError(f"min_fatalities: {toll!r} is not a whole number of people")
    return EventFilter(
        type=tuple(t.upper() for t in many("type")),  # case-insensitive, as /api/events reads it
        mode=many("mode"),
        status=many("status"),
        actor=one("actor"),
        target=one("target"),
        entity=one("entity"),
        place=one("place"),
        country=tuple(c.upper() for c in many("country")),
        admin1=one("admin1"),
        outlet=one("outlet"),
        since=partial_date(since) if since else None,
        until=partial_date(until) if until else None,
        min_fatalities=None if toll is None else int(toll),
        words=" ".join(words.split()) if words else None,
        dating=many("dating"),
    )


def parse_filter(query: str) -> EventFilter:
    """The filter of an explorer URL's query (`type=ASSAULT&admin1=Aleppo&since=2016-10`, with
    or without its `?` or the route before it, `#/events?...`)."""
    return filter_of(query_values(query))


def query_values(query: str) -> dict[str, list[str]]:
    """The values of each key of an explorer URL's query, unread (`filter_of` reads them)."""
    _, mark, after = query.partition("?")
    values: dict[str, list[str]] = {}
    for key, value in parse_qsl(after if mark else query):
        values.setdefault(key, []).append(value)
    return values


def filter_query(f: EventFilter) -> str:
    """The filter as its URL's query, keys in one order (the filter's fields'), so one filter
    is always written the same way: "" for no filter."""
    pairs: list[tuple[str, str]] = []
    keys = (*REPEATED[:3], "actor", "target", "entity", "place", "country", *SINGLE[4:], "dating")
    for key in keys:
        value = getattr(f, key)
        for v in value if isinstance(value, tuple) else () if value is None else (value,):
            pairs.append((key, str(v)))
    return urlencode(pairs)


def norm(text: str) -> str:
    return " ".join(text.casefold().split())


def event_row(
    event: data.EventRow,
    claims: Iterable[ClaimSource],
    known: Mapping[str, EntityRow],
) -> dict[str, Any]:
    """One event as the explorer lists it (and its filters read it)."""
    claims = list(claims)
    place = data.event_place(event, known)
    people = data.participants(event)
    return {
        "id": event["id"],
        "type": event["type"],
        "mode": event.get("mode"),
        "summary": event.get("summary"),
        "time_start": event.get("time_start"),
        "time_end": event.get("time_end"),
        "time_precision": event.get("time_precision"),
        "dating": dating(event.get("time_method")),
        "status": event["status"],
        # corroboration's words for how it reached the status ("2 sources, all in one report:
        # …"): a row counting several origins may still be single-source
        "status_reason": event["status_reason"],
        "n_claims": event["n_claims"],
        "n_origins": event["n_origins"],
        "fatalities": fatalities(event),
        "place_entity_id": place.entity_id,
        "place_name": place.name,
        "precision": place.precision,
        "country": place.country,
        "country_name": data.country_name(place.country),
        "country_numeric": _iso_numeric(place.country),
        "admin1": place.admin1,
        "admin1_codes": _admin1_codes(known.get(place.entity_id or "")),
        "lat": place.lat,
        "lon": place.lon,
        "actors": [
            {
                "entity_id": p.get("entity_id"),
                "name": data.participant_name(p, known),
                "role": p.get("role"),
                "entity_type": entity_type(p, known),
                "acting": p.get("role") in ACTOR_ROLES,
            }
            for p in by_role(people)
        ],
        "outlets": data.outlets(claims),
        **event_sources(claims),
    }


# A participant's roles in the order a reader asks "who did it, to whom": ACLED's actor1 side
# (acting), then its actor2 side, then the rest (an item)
ROLE_ORDER = {role: i for i, role in enumerate((*ACTOR_ROLES, *OTHER_ROLES))}


def by_role(people: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The participants, those acting first (in the order stored within a role): an explorer
    row listed "39 civilians" before the air force that killed them, under "actors"."""
    return sorted(people, key=lambda p: ROLE_ORDER.get(p.get("role") or "", len(ROLE_ORDER)))


def parties(rows: Iterable[Mapping[str, Any]], *, acting: bool) -> list[dict[str, Any]]:
    """The entities taking part in the rows' events on one side, by how many of the events
    (most first; value: the id, label: the name): `acting`, the doers (the explorer's actor
    facet, the brief's most active actors); else the other side (the target facet). Each side
    is its filter's (`read.events.takes_part`), so a facet's count is the list its click gives."""
    names: dict[str, str] = {}
    found: Counter[str] = Counter()
    for r in rows:
        side = [a for a in r["actors"] if a["entity_id"] and a["acting"] == acting]
        for a in side:
            names.setdefault(a["entity_id"], a["name"])
        found.update({a["entity_id"] for a in side})
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], names[kv[0]]))
    return [{"value": i, "label": names[i], "count": n} for i, n in ranked]


def _admin1_codes(entity: EntityRow | None) -> list[str]:
    """The admin-1 areas (HASC codes) a place known only to a pack region is, as the active
    pack gives them (`Region.admin1_codes`): what the map draws for it. Empty otherwise."""
    attributes = (entity["attributes"] if entity else None) or {}
    region = attributes.get("region_id") if isinstance(attributes, dict) else None
    return list(_region_areas().get(region, ())) if isinstance(region, str) else []


@lru_cache(maxsize=1)
def _region_areas() -> dict[str, tuple[str, ...]]:
    from sitrep.pack.active import active_pack

    try:
        return {r.id: r.admin1_codes for r in active_pack().regions}
    except SitrepError:  # no pack: regions are drawn as rings
        return {}


def _iso_numeric(code: str | None) -> str | None:
    """ISO 3166 numeric code, zero-padded as world-atlas names its country shapes ("760")."""
    found = iso_numeric(code)
    return None if found is None else f"{found:03d}"


def keep_row(row: dict[str, Any], f: EventFilter) -> bool:
    """The explorer's filters on what a row reads from its place, claims and casualties; the
    others are the query's (`filtered_events`)."""
    checks = (
        not f.country or (row["country"] or "") in f.country,
        not f.admin1 or norm(f.admin1) == norm(row["admin1"] or ""),
        not f.outlet or norm(f.outlet) in {norm(o) for o in row["outlets"]},
        f.min_fatalities is None or row["fatalities"] >= f.min_fatalities,
        not f.dating or dating_kind(row) in f.dating,
    )
    return all(checks)


def dating_kind(row: Mapping[str, Any]) -> str:
    """How an explorer row's date was worked out, as the `dating` filter and facet name it:
    its kind (`read.dating`), "none" without a method (no time, or reduced before it)."""
    return str((row["dating"] or {}).get("kind") or "none")


@dataclass(frozen=True)
class Selection:
    rows: list[dict[str, Any]]
    matched: dict[str, list[dict[str, Any]]]  # the entities each text filter was read as


def select_events(conn: Connection, f: EventFilter) -> Selection:
    """Every event the filter keeps, in time order (undated last), with how it read the names.

    An actor is a doer of the event, a target one on its other side, an entity one taking any
    part or its place, each by any spelling; place, dates, words, types, modes and statuses
    mean what they mean everywhere else: they are the read model's query
    (`sitrep.read.events.events_query`), so only the events it keeps are read, with only their
    claims' outlets and the entities they name (a store read whole on every request made a
    page's wait grow with the store). Country, admin-1 area, outlet and fatalities, read from
    the place entity, the claims and the casualties, narrow the rows after."""
    query = filtered_events(conn, f)
    events = records(conn, query, data.EventRow)
    sources = claim_sources_by_event(conn, query.with_only_columns(EV.c.id).order_by(None))
    named = {e["place_entity_id"] for e in events} | {
        p.get("entity_id") for e in events for p in data.participants(e)
    }
    known = entities_by_id(conn, (i for i in named if i))
    rows = [event_row(e, sources.get(e["id"], []), known) for e in events]
    kept = [r for r in rows if keep_row(r, f)]
    matched: dict[str, list[dict[str, Any]]] = {}
    for name in (*ENTITY_KEYS, "place"):
        spelling = getattr(f, name)
        found = entities_by_id(conn, entities_named(conn, spelling)) if spelling else {}
        if found:
            matched[name] = [
                {"id": i, "name": found[i]["name"], "type": found[i]["type"]} for i in sorted(found)
            ]
    return Selection(kept, matched)


def filtered_events(conn: Connection, f: EventFilter) -> Select[Any]:
    """The read model's query of the events the filter keeps (`events_query`): the explorer
    adds no reading of its own to the fields a query can answer."""
    return events_query(conn, f)
