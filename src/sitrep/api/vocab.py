"""`GET /api/schema`: the vocabularies clients show and filter by, from where they are defined
(the pack's actor types, the records' literals, the event schema's YAML), never restated."""

from __future__ import annotations

from typing import Any, get_args

from fastapi import APIRouter

from sitrep.api import models
from sitrep.api.deps import StoreDep, Viewer
from sitrep.ledger.judgement import MARKS
from sitrep.pack.schema import ActorType, NlpLabel
from sitrep.read.entities import mention_labels
from sitrep.read.events import STATUSES
from sitrep.records import PlacePrecision, Role, Stance, TimePrecision

router = APIRouter(tags=["schema"])
# resolution's types for names outside the pack: an organisation, a place
RESOLVED_TYPES = ("org", "place")
PLACE_LABELS = ("GPE", "LOC", "FAC")


@router.get("/schema", response_model=models.Vocabularies, summary="Vocabularies: types, roles…")
def vocabularies(store: StoreDep, _who: Viewer) -> dict[str, Any]:
    from sitrep.extract.schema import load_event_schema

    with store.read() as conn:
        stored = mention_labels(conn)
        labels = sorted({*get_args(NlpLabel), *PLACE_LABELS, *stored})
    event_types = {
        name: {
            "label": t.label,
            "plover": t.plover,
            "description": t.description,
            "modes": list(t.modes),
            "roles": sorted(set(t.roles.values())),
        }
        for name, t in load_event_schema().types.items()
    }
    return {
        "entity_types": [*get_args(ActorType), *RESOLVED_TYPES],
        "mention_labels": labels,
        "roles": list(get_args(Role)),
        "stances": list(get_args(Stance)),
        "statuses": list(STATUSES),
        "marks": list(MARKS),
        "time_precisions": list(get_args(TimePrecision)),
        "place_precisions": list(get_args(PlacePrecision)),
        "event_types": event_types,
    }
