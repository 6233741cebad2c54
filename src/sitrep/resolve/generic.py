"""A generic body's name ("Army", "Armed Forces", "Defence Ministry"): whose it is.

Reports write "the Army" or "Air Force" once they have said, or take it as known, which
state's they mean. Such a name is no body of its own: resolution made "Army" one entity of
every report that wrote it, Syria's army and Turkey's alike. The pack says which names are
generic, and whose: a state body's alias that is a state's word and a head ("Syrian Army",
"Russian Air Force", "Iraqi Armed Forces") makes the head ("army", "air force", "armed
forces") a generic name that, in a state's report, names that state's body.

A generic name then resolves, in order, to:

1. the body of the state its owner names ("Turkey's army", "Turkeys Special Forces", "the
   Armed Forces of the Russian Federation"), or nothing when that owner is no state the pack
   knows ("the alliance's Air Force", "my Ministry of Defence");
2. the one body with that head that the same report names in full ("the Syrian army ... Army
   units");
3. the body of the one country its sentences name ("In Iraq a Defense Ministry statement":
   Iraq's, which the pack lacks, so nothing);
4. the body of the report's dominant country (the country most of its pack actors and notable
   places belong to, ahead of any other), where the pack has one and the report names no
   other state that has such a body (a report mostly on Syria that names Russia's military
   may mean Russia's "Defense Ministry");

and otherwise to nothing: a guess between states would be worse than no entity.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitrep.names import fold
from sitrep.names.words import FUNCTION_WORDS
from sitrep.pack import Pack

_POSSESSIVE = re.compile(r"(?:['’]s|['’]|s)$")
_DETERMINERS = frozenset({"the", "a", "an"})


@dataclass
class GenericBodies:
    """The pack's generic heads and whose each is."""

    pack: Pack
    heads: dict[str, dict[str, str]] = field(default_factory=dict)  # head -> country -> actor
    states: dict[str, str] = field(default_factory=dict)  # a state's word, folded -> country
    names: set[str] = field(default_factory=set)  # every pack name, folded

    def __post_init__(self) -> None:
        for actor in self.pack.actors.values():
            self.names.update(fold(n) for n in actor.all_names)
            if actor.type == "state" and actor.country:
                for word in (*actor.all_names, *actor.demonyms):
                    self.states[fold(word)] = actor.country
        ambiguous: set[tuple[str, str]] = set()
        for actor in self.pack.actors.values():
            if actor.type != "state_body" or not actor.country:
                continue
            for alias in actor.all_names:
                head = self._head_after_state(alias, actor.country)
                if not head or head in self.names:
                    continue
                owners = self.heads.setdefault(head, {})
                if owners.get(actor.country, actor.id) != actor.id:
                    ambiguous.add((head, actor.country))  # two bodies of one state: no guess
                owners[actor.country] = actor.id
        for head, country in ambiguous:
            self.heads[head].pop(country, None)

    def _head_after_state(self, alias: str, country: str) -> str:
        """The rest of an alias that opens with its own state's word ("Syrian Army" -> "army"),
        or ""."""
        words = alias.split()
        for cut in (2, 1):
            if len(words) > cut and self._state(" ".join(words[:cut])) == country:
                return fold(" ".join(words[cut:]))
        return ""

    def state_of(self, word: str) -> str | None:
        """The country a state's name or demonym names, also written possessive ("Turkeys",
        "Russia's"), or None."""
        words = word.split()
        for n in range(len(words), 0, -1):  # "Republic of Turkey" before "Republic"
            country = self._state(" ".join(words[:n]))
            if country:
                return country
        return None

    def _state(self, phrase: str) -> str | None:
        key = fold(phrase)
        return self.states.get(key) or self.states.get(fold(_POSSESSIVE.sub("", phrase)))

    def head(self, name: str) -> str:
        """The generic head this name is ("the Army" -> "army"), or ""."""
        words = fold(name).split()
        while words and words[0] in _DETERMINERS:
            words = words[1:]
        while words and words[-1] in ("of", "the"):  # "Armed Forces of the" (Russia)
            words = words[:-1]
        key = " ".join(words)
        for form in (key, key + "s", key.removesuffix("s")):  # "Armed Force", "Armed Forces"
            if form in self.heads:
                return form
        return ""

    def owner(
        self,
        head: str,
        owner_word: str,
        named_in_full: Iterable[str],
        in_sentences: set[str],
        countries: Counter[str],
    ) -> tuple[str | None, str]:
        """(pack actor or None, why) for a generic head in one report. `owner_word`: the
        word or words that say whose it is ("" for none); `named_in_full`: the pack actors
        the report names; `in_sentences`: the countries the name's sentences name;
        `countries`: the report's mentions per country."""
        owners = self.heads[head]
        if owner_word:
            country = self.state_of(owner_word)
            if country is None:
                return None, f"a generic name owned by {owner_word!r}, no state of the pack's"
            actor = owners.get(country)
            why = f"a generic name after {owner_word!r}"
            return actor, why if actor else f"{why}: the pack has no such body of that state's"
        full = sorted({a for a in named_in_full if a in owners.values()})
        if len(full) == 1:
            return full[0], "a generic name in a report that names the body in full"
        if len(full) > 1:
            return None, "a generic name in a report that names several such bodies"
        if len(in_sentences) > 1:
            return None, "a generic name in sentences that name several countries"
        if in_sentences:
            (country,) = in_sentences
            actor = owners.get(country)
            why = f"a generic name in a sentence on {country}"
            return actor, why if actor else f"{why}: the pack has no such body of that state's"
        ranked = countries.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            actor = owners.get(ranked[0][0])
            rivals = sorted(c for c in countries if c in owners and c != ranked[0][0])
            if actor and rivals:  # "Russia's military said ... the Defense Ministry said"
                return None, f"a generic name in a report that also names {rivals}"
            if actor:
                return actor, f"a generic name in a report mostly on {ranked[0][0]}"
        return None, "a generic name in a report that names no one state's"


_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’]*)[ \t]+$")
_OF_AFTER = re.compile(r"(?:[ \t]+of)?(?:[ \t]+the)?[ \t]+([A-Z][\w'’]*(?:[ \t]+[\w'’]+){0,3})")
# Possessive determiners: the body is the speaker's or another's, which the name does not say.
POSSESSIVE_PRONOUNS = frozenset({"my", "our", "his", "her", "their", "its", "your"})


def word_before(text: str, start: int) -> str:
    """The word right before `start` on its line, in lower case ("" for none)."""
    match = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    return match.group(1).lower() if match else ""


def owner_word(text: str, start: int, end: int) -> str:
    """What says whose a name is: the word right before it when capitalised ("Turkeys Special
    Forces"), possessive ("the alliance's Air Force", "my Ministry") and in the same clause,
    else the capitalised words after an "of" that ends or follows it ("the Armed Forces of
    the Russian Federation"); "" for none. Function words say nothing ("The Army", "By Air
    Force" in a headline)."""
    match = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    word = match.group(1) if match else ""
    if word.lower() in POSSESSIVE_PRONOUNS:
        return word
    says = word and word.lower() not in FUNCTION_WORDS and word.lower() not in _DETERMINERS
    if says and (word[:1].isupper() or re.search(r"['’]s?$", word)):
        return word
    mention = text[start:end]
    if re.search(r"\bof(?:\s+the)?\s*$", mention) or re.match(r"\s+of\b", text[end:]):
        after = _OF_AFTER.match(text, end)
        if after:
            return after.group(1)
    return ""
