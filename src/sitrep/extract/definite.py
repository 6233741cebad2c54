"""A thing struck, named again: "the aid convoy" after "an aid convoy".

A report introduces what an attack hit with an indefinite article ("Russian warplanes targeted
an international aid convoy") and names it again with the definite one when it tells more of
that attack ("the aid convoy was struck while traveling to Orem", "Monday's raid on the
convoy"). The definite description refers back to the thing, and so the attack told at it is
the attack told before: the same happening (`happening.share_antecedents` links it,
`retells`). Only the thing struck counts, named by a common noun alone: a place ("the town",
"the province") is where many happenings of a bulletin are told, a description with a name in
it ("the village of Hassadjek", "the ISIL convoy") may be that thing's first naming, and
"another", "new" or "more" tell one more of a kind. A day apart or another kind of attack keep
two happenings apart, as for any reference back.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from sitrep.extract.deps import dep
from sitrep.records import EventMention

_INDEFINITE = frozenset({"a", "an"})
_DEFINITE = frozenset({"the", "this", "that"})
# The role that names what an attack hit: a doer named again is not the thing struck, and a
# place ("the town", "the province") is where many happenings of a bulletin are told.
_STRUCK_ROLES = frozenset({"target"})
# Words that tell one more of a kind, not the one told: "another strike hit the convoy".
_ONE_MORE = frozenset({"other", "another", "further", "new", "fresh", "second", "more"})


def _head(token: Token) -> str:
    """A noun's form, plural folded to singular ("villages" -> "village")."""
    word = token.lower_
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _determined(sent: Span, articles: frozenset[str]) -> list[Token]:
    """The nouns of `sent` that one of `articles` determines."""
    return [
        t.head
        for t in sent
        if dep(t) == "det" and t.lower_ in articles and t.head.pos_ in ("NOUN", "PROPN")
    ]


def _struck(mention: EventMention) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in mention.participants if p.role in _STRUCK_ROLES]


def _inside(token: Token, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in spans)


def _described_anew(noun: Token) -> bool:
    """The description names something ("the village of Hassadjek", "the ISIL convoy": a name
    may be the thing's first naming), or marks one more ("the new strikes", "the other
    convoy")."""
    words = list(noun.subtree)
    return any(t.pos_ == "PROPN" or t.lower_ in _ONE_MORE for t in words)


def named_again(mention: EventMention, doc: Doc) -> set[str]:
    """The nouns a definite description names as what `mention` struck, with no name of its own
    and nothing marking one more: "the aid convoy was struck", "raid on the convoy"."""
    struck = _struck(mention)
    sents = list(doc.sents)
    if not struck or mention.sentence >= len(sents):
        return set()
    found = set()
    for noun in _determined(sents[mention.sentence], _DEFINITE):
        article = next(c for c in noun.children if dep(c) == "det")
        if _inside(noun, struck) and _inside(article, struck) and not _described_anew(noun):
            found.add(_head(noun))
    return found


def introduced(sentence: int, doc: Doc) -> set[str]:
    """The nouns sentence `sentence` of `doc` introduces with an indefinite article."""
    sents = list(doc.sents)
    if sentence >= len(sents):
        return set()
    return {_head(n) for n in _determined(sents[sentence], _INDEFINITE)}


def described_before(
    mention: EventMention, said: Sequence[EventMention], doc: Doc | None
) -> EventMention | None:
    """The latest mention told in an earlier sentence whose sentence introduced a thing that
    `mention` names again by a definite description, or None."""
    if doc is None:
        return None
    again = named_again(mention, doc)
    if not again:
        return None
    for earlier in reversed([d for d in said if d.sentence < mention.sentence]):
        if again & introduced(earlier.sentence, doc):
            return earlier
    return None
