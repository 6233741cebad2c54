"""Candidate relation pairs in a sentence and their features, for the learned relation model.

A candidate is an ordered pair of phrases in one sentence: every entity the tagger found, and
every other noun or pronoun that heads a phrase ("strikes", "militants", "the port city"), as
its compact noun phrase. re3d's annotators drew most relations between such common-noun
phrases ("strikes near Mosul", "militants from ISIL"), which the rule readers (`relroles`,
`relverbs`, `relpresence`) leave alone since they keep only phrases with a name.

A pair's features are strings (a column each once the model's vocabulary names them) and a few
numbers: the dependency path between the heads (labels, and the words on it), the words between
the phrases, the heads' words and entity labels, their order and distance, and the rule cues'
word classes (a role noun, a presence verb, a place preposition) wherever they occur on the path.
The pipeline has no lemmatizer: words are lower-cased forms.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.extract.deps import dep
from sitrep.extract.relcues import RelationCues
from sitrep.extract.spans import Phrase, noun_phrase, phrase_of_entity
from sitrep.extract.time import MONTHS, WEEKDAYS

MAX_PATH = 5  # dependency edges between the heads: longer paths are rarely a relation
MAX_GAP = 25  # tokens between the phrases
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# A noun in these relations to its head is part of its head's phrase, not a phrase of its own.
INSIDE = frozenset({"compound", "flat", "fixed", "goeswith"})
# Numeric features, in column order before the vocabulary's indicator columns.
NUMERIC = (
    "forward",
    "tokens_between",
    "path_length",
    "phrases_between",
    "verbs_between",
    "commas_between",
    "a_is_entity",
    "b_is_entity",
    "a_capitalised",
    "b_capitalised",
)


@dataclass(frozen=True)
class Mention:
    """A phrase that can be an end of a relation, with its head token."""

    phrase: Phrase
    head: Token
    entity: bool
    first: int  # the phrase's first token index
    last: int  # its last token index


@dataclass(frozen=True)
class Candidate:
    a: Mention
    b: Mention
    features: frozenset[str]
    numbers: tuple[float, ...]
    cue: Token  # the word that says the relation, as far as the path tells: for the claim


def mentions(sent: Span, ents: dict[int, Span]) -> list[Mention]:
    """The phrases of a sentence, in order: entities, then other nominal heads' noun phrases."""
    out: list[Mention] = []
    taken: set[int] = set()
    for ent in sorted({e for i, e in ents.items() if sent.start <= i < sent.end}, key=_start):
        phrase = phrase_of_entity(ent)
        tokens = _token_range(sent, phrase) or [ent.root.i]
        out.append(Mention(phrase, ent.root, True, tokens[0], tokens[-1]))
        taken.update(range(ent.start, ent.end))
    for token in sent:
        if token.i in taken or token.pos_ not in NOMINAL or dep(token) in INSIDE:
            continue
        if token.pos_ == "PRON" and token.lower_ not in _PERSONAL:
            continue  # "it", "which", "that": no phrase a relation could be drawn to
        if _temporal(token):
            continue  # "yesterday", "this week", "10 December": when, not who or where
        phrase = noun_phrase(token)
        tokens = _token_range(sent, phrase)
        if not tokens or any(i in taken for i in tokens):
            phrase, tokens = (
                Phrase(token.text, token.idx, token.idx + len(token.text), "NP"),
                [token.i],
            )
        out.append(Mention(phrase, token, False, tokens[0], tokens[-1]))
    return sorted(out, key=lambda m: m.phrase.start)


# Heads of phrases that say when: the tagger has no date label to keep them out.
_TIME_NOUNS = frozenset(
    {"today", "yesterday", "tomorrow", "tonight", "day", "days", "week", "weeks", "month",
     "months", "year", "years", "decade", "decades", "time", "times", "morning", "afternoon",
     "evening", "night", "weekend", "hour", "hours", "minute", "minutes", "period"}
)  # fmt: skip


def _temporal(token: Token) -> bool:
    low = token.lower_.rstrip(".")
    return low in _TIME_NOUNS or low in MONTHS or low in WEEKDAYS or token.pos_ == "NUM"


_PERSONAL = frozenset({"he", "she", "they", "we", "his", "her", "their", "our", "him", "them"})


def _start(ent: Span) -> int:
    return ent.start


def _token_range(sent: Span, phrase: Phrase) -> list[int]:
    doc = sent.doc
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    return list(range(span.start, span.end)) if span is not None else []


class _Words:
    """One sentence's lookups, built once: a sentence has tens of tokens and hundreds of pairs."""

    def __init__(self, sent: Span, found: list[Mention], cues: RelationCues) -> None:
        self.doc = sent.doc
        self.low = {t.i: t.lower_ for t in sent}
        self.dep = {t.i: dep(t) for t in sent}
        self.pos = {t.i: t.pos_ for t in sent}
        self.comma = {t.i for t in sent if t.text == ","}
        self.kind = {t.i: _word_class(t, cues) for t in sent}
        self.up: dict[int, list[int]] = {}
        self.index: dict[int, dict[int, int]] = {}
        self.cases: dict[int, list[str]] = {}
        for m in found:
            head = m.head
            if head.i not in self.up:
                self.up[head.i] = [head.i, *(t.i for t in head.ancestors)]
                self.index[head.i] = {i: n for n, i in enumerate(self.up[head.i])}
                self.cases[head.i] = [c.lower_ for c in head.children if dep(c) == "case"]
        self.starts = sorted(m.phrase.start for m in found)

    def path(self, a: int, b: int) -> tuple[list[int], list[int]] | None:
        """The token indices from `a` up to the lowest common ancestor, and from `b` up to it."""
        index, chain = self.index[a], self.up[b]
        for k, i in enumerate(chain):
            if i in index:
                return self.up[a][: index[i] + 1], chain[: k + 1]
        return None


def candidates(sent: Span, ents: dict[int, Span], cues: RelationCues) -> list[Candidate]:
    """Every ordered pair of phrases close enough in the parse, with its features."""
    found = mentions(sent, ents)
    words = _Words(sent, found, cues)
    out = []
    for a in found:
        for b in found:
            if a is b or (a.phrase.start < b.phrase.end and b.phrase.start < a.phrase.end):
                continue
            pair = _pair(a, b, words)
            if pair is not None:
                out.append(pair)
    return out


_NOUN_CLASSES = (
    "command_heads", "position_heads", "member_heads", "presence_words", "place_preps",
    "personnel_nouns", "command_nouns", "back_nouns", "fight_nouns",
)  # fmt: skip


def _word_class(token: Token, cues: RelationCues) -> str | None:
    low = token.lower_
    kind = cues.verb_index.get(low)
    if kind is not None and token.pos_ in ("VERB", "AUX", "ADJ"):
        return kind[0]
    for name in _NOUN_CLASSES:
        if low in getattr(cues, name):
            return name
    return None


def _pair(a: Mention, b: Mention, w: _Words) -> Candidate | None:
    """The features of the ordered pair (a, b), or None when they are too far apart."""
    path = w.path(a.head.i, b.head.i)
    if path is None:
        return None
    up, down = path
    length = len(up) + len(down) - 2
    first, second = (a, b) if a.phrase.start <= b.phrase.start else (b, a)
    lo, hi = first.last + 1, second.first
    gap = max(0, hi - lo)
    if length > MAX_PATH or gap > MAX_GAP:
        return None
    between = range(lo, hi)
    lca, ha, hb = up[-1], a.head.i, b.head.i
    low, deps, pos = w.low, w.dep, w.pos
    labels = [f"{deps[i]}^" for i in up[:-1]] + [f"v{deps[i]}" for i in reversed(down[:-1])]
    middle = (up + list(reversed(down[:-1])))[1:-1]  # the path's tokens between the heads
    f: set[str] = {
        "path=" + " ".join(labels),
        "h_a=" + low[ha],
        "h_b=" + low[hb],
        "lab_a=" + a.phrase.label,
        "lab_b=" + b.phrase.label,
        "pos_a=" + pos[ha],
        "pos_b=" + pos[hb],
        "dep_a=" + deps[ha],
        "dep_b=" + deps[hb],
        "lca_pos=" + pos[lca],
        "labs=" + a.phrase.label + ">" + b.phrase.label,
    }
    if lca != ha:  # the word the path turns at, unless it is the first phrase's own head
        f.add("lca=" + low[lca])
    f.add("pathw=" + " ".join(labels) + "|" + " ".join(low[i] for i in middle))
    for i in middle:
        f.add("on_path=" + low[i])
        if w.kind[i]:
            f.add(f"cue_on_path={w.kind[i]}")
    if w.kind[ha]:
        f.add(f"cue_a={w.kind[ha]}")
    if w.kind[hb]:
        f.add(f"cue_b={w.kind[hb]}")
    for i in between[:12]:
        f.add("between=" + low[i])
    if between:
        f.add("first_between=" + low[lo])
        f.add("last_between=" + low[hi - 1])
        if len(between) <= 3:
            f.add("between_all=" + " ".join(low[i] for i in between))
    else:
        f.add("adjacent")
    # The case word ("in", "of", "from") hung off b's head (UD) names the relation most often.
    f.update("case_b=" + word for word in w.cases[hb])
    f.update("case_a=" + word for word in w.cases[ha])
    inner = bisect_left(w.starts, second.phrase.start) - bisect_left(w.starts, first.phrase.end)
    numbers = (
        float(a.phrase.start < b.phrase.start),
        float(gap),
        float(length),
        float(max(0, inner)),
        float(sum(pos[i] in ("VERB", "AUX") for i in between)),
        float(sum(i in w.comma for i in between)),
        float(a.entity),
        float(b.entity),
        float(a.phrase.text[:1].isupper()),
        float(b.phrase.text[:1].isupper()),
    )
    cue = next((i for i in middle if pos[i] in ("VERB", "ADP", "NOUN")), hb)
    return Candidate(a, b, frozenset(f), numbers, w.doc[cue])
