"""How an attack told in general words was made: "a chemical attack", "a suicide attack",
"rocket attacks", "an attack with chemical weapons".

The trigger lexicon gives each word one mode ("attack" is `unspecified`); the words around the
trigger often say more, and an analyst filters on it (ACLED's sub-event types: air or drone
strike, shelling, remote explosive, chemical weapon). The words that tell each mode are data
(`mode_words` in `schema/events.yaml`); this module only says where they are read: the
trigger's own modifiers ("chemical weapons attack"), and the weapons it is told with ("an
attack with chemical weapons", "fired rockets filled with sarin gas").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from sitrep.extract.deps import dep, prep_objects
from sitrep.extract.schema import EventSchema

# Modes a word can refine: the lexicon's "attack", "target", "shoot", "massacre" say nothing of
# the means, and "offensive" nothing of the weapon.
VAGUE_MODES = frozenset({"unspecified", None})
CHEMICAL = "chemical"

_MODIFIER_DEPS = frozenset({"compound", "amod", "npadvmod"})
# Prepositions that tell what an attack was made with
_MEANS_PREPS = frozenset({"with", "using"})
# Heads of the weapons an attack is told with, whose own words may tell the mode ("rockets
# filled with sarin", "barrel bombs loaded with chlorine")
_WEAPON_HEADS = frozenset(
    {
        "weapon", "weapons", "munition", "munitions", "rocket", "rockets", "shell", "shells",
        "bomb", "bombs", "missile", "missiles", "agent", "agents", "gas", "canister",
        "canisters", "device", "devices",
    }
)  # fmt: skip
# "tear gas" is crowd control, not a chemical weapon's attack
_NOT_CHEMICAL_BEFORE = frozenset({"tear"})


def refined_mode(token: Token, type_name: str, mode: str | None, schema: EventSchema) -> str | None:
    """`mode`, or the one the words around the trigger `token` tell: any vague mode is
    refined, and any mode becomes chemical when a chemical word is among them."""
    table = schema.mode_words.get(type_name)
    if not table:
        return mode
    words = {w.lower_ for w in _telling_words(token) if not _tear_gas(w)}
    for candidate, cues in table:
        if candidate != CHEMICAL and mode not in VAGUE_MODES:
            continue
        if words & cues:
            return candidate
    return mode


def _telling_words(token: Token) -> Iterator[Token]:
    """The trigger's modifiers with theirs, and the words of a weapon it is told with."""
    for child in token.children:
        if dep(child) in _MODIFIER_DEPS and child.i < token.i:
            yield from _modifier_words(child)
        elif dep(child) == "dobj" and token.pos_ in ("VERB", "AUX"):
            yield from _weapon_words(child)  # "fired rockets filled with sarin"
    for prep, obj in prep_objects(token):
        if prep in _MEANS_PREPS:
            yield from _weapon_words(obj)  # "an attack with chemical weapons"


def _modifier_words(modifier: Token) -> Iterator[Token]:
    yield modifier
    for child in modifier.children:
        if dep(child) in _MODIFIER_DEPS and child.i < modifier.i:
            yield from _modifier_words(child)


def _weapon_words(head: Token) -> Iterator[Token]:
    """A weapon's own words ("chemical weapons", "rockets filled with sarin gas"); nothing for
    a phrase that is no weapon ("attacked the chemical plant")."""
    if head.lower_ not in _WEAPON_HEADS:
        return
    yield head
    for token in head.subtree:
        if token.i != head.i:
            yield token


def _tear_gas(word: Token) -> bool:
    return (
        word.lower_ == "gas"
        and word.i > 0
        and word.doc[word.i - 1].lower_ in (_NOT_CHEMICAL_BEFORE)
    )
