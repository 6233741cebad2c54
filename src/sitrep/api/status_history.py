"""An event's status history over HTTP (`sitrep.read.status_history`): when its status changed,
from what to what, and why. An event that no longer exists (merged away) keeps its history."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import select

from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.models import Record
from sitrep.errors import NotFoundError
from sitrep.read.status_history import status_history
from sitrep.store import schema

router = APIRouter(tags=["events"])


class EventStatusChange(Record):
    event_id: str
    was_event: str  # the id it had before the change (itself, or the event it came out of)
    old_status: str
    new_status: str
    changed_at: str
    why: str  # "run <run id>", "judgement <id>" or "corroboration"


class EventStatusHistory(Record):
    event_id: str
    items: list[EventStatusChange]  # oldest first; none when its status never changed


@router.get(
    "/events/{event_id}/status-history",
    response_model=EventStatusHistory,
    summary="When and why an event's status changed",
)
def get_status_history(event_id: str, store: StoreDep, _who: Viewer) -> dict[str, Any]:
    with store.read() as conn:
        items = status_history(conn, event_id)
        known = conn.execute(
            select(schema.events.c.id).where(schema.events.c.id == event_id)
        ).first()
    if known is None and not items:
        raise NotFoundError(f"no event with id {event_id!r}")
    return {"event_id": event_id, "items": items}
