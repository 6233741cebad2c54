"""One place, one entity across transliterations (issue 24a).

An Arabic place name reaches English in many spellings: "Kfar Batna" and "Kafr Batna" (a short
vowel written before or after a consonant), "Jubar" and "Jobar", "al-Qalamon" and "Qalamoun",
"Tall Tawil village" and "Tall Tawil". Resolution decides each document alone and the gazetteer
knows one spelling, so each spelling it does not know founds an entity of its own, and the name
keys of `run.find_existing` only reach spellings within a close edit distance of an entity
outside the gazetteer.

After each run, places outside the pack are grouped by a transliteration key: per word, the
phonetic form of `names.phonetic` (q/k, ou/u, doubled letters, articles dropped) reduced to
its first letter, its consonants and whether it ends in a vowel ("Kfar" and "Kafr" are both
"kfr"; "Zabad" is not "Zabadieh"), with a settlement noun ending the name left out. A group is
joined only where that is safe:

- at most one of its entities is linked to the gazetteer or a pack region, and that one lies in
  the pack's theatre (a spelling of a Syrian village is no town in Sri Lanka);
- the key has three consonants or more (two match too many short names: "Hama", "Hmeimim");
- each joined spelling is still close to the target's, folded and without articles
  (`SPELLING_FLOOR`), and names the same compass direction;
- the reports agree on where it is: a spelling joins a gazetteer place only where every report
  naming it names a place or state of that place's country ("Salihiah" in reports on Syria is no
  Iranian Salehieh) and, where gazetteer places are named near its mentions, one of them lies in
  that place's governorate (issue 25a: "al-Hadar" near Quneitra places is no spelling of al-Hader
  in Aleppo's countryside; the spellings so refused may still join each other); and two
  spellings the gazetteer lacks do not join where the governorates of the gazetteer places named
  near each (`resolve.governorates`) are known and share none ("Masaken" near Hasakah places,
  "Masqan" near Aleppo ones); where they are not known, the spellings must be closer
  (`UNLOCATED_FLOOR`).

Each unlinked entity's mentions move to the group's gazetteer entity, or to its entity with the
most mentions. Moved mentions log why, and each merge is a rule judgement.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy import Connection, func, select

from sitrep.names.phonetic import name_tokens, phonetic_token
from sitrep.nlp.types import DIRECTIONS
from sitrep.resolve.governorates import scan_places
from sitrep.resolve.moves import move_mentions
from sitrep.resolve.rows import judgement_row
from sitrep.store import schema

# Nouns for a kind of settlement that a writer may add to a place's name ("Handarat town",
# "the al-Menshiyeh neighborhood"). Not "governorate" or "province": "Homs Governorate" is a
# region and "Homs" a city.
TRAILING_SETTLEMENT = frozenset(
    {"village", "town", "neighbourhood", "neighborhood", "district", "quarter"}
)
# Of those, the ones that name a part of a city: "Sulaymaniyah neighborhood" (of Aleppo) is no
# spelling of the gazetteer's city Sulaymaniyah, so such a name joins no gazetteer place.
CITY_PARTS = frozenset({"neighbourhood", "neighborhood", "district", "quarter"})
# rapidfuzz ratio (0-100) of two spellings, folded and without articles, for one place: "Jab
# al-Jerah"/"Jubb al-Jarrah" (70), "al-Serian"/"Suran" (72) and "Aqrab"/"Aqareb" (72) are too
# far to tell; "Latamina"/"Latamneh" (75) and "Banish"/"Binnish" (77) are one.
SPELLING_FLOOR = 75
# Two spellings the gazetteer lacks, with nothing near either to say where it is, must be as
# close as the name keys ask of places (`run.PLACE_SPELLING_SIMILARITY`): "Khaldiyeh District"
# (Homs) and "al-Khalediya" (Aleppo) score 77.
UNLOCATED_FLOOR = 85
_MIN_CONSONANTS = 3
_VOWELS = re.compile(r"[aeiou]")
_DOUBLE = re.compile(r"([a-z])\1+")


def _word_key(token: str) -> str:
    """One word's consonant frame: its first letter (a vowel as "V"), its consonants, and a
    final "V" when it ends in a vowel (a final h after a vowel is silent: "-eh", "-ah")."""
    form = re.sub(r"(?<=[aeiou])h$", "", phonetic_token(token))
    if not form:
        return ""
    head = "V" if form[0] in "aeiou" else form[0]
    body = _DOUBLE.sub(r"\1", head + _VOWELS.sub("", form[1:]))
    return body + ("V" if form[-1] in "aeiou" else "")


def _name_words(name: str) -> list[str]:
    words = name_tokens(name)
    while len(words) > 1 and words[-1] in TRAILING_SETTLEMENT:
        words = words[:-1]
    return words


def transliteration_key(name: str) -> str:
    """The key two spellings of one Arabic place name share: "Kfar Batna" and "Kafr Batna",
    "Tall Tawil village" and "Tall Tawil" ("" for a name of no letters)."""
    return " ".join(k for k in (_word_key(w) for w in _name_words(name)) if k)


def _consonants(key: str) -> int:
    return sum(1 for ch in key if ch.isalpha() and ch != "V")


def close_spellings(a: str, b: str, floor: int = SPELLING_FLOOR) -> bool:
    """Two names of one key are close enough to be one place's: near in spelling (folded,
    articles and trailing settlement nouns dropped) and naming the same compass direction."""
    words_a, words_b = _name_words(a), _name_words(b)
    if set(words_a) & DIRECTIONS != set(words_b) & DIRECTIONS:
        return False  # "Western X" is not "Eastern X"
    return fuzz.ratio(" ".join(words_a), " ".join(words_b)) >= floor


@dataclass
class _Place:
    id: str
    name: str
    country: str | None
    mentions: int
    admin1: str | None = None
    documents: set[str] = field(default_factory=set)

    @property
    def linked(self) -> bool:
        return not self.id.startswith("pl_")  # gn_ (gazetteer) or rg_ (a pack region)


@dataclass
class SpellingJoins:
    groups: int = 0  # keys shared by two or more places
    joined: int = 0  # entities merged into another
    moved: int = 0  # mentions moved
    decisions: list[str] = field(default_factory=list)


def join_spellings(
    conn: Connection, theatre: frozenset[str], touched: Iterable[str] | None = None
) -> SpellingJoins:
    """Merge places that are spellings of one name where that is safe (see the module's
    docstring). `theatre`: the countries a gazetteer place may lie in to take others' mentions;
    `touched`: only groups holding one of these entities (None: every group)."""
    result = SpellingJoins()
    wanted = None if touched is None else set(touched)
    groups = [g for g in _groups(conn) if wanted is None or any(p.id in wanted for p in g)]
    result.groups = len(groups)
    where = _Whereabouts.load(conn, groups)
    merges: list[tuple[_Place, _Place, str]] = []
    for group in groups:
        target = _target(group, theatre)
        if target is None:
            continue
        unlinked = [p for p in group if p is not target and not p.linked]
        elsewhere = _join_into(target, unlinked, where, merges)
        if target.linked and len(elsewhere) > 1:
            # the gazetteer's place is another's namesake: the spellings of the one its reports
            # do place are still one place ("Hadar" and "al-Hadar village" near Quneitra)
            other = max(elsewhere, key=lambda p: (p.mentions, p.id))
            _join_into(other, [p for p in elsewhere if p is not other], where, merges)
    result.decisions = [reason for _, _, reason in merges]
    judgements = [
        judgement_row(
            "merge",
            {"entity": p.id, "into": t.id, "name": p.name},
            "rule",
            "resolve.spellings",
            reason,
        )
        for p, t, reason in merges
    ]
    result.joined = len(merges)
    moves = [(p.id, t.id, reason) for p, t, reason in merges]
    result.moved = move_mentions(conn, moves, judgements)
    return result


def _join_into(
    target: _Place,
    places: list[_Place],
    where: _Whereabouts,
    merges: list[tuple[_Place, _Place, str]],
) -> list[_Place]:
    """Add to `merges` the places that are spellings of `target`; return those whose reports
    place them elsewhere."""
    elsewhere = []
    for place in places:
        located = where.agree(place, target)
        floor = SPELLING_FLOOR if located else UNLOCATED_FLOOR
        if located is False:
            elsewhere.append(place)
        elif close_spellings(place.name, target.name, floor):
            reason = f"one place across spellings: {place.name!r} ~ {target.name!r}"
            merges.append((place, target, reason))
    return elsewhere


def _target(group: list[_Place], theatre: frozenset[str]) -> _Place | None:
    """The entity a group's spellings join: its one linked place in the theatre, or else its
    unlinked place with the most mentions (a place abroad of the same key, "Kilis" beside
    "al-Kallaseh" and "Al Kalassa", takes no part). None where two theatre places are linked:
    a spelling of either cannot be told."""
    linked = [p for p in group if p.linked and p.country in theatre]
    if len(linked) > 1:
        return None
    if linked:
        return linked[0]
    unlinked = [p for p in group if not p.linked]
    return max(unlinked, key=lambda p: (p.mentions, p.id)) if len(unlinked) > 1 else None


@dataclass
class _Whereabouts:
    """Where the reports naming a place say it is: the countries each document names (its
    gazetteer places, regions and states), and the governorates of the gazetteer places named
    near each of the place's mentions (a report on five governorates names each place near its
    own)."""

    countries: dict[str, set[str]]
    governorates: dict[str, set[str]]  # entity -> governorates named near its mentions

    @classmethod
    def load(cls, conn: Connection, groups: list[list[_Place]]) -> _Whereabouts:
        by_id = {p.id: p for group in groups for p in group}
        if not by_id:
            return cls(defaultdict(set), defaultdict(set))
        scanned = scan_places(conn, by_id.__contains__)
        for entity_id, documents in scanned.documents.items():
            by_id[entity_id].documents |= documents
        return cls(scanned.countries, scanned.governorates)

    def agree(self, place: _Place, target: _Place) -> bool | None:
        """Whether `place` (outside the gazetteer) is where `target` is, by its reports: True,
        False, or None where the reports do not say (no governorate named near one of them)."""
        near, there = self.governorates[place.id], self.governorates[target.id]
        if target.linked:
            if name_tokens(place.name)[-1:] and name_tokens(place.name)[-1] in CITY_PARTS:
                return False
            if not all(target.country in self.countries[d] for d in place.documents):
                return False
            # a namesake in another governorate of the same country: "al-Hadar village" near
            # Quneitra places is not the gazetteer's al-Hader in Aleppo's countryside
            own = f"{target.country}:{target.admin1}" if target.admin1 else None
            return own is None or not near or own in near
        if not near or not there:
            return None
        return bool(near & there)


def _groups(conn: Connection) -> list[list[_Place]]:
    ents, men = schema.entities, schema.mentions
    counts = (
        select(men.c.entity_id, func.count().label("n"))
        .where(men.c.entity_id.is_not(None))
        .group_by(men.c.entity_id)
        .subquery()
    )
    query = (
        select(ents.c.id, ents.c.name, ents.c.country, counts.c.n, ents.c.attributes)
        .join(counts, counts.c.entity_id == ents.c.id)
        .where(ents.c.pack_id.is_(None), ents.c.type == "place")
        .order_by(ents.c.id)
    )
    by_key: defaultdict[str, list[_Place]] = defaultdict(list)
    for entity_id, name, country, n, attributes in conn.execute(query):
        key = transliteration_key(str(name))
        admin1 = attributes.get("admin1") if isinstance(attributes, dict) else None
        if _consonants(key) >= _MIN_CONSONANTS:
            by_key[key].append(_Place(entity_id, str(name), country, int(n), admin1 or None))
    return [group for group in by_key.values() if len(group) > 1]


__all__ = [
    "SPELLING_FLOOR",
    "SpellingJoins",
    "close_spellings",
    "join_spellings",
    "transliteration_key",
]
