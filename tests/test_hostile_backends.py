"""The same store on every backend and in every insertion order; killed runs marked as such."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from conftest import fresh_database
from resolvefixtures import DOCS, load_docs
from sitrep.resolve import run_resolution
from sitrep.store import Store, schema

SRC = Path(__file__).resolve().parents[1] / "src"


def _resolved(store: Store) -> dict[str, str | None]:
    """mention id -> entity id: every decision resolution made."""
    run_resolution(store)
    with store.read() as conn:
        rows = conn.execute(select(schema.mentions.c.id, schema.mentions.c.entity_id))
        return dict([(r[0], r[1]) for r in rows])


def _doc_ids() -> list[str]:
    return [doc["id"] for doc in json.loads(DOCS.read_text(encoding="utf-8"))]


def test_resolution_does_not_depend_on_the_order_documents_were_stored(tmp_path: Path) -> None:
    forward, backward = Store(str(tmp_path / "f.db")), Store(str(tmp_path / "b.db"))
    for doc_id in _doc_ids():
        load_docs(forward, {doc_id})
    for doc_id in reversed(_doc_ids()):
        load_docs(backward, {doc_id})
    first = _resolved(forward)
    assert first and any(first.values())
    assert _resolved(backward) == first


@pytest.mark.parametrize("copy", [1, 2, 3])
def test_postgresql_resolves_exactly_as_sqlite(tmp_path: Path, copy: int) -> None:
    sqlite = Store(str(tmp_path / "s.db"))
    load_docs(sqlite)
    expected = _resolved(sqlite)
    with fresh_database("postgresql", tmp_path) as url:
        pg = Store(url)
        for doc_id in reversed(_doc_ids()):  # and stored in another order
            load_docs(pg, {doc_id})
        assert _resolved(pg) == expected
        pg.close()


def test_a_killed_run_is_marked_killed_when_the_next_one_starts(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    Store(db).close()
    killed = (
        "import os, sys; from sitrep.store import Store; "
        f"Store({db!r}).start_run('ingest', {{}}); os._exit(9)"  # no finish_run: as if kill -9
    )
    subprocess.run(
        [sys.executable, "-c", killed], env={"PYTHONPATH": str(SRC)}, check=False, timeout=120
    )
    store = Store(db)
    with store.read() as conn:
        assert list(conn.execute(select(schema.runs.c.status)).scalars()) == ["running"]
    mine = store.start_run("ingest", {})
    with store.read() as conn:
        statuses = dict(conn.execute(select(schema.runs.c.id, schema.runs.c.status)).all())
    assert statuses.pop(mine) == "running"  # this process is alive: its run is left alone
    assert list(statuses.values()) == ["killed"]
