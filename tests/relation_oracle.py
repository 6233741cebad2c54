"""A relation read directly off all its claims at once: the reference that relations' kept
totals (`corroborate/relation_aggregate.py`) are checked against, written apart from them."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sitrep.corroborate.origins import event_status
from sitrep.corroborate.relations import relation_id


def direct_row(key: tuple[str, str, str], members: list[dict[str, Any]]) -> dict[str, Any]:
    """The relation from every claim at once (members in id order)."""
    reports = [m for m in members if m["document_id"] is not None]
    pack = [m for m in members if m["document_id"] is None]
    titles = Counter(m["title"] for m in members if m["title"])
    starts = [str(m["time_start"]) for m in pack + reports if m["time_start"] and not m["ended"]]
    current = [str(m["published"] or "") for m in reports if not m["ended"]]
    former = sorted(str(m["published"] or "") for m in reports if m["ended"])
    last_current = max(current, default="")
    ends = [
        str(m["time_end"]) for m in pack if m["time_end"] and str(m["time_end"]) >= last_current
    ]
    closing = [f for f in former if f >= last_current]
    if closing:
        ends.append(closing[0] or last_current)
    if reports:
        found = event_status([m["view"] for m in reports])  # marked as `_members` reads it
        status, reason = found.status, found.reason
        origins, n_origins = list(found.origins), found.n_origins
    else:
        status, reason, origins, n_origins = "pack", "stated by the domain pack only", [], 0
    if pack and reports:
        reason += "; the domain pack states it too"
    return {
        "id": relation_id(*key),
        "type": key[0],
        "subject_entity_id": key[1],
        "object_entity_id": key[2],
        "title": titles.most_common(1)[0][0] if titles else None,
        "time_start": min(starts) if starts else None,
        "time_end": min((e for e in ends if e), default=None),
        "ended": bool(ends),
        "status": status,
        "status_reason": reason,
        "n_claims": len(members),
        "n_origins": n_origins + (1 if pack else 0),
        "origins": origins + (["pack"] if pack else []),
        "sources": (["pack"] if pack else []) + (["reports"] if reports else []),
    }
