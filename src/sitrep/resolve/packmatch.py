"""Match a mention's name against the domain pack: exact alias, short form, or name key."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.names import OPERATING_THRESHOLD, blocking_keys, fold, match_names, strip_titles
from sitrep.names.match import NameKind
from sitrep.pack import Actor, Pack

# Which pack actor types a mention of each NER label may name.
TYPES_FOR_LABEL: dict[str, frozenset[str]] = {
    "PERSON": frozenset({"person"}),
    "ORG": frozenset({"group", "state_body", "media"}),
    "LOC": frozenset({"state"}),
    "GPE": frozenset({"state"}),
    "NORP": frozenset({"state", "group"}),
}


def name_kind(label: str) -> NameKind:
    return "person" if label == "PERSON" else "org"


@dataclass(frozen=True)
class PackHit:
    actor: Actor
    score: float
    reason: str


@dataclass
class PackMatcher:
    """Indexes of one pack's names, built once per resolution run."""

    pack: Pack
    exact: dict[str, set[str]] = field(default_factory=dict)
    short: dict[str, set[str]] = field(default_factory=dict)
    blocks: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for actor in self.pack.actors.values():
            kind: NameKind = "person" if actor.type == "person" else "org"
            for text in (*actor.all_names, *actor.demonyms):
                self.exact.setdefault(self._key(text, kind), set()).add(actor.id)
                for key in blocking_keys(text, kind):
                    self.blocks.setdefault(key, set()).add((actor.id, text))
            for text in actor.short_forms:
                self.short.setdefault(self._key(text, kind), set()).add(actor.id)

    @staticmethod
    def _key(text: str, kind: NameKind) -> str:
        return fold(strip_titles(text)[0] if kind == "person" else text)

    def _allowed(self, ids: set[str], label: str) -> list[Actor]:
        types = TYPES_FOR_LABEL.get(label, frozenset())
        return [a for a in (self.pack.actors[i] for i in sorted(ids)) if a.type in types]

    def exact_match(self, text: str, label: str) -> PackHit | None:
        found = self._allowed(self.exact.get(self._key(text, name_kind(label)), set()), label)
        if len(found) == 1:
            return PackHit(found[0], 1.0, "pack alias")
        return None

    def short_form(self, text: str, label: str) -> list[Actor]:
        return self._allowed(self.short.get(self._key(text, name_kind(label)), set()), label)

    def fuzzy_match(self, text: str, label: str) -> PackHit | None:
        """Best pack name by name key; None when no name clears the threshold or two actors tie."""
        kind = name_kind(label)
        candidates: set[tuple[str, str]] = set()
        for key in blocking_keys(text, kind):
            candidates |= self.blocks.get(key, set())
        best: dict[str, tuple[float, str]] = {}
        # In order, so that of an actor's aliases scoring alike the reason names the same one
        # on every run (a set's order changes with the process's string hashing).
        for actor_id, alias in sorted(candidates):
            result = match_names(text, alias, kind)
            if result.same and result.score > best.get(actor_id, (0.0, ""))[0]:
                best[actor_id] = (
                    result.score,
                    f"name key ~ {alias!r}: {', '.join(result.reasons)}",
                )
        allowed = {a.id for a in self._allowed(set(best), label)}
        ranked = sorted(((s, r, i) for i, (s, r) in best.items() if i in allowed), reverse=True)
        if not ranked or ranked[0][0] < OPERATING_THRESHOLD:
            return None
        if len(ranked) > 1 and ranked[1][0] >= ranked[0][0] - 0.02:
            return None  # two actors fit equally well: leave it to an analyst
        score, reason, actor_id = ranked[0]
        return PackHit(self.pack.actors[actor_id], score, reason)

    def match(self, text: str, label: str) -> PackHit | None:
        return self.exact_match(text, label) or self.fuzzy_match(text, label)
