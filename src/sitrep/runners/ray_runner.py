"""`sitrep ingest --runner ray`: the map half on Ray workers, one Parquet file per shard.

Workers are a Ray Data actor pool: each loads the NLP pipeline once, maps whole shards with
`sitrep.pipeline.map_documents` (the function the local runner calls) and writes the shard's
results to `WORK_DIR/<shard id>.parquet` atomically. The driver then loads the shards into the
store in input order through the local run's `Loader` (triage, near-duplicates, the one writer,
the reduce) under the same run lifecycle. A run that
is killed part-way leaves finished shards behind; running it again maps only the missing ones,
and loading is idempotent (content-hash ids), so the store ends as after one clean run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sitrep import recordio
from sitrep.errors import UsageError
from sitrep.loader import IngestSummary, Loader, Reporter, run_lifecycle
from sitrep.pipeline import MAP_BATCH, init_worker, map_documents
from sitrep.records import DocResult, RawDocument, Rejection
from sitrep.runners.shards import Shard, iter_shard, plan_shards
from sitrep.settings import Settings
from sitrep.store import Store


def default_work_dir(store: Store, specs: Sequence[str]) -> Path:
    """Where a run keeps its shard results: the same folder for the same inputs and store."""
    key = hashlib.sha256("\x1f".join([store.db, *specs]).encode()).hexdigest()[:12]
    return Path(".sitrep-work") / f"ray-{key}"


class ShardMapper:
    """A Ray actor: loads the pipeline once, then maps shards to Parquet files."""

    def __init__(self, settings_json: str, use_nlp: bool) -> None:
        self.settings = Settings.model_validate_json(settings_json)
        init_worker(
            use_nlp, self.settings.model, self.settings.pack, self.settings.stage_deadline_s
        )

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        done: dict[str, list[Any]] = {"shard": [], "items": []}
        for shard_json, path in zip(batch["shard"], batch["path"], strict=True):
            shard = Shard.from_json(str(shard_json))
            records = [
                recordio.dump(item) for item in map_in_order(iter_shard(shard, self.settings))
            ]
            write_shard(Path(str(path)), records)
            done["shard"].append(shard.index)
            done["items"].append(len(records))
        return done


def map_in_order(items: Iterable[RawDocument | Rejection]) -> list[DocResult | Rejection]:
    """Map the raw documents in batches (as the local runner does); rejections keep their place."""
    out: list[DocResult | Rejection] = []
    pending: list[RawDocument] = []
    for item in [*items, None]:
        if isinstance(item, RawDocument):
            pending.append(item)
            if len(pending) < MAP_BATCH:
                continue
        out.extend(map_documents(pending))
        pending = []
        if isinstance(item, Rejection):
            out.append(item)
    return out


def write_shard(path: Path, records: list[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    partial = path.with_suffix(".partial")
    pq.write_table(pa.table({"record": pa.array(records, type=pa.large_string())}), partial)
    os.replace(partial, path)  # a shard file exists only once it is complete


def read_shard(path: Path) -> list[str]:
    import pyarrow.parquet as pq

    return [str(r) for r in pq.read_table(path).column("record").to_pylist()]


def _map_on_ray(
    pending: list[tuple[Shard, Path]],
    settings: Settings,
    workers: int,
    address: str | None,
    use_nlp: bool,
    report: Reporter | None,
) -> None:
    try:
        import ray
    except ImportError as error:
        raise UsageError("Ray is not installed", hint="pip install 'sitrep[ray]'") from error
    if not ray.is_initialized():
        ray.init(
            address=address,
            num_cpus=None if address else workers,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
        )
    dataset = ray.data.from_items(
        [{"shard": shard.to_json(), "path": str(path)} for shard, path in pending]
    ).map_batches(
        ShardMapper,
        fn_constructor_kwargs={"settings_json": settings.model_dump_json(), "use_nlp": use_nlp},
        batch_size=1,
        concurrency=workers,
        num_cpus=1,
    )
    for row in dataset.iter_rows():
        if report is not None:
            report("mapped", f"shard {row['shard']} ({row['items']} items)")


def run_ray_ingest(
    store: Store,
    settings: Settings,
    specs: Sequence[str],
    workers: int = 2,
    address: str | None = None,
    work_dir: Path | None = None,
    use_nlp: bool = True,
    shard_size: int = 256,
    report: Reporter | None = None,
) -> IngestSummary:
    """Map the inputs on Ray, load the shard results into the store, then reduce."""
    shards = plan_shards(specs, settings, shard_size)
    folder = work_dir or default_work_dir(store, specs)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [(shard, folder / f"{shard.id}.parquet") for shard in shards]
    pending = [(shard, path) for shard, path in paths if not path.exists()]
    if pending:
        _map_on_ray(pending, settings, workers, address, use_nlp, report)
    loader = Loader(store, settings, IngestSummary(), report, use_nlp)  # the local runner's
    args = {"inputs": list(specs), "runner": "ray", "shards": len(shards)}
    with run_lifecycle(store, args, loader.summary) as run_id:
        loader.prepare(run_id)
        for _shard, path in paths:
            loader.load([recordio.load(text) for text in read_shard(path)])
        loader.reduce()
    return loader.summary
