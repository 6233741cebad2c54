"""Score one or more pipelines on every held-out NER set in one run (`sitrep eval ner-suite`).

The held-out sets: UNER EWT test, UNER PUD, wikigold's held-out documents and re3d's held-out
sources. Comparing against a baseline pipeline in the same run keeps the figures comparable
(same gold conversion, same rules, same machine).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from sitrep.nlp.gold import CONVERTERS, GoldDoc, convert
from sitrep.nlp.ner_eval import PRF, NerScores, score_ner

CORE_LABELS = ("PERSON", "ORG", "LOC")


@dataclass(frozen=True)
class SuiteRow:
    corpus: str
    model: str
    scores: NerScores

    @property
    def core(self) -> PRF:
        """Micro P/R/F1 over PERSON, ORG and LOC: the figure the issue's targets name."""
        rows = [self.scores.per_label[lab] for lab in CORE_LABELS if lab in self.scores.per_label]
        return PRF(sum(r.tp for r in rows), sum(r.fp for r in rows), sum(r.fn for r in rows))

    def as_dict(self) -> dict[str, object]:
        return {
            "corpus": self.corpus,
            "model": self.model,
            "core": self.core.as_dict(),
            **self.scores.as_dict(),
        }


def held_out_gold(data: Path, corpora: list[str] | None = None) -> dict[str, list[GoldDoc]]:
    return {name: list(convert(name, data)) for name in corpora or list(CONVERTERS)}


def run_suite(models: dict[str, Language], gold: dict[str, list[GoldDoc]]) -> list[SuiteRow]:
    return [
        SuiteRow(corpus, name, score_ner(nlp, docs))
        for corpus, docs in gold.items()
        for name, nlp in models.items()
    ]


def format_table(rows: list[SuiteRow]) -> str:
    head = f"{'corpus':9} {'model':9} {'P/O/L P':>8} {'R':>6} {'F1':>6}  per label F1"
    lines = [head]
    for row in rows:
        core = row.core
        labels = " ".join(
            f"{lab}={prf.f1:.3f}" for lab, prf in sorted(row.scores.per_label.items())
        )
        lines.append(
            f"{row.corpus:9} {row.model:9} {core.precision:8.3f} {core.recall:6.3f} "
            f"{core.f1:6.3f}  {labels}"
        )
    return "\n".join(lines)
