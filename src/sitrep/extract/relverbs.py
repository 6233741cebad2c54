"""Relations stated by verbs, prepositions and possessives.

- command: "X commands / leads Y", "Y, led by X", "under the command of X";
- membership: "X joined Y", "Y includes X", "groups including X", "the forces under Y";
- alliance and backing: "A, B and C banded together to help D", "X supports Y", "in support of Y";
- fighting: "X fights Y", "the fight against Y";
- control: "ISIL seized the tanks", "an ISIL-held town", "control of Mosul";
- possession: "Iran's Quds Force" (under its owner); presence is `relpresence`'s.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sitrep.extract.arguments import LOCATION_LABELS
from sitrep.extract.deps import case_word, dep, prep_objects
from sitrep.extract.relcues import RelationCues, verb_class
from sitrep.extract.relphrases import (
    INSTITUTION_HEADS,
    actor_of,
    actors_of,
    arguments_of,
    including,
    is_object_of,
    member_phrases,
    modified_by,
    objects_of,
    prep_args,
    subject_heads,
    thing_phrases,
    thing_phrases_of,
)
from sitrep.extract.relpresence import acting_at, places_of_noun
from sitrep.extract.relroles import Found
from sitrep.extract.spans import Phrase, noun_phrase, phrase_of_entity

# Nouns that name a group whose members a sentence may list ("Coalition nations include ...",
# "Anti-regime factions in Jayrud include ..."): "insurgents which include brigades" does not.
GROUP_NOUNS = frozenset(
    {"nations", "countries", "states", "groups", "factions", "alliance", "coalition", "forces",
     "militias", "brigades", "parties", "partners", "members", "organisations", "organizations",
     "movements", "bloc"}
)  # fmt: skip


def verb_relations(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    if _negated(token):
        return []  # "is still not able to control", "did not join": no relation stated
    found = verb_class(token, cues)
    if _attempted(token, cues) and (found is None or found[0] not in _SAID_IF_TRIED):
        # "attempted to seize the hospital", "tried to enter Zabadani": no control, membership
        # or presence yet; but what the aim is on is where it is ("try to flush out the
        # fighters in Manbij")
        return acting_at(token, ents, cues, aim=True)
    if found is None:
        return acting_at(token, ents, cues)
    kind, lemma = found
    subjects, objects, agents = arguments_of(token, ents)
    out: list[Found] = []

    def add(type_: str, subs: list[Phrase], objs: list[Phrase]) -> None:
        if type_ == "member-of":  # "assigned to 5th Group, Fort Campbell": a unit, not a place
            objs = [o for o in objs if o.label not in LOCATION_LABELS and o.label != "PERSON"]
        out.extend(Found(type_, s, o, token, "verb") for s in subs for o in objs if s != o)

    if kind == "command_verbs":
        if objects_of(token) and any(dep(c) == "xcomp" for c in token.children):
            pass  # "has led the United States to reconsider": a cause, not a command
        elif agents:  # "Y, led by X": the agent commands the subject (or the noun it modifies)
            add("commands", agents, subjects or modified_by(token, ents))
        else:
            add("commands", subjects, objects)
    elif kind == "control_verbs":
        held = objects_things = thing_phrases_of(token, ents, "dobj")
        if lemma in cues.control_place_only:
            held = [t for t in objects_things if t.label in LOCATION_LABELS]
        if agents:  # "the city was taken by ISIL"
            passive = [p for s in subject_heads(token) for p in thing_phrases(s, ents)]
            if lemma in cues.control_place_only:
                passive = [t for t in passive if t.label in LOCATION_LABELS]
            add("controls", agents, passive)
        else:
            add("controls", subjects, held)
    elif kind == "join_verbs" and _joins_a_fight(token, cues):
        # "to join the fight against ISIL": fighting it, not joining it
        against = [p for c in objects_of(token) for p in prep_args(c, ents, ("against",))]
        add("fights", subjects, against)
    elif kind == "join_verbs":
        joiners = [p for h in subject_heads(token) for p in member_phrases(h, ents)]
        if lemma == "recruit":
            add(
                "member-of",
                [p for c in objects_of(token) for p in member_phrases(c, ents)],
                subjects,
            )
        else:
            add("member-of", joiners, objects + prep_args(token, ents, ("to", "in", "into")))
    elif kind == "include_verbs":
        members = [p for c in objects_of(token) for p in member_phrases(c, ents)]
        if not subjects and any(m.label != "NP" for m in members):
            # "Coalition nations which have conducted strikes include Australia, Belgium ...":
            # named members make a plain noun phrase their container, if it names a group
            subjects = [
                p
                for h in subject_heads(token)
                if h.lower_ in GROUP_NOUNS
                for p in member_phrases(h, ents)
            ]
            members = [m for m in members if m.label != "NP"]
        elif any(_thing_noun(h, ents, cues) for h in subject_heads(token)):
            # "ISIL targets, which include three tactical units": the things of a named owner
            # list things, not the owner's members
            subjects = []
        add("member-of", members, subjects)
    elif kind == "ally_verbs":
        together = subjects + prep_args(token, ents, ("with",))
        out.extend(
            Found("allied-with", a, b, token, "verb")
            for i, a in enumerate(together)
            for b in together[i + 1 :]
        )
    elif kind == "back_verbs":
        if agents:
            add("backs", agents, subjects or modified_by(token, ents))
        else:
            add("backs", subjects, objects)
    elif kind == "fight_verbs":
        # "targeted hideouts in Aleppo province": a place named inside the object is where,
        # not whom; a state as the object itself ("raids on Syria") is whom
        foes = [o for o in objects if o.label not in LOCATION_LABELS or is_object_of(o, token)]
        add("fights", subjects or agents, foes + prep_args(token, ents, ("against",)))
    if (
        kind in ("presence_verbs", "fight_verbs", "visit_verbs")
        or token.lower_ in cues.presence_words
    ):
        out += acting_at(token, ents, cues)
    if kind != "join_verbs":
        out += _from_body(token, ents, cues)
    return out


def _from_body(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """ "Soldiers visiting from 3rd Battalion", "aircraft from CJTF-OIR", "Airmen deployed from
    the 158th Fighter Wing": coming from a named body (not a place) is belonging to it."""
    bodies = [
        b
        for word, obj in prep_objects(token)
        if word == "from"
        for b in [_body_name(obj, ents)]
        if b is not None
    ]
    if not bodies:
        return []
    members = (
        [p for s in subject_heads(token) for p in thing_phrases(s, ents)]
        if token.pos_ in ("VERB", "AUX")
        else []
    )
    if dep(token) in ("acl", "relcl") or token.pos_ in ("NOUN", "PROPN"):
        head = token.head if token.pos_ not in ("NOUN", "PROPN") else token
        members = members or thing_phrases(head, ents)
    # people and units come from their body; tanks "seized from" an airfield and "questions
    # from the press" do not belong to it
    members = [m for m in members if _personnel(m, token.doc, cues)]
    return [Found("member-of", m, b, token, "preposition") for m in members for b in bodies]


def _personnel(phrase: Phrase, doc: Doc, cues: RelationCues) -> bool:
    if phrase.label in ("PERSON", "ORG"):
        return True
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    return span is not None and span.root.lower_ in cues.personnel_nouns


def _body_name(head: Token, ents: dict[int, Span]) -> Phrase | None:
    """A named body: an organisation entity, or a proper-noun phrase that names no place."""
    ent = ents.get(head.i)
    if ent is not None:
        return phrase_of_entity(ent) if ent.label_ == "ORG" else None
    if head.pos_ == "PROPN" and not any(ents.get(t.i) is not None for t in head.subtree):
        return noun_phrase(head)
    return None


def controlled_by_hyphen(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """ "an ISIL-held tank", "the regime-controlled town": the name before the hyphen controls
    the noun the participle modifies."""
    if token.lower_ not in cues.control_participles or dep(token) != "amod" or token.i < 2:
        return []
    doc = token.doc
    if doc[token.i - 1].text not in ("-", "–"):
        return []
    owner = ents.get(token.i - 2)
    if owner is None or owner.label_ in LOCATION_LABELS:
        return []
    held = noun_phrase(token.head)
    return [Found("controls", phrase_of_entity(owner), held, token, "hyphen")]


def control_nouns(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """ "ISIL has had control of Mosul"; "towns under the control of the regime"."""
    if token.lower_ not in ("control", "command") or token.pos_ != "NOUN":
        return []
    held = [
        p
        for word, obj in prep_objects(token)
        if word in ("of", "over")
        for p in thing_phrases(obj, ents)
    ]
    holders = [p for c in token.children if dep(c) == "poss" for p in actors_of(c, ents)]
    out: list[Found] = []
    if held and not holders and dep(token) == "dobj":
        holders = [p for s in subject_heads(token.head) for p in actors_of(s, ents)]
    out += [Found("controls", h, t, token, "noun") for h in holders for t in held]
    if case_word(token) == "under" and not held:
        # "under the control of X": X controls what the phrase hangs off
        owners = [
            p for word, obj in prep_objects(token) if word == "of" for p in actors_of(obj, ents)
        ]
        kept = thing_phrases(token.head, ents) if token.head.pos_ in ("NOUN", "PROPN") else []
        kept = kept or [p for s in subject_heads(token.head) for p in thing_phrases(s, ents)]
        out += [Found("controls", o, k, token, "noun") for o in owners for k in kept]
    return out


def _negated(verb: Token) -> bool:
    node = verb
    for _ in range(3):  # the verb, and up through "not able to" / "failed to" complements
        if any(dep(c) == "neg" for c in node.children):
            return True
        if dep(node) != "xcomp" or node.head.i == node.i:
            return False
        node = node.head
    return False


# Verb classes whose relation an attempt states too: an attempted attack is an attack.
_SAID_IF_TRIED = frozenset({"fight_verbs", "back_verbs", "ally_verbs"})


def _thing_noun(head: Token, ents: dict[int, Span], cues: RelationCues) -> bool:
    """A common noun naming no group, force or people ("targets", "areas", "weapons")."""
    groups = GROUP_NOUNS | cues.personnel_nouns | cues.member_heads | cues.people_nouns
    return head.i not in ents and head.pos_ == "NOUN" and head.lower_ not in groups


def _attempted(verb: Token, cues: RelationCues) -> bool:
    """Whether the verb is an aim: of an attempt ("tried to enter", "failed to take", "in a bid
    to seize", through up to three complements), or of a purpose clause ("moved troops to
    Hama to retake the town")."""
    if dep(verb) == "advcl" and any(dep(c) == "mark" and c.lower_ == "to" for c in verb.children):
        return True  # a purpose: "killed during a counter-offensive to recapture a route"
    node = verb
    for _ in range(3):
        if dep(node) not in ("xcomp", "advcl", "acl") or node.head.i == node.i:
            return False
        if node.head.lower_ in cues.attempt_forms:
            return True
        node = node.head
    return False


def _joins_a_fight(verb: Token, cues: RelationCues) -> bool:
    return any(c.lower_ in cues.fight_nouns | cues.back_nouns for c in objects_of(verb))


def noun_relations(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """Relations a noun phrase states by its modifiers: possessive, "in"/"near", "under"."""
    out: list[Found] = []
    if token.pos_ not in ("NOUN", "PROPN"):
        return out
    out += places_of_noun(token, ents, cues)
    words = {word for word, _obj in prep_objects(token)}
    owned = token.lower_ in INSTITUTION_HEADS and any(dep(c) == "poss" for c in token.children)
    members = including(token)
    if not (owned or members or words & {"under", "from"}):
        return out  # nothing here names a link: spare the phrase lookup (most nouns)
    me = actor_of(token, ents, states=False)
    if me is None:
        return out
    for child in token.children:
        label = dep(child)
        if label == "poss" and token.lower_ in INSTITUTION_HEADS:
            owner = actor_of(child, ents)
            if owner is not None and owner.label != "PERSON":
                out.append(Found("under", me, owner, child, "possessive"))
    for found in _from_body(token, ents, cues):
        out.append(found)
    for obj in members if me.label not in LOCATION_LABELS else []:
        for member in [obj, *obj.conjuncts]:
            part = actor_of(member, ents, states=False)  # "area including the Gulf of Oman"
            if part is not None:
                out.append(Found("member-of", part, me, member, "preposition"))
    for word, obj in prep_objects(token):
        if word == "under":
            owner = actor_of(obj, ents)
            if owner is not None:
                out.append(Found("under", me, owner, obj, "preposition"))

    return out


__all__ = ["noun_relations", "verb_relations"]
