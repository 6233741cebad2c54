"""An event's status history, as `corroborate.status_history` logs it: when its status changed,
from what to what, and why (the run, or the analyst's judgement, that changed it). What a
watched view reads to call an event updated when its status changed with no new report."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict

from sqlalchemy import Connection, select

from sitrep.errors import NotFoundError
from sitrep.store import schema

H = schema.event_status_changes


class StatusChangeRow(TypedDict):
    event_id: str
    was_event: str  # the id the event had before the change (itself, or the one it came out of)
    old_status: str
    new_status: str
    changed_at: str
    why: str  # "run <run id>", "judgement <id>" or "corroboration"


class NetChange(TypedDict):
    """What became of an event's status over a time: its first old status and its last new one,
    with when and why it last changed."""

    old: str
    new: str
    at: str
    why: str


def status_history(conn: Connection, event_id: str) -> list[StatusChangeRow]:
    """The event's status changes, oldest first."""
    query = select(H).where(H.c.event_id == event_id).order_by(H.c.changed_at, H.c.id)
    return [_row(dict(r)) for r in conn.execute(query).mappings()]


def known_status_history(conn: Connection, event_id: str) -> list[StatusChangeRow]:
    """`status_history`, or NotFoundError for an id with neither an event nor a history (an
    event merged away keeps its history)."""
    found = status_history(conn, event_id)
    E = schema.events
    if not found and conn.execute(select(E.c.id).where(E.c.id == event_id)).first() is None:
        raise NotFoundError(f"no event with id {event_id!r}")
    return found


def changed_since(conn: Connection, seen: str, event_ids: Iterable[str]) -> dict[str, NetChange]:
    """Event id -> its net status change after `seen` (an ISO time, as `utc_now` writes it),
    for the given events whose status is not what it was then (changed, then changed back, is
    as it was). Reads the changes after `seen` (few: a store's history is its changes only),
    not the events, so a view of every event costs one query."""
    wanted = set(event_ids)
    found: dict[str, NetChange] = {}
    query = select(H).where(H.c.changed_at > seen).order_by(H.c.changed_at, H.c.id)
    for r in conn.execute(query).mappings():
        event_id = str(r["event_id"])
        if event_id not in wanted:
            continue
        first = found.get(event_id)
        found[event_id] = NetChange(
            old=first["old"] if first else str(r["old_status"]),
            new=str(r["new_status"]),
            at=str(r["changed_at"]),
            why=str(r["why"]),
        )
    return {k: v for k, v in found.items() if v["old"] != v["new"]}


def _row(r: dict[str, object]) -> StatusChangeRow:
    return StatusChangeRow(
        event_id=str(r["event_id"]),
        was_event=str(r["was_event"]),
        old_status=str(r["old_status"]),
        new_status=str(r["new_status"]),
        changed_at=str(r["changed_at"]),
        why=str(r["why"]),
    )
