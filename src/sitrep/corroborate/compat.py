"""Are two event mentions the same happening? Pure feature functions, each with its reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from sitrep.records import MAX_HAPPENING_DAYS, span_days


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
    casualties: dict[str, Any] | None = None  # the mention's counts (killed, wounded, ...)

    @cached_property
    def is_activity_span(self) -> bool:
        """Dated only by a span of years: a pattern of activity that joins only the very same
        span."""
        if not (self.time_start and self.time_end):
            return False
        days = span_days(self.time_start, self.time_end)
        return days is not None and days > MAX_HAPPENING_DAYS


class Decision(NamedTuple):
    """A yes or no, and why. The why is written only when read: a large run asks hundreds of
    thousands of times and keeps the reason of the few thousand pairs it merges (hence also a
    tuple, cheaper to make than a frozen dataclass)."""

    same: bool
    why: Callable[[], str]

    @property
    def reason(self) -> str:
        return self.why()


def _written(reason: str) -> Callable[[], str]:
    """A reason written at once (in a loop, where a lambda would see the last iteration)."""
    return lambda: reason


def type_compatible(a: MentionView, b: MentionView) -> Decision:
    if a.type != b.type:
        return Decision(False, lambda: f"types differ ({a.type} / {b.type})")
    if a.mode and b.mode and a.mode != b.mode:
        # A meeting joins a visit at the very same place ("flew to Moscow" / "the meeting in
        # Moscow"), or where one side names no place (the meeting denied in "no» to the question
        # whether the meeting of A with B took place" is the visit reported elsewhere); never one
        # somewhere else in the country ("met in Damascus" / "visited Syria last October").
        if a.place and b.place and a.place != b.place:
            return Decision(
                False, lambda: f"modes differ ({a.mode} / {b.mode}) at different places"
            )
        where = "same place" if a.place else "place unknown on one side"
        return Decision(True, lambda: f"same type {a.type}, modes {a.mode} / {b.mode} ({where})")
    return Decision(True, lambda: f"same type {a.type}")


# Types whose happening is defined by who meets whom: "Putin met Netanyahu" and "the meeting of
# Putin with Soleimani" share Putin but are two meetings.
COUNTERPART_TYPES = frozenset({"CONSULT"})


def participants_overlap(a: MentionView, b: MentionView) -> Decision:
    shared = a.entities & b.entities
    if not shared:
        return Decision(False, lambda: "no shared participant")
    only_a, only_b = a.entities - b.entities, b.entities - a.entities
    if a.type in COUNTERPART_TYPES and only_a and only_b:
        # Each names someone the other does not: different counterparts, different meetings.
        # (One naming fewer, "Assad met Baqeri" / "... Baqeri and al-Ghanimi", still joins.)
        return Decision(False, lambda: "different counterparts: " + _counterparts(a, b))
    return Decision(
        True, lambda: "shared participants: " + ", ".join(sorted(a.names.get(k, k) for k in shared))
    )


def _counterparts(a: MentionView, b: MentionView) -> str:
    only_a, only_b = a.entities - b.entities, b.entities - a.entities
    theirs = sorted(a.names.get(k, k) for k in only_a) + sorted(b.names.get(k, k) for k in only_b)
    return " / ".join(theirs)


def place_compatible(a: MentionView, b: MentionView) -> Decision:
    """Same place, a place inside the other's country, or one place unknown."""
    if a.place is None or b.place is None:
        return Decision(True, lambda: "place unknown on one side")
    if a.place == b.place:
        return Decision(True, lambda: f"same place {a.place_name or a.place}")
    for inner, outer in ((a, b), (b, a)):
        if (
            outer.place_is_country
            and inner.place_country
            and inner.place_country == outer.place_country
        ):
            return Decision(True, _written(f"{inner.place_name} lies in {outer.place_name}"))
    return Decision(False, lambda: f"places differ ({a.place_name} / {b.place_name})")


def time_compatible(a: MentionView, b: MentionView) -> Decision:
    """Intervals overlap at their precision; an unresolved time is compatible with any."""
    for span, other in ((a, b), (b, a)):
        same_span = (span.time_start, span.time_end) == (other.time_start, other.time_end)
        if span.is_activity_span and not same_span:
            spans = f"{span.time_start}..{span.time_end}"
            return Decision(False, _written(f"{spans} spans years, not one event"))
    if not (a.time_start and b.time_start):
        return Decision(True, lambda: "time unknown on one side")
    a_end, b_end = a.time_end or a.time_start, b.time_end or b.time_start
    if a.time_start <= b_end and b.time_start <= a_end:
        return Decision(True, lambda: f"times overlap ({_spans(a, b)})")
    return Decision(False, lambda: f"times differ ({_spans(a, b)})")


def _spans(a: MentionView, b: MentionView) -> str:
    a_end, b_end = a.time_end or a.time_start, b.time_end or b.time_start
    return f"{a.time_start}..{a_end} / {b.time_start}..{b_end}"


def same_happening(a: MentionView, b: MentionView) -> Decision:
    """All features must agree; the reason lists each, so the decision is explained."""
    agreed = []
    for feature in (type_compatible, participants_overlap, place_compatible, time_compatible):
        decision = feature(a, b)
        if not decision.same:
            return decision
        agreed.append(decision)
    return Decision(True, lambda: "; ".join(d.reason for d in agreed))
