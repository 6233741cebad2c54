"""Repairs for what a noisy scrape does to sentences before the parser sees them.

Two artefacts recur in machine-translated scrapes: the splitter breaks a sentence at an opening
quotation mark ("Peskov, the laconic «" | "no» answered the question ..."), and a reporting verb
is glued to its complementizer ("«As-Safir» arguedthat at the beginning of the month ...").
The parse of such a sentence loses its speaker; these helpers find it again from the text.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.extract.schema import ClaimCues, verb_lemma

OPENING_QUOTES = frozenset({"«", "“", "„", '"'})
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})


def split_in_quote(sent: Span) -> bool:
    """The sentence before `sent` ends on an opening quotation mark: one sentence, split."""
    doc, i = sent.doc, sent.start - 1
    while i >= 0 and doc[i].is_space:  # back to the last word (never the whole text before)
        i -= 1
    return i >= 0 and doc[i].text in OPENING_QUOTES


def fragment_speaker(sent: Span, ents: dict[int, Span]) -> Span | None:
    """The speaker a split left in the fragment before `sent`: its root entity, else the first."""
    if not split_in_quote(sent):
        return None
    before = sent.doc[sent.start - 1].sent
    root = ents.get(before.root.i)
    if root is not None and root.label_ in SPEAKER_LABELS:
        return root
    return next((ents[t.i] for t in before if ents.get(t.i) is not None and ents[t.i].label_ in
                 SPEAKER_LABELS), None)  # fmt: skip


def glued_verb(sent: Span, cues: ClaimCues) -> tuple[Token, str] | None:
    """A reporting verb glued to "that" ("arguedthat"): the token and the verb's form."""
    for tok in sent:
        low = tok.lower_
        for glue in cues.glued_complementizers:
            form = low[: -len(glue)]
            if low.endswith(glue) and len(form) > 2 and verb_lemma(form, cues.reporting_verbs):
                return tok, form
    return None


def glued_speaker(verb: Token, ents: dict[int, Span]) -> Span | None:
    """Who the glued verb's clause belongs to: the last actor named before it in the sentence."""
    sent = verb.sent
    named = [ents[t.i] for t in sent if t.i < verb.i and t.i in ents]
    named = [e for e in named if e.label_ in SPEAKER_LABELS]
    return named[-1] if named else fragment_speaker(sent, ents)


def glued_actor(verb: Token, trigger: Token, ents: dict[int, Span]) -> Span | None:
    """The subject the parser lost after a glued verb: the last person before the trigger."""
    between = [ents[t.i] for t in verb.doc[verb.i + 1 : trigger.i] if t.i in ents]
    people = [e for e in between if e.label_ == "PERSON"]
    return people[-1] if people else None
