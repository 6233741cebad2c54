"""The benchmark harness runs end to end at a tiny size (speed itself is never asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.bench.driver import BenchPlan, median_run, run_bench
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
    plan = BenchPlan(fakes=None, sizes=(12, 24), parallel_size=8, workers=(1,), increment=5)
    report = run_bench(plan)
    names = [row["name"] for row in report.rows]
    assert names[0] == "synthetic 12: whole pipeline, 1 process"
    assert "synthetic 12: bare spaCy pipeline (floor)" in names
    whole = report.rows[0]
    assert whole["documents"] == 12 and whole["words"] > 0
    assert whole["ratio_to_bare_spacy"] > 1.0  # the whole pipeline does more than spaCy alone
    assert set(whole["stage_shares"]) >= {"clean", "annotate", "extract", "store", "reduce"}
    assert report.rows[2]["reduce_per_doc_vs_smallest"] > 0
    later = report.rows[2]["increment"]  # the same 5 new pages, into the filled 24-doc store
    assert later["documents"] == 5 and later["reduce_seconds"] > 0
    assert (
        later["runs"] == 3 and later["reduce_seconds"] == sorted(later["reduce_seconds_each"])[1]
    )  # the median of three later runs
    # the reduce's own CPU time, each run's, no more than its wall time
    cpu = later["reduce_cpu_seconds_each"]
    assert len(cpu) == 3 and all(c > 0 for c in cpu)
    assert later["reduce_cpu_median"] == sorted(cpu)[1]
    assert sum(cpu) <= sum(later["reduce_seconds_each"]) * 1.05
    assert report.rows[2]["later_reduce_cpu_vs_smallest"] > 0
    assert report.rows[2]["later_reduce_vs_smallest"] > 0 and "Later runs" in markdown_report(
        report
    )
    assert report.rows[-1]["speedup_vs_1_process"] == pytest.approx(1.0)
    table = markdown_report(report)
    assert table.count("\n| synthetic") >= 4 and "× bare spaCy time" in table


def test_the_median_run_is_reported_with_every_run() -> None:
    runs = [{"seconds": 30.0, "n": 1}, {"seconds": 28.0, "n": 2}, {"seconds": 35.0, "n": 3}]
    middle = median_run(runs)
    assert middle["n"] == 1 and middle["seconds_runs"] == [30.0, 28.0, 35.0]
    assert median_run(runs[:2])["n"] == 2  # an even count keeps the lower middle, a real run


def test_parallel_runs_are_interleaved_and_compared_by_median(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sitrep.bench import driver

    asked: list[int] = []
    seconds = {1: iter([50.0, 60.0, 52.0]), 2: iter([30.0, 29.0, 40.0])}

    def fake_run(request: dict[str, object]) -> dict[str, object]:
        workers = int(request["workers"])  # type: ignore[call-overload]
        asked.append(workers)
        return {"documents": 10, "words": 100, "seconds": next(seconds[workers])}

    monkeypatch.setattr(driver, "_run", fake_run)
    report = driver.BenchReport()
    plan = BenchPlan(fakes=None, parallel_size=10, workers=(1, 2), repeat=3)
    driver.parallel(report, plan, ["corpus.jsonl"])
    assert asked == [1, 2, 1, 2, 1, 2]  # a noisy stretch hits both alike
    one, two = report.rows
    assert (one["seconds"], two["seconds"]) == (52.0, 30.0)
    assert two["speedup_vs_1_process"] == pytest.approx(52.0 / 30.0)
    assert "- synthetic 10: local runner, 2 process(es): 30.0, 29.0, 40.0" in markdown_report(
        report
    )


def test_a_feed_store_spans_its_days_and_later_runs_are_the_next_days(tmp_path: Path) -> None:
    from sitrep.bench.driver import _days, _later_batches

    assert _days(20000, 0) == _days(1000, 0)  # by default, every store over the same years
    assert (_days(1000, 10), _days(20000, 10)) == (100, 2000)  # a feed: the store's own days
    plan = BenchPlan(fakes=None, sizes=(40,), increment=6, per_day=4)
    store_days = _days(40, plan.per_day)
    batches = _later_batches(plan, tmp_path, 40, store_days)["then"]
    dates = [
        sorted(json.loads(line)["date"] for line in Path(p).read_text().splitlines())
        for p in batches
    ]
    last_store_day = "2015-01-10"  # 40 documents at 4 a day from 2015-01-01
    assert last_store_day < dates[0][0] and dates[0][-1] < dates[1][0] < dates[2][0]
