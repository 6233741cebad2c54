"""Several ingest processes writing one store at once: every document is stored exactly once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from subprocess import PIPE

import pytest
from sqlalchemy import func, select, text

from sitrep.store import Store, schema
from sitrep.store.migrations import LATEST

SRC = Path(__file__).resolve().parents[1] / "src"
PLACES = ["Aleppo", "Deir ez-Zor", "Homs", "Albu Kamal", "Palmyra", "Damascus", "Idlib", "Hama"]
UNITS = ["a militia", "an artillery unit", "a drone team", "advisers", "a convoy", "engineers"]

# Each worker imports sitrep, waits for the `go` file so both start writing together, ingests.
WORKER = """
import sys, time
from pathlib import Path
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store
db, go, *inputs = sys.argv[1:]
import sitrep.acquire, sitrep.clean  # imported before the start line, not in the race
store = Store(db)
print("ready", flush=True)
while not Path(go).exists():
    time.sleep(0.01)
summary = Ingest(store, Settings(batch_size=2), use_nlp=False).run(inputs)
print(summary.stored, summary.already_stored, flush=True)
"""


def _article(n: int) -> dict[str, str]:
    place, unit = PLACES[n % len(PLACES)], UNITS[n % len(UNITS)]
    body = (
        f"Report {n}: {unit} was seen moving towards {place} on day {n * 7 % 31 + 1}, "
        f"according to observer number {n * 13}. Local sources counted {n + 3} vehicles and "
        f"said the movement followed talks held {n % 5 + 2} days earlier in {PLACES[n % 3]}."
    )
    return {"title": f"Movement report {n}", "text": body, "date": "2019-05-01"}


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-c", script, *args]
    return subprocess.Popen(command, env=env, stdout=PIPE, stderr=PIPE, text=True)


def _write(path: Path, numbers: list[int]) -> Path:
    path.write_text("".join(json.dumps(_article(n)) + "\n" for n in numbers), encoding="utf-8")
    return path


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-c", script, *args]
    return subprocess.Popen(command, env=env, stdout=PIPE, stderr=PIPE, text=True)


@pytest.mark.slow
def test_two_ingest_processes_with_overlapping_inputs(db_url: str, tmp_path: Path) -> None:
    Store(db_url).close()  # migrated once up front: the race under test is the writing
    # Overlap 6..11, in opposite orders, so the two writers meet the same keys both ways.
    first = _write(tmp_path / "a.jsonl", list(range(0, 12)))
    second = _write(tmp_path / "b.jsonl", list(reversed(range(6, 18))))
    go = tmp_path / "go"
    workers = [_spawn(WORKER, db_url, str(go), str(path)) for path in (first, second)]
    for worker in workers:  # both have imported everything and opened the store
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    go.touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        stored, again = map(int, out.split())
        results.append((stored, again))
    assert sum(stored for stored, _ in results) == 18  # each document counted new exactly once
    assert all(stored + again == 12 for stored, again in results)
    store = Store(db_url)
    with store.read() as conn:
        assert store.count(schema.documents) == 18
        titles = conn.execute(select(func.count(func.distinct(schema.documents.c.title))))
        assert titles.scalar_one() == 18
        origins = schema.document_origins
        per_doc = select(origins.c.document_id, func.count().label("n"))
        counts = conn.execute(per_doc.group_by(origins.c.document_id)).all()
        assert sorted(n for _, n in counts) == [1] * 12 + [2] * 6  # the overlap: both origins
        if store.dialect == "sqlite":
            fts = "SELECT count(*), count(DISTINCT document_id) FROM documents_fts"
            assert tuple(conn.execute(text(fts)).one()) == (18, 18)
    store.close()


def test_processes_opening_a_fresh_postgresql_database_migrate_once(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        return  # SQLite migrations are covered on open; concurrent first opens are a server case
    script = (
        "import sys; from sitrep.store import Store as S; print(S(sys.argv[1]).applied_migrations)"
    )
    workers = [_spawn(script, db_url) for _ in range(3)]
    outputs = []
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        outputs.append(out.strip())
    assert sorted(outputs) == [str(list(range(1, LATEST + 1))), "[]", "[]"]
