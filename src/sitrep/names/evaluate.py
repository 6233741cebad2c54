"""Score `match_names` on a CSV of name pairs (a, b, kind, same) at the operating threshold."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from sitrep.errors import UsageError
from sitrep.names.match import OPERATING_THRESHOLD, NameKind, match_names

KINDS = ("person", "org", "place", "any")


@dataclass
class PairScores:
    threshold: float
    pairs: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate_pairs(path: Path, threshold: float = OPERATING_THRESHOLD) -> PairScores:
    if not path.is_file():
        raise UsageError(f"no pairs file at {path}")
    scores = PairScores(threshold)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kind = row["kind"].strip()
            if kind not in KINDS:
                raise UsageError(f"{path}: unknown kind {kind!r} (use one of {', '.join(KINDS)})")
            gold = row["same"].strip() == "1"
            result = match_names(row["a"], row["b"], cast(NameKind, kind))
            predicted = result.score >= threshold
            scores.pairs += 1
            scores.true_positives += gold and predicted
            scores.false_positives += predicted and not gold
            scores.false_negatives += gold and not predicted
            if gold != predicted:
                scores.errors.append(
                    {"a": row["a"], "b": row["b"], "gold": str(int(gold)),
                     "score": f"{result.score:.3f}", "reasons": "; ".join(result.reasons)}
                )  # fmt: skip
    return scores
