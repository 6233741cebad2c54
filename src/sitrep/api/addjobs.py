"""Add-reports jobs: a request's ingest run in a thread of the server, polled by the page.

A run with several URLs or a large file takes longer than a page should wait on one request
without a word; as a job, the page polls it every second and says how many documents are read
so far, and the analyst may leave and come back (`#/add?job=ID`). Jobs live in the server's
memory: the last `KEPT` are answered, a restart forgets them (the documents and rejects they
wrote stay in the store, as any ingest run's)."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from sitrep.errors import NotFoundError

log = logging.getLogger(__name__)
KEPT = 50
Work = Callable[[list[tuple[str, str]]], dict[str, Any]]


@dataclass
class Job:
    id: str
    by: str
    inputs: int
    state: Literal["running", "done", "failed"] = "running"
    reported: list[tuple[str, str]] = field(default_factory=list)  # (outcome, origin) so far
    answer: dict[str, Any] | None = None
    error: str | None = None
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0

    def view(self) -> dict[str, Any]:
        """The job as the API answers it: its progress while it runs, its answer once done."""
        done = list(self.reported)  # a copy: the run's thread appends to it
        seconds = self.seconds if self.state != "running" else time.monotonic() - self.started
        return {
            "id": self.id,
            "by": self.by,
            "state": self.state,
            "inputs": self.inputs,
            "read": len(done),
            "stored": sum(outcome == "stored" for outcome, _ in done),
            "already_stored": sum(outcome == "duplicate" for outcome, _ in done),
            "rejected": sum(outcome == "rejected" for outcome, _ in done),
            "seconds": round(seconds, 1),
            "answer": self.answer,
            "error": self.error,
        }


class AddJobs:
    """The server's jobs, newest last; the oldest finished ones are forgotten past `KEPT`."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def start(self, by: str, inputs: int, work: Work) -> Job:
        job = Job(f"add_{uuid.uuid4().hex[:16]}", by, inputs)
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        threading.Thread(target=self._run, args=(job, work), name=job.id, daemon=True).start()
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFoundError(f"no add job {job_id!r} (jobs are kept until the server restarts)")
        return job

    def _run(self, job: Job, work: Work) -> None:
        try:
            job.answer = work(job.reported)
            job.state = "done"
        except Exception as error:  # the page must hear of it; the trace goes to the log
            log.exception("add job %s failed", job.id)
            job.error = f"the run failed ({type(error).__name__}); the server's log has the trace"
            job.state = "failed"
        finally:
            job.seconds = time.monotonic() - job.started

    def _forget_old(self) -> None:
        finished = [j.id for j in self._jobs.values() if j.state != "running"]
        for job_id in finished[: max(0, len(self._jobs) - KEPT)]:
            del self._jobs[job_id]
