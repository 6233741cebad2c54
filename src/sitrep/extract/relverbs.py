"""Relations stated by verbs, prepositions and possessives.

- command: "X commands / leads Y", "Y, led by X", "under the command of X";
- membership: "X joined Y", "Y includes X", "groups including X", "the forces under Y";
- alliance and backing: "A, B and C banded together to help D", "X supports Y", "in support of Y";
- fighting: "X fights Y", "the fight against Y";
- presence: "X are present around Y", "X deployed to Y", "X in Y", "Iran's Quds Force".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.extract.arguments import LOCATION_LABELS
from sitrep.extract.deps import dep, prep_objects
from sitrep.extract.relcues import RelationCues, verb_class
from sitrep.extract.relroles import Found, named_after
from sitrep.extract.spans import RELATIVE, Phrase, phrase_of_entity, phrases_for

# Nouns that make "the X of Y" a place: "the city of Albu-Kamal", "the outskirts of Aleppo".
PLACE_NOUNS = frozenset(
    {"city", "town", "village", "province", "region", "area", "district", "governorate",
     "outskirts", "countryside", "border", "suburbs", "vicinity", "capital", "port", "airport",
     "base", "desert", "valley", "neighbourhood", "neighborhood", "camp", "island"}
)  # fmt: skip
# Heads that make a possessed organisation a body of its possessor ("Iran's Quds Force").
INSTITUTION_HEADS = frozenset(
    {"force", "forces", "army", "ministry", "government", "guard", "guards", "corps", "navy",
     "police", "intelligence", "military", "council", "cabinet", "parliament", "agency",
     "command", "militia", "militias", "division", "brigade", "unit", "units", "wing", "office",
     "directorate", "service", "services", "committee", "embassy"}
)  # fmt: skip
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "they", "them", "it", "this", "that"})


def verb_relations(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    found = verb_class(token, cues)
    if found is None:
        return _acting_at(token, ents, cues)
    kind, lemma = found
    subjects, objects, agents = _arguments(token, ents)
    out: list[Found] = []

    def add(type_: str, subs: list[Phrase], objs: list[Phrase]) -> None:
        out.extend(Found(type_, s, o, token, "verb") for s in subs for o in objs if s != o)

    if kind == "command_verbs":
        if agents:  # "Y, led by X": the agent commands the subject (or the noun it modifies)
            add("commands", agents, subjects or _modified(token, ents))
        else:
            add("commands", subjects, objects)
    elif kind == "join_verbs":
        if lemma == "recruit":
            add("member-of", objects, subjects)
        else:
            add("member-of", subjects, objects + _prep_args(token, ents, ("to", "in", "into")))
    elif kind == "include_verbs":
        add("member-of", objects, subjects)
    elif kind == "ally_verbs":
        together = subjects + _prep_args(token, ents, ("with",))
        out.extend(
            Found("allied-with", a, b, token, "verb")
            for i, a in enumerate(together)
            for b in together[i + 1 :]
        )
    elif kind == "back_verbs":
        if agents:
            add("backs", agents, subjects or _modified(token, ents))
        else:
            add("backs", subjects, objects)
    elif kind == "fight_verbs":
        add("fights", subjects or agents, objects + _prep_args(token, ents, ("against",)))
    if kind in ("presence_verbs", "fight_verbs") or token.lower_ in cues.presence_words:
        add("present-in", subjects or _modified(token, ents), places_of(token, ents, cues))
    return out


def _acting_at(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """ "ISIL fighters attacked a checkpoint near Mosul": whoever acts at a place, and what they
    act on, is there."""
    if token.pos_ != "VERB":
        return []
    places = places_of(token, ents, cues)
    if not places:
        return []
    subjects, objects, _agents = _arguments(token, ents)
    actors = (subjects or _modified(token, ents)) + objects
    return [Found("present-in", a, p, token, "verb") for a in actors for p in places]


def presence_relations(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """ "X are present around Y", "X based in Y" (an adjective or participle of presence)."""
    if token.lower_ not in cues.presence_words or verb_class(token, cues) is not None:
        return []
    subjects = _subjects(token, ents) or _modified(token, ents)
    places = places_of(token, ents, cues)
    return [Found("present-in", s, p, token, "copula") for s in subjects for p in places]


def noun_relations(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """Relations a noun phrase states by its modifiers: possessive, "in"/"near", "under"."""
    out: list[Found] = []
    me = _actor(token, ents, states=False)
    if me is None:
        return out
    for child in token.children:
        label = dep(child)
        if label == "poss" and token.lower_ in INSTITUTION_HEADS:
            owner = _actor(child, ents)
            if owner is not None and owner.label != "PERSON":
                out.append(Found("under", me, owner, child, "possessive"))
    for word, obj in prep_objects(token):
        if word == "under":
            owner = _actor(obj, ents)
            if owner is not None:
                out.append(Found("under", me, owner, obj, "preposition"))
        elif word == "including":
            for member in [obj, *obj.conjuncts]:
                part = _actor(member, ents)
                if part is not None:
                    out.append(Found("member-of", part, me, member, "preposition"))
        elif word in cues.place_preps:
            place = _place(obj, ents)
            if place is not None:
                out.append(Found("present-in", me, place, obj, "preposition"))
    return out


def places_of(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Phrase]:
    out = []
    for word, obj in prep_objects(token):
        if word in cues.place_preps or word in ("to", "into"):
            for head in [obj, *obj.conjuncts]:
                place = _place(head, ents)
                if place is not None:
                    out.append(place)
    return out


def _place(head: Token, ents: dict[int, Span]) -> Phrase | None:
    ent = ents.get(head.i)
    if ent is not None:
        return phrase_of_entity(ent) if ent.label_ in LOCATION_LABELS else None
    if head.lower_ in PLACE_NOUNS:
        for word, obj in prep_objects(head):
            inner = ents.get(obj.i)
            if word == "of" and inner is not None:
                # "the city of Albu-Kamal": the noun makes it a place whatever the tagger said
                return Phrase(
                    inner.text, inner.start_char, inner.end_char, "GPE", inner.ent_id_ or None
                )
    return None


def _actor(head: Token, ents: dict[int, Span], states: bool = True) -> Phrase | None:
    """An actor a phrase names: an entity, or a phrase with a name inside. A place name is an
    actor (a state: "Iran backs ...") only where `states` allows it: as the argument of a verb
    or a possessor, not as the phrase a place preposition hangs off."""
    if head.lower_ in FIRST_PERSON:
        return None
    ent = ents.get(head.i)
    if ent is not None:
        if ent.label_ in LOCATION_LABELS and not states:
            return None
        return phrase_of_entity(ent)
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    named = named_after(head, ents, [])  # "Syrian dictator Bashar al-Assad"
    if named is not None:
        return named
    found = phrases_for(head, ents)
    return found[0] if found and (found[0].label != "NP" or _has_name(head, ents)) else None


def _has_name(head: Token, ents: dict[int, Span]) -> bool:
    return any(c.i in ents or c.pos_ == "PROPN" for c in head.lefts)


def _arguments(
    verb: Token, ents: dict[int, Span]
) -> tuple[list[Phrase], list[Phrase], list[Phrase]]:
    subjects = _subjects(verb, ents)
    objects: list[Phrase] = []
    agents: list[Phrase] = []
    for child in verb.children:
        if dep(child) == "dobj":
            objects += _actors_of(child, ents)
    for word, obj in prep_objects(verb):
        if word == "agent":
            agents += _actors_of(obj, ents)
    return subjects, objects, agents


def _subjects(verb: Token, ents: dict[int, Span]) -> list[Phrase]:
    """The verb's subjects with their conjuncts; an infinitive takes its governor's subject
    ("banded together to help Assad"); a passive subject counts as one."""
    node: Token | None = verb
    while node is not None:
        subs = [c for c in node.children if dep(c) in ("nsubj", "nsubjpass")]
        if subs and subs[0].lower_ in RELATIVE and dep(node) == "relcl":
            subs = [node.head]  # "the general who commands the force"
        if subs:
            return [p for s in subs for p in _actors_of(s, ents)]
        if dep(node) in ("xcomp", "advcl", "conj") and node.head.i != node.i:
            node = node.head
        else:
            node = None
    return []


def _actors_of(head: Token, ents: dict[int, Span]) -> list[Phrase]:
    out = []
    for tok in [head, *head.conjuncts]:
        actor = _actor(tok, ents)
        if actor is not None:
            out.append(actor)
    return out


def _prep_args(verb: Token, ents: dict[int, Span], words: tuple[str, ...]) -> list[Phrase]:
    return [p for word, obj in prep_objects(verb) if word in words for p in _actors_of(obj, ents)]


def _modified(verb: Token, ents: dict[int, Span]) -> list[Phrase]:
    """ "forces based in Syria", "militias backed by Iran": the noun a participle modifies."""
    if dep(verb) in ("acl", "relcl", "amod"):
        actor = _actor(verb.head, ents)
        return [actor] if actor is not None else []
    return []


__all__ = ["noun_relations", "presence_relations", "verb_relations"]
