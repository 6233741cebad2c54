"""Are two event mentions the same happening? Pure feature functions, each with its reason."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MentionView:
    """What corroboration needs of one event mention (read from the store)."""

    id: str
    doc_id: str
    type: str
    mode: str | None
    entities: frozenset[str]  # canonical entity ids (or name keys) of the participants
    names: dict[str, str] = field(default_factory=dict)  # entity key -> a display name
    roles: dict[str, str] = field(default_factory=dict)  # entity key -> role
    place: str | None = None  # canonical place key
    place_name: str | None = None
    place_country: str | None = None  # country code or key of the place, when known
    place_is_country: bool = False
    time_start: str | None = None
    time_end: str | None = None
    time_precision: str | None = None


@dataclass(frozen=True)
class Decision:
    same: bool
    reason: str


def type_compatible(a: MentionView, b: MentionView) -> Decision:
    if a.type != b.type:
        return Decision(False, f"types differ ({a.type} / {b.type})")
    return Decision(True, f"same type {a.type}")


def participants_overlap(a: MentionView, b: MentionView) -> Decision:
    shared = a.entities & b.entities
    if not shared:
        return Decision(False, "no shared participant")
    names = sorted(a.names.get(k, k) for k in shared)
    return Decision(True, "shared participants: " + ", ".join(names))


def place_compatible(a: MentionView, b: MentionView) -> Decision:
    """Same place, a place inside the other's country, or one place unknown."""
    if a.place is None or b.place is None:
        return Decision(True, "place unknown on one side")
    if a.place == b.place:
        return Decision(True, f"same place {a.place_name or a.place}")
    for inner, outer in ((a, b), (b, a)):
        if (
            outer.place_is_country
            and inner.place_country
            and inner.place_country == outer.place_country
        ):
            return Decision(True, f"{inner.place_name} lies in {outer.place_name}")
    return Decision(False, f"places differ ({a.place_name} / {b.place_name})")


def time_compatible(a: MentionView, b: MentionView) -> Decision:
    """Intervals overlap at their precision; an unresolved time is compatible with any."""
    if not (a.time_start and b.time_start):
        return Decision(True, "time unknown on one side")
    a_end, b_end = a.time_end or a.time_start, b.time_end or b.time_start
    if a.time_start <= b_end and b.time_start <= a_end:
        return Decision(True, f"times overlap ({a.time_start}..{a_end} / {b.time_start}..{b_end})")
    return Decision(False, f"times differ ({a.time_start}..{a_end} / {b.time_start}..{b_end})")


def same_happening(a: MentionView, b: MentionView) -> Decision:
    """All features must agree; the reason lists each, so the decision is explained."""
    reasons = []
    for feature in (type_compatible, participants_overlap, place_compatible, time_compatible):
        decision = feature(a, b)
        if not decision.same:
            return Decision(False, decision.reason)
        reasons.append(decision.reason)
    return Decision(True, "; ".join(reasons))
