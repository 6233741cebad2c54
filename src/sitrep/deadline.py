"""The per-document stage deadline (`stage_deadline_s`): clean + annotate + extract of one
document may take at most that long, else the document is rejected and the run goes on.

Two layers, because Python cannot stop a thread from outside:

- `time_limit` (soft): a SIGALRM timer raises `StageTimeout` in the mapping code. It stops any
  stage that returns to the interpreter now and then (Python code, spaCy's pipes between
  documents, sleeps and reads), in the main thread of a process only: the one-process CLI run,
  each pool worker, each Ray actor. Elsewhere (a thread of the API server) it bounds nothing.
- The pool's backstop (`pipeline`): a worker that has not answered well after its deadline
  (stuck in C code that never yields) is killed and replaced, and its documents are mapped
  again one per process, each with a deadline on its result.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from sitrep.records import Rejection


class StageTimeout(BaseException):
    """Raised by the timer. A BaseException, so a stage's `except Exception` (which turns a
    failure into a rejection) does not mistake it for the document's own error."""


def too_slow(origin: str, seconds: float) -> Rejection:
    """The rejection of a document whose mapping passed the deadline, in words."""
    detail = f"took longer than {seconds:g} s to read (stage_deadline_s); the run went on"
    return Rejection(origin, "over-budget", detail, stage="map")


def can_time_limit() -> bool:
    """Whether `time_limit` bounds anything here: a POSIX timer, in the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise(signum: int, frame: FrameType | None) -> None:
    raise StageTimeout


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise StageTimeout in this block after `seconds` (a no-op where `can_time_limit` is not).

    A timer already set (a test harness's) is put back afterwards, less the time spent here."""
    if seconds <= 0 or not can_time_limit():
        yield
        return
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _raise)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer > 0:
            left = outer - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
