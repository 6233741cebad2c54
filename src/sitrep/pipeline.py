"""The orchestrator: names the stages in order and runs them.

    acquire ─> clean ─> annotate ─> extract      map: one document in, one DocResult out
    store ─> resolve ─> corroborate              reduce: across documents, against the store

The map half is `map_documents`, a pure function of a batch of RawDocuments (plus the NLP
pipeline, loaded once per process; the batch only lets spaCy work on several texts at once);
it runs in this process or in a pool of worker processes and the distributed runner calls the
very same function, each with a `StageContext` (settings, pack, pipeline). `Ingest` acquires,
triages and maps; what must be sequential (exact and near-duplicate detection, where input
order decides which copy is "first"; the one writer; the reduce; the run's bookkeeping) is the
`Loader`'s (`sitrep.loader`), which the Ray runner uses too.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import islice
from typing import TYPE_CHECKING, Any

from sitrep.context import StageContext
from sitrep.deadline import StageTimeout, can_time_limit, time_limit, too_slow
from sitrep.errors import InputRejected

# the driver side lives in sitrep.loader; these names stay importable from here
from sitrep.loader import IngestSummary as IngestSummary
from sitrep.loader import Loader, run_lifecycle
from sitrep.loader import Reporter as Reporter
from sitrep.loader import reduce_store as reduce_store
from sitrep.longlived import collector_paused, keep_for_process
from sitrep.pack import load_pack
from sitrep.records import Annotation, CleanDocument, DocResult, RawDocument, Rejection
from sitrep.settings import Settings
from sitrep.store import Store

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from spacy.language import Language
    from spacy.tokens import Doc


log = logging.getLogger(__name__)
STAGES = ("acquire", "clean", "annotate", "extract", "store", "reduce")
MAP_BATCH = 32  # documents that go through spaCy together


# -- the map half ----------------------------------------------------------------------------

# A pool's worker process gets its context from `init_worker` (a process pool passes
# arguments to its initialiser, not a pipeline to each task): this is its only holder.
_process_context: StageContext | None = None


def init_worker(
    use_nlp: bool, model: str | None, pack: str, stage_deadline_s: float | None = None
) -> None:
    """A worker's initialiser: set up its stage context (see `process_context`)."""
    update: dict[str, Any] = {"model": model, "pack": pack}
    if stage_deadline_s is not None:  # the run's deadline, not the environment's
        update["stage_deadline_s"] = stage_deadline_s
    settings = Settings().model_copy(update=update)
    set_process_context(settings, use_nlp)


def set_process_context(settings: Settings, use_nlp: bool) -> StageContext:
    """The stage context of this process: the settings' pack, and the NLP pipeline loaded once
    (forked workers inherit it)."""
    global _process_context
    with collector_paused():
        _process_context = StageContext.load(settings, use_nlp=use_nlp)
        _warm_clean()
    if use_nlp:
        keep_for_process()  # the pipeline lives as long as the process (and forked workers)
    return _process_context


_WARM_PAGE = (
    b"<html><head><title>Warm-up</title></head><body><article>"
    b"<p>Officials in Baghdad said on Monday that talks had ended.</p></article></body></html>"
)


def _warm_clean() -> None:
    """Clean one small page, so that the cleaner's one-off loads (its libraries, the
    language model: most of a second) happen here, once, before workers fork, and are never
    counted against the first document's `stage_deadline_s`. A warm-up is no input: should it
    fail, the documents will say why."""
    from sitrep.clean import clean_document

    try:
        clean_document(RawDocument(content=_WARM_PAGE, origin="warm-up", format="html"))
    except Exception:
        log.debug("warming the cleaner up failed", exc_info=True)


def process_context() -> StageContext:
    if _process_context is None:
        raise RuntimeError("map_documents ran in a process init_worker did not set up")
    return _process_context


@cache
def load_domain_pipeline(model: str | None, pack_name: str) -> Language:
    """The shipped statistical pipeline plus the domain pack's titles and aliases (once)."""
    from sitrep.nlp.domain import AliasPattern, add_domain_components
    from sitrep.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model, shared=False)
    pack = load_pack(pack_name)
    aliases = [AliasPattern(text, label, pack_id) for text, label, pack_id in pack.alias_patterns()]
    shorts = [(text, a.label) for a in pack.actors.values() for text in a.short_forms]
    countries = sorted({region.country for region in pack.regions if region.country})
    add_domain_components(nlp, list(pack.title_forms), aliases, shorts, countries)
    return nlp


def map_document(raw: RawDocument) -> DocResult | Rejection:
    """clean → annotate → extract for one document; a bad document becomes a Rejection."""
    return map_documents([raw])[0]


def map_documents(
    raws: Sequence[RawDocument], context: StageContext | None = None
) -> list[DocResult | Rejection]:
    """clean → annotate → extract for a batch, in order; bad documents become Rejections.

    `context` gives the pack and the pipeline (default: this worker process's, from
    `init_worker`); without a pipeline the documents are cleaned only, as the context says.
    The batch goes through spaCy's `nlp.pipe` together, which is markedly cheaper than one
    call per document (about 1.5x on this model); each document's result is its own.

    Each document has `stage_deadline_s` (see `sitrep.deadline`): a batch gets as many times
    that as it has documents; a batch over its time is mapped again one document at a time,
    so that only the slow one is rejected."""
    context = context or process_context()
    limit = context.settings.stage_deadline_s
    try:
        with time_limit(limit * len(raws)):
            return _map_batch(raws, context)
    except StageTimeout:
        if len(raws) == 1:
            log.warning("%s took over %s s to map: rejected", raws[0].origin, limit)
            return [too_slow(raws[0].origin, limit)]
    return [map_documents([raw], context)[0] for raw in raws]


def _map_batch(raws: Sequence[RawDocument], context: StageContext) -> list[DocResult | Rejection]:
    cleaned: list[tuple[CleanDocument, float] | Rejection] = [_clean(raw) for raw in raws]
    docs = [item[0] for item in cleaned if not isinstance(item, Rejection)]
    if context.nlp is None:
        parsed: dict[str, tuple[Annotation, Doc, float] | Rejection] = {}
    else:
        parsed = _annotate_batch(docs, context.nlp)
    out: list[DocResult | Rejection] = []
    for item in cleaned:
        if isinstance(item, Rejection):
            out.append(item)
            continue
        doc, clean_seconds = item
        timings: list[tuple[str, float]] = [("clean", clean_seconds)]
        found = parsed.get(doc.id)
        if found is None:
            out.append(DocResult(doc, stage_seconds=tuple(timings)))
        elif isinstance(found, Rejection):
            out.append(found)
        else:
            annotation, spacy_doc, annotate_seconds = found
            timings.append(("annotate", annotate_seconds))
            learned = context.settings.learned_relations
            out.append(_extract(doc, annotation, spacy_doc, timings, learned_relations=learned))
    return out


def _failed(origin: str, stage: str, error: Exception) -> Rejection:
    """A document a stage failed on: rejected in words, the trace logged; its batch goes on.

    A failure here is our bug or a library's, never a reason to lose the other documents."""
    log.warning("%s failed on %s", stage, origin, exc_info=error)
    detail = f"the {stage} stage failed on this document (an internal error, logged)"
    return Rejection(origin, "malformed", detail, stage=stage)


def _clean(raw: RawDocument) -> tuple[CleanDocument, float] | Rejection:
    from sitrep.clean import clean_document

    started = time.perf_counter()
    try:
        doc = clean_document(raw)
    except InputRejected as error:
        return Rejection(raw.origin, error.reason, error.message, stage="clean")  # type: ignore[arg-type]
    except Exception as error:
        return _failed(raw.origin, "clean", error)
    return doc, time.perf_counter() - started


def _annotate_batch(
    docs: list[CleanDocument], nlp: Language
) -> dict[str, tuple[Annotation, Doc, float] | Rejection]:
    """doc id -> (Annotation, spaCy Doc, seconds); a batch's time is shared out by length.

    Should the batch fail, each document is annotated on its own, so only the one that fails
    is lost (as a Rejection)."""
    from sitrep.nlp.annotate import annotate_many

    started = time.perf_counter()
    try:
        results = list(annotate_many(((d.id, d.text) for d in docs), nlp))
    except Exception:
        if len(docs) == 1:
            raise
        return {d.id: _annotate_one(d, nlp) for d in docs}
    seconds = time.perf_counter() - started
    total = sum(len(d.text) for d in docs) or 1
    return {
        d.id: (annotation, spacy_doc, seconds * len(d.text) / total)
        for d, (annotation, spacy_doc) in zip(docs, results, strict=True)
    }


def _annotate_one(doc: CleanDocument, nlp: Language) -> tuple[Annotation, Doc, float] | Rejection:
    try:
        return _annotate_batch([doc], nlp)[doc.id]
    except Exception as error:
        return _failed(doc.origin, "annotate", error)


def _extract(
    doc: CleanDocument,
    annotation: Annotation,
    parsed: Doc,
    timings: list[tuple[str, float]],
    *,
    learned_relations: bool = False,
) -> DocResult | Rejection:
    from dataclasses import replace

    from sitrep.extract import extract_events
    from sitrep.extract.relations import extract_relations

    started = time.perf_counter()
    try:
        anchor = time_anchor(doc)
        extraction = extract_events(doc.id, parsed, anchor, doc.site, doc.title)
        relations = extract_relations(
            doc.id, parsed, anchor, doc.site, doc.title, learned=learned_relations
        )
        extraction = replace(extraction, relations=relations)
    except Exception as error:
        return _failed(doc.origin, "extract", error)
    timings.append(("extract", time.perf_counter() - started))
    return DocResult(doc, annotation, extraction, tuple(timings))


def time_anchor(doc: CleanDocument) -> str | None:
    """The date relative times ("on Thursday", "last October") are resolved against.

    The publication date when the page gives one. Failing that, the earliest reader comment's
    date: the article existed by then, so it bounds the publication from above, and readers
    comment within days. A page-header date is never used: it is the day the page was
    scraped (seed 002 prints 2024 above a 2019 article)."""
    if doc.published is not None:
        return doc.published.value
    posted = sorted(c.posted.value for c in doc.comments if c.posted and len(c.posted.value) == 10)
    return posted[0] if posted else None


# -- running it ------------------------------------------------------------------------------


def _chunks(items: Iterable[RawDocument | Rejection], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass
class Ingest:
    """One ingest run: acquire inputs, map them, write them in batches, then reduce."""

    store: Store
    settings: Settings
    use_nlp: bool = True
    workers: int = 1
    report: Reporter | None = None
    summary: IngestSummary = field(default_factory=IngestSummary)

    def run(
        self,
        specs: Sequence[str],
        stdin: Any = None,
        origins: Mapping[str, str] | None = None,
        job: str | None = None,
    ) -> IngestSummary:
        """Acquire the inputs, map them, write them in batches, then reduce, under one run.

        `origins`: the origin to record for a file spec instead of its path (see
        `sitrep.acquire.iter_inputs`); the run's row lists the inputs by those names too.
        `job`: the workbench job that started the run, named in the run's row so the job finds
        its run even when its server died before it could write the run's id
        (`sitrep.read.add_jobs`)."""
        named = origins or {}
        args: dict[str, Any] = {"inputs": [named.get(spec, spec) for spec in specs]}
        if job is not None:
            args["job"] = job
        try:
            with run_lifecycle(self.store, args, self.summary) as run_id:
                self._run(run_id, specs, stdin, named)
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
        return self.summary

    def _run(
        self, run_id: str, specs: Sequence[str], stdin: Any, origins: Mapping[str, str]
    ) -> None:
        from sitrep.acquire import iter_inputs

        # Loaded here even for a pool: forked workers inherit it, its pages shared, instead
        # of each spending the same second of CPU on a copy of their own.
        self.context = set_process_context(self.settings, self.use_nlp)
        self.loader.pack = self.context.pack
        self.loader.prepare(run_id)
        inputs = self._timed_acquire(iter_inputs(specs, self.settings, stdin, origins))
        waiting: _Mapped | None = None
        for chunk in _chunks(inputs, self.settings.batch_size * max(self.workers, 1)):
            if not self.pooled and waiting is not None:
                # One process gains nothing from holding a mapped chunk: it is written
                # before the next is mapped, so a crash there cannot take it along.
                self.loader.write(*waiting.collect())
                waiting = None
            # Workers map this chunk while this process writes the one before.
            mapped = self._process(chunk)
            if waiting is not None:
                self.loader.write(*waiting.collect())
            waiting = mapped
        if waiting is not None:
            self.loader.write(*waiting.collect())
        self.loader.reduce()

    _pool: ProcessPoolExecutor | None = None
    _warming = False
    _last_done = 0.0  # when the pool's last awaited batch came back (see `_gather`)
    context: StageContext | None = None

    @property
    def pooled(self) -> bool:
        """Whether the map runs in worker processes: with two or more, and with one too when
        the stage deadline is to bound code that never returns to the interpreter
        (`map_in_worker`; this process cannot stop such code in itself), or when this thread
        can set no timer at all (a server's request thread: `POST /api/ingest`)."""
        deadline = self.settings.stage_deadline_s > 0
        isolate = self.settings.map_in_worker or not can_time_limit()
        return self.workers > 1 or (deadline and isolate)

    def __post_init__(self) -> None:
        self.loader = Loader(self.store, self.settings, self.summary, self.report, self.use_nlp)

    def _timed_acquire(
        self, items: Iterable[RawDocument | Rejection]
    ) -> Iterator[RawDocument | Rejection]:
        iterator = iter(items)
        while True:
            started = time.perf_counter()
            item = next(iterator, None)
            self.summary.stage_seconds["acquire"] += time.perf_counter() - started
            if item is None:
                return
            yield item

    def _map(self, raws: list[RawDocument]) -> Callable[[], list[DocResult | Rejection]]:
        """The mapped batch's results: computed now with one process, else a pool's (awaited
        when called, each batch with a deadline)."""
        if not self.pooled:
            done = map_documents(raws, self.context)
            return lambda: done
        # Batches big enough for nlp.pipe, small enough that every worker gets several.
        size = max(1, min(MAP_BATCH, len(raws) // (2 * max(self.workers, 1))))
        batches = [raws[i : i + size] for i in range(0, len(raws), size)]
        try:
            futures = [self._open_pool().submit(map_documents, b) for b in batches]
        except BrokenProcessPool:  # a worker died on the chunk before: that one is salvaged
            self._drop_pool()
            futures = [self._open_pool().submit(map_documents, b) for b in batches]
        if batches and self.use_nlp and not self._warming:
            self._warming = True  # a thread only after the fork, never before
            _warm_reduce_in_background(self.settings.pack)
        return partial(self._gather, batches, futures, time.monotonic())

    def _gather(
        self,
        batches: list[list[RawDocument]],
        futures: list[Future[list[DocResult | Rejection]]],
        submitted: float,
    ) -> list[DocResult | Rejection]:
        """The pool's results in order. A batch whose worker died, or is still busy past its
        deadline (stuck where the worker's own timer cannot reach: the pool is killed and
        replaced), is mapped again one document per process.

        A batch's deadline: workers take batches in order, so a batch has started at the
        latest when the one before it came back (or when it was handed over); from then it
        may take its documents' deadlines twice over (a batch over its time is mapped again
        one by one, see `map_documents`), plus the time to start a worker."""
        limit = self.settings.stage_deadline_s
        out: list[DocResult | Rejection] = []
        for batch, future in zip(batches, futures, strict=True):
            started = max(submitted, self._last_done)
            deadline = started + limit * (2 * len(batch) + 1) + _GRACE_S
            try:
                out.extend(future.result(timeout=max(0.0, deadline - time.monotonic())))
                continue
            except TimeoutError:
                log.warning("a map worker is stuck past its deadline: it is replaced")
                self._drop_pool(kill=True)
            except (BrokenProcessPool, CancelledError):
                pass
            finally:
                self._last_done = time.monotonic()
            out.extend(self._salvage(batch))
            self._last_done = time.monotonic()
        return out

    def _drop_pool(self, kill: bool = False) -> None:
        """Let go of a broken pool, or kill a stuck one's processes; the next chunk opens one."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:
            for process in list((pool._processes or {}).values()):
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def _open_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=max(self.workers, 1),
                mp_context=_worker_context(),
                initializer=init_worker,
                initargs=_worker_args(self.use_nlp, self.settings),
            )
        return self._pool

    def _salvage(self, raws: list[RawDocument]) -> list[DocResult | Rejection]:
        """A worker died or was stuck mapping this batch (killed, out of memory, a crash or a
        hang in a library).

        Each of the batch's documents is mapped again in a process of its own, with a deadline
        on its result, so the one that kills or holds its worker is rejected and the others
        are stored; later chunks get a new pool."""
        log.warning("a map worker failed: mapping its %d documents one by one", len(raws))
        return [_map_alone(raw, self.use_nlp, self.settings) for raw in raws]

    def _process(self, chunk: list[RawDocument | Rejection]) -> _Mapped:
        """Triage a chunk of acquired inputs and start mapping the new ones."""
        rejections: list[Rejection] = []
        fresh: list[RawDocument] = []
        seen_again: list[tuple[str, str]] = []
        for item in chunk:
            self.summary.seen += 1
            if isinstance(item, Rejection):
                rejections.append(item)
            elif self.loader.is_new(item.id):
                fresh.append(item)
            else:
                seen_again.append((item.id, item.origin))
        return _Mapped(self._map(fresh), seen_again, rejections)


# Time a worker process gets beyond its documents' deadlines before it is taken for stuck:
# starting (fork), loading what it needs, handing its results back.
_GRACE_S = 5.0


@dataclass
class _Mapped:
    """A chunk on its way: its results (maybe still being mapped), re-seen inputs, rejections."""

    results: Callable[[], list[DocResult | Rejection]]
    seen_again: list[tuple[str, str]]
    rejections: list[Rejection]

    def collect(self) -> tuple[list[DocResult | Rejection], list[tuple[str, str]], list[Rejection]]:
        return self.results(), self.seen_again, self.rejections


def _worker_args(use_nlp: bool, settings: Settings) -> tuple[bool, str | None, str, float]:
    return (use_nlp, settings.model, settings.pack, settings.stage_deadline_s)


def _map_alone(raw: RawDocument, use_nlp: bool, settings: Settings) -> DocResult | Rejection:
    """One document mapped in a process of its own: its crash or hang costs only itself."""
    pool = ProcessPoolExecutor(
        max_workers=1,
        mp_context=_worker_context(),
        initializer=init_worker,
        initargs=_worker_args(use_nlp, settings),
    )
    limit = settings.stage_deadline_s
    try:
        result = pool.submit(map_document, raw).result(timeout=limit * 1.5 + _GRACE_S)
    except TimeoutError:
        for process in list((pool._processes or {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        log.warning("%s held its process past %s s: rejected", raw.origin, limit)
        return too_slow(raw.origin, limit)
    except BrokenProcessPool:
        pool.shutdown(wait=False)
        detail = "the process mapping this document died (out of memory or a library crash)"
        return Rejection(raw.origin, "malformed", detail, stage="map")
    pool.shutdown()
    return result


def _worker_context() -> BaseContext:
    """Fork where the platform has it: workers start with this process's loaded pipeline.

    Elsewhere (spawn) the initialiser loads it in each worker, which is slower but the same."""
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods() and sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _warm_reduce_in_background(pack_name: str) -> None:
    """Build the reduce's indexes (gazetteer, pack matcher) while the workers map.

    With worker processes the parent mostly waits; this moves a few seconds of one-off set-up
    off the reduce's path. One process gains nothing from it, so it is not done there."""
    import threading

    def warm() -> None:
        from sitrep.resolve.run import warm_up

        warm_up(pack_name)

    threading.Thread(target=warm, name="sitrep-warm-reduce", daemon=True).start()
