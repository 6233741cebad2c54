"""Fit the line model's three parts on labelled pages, and choose its thresholds (see `fit.py`).

Each part is fitted on what the part before it gives for pages it did not see (out-of-fold), so
that it learns what the earlier part is worth on unseen pages rather than on pages it has
memorised: the vocabulary, then stage one's trees, then stage two's trees over the neighbours'
stage-one scores.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field

import numpy as np

from sitrep.clean.evaluate import Score
from sitrep.clean.textscrape import Page, join_body
from sitrep.clean.textscrape.boost import Boosting, fit_ensemble, predict
from sitrep.clean.textscrape.classify import Labels
from sitrep.clean.textscrape.features import (
    DECIDABLE,
    NEIGHBOUR_WIDTH,
    neighbour_features,
    page_features,
)
from sitrep.clean.textscrape.linemodel import LineModel, decide
from sitrep.clean.textscrape.trees import Ensemble
from sitrep.clean.textscrape.vocabulary import (
    LabelledLine,
    Vocabulary,
    fit_vocabulary,
    word_rows,
)

INNER_FOLDS = 3  # out-of-fold inputs of the next part
THRESHOLDS = tuple(round(0.1 + 0.05 * k, 2) for k in range(17))
# The model overrules the rules' "not article" only where it finds the line more likely article
# than not: lower bars win a hair of F1 on the fitting pages by bringing back menus elsewhere.
REVIVE_THRESHOLDS = tuple(t for t in THRESHOLDS if t >= 0.5)
SETTINGS = Boosting()


@dataclass
class FitPage:
    """One page read by the rule passes, with a label and a weight for some of its lines."""

    name: str
    read: Page
    labels: list[float | None]
    weights: list[float]
    gold: dict[str, list[str]] = field(default_factory=dict)
    hand: bool = False  # labelled by hand: every label must hold

    def __post_init__(self) -> None:
        labels = self.read.labels
        self.base = np.array(page_features(labels.lines, labels.kinds, self.read.header.title))
        self.decidable = np.array([kind in DECIDABLE for kind in labels.kinds])

    def labelled(self) -> np.ndarray:
        return np.array(
            [
                d and label is not None and weight > 0
                for d, label, weight in zip(self.decidable, self.labels, self.weights, strict=True)
            ],
            dtype=bool,
        )

    def lines(self) -> list[LabelledLine]:
        return [
            LabelledLine(self.name, line.text, label, weight)
            for line, label, weight in zip(
                self.read.labels.lines, self.labels, self.weights, strict=True
            )
            if label is not None and weight > 0
        ]


def _folds(pages: list[FitPage], folds: int) -> list[tuple[list[FitPage], list[FitPage]]]:
    return [
        (
            [p for n, p in enumerate(pages) if n % folds != fold],
            [p for n, p in enumerate(pages) if n % folds == fold],
        )
        for fold in range(folds)
    ]


def _vocabulary(pages: list[FitPage]) -> Vocabulary:
    return fit_vocabulary(line for page in pages for line in page.lines())


def _word_rows(vocabulary: Vocabulary, page: FitPage) -> np.ndarray:
    texts = [line.text for line in page.read.labels.lines]
    return np.array(word_rows(vocabulary, texts)).reshape(len(texts), -1)


def _fit(rows: dict[str, np.ndarray], pages: list[FitPage]) -> Ensemble:
    x = np.vstack([rows[p.name][p.labelled()] for p in pages])
    y = np.concatenate([np.array(p.labels, dtype=object)[p.labelled()] for p in pages])
    w = np.concatenate([np.array(p.weights)[p.labelled()] for p in pages])
    return fit_ensemble(x, y.astype(float), w, SETTINGS)


def _neighbours(ensemble: Ensemble, rows: np.ndarray, page: FitPage) -> np.ndarray:
    scores = [float(s) for s in np.where(page.decidable, predict(ensemble, rows), 0.0)]
    return np.array(neighbour_features(scores)).reshape(len(scores), NEIGHBOUR_WIDTH)


def fit_parts(pages: list[FitPage]) -> tuple[Vocabulary, Ensemble, Ensemble]:
    """The vocabulary and both stages, each fitted on out-of-fold inputs."""
    first_rows: dict[str, np.ndarray] = {}
    for fitting, held in _folds(pages, INNER_FOLDS):
        vocabulary = _vocabulary(fitting)
        for page in held:
            first_rows[page.name] = np.hstack([page.base, _word_rows(vocabulary, page)])
    first = _fit(first_rows, pages)
    second_rows: dict[str, np.ndarray] = {}
    for fitting, held in _folds(pages, INNER_FOLDS):
        stage = _fit(first_rows, fitting)
        for page in held:
            rows = first_rows[page.name]
            second_rows[page.name] = np.hstack([rows, _neighbours(stage, rows, page)])
    second = _fit(second_rows, pages)
    return _vocabulary(pages), first, second


def model_scores(model: LineModel, page: FitPage) -> list[float]:
    labels = page.read.labels
    return model.scores(labels.lines, labels.kinds, page.read.header.title)


def reshuffled(pages: list[FitPage]) -> list[FitPage]:
    """The pages in another fixed order (by a hash of their names), so that the folds of
    `cross_validated_scores` group them differently: the same model's cross-validated F1 moves
    by about a point from one grouping to another, and a change must beat both."""
    return sorted(pages, key=lambda page: hashlib.md5(page.name.encode()).hexdigest())


def cross_validated_scores(
    web: list[FitPage], always: list[FitPage], folds: int
) -> dict[str, list[float]]:
    """Scores of each web page by a model fitted without it (with `always` in every fit); the
    folds take every `folds`-th page of `web` in its order."""
    scores: dict[str, list[float]] = {}
    for fitting, held in _folds(web, folds):
        model = LineModel(*fit_parts(fitting + always), 0.5, 0.5, 0.5)
        for page in held:
            scores[page.name] = model_scores(model, page)
    return scores


def _decided(model: LineModel, page: FitPage, scores: list[float]) -> Labels:
    labels = copy.copy(page.read.labels)
    labels.kinds = list(page.read.labels.kinds)
    decide(model, scores, labels.kinds)
    return labels


def hand_labels_hold(
    model: LineModel, pages: list[FitPage], scores: dict[str, list[float]]
) -> bool:
    """Every hand-labelled line (the seeds) ends up where its label says."""
    for page in pages:
        kinds = _decided(model, page, scores[page.name]).kinds
        for i, label in enumerate(page.labels):
            if page.hand and label is not None and (kinds[i] == "body") != (label == 1.0):
                return False
    return True


def snippet_f1(model: LineModel, pages: list[FitPage], scores: dict[str, list[float]]) -> float:
    score = Score()
    for page in pages:
        if page.gold:
            body = " ".join(join_body(_decided(model, page, scores[page.name])).split())
            score.add(body, "", page.gold)
    return float(score.summary()["f1"])


def _best(
    models: list[LineModel],
    web: list[FitPage],
    web_scores: dict[str, list[float]],
    hand: list[FitPage],
    hand_scores: dict[str, list[float]],
) -> tuple[LineModel, float]:
    """The model with the best snippet F1 among those that keep every hand-labelled line
    right; on a tie, the one that overrules the rules least (the highest bars to bring a line
    back, the lowest to take one out)."""
    allowed = [m for m in models if hand_labels_hold(m, hand, hand_scores)] or models
    scored = [
        (snippet_f1(m, web, web_scores), m.threshold + m.list_threshold, -m.keep_threshold, m)
        for m in allowed
    ]
    best = max(scored, key=lambda row: row[:3])
    return best[3], best[0]


def choose_thresholds(
    model: LineModel,
    web: list[FitPage],
    web_scores: dict[str, list[float]],
    hand: list[FitPage],
) -> tuple[LineModel, float]:
    """Thresholds with the best snippet F1 on `web_scores` that keep every hand-labelled line
    of `hand` right under `model`: first the pair to take lines out of the body and to bring
    back the rules' guesses (no link list brought back), then the bar for link lists."""
    hand_scores = {page.name: model_scores(model, page) for page in hand}
    parts = (model.vocabulary, model.first, model.second)
    never = 1.01  # no score reaches it
    pairs = [LineModel(*parts, t, k, never) for t in REVIVE_THRESHOLDS for k in THRESHOLDS]
    pair, _ = _best(pairs, web, web_scores, hand, hand_scores)
    lists = [
        LineModel(*parts, pair.threshold, pair.keep_threshold, t)
        for t in (*REVIVE_THRESHOLDS, never)
    ]
    return _best(lists, web, web_scores, hand, hand_scores)
