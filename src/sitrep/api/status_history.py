"""An event's status history over HTTP (`sitrep.read.status_history`): when its status changed,
from what to what, and why. An event that no longer exists (merged away) keeps its history."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.models import Record
from sitrep.read.status_history import known_status_history

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
        return {"event_id": event_id, "items": known_status_history(conn, event_id)}
