"""The event schema and the claim cues, loaded once from YAML data (`schema/*.yaml`).

Everything else in the extract stage (trigger lookup, role maps, CLI choices) is derived from
these typed objects, so adding a trigger or an event type is a data change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal, cast

from spacy.tokens import Token

from sitrep.errors import ConfigError
from sitrep.extract.deps import verb_tag_on_a_noun
from sitrep.yamlload import load_yaml

TriggerPos = Literal["verb", "noun", "adj"]
ROLES = ("actor", "target", "counterpart", "by", "recipient", "item")


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    plover: str | None
    description: str
    modes: tuple[str, ...]
    roles: dict[str, str]  # syntactic slot -> role
    # Types of one family may describe one happening (corroboration joins them): an attack and
    # the deaths it caused. A type with no family given is a family of its own.
    family: str = ""
    # Prepositions that give this type's place beyond the schema's own ("withdrew from Manbij":
    # a retreat happens where it leaves; an arrival "from Tehran" does not happen there).
    place_preps: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Trigger:
    word: str
    pos: TriggerPos
    type: str
    mode: str | None
    forms: frozenset[str]  # every surface form that matches (lower case)
    person: tuple[str, str | None] | None = None
    needs_place: bool = False
    objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # fire only when the subject's head is one of these
    # fire only when told with one of these words, as a preposition's object or a compound: the
    # means of a call ("spoke by phone", "a telephone call")
    means: frozenset[str] = frozenset()
    roles: dict[str, str] | None = None
    copula: bool = False
    # The word tells a toll, not a kind of attack ("were wounded", "were killed"): the next
    # sentence's "30 were wounded" may tell more of the attack just told (corroborate.compat).
    toll: bool = False


@dataclass(frozen=True)
class EventSchema:
    types: dict[str, EventType]
    triggers: tuple[Trigger, ...]
    place_preps: frozenset[str]
    support_verbs: frozenset[str]
    # type -> (mode, the words that tell it), first match wins (`extract.modes`)
    mode_words: dict[str, tuple[tuple[str, frozenset[str]], ...]] = field(default_factory=dict)

    def role_map(self, trigger: Trigger, type_name: str) -> dict[str, str]:
        if trigger.roles is not None and type_name == trigger.type:
            return trigger.roles
        return self.types[type_name].roles

    def by_form(self, form: str) -> list[Trigger]:
        return _form_index(self).get(form.lower(), [])

    def names_a_happening(self, form: str) -> bool:
        """Whether the lexicon has `form` as a noun trigger ("massacre", "siege", "clashes"):
        a word that names what is done."""
        return any(t.pos == "noun" for t in self.by_form(form))

    def read_as_noun(self, token: Token) -> bool:
        """A trigger word tagged as a verb that the parse uses as a noun, where the lexicon
        has it as a noun ("engaged in fierce clashes", "clashes" tagged VBZ): see
        `deps.verb_tag_on_a_noun`. "demonstrates" has no noun reading, whatever its parse."""
        return verb_tag_on_a_noun(token) and self.names_a_happening(token.text)


@dataclass(frozen=True)
class ClaimCues:
    reporting_verbs: frozenset[str]
    citing_verbs: frozenset[str]
    confirm_verbs: frozenset[str]
    deny_verbs: frozenset[str]
    retract_verbs: frozenset[str]
    answer_verbs: frozenset[str]
    negative_answers: frozenset[str]
    glued_complementizers: tuple[str, ...]
    hedges: tuple[str, ...]
    modal_auxiliaries: frozenset[str]
    modal_governors: frozenset[str]
    modal_nouns: frozenset[str]
    agency_words: frozenset[str]
    official_words: frozenset[str]
    anonymous_words: frozenset[str]
    body_nouns: frozenset[str] = frozenset()  # heads of a description of an organisation


@lru_cache(maxsize=4096)
def verb_forms(lemma: str) -> frozenset[str]:
    """Regular inflections of an English verb (over-generation is harmless for lookup)."""
    return frozenset(_verb_forms(lemma))


def _verb_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "ing", lemma + "ed"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if (
        len(lemma) > 2
        and lemma[-1] in "bdgmnprt"
        and lemma[-2] in "aeiou"
        and lemma[-3] not in "aeiou"
    ):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def noun_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    return forms


def _trigger(raw: dict[str, Any], types: dict[str, EventType]) -> Trigger:
    word, pos, type_name = str(raw["word"]), cast(TriggerPos, raw["pos"]), str(raw["type"])
    if type_name not in types:
        raise ConfigError(f"trigger {word!r} names unknown event type {type_name!r}")
    forms = (
        set(verb_forms(word)) if pos == "verb" else noun_forms(word) if pos == "noun" else {word}
    )
    forms |= {str(f) for f in raw.get("forms", [])}
    person = raw.get("person")
    return Trigger(
        word=word,
        pos=pos,
        type=type_name,
        mode=raw.get("mode"),
        forms=frozenset(f.lower() for f in forms),
        person=(str(person[0]), person[1]) if person else None,
        needs_place=bool(raw.get("needs_place", False)),
        objects=frozenset(raw.get("objects", [])),
        subjects=frozenset(raw.get("subjects", [])),
        means=frozenset(raw.get("means", [])),
        roles=raw.get("roles"),
        copula=bool(raw.get("copula", False)),
        toll=bool(raw.get("toll", type_name == "DIE")),
    )


def _read(name: str) -> dict[str, Any]:
    text = resources.files("sitrep.extract").joinpath("schema", name).read_text("utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise ConfigError(f"event schema file {name} is not a mapping")
    return data


@lru_cache(maxsize=1)
def load_event_schema() -> EventSchema:
    """The event types and the trigger lexicon from `schema/events.yaml`."""
    data = _read("events.yaml")
    types = {
        name: EventType(
            name=name,
            label=str(spec["label"]),
            plover=spec.get("plover"),
            description=str(spec["description"]),
            modes=tuple(spec.get("modes") or ()),
            roles=dict(spec["roles"]),
            family=str(spec.get("family") or name),
            place_preps=frozenset(spec.get("place_preps") or ()),
        )
        for name, spec in data["types"].items()
    }
    for etype in types.values():
        bad = set(etype.roles.values()) - set(ROLES)
        if bad:
            raise ConfigError(f"event type {etype.name} uses unknown roles {sorted(bad)}")
        _check_slots(etype.name, etype.roles)
    for raw in data["triggers"]:
        _check_slots(str(raw.get("word")), raw.get("roles") or {})
    return EventSchema(
        types=types,
        triggers=tuple(_trigger(raw, types) for raw in data["triggers"]),
        place_preps=frozenset(data["place_preps"]),
        support_verbs=frozenset(data["support_verbs"]),
        mode_words=_mode_words(data.get("mode_words") or {}, types),
    )


def _mode_words(
    raw: dict[str, Any], types: dict[str, EventType]
) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    out: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
    for type_name, modes in raw.items():
        if type_name not in types:
            raise ConfigError(f"mode_words: unknown event type {type_name}")
        unknown = set(modes) - set(types[type_name].modes)
        if unknown:
            raise ConfigError(f"mode_words: {type_name} has no mode {sorted(unknown)}")
        out[type_name] = tuple(
            (mode, frozenset(str(w).lower() for w in words)) for mode, words in modes.items()
        )
    return out


def _check_slots(owner: str, roles: dict[Any, Any]) -> None:
    """YAML reads an unquoted `on:` (or `no:`, `off:`) as a boolean: the slot would silently
    never match. Slot names must be written as words ("on": target)."""
    bad = [key for key in roles if not isinstance(key, str)]
    if bad:
        raise ConfigError(f"{owner}: role slots must be words; quote {bad} (YAML reads on as true)")


_INDEX: dict[int, dict[str, list[Trigger]]] = {}


def _form_index(schema: EventSchema) -> dict[str, list[Trigger]]:
    index = _INDEX.get(id(schema))
    if index is None:
        index = {}
        for trig in schema.triggers:
            for form in trig.forms:
                index.setdefault(form, []).append(trig)
        _INDEX[id(schema)] = index
    return index


@lru_cache(maxsize=1)
def load_claim_cues() -> ClaimCues:
    """Attribution, stance, hedging and modality cues from `schema/claims.yaml`."""
    data = _read("claims.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    return ClaimCues(
        reporting_verbs=words("reporting_verbs"),
        citing_verbs=words("citing_verbs"),
        confirm_verbs=words("confirm_verbs"),
        deny_verbs=words("deny_verbs"),
        retract_verbs=words("retract_verbs"),
        answer_verbs=words("answer_verbs"),
        negative_answers=words("negative_answers"),
        glued_complementizers=tuple(sorted(words("glued_complementizers"))),
        hedges=tuple(sorted((str(h).lower() for h in data["hedges"]), key=len, reverse=True)),
        modal_auxiliaries=words("modal_auxiliaries"),
        modal_governors=words("modal_governors"),
        modal_nouns=words("modal_nouns"),
        agency_words=words("agency_words"),
        official_words=words("official_words"),
        anonymous_words=words("anonymous_words"),
        body_nouns=words("body_nouns"),
    )


# How an attack reaches its target: fought on the ground, or fired and dropped from afar.
# Reports confuse an air raid with shelling, and a bombing with either; a battle they do not.
_REACH = {"clash": "ground", "offensive": "ground", "air-strike": "afar", "shelling": "afar"}


def reach(mode: str | None) -> str | None:
    """How an attack of `mode` reaches its target ("ground", "afar"), None when it may be
    either ("bombing", "unspecified") or is no attack."""
    return _REACH.get(mode or "")


def reach_differs(a: str | None, b: str | None) -> bool:
    """Whether two attack modes reach their targets in two ways (a battle, an air raid): told
    in such words, they are two happenings, as a coder records them (`mode` in the events
    gold's guidelines)."""
    reach_a, reach_b = reach(a), reach(b)
    return reach_a is not None and reach_b is not None and reach_a != reach_b


def verb_lemma(form: str, lemmas: frozenset[str]) -> str | None:
    """The lemma among `lemmas` that `form` inflects (the trained pipeline has no lemmatizer)."""
    low = form.lower()
    for lemma in lemmas:
        if low in verb_forms(lemma) or low in _IRREGULAR.get(lemma, ()):
            return lemma
    return None


def is_reporting_verb(form: str) -> bool:
    """A form of a verb of saying or reporting ("said", "told", "reports"): one test for every
    reader that asks whether a word tells the news rather than a happening."""
    return verb_lemma(form, load_claim_cues().reporting_verbs) is not None


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "show": ("shown",),
    "learn": ("learnt",),
    "withdraw": ("withdrew", "withdrawn"),
    "hold": ("held",),
    "make": ("made",),
    "pay": ("paid",),
    "begin": ("began", "begun"),
    "undertake": ("undertook", "undertaken"),
    "seek": ("sought",),
    "quote": ("quoted", "quoting"),
    "strike": ("struck", "stricken"),
    "shoot": ("shot",),
    "leave": ("left",),
    "break": ("broke", "broken"),
}
