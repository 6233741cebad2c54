"""Watched views: explorer filters an analyst saved under a name, each with how many events it
keeps now, how many of those are new since the analyst last opened it and how many they had
seen but were updated since.

**New** means first stored after the last visit: an event is new when the earliest ingestion
(`documents.ingested_at`) of the documents its mentions were read from is later than the
view's `seen_at`. Not first *reported* (a publication date): a store is filled with old
articles as often as with today's (a back-fill, a feed read late, FA-KES), and a report
published last year but ingested this morning is one the analyst has not seen; many documents
have no publication date at all. Read from the documents, not from the event's row, so an
event counts once however often it is re-read: a new report joining a known event (a merge)
leaves its earliest document as it was, so it is not new again, and corroboration run again
(new event ids, events merged or split) changes no document's ingestion time.

**Updated** means seen before and changed since: an event that is not new and whose latest
document was ingested after `seen_at` (a report joined it after the visit), or whose status
changed after it with no new report (an analyst's merge or split, the same reports corroborated
again under other rules), as the event's status history records it
(`sitrep.read.status_history`). An updated event's row says which: `reported_again`, and
`status_change` (old -> new status, when and why; None when the status is as it was, changed
and changed back included). A re-run that leaves a status as it was records nothing, and an
event read again under another id is compared with the event it was read from, so neither
makes an event updated.

The views are the analyst's own bookkeeping, not the store's data: they are written here, next
to what reads them, through `Store.bookkeeping` (no commit counted, so opening a view does not
make the explorer's kept views stale). What a view keeps is `sitrep.read.explore`'s reading of
its filter, the one the explorer, map, timeline and exports use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal, TypedDict

from sqlalchemy import ColumnElement, Connection, and_, delete, func, select, update

from sitrep.errors import NotFoundError, UsageError
from sitrep.read.events import EventFilter
from sitrep.read.explore import filter_query, parse_filter, select_events
from sitrep.read.status_history import NetChange, changed_since
from sitrep.store import Store, chunked, insert_ignore, schema, utc_now

W = schema.watched_views
LONGEST_NAME = 120
# whose list a view is when no one is named: the one local user (`sitrep.api.auth` calls the
# loopback user "local"), so the CLI and a local workbench share one list
LOCAL = "local"
# the explorer's rows of the events a filter keeps: `select_events`'s by default, the API's
# kept selection when it asks
Kept = Callable[[Connection, EventFilter], list[dict[str, Any]]]


class WatchedView(TypedDict):
    name: str
    filter: str  # the explorer's URL query (`admin1=Aleppo&since=2016-10`), "" for all events
    created_at: str
    seen_at: str  # when the analyst last opened it (saving it is opening it)
    total: int  # events the filter keeps now
    new: int  # of those, first stored after seen_at
    updated: int  # of those, stored before seen_at, reported again or re-statused after it


class OpenedView(TypedDict):
    view: WatchedView  # as it stood before this visit
    new_events: list[dict[str, Any]]  # the explorer's rows of its new events, in time order
    # and of the seen events reported again or whose status changed since, each with
    # `reported_again` and `status_change` (a `NetChange`, or None)
    updated_events: list[dict[str, Any]]


# When an event's documents were ingested: the first and the latest
Span = tuple[str, str]


def kept_rows(conn: Connection, f: EventFilter) -> list[dict[str, Any]]:
    """The explorer's rows of the events it keeps for the filter, in time order."""
    return select_events(conn, f).rows


def save_view(store: Store, name: str, query: str, analyst: str = LOCAL) -> WatchedView:
    """Save the filter under the name (the same name again replaces its filter); saving a view is
    opening it, so nothing in it is new yet."""
    name = " ".join(name.split())
    if not name or len(name) > LONGEST_NAME:
        raise UsageError(f"a watched view needs a name of 1 to {LONGEST_NAME} characters")
    written = filter_query(parse_filter(query))
    now = utc_now()
    with store.bookkeeping() as conn:
        found = _row(conn, analyst, name)
        if found is None:
            insert_ignore(
                conn,
                W,
                [{"analyst": analyst, "name": name, "filter": written, "created_at": now,
                  "seen_at": now}],
            )  # fmt: skip
        else:
            conn.execute(update(W).where(_this(analyst, name)).values(filter=written, seen_at=now))
    with store.read() as conn:
        return watched_view(conn, name, analyst)


def remove_view(store: Store, name: str, analyst: str = LOCAL) -> None:
    with store.bookkeeping() as conn:
        if _row(conn, analyst, name) is None:
            raise _unknown(name)
        conn.execute(delete(W).where(_this(analyst, name)))


def watched_views(
    conn: Connection, analyst: str = LOCAL, kept: Kept = kept_rows
) -> list[WatchedView]:
    """The analyst's views, by name, each with its events now and the new and updated ones."""
    rows = conn.execute(select(W).where(W.c.analyst == analyst).order_by(W.c.name)).mappings()
    views = [dict(r) for r in rows]
    if not views:
        return []
    spans = stored_spans(conn)
    return [_counted(conn, v, spans, kept) for v in views]


def watched_view(
    conn: Connection, name: str, analyst: str = LOCAL, kept: Kept = kept_rows
) -> WatchedView:
    found = _row(conn, analyst, name)
    if found is None:
        raise _unknown(name)
    return _counted(conn, found, stored_spans(conn), kept)


def open_view(store: Store, name: str, analyst: str = LOCAL, kept: Kept = kept_rows) -> OpenedView:
    """The view as it stood before this visit, with its events new and updated since the last
    one, then marked seen now: from here on only what is stored after this counts."""
    with store.read() as conn:
        found = _row(conn, analyst, name)
        if found is None:
            raise _unknown(name)
        rows = kept(conn, parse_filter(str(found["filter"])))
        ids = [r["id"] for r in rows]
        spans = stored_spans(conn, ids)
        seen = str(found["seen_at"])
        restatused = changed_since(conn, seen, ids)
        became = [(r, since_visit(spans.get(r["id"]), seen, r["id"] in restatused)) for r in rows]
        new = [r for r, what in became if what == "new"]
        updated = [
            _what_changed(r, spans.get(r["id"]), seen, restatused.get(r["id"]))
            for r, what in became
            if what == "updated"
        ]
        view = _described(found, len(rows), len(new), len(updated))
    with store.bookkeeping() as conn:
        conn.execute(update(W).where(_this(analyst, name)).values(seen_at=utc_now()))
    return OpenedView(view=view, new_events=new, updated_events=updated)


def since_visit(
    span: Span | None, seen: str, restatused: bool = False
) -> Literal["new", "updated"] | None:
    """What became of an event since a visit at `seen` (an ISO time, as `utc_now` writes it):
    "new" when its first document was ingested after it, "updated" when only a later one was
    or its status changed after it (`restatused`), None when it is as it was (or has no
    document)."""
    if span is None:
        return None
    first, latest = span
    if first > seen:
        return "new"
    return "updated" if latest > seen or restatused else None


def _what_changed(
    row: dict[str, Any], span: Span | None, seen: str, status: NetChange | None
) -> dict[str, Any]:
    """An updated event's row with what changed (a copy: the rows may be a kept view's)."""
    reported_again = span is not None and span[1] > seen
    return {**row, "reported_again": reported_again, "status_change": status}


def stored_spans(conn: Connection, event_ids: Iterable[str] | None = None) -> dict[str, Span]:
    """When each event's documents were ingested: the earliest and the latest `ingested_at` of
    the documents its mentions were read from (every event when no ids are given)."""
    EM, D = schema.event_mentions, schema.documents
    query = (
        select(EM.c.event_id, func.min(D.c.ingested_at), func.max(D.c.ingested_at))
        .join(D, D.c.id == EM.c.document_id)
        .where(EM.c.event_id.is_not(None))
        .group_by(EM.c.event_id)
    )
    if event_ids is None:
        return {str(i): (str(a), str(b)) for i, a, b in conn.execute(query)}
    found: dict[str, Span] = {}
    for part in chunked(sorted(set(event_ids))):
        rows = conn.execute(query.where(EM.c.event_id.in_(part)))
        found |= {str(i): (str(a), str(b)) for i, a, b in rows}
    return found


def _counted(
    conn: Connection, view: dict[str, object], spans: dict[str, Span], kept: Kept
) -> WatchedView:
    ids = [r["id"] for r in kept(conn, parse_filter(str(view["filter"])))]
    seen = str(view["seen_at"])
    restatused = changed_since(conn, seen, ids)
    became = [since_visit(spans.get(i), seen, i in restatused) for i in ids]
    return _described(view, len(ids), became.count("new"), became.count("updated"))


def _described(view: dict[str, object], total: int, new: int, updated: int) -> WatchedView:
    return WatchedView(
        name=str(view["name"]),
        filter=str(view["filter"]),
        created_at=str(view["created_at"]),
        seen_at=str(view["seen_at"]),
        total=total,
        new=new,
        updated=updated,
    )


def _row(conn: Connection, analyst: str, name: str) -> dict[str, object] | None:
    found = conn.execute(select(W).where(_this(analyst, name))).mappings().first()
    return None if found is None else dict(found)


def _this(analyst: str, name: str) -> ColumnElement[bool]:
    return and_(W.c.analyst == analyst, W.c.name == name)


def _unknown(name: str) -> NotFoundError:
    return NotFoundError(
        f"no watched view is named {name!r}", hint="`sitrep watch list` names them"
    )
