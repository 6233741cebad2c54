"""Boosted trees for many sparse indicator columns, as `trees.Ensemble` (the cleaner's format).

The cleaner's `boost.fit_ensemble` scans one histogram per feature and node, which suits a few
dozen dense features; the relation model has a thousand indicator columns (a word between the
phrases, a path) over tens of thousands of pairs, where that scan takes minutes per model.
Here every split a tree may make (a column against one of its cut points) is one 0/1 column of a
matrix, and the gradient sums of all of them, for every node of a level at once, are one matrix
product. Cut points: between each pair of distinct values when a column has few (an indicator
present in one pair of a hundred keeps its split, which quantile bins lose), else quantiles.
Same loss, same tree shape and the same reader (`trees.py`); deterministic (no sampling).
"""

from __future__ import annotations

import numpy as np

from sitrep.clean.textscrape.boost import Boosting, prior_log_odds
from sitrep.clean.textscrape.trees import LEAF, Ensemble, Tree


def cut_points(x: np.ndarray, bins: int) -> tuple[list[int], list[float]]:
    """(column, threshold) of every split: `x[:, column] < threshold` goes left."""
    columns, thresholds = [], []
    qs = np.linspace(0, 1, bins + 1)[1:-1]
    for j in range(x.shape[1]):
        values = np.unique(x[:, j])
        edges = values[1:] if len(values) <= bins else np.unique(np.quantile(x[:, j], qs))[1:]
        for edge in edges:
            columns.append(j)
            thresholds.append(float(edge))
    return columns, thresholds


def fit_sparse_ensemble(x: np.ndarray, y: np.ndarray, w: np.ndarray, s: Boosting) -> Ensemble:
    """Boosted trees on rows `x`, labels `y` (0 or 1) and row weights `w`, level by level."""
    columns, thresholds = cut_points(x, s.bins)
    right = np.empty((len(x), len(columns)), dtype=np.float32)
    for k, (j, t) in enumerate(zip(columns, thresholds, strict=True)):
        right[:, k] = x[:, j] >= t
    bias = prior_log_odds(y, w)
    margin = np.full(len(x), bias)
    trees = []
    for _ in range(s.trees):
        p = 1.0 / (1.0 + np.exp(-margin))
        tree, leaf_of = _grow(right, columns, thresholds, w * (p - y), w * p * (1 - p), s)
        trees.append(tree)
        margin += np.asarray(tree.value)[leaf_of]
    return Ensemble(bias, tuple(trees), x.shape[1])


def _grow(
    right: np.ndarray,
    columns: list[int],
    thresholds: list[float],
    g: np.ndarray,
    h: np.ndarray,
    s: Boosting,
) -> tuple[Tree, np.ndarray]:
    """One tree, and the node each row ends in."""
    feature, threshold, left_of, right_of, value = [LEAF], [0.0], [LEAF], [LEAF], [0.0]
    node_of = np.zeros(len(g), dtype=np.int64)
    frontier = [0]
    for level in range(s.depth + 1):
        if not frontier:
            break
        masks = np.stack([node_of == n for n in frontier], axis=1).astype(np.float32)
        sums = np.concatenate([masks * g[:, None], masks * h[:, None]], axis=1).astype(np.float32)
        totals = sums.astype(np.float64).sum(axis=0)
        splits = right.T @ sums if level < s.depth else None  # cut point x node: right sums
        following = []
        for f, node in enumerate(frontier):
            g_sum, h_sum = totals[f], totals[len(frontier) + f]
            best = None
            if splits is not None and h_sum >= 2 * s.min_leaf:
                gr = splits[:, f].astype(np.float64)
                hr = splits[:, len(frontier) + f].astype(np.float64)
                gl, hl = g_sum - gr, h_sum - hr
                ok = (hl >= s.min_leaf) & (hr >= s.min_leaf)
                gain = gl * gl / (hl + s.l2) + gr * gr / (hr + s.l2)
                gain -= g_sum * g_sum / (h_sum + s.l2)
                gain = np.where(ok, np.round(gain, 6), -1.0)  # rounded: ties break by index
                k = int(gain.argmax())
                if gain[k] > 0:
                    best = k
            if best is None:
                value[node] = -s.rate * g_sum / (h_sum + s.l2)
                continue
            lo, hi = len(feature), len(feature) + 1
            for part, fill in ((feature, LEAF), (threshold, 0.0), (left_of, LEAF),
                               (right_of, LEAF), (value, 0.0)):  # fmt: skip
                part.extend([fill, fill])  # type: ignore[list-item]
            feature[node], threshold[node] = columns[best], thresholds[best]
            left_of[node], right_of[node] = lo, hi
            here = node_of == node
            node_of[here] = np.where(right[here, best] > 0, hi, lo)
            following += [lo, hi]
        frontier = following
    tree = Tree(tuple(feature), tuple(threshold), tuple(left_of), tuple(right_of), tuple(value))
    return tree, node_of
