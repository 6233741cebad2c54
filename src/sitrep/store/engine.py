"""Opening a store: one SQLite file by default, a PostgreSQL URL for teams."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from sitrep.errors import StoreError, UsageError


def database_url(db: str) -> str:
    """Turn `--db` into a SQLAlchemy URL: a bare path means a SQLite file."""
    if "://" in db:
        try:
            url = make_url(db)
        except ArgumentError as error:
            raise UsageError(f"not a database URL: {db!r}") from error
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise UsageError(
                f"unsupported database {url.get_backend_name()!r}",
                hint="use a SQLite path or a postgresql:// URL",
            )
        if url.drivername == "postgresql":  # SQLAlchemy 2.0 would pick psycopg2: we ship psycopg 3
            return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        return db
    path = Path(db).expanduser()
    if path.exists() and path.is_dir():
        raise UsageError(f"--db {db!r} is a folder; give a file path such as ./sitrep.db")
    if not path.parent.exists():
        raise UsageError(f"the folder for --db {db!r} does not exist")
    return f"sqlite:///{path.resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (the API, a second CLI) read while one writer ingests; a busy timeout
    # makes a second writer wait instead of failing at once.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(db: str) -> Engine:
    url = database_url(db)
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, future=True)
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, future=True, pool_pre_ping=True)
    except Exception as error:  # driver missing, bad options: say so plainly
        raise StoreError(f"cannot open the store at {db!r}: {error}") from error
    return engine
