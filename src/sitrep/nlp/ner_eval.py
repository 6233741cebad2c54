"""Score a pipeline's entities against gold JSON lines (exact span and label match)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language

from sitrep.nlp.gold import GoldDoc

# Gold label synonyms mapped onto sitrep's labels before scoring.
LABEL_SYNONYMS = {
    "PER": "PERSON",
    "PERS": "PERSON",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "LOCATION": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
}


def canonical_label(label: str) -> str:
    return LABEL_SYNONYMS.get(label.upper(), label.upper())


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class NerScores:
    per_label: dict[str, PRF] = field(default_factory=dict)
    overall: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    docs: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "docs": self.docs,
            "overall": self.overall.as_dict(),
            "labels": {k: v.as_dict() for k, v in sorted(self.per_label.items())},
        }


def _ignored(span: tuple[int, int, str], regions: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in regions)


def score_ner(nlp: Language, gold: Iterable[GoldDoc], batch_size: int = 64) -> NerScores:
    """P/R/F1 per label and overall (micro), on the labels present in the gold data.

    Predictions overlapping a gold "ignore" region are not scored."""
    gold = list(gold)
    labels = {canonical_label(lab) for g in gold for _, _, lab in g.entities}
    counts: dict[str, Counter[str]] = {lab: Counter() for lab in labels}
    for g, doc in zip(gold, nlp.pipe((g.text for g in gold), batch_size=batch_size), strict=True):
        truth = {(s, e, canonical_label(lab)) for s, e, lab in g.entities}
        pred = {
            (ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if ent.label_ in labels
        }
        pred = {p for p in pred if p in truth or not _ignored(p, g.ignore)}
        for s, e, lab in truth | pred:
            key = (
                "tp"
                if (s, e, lab) in truth and (s, e, lab) in pred
                else ("fn" if (s, e, lab) in truth else "fp")
            )
            counts[lab][key] += 1
    per_label = {lab: PRF(c["tp"], c["fp"], c["fn"]) for lab, c in counts.items()}
    total = PRF(
        sum(p.tp for p in per_label.values()),
        sum(p.fp for p in per_label.values()),
        sum(p.fn for p in per_label.values()),
    )
    return NerScores(per_label=per_label, overall=total, docs=len(gold))
