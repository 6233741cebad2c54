"""`sitrep bench pipeline`: end-to-end throughput, stage shares, scaling and parallel speed-up.

Every figure is a ratio against a baseline measured in the same run (machines are noisy):
the whole pipeline against the bare spaCy pipeline on the same clean text, the reduce at 5k
and 20k documents against 1k, a later run's reduce (a fixed batch added to the filled store) on
the 5k and 20k stores against the 1k store, two processes against one. Each configuration
runs in its own process so its peak memory is its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sitrep.bench.synthetic import FIRST_DAY, SPREAD_DAYS, write_synthetic_corpus
from sitrep.errors import SitrepError

# One batch per later run timed on each filled store; the median of them is reported.
LATER_RUN_SEEDS = (29, 31, 37)


@dataclass
class BenchPlan:
    fakes: Path | None
    sizes: tuple[int, ...] = (1000, 5000, 20000)
    parallel_size: int = 2000
    workers: tuple[int, ...] = (1, 2)
    ray: bool = False
    repeat: int = 1  # runs of each parallel configuration, interleaved; the median is reported
    increment: int = 100  # documents added to each filled store, to time a later run's reduce
    per_day: int = 0  # a feed of this many documents a day (0: every store over five years)


@dataclass
class BenchReport:
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, name: str, result: dict[str, Any], **extra: Any) -> dict[str, Any]:
        row = {"name": name, **result, **extra}
        seconds = result["seconds"] or 1e-9
        row["docs_per_s"] = result["documents"] / seconds
        row["words_per_s"] = result["words"] / seconds
        self.rows.append(row)
        return row


def _run(request: dict[str, Any]) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-m", "sitrep.bench.measure", json.dumps(request)],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise SitrepError(f"benchmark step {request['kind']} failed:\n{completed.stderr[-2000:]}")
    return dict(json.loads(completed.stdout.strip().splitlines()[-1]))


def _clean_texts(inputs: list[str], folder: Path) -> Path:
    """Clean the inputs once (no NLP) and save their texts: the bare-spaCy floor's input."""
    from sitrep.pipeline import Ingest
    from sitrep.settings import Settings
    from sitrep.store import Store, schema

    folder = Path(tempfile.mkdtemp(dir=folder))  # one per corpus: stores must not mix
    store = Store(str(folder / "clean-only.db"))
    Ingest(store, Settings(), use_nlp=False).run(inputs)
    with store.read() as conn:
        texts = [
            row[0]
            for row in conn.execute(
                schema.documents.select().with_only_columns(schema.documents.c.text)
            )
        ]
    store.close()
    path = folder / "texts.json"
    path.write_text(json.dumps(texts), encoding="utf-8")
    return path


def _stage_shares(stage_seconds: dict[str, float]) -> dict[str, float]:
    total = sum(stage_seconds.values()) or 1e-9
    return {stage: round(seconds / total, 3) for stage, seconds in stage_seconds.items()}


def end_to_end(
    report: BenchReport,
    label: str,
    inputs: list[str],
    folder: Path,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Whole pipeline vs the bare spaCy pipeline on the same clean text."""
    full = report.add(
        f"{label}: whole pipeline, 1 process",
        _run({"kind": "ingest", "inputs": inputs, **(extra or {})}),
    )
    full["stage_shares"] = _stage_shares(full["stage_seconds"])
    bare = report.add(
        f"{label}: bare spaCy pipeline (floor)",
        _run({"kind": "bare-spacy", "texts_file": str(_clean_texts(inputs, folder))}),
    )
    # Like for like: the floor excludes loading the model, so the ratio compares the sum of the
    # stage times (model and gazetteer loading excluded); wall time stays in "seconds".
    processing = sum(full["stage_seconds"].values())
    full["processing_seconds"] = processing
    full["ratio_to_bare_spacy"] = processing / max(bare["seconds"], 1e-9)
    return full


def _days(size: int, per_day: int) -> int:
    """Days a store of `size` documents spans: the same five years for every size by default
    (a denser store), or as many days as a feed of `per_day` documents a day fills."""
    return -(-size // per_day) if per_day else SPREAD_DAYS


def _later_batches(plan: BenchPlan, folder: Path, size: int, days: int) -> dict[str, Any]:
    """Later runs' batches (other seeds, so their pages are new to every store): dated like
    the store by default; with a feed (`per_day`), each is the next days' news after it."""
    if not plan.increment:
        return {}
    later = []
    for number, seed in enumerate(LATER_RUN_SEEDS):
        if plan.per_day:
            span = _days(plan.increment, plan.per_day)
            first = FIRST_DAY + timedelta(days=days + number * span)
            path = folder / f"increment-{size}-{seed}.jsonl"
            later.append(write_synthetic_corpus(path, plan.increment, seed, first, span))
        else:
            path = folder / f"increment-{seed}.jsonl"
            later.append(write_synthetic_corpus(path, plan.increment, seed=seed))
    return {"then": [str(path) for path in later]}


def run_bench(plan: BenchPlan) -> BenchReport:
    report = BenchReport()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if plan.fakes is not None:
            end_to_end(report, "FA-KES", [str(plan.fakes)], folder)
        base_reduce = base_increment = base_cpu = None
        for size in plan.sizes:
            days = _days(size, plan.per_day)
            corpus = write_synthetic_corpus(folder / f"synthetic-{size}.jsonl", size, days=days)
            then = _later_batches(plan, folder, size, days)
            if size == plan.sizes[0]:
                row = end_to_end(report, f"synthetic {size}", [str(corpus)], folder, then)
            else:
                row = report.add(
                    f"synthetic {size}: whole pipeline, 1 process",
                    _run({"kind": "ingest", "inputs": [str(corpus)], **then}),
                )
                row["stage_shares"] = _stage_shares(row["stage_seconds"])
            reduce_per_doc = row["stage_seconds"].get("reduce", 0.0) / max(size, 1)
            base_reduce = base_reduce or reduce_per_doc
            row["reduce_per_doc_vs_smallest"] = reduce_per_doc / max(base_reduce, 1e-9)
            if row.get("increment"):
                later_reduce = float(row["increment"]["reduce_seconds"])
                base_increment = base_increment or later_reduce
                row["later_reduce_vs_smallest"] = later_reduce / max(base_increment, 1e-9)
                later_cpu = float(row["increment"]["reduce_cpu_median"])
                base_cpu = base_cpu or later_cpu
                row["later_reduce_cpu_vs_smallest"] = later_cpu / max(base_cpu, 1e-9)
        corpus = write_synthetic_corpus(folder / "parallel.jsonl", plan.parallel_size, seed=11)
        parallel(report, plan, [str(corpus)])
    return report


def parallel(report: BenchReport, plan: BenchPlan, inputs: list[str]) -> None:
    """1 and 2 processes (and Ray) on the same input, each run `plan.repeat` times.

    The runs are interleaved (1, 2, Ray, 1, 2, Ray, ...) so a noisy minute on a shared machine
    falls on every configuration alike, and each configuration reports its median run."""
    label = f"synthetic {plan.parallel_size}"
    configs = [
        (f"{label}: local runner, {w} process(es)", {"kind": "ingest", "workers": w})
        for w in plan.workers
    ]
    if plan.ray:
        configs.append(
            (f"{label}: Ray, 2 workers", {"kind": "ingest", "workers": 2, "runner": "ray"})
        )
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in configs}
    for _ in range(max(plan.repeat, 1)):
        for name, request in configs:
            runs[name].append(_run({**request, "inputs": inputs}))
    one = None  # the first configuration (1 process) is the baseline
    for name, _ in configs:
        row = report.add(name, median_run(runs[name]))
        one = one or row["seconds"]
        row["speedup_vs_1_process"] = one / max(row["seconds"], 1e-9)


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median time (the lower middle of an even count), with every time."""
    ordered = sorted(runs, key=lambda run: float(run["seconds"]))
    middle = dict(ordered[(len(ordered) - 1) // 2])
    middle["seconds_runs"] = [round(float(run["seconds"]), 2) for run in runs]
    return middle
