"""Score tagging and parsing against a CoNLL-U file, on gold tokens and gold sentences.

UAS/LAS count every word, punctuation included, and compare universal relations (subtypes such
as `nmod:poss` are cut to `nmod`), as the CoNLL 2018 shared-task script does. spaCy's own
scorer leaves punctuation out, so its figures in the training log read a little higher.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.nlp.conllu import UDSentence, read_conllu


@dataclass(frozen=True)
class ParseScores:
    words: int
    sentences: int
    upos: float
    xpos: float
    uas: float
    las: float

    def as_dict(self) -> dict[str, float | int]:
        return {
            "sentences": self.sentences,
            "words": self.words,
            "upos": round(self.upos, 4),
            "xpos": round(self.xpos, 4),
            "uas": round(self.uas, 4),
            "las": round(self.las, 4),
        }


def _universal(deprel: str) -> str:
    return deprel.split(":", 1)[0].lower()


def score_sentences(
    nlp: Language, sents: Iterable[UDSentence], batch_size: int = 64
) -> ParseScores:
    sents = list(sents)
    docs = (
        Doc(nlp.vocab, words=[w.form for w in s.words], spaces=[w.space_after for w in s.words])
        for s in sents
    )
    n = upos = xpos = uas = las = 0
    for sent, doc in zip(sents, nlp.pipe(docs, batch_size=batch_size), strict=True):
        for word, tok in zip(sent.words, doc, strict=True):
            n += 1
            upos += tok.pos_ == word.upos
            xpos += tok.tag_ == word.xpos
            head = 0 if tok.head.i == tok.i else tok.head.i + 1
            gold_dep = "root" if word.head == 0 else _universal(word.deprel)
            if head == word.head:
                uas += 1
                las += _universal(tok.dep_) == gold_dep
    div = max(n, 1)
    return ParseScores(n, len(sents), upos / div, xpos / div, uas / div, las / div)


def score_conllu(nlp: Language, path: Path, limit: int | None = None) -> ParseScores:
    """Tag accuracy (UPOS, XPOS), UAS and LAS of the pipeline on a CoNLL-U file."""
    sents = list(read_conllu(path))
    return score_sentences(nlp, sents[:limit] if limit else sents)
