"""Who claimed an attack: "the Islamic State group claimed responsibility for a suicide bombing
that killed 30 rebels", "The Taliban have claimed responsibility."

A group that claims responsibility (or credit) for an attack names itself as its author: the
attack's actor, as an analyst codes it. The attack is the one the claim's "for" phrase names;
a claim with no "for" phrase claims the attack told last before it. A claim that is denied ("No
group claimed responsibility") names no one, and an attack that already has its actor keeps it
(a claim may be disputed; the text's own attribution comes first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitrep.extract.arguments import ACTOR_LABELS, subject_slots
from sitrep.extract.deps import dep, prep_objects
from sitrep.extract.happening import VIOLENT_TYPES
from sitrep.extract.mentions import negated
from sitrep.extract.spans import OBJECT_DEPS, Phrase, phrase_of_entity, phrases_for
from sitrep.records import EventMention, Participant

CLAIMED = frozenset({"responsibility", "credit"})
CLAIM_VERBS = frozenset({"claim", "claimed", "claims", "claiming", "take", "took", "taken",
                         "takes", "taking", "accept", "accepted", "accepts"})  # fmt: skip
DOERS = frozenset({"actor", "by"})


def claimed_attacks(
    mentions: Sequence[EventMention], doc: Doc, ents: dict[int, Span]
) -> list[EventMention]:
    """`mentions` with each claimed attack's claimant as its actor, where it has none."""
    out = list(mentions)
    for word in doc:
        claim = _claim(word)
        if claim is None:
            continue
        claimant = _claimant(claim, ents)
        if claimant is None:
            continue
        for i in _claimed(out, word, claim):
            m = out[i]
            if any(p.role in DOERS for p in m.participants):
                continue
            actor = Participant(
                "actor" if m.type == "ASSAULT" else "by",
                claimant.text,
                claimant.start,
                claimant.end,
                claimant.label,
                claimant.pack_id,
            )
            out[i] = replace(m, participants=(*m.participants, actor))
    return out


def _claim(word: Token) -> Token | None:
    """The verb of "claimed responsibility", when `word` is its asserted object (or, where the
    parse hung the two apart, the word right before it)."""
    if word.lower_ not in CLAIMED:
        return None
    if dep(word) in OBJECT_DEPS and word.head.lower_ in CLAIM_VERBS:
        verb = word.head
    elif word.i > 0 and word.nbor(-1).lower_ in CLAIM_VERBS:
        verb = word.nbor(-1)
    else:
        return None
    denied = negated(verb) or any(t.lower_ in NOBODY for t in word.sent if t.i < verb.i)
    return None if denied else verb


# "No individual or group claimed responsibility", "nobody has claimed credit"
NOBODY = frozenset({"no", "nobody", "none", "neither"})


def _claimant(verb: Token, ents: dict[int, Span]) -> Phrase | None:
    """The named group or person that claims: the verb's subject, else (where the parse lost
    it) the first group or person its sentence names before it."""
    for slot in subject_slots(verb):
        if slot.name != "subject":
            continue
        for phrase in phrases_for(slot.head, ents):
            if phrase.label in ACTOR_LABELS:
                return phrase
    sent = verb.sent
    for i in range(sent.start, verb.i):
        ent = ents.get(i)
        if ent is not None and ent.start == i and ent.label_ in ACTOR_LABELS:
            return phrase_of_entity(ent)
    return None


def _claimed(mentions: list[EventMention], word: Token, verb: Token) -> list[int]:
    """The violent mentions the "for" phrase names, else the one told last before the claim."""
    named = [obj for prep, obj in prep_objects(word) if prep == "for"]
    named += [obj for prep, obj in prep_objects(verb) if prep == "for"]
    violent = [
        i for i, m in enumerate(mentions)
        if m.type in VIOLENT_TYPES and m.modality is None and not m.negated
    ]  # fmt: skip
    if named:
        spans = [(t.idx, t.idx + len(t.text)) for obj in named for t in obj.subtree]
        return [
            i for i in violent
            if any(a <= mentions[i].trigger_start < b for a, b in spans)
        ][:1]  # fmt: skip
    sentence = _sentence_index(word)
    earlier = [i for i in violent if mentions[i].sentence < sentence]
    last = max(
        earlier, key=lambda i: (mentions[i].sentence, mentions[i].trigger_start), default=None
    )
    return [] if last is None else [last]


def _sentence_index(word: Token) -> int:
    return sum(1 for s in word.doc.sents if s.start <= word.i) - 1
