"""Fit a `trees.Ensemble`: gradient boosting of shallow trees on a weighted logistic loss.

Histogram boosting, as in LightGBM or scikit-learn's HistGradientBoosting, kept to what the line
model needs (a few thousand rows, a few dozen features): each feature is cut into quantile bins
once, every tree is grown level by level to a fixed depth on the gradient and Hessian sums of the
bins, and a leaf must hold a minimum weight of rows. Deterministic (no sampling): the same rows
give the same trees. Used only by `fit.py`; the package reads the result with `trees.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sitrep.clean.textscrape.trees import LEAF, Ensemble, Tree


@dataclass(frozen=True)
class Boosting:
    trees: int = 100
    depth: int = 3
    rate: float = 0.1
    min_leaf: float = 20.0  # the least total row weight a leaf may hold
    l2: float = 1.0
    bins: int = 64


@dataclass
class _Grower:
    """Grows one tree on binned features; nodes are appended as they are made."""

    binned: np.ndarray
    edges: list[np.ndarray]
    gradient: np.ndarray
    hessian: np.ndarray
    settings: Boosting
    rate: float

    def __post_init__(self) -> None:
        self.feature: list[int] = []
        self.threshold: list[float] = []
        self.left: list[int] = []
        self.right: list[int] = []
        self.value: list[float] = []

    def _best_split(self, rows: np.ndarray, g_sum: float, h_sum: float) -> tuple[int, int] | None:
        s = self.settings
        best_gain, best = 0.0, None
        parent = g_sum * g_sum / (h_sum + s.l2)
        for j, edges in enumerate(self.edges):
            if len(edges) == 0:
                continue
            bins = self.binned[rows, j]
            g = np.cumsum(np.bincount(bins, self.gradient[rows], len(edges) + 1))[:-1]
            h = np.cumsum(np.bincount(bins, self.hessian[rows], len(edges) + 1))[:-1]
            ok = (h >= s.min_leaf) & (h_sum - h >= s.min_leaf)
            if not ok.any():
                continue
            gain = g * g / (h + s.l2) + (g_sum - g) ** 2 / (h_sum - h + s.l2) - parent
            gain = np.where(ok, gain, -1.0)
            b = int(gain.argmax())
            if gain[b] > best_gain:
                best_gain, best = float(gain[b]), (j, b)
        return best

    def grow(self, rows: np.ndarray, level: int) -> int:
        node = len(self.feature)
        for part in (self.feature, self.left, self.right):
            part.append(LEAF)
        self.threshold.append(0.0)
        self.value.append(0.0)
        g_sum = float(self.gradient[rows].sum())
        h_sum = float(self.hessian[rows].sum())
        split = None
        if level < self.settings.depth and h_sum >= 2 * self.settings.min_leaf:
            split = self._best_split(rows, g_sum, h_sum)
        if split is None:
            self.value[node] = -self.rate * g_sum / (h_sum + self.settings.l2)
            return node
        j, b = split
        goes_left = self.binned[rows, j] <= b
        self.feature[node] = j
        self.threshold[node] = float(self.edges[j][b])  # bin <= b is value < edges[b]
        self.left[node] = self.grow(rows[goes_left], level + 1)
        self.right[node] = self.grow(rows[~goes_left], level + 1)
        return node

    def tree(self) -> Tree:
        return Tree(
            tuple(self.feature),
            tuple(self.threshold),
            tuple(self.left),
            tuple(self.right),
            tuple(self.value),
        )


def _predict(tree: Tree, x: np.ndarray) -> np.ndarray:
    out = np.zeros(len(x))
    stack = [(0, np.arange(len(x)))]
    while stack:
        node, rows = stack.pop()
        if tree.feature[node] == LEAF:
            out[rows] = tree.value[node]
            continue
        goes_left = x[rows, tree.feature[node]] < tree.threshold[node]
        stack += [(tree.left[node], rows[goes_left]), (tree.right[node], rows[~goes_left])]
    return out


def prior_log_odds(y: np.ndarray, w: np.ndarray) -> float:
    """The weighted share of positives as log-odds (kept off 0 and 1): where trees start."""
    prior = float(np.clip(np.average(y, weights=w), 1e-3, 1 - 1e-3))
    return float(np.log(prior / (1 - prior)))


def fit_ensemble(x: np.ndarray, y: np.ndarray, w: np.ndarray, settings: Boosting) -> Ensemble:
    """Boosted trees on rows `x`, labels `y` (0 or 1) and row weights `w`."""
    edges = []
    binned = np.zeros(x.shape, dtype=np.int64)
    cuts = np.linspace(0, 1, settings.bins + 1)[1:-1]
    for j in range(x.shape[1]):
        column_edges = np.unique(np.quantile(x[:, j], cuts))
        edges.append(column_edges)
        binned[:, j] = np.searchsorted(column_edges, x[:, j], side="right")
    bias = prior_log_odds(y, w)
    margin = np.full(len(x), bias)
    trees = []
    for _ in range(settings.trees):
        p = 1.0 / (1.0 + np.exp(-margin))
        grower = _Grower(binned, edges, w * (p - y), w * p * (1 - p), settings, settings.rate)
        grower.grow(np.arange(len(x)), 0)
        tree = grower.tree()
        trees.append(tree)
        margin += _predict(tree, x)
    return Ensemble(bias, tuple(trees), x.shape[1])


def predict(ensemble: Ensemble, x: np.ndarray) -> np.ndarray:
    """Probabilities for many rows at once (the fitting scores whole folds)."""
    margin = np.full(len(x), ensemble.bias)
    for tree in ensemble.trees:
        margin += _predict(tree, x)
    probability: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(margin, -30, 30)))
    return probability
