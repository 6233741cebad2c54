"""A small ensemble of boosted decision trees: how the line model turns features into a score.

A linear score cannot say "a prose-like line is chrome when it sits after the article's last
paragraph and talks to the reader": that is an interaction of features, which shallow trees
learn from data. The ensemble is plain data (split feature, threshold, children, leaf values),
stored as JSON beside the code and read here without any machine-learning library; `boost.py`
fits it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LEAF = -1  # the feature index of a leaf


@dataclass(frozen=True)
class Tree:
    """One tree as parallel arrays: node n splits on feature[n] < threshold[n] (left) or goes
    right; a leaf (feature LEAF) adds value[n] to the score."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def leaf_value(self, row: list[float]) -> float:
        node = 0
        while self.feature[node] != LEAF:
            if row[self.feature[node]] < self.threshold[node]:
                node = self.left[node]
            else:
                node = self.right[node]
        return self.value[node]

    def to_json(self) -> list[list[int] | list[float]]:
        # Thresholds keep their full precision: a feature value equal to one must fall on the
        # same side as in the fitting.
        return [
            list(self.feature),
            list(self.threshold),
            list(self.left),
            list(self.right),
            [round(v, 6) for v in self.value],
        ]

    @classmethod
    def from_json(cls, data: object) -> Tree:
        assert isinstance(data, list) and len(data) == 5
        feature, threshold, left, right, value = (list(part) for part in data)
        return cls(
            tuple(int(v) for v in feature),
            tuple(float(v) for v in threshold),
            tuple(int(v) for v in left),
            tuple(int(v) for v in right),
            tuple(float(v) for v in value),
        )


@dataclass(frozen=True)
class Ensemble:
    """Boosted trees for a logistic loss: the probability is the sigmoid of bias + leaves."""

    bias: float
    trees: tuple[Tree, ...]
    width: int  # the number of features a row must have

    def score(self, row: list[float]) -> float:
        if len(row) != self.width:
            raise ValueError(f"the model reads {self.width} features, the row has {len(row)}")
        z = self.bias + sum(tree.leaf_value(row) for tree in self.trees)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, object]:
        return {
            "bias": round(self.bias, 6),
            "width": self.width,
            "trees": [tree.to_json() for tree in self.trees],
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Ensemble:
        bias, width, trees = data["bias"], data["width"], data["trees"]
        assert isinstance(bias, (int, float)) and isinstance(width, int)
        assert isinstance(trees, list)
        return cls(float(bias), tuple(Tree.from_json(t) for t in trees), width)
