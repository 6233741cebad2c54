"""Shared pytest fixtures.

`store` is a fresh, migrated sitrep Store, parametrised over both backends:

- `sqlite`: a file in a temporary folder;
- `postgresql`: a new database created on the server named by SITREP_TEST_PG_URL and dropped
  after the test. Without that variable the PostgreSQL case is skipped; start a throwaway
  server with `export SITREP_TEST_PG_URL="$(scripts/pg-test-server start)"`.

`db_url` is the same database as a `--db` string, for tests that open their own Store or start
subprocesses. `fresh_database(backend, folder)` gives one for fixtures of a wider scope.
A test that only needs SQLite can simply use `Store(str(tmp_path / "x.db"))`.

`domain_nlp` is the shipped pipeline with the pack's components, as an ingest runs it, loaded
once per session (skipped where no trained pipeline is shipped). `ingest_report` ingests one
dated report of the project's own words into a fresh SQLite store and gives its event mentions
(sentence, trigger, event id).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from sitrep.store import Store
from sitrep.store.engine import database_url

BACKENDS = ["sqlite", "postgresql"]
PG_URL_ENV = "SITREP_TEST_PG_URL"

# The CLI lays its text out to the terminal's width, which Rich reads from COLUMNS when there is
# no terminal: a shell or CI runner that exports it re-wrapped the output the tests read (under
# COLUMNS=50 a phrase of an article body broke over two lines). A console made while it is set
# keeps that width, even where a test asks for another, so it is not set at all: every run lays
# out as one without it (80 columns, or what a test gives CliRunner); subprocesses inherit that.
os.environ.pop("COLUMNS", None)
PG_SKIP = (
    "PostgreSQL not available: run scripts/pg-test-server start "
    f"(and export {PG_URL_ENV} as the URL it prints)"
)


@pytest.fixture(params=BACKENDS)
def built(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, Any]]:
    """A fresh store of `storefixtures.build_store`'s reports, on SQLite and on PostgreSQL where
    one is given, for each test. A test file's own `built` fixture (another scope, another
    store) overrides this one."""
    from storefixtures import build_store

    with fresh_database(request.param, tmp_path) as url:
        store = Store(url)
        yield store, build_store(store, tmp_path)
        store.close()


@contextmanager
def fresh_database(backend: str, folder: Path) -> Iterator[str]:
    """A new, empty database for `backend` as a --db string; skips when PostgreSQL is absent."""
    if backend == "sqlite":
        yield str(folder / "sitrep.db")
        return
    base = os.environ.get(PG_URL_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    url = make_url(database_url(base))  # postgresql:// → the psycopg driver sitrep uses
    name = f"sitrep_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield url.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store(db_url)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def domain_nlp() -> Language:
    from sitrep.nlp.pipeline import shipped_model_path
    from sitrep.pipeline import load_domain_pipeline
    from sitrep.settings import get_settings

    if not (shipped_model_path() / "config.cfg").is_file():
        pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en")
    return load_domain_pipeline(str(shipped_model_path()), get_settings().pack)


IngestedMention = tuple[int, str, str | None]  # sentence, trigger, event id


@pytest.fixture
def ingest_report(tmp_path: Path) -> Callable[[str], list[IngestedMention]]:
    """A report ingested as a user would (a text file with its title and date line), to see
    what corroboration grouped."""
    from sqlalchemy import select

    from sitrep.pipeline import Ingest
    from sitrep.settings import Settings
    from sitrep.store import schema

    def ingest(report: str) -> list[IngestedMention]:
        page = tmp_path / "report.txt"
        page.write_text("A report\n\nPublished 4 May 2016\n\n" + report + "\n", "utf-8")
        store = Store(str(tmp_path / "report.db"))
        try:
            Ingest(store, Settings(workers=1)).run([str(page)])
            m = schema.event_mentions.c
            with store.engine.connect() as conn:
                rows = conn.execute(select(m.sentence, m.trigger, m.event_id)).all()
        finally:
            store.close()
        return [(sentence, trigger, event) for sentence, trigger, event in rows]

    return ingest
