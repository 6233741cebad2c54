"""Relation cues (role nouns, verbs, prepositions) from `schema/relations.yaml`, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from sitrep.extract.schema import verb_forms
from sitrep.yamlload import load_yaml


@dataclass(frozen=True)
class RelationCues:
    position_heads: frozenset[str]
    command_heads: frozenset[str]
    subordinate_words: frozenset[str]
    subunit_words: frozenset[str]
    member_heads: frozenset[str]
    personnel_nouns: frozenset[str]
    new_words: frozenset[str]
    former_words: frozenset[str]
    appoint_verbs: frozenset[str]
    command_verbs: frozenset[str]
    command_nouns: frozenset[str]
    control_verbs: frozenset[str]
    control_place_only: frozenset[str]
    control_participles: frozenset[str]
    join_verbs: frozenset[str]
    include_verbs: frozenset[str]
    ally_verbs: frozenset[str]
    back_verbs: frozenset[str]
    back_nouns: frozenset[str]
    fight_verbs: frozenset[str]
    fight_nouns: frozenset[str]
    presence_words: frozenset[str]
    presence_verbs: frozenset[str]
    visit_verbs: frozenset[str]
    people_nouns: frozenset[str]
    located_nouns: frozenset[str]
    place_preps: frozenset[str]
    attempt_verbs: frozenset[str]
    attempt_forms: frozenset[str]  # every inflection of `attempt_verbs`
    object_control_verbs: frozenset[str]
    object_control_forms: frozenset[str]  # every inflection of `object_control_verbs`
    verb_index: dict[str, tuple[str, str]]  # inflected form -> (verb class, lemma)


VERB_CLASSES = (
    "appoint_verbs",
    "command_verbs",
    "control_verbs",
    "join_verbs",
    "include_verbs",
    "ally_verbs",
    "back_verbs",
    "fight_verbs",
    "presence_verbs",
    "visit_verbs",
)
_IRREGULAR = {
    "lead": ("led",),
    "run": ("ran",),
    "found": ("founded",),
    "fight": ("fought",),
    "send": ("sent",),
    "strike": ("struck", "stricken"),
    "prop": ("propped",),
    "seize": ("seized",),
    "take": ("took", "taken"),
    "hold": ("held",),
    "retake": ("retook", "retaken"),
    "overrun": ("overran",),
    "arm": ("armed",),
    "ally": ("allied", "allies", "allying"),
    "band": ("banded",),
    "unite": ("united",),
    "fly": ("flew", "flown", "flies"),
    "travel": ("travelled", "travelling"),
    "seek": ("sought",),
    "effort": ("efforts",),
    "tell": ("told",),
}


@lru_cache(maxsize=1)
def load_relation_cues() -> RelationCues:
    text = resources.files("sitrep.extract").joinpath("schema", "relations.yaml").read_text()
    data = load_yaml(text)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    index: dict[str, tuple[str, str]] = {}
    # Earlier classes win a shared form ("fight" is a fighting verb before a presence verb).
    for key in reversed(VERB_CLASSES):
        for lemma in words(key):
            for form in (*verb_forms(lemma), *_IRREGULAR.get(lemma, ())):
                index[form] = (key, lemma)
    return RelationCues(
        **{
            k: words(k)
            for k in RelationCues.__dataclass_fields__
            if k not in ("verb_index", "attempt_forms", "object_control_forms")
        },
        attempt_forms=_forms(words("attempt_verbs")),
        object_control_forms=_forms(words("object_control_verbs")),
        verb_index=index,
    )


def _forms(lemmas: frozenset[str]) -> frozenset[str]:
    return frozenset(
        f for lemma in lemmas for f in (*verb_forms(lemma), *_IRREGULAR.get(lemma, ()))
    )


def verb_class(token: Token, cues: RelationCues) -> tuple[str, str] | None:
    """(class, lemma) of a verb form, or None when it cues no relation."""
    if token.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    return cues.verb_index.get(token.lower_)
