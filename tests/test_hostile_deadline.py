"""The per-document stage deadline (`stage_deadline_s`): a document whose clean + annotate +
extract takes longer is rejected in words, its neighbours stored, the run going on.

The slow inputs are slow by construction: the cleaner is wrapped to sleep on a marker (forked
workers inherit the wrapper). One sleeps where the worker's own timer reaches it; the other
blocks the timer's signal first, as C code that never returns to the interpreter would, so
only the deadline on the worker's result (a stuck worker killed and replaced) stops it: with
one worker as with two, since one worker maps in a child process too.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sitrep.clean
from sitrep.cli.app import app
from sitrep.deadline import StageTimeout, time_limit
from sitrep.pipeline import Ingest
from sitrep.records import CleanDocument, RawDocument
from sitrep.settings import Settings
from sitrep.store import Store, schema

BODY = "Officials in {place} said on Monday that talks on the border crossing had ended.\n"
PLACES = ["Baghdad", "Damascus", "Erbil", "Homs", "Mosul", "Aleppo", "Basra", "Hama"]
DEADLINE_S = 0.5
WORDS = f"took longer than {DEADLINE_S:g} s to read"


@pytest.fixture(autouse=True)
def slow_cleaner(monkeypatch: pytest.MonkeyPatch) -> None:
    real = sitrep.clean.clean_document

    def cleaner(raw: RawDocument) -> CleanDocument:
        if b"SLOW-DOWN" in raw.content:
            time.sleep(60)
        if b"HANG-HARD" in raw.content:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return real(raw)

    monkeypatch.setattr(sitrep.clean, "clean_document", cleaner)


def _folder(tmp_path: Path, marker: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, place in enumerate(PLACES):
        (folder / f"page-{n}.txt").write_text(BODY.format(place=place), encoding="utf-8")
    (folder / "page-3b.txt").write_text(BODY.format(place="Raqqa") + marker, encoding="utf-8")
    return folder


def _ingest_and_check(tmp_path: Path, workers: int, marker: str) -> float:
    db = str(tmp_path / "s.db")
    settings = Settings(batch_size=2, stage_deadline_s=DEADLINE_S)
    started = time.monotonic()
    summary = Ingest(Store(db), settings, use_nlp=False, workers=workers).run(
        [str(_folder(tmp_path, marker))]
    )
    took = time.monotonic() - started
    assert summary.stored == len(PLACES) == Store(db).count(schema.documents)
    assert [Path(r["origin"]).name for r in Store(db).rejects()] == ["page-3b.txt"]
    listed = CliRunner().invoke(app, ["rejects", "--db", db], env={"COLUMNS": "400"})
    assert "page-3b.txt" in listed.output and WORDS in listed.output, listed.output
    return took


@pytest.mark.parametrize("workers", [1, 2])
def test_a_slow_document_is_rejected_and_its_neighbours_stored(
    tmp_path: Path, workers: int
) -> None:
    took = _ingest_and_check(tmp_path, workers, "SLOW-DOWN")
    assert took < 30, took  # the sleep is 60 s


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_worker_stuck_where_its_timer_cannot_reach_is_replaced(
    tmp_path: Path, workers: int
) -> None:
    """With one worker too (`map_in_worker`, the default): the map runs in a child process,
    so a document stuck where no timer reaches is killed with it, not the run."""
    took = _ingest_and_check(tmp_path, workers, "HANG-HARD")
    assert took < 45, took


def test_the_timer_puts_back_an_outer_one() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.6)
        with pytest.raises(StageTimeout), time_limit(0.1):
            time.sleep(5)
        time.sleep(1.0)
        assert fired == [signal.SIGALRM]  # the outer timer still went off, with its handler
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
