"""Correct a mention's label and name before clustering, using the pack and the gazetteer.

The statistical model often gets the label of a name wrong ("Khamenei" as LOC, "Suleimani" as
ORG, "Idlib" as PERSON) or swallows a nationality word or a generic noun ("Syrian Latakia",
"Lebanese Hezbollah forces"). A name the pack knows takes the label of its actor; a PERSON or ORG
that is a known theatre place becomes a place. Mentions the ruler already tied to a pack actor
are left alone.

Names that are not names are repaired first (`sitrep.names.junk`): a headline glued to the
text ("Syrian Army Kills 20") is cut back to the name it starts with, a count ("Dozens
Killed") is dropped, and a possessive written without its apostrophe ("Syrias") becomes the
name it was made from when that name is known. Every change carries its reason
("retype_reason"), which resolution logs with the mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sitrep.names import fold
from sitrep.names.junk import (
    function_words_only,
    place_list,
    possessive_stem,
    repair_name,
    weekday_possessive,
)
from sitrep.names.phonetic import ARTICLES
from sitrep.names.words import CALENDAR_WORDS
from sitrep.nlp.types import (
    DIRECTIONS,
    GROUND_NOUNS,
    KIND_WORDS,
    SETTLEMENT_NOUNS,
    common_nouns,
    event_nouns,
    names_people,
    proper_adjectives,
    shipped_heads,
)
from sitrep.pack import Actor, Pack
from sitrep.pack.places import MIN_WORLD_POPULATION
from sitrep.resolve.places import PlaceMatch, capital_country, is_notable_place, resolve_place

PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
# Trailing nouns that say what kind of thing a named group is, not part of its name.
_GENERIC_TAIL = re.compile(
    r"\s+(?:forces?|fighters?|militias?|troops|units?|members?|militants?|men)$", re.IGNORECASE
)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# A lower-case compass word before a capitalised name (not "East Timor", "Western Sahara").
_LEADING_DIRECTION = re.compile(rf"^(?:{'|'.join(sorted(DIRECTIONS))})\s+(?=[A-Z])")
# A capitalised word ending in a consonant and "y" with an "s" after it ("the Observatorys
# report"): English writes that plural "-ies", so the "s" is a possessive whose apostrophe was
# lost, of a common noun.
_COMMON_POSSESSIVE = re.compile(r"^[A-Z][a-z]+[^aeiouy]ys$")
_MAX_REMEMBERED = 1 << 17  # distinct (label, name) decisions kept; bounded for long runs
MIN_PLACE_POPULATION = 20_000  # a PERSON/ORG becomes a place only for a city this size
DROPPED = "DROPPED"  # the label of a mention that names nothing: resolution skips it
_MAX_NAME_WORDS = 8  # the longest pack name or place looked for in a run of names


@dataclass
class Retyper:
    """Indexes of the pack's names (any actor type) and the theatre's countries."""

    pack: Pack
    names: dict[str, set[str]] = field(default_factory=dict)  # folded name -> actor ids
    shorts: dict[str, set[str]] = field(default_factory=dict)
    demonyms: set[str] = field(default_factory=set)
    countries: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()  # folded title forms ("secretary of state")
    title_heads: frozenset[str] = frozenset()  # last words of forms without "of" ("minister")
    title_words: frozenset[str] = frozenset()  # their words ("foreign", "defence", "supreme")
    states: dict[str, str] = field(default_factory=dict)  # country code -> the pack's state
    _changes: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for actor in self.pack.actors.values():
            for text in actor.all_names:
                self.names.setdefault(fold(text), set()).add(actor.id)
            for text in actor.short_forms:
                self.shorts.setdefault(fold(text), set()).add(actor.id)
            self.demonyms.update(fold(d) for d in actor.demonyms)
            if actor.type == "state" and actor.country:
                self.states[actor.country.upper()] = actor.id
        # The theatre is where the pack's regions lie: a town of 20,000 there is news; the
        # states the pack names (the US, Russia) are actors, not the theatre, and their
        # towns' names ("Jackson") are as often people's.
        countries = {r.country for r in self.pack.regions}
        self.countries = frozenset(c.upper() for c in countries if c)
        self.titles = frozenset(fold(form) for form in self.pack.title_forms if fold(form))
        plain = [t.split() for t in self.titles if "of" not in t.split()]
        self.title_heads = frozenset(words[-1] for words in plain)
        self.title_words = frozenset(w for words in plain for w in words)

    def variants(self, name: str) -> list[str]:
        """The name, then without a leading "the"/nationality word and a trailing generic noun;
        a lower-case direction before a place says where in it ("east Syria" is Syria; the
        mention keeps it, extraction reads a country's region by it)."""
        out = [name]
        bare = _LEADING_DIRECTION.sub("", _LEADING_THE.sub("", name))
        words = bare.split()
        if len(words) > 1 and fold(words[0].rstrip("’'s")) in self.demonyms:
            bare = " ".join(words[1:])
        for text in (bare, _GENERIC_TAIL.sub("", bare), _GENERIC_TAIL.sub("", name)):
            if text and text not in out:
                out.append(text)
        return out

    def actor_for(self, names: list[str]) -> tuple[Actor, str] | None:
        """The one pack actor a full name or alias (else a short form) of `names` names."""
        for index in (self.names, self.shorts):
            for text in names:
                ids = index.get(fold(text), set())
                if len(ids) == 1:
                    return self.pack.actors[next(iter(ids))], text
        return None

    def place_for(self, names: list[str]) -> tuple[PlaceMatch, str] | None:
        """A theatre place one of `names` exactly names (not a loose spelling match)."""
        for text in names:
            place = _place_by_name(text)
            if place is None or place.country_code.upper() not in self.countries:
                continue
            if "spelling variant" in place.reason:
                continue
            if place.precision == "region" or place.population >= MIN_PLACE_POPULATION:
                return place, text
        return None

    def retype(self, mention: dict[str, Any], name: str) -> dict[str, Any]:
        """`mention` with a corrected "label" and a "name" to resolve by (a copy if changed)."""
        if mention.get("pack_id"):
            return mention
        key = (str(mention["label"]), name)
        if key not in self._changes:  # names recur across documents: decide each once
            if len(self._changes) >= _MAX_REMEMBERED:
                self._changes.clear()
            self._changes[key] = self._change(*key)
        change = self._changes[key]
        return {**mention, **change} if change else mention

    def known(self, name: str) -> bool:
        """Whether the pack or the gazetteer (a notable place) knows this exact name."""
        return self.actor_for([name]) is not None or self.is_place(name)

    def dropped_reason(self, mention: dict[str, Any], name: str) -> str | None:
        """Why a mention was dropped as naming nothing (None if it was not)."""
        change = self.retype(mention, name)
        return str(change["retype_reason"]) if change.get("label") == DROPPED else None

    def _change(self, label: str, name: str) -> dict[str, str]:
        """The fields a mention with this label and name gets changed (empty: none)."""
        if label in PLACE_LABELS and name.lower().strip(".") in CALENDAR_WORDS:
            return {"label": DROPPED, "retype_reason": f"{name!r} is a date word, not a place"}
        if name.islower() and function_words_only(name):  # "May", "AS" may be names
            return {"label": DROPPED, "retype_reason": f"{name!r} is function words only"}
        if name.lower() in KIND_WORDS:  # "Western" of "the Western and Arab-backed ..."
            return {"label": DROPPED, "retype_reason": f"{name!r} is a direction or a kind"}
        if weekday_possessive(name):
            return {"label": DROPPED, "retype_reason": f"{name!r} is a weekday's possessive"}
        if label in ("PERSON", "ORG") and self.title_only(name):
            return {"label": DROPPED, "retype_reason": f"{name!r} is a title with no name"}
        titled = self.titled_name(name) if label in ("PERSON", "ORG") else None
        if titled is not None:  # "Foreign Secretary Boris X" is Boris X, titled
            title, rest = titled
            why = f"{title!r} is the title of {rest!r}"
            return {"label": "PERSON", "name": rest, "retype_reason": why}
        repaired = repair_name(name)
        if repaired is not None:
            if not repaired[0]:
                return {"label": DROPPED, "retype_reason": repaired[1]}
            change = self._retyped(label, repaired[0]) or {"name": repaired[0]}
            return {**change, "retype_reason": repaired[1]}
        if self._common_possessive(label, name):
            why = f"{name!r} is a common noun's possessive, no name"
            return {"label": DROPPED, "retype_reason": why}
        stem = possessive_stem(name, self.known)
        if stem is not None:
            change = self._retyped(label, stem) or {"name": stem}
            why = f"possessive {name!r} read as {stem!r}"
            if "retype_reason" in change:  # and what the stem was read as ("ISIL Syria")
                why = f"{why}; {change['retype_reason']}"
            return {**change, "retype_reason": why}
        # a person or group that is places run together must be made of places of some size
        # ("Homs Idlib", "Moscow Ankara"; not "Jackson Hamilton")
        places = self.is_place if label in PLACE_LABELS else self._sizeable_place
        first = place_list(name, places)
        if first is not None:
            change = self._retyped(label, first) or {"name": first}
            return {**change, "retype_reason": f"{name!r} is places run together"}
        return self._retyped(label, name)

    def name_run(self, name: str) -> tuple[Actor, str] | None:
        """The pack actor a run of names without commas means ("Syria Al-Nusra Front",
        "Aleppo Reuters", "Al-Nusra Front Al-Qaeda", "Nusra Front Commanders"): the words split
        into pack names and notable places, with at most a plural common noun or an event noun
        at either end next to a group's name ("commanders", "militants", "Shelling"); the first
        actor that is not a state is the one meant (a dateline or a country runs into the
        name), else the first state. None when the whole is a pack name, when a word belongs to
        no known name, or when states follow a place ("Idlib Syria" is Idlib, as the gazetteer
        reads it)."""
        words = name.split()
        if len(words) < 2 or self.actor_for([name]) is not None:
            return None
        pieces = self._pieces(words)
        if pieces is None or len(pieces) < 2:
            return None
        actors = [(p[1], p[0]) for p in pieces if p[1] is not None]
        if not actors:
            return None  # places only: `place_list`'s case
        groups = [a for a in actors if a[0].type != "state"]
        if not groups and pieces[0][1] is None:
            return None  # "Idlib Syria": a place and its country name the place
        for position, (_text, _actor, noun) in enumerate(pieces):
            if not noun:
                continue
            beside = pieces[1] if position == 0 else pieces[-2]
            if position not in (0, len(pieces) - 1) or beside[1] is None:
                return None  # a noun between names, or beside a place ("Aleppo University")
            if beside[1].type == "state":
                return None  # "Syria Times": a state and a noun may name an outlet
        return (groups or actors)[0]

    def _pieces(self, words: list[str]) -> list[tuple[str, Actor | None, bool]] | None:
        """`words` as known names, longest first: (text, pack actor or None for a place,
        whether it is a common noun at an edge)."""
        out: list[tuple[str, Actor | None, bool]] = []
        i = 0
        while i < len(words):
            if i > 0 and words[i][:1].islower():
                return None  # "Hezbollah al-Nujaba": a lower-case article word joins a name
            for j in range(min(len(words), i + _MAX_NAME_WORDS), i, -1):
                text = " ".join(words[i:j])
                ids = self.names.get(fold(text), set())
                if len(ids) == 1:
                    out.append((text, self.pack.actors[next(iter(ids))], False))
                    break
                capitalised = all(w[:1].isupper() for w in words[i:j])
                # "Idlib Syria" is the gazetteer's Idlib, but two names here
                whole = j == i + 1 or fold(words[j - 1]) not in self.names
                if capitalised and whole and not ids and self.is_place(text):
                    out.append((text, None, False))
                    break
                # a plural: the group's members or acts ("Commanders", "Operations"), or an
                # act of the event schema ("Shelling", "Offensive"); another singular noun
                # after a name names another thing ("Charter", "Bridge", "Checkpoint")
                plural = text.endswith("s") and text.lower() in common_nouns()
                if j == i + 1 and capitalised and (plural or text.lower() in event_nouns()):
                    out.append((text, None, True))
                    break
            else:
                return None
            i = j
        return out

    def _common_possessive(self, label: str, name: str) -> bool:
        """ "Observatorys", "Armys": the shape alone for a place or a group (no English plural
        is spelt so); a person may be "Gladys", so for one the stem must be a common noun of
        the treebanks. Never a name the pack or the gazetteer knows."""
        if not _COMMON_POSSESSIVE.match(name) or self.known(name):
            return False
        return label != "PERSON" or name[:-1].lower() in common_nouns()

    def title_only(self, name: str) -> bool:
        """ "US Secretary", "UN Secretary General", "British Foreign Secretary", "Hezbollah
        Leader": a title of the pack, after the names of whose office it is (pack names, a
        people's adjective), and no person's name. A title's words before a name keep it a
        person ("Foreign Minister Walid X": its last word is no title's)."""
        words = fold(name.replace("-", " ")).split()
        start = 0
        while start < len(words) - 1 and self._office_of(words[start]):
            start += 1
        rest = words[start:]
        if not rest or (start == 0 and len(rest) == 1 and " ".join(rest) not in self.titles):
            return False
        if " ".join(rest) in self.titles:
            return True
        return rest[-1] in self.title_heads and all(w in self.title_words for w in rest[:-1])

    def titled_name(self, name: str) -> tuple[str, str] | None:
        """("Foreign Secretary", "Boris X") for "Foreign Secretary Boris X": the longest
        leading words that are a title by `title_only`, then a name of capitalised words none
        of which is a title's; None when the name has no such title."""
        words = name.split()
        for cut in range(len(words) - 1, 0, -1):
            rest = words[cut:]
            if not all(_name_word(w) for w in rest) or fold(rest[0]) in self.title_words:
                continue
            if any(fold(w) in shipped_heads() or fold(w) in common_nouns() for w in rest):
                continue  # "General Command", "Major Offensive Takes Shape": no person's name
            if self.title_only(" ".join(words[:cut])):
                return " ".join(words[:cut]), " ".join(rest)
        return None

    def _office_of(self, word: str) -> bool:
        """A word naming whose an office is: a pack name ("US", "UN", "Hezbollah"), a
        people's or nation's adjective ("British", "Syrian")."""
        return (
            word in self.names
            or word in self.shorts
            or word in self.demonyms
            or word in proper_adjectives()
            or names_people(word.capitalize())
        )

    def is_place(self, name: str) -> bool:
        return is_notable_place(name)

    def _sizeable_place(self, name: str) -> bool:
        """A theatre place of MIN_PLACE_POPULATION or a region, a country, or a world city,
        named as the gazetteer names it: not a town whose name needs its article ("Al Bāb",
        "El Ain") read from the bare word, which opens other places' names ("Bab Tadmor",
        "Ain Issa": gate, spring)."""
        found = self.place_for([name]) or self.world_place_for([name])
        if found is None:
            return False
        own = fold(found[0].name).split()
        bare = fold(name).split()
        return not (len(own) > 1 and own[0] in ARTICLES and bare[:1] != own[:1])

    def _retyped(self, label: str, name: str) -> dict[str, str]:
        names = self.variants(name)
        hit = self.actor_for(names)
        if hit is not None:
            actor, text = hit
            reason = f"the pack knows {text!r} as {actor.label}"
            return {"label": actor.label, "name": text, "retype_reason": reason}
        run = self.name_run(name)
        if run is not None:
            actor, text = run
            why = f"{name!r} is names run together; the pack knows {text!r} as {actor.label}"
            return {"label": actor.label, "name": text, "retype_reason": why}
        if names_people(name):  # "Shia", "Syrian Kurds": no group, no place
            why = f"{name!r} names people of a faith or a people (lexicon of peoples), no actor"
            return {"label": "NORP", "retype_reason": why}
        if label in PLACE_LABELS:
            if resolve_place(name) is not None:
                return {}
            # "Syrian Latakia": a shorter variant that names a theatre place
            place = self.place_for(names[1:])
            return {"name": place[1]} if place else {}
        if label in ("PERSON", "ORG") and _kind_of_place(name):
            why = f"{name!r} ends in a kind of settlement or ground: a place"
            return {"label": "LOC", "retype_reason": why}
        if label in ("PERSON", "ORG", "NORP"):  # "Moscows" (NORP) -> "Moscow": its city
            place = self.place_for(names) or self.world_place_for(names)
            if place is not None:
                reason = f"the gazetteer knows {place[1]!r} as a place ({place[0].precision})"
                return {"label": "GPE", "name": place[1], "retype_reason": reason}
        return {}

    def town_by_variant(self, name: str) -> PlaceMatch | None:
        """The theatre town of MIN_PLACE_POPULATION or more that a one-word name spells in
        another way ("Raqa" for Ar Raqqah, "Tabaqa" for Al-Tabqa), or None. Not a code in
        capitals, and not an adjective of origin: "Halabi" (of Halab, Aleppo) is a surname."""
        if " " in name or len(name) < 4 or name.isupper():
            return None
        if name.endswith("i") and resolve_place(name[:-1]) is not None:
            return None
        place = resolve_place(name)
        if place is None or "spelling variant" not in place.reason:
            return None
        if place.country_code.upper() not in self.countries or place.precision == "country":
            return None
        return place if place.population >= MIN_PLACE_POPULATION else None

    def world_place_for(self, names: list[str]) -> tuple[PlaceMatch, str] | None:
        """A country, one of the world's largest cities or a country's capital, exactly named
        (a person or group is rarely called "Riyadh", "Jordan" or "Washington"; smaller towns
        outside the theatre are). A capital that acts ("Washington warned") is its state's
        government, never a person."""
        for text in names:
            place = _place_by_name(text)
            if place is None or "spelling variant" in place.reason:
                continue
            if place.precision == "country" or place.population >= MIN_WORLD_POPULATION:
                return place, text
            if capital_country(text) is not None:
                return place, text
        return None


# Capitalised last words that make a name a place's ("al-Kallasa Street", "Yarmouk Camp",
# "Alwaer District"). "Camp" only ends a name here: a group's camp is "the Hezbollah camp".
# (Not the head lexicon's "lake" or "park": "Anthony Lake" is a person.)
_PLACE_ENDS = SETTLEMENT_NOUNS | GROUND_NOUNS | {"camp"}


def _name_word(word: str) -> bool:
    """A word of a person's name: capitalised, or an article or "bin" before one ("al-Muallem",
    "bin Laden")."""
    head, _, tail = word.partition("-")
    if word[:1].isupper() or (tail[:1].isupper() and head.lower() in ARTICLES):
        return True
    return word.lower() in ARTICLES | {"bin", "ibn", "bint"}


def _kind_of_place(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and words[-1][:1].isupper() and words[-1].lower() in _PLACE_ENDS


def _place_by_name(text: str) -> PlaceMatch | None:
    """The place `text` names, where a group's or person's name may be one: not a town's code
    (an all-capitals word such as "NGO", which the gazetteer lists among Nagoya's names, as it
    lists airports' codes); a country's ("UAE", "USA") is one."""
    place = resolve_place(text)
    if place is not None and text.isupper() and place.precision != "country":
        return None
    return place
