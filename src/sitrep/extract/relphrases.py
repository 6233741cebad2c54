"""What a phrase names, for relations: an actor, a thing somewhere, a place; a verb's subjects.

Shared by the relation readers (`relverbs`, `relpresence`): an actor is an entity or a phrase
with a name in it; a thing (for presence and control) may be any noun phrase, or only one with a
name in it; a place is a place entity or "the city of X".
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.extract.arguments import LOCATION_LABELS
from sitrep.extract.deps import dep, prep_objects
from sitrep.extract.relcues import RelationCues, load_relation_cues
from sitrep.extract.relroles import named_after
from sitrep.extract.schema import load_event_schema
from sitrep.extract.spans import RELATIVE, Phrase, noun_phrase, phrase_of_entity, phrases_for

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


# Common nouns that are no actor or thing that can be somewhere.
NOT_THINGS = frozenset(
    {"time", "year", "years", "day", "days", "week", "weeks", "month", "months", "today",
     "way", "part", "number", "lot", "kind", "one", "side", "end", "fact", "course"}
)  # fmt: skip


PLACE_HEADS = frozenset(
    {"neighbourhood", "neighborhoods", "neighbourhoods", "towns", "villages", "cities",
     "areas", "regions", "districts", "provinces", "quarter", "street", "road", "highway",
     "square", "mountain", "mountains", "river", "dam", "countryside", "outskirts", "front"}
)  # fmt: skip


CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning",
     "evening", "night", "afternoon", "january", "february", "march", "april", "may", "june",
     "july", "august", "september", "october", "november", "december"}
)  # fmt: skip


@cache
def event_nouns() -> frozenset[str]:
    """Nominal event triggers of the event schema (data): "attack", "talks", "visit" ..."""
    schema = load_event_schema()
    return frozenset(f for t in schema.triggers if t.pos == "noun" for f in t.forms)


def thing_phrases(
    head: Token, ents: dict[int, Span], plain: bool = True, conjuncts: bool = True
) -> list[Phrase]:
    """What a phrase names for presence and control: an actor, or a noun phrase ("five
    strikes", "a front-end loader"), never a place or a pronoun; with its conjuncts. Without
    `plain`, only a phrase with a name in it ("ISIL fighters", "U.S. service members"): "the
    situation in Aleppo" or "talks in Geneva" put nobody anywhere."""
    out = []
    for tok in [head, *head.conjuncts] if conjuncts else [head]:
        if tok.lower_ in FIRST_PERSON or tok.lower_ in NOT_THINGS:
            continue
        ent = ents.get(tok.i)
        if ent is not None:
            if ent.label_ not in LOCATION_LABELS:
                out.append(phrase_of_entity(ent))
                # "met the Iraqi Foreign Minister, Ibrahim al-Jaafari, in London": the name
                # apposed to a title is there too
                named = apposed(ent.root, ents)
                if named is not None and named.start >= ent.end_char:
                    out.append(named)
        elif tok.pos_ == "NOUN":
            named = apposed(tok, ents)  # "the commander of X, Ibrahim Aqil, met ..."
            # else the whole phrase ("an ISIL tactical unit", "the Iraqi flag"), not a name in it
            phrase = named if named is not None else noun_phrase(tok)
            if (
                plain
                or named is not None
                or is_people(tok)  # "civilians in Madaya": people, whom a place holds
                or (has_a_name(phrase, tok.doc) and tok.lower_ not in PLACE_NOUNS | PLACE_HEADS)
            ):  # "the Jabal al-Torkman region in Latakia": a place in a place, not presence
                out.append(phrase)
        elif tok.pos_ == "PROPN" and plain:  # a name the tagger left untyped: maybe a place
            actor = actor_of(tok, ents, states=False)
            if actor is not None and actor.label not in LOCATION_LABELS:
                out.append(actor)
    return out


def is_people(token: Token) -> bool:
    """A noun for people named by what they are ("civilians", "residents", "soldiers"), who
    can be somewhere without a name in the phrase."""
    cues = load_relation_cues()
    low = token.lower_
    return token.pos_ == "NOUN" and (low in cues.people_nouns or low in cues.personnel_nouns)


def has_a_name(phrase: Phrase, doc: Doc) -> bool:
    """A phrase with a name in it that is not a happening ("the 13 November attacks in Paris",
    "talks in Geneva" are events, placed by the event extractor) or a day ("Sunday morning")."""
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None or span.root.lower_ in event_nouns() or span.root.lower_ in CALENDAR:
        return False
    return any((t.ent_type_ or t.pos_ == "PROPN") and t.lower_ not in CALENDAR for t in span)


def apposed(head: Token, ents: dict[int, Span]) -> Phrase | None:
    for child in head.children:
        ent = ents.get(child.i)
        if dep(child) == "appos" and ent is not None and ent.label_ in ("PERSON", "ORG"):
            return phrase_of_entity(ent)
    return None


def member_phrases(head: Token, ents: dict[int, Span]) -> list[Phrase]:
    """Who joins or is included: an actor (a state too), or a plain noun phrase ("local Arab
    fighters"), with its conjuncts and the names listed on after them."""
    out = []
    for tok in [head, *head.conjuncts, *listed_after(head, ents)]:
        if tok.lower_ in FIRST_PERSON:
            continue
        actor = actor_of(tok, ents)
        if actor is not None:
            out.append(actor)
        elif tok.pos_ == "NOUN" and tok.lower_ not in NOT_THINGS:
            out.append(noun_phrase(tok))
    return out


# Words between the items of a list of names: "A, B, and the C".
_LIST_GLUE = frozenset({",", "and", "or", "the"})


def listed_after(head: Token, ents: dict[int, Span]) -> list[Token]:
    """ "include Australia, Belgium, Jordan, the Netherlands, the United Kingdom, and the United
    States": a long list often loses its last items to another parse. Walk on from the list's
    last item over commas, "and" and names with the first item's label, and take those names'
    heads (none when the list does not start with a name)."""
    first = ents.get(head.i)
    if first is None:
        return []
    doc = head.doc
    last = max([head, *head.conjuncts], key=lambda t: t.i)
    ent = ents.get(last.i)
    i = ent.end if ent is not None else last.i + 1
    out: list[Token] = []
    while i < len(doc):
        item = ents.get(i)
        if item is not None and item.start == i and item.label_ == first.label_:
            out.append(item.root)
            i = item.end
        elif doc[i].lower_ == "the" or (
            doc[i].lower_ in _LIST_GLUE and doc[i - 1].lower_ not in ("and", "or")
        ):
            i += 1
        else:
            break
    known = {t.i for t in [head, *head.conjuncts]}
    return [t for t in out if t.i not in known]


def thing_phrases_of(
    verb: Token, ents: dict[int, Span], label: str, plain: bool = True
) -> list[Phrase]:
    return [p for c in verb.children if dep(c) == label for p in thing_phrases(c, ents, plain)]


def subject_heads(verb: Token) -> list[Token]:
    """The verb's subject tokens; an infinitive or a conjunct takes its governor's; the head
    noun of a relative clause stands for its relative pronoun."""
    node: Token | None = verb
    while node is not None:
        subs = [c for c in node.children if dep(c) in ("nsubj", "nsubjpass")]
        if subs and subs[0].lower_ in RELATIVE and dep(node) == "relcl":
            return [node.head]
        if subs:
            return subs
        controller = _object_controller(node)
        if controller is not None:
            return [controller]
        if dep(node) in ("xcomp", "advcl", "conj") and node.head.i != node.i:
            node = node.head
        else:
            node = None
    return []


def _object_controller(verb: Token) -> Token | None:
    """The object of the verb an infinitive complements, which does what it says: "pressed the
    regime to lift the sieges" (the regime lifts them, not who pressed), "sent troops to fight
    ISIL" (the troops fight)."""
    if verb.head.i == verb.i or verb.i < verb.head.i:
        return None
    # only a verb that makes its object act: the parse labels many infinitives a purpose clause
    # ("attacked the town to seize its oilfields": the attacker seizes), and hangs others on
    # the wrong verb ("nations that carried out strikes ... include Canada")
    controlling = load_relation_cues().object_control_forms
    if dep(verb) not in ("xcomp", "advcl") or verb.head.lower_ not in controlling:
        return None
    return next((c for c in verb.head.children if dep(c) == "dobj" and c.i < verb.i), None)


def places_of(
    token: Token, ents: dict[int, Span], cues: RelationCues, moving: bool = True
) -> list[Phrase]:
    """Places the token is at ("in", "near" ...), or goes to when `moving` ("deployed to")."""
    out = []
    for word, obj in prep_objects(token):
        if word in cues.place_preps or (moving and word in ("to", "into")):
            for head in [obj, *obj.conjuncts]:
                place = place_of(head, ents)
                if place is not None:
                    out.append(place)
    return out


def place_of(head: Token, ents: dict[int, Span]) -> Phrase | None:
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


def actor_of(head: Token, ents: dict[int, Span], states: bool = True) -> Phrase | None:
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
    return found[0] if found and (found[0].label != "NP" or has_name_before(head, ents)) else None


def has_name_before(head: Token, ents: dict[int, Span]) -> bool:
    return any(c.i in ents or c.pos_ == "PROPN" for c in head.lefts)


def arguments_of(
    verb: Token, ents: dict[int, Span]
) -> tuple[list[Phrase], list[Phrase], list[Phrase]]:
    subjects = subject_phrases(verb, ents)
    objects: list[Phrase] = []
    agents: list[Phrase] = []
    for child in verb.children:
        if dep(child) == "dobj":
            objects += actors_of(child, ents)
    for word, obj in prep_objects(verb):
        if word == "agent":
            agents += actors_of(obj, ents)
    return subjects, objects, agents


def subject_phrases(verb: Token, ents: dict[int, Span]) -> list[Phrase]:
    """The verb's subjects with their conjuncts; an infinitive takes its governor's subject
    ("banded together to help Assad"); a passive subject counts as one."""
    node: Token | None = verb
    while node is not None:
        subs = [c for c in node.children if dep(c) in ("nsubj", "nsubjpass")]
        if subs and subs[0].lower_ in RELATIVE and dep(node) == "relcl":
            subs = [node.head]  # "the general who commands the force"
        controller = None if subs else _object_controller(node)
        if controller is not None:
            subs = [controller]
        if subs:
            return [p for s in subs for p in actors_of(s, ents)]
        if dep(node) in ("xcomp", "advcl", "conj") and node.head.i != node.i:
            node = node.head
        else:
            node = None
    return []


def actors_of(head: Token, ents: dict[int, Span]) -> list[Phrase]:
    out = []
    for tok in [head, *head.conjuncts]:
        actor = actor_of(tok, ents)
        if actor is not None:
            out.append(actor)
    return out


def prep_args(verb: Token, ents: dict[int, Span], words: tuple[str, ...]) -> list[Phrase]:
    return [p for word, obj in prep_objects(verb) if word in words for p in actors_of(obj, ents)]


def modified_by(verb: Token, ents: dict[int, Span]) -> list[Phrase]:
    """ "forces based in Syria", "militias backed by Iran": the noun a participle modifies."""
    if dep(verb) in ("acl", "relcl", "amod"):
        actor = actor_of(verb.head, ents)
        return [actor] if actor is not None else []
    return []


def objects_of(verb: Token) -> list[Token]:
    return [c for c in verb.children if dep(c) == "dobj"]


def including(head: Token) -> list[Token]:
    """Objects of "including" under `head` (tagged a verb as often as a preposition)."""
    return [
        child
        for child in head.children
        if any(c.lower_ == "including" and dep(c) in ("case", "prep") for c in child.children)
    ] + [obj for word, obj in prep_objects(head) if word == "including" and dep(obj) == "pobj"]


def is_object_of(phrase: Phrase, verb: Token) -> bool:
    """Whether the phrase is the verb's object itself, not a name inside the object's phrase."""
    return any(dep(c) == "dobj" and phrase.start <= c.idx < phrase.end for c in verb.children)
