"""Presence: who is where, read from the parse.

"X are present around Y", "X deployed to Y", "militants in Mosul", "ISIL fighters attacked a
checkpoint near Mosul", and a list of names before the predicate ("A, B and C are present ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.extract.arguments import LOCATION_LABELS
from sitrep.extract.deps import case_word, dep, prep_objects
from sitrep.extract.relcues import RelationCues, verb_class
from sitrep.extract.relphrases import (
    PLACE_NOUNS,
    actors_of,
    including,
    place_of,
    places_of,
    subject_heads,
    thing_phrases,
    thing_phrases_of,
)
from sitrep.extract.relroles import Found
from sitrep.extract.schema import verb_lemma
from sitrep.extract.spans import Phrase, phrase_of_entity

# Words a list of names may hold between its items: "A, B, as well as C", "groups, including".
_LIST_WORDS = frozenset({",", "and", "or", "as", "well", "including", "such", "the", "-", "’",
                         "'", "(", ")"})  # fmt: skip


def _included(head: Token, ents: dict[int, Span]) -> list[Phrase]:
    """ "Hundreds of fighters, including A, B and C": the named members of a subject."""
    out: list[Phrase] = []
    for node in [head, *[obj for word, obj in prep_objects(head) if word == "of"]]:
        for obj in including(node):
            out += [a for a in actors_of(obj, ents) if a.label != "NP"]
    return out


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


# Verbs whose place phrase is most often their topic's, not where their subject is.
_TALK = frozenset(
    {"discuss", "welcome", "condemn", "say", "tell", "report", "announce", "call", "urge",
     "comment", "describe", "warn", "pose", "express", "agree", "demand", "raise"}
)  # fmt: skip


# Prepositions of an oblique whose noun is somewhere its verb's subject need not be: the one
# addressed, the topic, the foe ("pressure over the conflicts in Syria and Ukraine").
_NOT_WITH_THE_ACTOR = frozenset(
    {"to", "for", "about", "over", "against", "toward", "towards", "regarding", "concerning"}
)


def acting_at(
    token: Token, ents: dict[int, Span], cues: RelationCues, aim: bool = False
) -> list[Found]:
    """ "ISIL fighters attacked a checkpoint near Mosul": whoever acts at a place, and what they
    act on, is there; of an `aim` ("tried to flush out the fighters in Manbij"), only what it
    is on."""
    if token.pos_ != "VERB" or verb_lemma(token.text, _TALK) is not None:
        return []  # "discussed the conflict in Ukraine": the place is the topic's
    if token.lower_ in cues.attempt_forms and any(_a_clause(c) for c in token.children):
        return []  # "prevent X from operating near Douma": what is aimed at or kept from is
        # the clause's (read on its own), not a presence the attempt itself states
    found = verb_class(token, cues)
    moving = found is not None and found[0] == "presence_verbs"
    places = places_of(token, ents, cues, moving)
    if found is not None and found[0] == "visit_verbs":
        # "Ellwood visited Turkey and Uzbekistan": the object is the place
        places += [
            p
            for c in token.children
            if dep(c) == "dobj"
            for h in [c, *c.conjuncts]
            for p in [place_of(h, ents)]
            if p is not None and p not in places
        ]
    for child in token.children:
        # "met officers in Tyre", "was killed in a strike in Beirut": the parse often hangs the
        # verb's place on its object; whoever acts on it there is there too
        # but not a recipient's or a topic's: "issued an ultimatum to rebels in East Aleppo",
        # "concerned about the situation in Syria" put the rebels, the situation there
        oblique = dep(child) == "obl" and case_word(child) not in _NOT_WITH_THE_ACTOR
        # a clause the parse hangs on the verb ("prevent al Qaeda from operating in Anbar") has
        # its own verb, read on its own, with its own subject
        clause = child.pos_ in ("VERB", "AUX")
        if (dep(child) == "dobj" or oblique) and child.i not in ents and not clause:
            places += [p for p in places_of(child, ents, cues, False) if p not in places]
    if not places:
        return []
    subjects = [p for s in subject_heads(token) for p in thing_phrases(s, ents, plain=False)]
    if not subjects and dep(token) in ("acl", "relcl"):
        subjects = thing_phrases(token.head, ents, plain=False)
    objects = thing_phrases_of(token, ents, "dobj", plain=False)
    if aim:
        return [Found("present-in", a, p, token, "verb") for a in objects for p in places]
    actors = subjects + objects
    # "met with the Iraqi foreign minister in Canberra": whoever one acts with is there too
    actors += [
        p
        for word, obj in prep_objects(token)
        if word == "with"
        for p in thing_phrases(obj, ents, plain=False)
        if p not in actors
    ]
    return [Found("present-in", a, p, token, "verb") for a in actors for p in places]


def _a_clause(token: Token) -> bool:
    """A verb, or a word the parse took for a noun after an infinitive's "to" ("struggling to
    broker a ceasefire in Aleppo")."""
    return token.pos_ == "VERB" or any(
        dep(c) == "mark" and c.lower_ == "to" for c in token.children
    )


def presence_relations(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """ "X are present around Y", "X based in Y" (an adjective or participle of presence)."""
    if token.lower_ not in cues.presence_words or verb_class(token, cues) is not None:
        return []
    heads = subject_heads(token)
    subjects = [p for s in heads for p in thing_phrases(s, ents, plain=False)]
    subjects += [p for s in heads for p in _included(s, ents) if p not in subjects]
    if not subjects and dep(token) in ("acl", "relcl", "amod"):
        subjects = thing_phrases(token.head, ents, plain=False)
    if heads:
        subjects += [p for p in listed_before(heads[0], ents) if p not in subjects]
    places = places_of(token, ents, cues)
    return [Found("present-in", s, p, token, "copula") for s in subjects for p in places]


def places_of_noun(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """ "militants in Mosul", "civilians in Madaya and Zabadani", "the base near Palmyra": the
    phrase is at the place (each place of a list); so are the name it is apposed to ("X, an
    ISIL leader in Raqqah"), the parties of a happening there ("the defeat of Daesh in Iraq"),
    and a place in a place ("Mosul in Iraq": `relcheck` holds it to the gazetteer)."""
    # "the residents of Mosul": people "of" a place live there
    # (not "the forces of Russia": a force "of" a state is its)
    of_place = token.lower_ in cues.people_nouns
    places = [
        (word, place, head)
        for word, obj in prep_objects(token)
        if word in cues.place_preps or (of_place and word == "of")
        for head in [obj, *obj.conjuncts]
        for place in [place_of(head, ents)]
        if place is not None
    ]
    if not places:
        return []
    # the phrase itself, not its conjuncts: "tanks and fighters in Raqqa" may place only the last
    things = thing_phrases(token, ents, plain=False, conjuncts=False)
    things += [p for p in _apposed_to(token, ents) if p not in things]
    things += [p for p in _parties(token, ents, cues) if p not in things]
    itself = _place_itself(token, ents)
    out = [
        Found("present-in", t, place, obj, "preposition")
        for t in things
        for _, place, obj in places
    ]
    if itself is not None:  # containment, not nearness: only "in"
        out += [
            Found("present-in", itself, place, obj, "preposition")
            for word, place, obj in places
            if word == "in"
        ]
    return out


def _apposed_to(token: Token, ents: dict[int, Span]) -> list[Phrase]:
    """ "Abu Jandal, an ISIL gang leader in Raqqah": the name a described phrase is apposed to."""
    if dep(token) != "appos":
        return []
    ent = ents.get(token.head.i)
    return [phrase_of_entity(ent)] if ent is not None and ent.label_ in ("PERSON", "ORG") else []


# How a happening's parties hang off its noun: "the defeat of X", "strikes against X", "the use
# of weapons by X", "X's campaign".
_PARTY_PREPS = frozenset({"of", "against", "by", "agent"})


def _parties(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Phrase]:
    """The parties of a happening named by `token`, when it is one whose parties are at its
    place ("the defeat of Daesh in Iraq and Syria")."""
    if token.lower_ not in cues.located_nouns:
        return []
    heads = [obj for word, obj in prep_objects(token) if word in _PARTY_PREPS]
    heads += [c for c in token.children if dep(c) == "poss"]
    out: list[Phrase] = []
    for head in heads:
        found = thing_phrases(head, ents, plain=False) + actors_of(head, ents)
        out += [p for p in found if p not in out]
    return out


def _place_itself(token: Token, ents: dict[int, Span]) -> Phrase | None:
    """The place `token` names ("Mosul", "the city of Mosul"), to be placed in another."""
    ent = ents.get(token.i)
    if ent is not None and ent.label_ in LOCATION_LABELS:
        return phrase_of_entity(ent)
    return place_of(token, ents) if token.lower_ in PLACE_NOUNS else None


def place_in_place(token: Token, ents: dict[int, Span]) -> list[Found]:
    """ "al-Hilla in Iraq", "the city of Mosul in Iraq", "Anbar province, Iraq": a place named
    right before "in" or a comma and another place lies in it. Read from the words, not the
    parse, which often hangs the second place on the verb ("recapture the city of Mosul in
    Iraq"). After "in", `relcheck` holds the pair to the gazetteer; after a comma (a list as
    often as an address: "Aleppo, Homs"), the second must be a country or a compass part of
    one. The first is never a country."""
    from sitrep.extract.merge import is_country_region

    inner = ents.get(token.i)
    if inner is None or inner.label_ not in LOCATION_LABELS or token.i != inner.end - 1:
        return []
    doc = token.doc
    link = inner.end
    if link + 1 >= len(doc) or doc[link].lower_ not in ("in", ","):
        return []
    outer = ents.get(link + 1)
    if outer is None or outer.start != link + 1 or outer.label_ not in LOCATION_LABELS:
        return []
    if is_country_region(inner.text):
        return []  # "France in Calais": a state there acts, which the parse readers read
    if doc[link].text == ",":
        after = doc[outer.end] if outer.end < len(doc) else None
        listed = after is not None and after.lower_ in (",", "and", "or")
        if listed or not is_country_region(outer.text):
            return []
    return [
        Found(
            "present-in",
            phrase_of_entity(inner),
            phrase_of_entity(outer),
            doc[link],
            "preposition",
        )
    ]
