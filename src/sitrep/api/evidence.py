"""The sentences behind an event (`/api/events/{id}/evidence`): the read model's
`sitrep.read.evidence.mention_evidence`, each fact with the span of the document it was read at.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from sitrep.api import workbench_models as wm
from sitrep.api.deps import StoreDep, Viewer
from sitrep.errors import NotFoundError
from sitrep.read.events import event_exists
from sitrep.read.evidence import mention_evidence

router = APIRouter(tags=["events"])


@router.get(
    "/events/{event_id}/evidence",
    response_model=wm.Evidence,
    summary="Where each fact of an event was read: trigger, participants, place, date spans",
)
def event_evidence(event_id: str, store: StoreDep, _who: Viewer) -> dict[str, Any]:
    with store.read() as conn:
        if not event_exists(conn, event_id):
            raise NotFoundError(f"no event with id {event_id!r}", hint="see /api/events")
        return {"event_id": event_id, "mentions": mention_evidence(conn, event_id)}
