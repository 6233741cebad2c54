"""The driver side of an ingest run, whichever runner maps: triage (exact duplicates by content
id, in input order), near-duplicate linking, the one writer, progress reports, the reduce, and
the run's bookkeeping. The local runner (`pipeline.Ingest`) and the Ray runner
(`runners.ray_runner`) only map; both hand their results to a `Loader`.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sitrep.longlived import collector_paused
from sitrep.records import DocResult, Rejection
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.writer import DuplicateInfo, record_origin, write_batch

if TYPE_CHECKING:
    from sitrep.clean.dedupe import NearDuplicateIndex
    from sitrep.pack import Pack

Reporter = Callable[[str, str], None]  # (event, origin): "stored", "duplicate", "rejected", ...


@dataclass
class IngestSummary:
    """What a run did: the figures the CLI prints and the runs table keeps."""

    run_id: str = ""
    seen: int = 0
    stored: int = 0
    already_stored: int = 0
    near_duplicates: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    words: int = 0
    seconds: float = 0.0
    stage_seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    reduce: dict[str, Any] = field(default_factory=dict)
    interrupted: bool = False

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "seen": self.seen,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "near_duplicates": self.near_duplicates,
            "rejected": dict(self.rejected),
            "rejected_total": self.rejected_total,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "reduce": self.reduce,
            "interrupted": self.interrupted,
        }


@contextmanager
def run_lifecycle(store: Store, args: dict[str, Any], summary: IngestSummary) -> Iterator[str]:
    """One ingest run's bookkeeping, whichever runner maps: the run row, its status (done,
    interrupted, failed), its time and its summary, written however the run ends."""
    started = time.perf_counter()
    run_id = store.start_run("ingest", args)
    status = "done"
    try:
        yield run_id
    except KeyboardInterrupt:
        status, summary.interrupted = "interrupted", True
        raise
    except BaseException:
        status = "failed"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        store.finish_run(run_id, status, summary.as_dict())


@dataclass
class Loader:
    """Writes mapped results into the store in input order, then reduces."""

    store: Store
    settings: Settings
    summary: IngestSummary
    report: Reporter | None = None
    use_nlp: bool = True
    pack: Pack | None = None  # the run's pack for the reduce (default: the settings')
    _known: set[str] = field(default_factory=set)
    _dedupe: NearDuplicateIndex | None = None

    def prepare(self, run_id: str) -> None:
        """Before the first batch: the ids already stored and the near-duplicate index."""
        self.summary.run_id = run_id
        self._known = self._stored_ids()
        self._dedupe = self._near_duplicate_index()

    def is_new(self, doc_id: str) -> bool:
        """Triage: the first time this run or the store meets this content id."""
        if doc_id in self._known:
            return False
        self._known.add(doc_id)
        return True

    def _stored_ids(self) -> set[str]:
        from sqlalchemy import select

        from sitrep.store import schema

        with self.store.read() as conn:
            return set(conn.execute(select(schema.documents.c.id)).scalars())

    def _near_duplicate_index(self) -> NearDuplicateIndex:
        from sitrep.clean.dedupe import NearDuplicateIndex

        index = NearDuplicateIndex(threshold=self.settings.near_duplicate_threshold)
        for doc_id, signature in self.store.minhash_signatures():
            index.add_signature(doc_id, signature)
        return index

    def load(self, items: Sequence[DocResult | Rejection]) -> None:
        """Write results mapped elsewhere, in input order, exactly as a local run would."""
        results: list[DocResult | Rejection] = []
        seen_again: list[tuple[str, str]] = []
        for item in items:
            self.summary.seen += 1
            if isinstance(item, Rejection) or self.is_new(item.document.id):
                results.append(item)
            else:
                seen_again.append((item.document.id, item.document.origin))
        self.write(results, seen_again, [])

    def write(
        self,
        mapped: Sequence[DocResult | Rejection],
        seen_again: list[tuple[str, str]],
        rejections: list[Rejection],
    ) -> None:
        results: list[DocResult] = []
        for item in mapped:
            if isinstance(item, Rejection):
                rejections.append(item)
            else:
                results.append(item)
                for stage, seconds in item.stage_seconds:
                    self.summary.stage_seconds[stage] += seconds
        duplicates = self._check_near_duplicates(results)
        started = time.perf_counter()
        with self.store.transaction() as conn:
            new = write_batch(conn, results, self.summary.run_id, duplicates)
            for doc_id, origin in seen_again:
                record_origin(conn, doc_id, origin, self.summary.run_id)
            self.store.record_rejections(conn, self.summary.run_id, rejections)
        self.summary.stage_seconds["store"] += time.perf_counter() - started
        self.summary.stored += new
        self.summary.already_stored += len(seen_again) + (len(results) - new)
        self.summary.words += sum(r.document.word_count for r in results)
        for rejection in rejections:
            self.summary.rejected[rejection.reason] += 1
        self._tell(results, seen_again, rejections)

    def _check_near_duplicates(self, results: list[DocResult]) -> dict[str, DuplicateInfo]:
        """Link syndicated copies to the first copy seen (in input order), keep signatures."""
        from sitrep.clean.dedupe import minhash

        assert self._dedupe is not None, "prepare() comes first"
        decided = {}
        for result in results:
            doc = result.document
            if not doc.text.strip():
                continue
            sketch = minhash(doc.text, self._dedupe.num_perm)
            match = self._dedupe.add_sketch(doc.id, sketch)
            if match is not None:
                self.summary.near_duplicates += 1
                decided[doc.id] = DuplicateInfo(match[0], round(match[1], 3), None)
            else:
                signature = bytes(sketch.hashvalues.astype("<u4").tobytes())
                decided[doc.id] = DuplicateInfo(None, None, signature)
        return decided

    def _tell(
        self, results: list[DocResult], again: list[tuple[str, str]], rejections: list[Rejection]
    ) -> None:
        if self.report is None:
            return
        for result in results:
            self.report("stored", result.document.origin)
        for _doc_id, origin in again:
            self.report("duplicate", origin)
        for rejection in rejections:
            self.report("rejected", rejection.origin)

    def reduce(self) -> None:
        if not self.use_nlp:
            return
        from sitrep.pack import load_pack

        started = time.perf_counter()
        pack = self.pack or load_pack(self.settings.pack)  # the run's, never the environment's
        why = f"run {self.summary.run_id}" if self.summary.run_id else None
        self.summary.reduce = reduce_store(self.store, pack=pack, why=why)
        self.summary.stage_seconds["reduce"] += time.perf_counter() - started


def reduce_store(
    store: Store,
    *,
    everything: bool = False,
    pack: Pack | None = None,
    why: str | None = None,
) -> dict[str, Any]:
    """The reduce half: resolve mentions to entities, then events and their corroboration,
    then relations between the resolved entities.

    Incremental by construction: each step works on what is not yet resolved, so a resumed
    run picks up documents an interrupted run stored but did not reduce. `everything` re-runs
    all three over the whole store (a full re-run); analyst decisions are re-applied either
    way, and a full re-run carries them to relations too. `why` is what an event's status
    changes are logged as the doing of (the run; `corroborate.status_history`)."""
    from dataclasses import asdict

    from sitrep.corroborate import run_corroboration
    from sitrep.corroborate.relations import run_relations
    from sitrep.corroborate.status_history import CORROBORATION
    from sitrep.pack.active import active_pack
    from sitrep.resolve import run_resolution

    with collector_paused():  # short-lived tables of mentions: no cycles worth a collection
        documents = _all_documents(store) if everything else None
        resolution = run_resolution(store, documents, pack)
        corroboration = run_corroboration(store, everything=everything, why=why or CORROBORATION)
        relations = run_relations(store, pack or active_pack(), everything=everything)
    return {
        "resolution": asdict(resolution),
        "corroboration": asdict(corroboration),
        "relations": asdict(relations),
    }


def _all_documents(store: Store) -> list[str]:
    from sqlalchemy import select

    from sitrep.store import schema

    with store.read() as conn:
        query = select(schema.documents.c.id).order_by(schema.documents.c.id)
        return list(conn.execute(query).scalars())
