"""The hostile corpus (tests/hostile.py) ingested as a user would, with the NLP pipeline, under
limits on time and memory: every good file stored, every bad one rejected with its reason in
words, the run never stopped."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile import SETTINGS, make_corpus, plain_text
from sitrep.store import Store, schema

SRC = Path(__file__).resolve().parents[1] / "src"
PYTHON_TEXT = re.compile(r"\w+Error\b|Exception|Traceback|NoneType|object has no attribute")
# The run's own cost, in CPU seconds: on CI's two free cores that is its wall time, and unlike
# wall time it does not grow when the machine is shared (a development box training a model
# measured 28 s of CPU in 129 s of wall time). Wall time only guards against a hang.
# CPU of the whole corpus against the CPU of ingesting a plain 100,000-character text in the
# same run, with the same start-up (loading the pipeline): a ratio, not seconds, since the
# machines' speed varies several-fold from day to day (one ran a bare tokenizer at 752,000
# words/s one day and at 104,000 another). Linear work on the 1,000,000-character text gives
# about 5 to 9 (7.8 alone in session 30, 8.8 alone in session 31, whose event rules cost more
# per sentence); the quadratic faults this guards against (a walk over every entity per match
# or per mention) gave 25 and more. The full suite on CI's two cores measured 10.3 and 11.1 for
# the same code that measured 7.8 and 8.8 alone: the 17 s baseline is one measurement, and the
# suite's other processes share its cores. The limit sits between the two kinds of cost.
CPU_RATIO_LIMIT = 13.0
BASELINE_CHARS = 100_000
HANG_LIMIT_S = 600
MEMORY_LIMIT_KB = 1024 * 1024


# `sitrep ingest` in a process of its own that reports its own CPU time and peak memory (the
# pytest process's other children must not count). The map runs in a child process of the
# ingest (`map_in_worker`), so both count: CPU time is the process's and its children's, and
# memory is sampled as the proportional set size (PSS: each shared page divided among the
# processes sharing it) of the process and its children together, every 0.1 s. A high-water mark
# per process (VmHWM) would count the pipeline's pages, shared by the fork, twice.
MEASURED_INGEST = """
import json, os, resource, sys, threading, time
from sitrep.cli.app import main
report = sys.argv.pop()
def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
def tree(pid):
    pids = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                for child in children.read().split():
                    pids += tree(int(child))
    except OSError:
        pass
    return pids
peak = [0]
def sample():
    while True:
        peak[0] = max(peak[0], sum(pss_kb(pid) for pid in tree(os.getpid())))
        time.sleep(0.1)
threading.Thread(target=sample, daemon=True).start()
try:
    main()
finally:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    if not peak[0]:  # no /proc: the process's own high-water mark
        peak[0] = own.ru_maxrss
    with open(report, "w") as out:
        json.dump({"cpu_s": cpu, "peak_kb": peak[0]}, out)
"""


def _name(origin: str) -> str:
    return origin.rsplit("/", 1)[-1]


def _measured_ingest(folder: Path, db: str, usage_file: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **SETTINGS, "PYTHONPATH": str(SRC)}
    argv = ["ingest", str(folder), "--db", db, "--json", str(usage_file)]
    return subprocess.run(
        [sys.executable, "-c", MEASURED_INGEST, *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT_S,
        check=False,
    )


def _baseline_cpu_s(tmp_path: Path) -> float:
    """CPU of ingesting one plain text of BASELINE_CHARS, start-up included."""
    folder = tmp_path / "baseline"
    folder.mkdir()
    (folder / "plain.txt").write_text(plain_text(BASELINE_CHARS), "utf-8")
    usage_file = tmp_path / "baseline-usage.json"
    done = _measured_ingest(folder, str(tmp_path / "baseline.db"), usage_file)
    assert done.returncode == 0, done.stderr[-3000:]
    return float(json.loads(usage_file.read_text())["cpu_s"])


@pytest.mark.slow
def test_the_hostile_corpus_never_stops_a_run(tmp_path: Path) -> None:
    expected = make_corpus(tmp_path / "corpus")
    hostile = {name: reason for name, reason in expected.items() if reason != "stored"}
    assert len(hostile) >= 30
    db = str(tmp_path / "s.db")
    baseline_s = _baseline_cpu_s(tmp_path)
    started = time.monotonic()
    usage_file = tmp_path / "usage.json"
    done = _measured_ingest(tmp_path / "corpus", db, usage_file)
    took = time.monotonic() - started
    usage = json.loads(usage_file.read_text())
    peak_kb, cpu_s = usage["peak_kb"], usage["cpu_s"]
    ratio = cpu_s / baseline_s
    print(
        f"hostile corpus: {cpu_s:.1f} s of CPU ({ratio:.1f} times the {baseline_s:.1f} s of a "
        f"plain {BASELINE_CHARS:,}-character text), {peak_kb // 1024} MB at peak, {took:.1f} s wall"
    )
    assert done.returncode == 1, done.stderr[-3000:]  # some inputs were rejected, none crashed
    summary = json.loads(done.stdout.strip().splitlines()[-1])

    store = Store(db)
    with store.read() as conn:
        origins = {_name(o) for o in conn.execute(schema.document_origins.select()).scalars()}
        origins |= {_name(o) for (o,) in conn.execute(schema.documents.select().with_only_columns(
            schema.documents.c.origin))}  # fmt: skip
    stored = sorted(name for name, outcome in expected.items() if outcome == "stored")
    assert [name for name in stored if name not in origins] == []
    rejects = {_name(r["origin"]): r for r in store.rejects()}
    wrong = {
        name: (reason, rejects.get(name, {}).get("reason"))
        for name, reason in hostile.items()
        if rejects.get(name, {}).get("reason") != reason
    }
    assert wrong == {}
    assert summary["rejected_total"] == len(rejects) == len(hostile)
    for row in rejects.values():
        detail = str(row["detail"])
        assert detail and not PYTHON_TEXT.search(detail), row
    assert summary["stored"] == len(stored)
    assert peak_kb < MEMORY_LIMIT_KB, f"{peak_kb // 1024} MB at peak"
    assert ratio < CPU_RATIO_LIMIT, f"{cpu_s:.0f} s of CPU, {ratio:.1f} times the baseline's"
