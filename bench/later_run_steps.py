"""Time a later run's reduce step by step (CPU seconds) on a copy of a filled store.

    python bench/later_run_steps.py STORE.db BATCH.jsonl [BATCH.jsonl ...]

Each batch is ingested in turn into one copy of STORE.db (the store itself is left as it is),
as `sitrep bench pipeline --increment` does; for each, the reduce's wall and CPU seconds and
the CPU seconds of resolution, corroboration and relations and of their main steps are printed.
CPU time, because on a shared machine other processes stretch wall time unevenly. What it
found is in `docs/capacity.md` ("What breaks first", point 1).
"""

from __future__ import annotations

import functools
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

SPENT: dict[str, float] = defaultdict(float)

# (module, attribute, label): the reduce's steps, each timed where its caller finds it
STEPS = (
    ("sitrep.loader", "reduce_store", "reduce"),
    ("sitrep.resolve", "run_resolution", "resolution"),
    ("sitrep.corroborate", "run_corroboration", "corroboration"),
    ("sitrep.corroborate.relations", "run_relations", "relations"),
    ("sitrep.corroborate.run", "_scope", "corroboration: scope"),
    ("sitrep.corroborate.run", "load_mentions", "corroboration: load mentions"),
    ("sitrep.corroborate.blocks", "candidates", "corroboration: block lookup"),
    ("sitrep.corroborate.run", "cluster", "corroboration: compare"),
    ("sitrep.corroborate.run", "load_claims", "corroboration: claims"),
    ("sitrep.corroborate.blocks", "replace_index", "corroboration: block index"),
    ("sitrep.corroborate.relations", "_members", "relations: claims read"),
)


def _timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - started

    return wrapper


def main(store_path: str, batches: list[str]) -> None:
    import importlib

    for module, name, label in STEPS:
        found = importlib.import_module(module)
        setattr(found, name, _timed(label, getattr(found, name)))

    from sitrep.pipeline import Ingest
    from sitrep.settings import Settings
    from sitrep.store import Store

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.db"
        shutil.copy(store_path, copy)
        store = Store(str(copy))
        for batch in batches:
            SPENT.clear()
            summary = Ingest(store, Settings(), use_nlp=True).run([batch])
            wall = summary.stage_seconds.get("reduce", 0.0)
            steps = ", ".join(f"{label} {SPENT[label]:.3f}" for _m, _n, label in STEPS[1:])
            print(f"{Path(batch).name}: reduce {wall:.3f} s wall, {SPENT['reduce']:.3f} s CPU; "
                  f"{steps}", flush=True)  # fmt: skip
        store.close()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
