"""Add-reports jobs: a request's ingest run in a thread of the server, polled by the page.

A run with several URLs or a large file takes longer than a page should wait on one request
without a word; as a job, the page polls it every second and says how many documents are read
so far, and the analyst may leave and come back (`#/add?job=ID`). Each job is kept in the store
(`sitrep.read.add_jobs`): written when it starts, every few seconds as it runs and when it
ends, so the list outlives a restart, and a job whose server stopped mid-run shows as
interrupted with what it had done, and can be run again from the request it kept. While a job
runs, this server answers its progress from memory (newer than the last written)."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.loader import IngestSummary
from sitrep.read import add_jobs
from sitrep.store import Store

log = logging.getLogger(__name__)
# How often a running job's progress is written: what an interrupted job can say it had read
# beyond what its run's documents and rejects show (the inputs found already stored).
SAVE_EVERY_S = 2.0


@dataclass
class Progress:
    """What a running job's run has done so far: the run (its id once it starts) and the
    documents it read, as (outcome, origin) pairs in the order written."""

    job: str = ""  # the job's id, which its run's row names
    summary: IngestSummary = field(default_factory=IngestSummary)
    reported: list[tuple[str, str]] = field(default_factory=list)


Work = Callable[[Progress], object]  # its answer is read back from the store


@dataclass
class Job:
    id: str
    progress: Progress = field(default_factory=Progress)
    started: float = field(default_factory=time.monotonic)
    over: threading.Event = field(default_factory=threading.Event)


class AddJobs:
    """This server's running jobs; every job, running or not, is read from the store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._running: dict[str, Job] = {}
        self._lock = threading.Lock()

    def start(
        self,
        by: str,
        given: Sequence[str],
        request: dict[str, Any],
        work: Work,
        again_of: str | None = None,
    ) -> add_jobs.JobView:
        job_id = f"add_{uuid.uuid4().hex[:16]}"
        job = Job(job_id, Progress(job=job_id))
        with self._lock:  # running before it is written, so no `settle` takes it for gone
            self._running[job.id] = job
        try:
            add_jobs.start(self.store, job.id, by, given, request, again_of)
        except BaseException:
            with self._lock:
                self._running.pop(job.id, None)
            raise
        threading.Thread(target=self._run, args=(job, work), name=job.id, daemon=True).start()
        threading.Thread(target=self._save, args=(job,), name=f"{job.id}-save", daemon=True).start()
        return self.get(job.id)

    def get(self, job_id: str) -> add_jobs.JobView:
        self.settle()
        with self.store.read() as conn:
            found = add_jobs.job(conn, job_id)
        with self._lock:
            job = self._running.get(job_id)
        if job is None or found["state"] != "running":
            return found
        done = list(job.progress.reported)  # a copy: the run's thread appends to it
        seconds = time.monotonic() - job.started
        return add_jobs.with_progress(found, job.progress.summary.run_id, done, seconds)

    def list(self) -> list[add_jobs.JobView]:
        self.settle()
        with self.store.read() as conn:
            found = add_jobs.jobs(conn)
        with self._lock:
            running = dict(self._running)
        return [
            add_jobs.with_progress(
                view,
                running[view["id"]].progress.summary.run_id,
                list(running[view["id"]].progress.reported),
                time.monotonic() - running[view["id"]].started,
            )
            if view["id"] in running and view["state"] == "running"
            else view
            for view in found
        ]

    def settle(self) -> None:
        """Mark as interrupted the jobs no server runs any more (`add_jobs.settle`)."""
        with self._lock:
            live = list(self._running)
        add_jobs.settle(self.store, live)

    def _run(self, job: Job, work: Work) -> None:
        state, error = "done", None
        try:
            work(job.progress)
        except Exception as failure:  # the page must hear of it; the trace goes to the log
            log.exception("add job %s failed", job.id)
            state = "failed"
            error = f"the run failed ({type(failure).__name__}); the server's log has the trace"
        finally:
            job.over.set()
            try:
                add_jobs.finish(
                    self.store,
                    job.id,
                    state=state,
                    run_id=job.progress.summary.run_id,
                    reported=list(job.progress.reported),
                    seconds=time.monotonic() - job.started,
                    error=error,
                )
            finally:
                with self._lock:
                    self._running.pop(job.id, None)

    def _save(self, job: Job) -> None:
        """Write the job's progress every few seconds until it is over."""
        while not job.over.wait(SAVE_EVERY_S):
            try:
                add_jobs.progress(
                    self.store, job.id, job.progress.summary.run_id, list(job.progress.reported)
                )
            except Exception:  # a busy store: the next beat, or the end, writes it
                log.warning("could not save add job %s's progress", job.id, exc_info=True)
