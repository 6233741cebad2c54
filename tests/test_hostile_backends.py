"""The same store on every backend and in every insertion order; killed runs marked as such.

Two corpora: the hand-written resolution documents (resolution alone, stored in other orders),
and the demo inputs ingested end to end (map, store, reduce) locally on SQLite, on three fresh
PostgreSQL databases, and by the Ray runner: every id the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from conftest import fresh_database
from resolvefixtures import DOCS, load_docs
from sitrep.pipeline import Ingest
from sitrep.resolve import run_resolution
from sitrep.settings import Settings
from sitrep.store import Store, schema
from storefixtures import id_snapshot

SRC = Path(__file__).resolve().parents[1] / "src"
DEMO = SRC.parent / "demo"
# Pages, a feed, a crawl and bad files: every reader, rejections among them.
CORPUS = [str(DEMO / name) for name in ("pages", "wire", "feed", "crawl", "bad")]


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


def _ingested(store: Store) -> dict[str, list[str]]:
    """Every id of an ingested store, and every mention's entity (what resolution decided)."""
    with store.read() as conn:
        rows = conn.execute(select(schema.mentions.c.id, schema.mentions.c.entity_id))
        resolved = sorted(f"{mention} {entity}" for mention, entity in rows)
    return {**id_snapshot(store), "mention_entities": resolved}


@pytest.fixture(scope="module")
def local_ids(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The demo corpus ingested by the local runner on SQLite: the reference."""
    store = Store(str(tmp_path_factory.mktemp("local") / "s.db"))
    Ingest(store, Settings()).run(CORPUS)
    ids = _ingested(store)
    store.close()
    assert ids["documents"] and ids["entities"] and ids["events"]
    return ids


@pytest.mark.slow
@pytest.mark.parametrize("copy", [1, 2, 3])
def test_an_ingest_on_postgresql_gives_the_ids_of_sqlite(
    tmp_path: Path, copy: int, local_ids: dict[str, list[str]]
) -> None:
    with fresh_database("postgresql", tmp_path) as url:
        pg = Store(url)
        Ingest(pg, Settings()).run(CORPUS)
        assert _ingested(pg) == local_ids
        pg.close()


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_an_ingest_with_ray_gives_the_ids_of_a_local_run(
    tmp_path: Path, backend: str, local_ids: dict[str, list[str]]
) -> None:
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'sitrep[ray]'")
    with fresh_database(backend, tmp_path) as db:
        # Small shards on two workers: they finish in any order, the store must not care.
        command = [sys.executable, "-m", "sitrep.cli.app", "ingest", "--runner", "ray",
                   "--workers", "2", "--shard-size", "2", "--db", db,
                   "--work-dir", str(tmp_path / "work"), *CORPUS]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(SRC), "RAY_DISABLE_USAGE_STATS": "1"}
        done = subprocess.run(command, env=env, timeout=600, check=False, capture_output=True)
        assert done.returncode in (0, 1), done.stderr[-3000:]  # 1: the bad files rejected
        store = Store(db)
        assert _ingested(store) == local_ids
        store.close()


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
