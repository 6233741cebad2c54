"""One measurement, run in a fresh process so its peak memory is its own.

`python -m sitrep.bench.measure '{"kind": "ingest", ...}'` prints one JSON object. The bench
driver (`sitrep.bench.driver`) starts one such process per configuration, so that a
configuration's peak resident memory is not inflated by an earlier one's.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported for real inside the measurements, so each pays only its own
    from sitrep.settings import Settings
    from sitrep.store import Store


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MiB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def measure_ingest(
    inputs: list[str], workers: int, runner: str = "local", then: list[str] | None = None
) -> dict[str, Any]:
    """Ingest `inputs` into a fresh temporary store with the whole pipeline and time it.

    `then`: a second, small batch ingested into the filled store afterwards, timed on its own
    (`increment`): what a later run of a monitoring job costs once the store has grown."""
    from sitrep.pipeline import Ingest
    from sitrep.settings import Settings
    from sitrep.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store(str(Path(folder) / "bench.db"))
        settings = Settings(workers=workers)
        started = time.perf_counter()
        # one worker maps in a child process too (`map_in_worker`): its peak is the child's
        in_children = workers > 1
        if runner == "ray":
            from sitrep.runners.ray_runner import run_ray_ingest

            summary = run_ray_ingest(store, settings, inputs, workers=workers)
        else:
            ingest = Ingest(store, settings, use_nlp=True, workers=workers)
            in_children = ingest.pooled
            summary = ingest.run(inputs)
        seconds = time.perf_counter() - started
        increment = _measure_increment(store, settings, then) if then else None
        store.close()
    return {
        "increment": increment,
        "documents": summary.stored,
        "words": summary.words,
        "seconds": seconds,
        "stage_seconds": dict(summary.stage_seconds),
        "peak_rss_mib_parent": peak_rss_mib(),
        "peak_rss_mib_worker": peak_rss_mib(resource.RUSAGE_CHILDREN) if in_children else None,
    }


def _measure_increment(store: Store, settings: Settings, inputs: list[str]) -> dict[str, Any]:
    """Each input is one later run into the filled store, in turn; the median run is reported
    (the store grows by a batch each time, a few percent of it at most)."""
    from sitrep import loader
    from sitrep.pipeline import Ingest

    # The reduce's CPU time beside its wall time: on a shared machine other processes stretch
    # the wall time of one run and not another, not the CPU time the reduce itself spends
    # (in this process: the map of one worker runs in a child).
    cpu: list[float] = []
    reduce_store = loader.reduce_store

    def timed_reduce(*args: Any, **kwargs: Any) -> dict[str, Any]:
        started = time.process_time()
        try:
            return reduce_store(*args, **kwargs)
        finally:
            cpu.append(time.process_time() - started)

    runs = []
    loader.reduce_store = timed_reduce
    try:
        for batch in inputs:
            started = time.perf_counter()
            summary = Ingest(store, settings, use_nlp=True).run([batch])
            runs.append(
                {
                    "documents": summary.stored,
                    "seconds": time.perf_counter() - started,
                    "reduce_seconds": summary.stage_seconds.get("reduce", 0.0),
                    "reduce_cpu_seconds": cpu.pop() if cpu else 0.0,
                }
            )
    finally:
        loader.reduce_store = reduce_store
    median = sorted(runs, key=lambda run: run["reduce_seconds"])[len(runs) // 2]
    return {
        **median,
        "runs": len(runs),
        "reduce_seconds_each": [r["reduce_seconds"] for r in runs],
        "reduce_cpu_seconds_each": [r["reduce_cpu_seconds"] for r in runs],
        "reduce_cpu_median": sorted(r["reduce_cpu_seconds"] for r in runs)[len(runs) // 2],
    }


def measure_bare_spacy(texts_file: str) -> dict[str, Any]:
    """The floor: the shipped statistical pipeline alone over the same clean texts."""
    from sitrep.nlp.pipeline import load_pipeline

    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    nlp = load_pipeline()
    started = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=32):
        words += sum(1 for token in doc if not token.is_space)
    seconds = time.perf_counter() - started
    return {
        "documents": len(texts),
        "words": words,
        "seconds": seconds,
        "peak_rss_mib_parent": peak_rss_mib(),
    }


def main() -> None:
    request = json.loads(sys.argv[1])
    if request["kind"] == "ingest":
        result = measure_ingest(
            request["inputs"],
            request.get("workers", 1),
            request.get("runner", "local"),
            request.get("then"),
        )
    elif request["kind"] == "bare-spacy":
        result = measure_bare_spacy(request["texts_file"])
    else:
        raise SystemExit(f"unknown measurement {request['kind']!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
