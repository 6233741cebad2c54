"""Token and span helpers over a parsed spaCy Doc: entities under a head, noun phrases, clauses.

The trained pipeline has no lemmatizer, so nothing here relies on `token.lemma_`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.extract.deps import case_word, dep
from sitrep.extract.nouns import AGENT_MODIFIERS, ATTACK_NOUNS, CRAFT_NOUNS, MILITARY_ACTION_NOUNS
from sitrep.extract.schema import load_claim_cues, verb_lemma
from sitrep.extract.within import NATIONALITY_PLACES
from sitrep.nlp.spans import ents_before, text_of
from sitrep.nlp.types import person_nouns

# Dependents that start a new clause: their subtree is not part of the head's own phrase.
CLAUSE_DEPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "csubj", "cc", "punct"}
)
# Dependents kept in a noun phrase's compact text ("the Lebanese newspaper As-Safir").
NP_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "quantmod", "poss", "case", "flat", "advmod"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "dative", "oprd"})
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})


@dataclass(frozen=True)
class Phrase:
    """A participant or a source as found: its text and offsets, entity label and pack id."""

    text: str
    start: int
    end: int
    label: str  # the entity label, or "NP" for a plain noun phrase
    pack_id: str | None = None


def entity_index(doc: Doc) -> dict[int, Span]:
    """Token index -> the entity span that covers it."""
    return {token.i: ent for ent in doc.ents for token in ent}


# Words an entity span must not end on: "Turkish and", "Minister of foreign Affairs of".
DANGLING = frozenset({"and", "or", "of", "the", "in", "for", ",", "'s", "’s"})


def phrase_of_entity(ent: Span) -> Phrase:
    end = ent.end
    while end - 1 > ent.start and ent.doc[end - 1].lower_ in DANGLING:
        end -= 1
    span = ent.doc[ent.start : end]
    return Phrase(span.text, span.start_char, span.end_char, ent.label_, ent.ent_id_ or None)


def noun_phrase(head: Token) -> Phrase:
    """The compact noun phrase around `head`: determiners and modifiers, no clauses or preps."""
    keep = [head]
    stack = [c for c in head.children if dep(c) in NP_DEPS or dep(c) in ("flat", "appos")]
    while stack:
        tok = stack.pop()
        if dep(tok) == "appos" or (dep(tok) == "case" and tok.lower_ not in _POSSESSIVE):
            continue  # UD hangs prepositions off the noun: "with the agency" -> "the agency"
        if dep(tok) == "advmod" and tok.i > head.i and any(dep(c) == "fixed" for c in tok.children):
            continue  # "A man and his sons as well as a boy": a coordinator of several words
        keep.append(tok)
        stack.extend(c for c in tok.children if dep(c) in NP_DEPS)
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    lo = _after_cited(head, lo)
    lo = _after_sentence_adverb(head, lo)
    lo, hi = _before_a_verb(head, keep, lo, hi)
    span = head.doc[lo : hi + 1]
    return Phrase(span.text, span.start_char, span.end_char, "NP")


def _before_a_verb(head: Token, keep: list[Token], lo: int, hi: int) -> tuple[int, int]:
    """A phrase's words the parse joined across a verb of another clause ("killed a civilian
    and causing material damage": "civilian" hung on "damage"): the words before the verb,
    told first as the object, are the phrase; a coordinator before the verb is left out."""
    kept = {t.i for t in keep}
    doc = head.doc
    verb = next(
        (i for i in range(lo + 1, hi) if i not in kept and doc[i].tag_ in _VERB_FORMS), None
    )
    if verb is None:
        return lo, hi
    end = verb - 1
    while end > lo and (doc[end].pos_ in ("CCONJ", "PUNCT") or doc[end].i not in kept):
        end -= 1
    if any(doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") for i in range(lo, end + 1)):
        return lo, end
    return lo, hi


def _after_cited(head: Token, lo: int) -> int:
    """Where a phrase starts once a source cited right before it is left out: "According to
    the Observatory four soldiers were killed", run together without the comma, parses "the
    Observatory" into the soldiers' phrase; the name after "according to" is who tells it."""
    doc = head.doc
    if lo < 2 or doc[lo - 2].lower_ != "according" or doc[lo - 1].lower_ != "to":
        return lo
    cited = lo + 1 if doc[lo].pos_ == "DET" else lo
    if cited >= head.i:
        return lo
    if doc[cited].ent_type_:
        end = cited
        while end + 1 < head.i and doc[end + 1].ent_iob_ == "I":
            end += 1
        return end + 1
    return lo


def _after_sentence_adverb(head: Token, lo: int) -> int:
    """Where a phrase starts once an adverb opening the sentence is left out: "Earlier a source
    at the police command said", "Meanwhile civil sources said" (the parse hung the adverb on
    the noun). The adverb tells when or in what order the report comes, not who speaks. An
    adverb before a number stays: "Nearly 200 civilians", "Almost a dozen civilians" count
    them."""
    doc = head.doc
    first = doc[lo]
    if lo != first.sent.start or lo >= head.i or first.tag_ not in ("RB", "RBR", "RBS"):
        return lo
    if any(t.like_num or t.tag_ == "CD" for t in doc[lo + 1 : min(lo + 3, head.i + 1)]):
        return lo
    return lo + 1


def clause_tokens(head: Token) -> Iterator[Token]:
    """`head`'s subtree without the subtrees of dependent clauses (conj, relcl, ccomp ...)."""
    yield head
    for child in head.children:
        if dep(child) in CLAUSE_DEPS - {"punct"}:
            continue
        yield from clause_tokens(child)


def entities_under(
    head: Token, ents: dict[int, Span], labels: frozenset[str] | None = None
) -> list[Span]:
    """Entities in the phrase of `head` (not in its dependent clauses), in text order."""
    found: dict[int, Span] = {}
    for tok in clause_tokens(head):
        ent = ents.get(tok.i)
        if ent is not None and (labels is None or ent.label_ in labels):
            found[ent.start] = ent
    return [found[k] for k in sorted(found)]


def antecedent(token: Token, ents: dict[int, Span]) -> Span | None:
    """The nearest PERSON entity before a pronoun: the simple coreference a news sentence needs."""
    return person_before(token.doc, token.idx)


def person_before(doc: Doc, char: int) -> Span | None:
    """The last PERSON before `char`, preferring one that is a subject ("X met Y. His ...")."""
    people = ents_before(doc, char, "PERSON")
    subjects = [e for e in people if dep(e.root) in ("nsubj", "nsubjpass", "nsubj:pass")]
    if subjects and people and subjects[-1].sent == people[-1].sent:
        return subjects[-1]
    return people[-1] if people else None


def phrases_for(head: Token, ents: dict[int, Span]) -> list[Phrase]:
    """What an argument head names: its entity, else entities in its phrase, else the phrase.

    Appositions count ("a member of the committee, Omar Rahmon"); a pronoun resolves to the
    nearest preceding PERSON; relative pronouns are the caller's business.
    """
    ent = ents.get(head.i)
    if ent is not None:
        return [phrase_of_entity(_person_described(head, ent, ents) or ent)]
    if head.lower_ in RELATIVE or head.pos_ in ("PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PART"):
        return []  # never a participant: "who", "»", "the"
    if head.lower_ in PRONOUNS and head.pos_ in ("PRON", "DET", ""):
        ante = antecedent(head, ents)
        return [phrase_of_entity(ante)] if ante is not None else []
    if head.lower_ in ("it", "its") and head.pos_ in ("PRON", "DET", ""):
        speaker = _reporting_subject(head)
        return phrases_for(speaker, ents) if speaker is not None else [noun_phrase(head)]
    if head.lower_ == "their" and head.pos_ in ("PRON", "DET", ""):
        # "Russian and Syrian planes intensified their bombing": the clause's own subject
        owner = _clause_subject(head.head)
        return phrases_for(owner, ents) if owner is not None else []
    if head.lower_ == "them" and head.pos_ in ("PRON", ""):
        # "The journalists were freed three days after gunmen kidnapped them": the ones the
        # clause the "after" clause hangs on tells of
        other = _subject_of_the_other_clause(head)
        if other is not None:
            return phrases_for(other, ents)
    if head.lower_ == "they" and head.pos_ in ("PRON", ""):
        # "Rebels said they shelled the airport"; "The SDF ... have been advancing towards the
        # city. ... They continue to battle for Tabqa"
        speaker = _reporting_subject(head)
        if speaker is not None and not _can_be_they(speaker):
            speaker = None  # "they later intervened ..., a general said": not the general
        speaker = speaker or previous_subject(head, plural=True)
        if speaker is not None:
            return phrases_for(speaker, ents)
    for child in head.children:
        if dep(child) == "appos":
            inner = phrases_for(child, ents)
            if inner and inner[0].label != "NP" and not _place_for_people(head, inner[0]):
                return inner
    sworn = _sworn_to(head)
    if sworn is not None:
        # "troops loyal to President X": the troops, whose allegiance the name tells; the
        # name alone would be read as the troops (or as whom they harmed)
        doc, first = head.doc, noun_phrase(head)
        last = doc[max(t.i for t in sworn.subtree)]
        text = text_of(doc)[first.start : last.idx + len(last.text)]
        return [Phrase(text, first.start, last.idx + len(last.text), "NP")]
    agents = _agents_of_attacks(head, ents)
    if agents:
        return agents
    named = surname_of(head) or owner_of(head, ents) or titled(head, ents)
    if named is not None:
        return [named]
    people = entities_under(head, ents, frozenset({"PERSON"}))
    if people and head.lower_ in _LEADERS_SIDES and all(e.end <= head.i for e in people):
        # "the Bashar al-Assad regime", "Assad forces": the side, from the leader's name on
        start, end = people[0].start_char, head.idx + len(head.text)
        return [Phrase(text_of(head.doc)[start:end], start, end, "NP")]
    if people:
        return [phrase_of_entity(people[0])]
    # "the al-Qaeda-linked al-Nusra Front": a name glued to a participle describes the name
    # after it, and is never the one the phrase names
    found = [e for e in entities_under(head, ents) if not _glued_to_participle(e)]
    if head.pos_ in ("PROPN",) and found:
        return [phrase_of_entity(found[0])]
    if found and head.lower_ not in _GENERIC_HEADS:
        # "Iranian revolutionary guards": the entity inside names the participant; one before
        # the head before one after it ("Daesh militants in Raqqa" are Daesh's, not Raqqa's).
        # A place after it stays the answer ("civilians in Aleppo": the agents stage makes it
        # the event's place); a group or person after another preposition does not name it
        # ("organizations on the X school").
        # The group "15 members of X in Banish" belong to is X, the place only where no one
        # owns them.
        # A name right after its kind is the head's own name ("Syrias official news agency
        # SANA", "the militia Kataib Hezbollah"), whoever owns it before.
        own_name = [e for e in found if e.start == head.i + 1 and e.label_ in _OWN_NAME_LABELS]
        if own_name:
            return [phrase_of_entity(own_name[0])]
        before = [e for e in found if e.end <= head.i]
        if (
            head.lower_ in _NON_STATE_PEOPLE
            and before
            and all(e.label_ in _WHERE_FROM for e in before)
        ):
            # "Syrian rebels", "Syria rebels": where they are from, not the state's people
            return [noun_phrase(head)]
        nationality = before and all(e.label_ == "NORP" for e in before)
        if nationality and head.lower_ in NATIONALITY_PLACES:
            # "struck an eastern Syrian town": a place, whose country the nationality tells;
            # it names no one hit
            return [noun_phrase(head)]
        if before and all(_leads(e, head) for e in before) and head.lower_ not in _SIDE_DOES:
            # "the US-led coalition": a country that leads a body is not the body; the
            # coalition is its own actor ("US-led air strikes" stay the leader's: see agents)
            return [noun_phrase(head)]
        if before and all(e.label_ == "NORP" for e in before) and _people_not_a_state(head):
            # "the Kurdish militia", "Syrian surgeons": a nationality describes the people the
            # noun names; it is never them
            return [noun_phrase(head)]
        members = _people_of_a_group(head)
        if members is not None and all(e.start > head.i for e in found):
            # "a group of Syrian doctors": the group is the doctors, whatever names describe them
            return [_joined(head.doc, noun_phrase(head), noun_phrase(members))]
        if before and all(e.label_ == "NORP" for e in before) and _one_person(head):
            # "his Russian counterpart": a person, whose office's state the nationality tells
            return [noun_phrase(head)]
        owned = [e for e in found if e.end > head.i and _owned_by(head, e)]
        owners = before[-1:] or owned[:1]
        if owners and _nationality_of_a_side(owners[0], head):
            # "Syrian regime airstrikes": the regime, whose nationality the name tells
            doc = head.doc
            side = doc[owners[0].start : owners[0].end + 1]
            return [Phrase(side.text, side.start_char, side.end_char, "NP")]
        # of the places after the head, the first: those after it place it ("the town of X
        # west of the capital Damascus")
        places = [e for e in found if e.label_ in NAMED_PLACES][:1]
        if not owners and places and head.lower_ in _PEOPLE_HEADS:
            # "four men from the village of X": the men, and the place that places them
            return [noun_phrase(head), phrase_of_entity(places[0])]
        # a place after an attack places it and never did it ("an attack in Syria that killed
        # 72": Syria is where, and who did it is not said)
        owners = owners or ([] if head.lower_ in ATTACK_NOUNS else places)
        if owners:
            return [phrase_of_entity(owners[0])]
    body = _body_of_members(head)
    if body is not None:
        return [_joined(head.doc, noun_phrase(head), noun_phrase(body))]
    group = _group_of_members(head, ents)
    if group is not None:
        return [_joined(head.doc, noun_phrase(head), phrase_of_entity(group))]
    return [noun_phrase(head)]


def _leads(ent: Span, head: Token) -> bool:
    """A name glued by a hyphen to "led" that describes `head` ("US-led coalition")."""
    doc = ent.doc
    glued = ent.end + 1 < head.i and doc[ent.end].text == "-" and not doc[ent.end - 1].whitespace_
    return glued and doc[ent.end + 1].lower_ == "led" and doc[ent.end + 1].head.i == head.i


# Bodies of people that no state's name stands for: a nationality before them describes them
# ("the Kurdish militia", "Iraqi Shiite militias"); a state's own forces ("Russian forces",
# "Iranian troops", generic heads) are left to the entity, which names whose they are.
_NAMELESS_BODIES = frozenset(
    {"militia", "militias", "committees", "brigade", "brigades", "battalion", "battalions",
     "movement", "faction", "factions", "tribesmen", "tribes", "volunteers", "gangs"}
)  # fmt: skip


def _people_not_a_state(head: Token) -> bool:
    """A noun for people (the treebank's person nouns: "doctors", "pilgrims", "surgeons") or
    for a body of them no state's name stands for, that is no generic head of a state's
    people ("officials", "soldiers": see `_GENERIC_HEADS`)."""
    word = head.lower_
    if word in _GENERIC_HEADS or head.pos_ != "NOUN":
        return False
    return word in _NAMELESS_BODIES or word in person_nouns()


# Nouns that gather people into one participant: "a group of doctors", "a number of civilians".
_GATHERING_NOUNS = frozenset({"group", "number", "team", "band", "crowd", "handful", "dozens"})


def _people_of_a_group(head: Token) -> Token | None:
    """The people after "of" that a gathering noun counts ("a group of Syrian doctors")."""
    if head.lower_ not in _GATHERING_NOUNS:
        return None
    for child in head.children:
        if dep(child) == "nmod" and case_word(child) == "of" and child.pos_ == "NOUN":
            word = child.lower_
            if word in _NON_STATE_PEOPLE or word in person_nouns():
                return child
    return None


# What a side does or flies, whose modifiers name the side ("Syrian regime airstrikes",
# "Syrian government warplanes"); a side's people ("Syrian opposition leaders") are not it.
_SIDE_DOES = MILITARY_ACTION_NOUNS | CRAFT_NOUNS


def _nationality_of_a_side(ent: Span, head: Token) -> bool:
    """A nationality right before a side's word, both modifying `head` ("Syrian regime
    airstrikes", the parse hanging both on the strikes)."""
    doc = ent.doc
    if ent.label_ != "NORP" or ent.end >= head.i or head.lower_ not in _SIDE_DOES:
        return False
    side = doc[ent.end]
    return side.lower_ in AGENT_MODIFIERS and not side.ent_type_ and side.head.i == head.i


# Nouns for a person by the office they share with another: "his Turkish counterpart".
_COUNTERPARTS = frozenset({"counterpart", "counterparts", "colleague", "colleagues", "peer"})


def _one_person(head: Token) -> bool:
    """A counterpart, or one person named by a word for people after a possessive pronoun
    ("his Iranian host", "her Syrian doctor")."""
    if head.lower_ in _COUNTERPARTS:
        return True
    owned = any(dep(c) in ("nmod:poss", "poss") and c.pos_ == "PRON" for c in head.children)
    return owned and head.tag_ == "NN" and head.lower_ in person_nouns()


def _glued_to_participle(ent: Span) -> bool:
    """A name joined by a hyphen to a participle after it ("al-Qaeda-linked", "US-backed")."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != "-" or doc[ent.end - 1].whitespace_:
        return False
    after = doc[ent.end + 1]
    return not doc[ent.end].whitespace_ and after.tag_ == "VBN" and after.lower_ != "led"


# Adjectives and participles of allegiance: "forces loyal to X", "militias allied with Y".
_ALLEGIANCE = frozenset({"loyal", "allied", "affiliated", "aligned", "linked"})
_MODIFIER_DEPS = frozenset({"amod", "acl", "advmod"})  # (the parse may take "loyal" for an adverb)


def _sworn_to(head: Token) -> Token | None:
    """The modifier of allegiance after a noun of people ("troops loyal to X"), if any."""
    return next(
        (
            child
            for child in head.children
            if child.i > head.i
            and child.lower_ in _ALLEGIANCE
            and dep(child) in _MODIFIER_DEPS
            and any(case_word(c) in ("to", "with") for c in child.children)
        ),
        None,
    )


# Nouns for counts of attacks, whose "by" phrase names who carried them out.
_COUNTS_OF = frozenset({"series", "wave", "waves", "spate", "string", "barrage", "round"})


def _agents_of_attacks(head: Token, ents: dict[int, Span]) -> list[Phrase]:
    """ "A series of strikes in Syria overnight by a US-led coalition killed 14": what the
    attacks kill, their "by" phrase did, not a place inside the subject's phrase."""
    attacks = [head] if head.lower_ in ATTACK_NOUNS else []
    if head.lower_ in _COUNTS_OF:
        attacks = [c for c in head.children if c.lower_ in ATTACK_NOUNS and case_word(c) == "of"]
    for noun in [*attacks, head]:
        for child in noun.children:
            if dep(child) == "nmod" and case_word(child) == "by" and child.i > noun.i:
                return phrases_for(child, ents)
    return []


_OWN_NAME_LABELS = frozenset({"ORG", "PERSON"})
# People who are no state's: a country or nationality before them says where they are from
_NON_STATE_PEOPLE = frozenset(
    {
        "rebels", "rebel", "insurgents", "militants", "jihadists", "opposition", "activists",
        "protesters", "demonstrators", "civilians", "people", "residents", "refugees",
        "children", "women", "men", "villagers", "families", "journalists", "doctors",
    }
)  # fmt: skip
_WHERE_FROM = frozenset({"GPE", "LOC", "NORP"})


# Nouns for people who belong to a body: "three fighters from the Popular Committees".
_MEMBER_HEADS = frozenset(
    {"fighters", "soldiers", "members", "militants", "troops", "officers", "commanders",
     "leaders", "gunmen", "militiamen", "policemen", "servicemen", "personnel", "elements",
     "fighter", "soldier", "member", "militant", "officer", "commander", "leader"}
)  # fmt: skip
# Nouns for people, whom a place after them only places ("four men from the village of X").
_PEOPLE_HEADS = _NON_STATE_PEOPLE | _MEMBER_HEADS
# Heads of bodies of people, named or not: "soldiers of the Syrian army" ("front" is not one:
# "soldiers back from the front" came from a front line).
_BODY_HEADS = frozenset(
    {"army", "forces", "force", "militia", "militias", "committees", "group", "groups",
     "brigade", "brigades", "battalion", "units", "unit", "movement", "guard", "guards",
     "police", "organization", "organisation", "faction", "factions", "party"}
)  # fmt: skip
# What owns members or units after "of": a body, or the state's own ("the forces of the regime").
_OWNING_BODIES = _BODY_HEADS | frozenset({"regime", "government", "coalition"})


def _body_of_members(head: Token) -> Token | None:
    """The body a phrase for its members or units names after "of" or "from", where no entity
    tells it: "three fighters from the Popular committees" (the tagger took "Popular" for an
    adjective), "twelve soldiers of the Syrian army", "units of the Syrian army", "the forces of
    the regime". The count alone names no side; the body does. A place after "from" is where
    they come from, and is not a body."""
    if head.lower_ not in _MEMBER_HEADS | _BODY_HEADS:
        return None
    for child in head.children:
        owned = dep(child) == "nmod" and case_word(child) in ("of", "from")
        body = child.lower_ in _OWNING_BODIES and child.pos_ == "NOUN" and not child.ent_type_
        if owned and body:
            return child
    return None


def _group_of_members(head: Token, ents: dict[int, Span]) -> Span | None:
    """The named group a phrase for its members or units belongs to ("the fighters of
    Hezbollah", "the missile units of Hezbollah"): such heads are kept as phrases rather than
    replaced by a name inside them (`_GENERIC_HEADS`), and the group is what says whose they
    are, so the phrase keeps it."""
    if head.lower_ not in _MEMBER_HEADS | _BODY_HEADS:
        return None
    for child in head.children:
        ent = ents.get(child.i)
        owned = dep(child) == "nmod" and case_word(child) in ("of", "from")
        if owned and ent is not None and ent.label_ == "ORG" and ent.root.i == child.i:
            return ent
    return None


def _joined(doc: Doc, first: Phrase, last: Phrase) -> Phrase:
    """One phrase from the start of `first` to the end of `last`, as the text gives it."""
    return Phrase(doc.text[first.start : last.end], first.start, last.end, "NP")


NAMED_PLACES = frozenset({"LOC", "GPE", "FAC"})


def _person_described(head: Token, ent: Span, ents: dict[int, Span]) -> Span | None:
    """The person a place's name only describes, where the parse made the place the head:
    "Former United States Central Intelligence Agency agent Tony Mendez" is Mendez, not the
    United States (the name after a title is who the phrase is). So is an office the tagger
    read as an organisation right before a name: "US Secretary of State John Kerry"."""
    office = ent.label_ == "ORG"
    if ent.label_ not in NAMED_PLACES and not office:
        return None
    for child in head.children:
        found = ents.get(child.i)
        # (a conjunct is another argument: "in Binnish and Maaret Masrin")
        described = dep(child) in ("list", "appos", "flat") or (office and dep(child) == "nmod")
        person = found is not None and found.label_ == "PERSON" and child.i >= ent.end
        if described and person and (not office or found.start == ent.end):  # type: ignore[union-attr]
            return found
    return None


def _can_be_they(word: Token) -> bool:
    """A plural noun, a group or a body, or nouns joined by "and": what "they" may stand for
    (a single person or a singular common noun never: "a general", "the spokesman")."""
    if word.tag_ in ("NNS", "NNPS") or any(dep(c) == "conj" for c in word.children):
        return True
    return word.ent_type_ in ("ORG", "NORP", "GPE") or word.lower_ in _COLLECTIVE


# Bodies English refers to as "they" ("the army said they had killed ...").
_COLLECTIVE = frozenset(
    {"army", "government", "regime", "coalition", "police", "military", "opposition", "group",
     "alliance", "militia", "observatory", "ministry", "command", "monitor", "rebels"}
)  # fmt: skip


def _owned_by(head: Token, ent: Span) -> bool:
    """An entity after the head names it through "of" or an apposition ("fighters of the
    Islamic State"), not through another preposition ("organizations on the X school")."""
    node = ent.root
    while node.head.i != head.i and node.head.i != node.i:
        node = node.head
        if node.i not in range(ent.start, ent.end) and _named_place_noun(node):
            # up through the words the entity qualifies ("fighters of the Syrian army"), not
            # through a place it qualifies ("women from the town of X west of the Syrian
            # capital Damascus": the women are no one's by the capital's adjective)
            return False
        if node.i not in range(ent.start, ent.end) and case_word(node) not in (None, "of"):
            # "a group of terrorists on Flita barrens": whose the ground is, not the group's
            return False
    if node.head.i != head.i:
        return False
    # "fighters from the Popular Committees": a group's members (a place after "from" is where
    # they come from, not whose they are)
    words = (None, "of", "from") if ent.label_ in _GROUP_LABELS else (None, "of")
    return dep(node) in ("appos", "compound", "flat", "amod") or (
        dep(node) in ("nmod", "nmod:poss") and case_word(node) in words
    )


def _place_for_people(head: Token, phrase: Phrase) -> bool:
    """A place the parse made the apposition of a noun for people ("four men from X north of
    Idlib", "north" hung on the men): where they are, not who they are."""
    return phrase.label in NAMED_PLACES and head.lower_ in _PEOPLE_HEADS


def _named_place_noun(noun: Token) -> bool:
    """A common noun a place's name goes with: "the city of Idlib", "the capital Damascus"."""
    if noun.pos_ != "NOUN":
        return False
    named = any(dep(c) in _NAMING and c.ent_type_ in _PLACE_NAMES for c in noun.children)
    head = noun.head
    return named or (head.i != noun.i and dep(noun) in _NAMING and head.ent_type_ in _PLACE_NAMES)


_NAMING = frozenset({"nmod", "appos", "compound", "flat"})
_PLACE_NAMES = frozenset({"GPE", "LOC"})
_GROUP_LABELS = frozenset({"ORG", "NORP"})


# Words that open a clause told as earlier or later than the sentence's own happening.
_ORDERING = frozenset({"after", "before"})
_OBJECT_DEPS = frozenset({"obj", "dobj"})


def _subject_of_the_other_clause(pronoun: Token) -> Token | None:
    """The plural subject of the other clause, where `pronoun` is the object of a verb told
    in an "after" / "before" clause ("were freed three days after gunmen kidnapped them",
    whatever the parse hangs "after" on: the verb, or its subject): the subject nearest the
    clause outside it, before it first. None outside such a clause."""
    verb = pronoun.head
    if dep(pronoun) not in _OBJECT_DEPS or verb.pos_ != "VERB":
        return None
    own = [c for c in verb.children if dep(c) in SUBJECT_DEPS]
    opening = [
        c
        for t in (verb, *own)
        for c in t.children
        if c.lower_ in _ORDERING and dep(c) in ("mark", "case") and c.i < pronoun.i
    ]
    if not opening:
        return None
    start = opening[0].i
    inside = {t.i for s in own for t in s.subtree}
    others = [
        t
        for t in pronoun.sent
        if dep(t) in SUBJECT_DEPS
        and t.tag_ in ("NNS", "NNPS")
        and t.i not in inside
        and not start <= t.i <= pronoun.i
    ]
    before = [t for t in others if t.i < start]
    if before:
        return before[-1]
    return others[0] if others else None


def _reporting_subject(pronoun: Token) -> Token | None:
    """ "The coalition said it had carried out nine strikes", "rebels said they shelled the
    airport": "it" or "they" is the one who says so, when that subject is a noun (an
    organisation, a force), not a person or another pronoun."""
    verb = pronoun.head
    while dep(verb) not in ("ccomp", "ROOT", "root") and verb.head.i != verb.i:
        verb = verb.head
    saying = verb.head
    if dep(verb) != "ccomp":
        # "The coalition said its strikes destroyed ...": the parse made the clause's subject
        # the object of "said"; what a verb of saying takes is what it says
        saying = pronoun.head.head
        said = dep(pronoun.head) in ("obj", "dobj") and _says(saying)
        if not said or dep(pronoun) not in ("nmod:poss", "poss"):
            return None
    speaker = next((c for c in saying.children if dep(c) in ("nsubj", "nsubj:pass")), None)
    if speaker is None or speaker.pos_ == "PRON" or speaker.ent_type_ == "PERSON":
        return None
    return speaker


def _says(verb: Token) -> bool:
    return (
        verb.pos_ == "VERB" and verb_lemma(verb.text, load_claim_cues().reporting_verbs) is not None
    )


def surname_of(head: Token) -> Phrase | None:
    """A bare surname the tagger missed ("reports of Soleimani travel") named in full earlier."""
    if head.pos_ != "PROPN" or head.ent_type_ or any(dep(c) != "case" for c in head.children):
        return None
    for ent in reversed(ents_before(head.doc, head.idx, "PERSON")):
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ == head.lower_:
            end = head.idx + len(head.text)
            return Phrase(head.text, head.idx, end, "PERSON", ent.ent_id_ or None)
    return None


# Titles the parser may take for a head ("the martyrdom of Lt. General Soleimani" -> "Lt").
TITLES = frozenset({"maj", "gen", "lt", "col", "brig", "capt", "adm", "sgt", "mr", "dr", "st"})


def titled(head: Token, ents: dict[int, Span]) -> Phrase | None:
    """The person a bare title abbreviation introduces, named within the next few tokens."""
    if head.lower_.rstrip(".") not in TITLES:
        return None
    doc = head.doc
    for tok in doc[head.i + 1 : min(len(doc), head.i + 5)]:
        ent = ents.get(tok.i)
        if ent is not None and ent.label_ == "PERSON":
            return phrase_of_entity(ent)
        named = surname_of(tok)
        if named is not None:
            return named
    return None


def owner_of(head: Token, ents: dict[int, Span]) -> Phrase | None:
    """ "Russia's government said its warplanes ...": "its" names the last state or body."""
    if not any(dep(c) == "poss" and c.lower_ == "its" for c in head.children):
        return None
    if entities_under(head, ents):
        return None
    before = [
        ents[t.i] for t in head.sent if t.i < head.i and t.i in ents and ents[t.i].label_ in OWNERS
    ]
    if before:
        return phrase_of_entity(before[-1])
    its = next(c for c in head.children if dep(c) == "poss" and c.lower_ == "its")
    owner = previous_subject(its, plural=False)  # "The SDF ... Its forces last month seized"
    found = ents.get(owner.i) if owner is not None else None
    return phrase_of_entity(found) if found is not None and found.label_ in OWNERS else None


def _main_subject(token: Token, root: Token) -> bool:
    """The subject of the sentence's main verb, also where the parse hangs it on an auxiliary
    ("The SDF have for months been advancing": on "have")."""
    if dep(token) != "nsubj":
        return False
    return token.head.i == root.i or (dep(token.head) == "aux" and token.head.head.i == root.i)


def _clause_subject(noun: Token) -> Token | None:
    """The subject of the verb that takes `noun` as its object ("planes intensified their
    bombing": planes), not a pronoun."""
    verb = noun.head
    if verb.i == noun.i or verb.pos_ not in ("VERB", "AUX") or dep(noun) not in ("dobj", "obj"):
        return None
    subject = next((c for c in verb.children if dep(c) == "nsubj"), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def previous_subject(pronoun: Token, plural: bool) -> Token | None:
    """What a pronoun opening its sentence refers to when nothing before it in the sentence
    does: the subject of the sentence before, the topic a reader carries on with ("The Syrian
    Democratic Forces have been advancing ... Its forces seized the airport ... They continue
    to battle"). Not when that sentence reports what someone said (its speaker is not the
    topic: "Activists said ... They added") or its subject is a pronoun or a person; "they"
    takes a plural or a group, "its" a group or a state."""
    sent = pronoun.sent
    if pronoun.i != sent.start or sent.start == 0:
        return None
    before = pronoun.doc[sent.start - 1].sent
    root = before.root
    if any(dep(c) in ("ccomp", "parataxis") for c in root.children):
        return None
    subject = next((t for t in before if t.i < root.i and _main_subject(t, root)), None)
    if subject is None or subject.pos_ == "PRON" or subject.ent_type_ == "PERSON":
        return None
    group = subject.ent_type_ in OWNERS
    return subject if group or (plural and subject.tag_ in ("NNS", "NNPS")) else None


OWNERS = frozenset({"GPE", "LOC", "ORG", "NORP"})
_POSSESSIVE = frozenset({"'s", "'", "’s", "’"})

# A side named after its leader: "the Bashar al-Assad regime", "Assad forces".
_LEADERS_SIDES = frozenset(
    {"regime", "government", "forces", "troops", "army", "militia", "militias"}
)

# Heads whose phrase is better kept whole than replaced by an entity inside it.
_GENERIC_HEADS = frozenset(
    {"minister", "commander", "official", "officials", "chief", "head", "president", "forces",
     "troops", "delegation", "army", "military", "spokesman", "authorities", "ministry",
     "government", "leader", "general", "guards", "soldiers", "fighters", "unit", "units",
     "gunmen", "police", "policemen", "militiamen", "servicemen", "regime", "opposition"}
)  # fmt: skip


DASHES = frozenset({"–", "—", "-", "--"})


def is_dateline(token: Token) -> bool:
    """ "Radiofarda – Syrian President ...": a line-initial name before a dash is the outlet."""
    doc, last = token.doc, token.i
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    if last + 1 >= len(doc) or doc[last + 1].text not in DASHES:
        return False
    first = token
    while first.i > 0 and first.ent_iob_ == "I":
        first = doc[first.i - 1]
    text = text_of(doc)
    line_start = text.rfind("\n", 0, first.idx) + 1
    return not text[line_start : first.idx].strip()


def with_conjuncts(head: Token) -> list[Token]:
    """`head` and the tokens coordinated with it ("Baqeri and al-Ghanimi"); a name's
    description the parse took for a conjunct is none ("Hamza bin Ladin, the al-Qa'ida member
    and son of Usama bin Ladin, was killed": one man killed, described twice)."""
    # (a nominal's conjunct that is a verb is a second clause: "killing a child and causing
    # material damage", where "causing" is no one harmed)
    joined = [
        c
        for c in head.conjuncts
        if c.i > head.i and not _harm_verb_misread(c) and not _verb_beside_a_noun(head, c)
    ]
    if head.pos_ == "PROPN":
        described = next((c for c in joined if _definite_description(c)), None)
        if described is not None:
            joined = [c for c in joined if c.i < described.i or _counted_or_named(c)]
    return [head, *joined]


def _verb_beside_a_noun(head: Token, conjunct: Token) -> bool:
    return head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and conjunct.tag_ in _VERB_FORMS


_VERB_FORMS = frozenset({"VBG", "VBD", "VBZ", "VBP"})  # (no VBN: "wounded" may be a person)


# Participles of harm that the parse may take for an adjective of the next noun.
_HARM_PARTICIPLES = frozenset({"wounded", "injured", "killed", "kidnapped", "abducted"})


def _harm_verb_misread(conjunct: Token) -> bool:
    """ "killed at least six people and wounded dozens": the parse made "wounded" an adjective
    of "dozens", a second object; it is the verb, and "dozens" its object, not a victim of the
    first verb's named apart."""
    first = next(t for t in conjunct.subtree if dep(t) != "cc")  # (the "and" hangs on it)
    before = conjunct.doc[first.i - 1] if first.i > 0 else None
    return (
        first.lower_ in _HARM_PARTICIPLES
        and dep(first) == "amod"
        and before is not None
        and before.lower_ == "and"
    )


def _definite_description(token: Token) -> bool:
    """A common noun with "the", set off by a comma: "X, the ... member" describes X."""
    first = next(t for t in token.subtree if not t.is_punct)  # the comma may hang on it
    return (
        token.pos_ == "NOUN"
        and first.i > 0
        and token.doc[first.i - 1].text == ","
        and any(dep(c) == "det" and c.lower_ == "the" for c in token.children)
    )


def _counted_or_named(token: Token) -> bool:
    """A conjunct after a description that is still someone else: "and three soldiers", "and
    Ali" (a bare "and son of ..." goes on describing)."""
    return token.pos_ == "PROPN" or any(dep(c) == "nummod" for c in token.children)


def char_span_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")
