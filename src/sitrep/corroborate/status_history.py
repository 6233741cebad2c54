"""An event's status history: when its status changed and why.

A status is corroboration's reading of an event's reports (`origins.event_status`), so it can
change with no new report: an analyst's split or merge moves reports between events, and a
re-run under other rules reads the same reports otherwise. Both writers of a status log the
change through `log_changes`, the one writer of `event_status_changes`:

- corroboration (`corroborate.run`), which writes events whole, compares each rebuilt event's
  status with the one it had before (`changes`); an event that a re-grouping gave another id
  is compared with the event most of its mentions were in (`was_event`);
- the ledger at decision time (`ledger.apply.recount_event`), through `set_status`.

A re-run that leaves a status as it was writes nothing, so the history holds changes only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, select, update

from sitrep.records import stable_id
from sitrep.store import chunked, insert_ignore, utc_now
from sitrep.store import schema as s

# why a change was made when the caller names no run or judgement
CORROBORATION = "corroboration"


@dataclass(frozen=True)
class StatusChange:
    event_id: str
    old: str
    new: str
    was_event: str  # the id the event had before (its own, or the event it came out of)


def statuses(conn: Connection, event_ids: Iterable[str]) -> dict[str, str]:
    """Event id -> its status now."""
    e = s.events.c
    found: dict[str, str] = {}
    for chunk in chunked(sorted(set(event_ids))):
        found.update(
            {
                r.id: str(r.status)
                for r in conn.execute(select(e.id, e.status).where(e.id.in_(chunk)))
            }
        )
    return found


def changes(
    before: Mapping[str, str], after: Mapping[str, str], predecessor: Mapping[str, str]
) -> list[StatusChange]:
    """The changes from the statuses `before` (by old event id) to those `after` (by new id);
    `predecessor` names, for each new id, the old event it was read from. An event with no
    predecessor (made of new reports only) has no change: it is new."""
    found = []
    for event_id, new in sorted(after.items()):
        was = predecessor.get(event_id)
        old = before.get(was) if was is not None else None
        if was is not None and old is not None and old != new:
            found.append(StatusChange(event_id, old, new, was))
    return found


def set_status(conn: Connection, event_id: str, status: str, reason: str) -> StatusChange | None:
    """Write an event's status (and its reason); the change, or None when it was the same."""
    old = statuses(conn, [event_id]).get(event_id)
    if old is None or old == status:
        return None
    e = s.events
    conn.execute(update(e).where(e.c.id == event_id).values(status=status, status_reason=reason))
    return StatusChange(event_id, old, status, event_id)


def log_changes(conn: Connection, found: Iterable[StatusChange], why: str) -> int:
    """Log status changes, with why they were made; returns how many."""
    now = utc_now()
    rows = [
        {
            "id": stable_id("esc", c.event_id, c.was_event, c.old, c.new, why, now),
            "event_id": c.event_id,
            "was_event": c.was_event,
            "old_status": c.old,
            "new_status": c.new,
            "changed_at": now,
            "why": why,
        }
        for c in found
    ]
    insert_ignore(conn, s.event_status_changes, rows)
    return len(rows)
