"""The events explorer: one filter over events (ACLED explorer style), a sortable page of them
with facet counts and a weekly trend, and the same filter's export.

What a filter keeps, and the row each event is listed as, is the read model's
(`sitrep.read.explore`); this module pages, sorts, counts and keeps them. An export of a view
takes its events from the same `select_events`, so it can never disagree with the view.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response
from sqlalchemy import Connection

from sitrep.api import workbench_models as wm
from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.events import IsoDate, Words
from sitrep.api.kept import Kept, Stamp, stamp
from sitrep.errors import NotFoundError
from sitrep.export import data
from sitrep.export.core import export_filename
from sitrep.export.graph import day_bounds
from sitrep.export.registry import BUILTIN_MEDIA_TYPES, get_exporter
from sitrep.read.dating import KIND_LABELS
from sitrep.read.events import EventFilter, ids_kept
from sitrep.read.explore import (
    Selection,
    dating_kind,
    filter_of,
    filtered_events,
    keep_row,
    norm,
    parties,
    select_events,
)

router = APIRouter(tags=["explore"])

Sort = Literal[
    "time", "type", "status", "place", "country", "fatalities", "origins", "claims", "outlets"
]
Text = Annotated[str | None, Query(max_length=120)]
Many = Annotated[list[str] | None, Query(max_length=40)]
# formats an explorer view exports: its events (csv, acled, geojson), its events with what they
# reference (jsonl), or the network of its events' participants (gexf, graphml)
VIEW_FORMATS = ("csv", "acled", "geojson", "jsonl", "gexf", "graphml")
# The map and the timeline draw every event a filter keeps. A view's first request reads all of
# them (the facets and the trend count them); its later pages come from the kept view, but each
# page is still an answer of its own to write and send, so they are big ones.
EXPLORE_MAX_LIMIT = 5000
# The views the explorer, map and timeline last asked for, while the store has not changed
# (`sitrep.api.kept`): the map and timeline ask for one view page after page, and an analyst
# goes back and forth between a few. The answers of one filter (each sort) share its rows.
# Each is weighed by its events, about 2 kB each kept (FA-KES x 9: 42 MB for 19,053), so the
# two hold at most 100,000 events' rows however big the store.
_SELECTIONS: Kept[Selection] = Kept(50_000, lambda chosen: len(chosen.rows))
_VIEWS: Kept[dict[str, Any]] = Kept(50_000, lambda view: len(view["rows"]))
_MEDIA = tuple(dict.fromkeys(BUILTIN_MEDIA_TYPES[f] for f in VIEW_FORMATS))


def event_filter(
    type: Many = None,
    mode: Many = None,
    status: Many = None,
    actor: Annotated[str | None, Query(max_length=120, description="a doer, any spelling")] = None,
    target: Annotated[
        str | None, Query(max_length=120, description="on the other side: target, counterpart…")
    ] = None,
    entity: Annotated[
        str | None, Query(max_length=120, description="taking any part, or the place")
    ] = None,
    place: Text = None,
    country: Many = None,
    admin1: Text = None,
    outlet: Text = None,
    since: IsoDate = None,
    until: IsoDate = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=10**6)] = None,
    words: Words = None,
    dating: Annotated[
        list[str] | None,
        Query(max_length=10, description="how the date was worked out: text, weekday, report…"),
    ] = None,
) -> EventFilter:
    """The query's filter, read as `sitrep.read.explore.filter_of` reads every explorer filter
    (its values already checked by their annotations)."""
    given = {
        "type": type, "mode": mode, "status": status, "country": country,
        "actor": [actor or ""], "target": [target or ""], "entity": [entity or ""],
        "place": [place or ""], "admin1": [admin1 or ""],
        "outlet": [outlet or ""], "since": [since or ""], "until": [until or ""],
        "min_fatalities": ["" if min_fatalities is None else str(min_fatalities)],
        "words": [words or ""], "dating": dating,
    }  # fmt: skip
    return filter_of({k: v for k, v in given.items() if v})


FilterDep = Annotated[EventFilter, Depends(event_filter)]


_SORT_KEYS: dict[str, Any] = {
    "time": lambda r: r["time_start"] or "",
    "type": lambda r: (r["type"], r["mode"] or ""),
    "status": lambda r: r["status"],
    "place": lambda r: norm(r["place_name"] or ""),
    "country": lambda r: r["country_name"] or "",
    "fatalities": lambda r: r["fatalities"],
    "origins": lambda r: r["n_origins"],
    "claims": lambda r: r["n_claims"],
    "outlets": lambda r: len(r["outlets"]),
}
_MISSING: dict[str, Any] = {
    "time": lambda r: r["time_start"] is None,
    "place": lambda r: r["place_name"] is None,
    "country": lambda r: r["country"] is None,
}


def nearest_first(rows: list[dict[str, Any]], day: str) -> list[dict[str, Any]]:
    """The rows closest in time to `day` first (by days between their start and it; ties by
    time then id), undated last: the candidates an analyst merges an event with are the
    reports of about the same time, not the type's oldest events."""
    when = _day(day)
    assert when is not None, day  # an IsoDate

    def distance(r: dict[str, Any]) -> tuple[int, str, str]:
        start = _day(r["time_start"])
        gap = abs((start - when).days) if start else 10**9
        return gap, r["time_start"] or "\uffff", r["id"]

    return sorted(rows, key=distance)


def sort_rows(rows: list[dict[str, Any]], sort: str, descending: bool) -> list[dict[str, Any]]:
    """Sorted by one column, ties by time then id; rows without the value last either way."""
    ordered = sorted(rows, key=lambda r: (r["time_start"] or "\uffff", r["id"]))
    ordered.sort(key=_SORT_KEYS[sort], reverse=descending)
    missing = _MISSING.get(sort)
    return ordered if missing is None else sorted(ordered, key=missing)


def facets(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Counts of the filtered events by type, mode, status, country, admin1, outlet, actor (a
    doer) and target (the other side)."""

    def counted(values: Iterable[Any], label: Any = None) -> list[dict[str, Any]]:
        found = Counter(v for v in values if v)
        return [
            {"value": v, "label": label(v) if label else v, "count": n}
            for v, n in sorted(found.items(), key=lambda kv: (-kv[1], str(kv[0])))
        ]

    return {
        "type": counted(r["type"] for r in rows),
        "mode": counted(r["mode"] for r in rows),
        "status": counted(r["status"] for r in rows),
        "country": counted((r["country"] for r in rows), data.country_name),
        "admin1": counted(r["admin1"] for r in rows),
        "outlet": counted(o for r in rows for o in r["outlets"]),
        # the doers, and apart the other side: one list of both counted the victims as actors
        "actor": parties(rows, acting=True),
        "target": parties(rows, acting=False),
        "dating": counted((dating_kind(r) for r in rows), dating_label),
    }


def dating_label(kind: str) -> str:
    """A dating kind in the facet's few words ("a weekday, from the publication date")."""
    return KIND_LABELS.get(kind, "no date, or not recorded")


def weekly(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events per week (weeks start on Monday), every week from the first to the last. An event
    counts in every week its dates overlap (from its first day to its last: a month's event in
    each of the four or five weeks of its month), the rule the date filter keeps events by
    (`sitrep.read.events`: `since` and `until` keep an event whose interval overlaps them), so
    the bar of a week counts the events its week's view (since its Monday, until its Sunday)
    lists; the web UI links each bar to that view."""
    weeks: Counter[date] = Counter()
    for r in rows:
        for week in _weeks_overlapped(r["time_start"], r["time_end"]):
            weeks[week] += 1
    if not weeks:
        return []
    out: list[dict[str, Any]] = []
    week = min(weeks)
    while week <= max(weeks) and len(out) < 2000:
        out.append({"week": week.isoformat(), "count": weeks.get(week, 0)})
        week += timedelta(days=7)
    return out


# The trend's bin by the days its span covers: a week or a month of events as days (a week's
# view drew three weekly bars, the weeks its events overlap), up to two years as weeks, longer
# as months (a decade of weeks was 500 bars a pixel or two wide).
DAY_BINS_UP_TO = 62
WEEK_BINS_UP_TO = 731
MOST_BARS = 2000


def trend(rows: list[dict[str, Any]], since: str | None, until: str | None) -> dict[str, Any]:
    """The events over time, in bins of a size the span shown asks for (`DAY_BINS_UP_TO`,
    `WEEK_BINS_UP_TO`): the span is the view's from/to, a bound the view does not give being
    its events' first or last day. Each bar is a period within that span (a week cut by the
    view's start begins at it) counting the events whose dates overlap it, the rule the date
    filter keeps events by, so the view narrowed to a bar's `start` and `end` lists as many
    events as the bar counts. `bin` is "day", "week" or "month"; no dated event, no bars."""
    spans = [s for r in rows if (s := _days(r["time_start"], r["time_end"]))]
    if not spans:
        return {"bin": "week", "bars": []}
    lo = _day(day_bounds(since, None)[0]) if since else None
    hi = _day(day_bounds(None, until)[1]) if until else None
    lo = lo or min(first for first, _ in spans)
    hi = hi or max(max(last, first) for first, last in spans)
    days = (hi - lo).days + 1
    size = "day" if days <= DAY_BINS_UP_TO else "week" if days <= WEEK_BINS_UP_TO else "month"
    counts: Counter[date] = Counter()
    for first, last in spans:
        first, last = max(first, lo), min(max(last, first), hi)
        at = _bin_start(first, size)
        while at <= last and len(counts) <= MOST_BARS:
            counts[at] += 1
            at = _next_bin(at, size)
    bars: list[dict[str, Any]] = []
    at = _bin_start(lo, size)
    while at <= hi and len(bars) < MOST_BARS:
        following = _next_bin(at, size)
        start, end = max(at, lo), min(following - timedelta(days=1), hi)
        bars.append({"start": start.isoformat(), "end": end.isoformat(), "count": counts[at]})
        at = following
    return {"bin": size, "bars": bars}


def _days(start: str | None, end: str | None) -> tuple[date, date] | None:
    """An event's first and last day (a partial end lasting to the end of it), or None."""
    first_text, last_text = day_bounds(start, end or start)
    first, last = _day(first_text), _day(last_text)
    return None if first is None else (first, last or first)


def _bin_start(day: date, size: str) -> date:
    if size == "week":
        return day - timedelta(days=day.weekday())
    if size == "month":
        return day.replace(day=1)
    return day


def _next_bin(start: date, size: str) -> date:
    if size == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=7 if size == "week" else 1)


def _weeks_overlapped(start: str | None, end: str | None) -> list[date]:
    """The Mondays of the weeks an event's dates overlap: from its first day's week to its
    last day's (a partial end, "2016-10", lasts to the end of it; no end: its start's last day).
    An end before the start overlaps no week but a week holding both, as the query reads it."""
    first_text, last_text = day_bounds(start, end or start)
    first, last = _day(first_text), _day(last_text)
    if first is None:
        return []
    monday = first - timedelta(days=first.weekday())
    if last is None or last < first:
        # the query keeps it for a week holding its start and (an earlier) end alike
        same = last is None or last >= monday
        return [monday] if same else []
    found: list[date] = []
    while monday <= last and len(found) < 600:  # a mistaken span of decades stops at 11 years
        found.append(monday)
        monday += timedelta(days=7)
    return found


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value if len(value) == 10 else (value + "-01-01")[:10])
    except ValueError:
        return None


@router.get(
    "/explore/events",
    response_model=wm.ExplorerPage,
    summary="Events through the explorer's filter: page, facets, trend",
)
def explore_events(
    store: StoreDep,
    _who: Viewer,
    f: FilterDep,
    sort: Sort = "time",
    order: Literal["asc", "desc"] = "asc",
    limit: Annotated[int, Query(ge=1, le=EXPLORE_MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
    near: IsoDate = None,  # instead of `sort`: the events closest in time to this day
) -> Response:
    """A page of the events the filter keeps, sorted by one column (or, with `near`, closest
    in time to a day first); `facets` and `weekly` count all of them; `left_out` says how many
    have no date or no place; `matched` lists the entities the actor and place filters were
    read as (every spelling of a name)."""
    with store.read() as conn:
        at = stamp(store, conn)
        view = _VIEWS.get(at, (f, sort, order, near), lambda: _view(conn, at, f, sort, order, near))
    page = view["rows"][offset : offset + limit]
    figures = {k: v for k, v in view.items() if k != "rows"}
    return json_answer({**figures, "limit": limit, "offset": offset, "items": page})


def json_answer(answer: dict[str, Any]) -> Response:
    """The answer as JSON, written as FastAPI's JSONResponse writes it. Its rows already have the
    response model's fields and types (tests/test_explore_query.py checks every answer against
    `ExplorerPage` or `ExplorerPoints`), and checking 5000 of them again took a map or timeline
    request 0.35 s of its 0.45 at 19k events; the model still documents the route."""
    body = json.dumps(answer, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(body.encode(), media_type="application/json")


def kept_selection(conn: Connection, at: Stamp, f: EventFilter) -> Selection:
    """The filter's events (`select_events`), kept while the store is at `at`: the explorer's
    views, the map's and timeline's points (`sitrep.api.explore_points`) and an export of one
    of them share one reading. A filter only on what a row holds (a facet clicked; the event
    page's candidates of its type) is read from all events' rows when those are kept: the
    query says which events its types, modes and statuses keep (their ids only, not a second
    reading of the events), and `keep_row` narrows by the rest as `select_events` does."""

    def make() -> Selection:
        everything = _SELECTIONS.find(at, EventFilter()) if _on_rows_only(f) else None
        if everything is None:
            return select_events(conn, f)
        wanted = _ids_kept_by_query(conn, f)
        rows = everything.rows
        return Selection([r for r in rows if r["id"] in wanted and keep_row(r, f)], {})

    return _SELECTIONS.get(at, f, make)


def _on_rows_only(f: EventFilter) -> bool:
    """Whether the filter narrows only by what an explorer row holds: no names to read as
    entities, no words to find in claims, no dates (the query's overlap of a period)."""
    return not (f.actor or f.target or f.entity or f.place or f.words or f.since or f.until)


def _ids_kept_by_query(conn: Connection, f: EventFilter) -> set[str]:
    """The ids of the events `filtered_events` keeps: the one reading of the query's filters
    (types, modes, statuses here), where a Python copy of them had been a second owner."""
    return ids_kept(conn, filtered_events(conn, f))


def _view(
    conn: Connection, at: Stamp, f: EventFilter, sort: str, order: str, near: str | None
) -> dict[str, Any]:
    """Every figure of an explorer answer but the page: the kept events in the answer's order
    (`rows`), their total, facets, trend and what they leave out."""
    chosen = kept_selection(conn, at, f)
    if near:
        rows = nearest_first(chosen.rows, near)
    else:
        rows = sort_rows(chosen.rows, sort, order == "desc")
    return {
        "total": len(rows),
        "rows": rows,
        "facets": facets(rows),
        "weekly": weekly(rows),
        "trend": trend(rows, f.since, f.until),
        "left_out": {
            "undated": sum(r["time_start"] is None for r in rows),
            "unlocated": sum(r["lat"] is None for r in rows),
        },
        "matched": chosen.matched,
    }


@router.get(
    "/explore/export/{format}",
    summary="Export the events an explorer filter keeps",
    response_class=Response,
    responses={200: {"content": {t: {} for t in _MEDIA}, "description": "the file"}},
)
def export_view(
    store: StoreDep,
    _who: Viewer,
    f: FilterDep,
    format: Annotated[str, Path(max_length=40, description=", ".join(VIEW_FORMATS))],
) -> Response:
    """The same events as `/api/explore/events` with the same filter, in the export's format
    (the bytes `sitrep export FORMAT` writes, narrowed to those events): for jsonl with the
    documents and entities they reference, for gexf and graphml the network of their
    participants (linked by those events and the sentences of their reports, with dates)."""
    if format not in VIEW_FORMATS:
        raise NotFoundError(
            f"the explorer cannot export {format!r}",
            hint="choose one of " + ", ".join(VIEW_FORMATS),
        )
    with store.read() as conn:
        at = stamp(store, conn)
        ids = {r["id"] for r in kept_selection(conn, at, f).rows}
    exporter = get_exporter(format)
    buffer = io.BytesIO()
    count = exporter.write(store, buffer, {"event_ids": ids, "unlocated": True})
    body = buffer.getvalue()
    if format == "geojson":
        body, count = _only_events(body, ids)
    headers = {
        "Content-Disposition": f'attachment; filename="{export_filename(exporter, view_label(f))}"',
        "X-Sitrep-Records": str(count),
    }
    return Response(body, media_type=exporter.media_type, headers=headers)


def view_label(f: EventFilter) -> str:
    """What a view's export is named after: "events", then each filter with its values
    (`sitrep-events-place-aleppo-since-2016-10-01-until-2016-10-31.csv`), so the views an
    analyst exports in a day do not all arrive as sitrep.csv, sitrep (1).csv…"""
    parts = ["events"]
    for key, value in asdict(f).items():
        values = value if isinstance(value, tuple) else () if value is None else (value,)
        if values:
            parts += [key.replace("_", "-"), *(str(v).casefold() for v in values)]
    return "-".join(parts)


def _only_events(body: bytes, ids: set[str]) -> tuple[bytes, int]:
    """A GeoJSON export narrowed to the view's events (the exporter writes them all)."""
    collection = json.loads(body)
    collection["features"] = [x for x in collection["features"] if x.get("id") in ids]
    return json.dumps(collection, ensure_ascii=False).encode(), len(collection["features"])
