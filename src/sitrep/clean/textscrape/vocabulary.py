"""The words of page chrome: how much each word or word pair says "article" or "not article".

Chrome that reads like prose (a newsletter pitch, an advertising disclosure, a comment policy,
an author bio, a subscription wall) is told apart from the article's last paragraphs less by its
shape than by its words: "subscribe", "newsletter", "compensation", "moderated", "follow us".
The weights are naive-Bayes log-count ratios fitted on labelled lines (`fit.py`), kept only for
words found on several different pages, so a page's own topic words never count, only the
vocabulary that chrome shares across sites.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
MIN_PAGES = 3  # a word must be on this many fitting pages to carry a weight
SMOOTHING = 1.0
CAP = 3.0  # no single word decides a line
WIDTH = 4  # features per line: mean, lowest and highest weight, log count of known words


def tokens(text: str) -> frozenset[str]:
    """The line's lower-cased words and adjacent word pairs."""
    words = [w.casefold() for w in _WORD.findall(text)]
    return frozenset(words) | frozenset(f"{a} {b}" for a, b in pairwise(words))


@dataclass(frozen=True)
class Vocabulary:
    weights: dict[str, float]  # > 0: article, < 0: chrome

    def features(self, text: str) -> list[float]:
        # Sorted, so that the sum does not depend on the set's order (string hashing differs
        # between runs) and the fitting gives the same file every time.
        found = sorted(self.weights[t] for t in tokens(text) if t in self.weights)
        if not found:
            return [0.0] * WIDTH
        return [sum(found) / len(found), min(found), max(found), math.log1p(len(found))]

    def to_json(self) -> dict[str, float]:
        return {word: round(weight, 4) for word, weight in sorted(self.weights.items())}

    @classmethod
    def from_json(cls, data: object) -> Vocabulary:
        assert isinstance(data, dict)
        return cls({str(k): float(v) for k, v in data.items()})


def word_rows(vocabulary: Vocabulary, texts: list[str]) -> list[list[float]]:
    """The vocabulary's features of each line of a page."""
    return [vocabulary.features(text) for text in texts]


@dataclass(frozen=True)
class LabelledLine:
    page: str
    text: str
    label: float  # 1: article, 0: not
    weight: float


def fit_vocabulary(lines: Iterable[LabelledLine]) -> Vocabulary:
    """Log-count ratios of each token in article against chrome lines (weighted, smoothed)."""
    article: defaultdict[str, float] = defaultdict(float)
    chrome: defaultdict[str, float] = defaultdict(float)
    pages: defaultdict[str, set[str]] = defaultdict(set)
    totals = [0.0, 0.0]  # chrome, article
    for line in lines:
        if line.weight <= 0:
            continue
        counts = article if line.label == 1.0 else chrome
        totals[line.label == 1.0] += line.weight
        for token in tokens(line.text):
            pages[token].add(line.page)
            counts[token] += line.weight
    weights = {}
    a = SMOOTHING
    for token, seen in pages.items():
        if len(seen) < MIN_PAGES:
            continue
        ratio = math.log((article[token] + a) / (totals[1] + a))
        ratio -= math.log((chrome[token] + a) / (totals[0] + a))
        weights[token] = max(-CAP, min(CAP, ratio))
    return Vocabulary(weights)
