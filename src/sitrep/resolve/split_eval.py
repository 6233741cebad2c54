"""`sitrep eval splits`: how often one actor is split over several entities, and how many
aliases are lists of names rather than names (issue 22b's measure).

Two counts over the stored entities (all of them, and those with two or more mentions):

- split: an entity outside the pack whose name holds, as whole words, the full name or an
  alias of a pack actor that is not a state ("Aleppo Nusra Front", "Nusra Front Commanders");
  or one of several entities whose names are the same once folded and stripped of an Arabic
  article ("al-Nusra" / "Nusra"). Each group of same-named entities counts all but one.
- list alias: an alias made of two or more known names run together, each a pack name or a
  notable place, with no other word ("Aleppo Hama Damascus", "Syria Nusra Front").
- same-name groups (issue 23b): names shared by two or more entities once folded; cross-type
  groups are those among them where one entity is a place (or a state) and another is not
  ("Khan Touman" a place and a person).

The pack names are matched on folded words, so the measure does not use the resolver's own
rules; an entity that is a person titled by a group ("Hezbollah Leader Hassan X") is no split
because the other words are no known names.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select

from sitrep.names import fold
from sitrep.pack import load_pack
from sitrep.resolve.crosstype import same_name_key
from sitrep.resolve.places import is_notable_place
from sitrep.store import Store, schema

_MAX_PACK_WORDS = 8
_PLACE_TYPES = frozenset({"place", "state"})


@dataclass
class SplitReport:
    entities: int = 0
    entities_2plus: int = 0
    splits: list[tuple[str, str, int, str]] = field(default_factory=list)  # name, type, n, why
    aliases: int = 0
    aliases_2plus: int = 0
    list_aliases: list[tuple[str, str, int]] = field(default_factory=list)  # entity, alias, n
    same_name_groups: int = 0
    cross_type: list[str] = field(default_factory=list)  # "key | type:n:name; ..."

    def counts(self) -> dict[str, object]:
        split_2 = sum(1 for s in self.splits if s[2] >= 2)
        lists_2 = sum(1 for a in self.list_aliases if a[2] >= 2)
        return {
            "entities": self.entities,
            "split": len(self.splits),
            "split_rate": _rate(len(self.splits), self.entities),
            "entities_2plus": self.entities_2plus,
            "split_2plus": split_2,
            "split_rate_2plus": _rate(split_2, self.entities_2plus),
            "aliases": self.aliases,
            "list_aliases": len(self.list_aliases),
            "list_alias_rate": _rate(len(self.list_aliases), self.aliases),
            "aliases_2plus": self.aliases_2plus,
            "list_aliases_2plus": lists_2,
            "list_alias_rate_2plus": _rate(lists_2, self.aliases_2plus),
            "same_name_groups": self.same_name_groups,
            "cross_type_groups": len(self.cross_type),
        }


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


@dataclass
class _PackNames:
    """Folded pack names (any actor) and the actor types they name."""

    types: dict[str, set[str]] = field(default_factory=dict)

    def pieces(self, words: list[str], original: list[str]) -> list[str] | None:
        """The known names `words` is made of, longest pack names first, else notable places
        (one word each); None when a word belongs to no known name."""
        out: list[str] = []
        i = 0
        while i < len(words):
            if i > 0 and original[i][:1].islower():
                return None  # "Hezbollah al-Nujaba": a lower-case article joins a name
            for j in range(min(len(words), i + _MAX_PACK_WORDS), i, -1):
                text = " ".join(words[i:j])
                if text in self.types or (j == i + 1 and _place_word(original[i])):
                    out.append(text)
                    i = j
                    break
            else:
                return None
        return out

    def actor_inside(self, words: list[str]) -> str | None:
        """A non-state pack name spelt by some of `words` (not all of them)."""
        for size in range(min(len(words) - 1, _MAX_PACK_WORDS), 0, -1):
            for start in range(len(words) - size + 1):
                text = " ".join(words[start : start + size])
                if self.types.get(text, set()) - {"state"}:
                    return text
        return None


def _place_word(word: str) -> bool:
    return word[:1].isupper() and is_notable_place(word)


def _key(name: str) -> str:
    return same_name_key(name)


def split_report(store: Store, pack_name: str) -> SplitReport:
    pack = load_pack(pack_name)
    names = _PackNames()
    for actor in pack.actors.values():
        for text in actor.all_names:
            if len(text) >= 4 and fold(text):
                for key in {_key(text), fold(text.replace("-", " "))}:  # with its article too
                    names.types.setdefault(key, set()).add(actor.type)
    men, ents, als = schema.mentions, schema.entities, schema.entity_aliases
    counted = (
        select(ents.c.id, ents.c.name, ents.c.type, ents.c.pack_id, func.count(men.c.id))
        .join(men, men.c.entity_id == ents.c.id)
        .group_by(ents.c.id, ents.c.name, ents.c.type, ents.c.pack_id)
        .order_by(ents.c.id)
    )
    report = SplitReport()
    with store.read() as conn:
        rows = [(str(i), str(n), str(t), p, int(c)) for i, n, t, p, c in conn.execute(counted)]
        alias_rows = list(conn.execute(select(als.c.entity_id, als.c.alias).order_by(als.c.alias)))
    mentions = {r[0]: r[4] for r in rows}
    report.entities = len(rows)
    report.entities_2plus = sum(1 for r in rows if r[4] >= 2)
    by_key: defaultdict[str, list[tuple[str, str, int, bool]]] = defaultdict(list)
    for _id, name, entity_type, pack_id, count in rows:
        by_key[_key(name)].append((name, entity_type, count, pack_id is not None))
        if pack_id is None:
            inside = names.actor_inside(_key(name).split())
            if inside is not None:
                report.splits.append((name, entity_type, count, f"holds the pack name {inside!r}"))
    listed = {s[0] for s in report.splits}
    for key, group in by_key.items():
        if len(group) < 2:
            continue
        report.same_name_groups += 1
        if len({t in _PLACE_TYPES for _n, t, _c, _p in group}) == 2:
            shown = "; ".join(f"{t}:{c}:{n}" for n, t, c, _p in sorted(group, key=lambda g: -g[2]))
            report.cross_type.append(f"{key} | {shown}")
        # the pack's entity, else the most mentioned, is the one to keep
        ordered = sorted(group, key=lambda g: (not g[3], -g[2], g[0]))
        for name, entity_type, count, _pack in ordered[1:]:
            if name not in listed:
                report.splits.append((name, entity_type, count, f"same key as {key!r}"))
    names_of = {r[0]: r[1] for r in rows}
    for entity_id, alias in alias_rows:
        if entity_id not in mentions:
            continue
        report.aliases += 1
        count = mentions[entity_id]
        report.aliases_2plus += count >= 2
        # article words kept: "Busra al-Sham" is one name, not Busra and Sham
        kept = [(fold(w), w) for w in alias.replace("-", " ").split()]
        kept = [(f, w) for f, w in kept if f]
        words, original = [f for f, _ in kept], [w for _, w in kept]
        if len(words) < 2 or _key(alias) in names.types:
            continue
        if is_notable_place(alias):
            continue
        pieces = names.pieces(words, original)
        if pieces is not None and len(pieces) >= 2:
            report.list_aliases.append((names_of[entity_id], alias, count))
    return report
