"""Arguments of a trigger from the dependency tree: syntactic slots, then roles and place.

A slot is where an argument sits relative to the trigger: subject, object, passive_subject,
agent ("by"), poss, modifier, or a preposition's word. The event type's role map (data) says
which role each slot fills; place prepositions with a location give the event's place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.extract.agents import AGENT_HEADS, is_time
from sitrep.extract.deps import case_word, dep, described_by_participle, prep_objects
from sitrep.extract.merge import WHERE_SOMEONE_IS, came_from
from sitrep.extract.nouns import MILITARY_ACTION_NOUNS, QUANTITY_OPENINGS
from sitrep.extract.reference import refer_back
from sitrep.extract.schema import (
    EventSchema,
    is_reporting_verb,
    load_event_schema,
    verb_lemma,
)
from sitrep.extract.spans import (
    OBJECT_DEPS,
    RELATIVE,
    SUBJECT_DEPS,
    Phrase,
    entities_under,
    is_dateline,
    noun_phrase,
    phrase_of_entity,
    phrases_for,
    with_conjuncts,
)
from sitrep.extract.within import PLACE_NOUNS
from sitrep.nlp.spans import text_of
from sitrep.nlp.types import person_nouns

LOCATION_LABELS = frozenset({"LOC", "GPE", "FAC"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})


@dataclass(frozen=True)
class Slot:
    name: str
    head: Token


def is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or (token.pos_ == "" and dep(token) not in ("pobj",))


_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def is_passive(verb: Token) -> bool:
    """A passive verb; also a past participle whose "was" the parse took for a copula ("their
    house was toppled": the house did not topple anything), and a headline's bare participle
    ("Three farmers injured due to rocket attack")."""
    if _headline_participle(verb):
        return True
    return any(
        (
            dep(c) in ("nsubjpass", "nsubj:pass", "auxpass", "aux:pass")
            or (verb.tag_ == "VBN" and dep(c) == "cop" and c.lower_ in _BE)
        )
        and not is_the_islamic_state(c)
        and not (c.pos_ in ("NOUN", "PROPN") and dep(c) in ("auxpass", "aux:pass", "cop"))
        for c in verb.children
    )


def _headline_participle(verb: Token) -> bool:
    """A sentence's main verb, a past participle with a subject, no auxiliary and no object:
    headline shorthand for a passive ("Two soldiers killed in Idlib"); an active past needs a
    past tense, a perfect needs "have"."""
    if verb.tag_ != "VBN" or dep(verb) not in ("ROOT", "root"):
        return False
    if verb.i == 0 or verb.doc[verb.i - 1].is_punct:
        return False  # "A plane, reported by state media as ..., crashed": a comma's aside
    if not any(t.pos == "verb" for t in load_event_schema().by_form(verb.text)):
        return False  # only a happening's verb: "Army units continued ..." tells no passive
    children = [dep(c) for c in verb.children]
    # "militants killed and crucified five civilians": the object the conjuncts share
    shared = any(dep(c) == "conj" and c.pos_ == "VERB" and _direct_object(c) for c in verb.children)
    return (
        "nsubj" in children
        and not any(d in ("aux", "auxpass", "aux:pass", "cop") for d in children)
        and not _direct_object(verb)
        and not shared
    )


def is_the_islamic_state(token: Token) -> bool:
    """ "IS" in capitals before a noun ("IS fighters executed ..."): the group's acronym, which
    the tagger reads as the verb "is" (and the parse then as an auxiliary)."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.text == "IS" and after is not None and after.pos_ in ("NOUN", "PROPN")


def prep_slots(token: Token) -> list[Slot]:
    """The slots of `token`'s prepositional phrases, named by their preposition. "between"
    hung by the parse on a time before it ("erupted during the night between troops and
    rebels") is the token's own."""
    slots: list[Slot] = []
    for word, obj in prep_objects(token):
        if word == "with" and obj.lower_ in _BACKING_NOUNS:
            continue  # "captured Manbij with US air support": the backer takes no part in it
        inner = [sides for w, sides in prep_objects(obj) if w == "between"]
        if inner and (obj.lower_ in _TIMES_OF_DAY or is_time(obj.text)):
            # "Clashes escalated on Monday between regime forces and Kurdish fighters": the
            # parse hung the sides on the day, the second as the day's conjunct; both are
            # the "between" phrase's, and the day is no one
            first = inner[0]
            joined = [c for c in with_conjuncts(obj) if c.i > first.i]
            slots.append(Slot(word, obj))
            slots.extend(Slot("between", h) for h in [*with_conjuncts(first), *joined])
            continue
        slots.extend(Slot(word, h) for h in with_conjuncts(obj))
    return slots


# Nouns for help given to a side: "with US support" names who backs the doer, never whom
# the doer fights or acts with.
_BACKING_NOUNS = frozenset(
    {"support", "backing", "help", "assistance", "cover", "blessing", "approval", "aid"}
)
_TIMES_OF_DAY = frozenset({"night", "day", "morning", "afternoon", "evening", "weekend", "dawn"})


def subject_slots(verb: Token) -> list[Slot]:
    """The verb's subject, inherited through conjunction, relative clauses and participles."""
    passive = is_passive(verb)
    for child in verb.children:
        if dep(child) in SUBJECT_DEPS and dep(child) != "expl" and not is_dateline(child):
            if _heading_before_subject(child):
                continue
            name = "passive_subject" if passive or "pass" in dep(child) else "subject"
            described = described_by_participle(child)
            if described is not None:
                # "Rebels backed by Turkish jets attacked the town": the parse made the
                # participle the subject and the rebels its own; the side it describes acts
                return [Slot(name, h) for h in with_conjuncts(described)]
            if child.lower_ in RELATIVE and dep(verb) == "relcl":
                if verb.head.pos_ not in _NOMINAL_POS:
                    return []  # "it is not known who carried out the attack": no one named
                return [Slot(name, h) for h in with_conjuncts(verb.head)]
            return [Slot(name, h) for h in with_conjuncts(child)]
    if dep(verb) == "relcl":
        if verb.head.pos_ not in _NOMINAL_POS:
            return []
        return [Slot("passive_subject" if passive else "subject", verb.head)]
    if dep(verb) == "acl":  # "forces sent by Iran" / "Soleimani, seen addressing ..."
        # A participle with a direct object is active whatever its tag: "Terrorist organizations
        # fired tens of shells" parsed as "organizations [that were] fired": the noun fired.
        # Without one it is passive, whatever its tag: a finite past ("VBD") is never a noun's
        # modifier, so "80 militants killed" tagged so is "militants [who were] killed".
        passive = verb.tag_ in ("VBN", "VBD") and not _direct_object(verb)
        if verb.head.lower_ in _BACKING_NOUNS and case_word(verb.head) == "with":
            # "the SDF is fighting with US support to capture Raqqa": the parse hung the aim on
            # the support; who fights with it aims to capture, not the backer
            return subject_slots(verb.head.head)
        if not passive and _where_a_force_is(verb.head):
            # "the groups positioned in the hills targeted the village": the parse hung
            # "targeted" on "hills"; the groups positioned there did it
            return subject_slots(verb.head.head)
        clause = _clause_verb(verb.head) if not passive and _owned_by_of(verb.head) else None
        if clause is not None and any(dep(c) == "nsubj" for c in clause.children):
            # "blew himself up during the wedding of a commander of the SDF killing 18": the
            # parse hung the result on the last noun, deep in an "of" phrase; the clause's
            # subject did it
            return [Slot(s.name, s.head) for s in subject_slots(clause)]
        if not passive and _operation_begun(verb.head):
            # "Ankara began the operation on Wednesday targeting the Kurdish militia": an
            # operation targets nothing by itself; who began (launched, waged) it did
            return [Slot(s.name, s.head) for s in subject_slots(verb.head.head)]
        if not passive and _struck_site(verb.head):
            # "stormed an air base in northeast Syria capturing it": a site does not capture;
            # the participle is the main verb's adjunct, whose subject did it
            return [Slot(s.name, s.head) for s in subject_slots(verb.head.head)]
        return [Slot("passive_subject" if passive else "subject", verb.head)]
    if dep(verb) == "xcomp" and _bare_participle(verb):
        # "the network which gave a toll of 17 people killed", "they found 20 bodies dumped":
        # the participle tells what befell the noun before it; whoever gave, reported or found
        # it did not do it
        return []
    if dep(verb) == "xcomp" and CHARGING.match(verb.head.text) is not None:
        # "X accused Damascus of that attack which it estimates killed 1,429": the parse hung
        # "killed" on "accused"; the accuser did not kill, and whom it blames is only alleged
        return []
    if dep(verb) == "xcomp" and _reports(verb.head) and _infinitive(verb):
        # "IS claimed to have killed five soldiers", "the group is said to have shot down a
        # jet": an infinitive after a verb of saying tells what its own subject did
        heads = [s.head for s in subject_slots(verb.head)]
        name = "passive_subject" if passive else "subject"
        return [Slot(name, h) for h in heads]
    if dep(verb) == "xcomp" and _reports(verb.head):
        # "A monitor said air raids by government forces on Aleppo killed 11": a speech verb
        # controls no subject; its "xcomp" is a complement clause the parse broke, whose
        # subject the speaker is not (the raids are, hung on "said")
        stray = _stray_subject(verb)
        return [] if stray is None else [Slot("subject", h) for h in _coordinated(stray)]
    controller = _object_controller(verb)
    if controller is not None:
        # "to help Iraqi Kurds fighting against ISIL", "saw gunmen firing at the crowd": a
        # gerund after a verb's object tells what the object does
        return [Slot("subject", h) for h in with_conjuncts(controller)]
    unmarked = _unmarked_subject(verb)
    if unmarked is not None and dep(verb) in ("conj", "advcl"):
        # "after IS militants killed one": "IS" tagged as the verb "is", its noun left unmarked
        return [
            Slot("passive_subject" if passive else "subject", h) for h in _coordinated(unmarked)
        ]
    if dep(verb) in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        # (a head with a subject of its own predicates of it as a verb does, whatever its tag:
        # "the units were able to kill ...", "The army advanced [ADJ] on Monday and killed")
        predicate = verb.head.pos_ in ("VERB", "AUX") or any(
            dep(c) in SUBJECT_DEPS for c in verb.head.children
        )
        inherited = subject_slots(verb.head) if predicate else []
        if dep(verb) == "advcl" and not passive and _hung_on_a_describing_participle(verb):
            # "IS managed to control the gas fields located near Homs after killing 30
            # soldiers": the parse hung "after killing" on "located"; the fields did not kill,
            # the clause whose object they are did
            inherited = subject_slots(verb.head.head.head)
        if passive:
            return [Slot("passive_subject", s.head) for s in inherited]
        return [Slot("subject", s.head) for s in inherited if s.name == "subject"]
    if unmarked is not None and dep(verb) in ("ROOT", "ccomp") and verb.tag_ in _FINITE_TAGS:
        # "A suicide bomber killed 12 soldiers": the parse left the clause's only noun before
        # its finite verb as an unmarked oblique; a finite verb has a subject, and that is it
        return [Slot("subject", h) for h in _coordinated(unmarked)]
    stray = _stray_subject(verb)
    if stray is not None:
        name = "passive_subject" if passive else "subject"
        return [Slot(name, h) for h in _coordinated(stray)]
    return []


def _infinitive(verb: Token) -> bool:
    """A verb after "to" ("to kill", "to have killed")."""
    return any(dep(c) == "mark" and c.lower_ == "to" for c in verb.children)


# Verbs of charging someone with a deed: "accused", "blames", "charged".
CHARGING = re.compile(r"^(?:accus|blam|charg)(?:e|es|ed|ing)$", re.I)


def _operation_begun(noun: Token) -> bool:
    """A noun of military action that is the direct object of a verb carrying it, with a
    subject of its own ("began the operation", "launched a campaign"): the verb's subject acts
    through it. Any other verb's subject does not ("an activist said an air strike killed")."""
    verb = noun.head
    return (
        noun.lower_ in MILITARY_ACTION_NOUNS
        and dep(noun) in OBJECT_DEPS
        and verb.pos_ in ("VERB", "AUX")
        and verb_lemma(verb.text, load_event_schema().support_verbs) is not None
        and any(dep(c) in SUBJECT_DEPS for c in verb.children)
    )


def _owned_by_of(noun: Token) -> bool:
    """A noun in an "of" phrase of another noun ("the wedding of a commander", "a member of
    the SDF"): it only tells whose the other noun is."""
    return dep(noun) == "nmod" and case_word(noun) == "of" and noun.head.pos_ in _NOMINAL_POS


def _clause_verb(noun: Token) -> Token | None:
    """The verb whose argument `noun`'s phrase is, through the nouns it hangs on."""
    word = noun
    while word.head.i != word.i and word.pos_ not in ("VERB", "AUX"):
        word = word.head
    return word if word.pos_ in ("VERB", "AUX") else None


def _object_controller(verb: Token) -> Token | None:
    """The direct object before a gerund that the parse made its verb's complement ("help
    Kurds fighting ISIL"): the gerund's subject. A past participle there describes what befell
    the object instead (`_bare_participle`)."""
    if dep(verb) != "xcomp" or verb.tag_ != "VBG" or verb.head.i == verb.i:
        return None
    if any(dep(c) in SUBJECT_DEPS for c in verb.children):
        return None
    objects = [c for c in verb.head.children if dep(c) == "dobj" and c.i < verb.i]
    if not objects or not _agent_noun(objects[-1]):
        # "repelled an attack ... killing 30 terrorists", "fired shells ... claiming two
        # lives": a result of the clause, which no attack or shell does by itself
        return None
    return objects[-1]


_AGENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})


def _agent_noun(noun: Token) -> bool:
    """A noun for people or a force: a name of one, or a word for them ("fighters")."""
    word = noun.lower_
    return noun.ent_type_ in _AGENT_ENTITIES or word in AGENT_HEADS or word in person_nouns()


# Tags of a finite verb, which has a subject of its own (a participle may have none).
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _bare_participle(verb: Token) -> bool:
    """A past participle with no "to", no auxiliary and no object of its own, after the object
    of another verb: a description of that object, not a second deed of the subject."""
    if verb.tag_ not in ("VBN", "VBD") or verb.i < 1:
        return False
    if any(dep(c) in ("mark", "aux", "auxpass", "dobj", "nsubj") for c in verb.children):
        return False
    head_object = any(dep(c) == "dobj" and c.i < verb.i for c in verb.head.children)
    return head_object


def _unmarked_subject(verb: Token) -> Token | None:
    """A noun right before a clause's verb that the parse left with no role of a subject ("IS
    militants killed" with "IS" read as a copula, so "militants" is an unmarked oblique): no
    preposition, no time, nothing between it and the verb."""
    before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if before is None or before.head.i != verb.i or before.pos_ not in ("NOUN", "PROPN"):
        return None
    # (a noun the parse made an auxiliary: "IS fighters executed", "fighters" hung as "IS" is)
    misread = before.dep_ in ("obl:unmarked", "aux", "aux:pass", "cop")
    if not misread and dep(before) != "npadvmod":
        return None
    if (
        case_word(before) is not None
        or is_time(before.text)
        or before.ent_type_ in ("DATE", "TIME")
    ):
        return None
    return before


def _hung_on_a_describing_participle(verb: Token) -> bool:
    """The verb's head is a past participle describing the object of another verb ("the
    gas fields located near Homs", "fields" the object of "control"), not a trigger (whose
    object the parse may give it: "organizations fired tens of shells")."""
    participle = verb.head
    if dep(participle) != "acl" or participle.tag_ != "VBN":
        return False
    if load_event_schema().by_form(participle.text):
        return False
    noun = participle.head
    return dep(noun) in OBJECT_DEPS and noun.head.pos_ in ("VERB", "AUX") and noun.head.i != noun.i


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# What a relative clause can describe, a name the tagger left untagged ("X") too (a verb or
# adjective it hangs on is a parse's slip, or an embedded question: "it is not known who fired")
_NOMINAL_POS = _NOMINAL | {"X"}
# Heads of the sites an attack takes (a participle hung on one is no doing of the site's)
_SITE_NOUNS = frozenset(
    {
        "base", "airbase", "airport", "town", "city", "village", "district", "area", "hill",
        "position", "positions", "checkpoint", "neighbourhood", "neighborhood", "road",
        "crossing", "camp", "field", "prison", "hospital", "school", "stronghold",
        "strongholds", "headquarters", "post", "posts", "bases", "towns", "villages",
        "checkpoints", "barracks", "hideout", "hideouts", "den", "dens",
    }
)  # fmt: skip


def _struck_site(noun: Token) -> bool:
    """A site that is the object of the verb it hangs on ("stormed an air base")."""
    return (
        noun.lower_ in _SITE_NOUNS
        and dep(noun) == "dobj"
        and noun.head.pos_ in ("VERB", "AUX")
        and noun.head.i != noun.i
    )


def _where_a_force_is(noun: Token) -> bool:
    """A place noun that tells where someone is positioned ("positioned in the hills")."""
    head = noun.head
    return (
        (noun.lower_ in _SITE_NOUNS or noun.lower_ in PLACE_NOUNS)
        and head.i != noun.i
        and head.lower_ in WHERE_SOMEONE_IS
    )


def _heading_before_subject(subject: Token) -> bool:
    """A place that opens the sentence and is parsed as a subject beside another one is the
    bulletin's place heading run into it ("Aleppo The Syrian Army repelled ..."), not who did
    it; so is a preposition's object the parse made a second subject, and a teller whose
    verb of saying the parse hung on it."""
    others = [
        c
        for c in subject.head.children
        if dep(c) in SUBJECT_DEPS and c.i > subject.i and dep(c) != "expl"
    ]
    if not others:
        return False
    if any(c.pos_ == "VERB" and is_reporting_verb(c.text) for c in subject.subtree):
        # "The Observatory announced on Sunday that militants ... mounted an attack", parsed
        # with both as subjects of "mounted": the teller, not the doer
        return True
    # "In Hasaka the army air force carried out ...": a preposition's object parsed as a subject
    before = subject.doc[subject.i - 1] if subject.i > subject.sent.start else None
    if before is not None and before.tag_ == "IN" and before.dep_ in ("case", "mark"):
        return True
    return subject.i == subject.sent.start and subject.ent_type_ in LOCATION_LABELS


_TELLING = frozenset({"tell"})


def _stray_subject(verb: Token) -> Token | None:
    """The subject of a subjectless complement clause that the parse hung on the verb above
    it: in "residents said Syrian and Russian jets bombed the city" or "Trump said Hamza bin
    Laden, son of ..., has been killed", the words between "said" and the clause's verb are
    parsed as the object of "said", yet "said" reports the clause they are the subject of.
    The nearest such object before the clause's verb is taken."""
    if dep(verb) not in ("ccomp", "xcomp") or verb.head.i >= verb.i:
        return None
    doc = verb.doc
    for token in doc[verb.head.i + 1 : verb.i]:
        # "told SANA that terrorists positioned in Binnesh targeted the houses": the force a
        # clause of where it is describes, hung elsewhere by the parse, is the subject
        where = token.head
        placed = where.lower_ in WHERE_SOMEONE_IS and where.i < verb.i
        if dep(token) == "nsubj" and placed and token.pos_ in ("NOUN", "PROPN"):
            return token
    between = [
        c
        for c in verb.head.children
        if dep(c) in ("dobj", "xcomp", "ccomp")
        and verb.head.i < c.i < verb.i
        and (c.pos_ in _NOMINAL or bool(c.ent_type_))
    ]
    if between and verb_lemma(verb.head.text, _TELLING) is not None:
        between = between[1:]  # "told SANA that ...": whom a source told is no doer
    return between[-1] if between else None


def _reports(verb: Token) -> bool:
    """A verb of saying or reporting ("said", "told", "reported")."""
    return verb.pos_ in ("VERB", "AUX") and is_reporting_verb(verb.text)


def _coordinated(head: Token) -> list[Token]:
    """`head` and what "and" or "or" joins to it; a conjunct the parse made of an apposition
    ("Hamza bin Laden, son of ...") is none."""
    joined = [c for c in head.conjuncts if c.i > head.i and any(dep(t) == "cc" for t in c.children)]
    return [head, *joined]


def _direct_object(verb: Token) -> bool:
    # a day the parse made the object ("civilians killed Friday") is when, not what; a noun
    # with a preposition of its own ("citizens injured due to a mortar attack") is no object
    return any(
        (dep(c) == "dobj" and not is_time(c.text) and not _marked(c)) or unmarked_count(c)
        for c in verb.children
    )


def has_object(verb: Token) -> bool:
    """The verb takes a direct object that is not a place (not a day, not a phrase with its
    own preposition): "headed the team", not "entered Iraq"."""
    places = any(dep(c) == "dobj" and c.ent_type_ in LOCATION_LABELS for c in verb.children)
    return _direct_object(verb) and not places


def _marked(noun: Token) -> bool:
    """The noun's phrase opens with a preposition (the parse may hang it on a modifier:
    "due to terrorist mortar attack" has "due" under "mortar")."""
    first = noun.left_edge
    if first.i < noun.i and _quantifier_phrase(first):
        return False  # "killed at least 16 militants": "at" of "at least" counts, not marks
    return first.i < noun.i and dep(first) in ("case", "prep") and first.lower_ not in ("'s", "'")


def _quantifier_phrase(word: Token) -> bool:
    """The word and the one after it open a phrase of quantity ("at least 16")."""
    doc = word.doc
    after = doc[word.i + 1].lower_ if word.i + 1 < len(doc) else ""
    return (word.lower_, after) in QUANTITY_OPENINGS


# Nouns of a stretch of time: "killed 12 days ago" counts days, not whom the verb did it to.
_TIME_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years",
                         "hour", "hours", "minute", "minutes"})  # fmt: skip


def unmarked_count(word: Token) -> bool:
    """ "killed at least 12 people" parsed with "people" an oblique ("at least" read as its
    preposition's phrase): a counted noun with no preposition of its own is the verb's
    object."""
    return (
        dep(word) == "obl"
        and word.pos_ == "NOUN"
        and word.lower_ not in _TIME_UNITS
        and any(dep(c) == "nummod" or c.lower_ in _QUANTIFIERS for c in word.children)
        and not any(dep(c) in ("case", "prep") for c in word.children)
    )


# Words that count a noun as a number does ("fired on Friday evening several rocket shells")
_QUANTIFIERS = frozenset({"several", "many", "numerous", "multiple", "dozens", "scores"})


def verb_slots(verb: Token) -> list[Slot]:
    slots = subject_slots(verb)
    for child in verb.children:
        # (a counted noun the parse left an oblique is the object: "killed at least 16 ISIL
        # terrorists", "at least" read as the noun's preposition)
        if (dep(child) in OBJECT_DEPS and child.pos_ != "ADP") or unmarked_count(child):
            slots.extend(Slot("object", h) for h in with_conjuncts(child))
            slots.extend(_taken_from(child))
    return slots + prep_slots(verb)


def _taken_from(ground: Token) -> list[Slot]:
    """Whom ground was taken "from", where the parse hung the phrase on the ground's name
    ("captured the town of Manbij from Daesh": "from Daesh" on "Manbij"). Only a place's
    phrase: "evacuated people from the village" names where they came from."""
    slots: list[Slot] = []
    for noun in (ground, *(obj for word, obj in prep_objects(ground) if word == "of")):
        if noun.ent_type_ not in LOCATION_LABELS and noun.lower_ not in PLACE_NOUNS:
            continue
        for word, obj in prep_objects(noun):
            if word == "from":
                slots.extend(Slot("from", h) for h in with_conjuncts(obj))
    return slots


def noun_slots(noun: Token, schema: EventSchema) -> list[Slot]:
    """Slots of a nominal trigger, plus the subject and preps of a support verb carrying it."""
    slots: list[Slot] = []
    for child in noun.children:
        if dep(child) == "poss":
            slots.append(Slot("poss", child))
        elif (child.ent_type_ or _proper_compound(child)) and (
            dep(child) in ("compound", "amod") or (dep(child) == "nmod" and not case_word(child))
        ):
            slots.append(Slot("modifier", child))
    slots.extend(prep_slots(noun))
    head = noun.head
    if dep(noun) in ("nsubj", "aux") and _going_on(head):
        # "Fierce clashes broke out between Kurdish fighters and IS militants near Kobani",
        # "fighting was underway between ...", "clashes resumed today between ..." ("clashes"
        # tagged a verb the parse made the auxiliary of "resumed")
        slots.extend(prep_slots(head))
    for going in noun.children:
        if dep(going) == "acl" and going.i > noun.i and _going_on(going):
            # "Heavy clashes then erupted between ... the monitor said": the parse made
            # "erupted" a participle describing the clashes; only the sides are taken from it
            # (its times and places are read as any participle's are)
            slots.extend(s for s in prep_slots(going) if s.name == "between")
    if head.lower_ in FRAMING_WORDS and head.i != noun.i:
        slots.extend(_framed_slots(noun, head))
    slots.extend(_the_other_party(noun))
    slots.extend(_ascribed_to(noun))
    slots.extend(_done_by(noun))
    slots.extend(_behind(noun))
    slots.extend(_harmed_by(noun))
    carrier = _counted_in(noun)
    # (an object the parse made an oblique past a time: "fired on Friday several shells")
    as_object = dep(carrier) in OBJECT_DEPS or unmarked_count(carrier)
    carried = as_object and carrier.head.pos_ in ("VERB", "AUX", "")
    if carried and verb_lemma(carrier.head.text, schema.support_verbs) is not None:
        if not _content_of_a_noun(carrier.head):
            lent = [s for s in verb_slots(carrier.head) if s.name != "object"]
            if _subject_suffers(noun, schema):
                # "Daesh has carried out similar killings": who carries a killing out did it,
                # though the subject of "killed"/"died" is who died
                lent = [Slot("agent", s.head) if s.name == "subject" else s for s in lent]
            slots.extend(lent)
    elif carried and verb_lemma(head.text, REPELLING_VERBS) is not None:
        # "the army repelled an attack on its posts": who repels an attack is who it was
        # made on, never its maker
        slots.extend(Slot("defender", s.head) for s in subject_slots(head) if s.name == "subject")
    elif (verb := _taken_part_in(noun)) is not None:
        # "fighters (who were) engaged in clashes" took part as much as "fighters engaged in"
        slots.extend(
            Slot("subject" if s.name == "passive_subject" else s.name, s.head)
            for s in verb_slots(verb)
            if s.head.i != noun.i
        )
    return slots


_DOER_ROLES = frozenset({"actor", "by"})


def _subject_suffers(noun: Token, schema: EventSchema) -> bool:
    """The noun's types make a subject the one it befalls and an agent its doer (a killing,
    an execution: DIE), so a support verb's subject, its doer, is lent as the agent."""
    types = {t.type for t in schema.by_form(noun.text) if t.pos == "noun"}
    return bool(types) and all(
        schema.types[name].roles.get("subject") not in _DOER_ROLES
        and schema.types[name].roles.get("agent") in _DOER_ROLES
        for name in types
    )


# Nouns that count or group happenings: "mounted a series of raids", "launched a wave of
# attacks", "carried out dozens of strikes".
_HOW_MANY_NOUNS = frozenset(
    {
        "series", "wave", "waves", "spate", "string", "number", "dozens", "hundreds", "round",
        "rounds", "barrage", "volley", "couple", "handful",
    }
)  # fmt: skip


def _counted_in(noun: Token) -> Token:
    """The word a support verb takes as its object in place of the trigger: the count or
    group the trigger is told in ("mounted one of the heaviest attacks", "launched a wave of
    strikes"); the trigger itself otherwise."""
    head = noun.head
    counted = head.pos_ == "NUM" or head.lower_ in _HOW_MANY_NOUNS
    if dep(noun) == "nmod" and case_word(noun) == "of" and counted and head.i != noun.i:
        return head
    return noun


# Verbs whose subject is a happening breaking out or going on, whose own prepositions say
# between whom and where ("clashes erupted between X and Y in Z")
ERUPTING_VERBS = frozenset(
    {"break", "erupt", "rage", "flare", "continue", "resume", "escalate", "intensify", "ensue",
     "persist", "begin", "start", "renew"}
)  # fmt: skip
# Predicates of a happening going on: "fighting was underway between X and Y".
_GOING_ON_WORDS = frozenset({"underway", "ongoing"})


def _going_on(word: Token) -> bool:
    """A verb of a happening breaking out or going on, or a predicate of one under way."""
    return word.lower_ in _GOING_ON_WORDS or verb_lemma(word.text, ERUPTING_VERBS) is not None


def _proper_compound(child: Token) -> bool:
    """A proper noun compound before the trigger, not the sentence's capitalised first word
    ("Fierce clashes broke out": "Fierce" tagged a proper noun)."""
    return child.pos_ == "PROPN" and dep(child) == "compound" and child.i != child.sent.start


def _content_of_a_noun(verb: Token) -> bool:
    """An infinitive that tells what a noun asks or allows ("a request to resume air strikes",
    "authorisation to launch raids"): the noun is not the one who would strike."""
    marked = any(dep(c) == "mark" and c.lower_ == "to" for c in verb.children)
    return dep(verb) == "acl" and marked and verb.head.pos_ == "NOUN"


# Verbs whose subject withstands the attack they take as object: "SDF managed to repel the
# attacks", "troops foiled an assault", "the army thwarted an attack".
REPELLING_VERBS = frozenset({"repel", "repulse", "thwart", "foil", "withstand"})


# Verbs that lay a happening at someone's door: "another attack ascribed to the Taliban", "the
# bombing, blamed on the Islamic State, killed 12", "the attack was attributed to Hezbollah".
# The one it is laid on is told as its doer (an allegation: the claim's source says who says so).
ASCRIBING_VERBS = {"ascribe": "to", "attribute": "to", "blame": "on"}
_ASCRIBING_LEMMAS = frozenset(ASCRIBING_VERBS)


def _ascribed_to(noun: Token) -> list[Slot]:
    """The doer a verb of ascribing lays the nominal on, where the nominal is that verb's
    subject or the noun its participle describes."""
    verbs = [c for c in noun.children if dep(c) == "acl"]
    if dep(noun) in ("nsubj", "nsubjpass") and noun.head.i != noun.i:
        verbs.append(noun.head)
    slots: list[Slot] = []
    for verb in verbs:
        lemma = verb_lemma(verb.text, _ASCRIBING_LEMMAS)
        if lemma is None:
            continue
        slots.extend(
            Slot("agent", obj)
            for word, obj in prep_objects(verb)
            if word == ASCRIBING_VERBS[lemma]
            for obj in with_conjuncts(obj)
        )
    return slots


# Verbs of doing whose participle on a nominal names its doer after "by": "an attack
# carried out by the Islamic State", "the massacre committed by the militia", "the attack,
# reportedly conducted by the Taliban".
DOING_VERBS = frozenset(
    {"carry", "conduct", "launch", "mount", "stage", "execute", "perpetrate", "commit"}
)


def _done_by(noun: Token) -> list[Slot]:
    """The "by" phrase of a participle of doing that describes the nominal: one the parse hung
    on it, or one told right after it, past a comma and an adverb, that the parse hung on the
    clause's verb instead ("Dozens died in the attack, reportedly conducted by the Taliban")."""
    verbs = [c for c in noun.children if dep(c) == "acl"]
    if noun.head.i != noun.i:
        verbs.extend(c for c in noun.head.children if c.i > noun.i and _told_right_after(noun, c))
    if dep(noun) == "nsubj" and noun.head.i > noun.i and not _direct_object(noun.head):
        # "Airstrikes carried out by the United States ... have killed 11": copy without
        # commas made the participle the clause's verb, with the strikes its subject; a doing
        # with a "by" phrase and no object of its own is a participle describing them
        verbs.append(noun.head)
    return [
        Slot("agent", obj)
        for verb in verbs
        if verb_lemma(verb.text, DOING_VERBS) is not None and not _own_subject(verb, noun)
        for word, obj in prep_objects(verb)
        if word == "agent"
        for obj in with_conjuncts(obj)
    ]


def _behind(noun: Token) -> list[Slot]:
    """Who "was behind" the attack did it: the subject of the copular "behind" phrase. Where
    the parse gave the phrase no subject ("say troops loyal to X were behind the attack",
    troops hung on the verb of saying), the noun phrase that ends right before the copula."""
    if case_word(noun) != "behind":
        return []
    cop = next((c for c in noun.children if dep(c) == "cop" and c.i < noun.i), None)
    if cop is None:
        return []
    subjects = [c for c in noun.children if dep(c) in ("nsubj", "nsubj:pass", "nsubjpass")]
    if subjects:
        return []  # the ordinary subject slot has it
    head = _phrase_before(cop)
    return [Slot("agent", h) for h in with_conjuncts(head)] if head is not None else []


def _phrase_before(cop: Token) -> Token | None:
    """The head of the noun phrase whose last word is right before `cop`: climbed from that
    word through its heads while they stay before it and are nominal or a modifier of one
    ("troops loyal to President X": from X, through "loyal", to "troops")."""
    if cop.i == cop.sent.start:
        return None
    word = cop.doc[cop.i - 1]
    while word.head.i != word.i and word.head.i < cop.i and word.head.pos_ in _PHRASE_POS:
        word = word.head
    if word.pos_ == "ADJ":
        # "Forces loyal to the president were behind": the parse made the adjective the root
        # and the forces its subject
        word = next((c for c in word.children if dep(c) == "nsubj"), word)
    return word if word.pos_ in ("NOUN", "PROPN") else None


_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def _own_subject(verb: Token, noun: Token) -> bool:
    """A subject of the verb's own other than the nominal: a clause, not a participle of it."""
    return any(slot.head.i != noun.i for slot in subject_slots(verb))


def _told_right_after(noun: Token, verb: Token) -> bool:
    """Only a comma and adverbs between the end of the noun's phrase and `verb`."""
    if verb.i <= noun.right_edge.i:
        return False
    between = noun.doc[noun.right_edge.i + 1 : verb.i]
    return all(t.is_punct or t.pos_ == "ADV" for t in between) and len(between) <= 3


# Verbs that tell what an attack did to whom: "the strikes eliminated three Daesh leaders",
# "a Russian airstrike left the al-Nusra Front leader in a coma", "the raid that wounded five".
HARMING_VERBS = frozenset({"eliminate", "wound", "injure", "leave", "kill", "hit", "target"})


def _harmed_by(noun: Token) -> list[Slot]:
    """The objects of a verb of harm whose doer the nominal is: the verb it is the subject of,
    or one the parse hung on it (a participle, a relative clause, or a clause the parse made
    the noun's: "A drone strike in Idlib left a commander in a coma")."""
    verbs = [c for c in noun.children if dep(c) in ("acl", "relcl", "acl:relcl", "advcl")]
    if dep(noun) in ("nsubj", "csubj") and noun.head.i != noun.i:
        verbs.append(noun.head)
    slots: list[Slot] = []
    for verb in verbs:
        for harm in [verb, *verb.conjuncts]:
            if harm.pos_ not in ("VERB", "AUX", "NOUN") or (
                verb_lemma(harm.text, HARMING_VERBS | PLACE_STRIKING_VERBS) is None
            ):
                continue
            slots.extend(
                Slot("object", h)
                for c in harm.children
                if dep(c) in OBJECT_DEPS
                for h in with_conjuncts(c)
                if _names_people(h) or _place_struck(harm, h)
            )
    return slots


# Verbs whose named-place object is where the attack fell: "rocket attacks hit Kilis", "a car
# bomb rocked Damascus" (the attack noun is their subject, so nothing else places it).
PLACE_STRIKING_VERBS = frozenset({"hit", "target", "strike", "rock", "pound", "shake"})


def _place_struck(verb: Token, head: Token) -> bool:
    """One named place the verb struck (several, "hit Tartous, Homs and Hasakeh", tell a
    summary of attacks in each, which `newsworthy` and the sentences after sort out)."""
    return (
        head.ent_type_ in LOCATION_LABELS
        and head.pos_ == "PROPN"  # a name ("Syrias town of X": the town's name says where)
        and not head.conjuncts
        and verb_lemma(verb.text, PLACE_STRIKING_VERBS) is not None
    )


# Nouns for people, of those an attack harms ("five soldiers", "three senior Daesh leaders").
PEOPLE_NOUNS = AGENT_HEADS | {
    "civilians", "people", "persons", "children", "women", "men", "residents", "citizens",
    "members", "leader", "leaders", "commander", "commanders", "officer", "officers",
    "policemen", "servicemen", "personnel", "staff", "volunteers", "workers",
}  # fmt: skip


def _names_people(head: Token) -> bool:
    """A name, or a noun for people (a town hit, "a trail of destruction" left, is no one)."""
    return head.ent_type_ in ACTOR_LABELS or head.lower_ in PEOPLE_NOUNS


# Verbs of taking part, with the preposition whose phrase names what their subject took part
# in: "the ISIL and its rivals engaged in fierce clashes", "rebels participated in the
# assault", "the SDF entered into an agreement with the government": the subject is the
# nominal's actor, as a support verb's is.
PARTICIPATION_VERBS = {
    "engage": "in",
    "participate": "in",
    "enter": "into",
    # "the regime and rebels were locked in fierce fighting", "embroiled in clashes"
    "lock": "in",
    "embroil": "in",
    # "the group said it was involved in fierce clashes near the town"
    "involve": "in",
}
_PARTICIPATION_LEMMAS = frozenset(PARTICIPATION_VERBS)


def _taken_part_in(noun: Token) -> Token | None:
    """The verb of taking part whose phrase the nominal is; the parse may hang that phrase on
    the partner named before it ("forces engaged with the militants in an offensive": "in an
    offensive" on "militants")."""
    head = noun.head
    if head.i != noun.i and head.pos_ in ("NOUN", "PROPN") and case_word(head) == "with":
        head = head.head
    before = _word_before_preposition(noun)
    if head.i == noun.i or (head.pos_ not in ("VERB", "AUX") and head.i != before):
        return _in_the_text(noun, before)
    prep = taking_part_prep(head)
    if prep is not None and prep in (case_word(noun), _preposition_before(noun)):
        return head
    return _in_the_text(noun, before)


def _word_before_preposition(noun: Token) -> int | None:
    """Where the word right before the noun's preposition is (see `_preposition_before`)."""
    doc = noun.doc
    i = noun.i - 1
    while i >= max(noun.sent.start, noun.i - 3) and doc[i].tag_ in _DESCRIBING_TAGS:
        i -= 1
    return i - 1 if i - 1 >= noun.sent.start and doc[i].pos_ == "ADP" else None


def _in_the_text(noun: Token, before: int | None) -> Token | None:
    """A verb of taking part right before the noun's preposition, whatever the parse made of
    either: "it was involved in fierce clashes" with "involved" taken for an adjective and
    "clashes" hung on the "said" before it."""
    if before is None:
        return None
    word = noun.doc[before]
    prep = taking_part_prep(word)
    return word if prep is not None and prep == _preposition_before(noun) else None


def taking_part_prep(verb: Token) -> str | None:
    """The preposition that names what `verb` takes part in, if it is a verb of taking part."""
    lemma = verb_lemma(verb.text, _PARTICIPATION_LEMMAS)
    return PARTICIPATION_VERBS[lemma] if lemma is not None else None


def _preposition_before(noun: Token) -> str | None:
    """The preposition right before a noun and the words that describe it, read in the text:
    the parse may hang it on a modifier or on nothing ("in fierce clashes", "fierce" taken for
    a noun of its own)."""
    doc = noun.doc
    i = noun.i - 1
    while i >= max(noun.sent.start, noun.i - 3) and doc[i].tag_ in _DESCRIBING_TAGS:
        i -= 1
    if i >= noun.sent.start and doc[i].pos_ == "ADP":
        return doc[i].lower_
    return None


_DESCRIBING_TAGS = frozenset({"DT", "PRP$", "JJ", "JJR", "JJS", "NN", "RB", "VBN", "HYPH"})


# "following a meeting with X, Putin said": the frame word's own preps and the subject of the
# clause it modifies belong to the nominal.
FRAMING_WORDS = frozenset({"following", "after", "before", "during"})


def _the_other_party(noun: Token) -> list[Slot]:
    """ "In a phone conversation with Putin the president reiterated ...", "during talks with
    X, Y said": a happening "with" someone, told as the setting of a clause, has that clause's
    subject for its other party."""
    verb = noun.head
    if verb.i == noun.i or verb.pos_ not in ("VERB", "AUX") or dep(noun) not in ("obl", "nmod"):
        return []
    if case_word(noun) not in _SETTING_WORDS or "with" not in {w for w, _ in prep_objects(noun)}:
        return []
    return [s for s in subject_slots(verb) if s.name == "subject"]


_SETTING_WORDS = frozenset({"in", "during", "at"})


def _framed_slots(noun: Token, frame: Token) -> list[Slot]:
    slots = [s for s in prep_slots(frame) if s.head.i != noun.i]
    verb = next((a for a in frame.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        slots.extend(s for s in subject_slots(verb) if s.name == "subject")
    return slots


def copula_slots(verb: Token) -> list[Slot]:
    """ "Mr. Soleimani in Moscow was not": the subject's own preps count as the verb's.

    Under UD the copula hangs off its predicate ("Soleimani was in Moscow": cop -> Moscow).
    """
    if dep(verb) == "cop":
        pred, word = verb.head, case_word(verb.head)
        slots = subject_slots(pred) + ([Slot(word, pred)] if word else []) + prep_slots(pred)
        if not word and pred.ent_type_ in ACTOR_LABELS and not subject_slots(pred):
            slots.append(Slot("subject", pred))  # "Mr. Soleimani in Moscow was not": X heads it
        return [Slot("subject" if s.name == "passive_subject" else s.name, s.head) for s in slots]
    slots = verb_slots(verb)
    for slot in list(slots):
        if slot.name == "subject":
            slots.extend(prep_slots(slot.head))
    return [Slot("subject" if s.name == "passive_subject" else s.name, s.head) for s in slots]


@dataclass(frozen=True)
class Arguments:
    participants: tuple[tuple[str, Phrase], ...]  # (role, phrase)
    place: Phrase | None
    place_prep: str | None


def _names_the_subject(slot: Slot, phrase: Phrase) -> bool:
    """The location is the passive's subject itself ("Palmyra was recaptured"), not a name
    inside it ("civilians in Lattakia countryside were injured in an attack on Kilmakho": the
    people's province), nor one with a preposition of its own, a misparse ("in Eastern Ghouta
    a child was killed")."""
    head = slot.head
    if any(dep(c) in ("case", "prep") for c in head.children):
        return False
    return phrase.start <= head.idx < phrase.end


def _people_came_from(head: Token, phrase: Phrase) -> bool:
    """The phrase is a location the object's people came from (`came_from`)."""
    if phrase.label not in LOCATION_LABELS:
        return False
    word = next((t for t in head.subtree if t.idx == phrase.start), None)
    return word is not None and came_from(word)


def first_location(head: Token, ents: dict[int, Span]) -> Span | None:
    """The first location under the phrase, but where people in it came from ("struck a
    convoy of families from Madaya": the families' town, not where the convoy was hit), and
    a capital or country named as a side ("in support of its ally Damascus")."""
    found = [
        e
        for e in entities_under(head, ents, LOCATION_LABELS)
        if not came_from(e.root) and not _named_as_a_side(e)
    ]
    return found[0] if found else None


# Nouns of a side's standing towards another, right before a name: "its ally Damascus", "their
# backer Tehran" name a government by its capital or country, never where anything happens.
_SIDE_STANDING = frozenset(
    {
        "ally", "allies", "partner", "partners", "backer", "backers", "patron", "sponsor",
        "proxy", "proxies", "rival", "rivals", "enemy", "foe", "foes",
    }
)  # fmt: skip


def _named_as_a_side(location: Span) -> bool:
    return location.start > 0 and location.doc[location.start - 1].lower_ in _SIDE_STANDING


# Types whose object may be where it happens ("struck Aleppo", "visited Moscow", "besieged
# Madaya"); for the others a country as object is a party ("blaming Iran", "sanctioned Syria").
OBJECT_PLACE_TYPES = frozenset({"ASSAULT", "DIE", "CONSULT", "MOBILIZE", "COERCE"})
# Of these, types whose passive subject is where it happened as their object is ("Palmyra was
# recaptured", "Aleppo was struck"); a siege or seizure keeps the ground it holds as what it
# holds, in the passive as it was before ("Aleppo was besieged"), since that is its target; a
# death's passive subject is who died (a place there is a misparse: "in Eastern Ghouta another
# child was killed" made the Ghouta the subject).
PASSIVE_PLACE_TYPES = OBJECT_PLACE_TYPES - {"COERCE", "DIE"}


def assign_roles(
    slots: list[Slot],
    roles: dict[str, str],
    place_preps: frozenset[str],
    ents: dict[int, Span],
    object_places: bool = True,
    passive_places: bool = False,
) -> Arguments:
    """Map slots to roles; the first location under a place preposition is the place (and the
    object, where `object_places`, when it is a location; the passive's subject too, where
    `passive_places`)."""
    participants: list[tuple[str, Phrase]] = []
    place: Phrase | None = None
    place_prep: str | None = None
    seen: set[tuple[int, int]] = set()
    for slot in slots:
        role = roles.get(slot.name)
        loc = first_location(slot.head, ents) if slot.name in place_preps else None
        if place is None and loc is not None and (role is None or role == "counterpart"):
            place, place_prep = phrase_of_entity(loc), slot.name
            if role is None or ents.get(slot.head.i) is loc:
                continue
        if role is None:
            continue
        meant = refer_back(slot.head, ents)  # "the head of state": the president named before
        found = [meant] if meant is not None else phrases_for(slot.head, ents)
        where = _side_in_a_place(slot.head, found)
        if where is not None:
            # "a siege of opposition groups in Aleppo": the groups, held where they are
            found = [noun_phrase(slot.head)]
            if place is None:
                place, place_prep = where, "in"
        for phrase in found + led_by(slot.head, ents):
            key = (phrase.start, phrase.end)
            if key in seen:
                continue
            seen.add(key)
            # the passive's subject is the active's object ("Aleppo was besieged", "Palmyra
            # was recaptured by the army": where it happened, as in "besieged Aleppo")
            object_place = (object_places and slot.name == "object") or (
                passive_places
                and slot.name == "passive_subject"
                and _names_the_subject(slot, phrase)
            )
            if object_place and _people_came_from(slot.head, phrase):
                continue  # "struck a convoy of families from Madaya": no place, no target
            if phrase.label in LOCATION_LABELS and place is None and object_place:
                place, place_prep = phrase, "object"  # "visited Aleppo": the object is the place
                continue
            participants.append((role, phrase))
    return Arguments(tuple(participants), place, place_prep)


def _side_in_a_place(head: Token, found: list[Phrase]) -> Phrase | None:
    """The place a side's noun is "in", where its phrase names only that place ("opposition
    groups in Aleppo", "rebels in Daraya"): the side takes part, the place is where (the phrase
    reader gives the name inside a phrase, which for a side in a town is the town)."""
    if head.lower_ not in AGENT_HEADS or len(found) != 1:
        return None
    if found[0].label not in LOCATION_LABELS:
        return None
    held = any(
        dep(c) in ("nmod", "prep")
        and case_word(c) in ("in", "inside")
        and c.idx <= found[0].start < c.idx + len(c.text) + 1
        for c in head.children
    )
    return found[0] if held else None


LEADING_VERBS = frozenset({"headed", "led"})


def led_by(head: Token, ents: dict[int, Span]) -> list[Phrase]:
    """ "a delegation headed by X and Y": the named heads, to the end of the paragraph.

    The parser often breaks the sentence inside the long titles of the heads ("Maj. Gen."), so
    the heads are read from the entities after "by" rather than from the tree.
    """
    # The participle hangs off the noun ("a delegation headed by"); after a comma the parser
    # often hangs it off the verb instead ("received a delegation ..., led by").
    candidates = [c for c in head.children if dep(c) == "acl"]
    candidates += [c for c in head.head.children if dep(c) in ("conj", "advcl") and c.i > head.i]
    for child in candidates:
        if child.lower_ not in LEADING_VERBS:
            continue
        by = next((t for t in child.subtree if t.lower_ == "by"), None)
        if by is None:
            return []
        text = text_of(head.doc)
        stop = text.find("\n", by.idx)
        stop = len(text) if stop < 0 else stop
        people = {
            e.start: e
            for e in ents.values()
            if e.label_ == "PERSON" and by.idx < e.start_char < stop and (len(e) > 1 or e.ent_id_)
        }
        return [phrase_of_entity(people[k]) for k in sorted(people)]
    return []


def has_actor_entity(args: Arguments, labels: frozenset[str] = ACTOR_LABELS) -> bool:
    return any(p.label in labels for _, p in args.participants)
