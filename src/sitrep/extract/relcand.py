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


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token]] | None:
    """The tokens from `a` up to the lowest common ancestor, and from `b` up to it."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    up_b = [b]
    for t in b.ancestors:
        if up_b[-1].i in index:
            break
        up_b.append(t)
    if up_b[-1].i not in index:
        return None
    return up_a[: index[up_b[-1].i] + 1], up_b


def candidates(sent: Span, ents: dict[int, Span], cues: RelationCues) -> list[Candidate]:
    """Every ordered pair of phrases close enough in the parse, with its features."""
    found = mentions(sent, ents)
    out = []
    for a in found:
        for b in found:
            if a is b or (a.phrase.start < b.phrase.end and b.phrase.start < a.phrase.end):
                continue
            pair = pair_features(a, b, found, cues)
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


def pair_features(
    a: Mention, b: Mention, found: list[Mention], cues: RelationCues
) -> Candidate | None:
    """The features of the ordered pair (a, b), or None when they are too far apart."""
    path = _path(a.head, b.head)
    if path is None:
        return None
    up, down = path
    length = len(up) + len(down) - 2
    first, second = sorted((a, b), key=lambda m: m.phrase.start)
    doc = a.head.doc
    lo, hi = first.last + 1, second.first
    gap = max(0, hi - lo)
    if length > MAX_PATH or gap > MAX_GAP:
        return None
    between = list(doc[lo:hi])
    lca = up[-1]
    labels = [f"{dep(t)}^" for t in up[:-1]] + [f"v{dep(t)}" for t in reversed(down[:-1])]
    middle = (up + list(reversed(down[:-1])))[1:-1]  # the path's tokens between the heads
    f: set[str] = {
        "path=" + " ".join(labels),
        "h_a=" + a.head.lower_,
        "h_b=" + b.head.lower_,
        "lab_a=" + a.phrase.label,
        "lab_b=" + b.phrase.label,
        "pos_a=" + a.head.pos_,
        "pos_b=" + b.head.pos_,
        "dep_a=" + dep(a.head),
        "dep_b=" + dep(b.head),
        "lca_pos=" + lca.pos_,
        "labs=" + a.phrase.label + ">" + b.phrase.label,
    }
    if lca is not a.head and lca is not b.head:
        f.add("lca=" + lca.lower_)
    f.add("pathw=" + " ".join(labels) + "|" + " ".join(t.lower_ for t in middle))
    for t in middle:
        f.add("on_path=" + t.lower_)
        kind = _word_class(t, cues)
        if kind:
            f.add("cue_on_path=" + kind)
    for t in (a.head, b.head):
        kind = _word_class(t, cues)
        if kind:
            f.add(("cue_a=" if t is a.head else "cue_b=") + kind)
    for t in between[:12]:
        f.add("between=" + t.lower_)
    if between:
        f.add("first_between=" + between[0].lower_)
        f.add("last_between=" + between[-1].lower_)
        if len(between) <= 3:
            f.add("between_all=" + " ".join(t.lower_ for t in between))
    else:
        f.add("adjacent")
    # The case word ("in", "of", "from") hung off b's head (UD) names the relation most often.
    for child in b.head.children:
        if dep(child) == "case":
            f.add("case_b=" + child.lower_)
    for child in a.head.children:
        if dep(child) == "case":
            f.add("case_a=" + child.lower_)
    forward = a.phrase.start < b.phrase.start
    inner = [m for m in found if first.phrase.end <= m.phrase.start < second.phrase.start]
    numbers = (
        float(forward),
        float(gap),
        float(length),
        float(len(inner)),
        float(sum(t.pos_ in ("VERB", "AUX") for t in between)),
        float(sum(t.text == "," for t in between)),
        float(a.entity),
        float(b.entity),
        float(a.phrase.text[:1].isupper()),
        float(b.phrase.text[:1].isupper()),
    )
    cue = next((t for t in middle if t.pos_ in ("VERB", "ADP", "NOUN")), b.head)
    return Candidate(a, b, frozenset(f), numbers, cue)
