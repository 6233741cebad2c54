"""`sitrep eval relations`: the scorer on hand-made gold, and the pinned floors on re3d's
held-out source (skipped where ../shared/data/re3d is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.extract.relations_eval import (
    Counts,
    GoldRelation,
    eval_relations,
    predicted,
    score_document,
)
from sitrep.records import ClaimRecord, RelationEnd, RelationMention

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FLOORS = json.loads((ROOT / "tests" / "relations_floors.json").read_text("utf-8"))


def _mention(kind: str, subject: tuple[int, int], obj: tuple[int, int]) -> RelationMention:
    claim = ClaimRecord("c", "d", "r", None, (), "asserts", False, (), None, 0, 0, 0, "")
    return RelationMention(
        "r", "d", kind,  # type: ignore[arg-type]
        RelationEnd("s", *subject, "PERSON"), RelationEnd("o", *obj, "ORG"),
        None, "cue", 0, 1, "verb", None, None, False, 0, claim,
    )  # fmt: skip


def test_scoring_counts_sides_types_and_unsure_gold() -> None:
    gold = [
        GoldRelation("InChargeOf", (0, 5), (10, 20), True),
        GoldRelation("BelongsTo", (30, 35), (40, 45), True),
        GoldRelation("CoLocated", (50, 55), (60, 65), False),  # the annotators were unsure
        GoldRelation("AlliesOf", (70, 75), (80, 85), True),
    ]
    preds = predicted(
        [
            _mention("commands", (0, 4), (12, 20)),  # overlaps both ends: a hit
            _mention("member-of", (40, 45), (30, 35)),  # ends swapped: BelongsTo is directed
            _mention("present-in", (50, 55), (60, 65)),  # unsure gold: neither hit nor miss
            _mention("allied-with", (80, 85), (70, 75)),  # AlliesOf is mutual: a hit
        ]
    )
    counts = {k: Counts() for k in ("InChargeOf", "BelongsTo", "CoLocated", "AlliesOf")}
    score_document("x" * 100, preds, gold, counts)
    assert (counts["InChargeOf"].tp, counts["InChargeOf"].fp, counts["InChargeOf"].fn) == (1, 0, 0)
    assert (counts["BelongsTo"].tp, counts["BelongsTo"].fp, counts["BelongsTo"].fn) == (0, 1, 1)
    assert (counts["CoLocated"].tp, counts["CoLocated"].fp, counts["CoLocated"].fn) == (0, 0, 0)
    assert counts["AlliesOf"].tp == 1


def test_held_out_floors() -> None:
    if not (DATA / "re3d" / "us-state-department" / "relations.json").exists():
        pytest.skip(f"re3d's relations not found under {DATA / 're3d'}")
    from sitrep.extract.pipeline import PACKAGE_MODEL

    if not (PACKAGE_MODEL / "meta.json").exists():
        pytest.skip("the trained pipeline has not shipped yet (src/sitrep/models/sitrep_en)")
    from sitrep.pipeline import load_domain_pipeline

    report = eval_relations(DATA, load_domain_pipeline(None, "syria-iraq"))
    assert report["sources"] == ["us-state-department"]
    for key, floors in FLOORS.items():
        if key.startswith("_"):
            continue
        scores = report["combined"] if key == "combined" else report["per_type"][key]
        for metric, floor in floors.items():
            assert scores[metric] >= floor, (key, metric, scores[metric], floor)
