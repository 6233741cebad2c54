"""One failure never costs its neighbours: a stage that fails on one document, or a worker
process that dies on one, loses only that document.

Real inputs that crash a stage are bugs, fixed as they are found, so the failures here are
injected: the cleaner is wrapped to fail on a marker (forked workers inherit the wrapper)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sitrep.clean
from sitrep.pipeline import Ingest
from sitrep.records import CleanDocument, RawDocument
from sitrep.settings import Settings
from sitrep.store import Store, schema

BODY = "Officials in {place} said on Monday that talks on the border crossing had ended.\n"
PLACES = ["Baghdad", "Damascus", "Erbil", "Homs", "Mosul", "Aleppo", "Basra", "Hama"]


@pytest.fixture
def failing_cleaner(monkeypatch: pytest.MonkeyPatch) -> None:
    real = sitrep.clean.clean_document

    def cleaner(raw: RawDocument) -> CleanDocument:
        if b"FAIL-IN-PYTHON" in raw.content:
            raise RuntimeError("injected failure")
        if b"KILL-THE-WORKER" in raw.content:
            os._exit(3)
        return real(raw)

    monkeypatch.setattr(sitrep.clean, "clean_document", cleaner)


def _folder(tmp_path: Path, marker: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, place in enumerate(PLACES):
        (folder / f"page-{n}.txt").write_text(BODY.format(place=place), encoding="utf-8")
    (folder / "page-3b.txt").write_text(BODY.format(place="Raqqa") + marker, encoding="utf-8")
    return folder


@pytest.mark.usefixtures("failing_cleaner")
@pytest.mark.parametrize(("workers", "marker"), [(1, "FAIL-IN-PYTHON"), (2, "FAIL-IN-PYTHON")])
def test_a_stage_failing_on_one_document_loses_only_it(
    tmp_path: Path, workers: int, marker: str
) -> None:
    store = Store(str(tmp_path / "s.db"))
    settings = Settings(batch_size=2)
    summary = Ingest(store, settings, use_nlp=False, workers=workers).run(
        [str(_folder(tmp_path, marker))]
    )
    assert summary.stored == len(PLACES)
    rejects = store.rejects()
    assert [Path(r["origin"]).name for r in rejects] == ["page-3b.txt"]
    assert "failed" in rejects[0]["detail"] and "Error" not in rejects[0]["detail"]


@pytest.mark.slow
@pytest.mark.usefixtures("failing_cleaner")
def test_a_worker_dying_on_one_document_loses_only_it(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "s.db"))
    settings = Settings(batch_size=2)
    summary = Ingest(store, settings, use_nlp=False, workers=2).run(
        [str(_folder(tmp_path, "KILL-THE-WORKER"))]
    )
    assert summary.stored == len(PLACES)
    assert store.count(schema.documents) == len(PLACES)
    rejects = store.rejects()
    assert [Path(r["origin"]).name for r in rejects] == ["page-3b.txt"]
    assert "died" in rejects[0]["detail"]


KILLED_RUN = """
import os, sys
import sitrep.clean
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store

real = sitrep.clean.clean_document

def cleaner(raw):
    if b"KILL-THE-RUN" in raw.content:
        os._exit(9)  # the whole process dies, as under kill -9 or the OOM killer
    return real(raw)

sitrep.clean.clean_document = cleaner
settings = Settings(batch_size=2, map_in_worker=sys.argv[3] == "isolated")
Ingest(Store(sys.argv[1]), settings, use_nlp=False).run([sys.argv[2]])
"""


@pytest.mark.parametrize("where", ["in-process", "isolated"])
def test_one_process_writes_each_chunk_before_mapping_the_next(tmp_path: Path, where: str) -> None:
    """In-process (`map_in_worker` off), a document that kills the process takes the run down
    but not the chunks before it; mapped in a worker (the default), it costs only itself."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n, place in enumerate(PLACES[:4]):  # two chunks of two, then the killer
        (folder / f"page-{n}.txt").write_text(BODY.format(place=place), encoding="utf-8")
    (folder / "page-9.txt").write_text(BODY.format(place="Raqqa") + "KILL-THE-RUN")
    db = str(tmp_path / "s.db")
    src = str(Path(__file__).resolve().parents[1] / "src")
    done = subprocess.run(
        [sys.executable, "-c", KILLED_RUN, db, str(folder), where],
        env={**os.environ, "PYTHONPATH": src},
        timeout=300,
        check=False,
    )
    assert Store(db).count(schema.documents) == 4  # both chunks before the killer are kept
    if where == "in-process":
        assert done.returncode == 9
    else:
        assert done.returncode == 0
        rejects = Store(db).rejects()
        assert [Path(r["origin"]).name for r in rejects] == ["page-9.txt"]
        assert "died" in rejects[0]["detail"]
