"""Presence: who is where, read from the parse.

"X are present around Y", "X deployed to Y", "militants in Mosul", "ISIL fighters attacked a
checkpoint near Mosul", and a list of names before the predicate ("A, B and C are present ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.extract.deps import case_word, dep, prep_objects
from sitrep.extract.relcues import RelationCues, verb_class
from sitrep.extract.relphrases import (
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


def acting_at(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
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
        # but not a recipient's or a topic's: "issued an ultimatum to rebels in East Aleppo",
        # "concerned about the situation in Syria" put the rebels, the situation there
        oblique = dep(child) == "obl" and case_word(child) not in _NOT_WITH_THE_ACTOR
        if (dep(child) == "dobj" or oblique) and child.i not in ents:
            places += [p for p in places_of(child, ents, cues, False) if p not in places]
    if not places:
        return []
    subjects = [p for s in subject_heads(token) for p in thing_phrases(s, ents, plain=False)]
    if not subjects and dep(token) in ("acl", "relcl"):
        subjects = thing_phrases(token.head, ents, plain=False)
    actors = subjects + thing_phrases_of(token, ents, "dobj", plain=False)
    return [Found("present-in", a, p, token, "verb") for a in actors for p in places]


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
    """ "militants in Mosul", "the base near Palmyra": the phrase is at the place."""
    out: list[Found] = []
    for word, obj in prep_objects(token):
        place = place_of(obj, ents) if word in cues.place_preps else None
        things = thing_phrases(token, ents, plain=False)[:1] if place is not None else []
        out += [Found("present-in", t, place, obj, "preposition") for t in things if place]
    return out
