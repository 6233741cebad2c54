"""The benchmark harness runs end to end at a tiny size (speed itself is never asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.bench.driver import BenchPlan, run_bench
from sitrep.bench.synthetic import synthetic_documents, write_synthetic_corpus
from sitrep.cli.bench import markdown_report


def test_the_synthetic_corpus_is_deterministic_and_varied(tmp_path: Path) -> None:
    first = list(synthetic_documents(50, seed=3))
    assert first == list(synthetic_documents(50, seed=3))
    assert first != list(synthetic_documents(50, seed=4))
    assert len({doc["text"] for doc in first}) == 50
    path = write_synthetic_corpus(tmp_path / "c.jsonl", 5)
    urls = [json.loads(line)["url"] for line in path.read_text().splitlines()]
    assert len(urls) == 5 and urls[0].endswith("/0")


@pytest.mark.slow
def test_a_tiny_bench_reports_every_ratio() -> None:
    report = run_bench(BenchPlan(fakes=None, sizes=(12, 24), parallel_size=8, workers=(1,)))
    names = [row["name"] for row in report.rows]
    assert names[0] == "synthetic 12: whole pipeline, 1 process"
    assert "synthetic 12: bare spaCy pipeline (floor)" in names
    whole = report.rows[0]
    assert whole["documents"] == 12 and whole["words"] > 0
    assert whole["ratio_to_bare_spacy"] > 1.0  # the whole pipeline does more than spaCy alone
    assert set(whole["stage_shares"]) >= {"clean", "annotate", "extract", "store", "reduce"}
    assert report.rows[2]["reduce_per_doc_vs_smallest"] > 0
    assert report.rows[-1]["speedup_vs_1_process"] == pytest.approx(1.0)
    table = markdown_report(report)
    assert table.count("\n| synthetic") >= 4 and "× bare spaCy time" in table
