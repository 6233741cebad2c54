"""Score relation extraction on re3d's relations (`sitrep eval relations`).

re3d annotates relations between spans by character offsets: BelongsTo, InChargeOf, AlliesOf,
FightingAgainst, CoLocated (and types we do not extract). The held-out source is the one the
NER model never saw either (`HELD_OUT`); lexicons and rules may be looked at and fitted on the
others (`DEV`), never on it; the learned relation model (`relfit`) is fitted on `DEV` and
re3d's Wikipedia pages, so `--dev` scores it on pages it was fitted on (read `relfit`'s
cross-validated figures for those). A prediction matches a gold relation of its re3d type when
each of its ends overlaps the gold end on the same side (either side for AlliesOf: mutual).
Gold relations the annotators were unsure of (confidence below the NER readers' threshold) are
neither scored as missed nor held against a prediction that finds them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from sitrep.errors import DataMissingError
from sitrep.extract.relations import extract_relations
from sitrep.nlp.ner_corpora import MIN_CONFIDENCE
from sitrep.records import RelationMention

HELD_OUT = ("us-state-department",)
DEV = (
    "centcom",
    "uk-government",
    "delegation-of-the-european-union-to-syria",
    "australian-department-of-foreign-affairs",
)
SCORED = ("BelongsTo", "InChargeOf", "AlliesOf", "FightingAgainst", "CoLocated")
TARGET = ("BelongsTo", "InChargeOf", "CoLocated")  # the combined figure
MUTUAL = frozenset({"AlliesOf"})
# Our relation types as re3d's: (re3d type, whether the ends swap).
AS_RE3D: dict[str, tuple[str, bool]] = {
    "commands": ("InChargeOf", False),
    "controls": ("InChargeOf", False),
    "holds-position": ("BelongsTo", False),
    "member-of": ("BelongsTo", False),
    "under": ("BelongsTo", False),
    "allied-with": ("AlliesOf", False),
    "backs": ("AlliesOf", False),
    "fights": ("FightingAgainst", False),
    "present-in": ("CoLocated", False),
}

Span2 = tuple[int, int]


@dataclass(frozen=True)
class GoldRelation:
    type: str
    source: Span2
    target: Span2
    sure: bool


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    examples: list[dict[str, str]] = field(default_factory=list)

    def scores(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}  # fmt: skip


def read_source(folder: Path) -> Iterator[tuple[str, str, list[GoldRelation]]]:
    """(document id, text, gold relations) for one re3d source folder."""
    docs_path, rel_path = folder / "documents.json", folder / "relations.json"
    if not docs_path.exists() or not rel_path.exists():
        raise DataMissingError(f"re3d relations not found under {folder}")
    gold: dict[str, list[GoldRelation]] = {}
    for line in rel_path.open(encoding="utf-8"):
        if not line.strip():
            continue
        rel = json.loads(line)
        if rel["type"] not in SCORED:
            continue
        gold.setdefault(rel["documentId"], []).append(
            GoldRelation(
                rel["type"],
                (rel["sourceBegin"], rel["sourceEnd"]),
                (rel["targetBegin"], rel["targetEnd"]),
                float(rel.get("confidence", 1)) >= MIN_CONFIDENCE,
            )
        )
    for line in docs_path.open(encoding="utf-8"):
        if line.strip():
            doc = json.loads(line)
            yield doc["_id"], doc["text"], gold.get(doc["_id"], [])


def _overlaps(a: Span2, b: Span2) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def predicted(relations: Iterable[RelationMention]) -> set[tuple[str, Span2, Span2]]:
    """Our relations as re3d (type, source, target) triples, each once."""
    out = set()
    for rel in relations:
        kind, swap = AS_RE3D[rel.type]
        ends = ((rel.subject.start, rel.subject.end), (rel.object.start, rel.object.end))
        out.add((kind, ends[1], ends[0]) if swap else (kind, ends[0], ends[1]))
    return out


def _matches(pred: tuple[str, Span2, Span2], gold: GoldRelation) -> bool:
    kind, source, target = pred
    if kind != gold.type:
        return False
    same = _overlaps(source, gold.source) and _overlaps(target, gold.target)
    swapped = _overlaps(source, gold.target) and _overlaps(target, gold.source)
    return same or (kind in MUTUAL and swapped)


def score_document(
    text: str,
    preds: set[tuple[str, Span2, Span2]],
    gold: list[GoldRelation],
    counts: dict[str, Counts],
) -> None:
    matched: set[int] = set()
    for pred in sorted(preds):
        hits = [i for i, g in enumerate(gold) if _matches(pred, g)]
        counted = counts[pred[0]]
        if any(gold[i].sure for i in hits):
            counted.tp += 1
            matched.update(i for i in hits if gold[i].sure)
        elif not hits:
            counted.fp += 1
            if len(counted.examples) < 12:
                counted.examples.append(
                    {"fp": f"{text[pred[1][0] : pred[1][1]]} -> {text[pred[2][0] : pred[2][1]]}"}
                )
    for i, g in enumerate(gold):
        if g.sure and i not in matched:
            counts[g.type].fn += 1


def eval_relations(
    data: Path, nlp: Language, sources: Iterable[str] = HELD_OUT, learned: bool = True
) -> dict[str, Any]:
    """Precision and recall per re3d type, and combined over `TARGET`, on `sources`: the rule
    readers' relations with (`learned`) or without the learned model's."""
    counts = {kind: Counts() for kind in SCORED}
    n_docs = 0
    for name in sources:
        for doc_id, text, gold in read_source(data / "re3d" / name):
            parsed = nlp(text)
            preds = predicted(extract_relations(doc_id, parsed, None, None, learned=learned))
            score_document(text, preds, gold, counts)
            n_docs += 1
    combined = Counts(
        sum(counts[k].tp for k in TARGET),
        sum(counts[k].fp for k in TARGET),
        sum(counts[k].fn for k in TARGET),
    )
    return {
        "sources": list(sources),
        "learned": learned,
        "documents": n_docs,
        "per_type": {k: v.scores() for k, v in counts.items()},
        "combined": {"types": list(TARGET), **combined.scores()},
        "false_positives": {k: v.examples for k, v in counts.items() if v.examples},
    }
