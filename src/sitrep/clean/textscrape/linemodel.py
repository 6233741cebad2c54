"""The line model: two stages of boosted trees that say which lines are the article.

Stage one scores each line from its features (`features.page_features`, and the vocabulary's
word weights, `vocabulary.py`); stage two adds the stage-one scores of its neighbours, since an
article's lines come in runs and a lone prose-like line among menus is usually a teaser or a
footer. Trees (`trees.py`) rather than one weight per feature, because what a feature means
depends on the others: a line that reads like prose is chrome after the article's last paragraph
when it addresses the reader. The trees, the word weights and the thresholds are data in
`line_model.json`, written by `fit.py` from labelled pages; nothing here is tuned by hand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sitrep.clean.textscrape.features import DECIDABLE, neighbour_features, page_features
from sitrep.clean.textscrape.lines import Line
from sitrep.clean.textscrape.trees import Ensemble
from sitrep.clean.textscrape.vocabulary import Vocabulary, word_rows

MODEL_FILE = "line_model.json"
BOILERPLATE = "boilerplate"  # the kind of a line the model takes out of the body
LINK_LIST = "link-list"


@dataclass(frozen=True)
class LineModel:
    vocabulary: Vocabulary
    first: Ensemble
    second: Ensemble
    threshold: float  # a line the rules guessed was chrome comes back into the body at this score
    keep_threshold: float  # a line the rules kept leaves the body below this score
    list_threshold: float  # a line the rules took for a list of links comes back at this score

    def rows(self, lines: list[Line], kinds: list[str], title: str | None) -> list[list[float]]:
        """Stage one's features: the line's own and its page's, then its words'."""
        rows = page_features(lines, kinds, title)
        words = word_rows(self.vocabulary, [line.text for line in lines])
        return [row + own for row, own in zip(rows, words, strict=True)]

    def scores(self, lines: list[Line], kinds: list[str], title: str | None) -> list[float]:
        """The probability that each line is article body (0 for lines the model leaves to
        the rules: widgets, comment threads, the title, the byline)."""
        rows = self.rows(lines, kinds, title)
        decidable = [kind in DECIDABLE for kind in kinds]
        first = [
            self.first.score(row) if d else 0.0 for row, d in zip(rows, decidable, strict=True)
        ]
        around = neighbour_features(first)
        return [
            self.second.score(row + around[i]) if decidable[i] else 0.0
            for i, row in enumerate(rows)
        ]


def _number(data: dict[str, object], key: str) -> float:
    value = data[key]
    assert isinstance(value, (int, float))
    return float(value)


def model_from_json(data: dict[str, object]) -> LineModel:
    first, second = data["first"], data["second"]
    assert isinstance(first, dict) and isinstance(second, dict)
    return LineModel(
        Vocabulary.from_json(data["vocabulary"]),
        Ensemble.from_json(first),
        Ensemble.from_json(second),
        threshold=_number(data, "threshold"),
        keep_threshold=_number(data, "keep_threshold"),
        list_threshold=_number(data, "list_threshold"),
    )


@cache
def shipped_model() -> LineModel:
    """The model fitted by `fit.py` and shipped with the package."""
    text = resources.files("sitrep.clean.textscrape").joinpath(MODEL_FILE).read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return model_from_json(data)


def apply_model(model: LineModel, lines: list[Line], kinds: list[str], title: str | None) -> None:
    """Re-decide every decidable line in place: a line the rules kept leaves the body below
    one threshold, a line they guessed was chrome or a list of links comes back above another
    (code, a recipe's ingredients and a table's rows look like link lists). A page the model
    would leave without any body keeps the rules' body: a short note is still a document."""
    decide(model, model.scores(lines, kinds, title), kinds)


def decide(model: LineModel, scores: list[float], kinds: list[str]) -> None:
    """`apply_model` once the scores are known (the fitting tries thresholds on them)."""
    decided = list(kinds)
    for i, (kind, score) in enumerate(zip(kinds, scores, strict=True)):
        revive = model.list_threshold if kind == LINK_LIST else model.threshold
        if kind == "body" and score < model.keep_threshold:
            decided[i] = BOILERPLATE
        elif kind != "body" and kind in DECIDABLE and score >= revive:
            decided[i] = "body"
    if "body" in decided:
        kinds[:] = decided
