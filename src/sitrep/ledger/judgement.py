"""The typed analyst judgement: what was decided, in the one shape every reader uses.

A judgement is stored as a `judgements` row whose `targets` is a JSON object. Over time three
writers used three shapes for the same decisions (the CLI's `{"from","into"}` merge and its
split by spelling, the API's `{"into","merged"}` merge and split by mention id, corroboration's
`{"mentions"}`); `parse` reads all of them, `targets` writes one. Readers never touch the raw
dict: they get one of the dataclasses below or None (a rule's judgement, or a shape it does not
know, which is reported by the caller rather than raised).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Subject = Literal["entity", "event", "mention", "claim"]
SUBJECTS: tuple[Subject, ...] = ("entity", "event", "mention", "claim")
ACTIONS = ("merge", "split", "relabel", "mark", "undo")
MARKS = ("verified", "doubtful")


def _ids(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Sequence):
        return tuple(str(v) for v in value)
    return ()


@dataclass(frozen=True)
class EntityMerge:
    """Entities `merged` fold into `into`: their mentions, aliases and event roles move."""

    into: str
    merged: tuple[str, ...]
    # snapshot, for undo: which mentions each merged entity had, its row and aliases
    moved: Mapping[str, Sequence[str]] = field(default_factory=dict)
    entities: Sequence[Mapping[str, Any]] = ()
    aliases: Sequence[Mapping[str, Any]] = ()
    subject: Subject = field(default="entity", init=False)
    action: str = field(default="merge", init=False)

    def targets(self) -> dict[str, Any]:
        return {
            "into": self.into,
            "merged": list(self.merged),
            "moved": {k: list(v) for k, v in self.moved.items()},
            "entities": [dict(e) for e in self.entities],
            "aliases": [dict(a) for a in self.aliases],
            "mentions": sorted({m for ids in self.moved.values() for m in ids}),
        }


@dataclass(frozen=True)
class EntitySplit:
    """Mentions of `source` (by id, or written as one of `spellings`) become entity `into`."""

    source: str
    into: str
    name: str
    type: str
    mentions: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()
    subject: Subject = field(default="entity", init=False)
    action: str = field(default="split", init=False)

    def targets(self) -> dict[str, Any]:
        return {
            "from": self.source,
            "into": self.into,
            "name": self.name,
            "type": self.type,
            "mentions": list(self.mentions),
            "aliases": list(self.spellings),
        }


@dataclass(frozen=True)
class EventMerge:
    """Event mentions kept in one event. Corroboration re-applies it through `mentions`."""

    into: str
    merged: tuple[str, ...]
    mentions: tuple[str, ...]  # every event mention of the merged event
    events: Sequence[Mapping[str, Any]] = ()  # snapshot of the merged-away events
    subject: Subject = field(default="event", init=False)
    action: str = field(default="merge", init=False)

    def targets(self) -> dict[str, Any]:
        return {
            "into": self.into,
            "merged": list(self.merged),
            "mentions": list(self.mentions),
            "events": [dict(e) for e in self.events],
        }


@dataclass(frozen=True)
class EventSplit:
    """Event mentions kept apart from the rest of their event."""

    source: str
    into: str
    mentions: tuple[str, ...]
    subject: Subject = field(default="event", init=False)
    action: str = field(default="split", init=False)

    def targets(self) -> dict[str, Any]:
        return {
            "from": self.source,
            "into": self.into,
            "mentions": list(self.mentions),
            "event_mentions": list(self.mentions),
        }


@dataclass(frozen=True)
class Relabel:
    """A mention's NER label corrected."""

    mention: str
    before: str | None
    after: str
    subject: Subject = field(default="mention", init=False)
    action: str = field(default="relabel", init=False)

    def targets(self) -> dict[str, Any]:
        return {"mention": self.mention, "from": self.before, "to": self.after}


@dataclass(frozen=True)
class Mark:
    """A claim marked verified or doubtful (or the mark cleared: None)."""

    claim: str
    before: str | None
    after: str | None
    subject: Subject = field(default="claim", init=False)
    action: str = field(default="mark", init=False)

    def targets(self) -> dict[str, Any]:
        return {"claim": self.claim, "from": self.before, "to": self.after}


@dataclass(frozen=True)
class Undo:
    """An earlier judgement withdrawn; its subject is the undone judgement's."""

    judgement: str
    subject: Subject = "entity"
    action: str = field(default="undo", init=False)

    def targets(self) -> dict[str, Any]:
        return {"judgement": self.judgement}


Judgement = EntityMerge | EntitySplit | EventMerge | EventSplit | Relabel | Mark | Undo


def parse(subject: str, action: str, targets: object) -> Judgement | None:
    """The typed judgement a stored row holds, in any shape a writer ever used; None when the
    row is not an analyst decision this ledger knows (a rule's `link`, say)."""
    if not isinstance(targets, Mapping):
        return None
    t = targets
    if action == "undo" and subject in SUBJECTS and "judgement" in t:
        return Undo(str(t["judgement"]), subject)
    if subject == "entity":
        return _entity(action, t)
    if subject == "event" and action in ("merge", "split"):
        mentions = _ids(t.get("mentions"))
        if action == "merge":
            return EventMerge(str(t.get("into", "")), _ids(t.get("merged")), mentions,
                              tuple(t.get("events") or ()))  # fmt: skip
        return EventSplit(str(t.get("from", "")), str(t.get("into", "")), mentions)
    if subject == "mention" and action == "relabel" and "mention" in t:
        return Relabel(str(t["mention"]), t.get("from"), str(t["to"]))
    if subject == "claim" and action == "mark" and "claim" in t:
        return Mark(str(t["claim"]), t.get("from"), t.get("to"))
    return None


def _entity(action: str, t: Mapping[str, Any]) -> Judgement | None:
    if action == "merge" and "into" in t:
        merged = _ids(t.get("merged")) or _ids(t.get("from"))  # the API's list; the CLI's one
        raw = t.get("moved")
        moved: Mapping[str, Sequence[str]] = raw if isinstance(raw, Mapping) else {}
        return EntityMerge(str(t["into"]), merged, moved, tuple(t.get("entities") or ()),
                           tuple(t.get("aliases") or ()))  # fmt: skip
    if action == "split" and "new_entity" in t:  # the CLI's first shape: by spelling
        return EntitySplit(str(t["entity"]), str(t["new_entity"]), str(_ids(t["aliases"])[0]),
                           "", spellings=_ids(t["aliases"]))  # fmt: skip
    if action == "split" and "into" in t:
        spellings = _ids(t.get("aliases"))
        mentions = _ids(t.get("mentions"))
        name = str(t.get("name") or (spellings[0] if spellings else ""))
        return EntitySplit(str(t["from"]), str(t["into"]), name, str(t.get("type") or ""),
                           mentions, spellings)  # fmt: skip
    return None
