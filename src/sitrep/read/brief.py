"""The situation report of a period: what an analyst hands on about the events one explorer
filter keeps between two dates. Its content is read here once; the CLI (`sitrep brief`), the
API and the workbench only render it (`sitrep.export.brief`).

It states only what the store holds, each statement with the documents it rests on:

- headline counts: the events the filter keeps in the period (the explorer's count for the same
  filter and dates, `sitrep.read.explore.select_events`), by type and by governorate, and their
  fatalities as a range: an event's low and high are the fewest and most killed any of its
  reports (event mentions) or the event itself states, so where sources differ the total is
  "low–high"; each event's figures cite the documents that state them;
- the corroborated events, each with its first report (title, address or document id) and
  outlets; the contested and denied events with every claim on them: who says it (the
  attribution chain), their stance, the sentence, and the document. Each list names at most
  `LISTED` events, the most reported (most documents, then most killed), in time order; the
  report says how many more there are and gives the explorer's filter that lists them all;
- day by day: every event in the period under the day it happened on (those whose dates span
  more than a day last, with their span), each with who took part and in what role, its toll,
  status and sources, at most `DAYS_LISTED` events (the most reported, as above): what an
  analyst writing the week's report reads, where most events are told by one source and so
  are in neither list above;
- the most active actors (the entities doing most of the events: their doers, not victims);
- the previous period of the same length, counted the same way, and what changed: events and
  fatalities, each type and governorate, the actors active now and not then.

A period is the filter's `since`/`until` (whole or partial dates: a month runs to its last
day). A filter without one of them runs from its earliest dated event or to its latest.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, TypedDict

from sqlalchemy import Connection, select

from sitrep.export.graph import day_bounds
from sitrep.read.columns import EM, D, claims_query, records
from sitrep.read.events import EventFilter
from sitrep.read.explore import filter_query, parties, select_events
from sitrep.read.records import ClaimRecord
from sitrep.store import chunked

# the explorer's rows of the events a filter keeps (`select_events` by default; the API's kept
# selection when it asks)
Rows = Callable[[Connection, EventFilter], list[dict[str, Any]]]
TOP_ACTORS = 10
# The most events a list of the report names: a month of a busy front has hundreds of
# corroborated events, and a report is read, not searched; the rest are one link away
LISTED = 20
DISPUTED = ("contested", "denied")
# The most events the day-by-day list names: a week of one governorate holds tens (the week of
# 19 September 2016 in Aleppo: 30 on FA-KES), a month of a country hundreds
DAYS_LISTED = 100


class Count(TypedDict):
    value: str
    count: int


class Toll(TypedDict):
    low: int
    high: int
    documents: list[str]  # the documents that state the lowest and the highest figure


class Party(TypedDict):
    name: str
    role: str  # actor, by, target, counterpart, recipient, item
    entity_id: str | None


class BriefEvent(TypedDict):
    id: str
    type: str
    summary: str | None
    time_start: str | None
    time_end: str | None
    place_name: str | None
    admin1: str | None
    status: str
    outlets: list[str]
    n_documents: int
    first_report: str | None  # a document id (its title and address are in `documents`)
    killed: Toll | None  # None: no report gives a toll
    who: list[Party]  # its participants, those acting first


class Day(TypedDict):
    day: str | None  # None: events whose dates span more than one day (or none)
    events: list[BriefEvent]
    killed_low: int  # the day's listed events' tolls added up, fewest to most
    killed_high: int


class Said(TypedDict):
    who: str  # the speaker, then who passed it on ("SOHR, via Example Daily")
    stance: str
    hedged: bool
    sentence: str
    document: str


class Dispute(TypedDict):
    event: BriefEvent
    claims: list[Said]


class Actor(TypedDict):
    id: str
    name: str
    events: int


class Cited(TypedDict):
    id: str
    title: str | None
    url: str | None
    site: str | None
    published: str | None


class Change(TypedDict):
    value: str
    now: int
    before: int


class Previous(TypedDict):
    since: str
    until: str
    events: int
    killed_low: int
    killed_high: int
    by_type: list[Change]
    by_admin1: list[Change]
    new_actors: list[Actor]  # active in this period, in none of the previous one's events


class Brief(TypedDict):
    since: str | None  # the period's first day (None: no dated event and no since)
    until: str | None
    filter: str  # the explorer's URL query for the period's events (with its since/until)
    events: int
    undated: int
    killed_low: int
    killed_high: int
    tolls_differ: int  # events whose reports give different tolls
    by_type: list[Count]
    by_status: list[Count]  # single-source, corroborated, contested, denied
    by_admin1: list[Count]  # "" for events known to no governorate
    listed: int  # the most events a list names (LISTED)
    corroborated: list[BriefEvent]  # at most `listed` of them (see the module)
    corroborated_total: int
    corroborated_filter: str  # the explorer's URL query that lists all of them
    disputed: list[Dispute]  # at most `listed`
    disputed_total: int
    disputed_filter: str
    days: list[Day]  # at most `days_listed` events, by day (see the module)
    days_listed: int  # the most events the day-by-day list names (DAYS_LISTED)
    actors: list[Actor]
    previous: Previous | None
    documents: dict[str, Cited]  # every document cited above, by id


def explorer_rows(conn: Connection, f: EventFilter) -> list[dict[str, Any]]:
    return select_events(conn, f).rows


def situation_report(
    conn: Connection,
    f: EventFilter,
    rows_of: Rows = explorer_rows,
    listed: int = LISTED,
    days_listed: int = DAYS_LISTED,
) -> Brief:
    """The report on the events `f` keeps in its period (see the module), naming at most
    `listed` events a list and `days_listed` day by day."""
    first, last = day_bounds(f.since, f.until)
    rows = rows_of(conn, f)
    if first is None or last is None:  # the period of the filter's dated events
        dated = [day_bounds(r["time_start"], r["time_end"] or r["time_start"]) for r in rows]
        first = first or min((a for a, _ in dated if a), default=None)
        last = last or max((b for _, b in dated if b), default=None)
    period = replace(f, since=first, until=last) if first and last else f
    ids = [r["id"] for r in rows]
    tolls = _tolls(conn, ids, {r["id"]: r["fatalities"] for r in rows})
    events = [_event(r, tolls.get(r["id"])) for r in rows]
    corroborated = [e for e in events if e["status"] == "corroborated"]
    disputed = [e for e in events if e["status"] in DISPUTED]
    named, named_disputed = most_reported(corroborated, listed), most_reported(disputed, listed)
    said = _claims(conn, [e["id"] for e in named_disputed])
    days = by_day(most_reported(events, days_listed))
    cited: set[str] = set()
    for e in (*named, *named_disputed, *(e for d in days for e in d["events"])):
        cited |= {e["first_report"]} if e["first_report"] else set()
        cited |= set(e["killed"]["documents"]) if e["killed"] else set()
    cited |= {s["document"] for claims in said.values() for s in claims}
    return Brief(
        since=first,
        until=last,
        filter=filter_query(period),
        events=len(rows),
        undated=sum(r["time_start"] is None for r in rows),
        killed_low=sum(t["low"] for t in tolls.values()),
        killed_high=sum(t["high"] for t in tolls.values()),
        tolls_differ=sum(t["low"] != t["high"] for t in tolls.values()),
        by_type=_counted(r["type"] for r in rows),
        by_status=_counted(r["status"] for r in rows),
        by_admin1=_counted(r["admin1"] or "" for r in rows),
        listed=listed,
        corroborated=named,
        corroborated_total=len(corroborated),
        corroborated_filter=filter_query(_of_status(period, ("corroborated",))),
        disputed=[Dispute(event=e, claims=said.get(e["id"], [])) for e in named_disputed],
        disputed_total=len(disputed),
        disputed_filter=filter_query(_of_status(period, DISPUTED)),
        days=days,
        days_listed=days_listed,
        actors=_actors(rows)[:TOP_ACTORS],
        previous=_previous(conn, f, rows, first, last, rows_of) if first and last else None,
        documents=_documents(conn, cited),
    )


def most_reported(events: list[BriefEvent], most: int = LISTED) -> list[BriefEvent]:
    """The `most` events told by the most documents (then with the most killed), in the order
    given (time order): those a reader of the report most needs; the rest stay in the explorer."""
    if len(events) <= most:
        return events
    ranked = sorted(
        range(len(events)),
        key=lambda i: (-events[i]["n_documents"], -_high(events[i]), i),
    )
    return [events[i] for i in sorted(ranked[:most])]


def by_day(events: list[BriefEvent]) -> list[Day]:
    """The events under the day they happened on, days in order, the most told first within a
    day; those whose dates span more than a day (a month, a range of days, a year) or that have
    none come last, in time order, under no day: putting them under their first day would say
    they happened then."""
    days: dict[str, list[BriefEvent]] = defaultdict(list)
    spanning: list[BriefEvent] = []
    for e in events:
        start, end = e["time_start"], e["time_end"] or e["time_start"]
        if start and start == end and len(start) == 10:
            days[start].append(e)
        else:
            spanning.append(e)
    out = [
        _day(day, sorted(told, key=lambda e: (-e["n_documents"], -_high(e))))
        for day, told in sorted(days.items())
    ]
    spanning.sort(key=lambda e: (e["time_start"] is None, e["time_start"] or ""))
    return out + ([_day(None, spanning)] if spanning else [])


def _day(day: str | None, events: list[BriefEvent]) -> Day:
    low = sum(e["killed"]["low"] for e in events if e["killed"])
    return Day(day=day, events=events, killed_low=low, killed_high=sum(map(_high, events)))


def _high(e: BriefEvent) -> int:
    return e["killed"]["high"] if e["killed"] else 0


def _of_status(f: EventFilter, statuses: tuple[str, ...]) -> EventFilter:
    """The filter narrowed to these statuses (to those of them it keeps, when it names some)."""
    kept = tuple(s for s in statuses if not f.status or s in f.status)
    return replace(f, status=kept or statuses)


def _previous(
    conn: Connection,
    f: EventFilter,
    rows: list[dict[str, Any]],
    first: str,
    last: str,
    rows_of: Rows,
) -> Previous | None:
    """The period of the same length just before, counted as this one is, and what changed
    (None for a period with no calendar before it)."""
    before = previous_period(first, last)
    if before is None:
        return None
    before_first, before_last = before
    earlier = rows_of(conn, replace(f, since=before_first, until=before_last))
    tolls = _tolls(conn, [r["id"] for r in earlier], {r["id"]: r["fatalities"] for r in earlier})
    then = {a["id"] for a in _actors(earlier)}
    return Previous(
        since=before_first,
        until=before_last,
        events=len(earlier),
        killed_low=sum(t["low"] for t in tolls.values()),
        killed_high=sum(t["high"] for t in tolls.values()),
        by_type=_changes((r["type"] for r in rows), (r["type"] for r in earlier)),
        by_admin1=_changes((r["admin1"] or "" for r in rows), (r["admin1"] or "" for r in earlier)),
        new_actors=[a for a in _actors(rows) if a["id"] not in then][:TOP_ACTORS],
    )


def previous_period(first: str, last: str) -> tuple[str, str] | None:
    """The period of the same length that ends the day before `first`: as many whole months
    before when the period is whole months (October's is September, not 31 August to 30
    September), else as many days. None when it would start before the year 1 (a period asked
    for from 0001-01-01 has none: the API answered 500)."""
    try:
        return _period_before(date.fromisoformat(first), date.fromisoformat(last))
    except (OverflowError, ValueError):
        return None


def _period_before(start: date, end: date) -> tuple[str, str]:
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        back = start.year * 12 + start.month - 1 - months
        return date(back // 12, back % 12 + 1, 1).isoformat(), (
            start - timedelta(days=1)
        ).isoformat()
    length = (end - start).days + 1
    return (start - timedelta(days=length)).isoformat(), (start - timedelta(days=1)).isoformat()


def _event(row: dict[str, Any], toll: Toll | None) -> BriefEvent:
    first = row.get("first_report")
    return BriefEvent(
        id=row["id"],
        type=row["type"],
        summary=row["summary"],
        time_start=row["time_start"],
        time_end=row["time_end"],
        place_name=row["place_name"],
        admin1=row["admin1"],
        status=row["status"],
        outlets=list(row["outlets"]),
        n_documents=int(row.get("n_documents") or 0),
        first_report=first["document_id"] if first else None,
        killed=toll,
        who=_who_took_part(row["actors"]),
    )


def _who_took_part(actors: list[dict[str, Any]]) -> list[Party]:
    """The explorer row's participants (those acting first: `read.explore.by_role`), each
    name in each role once."""
    seen: set[tuple[str, str]] = set()
    parties: list[Party] = []
    for a in actors:
        name, role = str(a.get("name") or ""), str(a.get("role") or "")
        if name and (name, role) not in seen:
            seen.add((name, role))
            parties.append(Party(name=name, role=role, entity_id=a.get("entity_id")))
    return parties


def _tolls(conn: Connection, ids: list[str], stated: dict[str, int]) -> dict[str, Toll]:
    """Each event's fewest and most killed, as its reports (event mentions not denying it) state
    them and as the event itself does (the explorer's fatalities), with the documents stating
    the two; an event no report gives a toll for has none (and counts 0 in the totals)."""
    figures: dict[str, list[tuple[int, str]]] = defaultdict(list)
    # a denial's mention carries the toll it denies; it states none
    told = select(EM.c.event_id, EM.c.document_id, EM.c.casualties).where(EM.c.negated.is_(False))
    query = told.order_by(EM.c.id)
    for part in chunked(sorted(set(ids))):
        for event_id, document, casualties in conn.execute(query.where(EM.c.event_id.in_(part))):
            killed = casualties.get("killed") if isinstance(casualties, dict) else None
            if isinstance(killed, int | float) and killed >= 0:
                figures[event_id].append((int(killed), str(document)))
    tolls: dict[str, Toll] = {}
    for event_id in ids:
        found = sorted(figures.get(event_id, []))
        own = stated.get(event_id) or 0
        if not found and not own:
            continue
        numbers = [n for n, _ in found] + ([own] if own else [])
        low, high = min(numbers), max(numbers)
        cited = [d for n, d in found if n in (low, high)]
        tolls[event_id] = Toll(low=low, high=high, documents=sorted(set(cited)))
    return tolls


def _claims(conn: Connection, event_ids: list[str]) -> dict[str, list[Said]]:
    """Every claim on the events, in reading order (oldest source first): who says what."""
    said: dict[str, list[Said]] = defaultdict(list)
    for part in chunked(sorted(set(event_ids))):
        for c in records(conn, claims_query().where(EM.c.event_id.in_(part)), ClaimRecord):
            said[str(c["event_id"])].append(
                Said(
                    who=_who(c),
                    stance=c["stance"],
                    hedged=c["hedged"],
                    sentence=c["sentence_text"],
                    document=c["document_id"],
                )
            )
    return dict(said)


def _who(claim: ClaimRecord) -> str:
    """Who a claim quotes, then who passed it on: its attribution chain runs from the outlet to
    the speaker ("Russian defence ministry, via alaraby")."""
    chain = [str(link["name"]) for link in claim["chain"] if link.get("name")]
    if not chain:
        return claim["outlet"] or claim["site"] or "unattributed"
    speaker, relays = chain[-1], chain[:-1]
    return f"{speaker}, via {', '.join(reversed(relays))}" if relays else speaker


def _actors(rows: list[dict[str, Any]]) -> list[Actor]:
    """The entities doing most of the events (the explorer's actor facet: a victim is no
    actor of the strike that killed it)."""
    return [
        Actor(id=p["value"], name=p["label"], events=p["count"]) for p in parties(rows, acting=True)
    ]


def _counted(values: Iterable[str]) -> list[Count]:
    found = Counter(values)
    return [
        Count(value=v, count=n) for v, n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _changes(now: Iterable[str], before: Iterable[str]) -> list[Change]:
    a, b = Counter(now), Counter(before)
    keys = sorted(set(a) | set(b), key=lambda k: (-a[k], -b[k], k))
    return [Change(value=k, now=a[k], before=b[k]) for k in keys]


def _documents(conn: Connection, ids: Iterable[str]) -> dict[str, Cited]:
    columns = (D.c.id, D.c.title, D.c.url, D.c.site, D.c.published)
    found: dict[str, Cited] = {}
    for part in chunked(sorted(set(ids))):
        for i, title, url, site, published in conn.execute(
            select(*columns).where(D.c.id.in_(part))
        ):
            found[i] = Cited(id=i, title=title, url=url, site=site, published=published)
    return found
