"""The line model: a two-stage logistic regression that says which lines are the article.

Stage one scores each line from its features (`features.page_features`); stage two adds the
stage-one scores of its neighbours, since an article's lines come in runs and a lone prose-like
line among menus is usually a teaser or a footer. The weights, the feature scaling and the
threshold are data in `line_model.json`, written by `fit.py` from labelled pages; nothing here is
tuned by hand.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sitrep.clean.textscrape.features import DECIDABLE, neighbour_features, page_features
from sitrep.clean.textscrape.lines import Line

MODEL_FILE = "line_model.json"
BOILERPLATE = "boilerplate"  # the kind of a line the model takes out of the body


@dataclass(frozen=True)
class Stage:
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def score(self, row: list[float]) -> float:
        z = self.bias
        for x, m, s, w in zip(row, self.mean, self.scale, self.weights, strict=True):
            z += w * (x - m) / s
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Stage:
        def floats(key: str) -> tuple[float, ...]:
            value = data[key]
            assert isinstance(value, list)
            return tuple(float(v) for v in value)

        bias = data["bias"]
        assert isinstance(bias, (int, float))
        return cls(floats("mean"), floats("scale"), floats("weights"), float(bias))


@dataclass(frozen=True)
class LineModel:
    first: Stage
    second: Stage
    threshold: float  # a line the rules took out comes back into the body at this score
    keep_threshold: float  # a line the rules kept leaves the body below this score

    def scores(self, lines: list[Line], kinds: list[str], title: str | None) -> list[float]:
        """The probability that each line is article body (0 for lines the model leaves to
        the rules: widgets, comment threads, the title, the byline)."""
        rows = page_features(lines, kinds, title)
        decidable = [kind in DECIDABLE for kind in kinds]
        first = [
            self.first.score(row) if d else 0.0 for row, d in zip(rows, decidable, strict=True)
        ]
        return [
            self.second.score(row + neighbour_features(first, i)) if decidable[i] else 0.0
            for i, row in enumerate(rows)
        ]


def model_from_json(data: dict[str, object]) -> LineModel:
    first, second = data["first"], data["second"]
    threshold, keep = data["threshold"], data["keep_threshold"]
    assert isinstance(first, dict) and isinstance(second, dict)
    assert isinstance(threshold, (int, float)) and isinstance(keep, (int, float))
    stages = Stage.from_json(first), Stage.from_json(second)
    return LineModel(*stages, threshold=float(threshold), keep_threshold=float(keep))


@cache
def shipped_model() -> LineModel:
    """The model fitted by `fit.py` and shipped with the package."""
    text = resources.files("sitrep.clean.textscrape").joinpath(MODEL_FILE).read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return model_from_json(data)


def apply_model(model: LineModel, lines: list[Line], kinds: list[str], title: str | None) -> None:
    """Re-decide every decidable line in place: a line the rules kept leaves the body below
    one threshold, a line they guessed was chrome comes back above another. A page the model
    would leave without any body keeps the rules' body: a short note is still a document."""
    decide(model, model.scores(lines, kinds, title), kinds)


def decide(model: LineModel, scores: list[float], kinds: list[str]) -> None:
    """`apply_model` once the scores are known (the fitting tries thresholds on them)."""
    decided = list(kinds)
    for i, score in enumerate(scores):
        if kinds[i] == "body" and score < model.keep_threshold:
            decided[i] = BOILERPLATE
        elif kinds[i] in DECIDABLE and kinds[i] != "body" and score >= model.threshold:
            decided[i] = "body"
    if "body" in decided:
        kinds[:] = decided
