"""One trigger token -> one event mention's content: type, arguments, negation, modality."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from sitrep.extract.agents import AGENT_HEADS
from sitrep.extract.arguments import (
    ACTOR_LABELS,
    CHARGING,
    OBJECT_PLACE_TYPES,
    PASSIVE_PLACE_TYPES,
    Arguments,
    Slot,
    assign_roles,
    copula_slots,
    has_actor_entity,
    has_object,
    is_passive,
    is_verbal,
    noun_slots,
    prep_slots,
    subject_slots,
    taking_part_prep,
    unmarked_count,
    verb_slots,
)
from sitrep.extract.deps import case_word, dep, prep_objects
from sitrep.extract.modes import refined_mode
from sitrep.extract.schema import (
    ClaimCues,
    EventSchema,
    Trigger,
    is_reporting_verb,
    load_event_schema,
    verb_lemma,
)
from sitrep.extract.spans import OBJECT_DEPS, SUBJECT_DEPS, Phrase

_POS_CLASS = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}
# How a trigger hangs on a modal word; "compound": "an invasion plan", "assassination plots".
_MODAL_SLOTS = frozenset(
    {"xcomp", "pcomp", "pobj", "dobj", "ccomp", "advcl", "acl", "obl", "compound"}
)
# Verbs that pledge only with an infinitive ("committed to send troops"); with an object they
# tell a deed ("committed a massacre").
_PLEDGING_BY_INFINITIVE = frozenset({"commit"})
_MODAL_AMODS = frozenset(
    {
        "proposed", "planned", "possible", "potential", "expected", "prospective",
        # still to come ("an imminent attack", which the tagger may read as a noun compound)
        "imminent", "impending", "looming",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Found:
    trigger: Trigger
    type: str
    mode: str | None
    args: Arguments
    negated: bool
    modality: str | None


def candidates(token: Token, schema: EventSchema) -> list[Trigger]:
    """Lexicon entries for `token`, preferring those of its part of speech."""
    entries = schema.by_form(token.text)
    if not entries:
        return []
    pos = "verb" if predicate_noun(token) else _POS_CLASS.get(token.pos_)
    if schema.read_as_noun(token):
        pos = "noun"  # "engaged in fierce clashes": a preposition's object, whatever its tag
    same = [t for t in entries if t.pos == pos]
    if same or pos is None:
        return same or entries
    if pos == "noun" and any(dep(c) in ("nummod", "det") for c in token.children):
        return []  # "500 Syrian pounds": a counted (or determined) noun has no verb reading
    if pos == "noun" and any(_plain_adjective(c) for c in token.lefts):
        return []  # "the alliances next target": its objective, which an adjective describes
    # The tagger can miss ("Soleimani travel to Moscow" tagged VERB): fall back to any entry,
    # but never let a noun/verb reading fire on function words.
    return entries if token.pos_ not in ("ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART") else []


def _plain_adjective(word: Token) -> bool:
    """An adjective of a thing's role before a noun ("the alliance's next target", "a legitimate
    target"): the noun names what someone aims at, not a happening. Only such adjectives:
    "other shells hit the neighbourhoods" is still a shelling, and the parse's "amod" also takes
    a verb it misread ("Jets bombed targets") or a name ("told SANA ...")."""
    return (
        dep(word) == "amod"
        and word.tag_ in ("JJ", "JJS", "JJR")
        and not word.ent_type_
        and word.lower_ in _ROLE_ADJECTIVES
    )


# Adjectives that tell what part a thing plays for someone: an aim, not a deed.
_ROLE_ADJECTIVES = frozenset(
    {"next", "main", "primary", "key", "prime", "ultimate", "likely", "possible", "potential",
     "future", "legitimate", "easy", "soft", "intended", "favourite", "favorite", "preferred"}
)  # fmt: skip


# What only words can attack: statements, decisions, policies ("Erdogan also attacked the
# proclamation of Golan Heights as Israeli territory", "critics attacked the plan").
FIGURATIVE_OBJECTS = frozenset(
    {
        "proclamation", "decision", "decisions", "policy", "policies", "statement", "statements",
        "remarks", "comments", "speech", "plan", "plans", "move", "law", "deal", "agreement",
        "proposal", "idea", "ideas", "claim", "claims", "recognition", "announcement", "report",
        "media", "press", "record", "stance", "rhetoric", "resolution", "bill", "budget",
        # what only words assign: "it has not assigned responsibility yet"
        "responsibility", "blame",
    }
)  # fmt: skip
# Types whose verbs words alone can do: attacking a plan, assigning blame
_FIGURATIVE_TYPES = frozenset({"ASSAULT", "APPOINT"})


def _figurative(verb: Token) -> bool:
    """A verb whose direct object is a statement, decision or policy."""
    return any(dep(c) == "dobj" and c.lower_ in FIGURATIVE_OBJECTS for c in verb.children)


def predicate_noun(token: Token) -> bool:
    """A word tagged as a noun that the parse makes a predicate, with a subject of its own and
    no copula ("other ISIL terrorists shot two civilians dead", "shot" tagged NOUN): the tagger
    missed a verb, and the subject and object are the verb's."""
    deps = {dep(c) for c in token.children}
    if token.pos_ == "ADJ":  # "Russian jets bombed Idlib", "bombed" tagged an adjective
        return "nsubj" in deps and "dobj" in deps and "cop" not in deps
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    return bool(deps & {"nsubj", "nsubjpass"}) and not deps & {"cop", "det", "poss", "nummod"}


def passive_predicate_noun(token: Token) -> bool:
    """A verb's participle tagged as a noun that a copula makes a predicate, with a subject and
    no article, possessive, count or preposition of its own ("X was shot in Amman"): a passive
    the tagger missed, whose subject suffered it ("was behind the attack" has a preposition)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    children = list(token.children)
    deps = {dep(c) for c in children}
    before = any(dep(c) == "case" and c.i < token.i for c in children)
    return "cop" in deps and "nsubj" in deps and not before and not deps & _NOUN_MARKS


_NOUN_MARKS = frozenset({"det", "poss", "nmod:poss", "nummod", "amod"})


# In a trigger's `objects`: any named place ("captured Raqqa", "seized Khan Tuman").
NAMED_PLACE_OBJECT = "PLACE"
_PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})


def _objects_ok(trig: Trigger, token: Token) -> bool:
    if not trig.objects:
        return True
    heads = [c for c in token.children if dep(c) in OBJECT_DEPS | {"nsubjpass", "nsubj:pass"}]
    heads += [c for c in token.children if unmarked_count(c)]  # "fired on Friday several shells"
    if dep(token) == "acl":
        heads.append(token.head)
    if token.pos_ == "NOUN":  # a noun's object is its "of" ("the capture of Tel Hamis")
        heads += [obj for word, obj in prep_objects(token) if word == "of"]
    else:  # what a verb provides someone "with" ("supplied the rebels with missiles")
        heads += [obj for word, obj in prep_objects(token) if word == "with"]
    places = NAMED_PLACE_OBJECT in trig.objects
    return any(
        t.lower_ in trig.objects or (places and t.ent_type_ in _PLACE_LABELS)
        for head in heads
        for t in (head, *head.conjuncts)
    )


def _told_with(means: frozenset[str], token: Token) -> bool:
    """Whether `token` is told with one of `means`, as its preposition's object or its
    compound: "spoke by phone", "a telephone call" (no call is made by "a call for talks")."""
    words = {c.lower_ for c in token.children if dep(c) == "compound"}
    words |= {obj.lower_ for _, obj in prep_objects(token)}
    return not means.isdisjoint(words)


def _channel_of_a_statement(token: Token) -> bool:
    """Whether a call is only how a statement reached its reporter: it hangs on a reporting
    verb ("said in a phone call with SANA", "speaking by phone, an activist said")."""
    head = token.head
    return head.i != token.i and is_reporting_verb(head.text)


def _subjects_ok(trig: Trigger, token: Token) -> bool:
    """A trigger that only some things can be the subject of: "a cargo plane crashed into
    houses", "a block of flats collapsed" (no talks crash, no truce collapses into deaths)."""
    if not trig.subjects:
        return True
    heads = [slot.head for slot in subject_slots(token)]  # (inherited: "..., and crashed")
    if dep(token) in ("acl", "amod"):
        heads.append(token.head)  # "the collapsed building"
    named = NAMED_SUBJECT in trig.subjects
    if named and is_passive(token):
        # a doer's trigger: "the school was hit by a mortar shell" is the shell's doing, and
        # "Syria was hit by unrest" no one's ("Syria" is what was hit)
        heads = [obj for word, obj in prep_objects(token) if word == "by"]
    return any(
        t.lower_ in trig.subjects or (named and t.ent_type_ in _NAMED_SUBJECT_LABELS)
        for head in heads
        for t in (head, *head.conjuncts)
    )


# In a trigger's `subjects`: any named group, state, people or person ("Russia hit ...").
NAMED_SUBJECT = "NAMED"
_NAMED_SUBJECT_LABELS = frozenset({"ORG", "NORP", "GPE", "LOC", "PERSON"})


def _slots_for(trig: Trigger, token: Token, schema: EventSchema):  # type: ignore[no-untyped-def]
    if trig.copula:
        return copula_slots(token)
    if trig.pos == "verb" and (is_verbal(token) or predicate_noun(token)):
        return verb_slots(token)
    if trig.pos == "verb" and passive_predicate_noun(token):
        # "Salameh was shot in Amman", "shot" tagged a noun with "was" as its copula
        subjects = [c for c in token.children if dep(c) in ("nsubj", "nsubj:pass", "nsubjpass")]
        return [Slot("passive_subject", c) for c in subjects] + prep_slots(token)
    if trig.pos == "adj":
        return verb_slots(token.head) if dep(token) == "acomp" else copula_slots(token)
    return noun_slots(token, schema)


def _arguments(
    slots: list[Slot], trig: Trigger, type_name: str, schema: EventSchema, ents: dict[int, Span]
) -> Arguments:
    roles = schema.role_map(trig, type_name)
    places = type_name in OBJECT_PLACE_TYPES
    preps = schema.place_preps | schema.types[type_name].place_preps
    passive = type_name in PASSIVE_PLACE_TYPES
    args = assign_roles(slots, roles, preps, ents, object_places=places, passive_places=passive)
    return args if args.place is not None else _placed_by_happening(args, slots, schema, ents)


def _placed_by_happening(
    args: Arguments, slots: list[Slot], schema: EventSchema, ents: dict[int, Span]
) -> Arguments:
    """`args` placed where the verb's object is, when that object is itself a happening the
    lexicon knows and nothing else places the verb: who "halted airstrikes in Aleppo" halted
    them in Aleppo."""
    for slot in slots:
        if slot.name == "object" and candidates(slot.head, schema):
            found = assign_roles(prep_slots(slot.head), {}, schema.place_preps, ents)
            if found.place is not None:
                return replace(args, place=found.place, place_prep=found.place_prep)
    return args


def analyse(
    token: Token, schema: EventSchema, cues: ClaimCues, ents: dict[int, Span]
) -> Found | None:
    """The event mention `token` triggers, if any lexicon entry fires on it."""
    if dep(token) in ("aux", "auxpass", "aux:pass") and not schema.read_as_noun(token):
        return None
    if _modifies_a_thing(token, schema):
        return None
    if _name_for_an_object(token):
        return None  # "called the attack a terrorist explosion": the attack's name, no other
    for trig in candidates(token, schema):
        if not _objects_ok(trig, token) or not _subjects_ok(trig, token):
            continue
        if _names_a_thing(token, trig.type):
            continue
        if trig.means and not _told_with(trig.means, token):
            continue
        if trig.means and _channel_of_a_statement(token):
            continue  # "sources said in a phone call with SANA": how it was said, no meeting
        slots = [s for s in _slots_for(trig, token, schema) if s.head.lower_ not in trig.means]
        type_name, mode = trig.type, trig.mode
        args = _arguments(slots, trig, type_name, schema, ents)
        if trig.person and has_actor_entity(args, frozenset({"PERSON"})):
            type_name, mode = trig.person
            args = _arguments(slots, trig, type_name, schema, ents)
        if trig.needs_place and args.place is None:
            continue
        if trig.needs_place and mode in _MOVES and trig.pos == "verb" and has_object(token):
            continue  # "who headed the UN team of inspectors in Iraq": led, did not go
        if trig.pos == "verb" and _takes_part_in_a_happening(token, schema):
            continue  # "entered into an agreement with the government of Syria": no one moved
        if type_name in _FIGURATIVE_TYPES and trig.pos == "verb" and _figurative(token):
            continue  # "Erdogan attacked the proclamation": words, not violence
        if trig.copula and not has_actor_entity(args, ACTOR_LABELS):
            continue
        if trig.copula and not _predicate_is_place(token, args):
            continue  # "were at odds over talks in Amman", "was flown to a clinic in Amman"
        if trig.copula and args.place_prep not in PRESENCE_PREPS:
            continue  # "Khan Tuman is near Orum al-Kubrah": where a place lies, nobody's stay
        if mode == "visit" and trig.pos != "noun" and not _named_visitor(trig, args, token.doc):
            continue  # "believers who visit the shrine", "the fighters were travelling to Jordan"
        if mode == "visit" and trig.needs_place and is_passive(token):
            continue  # "was flown to a hospital": carried, not visiting
        if mode == "visit" and trig.pos == "verb" and _craft_moves(token):
            continue  # "Six Tupolev bombers flew out of an airbase ... and conducted strikes"
        if (
            args.place is None
            and type_name not in SPECIFIC_TYPES  # an attack may get its place, actor or toll
            and not any(
                substantive(p, token.doc, trig.pos, type_name) for _, p in args.participants
            )
        ):  # from its sentence (extract.merge, extract.agents); `informative` judges it after
            continue  # "its support", "the states coordinate their efforts": nobody named
        mode = refined_mode(token, type_name, mode, schema)
        return Found(trig, type_name, mode, args, negated(token), modality(token, cues))
    return None


def _takes_part_in_a_happening(verb: Token, schema: EventSchema) -> bool:
    """Whether `verb` is a verb of taking part whose phrase names a happening the lexicon
    knows: that nominal is the event, and the verb only lends it its subject."""
    prep = taking_part_prep(verb)
    return prep is not None and any(
        word == prep and candidates(obj, schema) for word, obj in prep_objects(verb)
    )


# Where a copula puts someone ("Soleimani was in Moscow", "at the base"); "is near X", "is
# north of X" tell where a thing lies, not a stay.
PRESENCE_PREPS = frozenset({"in", "at", "inside"})


# A name-like chain from a predicate to the place it names: "in the city of Aleppo", "in the
# Syrian capital, Damascus". A place deeper in the predicate ("at odds over how to deal with
# Jordan") is not where the subject is.
_PLACE_CHAIN = frozenset({"compound", "flat", "flat:name", "appos", "nmod", "amod"})


def _predicate_is_place(token: Token, args: Arguments) -> bool:
    """A copula's presence ("Soleimani was in Moscow") says where someone is only when its
    predicate is the place itself, reached by a nominal chain: not a verb the parser took a
    passive's "was" for, and not a noun that merely has a place somewhere beneath it."""
    if dep(token) != "cop" or args.place is None:
        return dep(token) != "cop"  # a "be" that is not a copula keeps the old reading
    place, node = args.place, token.head
    if not case_word(node) and node.ent_type_ in ACTOR_LABELS:  # "Mr. Soleimani in Moscow was
        node = next((c for c in node.children if _covers(c, place)), node)  # not": X heads it
    for _ in range(3):
        if node.pos_ not in ("NOUN", "PROPN"):
            return False
        if place.start <= node.idx < place.end:
            return True
        inside = [
            c
            for c in node.children
            if dep(c) in _PLACE_CHAIN
            and (dep(c) != "nmod" or case_word(c) in (None, "of"))
            and _covers(c, place)
        ]
        if not inside:
            return False
        node = inside[0]
    return False


def _covers(token: Token, place: Phrase) -> bool:
    """The place lies within the token's subtree."""
    right = token.right_edge
    return token.left_edge.idx <= place.start and place.end <= right.idx + len(right)


# Who travels, flies or visits: a person, a body, a side ("Syrian opposition leaders"); for
# "visit", a state too (a state's delegation is often named by the state). A plain noun phrase
# ("the world", "the anti-regime fighters") is no visitor, and for movement verbs ("travel",
# "fly") neither is a place: it is the destination the parser hung on the subject.
_VISITORS = frozenset({"PERSON", "ORG", "LOC", "NORP"})
_TRAVELLERS = frozenset({"PERSON", "ORG", "NORP"})


def _named_visitor(trig: Trigger, args: Arguments, doc: Doc) -> bool:
    """No visitor yet is no objection: the agents stage may find one in the sentence
    (extract.agents); a visitor found that names nobody is. A phrase whose name only describes
    its people names them ("Syrian opposition leaders": the leaders, whom "Syrian" places)."""
    labels = _TRAVELLERS if trig.needs_place else _VISITORS
    actors = [p for role, p in args.participants if role == "actor"]
    return not actors or any(
        p.label in labels or (p.label == "NP" and _name_inside(p, labels, doc)) for p in actors
    )


def _name_inside(phrase: Phrase, labels: frozenset[str], doc: Doc) -> bool:
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in labels for t in span)


# Craft that fly or sail on a mission: what they do is the mission's (a strike, a patrol), and
# no one visits anybody by them.
_CRAFT = frozenset(
    {
        "bomber", "bombers", "jet", "jets", "warplane", "warplanes", "plane", "planes",
        "aircraft", "helicopter", "helicopters", "drone", "drones", "fighter-bomber",
        "fighter-bombers", "warship", "warships", "ship", "ships", "vessel", "vessels",
    }
)  # fmt: skip


def _craft_moves(token: Token) -> bool:
    """The subject of a travel verb is a craft ("bombers flew out of an airbase")."""
    heads = [slot.head for slot in subject_slots(token)]
    return any(head.lower_ in _CRAFT for head in heads)


def _modifies_a_thing(token: Token, schema: EventSchema) -> bool:
    """ "the main fighting force", "a strike group": a trigger word that only describes a
    thing is no happening; one that describes another happening ("a bomb attack") still tells
    it."""
    head = token.head
    if head.i == token.i or token.i > head.i:
        return False
    # A compound noun only in its gerund ("fighting force"): "raids" hanging off a "hit" the
    # tagger took for a noun ("air raids hit ...") is still the happening.
    # ... or any compound right before a force's noun: "Daesh assault units", "a strike force"
    force = head.lower_ in AGENT_HEADS and head.i == token.i + 1
    gerund_or_force = token.lower_.endswith("ing") or force
    describes = dep(token) == "amod" or (dep(token) == "compound" and gerund_or_force)
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].like_num:
        return False  # "killed 18 fighters" the parser read as "killed fighters": a verb
    return describes and head.pos_ in ("NOUN", "PROPN") and not schema.by_form(head.text)


# Types whose words are attacks and deaths: where the parser hangs one as a compound inside a
# determined phrase, the commas a table stripped are as often to blame ("the other seven
# strikes hit sites", "began an assault southeast of Ramussa") as a real modifier.
_ATTACKS_AND_DEATHS = frozenset({"ASSAULT", "DIE"})


def _names_a_thing(token: Token, type_name: str) -> bool:
    """ "a key Daesh supply route", "the High Negotiations Committee": a trigger word inside a
    noun phrase its determiner opens is part of the thing's name or kind, no happening."""
    if type_name in _ATTACKS_AND_DEATHS or dep(token) != "compound":
        return False
    head = token.head
    if head.i <= token.i:
        return False
    return any(dep(c) == "det" and c.i < token.i for c in head.children)


# Types specific enough that any participant will do: "an airstrike killed 12 civilians".
SPECIFIC_TYPES = frozenset({"ASSAULT", "DIE"})


def substantive(phrase: Phrase, doc: Doc, pos: str, type_name: str) -> bool:
    """A participant that names someone: an entity, or (for a verb) a phrase with a name in it.

    A nominal trigger is vague on its own ("the arrival of Iranian troops", "talks with the
    Russian officials"): without a place it needs a named participant to be an event.
    """
    if phrase.label != "NP":
        return True
    if type_name in SPECIFIC_TYPES:
        return True  # "the strikes killed 20 people": the victims need no name
    if pos == "noun":
        return False
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is not None and type_name in COUNTED_TYPES and counts_people(span):
        return True  # "two suspects were arrested": a count is what a coder records
    return span is not None and any(t.ent_type_ or t.pos_ == "PROPN" for t in span)


# Types whose counted targets are codable however unnamed: arrests, abductions ("police
# arrested two suspects", "gunmen kidnapped 12 workers").
COUNTED_TYPES = frozenset({"COERCE"})


def counts_people(span: Span) -> bool:
    """A phrase that counts someone: a number before its head noun ("two suspects")."""
    head = span.root
    nominal = head.pos_ in ("NOUN", "PROPN") or head.tag_.startswith("NN")
    return nominal and any(t.like_num and t.i < head.i and t.pos_ == "NUM" for t in span)


def negated(token: Token) -> bool:
    """ "was not", "did not visit", "no visit", "never arrived"."""
    if _counterfactual(token) == "happened":
        return False  # "if the guards had not killed the bomber, ...": they killed him
    if any(dep(c) == "neg" or c.lower_ in ("never",) for c in token.children):
        return True
    if any(dep(c) == "det" and c.lower_ == "no" for c in token.children):
        return True
    head = token.head
    if dep(token) == "cop":
        return any(dep(c) == "neg" for c in head.children)
    if dep(token) in OBJECT_DEPS | SUBJECT_DEPS and head.i != token.i:
        return any(dep(c) == "neg" for c in head.children)
    if dep(token) == "xcomp" and head.i != token.i:
        # "failed to take the town", "were unable to kill", "were not able to reach"
        if head.lower_ == "unable" or verb_lemma(head.text, _FAILING) is not None:
            return True
        able = head.lower_ == "able" or verb_lemma(head.text, _MANAGING) is not None
        return able and any(dep(c) == "neg" for c in head.children)
    return False


# Verbs that say their infinitive did not happen ("failed to storm the base"), and those that
# say it did unless negated ("did not manage to reach the town").
_FAILING = frozenset({"fail", "refuse"})
_MANAGING = frozenset({"manage"})


def _instead_of(token: Token) -> bool:
    """Inside what "instead of" sets aside ("Instead of pressing the regime to engage in
    negotiations, Russia bombed the town"): what was not done."""
    for node in (token, *token.ancestors):
        for child in node.children:
            after = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
            if child.lower_ == "instead" and after is not None and after.lower_ == "of":
                return child.i < token.i
    return False


def _so_called(token: Token) -> bool:
    return token.lower_ == "called" and token.i > 0 and token.doc[token.i - 1].lower_ == "so"


def modality(token: Token, cues: ClaimCues) -> str | None:
    """Why the mention is not a statement of fact: a modal, a plan, a call, a proposal, a
    purpose ("conducts strikes to support the SDF": the support is what the strikes are for).

    A noun listed after another stands where the first of the list stands: "they must not send
    weapons, fighter jets, bombs" asks that no bombs be sent as much as no weapons (the parse
    hangs "bombs" on "weapons", not on "send"). Only nouns: a verb joined to a purpose ("to
    prevent them advancing and killed 20") is as often a parse's slip as a second purpose."""
    own = _own_modality(token, cues) or _predicated_aim(token, cues)
    if own is None and _listed_noun(token):
        return modality(token.head, cues)
    return own


_NOUNS = frozenset({"NOUN", "PROPN"})


def _listed_noun(token: Token) -> bool:
    """A noun joined to a noun before it ("weapons, fighter jets, bombs")."""
    head = token.head
    return dep(token) == "conj" and head.i < token.i and {token.pos_, head.pos_} <= _NOUNS


# Verbs of a phase of doing: their infinitive is what goes on, begins or resumes, no aim.
_PHASE_VERBS = frozenset({"continue", "begin", "start", "resume"})


def _phase_of(verb: Token) -> bool:
    """ "forces continued to shell the town": the parse may make the infinitive an adverbial
    clause, which reads as a purpose; after a verb of a phase it is the shelling itself."""
    return verb.head.i != verb.i and verb_lemma(verb.head.text, _PHASE_VERBS) is not None


def _own_modality(token: Token, cues: ClaimCues) -> str | None:
    owners = [token, token.head] if dep(token) == "cop" else [token]
    for child in (c for owner in owners for c in owner.children):  # "wouldn't be in power"
        if dep(child) in ("aux", "aux:pass") and child.lower_ in cues.modal_auxiliaries:
            return child.lower_
        if dep(child) in ("amod", "compound") and child.lower_ in _MODAL_AMODS:
            return child.lower_
    if dep(token) == "advcl" and _infinitive(token) and not _phase_of(token):
        return "purpose"
    if dep(token) == "acl" and _infinitive(token) and _force_on_a_mission(token.head):
        return "purpose"  # "U.S. troops there to eliminate IS elements": what they are for
    if _scheduled(token) or _to_be_done(token):
        return "planned"
    if _warned_against(token):
        return "warning"
    counterfactual = _counterfactual(token)
    if counterfactual == "happened":
        return None
    if counterfactual == "unreal" or _in_a_condition(token) or _instead_of(token):
        return "condition"
    if _accused_of(token):
        return "alleged"
    node = token
    for _ in range(4):  # "would consider sending troops", "called for the ouster of ..."
        head = node.head
        if head.i == node.i:  # the root (spaCy makes a new Token each time: compare indices)
            return None
        if head.pos_ == "ADP" and head.lower_ in ("for", "to", "on"):
            node = head
            continue
        if _so_called(head):
            return None  # "the so called Jaish al-Islam targeted ...": a name's label, no call
        governor = verb_lemma(head.text, cues.modal_governors)
        if governor is None and dep(node) == "xcomp":
            # "committing to send more troops": a pledge, though "committed a massacre" is done
            governor = verb_lemma(head.text, _PLEDGING_BY_INFINITIVE)
        noun = _modal_noun(head, cues)
        if governor and _reason_of_object(node, head):
            return None  # "vowed revenge for Tuesday's strike": the strike is why, and done
        if governor and _named_object(node, head):
            return None  # "called the attack a crime": the attack is named, not asked for
        if (noun or governor) and dep(node) in _MODAL_SLOTS:
            return governor or noun
        if noun in _MAYBE_NOUNS and dep(node) == "nmod" and case_word(node) == "of":
            return noun  # "raised fears of a lengthy siege", "the threat of new strikes"
        if head.pos_ in ("VERB", "AUX") and dep(node) == "nsubj" and head.lower_ in _UNFOLD:
            # "an offensive ... would begin in the next few weeks": a modal on its beginning
            modal = [c.lower_ for c in head.children if dep(c) == "aux"]
            return next((m for m in modal if m in cues.modal_auxiliaries), None)
        if head.pos_ in ("VERB", "AUX") and dep(node) in OBJECT_DEPS | {"xcomp"}:
            for child in head.children:
                if dep(child) == "aux" and child.lower_ in cues.modal_auxiliaries:
                    return None if _told_as_known(node, head) else child.lower_
            if _infinitive(head) and dep(head) == "advcl":
                return "purpose"  # "the Council met to address the fighting": its topic
            if _infinitive(head) and dep(head) in _MODAL_SLOTS:
                node = head  # "any plan to increase sanctions": the infinitive's own governor
                continue
        return None
    return None


# Modes of going somewhere: a verb of them with a direct object leads or carries something.
_MOVES = frozenset({"visit", "deploy"})
_CONDITION_MARKS = frozenset({"if", "unless"})


def _reason_of_object(node: Token, verb: Token) -> bool:
    """A "for" phrase beside a verb's object gives the object's reason, not what is vowed or
    asked: "vowed revenge for the strike", "demanded punishment for the massacre" (without an
    object, "called for strikes", it is what is asked)."""
    # (the parse may hang the "for" on a compound: "for Sunday's air strike")
    words = [node, *(c for c in node.lefts if dep(c) == "compound")]
    return (
        dep(node) == "obl"
        and any(case_word(word) == "for" for word in words)
        and any(dep(c) in OBJECT_DEPS for c in verb.children)
    )


def _name_for_an_object(token: Token) -> bool:
    """A noun that predicates of a verb's object ("called the attack a terrorist explosion",
    "deemed the raid a massacre"): what the object is called, not a happening of its own."""
    verb = token.head
    return (
        token.pos_ == "NOUN"
        and dep(token) in ("xcomp", "oprd")
        and verb.i != token.i
        and verb.pos_ == "VERB"
        and any(dep(c) in OBJECT_DEPS and c.i < token.i for c in verb.children)
    )


def _named_object(node: Token, verb: Token) -> bool:
    """A verb's object with a noun or adjective after it that says what the object is:
    "called the attack a cowardly crime", "considered the bombing terrorist". The verb names
    or judges what it takes, which happened; "called for strikes" (no such predicate) asks."""
    return dep(node) in OBJECT_DEPS and any(
        dep(c) in ("xcomp", "oprd") and c.i > node.i and c.pos_ in ("NOUN", "ADJ")
        for c in verb.children
    )


_NEGATIONS = frozenset({"not", "n't", "never"})


def _counterfactual(token: Token) -> str | None:
    """A past counterfactual, "if X had (not) done Y": negated, it tells that Y happened ("if
    the guards had not shot the bomber, the toll would have been higher"); otherwise that it
    did not ("if the army had attacked"). The past perfect after "if" is what marks it, read
    from the clause's own words, since without the comma the parse may make it the root."""
    clause = token
    if token.pos_ in _NOUNS and dep(token) in SUBJECT_DEPS | OBJECT_DEPS:
        clause = token.head
    words = list(clause.children)
    if not any(dep(c) == "mark" and c.lower_ == "if" for c in words):
        return None
    if not any(dep(c) == "aux" and c.lower_ in ("had", "'d") for c in words):
        return None
    return "happened" if any(c.lower_ in _NEGATIONS for c in words) else "unreal"


def _in_a_condition(token: Token) -> bool:
    """A happening in an adverbial clause of "if" or "unless" is a condition, not news:
    "threatening to strike the villages if barrel bombs were used again by the army"
    (a clause of "if" that a verb takes as its object asks, which `newsworthy` reads)."""
    clause = token
    if token.pos_ in _NOUNS and dep(token) in SUBJECT_DEPS | OBJECT_DEPS:
        clause = token.head
    return dep(clause) == "advcl" and any(
        dep(c) == "mark" and c.lower_ in _CONDITION_MARKS for c in clause.children
    )


# Verbs a happening is the subject of when its beginning or course is told ("the offensive
# will begin", "the talks would resume"), in the bare form a modal takes.
_UNFOLD = frozenset({"begin", "start", "commence", "resume", "continue", "happen", "occur",
                     "come", "take"})  # fmt: skip


# Modifiers that say a happening is already known: "would raise a reported chemical attack".
_KNOWN_AMODS = frozenset({"reported", "alleged", "suspected", "recent", "latest", "last"})


def _told_as_known(noun: Token, verb: Token) -> bool:
    """A nominal a modal verb only speaks about, told as a happening already known ("Britain
    would raise a reported chemical weapons attack at the Council"): the happening is reported,
    not planned. A support verb makes it the plan ("would launch a reported offensive")."""
    support = load_event_schema().support_verbs
    if noun.pos_ not in _NOUNS or verb_lemma(verb.text, support) is not None:
        return False
    # (anywhere before the noun in its phrase: "a reported chemical weapons attack" hangs
    # "reported" on "weapons")
    before = (t for t in noun.subtree if t.i < noun.i)
    return any(dep(t) == "amod" and t.lower_ in _KNOWN_AMODS for t in before)


def _predicated_aim(token: Token, cues: ClaimCues) -> str | None:
    """The modal noun whose content the clause of `token` is, told by a copula and an
    infinitive: "The aim of these actions is to forge another pretext for ... triggering new
    US strikes", "the plan is to strike the port": all below the infinitive is what is aimed
    at or planned, however deep the parse hangs the trigger in it."""
    node = token
    for _ in range(_MAX_DEPTH):
        if _infinitive(node) and any(dep(c) == "cop" for c in node.children):
            aims = (c for c in node.children if dep(c) in _AIM_SUBJECTS)
            return next((noun for c in aims if (noun := _modal_noun(c, cues))), None)
        if node.head.i == node.i or dep(node) in _AIM_SUBJECTS:
            return None  # the aim itself, "the aim of these actions", is no content of it
        node = node.head
    return None


_AIM_SUBJECTS = SUBJECT_DEPS | {"nsubj:outer"}


# How far up a trigger's clause a predicated aim is looked for (a sentence's depth, at most).
_MAX_DEPTH = 12


# Verbs that warn off a happening still to come: "Moscow warns against new US strikes".
_WARNING = re.compile(r"^(?:warn|caution)(?:s|ed|ing)?$", re.I)


def _warned_against(token: Token) -> bool:
    """The trigger is what someone warns against."""
    against = any(dep(c) == "case" and c.lower_ == "against" for c in token.children)
    return against and _WARNING.match(token.head.text) is not None


# Verbs that charge someone with a deed: "accused rebel groups of firing mortars", "blamed the
# army for shelling the town". The deed told by the gerund is the charge's content, told as the
# accusation (its own event); the happening, if the report tells it, is told in a sentence of
# its own. A happening named by a noun is presupposed, only its author charged ("accused the
# army of carrying out the attack", "of launching a gas attack that killed hundreds").
_CHARGE_MARKS = frozenset({"of", "for", "with"})


def _accused_of(token: Token) -> bool:
    """The trigger is a gerund after "of" / "for" / "with" on an accusing verb or its object."""
    if token.tag_ != "VBG" or token.i == token.head.i:
        return False
    if not any(dep(c) == "mark" and c.lower_ in _CHARGE_MARKS for c in token.children):
        return False
    verb = token.head
    if dep(verb) in OBJECT_DEPS and verb.head.i != verb.i:
        verb = verb.head  # "accused [rebel groups] of firing": the gerund hangs on the object
    return CHARGING.match(verb.text) is not None


# Verbs of scheduling whose subject is a happening still to come: "the meeting is set to open
# tomorrow", "talks are scheduled to begin". Only with the subject and an infinitive, as "set"
# and "expected" have other readings ("set off a bomb", "the expected attack came").
_SCHEDULING = frozenset({"set", "scheduled", "slated", "expected", "poised"})


_BE_FORMS = frozenset({"is", "are", "was", "were", "'s", "'re"})


def _to_be_done(token: Token) -> bool:
    """ "Kerry is to meet Lavrov", "Kerry and Lavrov were to hold talks": the "be to" of a plan,
    told of the trigger or of the verb that carries it, by someone named ("Their plan was to
    strike" is the plan's, which its noun names)."""
    verbs = [token]
    if dep(token) in OBJECT_DEPS and token.head.pos_ in ("VERB", "AUX"):
        verbs.append(token.head)
    for verb in verbs:
        subjects = [c for c in verb.children if dep(c) in _AIM_SUBJECTS]
        if not any(c.ent_type_ or c.pos_ == "PROPN" for c in subjects):
            continue  # "The first step was to shell the town": what the step was, no plan
        marked = [c for c in verb.children if c.lower_ == "to" and dep(c) in ("mark", "aux")]
        if marked and any(
            c.lower_ in _BE_FORMS and c.i < marked[0].i and dep(c) in ("cop", "aux")
            for c in verb.children
        ):
            return True
    return False


def _scheduled(token: Token) -> bool:
    """The trigger is the subject of a verb of scheduling that takes an infinitive."""
    head = token.head
    if dep(token) not in SUBJECT_DEPS or head.lower_ not in _SCHEDULING:
        return False
    return any(dep(c) == "xcomp" and _infinitive(c) for c in head.children)


# Modal nouns whose "of" phrase is what may come, not what was done ("the threat of an
# attack"; "the aim of the attack" names an attack that was made).
_MAYBE_NOUNS = frozenset({"threat", "possibility", "prospect", "fear", "risk", "danger"})


def _modal_noun(token: Token, cues: ClaimCues) -> str | None:
    """ "plan", "plans", "plots": the singular of a modal noun (the pipeline has no lemmas)."""
    for form in (token.lower_, token.lower_.removesuffix("s")):
        if form in cues.modal_nouns:
            return form
    return None


# Words that rank the one an infinitive describes, whose infinitive tells what was done: "the
# first troops to enter the town", "the only force to reach Raqqa".
_RANKS = frozenset({"first", "second", "third", "last", "only", "latest", "next"})


def _force_on_a_mission(noun: Token) -> bool:
    """Whether `noun` heads a force whose infinitive tells what it is there for, unranked (an
    operation "to capture" fighters tells the operation itself, which is done)."""
    ranked = any(
        dep(c) == "amod" and (c.lower_ in _RANKS or c.tag_ == "JJS") for c in noun.children
    )
    return noun.lower_ in AGENT_HEADS and not ranked


def _infinitive(verb: Token) -> bool:
    """A verb with "to" before it: "to support", "(in order) to strike"."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.tag_ == "TO" and dep(c) in ("aux", "mark") and c.i < verb.i for c in verb.children
    )
