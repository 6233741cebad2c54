"""Relations stated by verbs, prepositions and possessives.

- command: "X commands / leads Y", "Y, led by X", "under the command of X";
- membership: "X joined Y", "Y includes X", "groups including X", "the forces under Y";
- alliance and backing: "A, B and C banded together to help D", "X supports Y", "in support of Y";
- fighting: "X fights Y", "the fight against Y";
- presence: "X are present around Y", "X deployed to Y", "X in Y", "Iran's Quds Force".
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.extract.arguments import LOCATION_LABELS
from sitrep.extract.deps import case_word, dep, prep_objects
from sitrep.extract.relcues import RelationCues, verb_class
from sitrep.extract.relroles import Found, named_after
from sitrep.extract.schema import load_event_schema, verb_lemma
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


def verb_relations(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    if _negated(token):
        return []  # "is still not able to control", "did not join": no relation stated
    found = verb_class(token, cues)
    if found is None:
        return _acting_at(token, ents, cues)
    kind, lemma = found
    subjects, objects, agents = _arguments(token, ents)
    out: list[Found] = []

    def add(type_: str, subs: list[Phrase], objs: list[Phrase]) -> None:
        if type_ == "member-of":  # "assigned to 5th Group, Fort Campbell": a unit, not a place
            objs = [o for o in objs if o.label not in LOCATION_LABELS and o.label != "PERSON"]
        out.extend(Found(type_, s, o, token, "verb") for s in subs for o in objs if s != o)

    if kind == "command_verbs":
        if agents:  # "Y, led by X": the agent commands the subject (or the noun it modifies)
            add("commands", agents, subjects or _modified(token, ents))
        else:
            add("commands", subjects, objects)
    elif kind == "control_verbs":
        held = objects_things = _things_of(token, ents, "dobj")
        if lemma in cues.control_place_only:
            held = [t for t in objects_things if t.label in LOCATION_LABELS]
        if agents:  # "the city was taken by ISIL"
            passive = [p for s in _subject_heads(token) for p in _things(s, ents)]
            if lemma in cues.control_place_only:
                passive = [t for t in passive if t.label in LOCATION_LABELS]
            add("controls", agents, passive)
        else:
            add("controls", subjects, held)
    elif kind == "join_verbs" and _joins_a_fight(token, cues):
        # "to join the fight against ISIL": fighting it, not joining it
        against = [p for c in _objects(token) for p in _prep_args(c, ents, ("against",))]
        add("fights", subjects, against)
    elif kind == "join_verbs":
        joiners = [p for h in _subject_heads(token) for p in _members(h, ents)]
        if lemma == "recruit":
            add("member-of", [p for c in _objects(token) for p in _members(c, ents)], subjects)
        else:
            add("member-of", joiners, objects + _prep_args(token, ents, ("to", "in", "into")))
    elif kind == "include_verbs":
        add("member-of", [p for c in _objects(token) for p in _members(c, ents)], subjects)
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
        # "targeted hideouts in Aleppo province": a place named inside the object is where,
        # not whom; a state as the object itself ("raids on Syria") is whom
        foes = [o for o in objects if o.label not in LOCATION_LABELS or _heads(o, token)]
        add("fights", subjects or agents, foes + _prep_args(token, ents, ("against",)))
    if kind in ("presence_verbs", "fight_verbs") or token.lower_ in cues.presence_words:
        out += _acting_at(token, ents, cues)
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
        [p for s in _subject_heads(token) for p in _things(s, ents)]
        if token.pos_ in ("VERB", "AUX")
        else []
    )
    if dep(token) in ("acl", "relcl") or token.pos_ in ("NOUN", "PROPN"):
        head = token.head if token.pos_ not in ("NOUN", "PROPN") else token
        members = members or _things(head, ents)
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
        p for word, obj in prep_objects(token) if word in ("of", "over") for p in _things(obj, ents)
    ]
    holders = [p for c in token.children if dep(c) == "poss" for p in _actors_of(c, ents)]
    out: list[Found] = []
    if held and not holders and dep(token) == "dobj":
        holders = [p for s in _subject_heads(token.head) for p in _actors_of(s, ents)]
    out += [Found("controls", h, t, token, "noun") for h in holders for t in held]
    if case_word(token) == "under" and not held:
        # "under the control of X": X controls what the phrase hangs off
        owners = [
            p for word, obj in prep_objects(token) if word == "of" for p in _actors_of(obj, ents)
        ]
        kept = _things(token.head, ents) if token.head.pos_ in ("NOUN", "PROPN") else []
        kept = kept or [p for s in _subject_heads(token.head) for p in _things(s, ents)]
        out += [Found("controls", o, k, token, "noun") for o in owners for k in kept]
    return out


# Words a list of names may hold between its items: "A, B, as well as C", "groups, including".
_LIST_WORDS = frozenset({",", "and", "or", "as", "well", "including", "such", "the", "-", "’",
                         "'", "(", ")"})  # fmt: skip


def _included(head: Token, ents: dict[int, Span]) -> list[Phrase]:
    """ "Hundreds of fighters, including A, B and C": the named members of a subject."""
    out: list[Phrase] = []
    for node in [head, *[obj for word, obj in prep_objects(head) if word == "of"]]:
        for obj in including(node):
            out += [a for a in _actors_of(obj, ents) if a.label != "NP"]
    return out


def including(head: Token) -> list[Token]:
    """Objects of "including" under `head` (tagged a verb as often as a preposition)."""
    return [
        child
        for child in head.children
        if any(c.lower_ == "including" and dep(c) in ("case", "prep") for c in child.children)
    ] + [obj for word, obj in prep_objects(head) if word == "including" and dep(obj) == "pobj"]


def listed_before(subject: Token, ents: dict[int, Span]) -> list[Phrase]:
    """ "Kata'ib Hezbollah, Al-Nojaba Movement, ... and Lebanese Hezbollah forces are present":
    a long list before a predicate often loses its first items to another parse (or sentence).
    Walk back from the subject over names and list words, to the text's sentence end or to a
    word that is neither, and take the organisations named on the way."""
    doc = subject.doc
    out: list[Phrase] = []
    i = subject.left_edge.i - 1
    while i >= 0:
        tok = doc[i]
        if tok.text in (".", "!", "?", ";", ":") or "\n" in tok.whitespace_ + tok.text:
            break
        ent = ents.get(i)
        if ent is not None:
            if ent.label_ == "ORG":
                out.append(phrase_of_entity(ent))
            i = ent.start - 1
            continue
        if tok.lower_ not in _LIST_WORDS and tok.pos_ not in ("PROPN", "ADJ", "NUM", "NOUN"):
            break
        i -= 1
    return out[::-1]


def _acting_at(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """ "ISIL fighters attacked a checkpoint near Mosul": whoever acts at a place, and what they
    act on, is there."""
    if token.pos_ != "VERB" or verb_lemma(token.text, _TALK) is not None:
        return []  # "discussed the conflict in Ukraine": the place is the topic's
    found = verb_class(token, cues)
    moving = found is not None and found[0] == "presence_verbs"
    places = places_of(token, ents, cues, moving)
    for child in token.children:
        # "met officers in Tyre", "was killed in a strike in Beirut": the parse often hangs the
        # verb's place on its object; whoever acts on it there is there too
        if dep(child) in ("dobj", "obl") and child.i not in ents:
            places += [p for p in places_of(child, ents, cues, False) if p not in places]
    if not places:
        return []
    subjects = [p for s in _subject_heads(token) for p in _things(s, ents, plain=False)]
    if not subjects and dep(token) in ("acl", "relcl"):
        subjects = _things(token.head, ents, plain=False)
    actors = subjects + _things_of(token, ents, "dobj", plain=False)
    return [Found("present-in", a, p, token, "verb") for a in actors for p in places]


# Verbs whose place phrase is most often their topic's, not where their subject is.
_TALK = frozenset(
    {"discuss", "welcome", "condemn", "say", "tell", "report", "announce", "call", "urge",
     "comment", "describe", "warn", "pose", "express", "agree", "demand", "raise"}
)  # fmt: skip

# Common nouns that are no actor or thing that can be somewhere.
_NOT_THINGS = frozenset(
    {"time", "year", "years", "day", "days", "week", "weeks", "month", "months", "today",
     "way", "part", "number", "lot", "kind", "one", "side", "end", "fact", "course"}
)  # fmt: skip


def _things(head: Token, ents: dict[int, Span], plain: bool = True) -> list[Phrase]:
    """What a phrase names for presence and control: an actor, or a noun phrase ("five
    strikes", "a front-end loader"), never a place or a pronoun; with its conjuncts. Without
    `plain`, only a phrase with a name in it ("ISIL fighters", "U.S. service members"): "the
    situation in Aleppo" or "talks in Geneva" put nobody anywhere."""
    out = []
    for tok in [head, *head.conjuncts]:
        if tok.lower_ in FIRST_PERSON or tok.lower_ in _NOT_THINGS:
            continue
        ent = ents.get(tok.i)
        if ent is not None:
            if ent.label_ not in LOCATION_LABELS:
                out.append(phrase_of_entity(ent))
        elif tok.pos_ == "NOUN":
            named = _apposed(tok, ents)  # "the commander of X, Ibrahim Aqil, met ..."
            # else the whole phrase ("an ISIL tactical unit", "the Iraqi flag"), not a name in it
            phrase = named if named is not None else noun_phrase(tok)
            if (
                plain
                or named is not None
                or (_has_a_name(phrase, tok.doc) and tok.lower_ not in PLACE_NOUNS | _PLACE_HEADS)
            ):  # "the Jabal al-Torkman region in Latakia": a place in a place, not presence
                out.append(phrase)
        elif tok.pos_ == "PROPN" and plain:  # a name the tagger left untyped: maybe a place
            actor = _actor(tok, ents, states=False)
            if actor is not None and actor.label not in LOCATION_LABELS:
                out.append(actor)
    return out


def _has_a_name(phrase: Phrase, doc: Doc) -> bool:
    """A phrase with a name in it that is not a happening ("the 13 November attacks in Paris",
    "talks in Geneva" are events, placed by the event extractor) or a day ("Sunday morning")."""
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None or span.root.lower_ in _event_nouns() or span.root.lower_ in _CALENDAR:
        return False
    return any((t.ent_type_ or t.pos_ == "PROPN") and t.lower_ not in _CALENDAR for t in span)


_PLACE_HEADS = frozenset(
    {"neighbourhood", "neighborhoods", "neighbourhoods", "towns", "villages", "cities",
     "areas", "regions", "districts", "provinces", "quarter", "street", "road", "highway",
     "square", "mountain", "mountains", "river", "dam", "countryside", "outskirts", "front"}
)  # fmt: skip

_CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning",
     "evening", "night", "afternoon", "january", "february", "march", "april", "may", "june",
     "july", "august", "september", "october", "november", "december"}
)  # fmt: skip


@cache
def _event_nouns() -> frozenset[str]:
    """Nominal event triggers of the event schema (data): "attack", "talks", "visit" ..."""
    schema = load_event_schema()
    return frozenset(f for t in schema.triggers if t.pos == "noun" for f in t.forms)


def _apposed(head: Token, ents: dict[int, Span]) -> Phrase | None:
    for child in head.children:
        ent = ents.get(child.i)
        if dep(child) == "appos" and ent is not None and ent.label_ in ("PERSON", "ORG"):
            return phrase_of_entity(ent)
    return None


def _heads(phrase: Phrase, verb: Token) -> bool:
    """Whether the phrase is the verb's object itself, not a name inside the object's phrase."""
    return any(dep(c) == "dobj" and phrase.start <= c.idx < phrase.end for c in verb.children)


def _negated(verb: Token) -> bool:
    node = verb
    for _ in range(3):  # the verb, and up through "not able to" / "failed to" complements
        if any(dep(c) == "neg" for c in node.children):
            return True
        if dep(node) != "xcomp" or node.head.i == node.i:
            return False
        node = node.head
    return False


def _joins_a_fight(verb: Token, cues: RelationCues) -> bool:
    return any(c.lower_ in cues.fight_nouns | cues.back_nouns for c in _objects(verb))


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if dep(c) == "dobj"]


def _members(head: Token, ents: dict[int, Span]) -> list[Phrase]:
    """Who joins or is included: an actor (a state too), or a plain noun phrase ("local Arab
    fighters"), with its conjuncts."""
    out = []
    for tok in [head, *head.conjuncts]:
        if tok.lower_ in FIRST_PERSON:
            continue
        actor = _actor(tok, ents)
        if actor is not None:
            out.append(actor)
        elif tok.pos_ == "NOUN" and tok.lower_ not in _NOT_THINGS:
            out.append(noun_phrase(tok))
    return out


def _things_of(verb: Token, ents: dict[int, Span], label: str, plain: bool = True) -> list[Phrase]:
    return [p for c in verb.children if dep(c) == label for p in _things(c, ents, plain)]


def _subject_heads(verb: Token) -> list[Token]:
    """The verb's subject tokens; an infinitive or a conjunct takes its governor's; the head
    noun of a relative clause stands for its relative pronoun."""
    node: Token | None = verb
    while node is not None:
        subs = [c for c in node.children if dep(c) in ("nsubj", "nsubjpass")]
        if subs and subs[0].lower_ in RELATIVE and dep(node) == "relcl":
            return [node.head]
        if subs:
            return subs
        if dep(node) in ("xcomp", "advcl", "conj") and node.head.i != node.i:
            node = node.head
        else:
            node = None
    return []


def presence_relations(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """ "X are present around Y", "X based in Y" (an adjective or participle of presence)."""
    if token.lower_ not in cues.presence_words or verb_class(token, cues) is not None:
        return []
    heads = _subject_heads(token)
    subjects = [p for s in heads for p in _things(s, ents, plain=False)]
    subjects += [p for s in heads for p in _included(s, ents) if p not in subjects]
    if not subjects and dep(token) in ("acl", "relcl", "amod"):
        subjects = _things(token.head, ents, plain=False)
    if heads:
        subjects += [p for p in listed_before(heads[0], ents) if p not in subjects]
    places = places_of(token, ents, cues)
    return [Found("present-in", s, p, token, "copula") for s in subjects for p in places]


def noun_relations(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """Relations a noun phrase states by its modifiers: possessive, "in"/"near", "under"."""
    out: list[Found] = []
    if token.pos_ not in ("NOUN", "PROPN"):
        return out
    out += _places_of_noun(token, ents, cues)
    words = {word for word, _obj in prep_objects(token)}
    owned = token.lower_ in INSTITUTION_HEADS and any(dep(c) == "poss" for c in token.children)
    members = including(token)
    if not (owned or members or words & {"under", "from"}):
        return out  # nothing here names a link: spare the phrase lookup (most nouns)
    me = _actor(token, ents, states=False)
    if me is None:
        return out
    for child in token.children:
        label = dep(child)
        if label == "poss" and token.lower_ in INSTITUTION_HEADS:
            owner = _actor(child, ents)
            if owner is not None and owner.label != "PERSON":
                out.append(Found("under", me, owner, child, "possessive"))
    for found in _from_body(token, ents, cues):
        out.append(found)
    for obj in members if me.label not in LOCATION_LABELS else []:
        for member in [obj, *obj.conjuncts]:
            part = _actor(member, ents, states=False)  # "area including the Gulf of Oman"
            if part is not None:
                out.append(Found("member-of", part, me, member, "preposition"))
    for word, obj in prep_objects(token):
        if word == "under":
            owner = _actor(obj, ents)
            if owner is not None:
                out.append(Found("under", me, owner, obj, "preposition"))

    return out


def _places_of_noun(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """ "militants in Mosul", "the base near Palmyra": the phrase is at the place."""
    out: list[Found] = []
    for word, obj in prep_objects(token):
        place = _place(obj, ents) if word in cues.place_preps else None
        things = _things(token, ents, plain=False)[:1] if place is not None else []
        out += [Found("present-in", t, place, obj, "preposition") for t in things if place]
    return out


def places_of(
    token: Token, ents: dict[int, Span], cues: RelationCues, moving: bool = True
) -> list[Phrase]:
    """Places the token is at ("in", "near" ...), or goes to when `moving` ("deployed to")."""
    out = []
    for word, obj in prep_objects(token):
        if word in cues.place_preps or (moving and word in ("to", "into")):
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
