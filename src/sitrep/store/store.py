"""The Store: migrations on open, one transaction per batch, runs and rejects bookkeeping.

What the tables hold, and who may change them:

- **Statements, append-only**: documents, comments, sentences, mentions, event mentions and
  claims are what the map half found in one document. Each is an insert of a deterministic id
  that is skipped when present, so a re-run or a resumed run never duplicates a row and never
  overwrites one. The only later writes to them are links the reduce sets (a mention's entity,
  an event mention's event, a claim's origin key) and the analyst's own corrections (a
  mention's label, a claim's mark), which the ledger logs.
- **Derived, rebuilt**: entities, their aliases and events are the reduce's conclusions.
  Resolution and corroboration re-derive them (`sitrep reduce --all` re-derives all of them),
  and an analyst's decisions are re-applied on top from the ledger (`sitrep.ledger`), so a
  correction survives every re-run.
- **The log**: judgements (every decision, by rule or analyst, with its reason), runs and
  rejects. Judgements are never deleted; an undo marks one inactive and logs the undo.

Writers go through `transaction()` (one unit of work); readers use `read()`, and the read
model (`sitrep.read`) owns the queries people's questions run. Every transaction counts itself
in `store_revision` as it commits, so `revision()` tells a reader whether anything may have
changed since it last looked.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Insert, Table, func, insert, select, update
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from sitrep.errors import NotFoundError, StoreError
from sitrep.records import Rejection, stable_id
from sitrep.store import schema
from sitrep.store.engine import make_engine
from sitrep.store.migrations import migrate


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def chunked(items: Sequence[str], size: int = 5000) -> Iterator[list[str]]:
    """Values for IN lists in slices: SQLite caps one statement at 32,766 bound values."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def entity_types(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """Entity id -> its type (person, place, state, org ...); ids not stored are left out.
    One lookup for every stage that weighs what kind of thing a resolved span is."""
    e = schema.entities.c
    found: dict[str, str] = {}
    for chunk in chunked(sorted(set(ids))):
        found.update(
            {r.id: r.type for r in conn.execute(select(e.id, e.type).where(e.id.in_(chunk)))}
        )
    return found


def _insert_skipping_existing(conn: Connection, table: Table) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING, in the connection's dialect (SQLite or PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert  # type: ignore[assignment]
    return dialect_insert(table).on_conflict_do_nothing()


def _in_key_order(table: Table, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Concurrent writers lock the same keys in one order, so they wait instead of deadlocking."""
    keys = [c.name for c in table.primary_key]
    return sorted(rows, key=lambda row: tuple(str(row[k]) for k in keys))


def insert_new(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> set[str]:
    """Insert rows whose (single-column) primary key is not yet present; return those keys.

    One statement that writes first, so concurrent writers never act on a stale read."""
    if not rows:
        return set()
    (key,) = table.primary_key.columns
    statement = _insert_skipping_existing(conn, table).returning(key)
    return {str(found) for found in conn.execute(statement, _in_key_order(table, rows)).scalars()}


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert rows whose primary key is not yet present; return how many were new.

    Portable across SQLite and PostgreSQL (ON CONFLICT DO NOTHING on both)."""
    if not rows:
        return 0
    statement = _insert_skipping_existing(conn, table)
    if conn.dialect.name == "postgresql":
        # psycopg reports no rowcount for a many-row insert: count the keys it returns instead.
        returning = statement.returning(*table.primary_key.columns)
        return len(conn.execute(returning, _in_key_order(table, rows)).all())
    result = conn.execute(statement, list(rows))
    return max(result.rowcount or 0, 0)


@dataclass
class Store:
    """A sitrep store: SQLite file or PostgreSQL database, migrated on open."""

    db: str

    def __post_init__(self) -> None:
        self.engine = make_engine(self.db)
        try:
            with self.engine.begin() as conn:
                self.applied_migrations = migrate(conn)
        except OperationalError as error:
            raise StoreError(f"cannot open the store at {self.db!r}: {error.orig}") from error

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One unit of work: everything inside commits together or not at all."""
        try:
            with self.engine.begin() as conn:
                yield conn
                _count_commit(conn)
        except SQLAlchemyError as error:
            raise StoreError(f"write to the store failed: {error}") from error

    @contextmanager
    def bookkeeping(self) -> Iterator[Connection]:
        """A write of the analysts' own bookkeeping (a saved view and when it was last opened),
        which no reader keeps anything computed from: not counted as a commit, so opening a
        watched view does not make every kept explorer view stale (`sitrep.api.kept`)."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as error:
            raise StoreError(f"write to the store failed: {error}") from error

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    # -- runs and rejects ----------------------------------------------------------------------

    def start_run(self, command: str, args: dict[str, Any]) -> str:
        started = utc_now()
        run_id = stable_id(
            "run", command, started, repr(sorted(args.items())), id(self), os.getpid()
        )
        # While it runs, a run's stats say which process runs it: the next run can tell a run
        # whose process is gone (killed, machine restarted) from one still going.
        running = {"pid": os.getpid(), "host": socket.gethostname()}
        with self.transaction() as conn:
            _mark_killed_runs(conn, started)
            conn.execute(
                insert(schema.runs).values(
                    id=run_id,
                    command=command,
                    args=args,
                    started_at=started,
                    status="running",
                    stats=running,
                )
            )
        return run_id

    def finish_run(self, run_id: str, status: str, stats: dict[str, Any]) -> None:
        with self.transaction() as conn:
            conn.execute(
                update(schema.runs)
                .where(schema.runs.c.id == run_id)
                .values(finished_at=utc_now(), status=status, stats=stats)
            )

    def record_rejections(self, conn: Connection, run_id: str, items: Sequence[Rejection]) -> None:
        at = utc_now()
        rows = [
            {
                "id": stable_id("rej", run_id, r.origin, r.reason, r.stage),
                "run_id": run_id,
                "origin": r.origin,
                "reason": r.reason,
                "detail": r.detail,
                "stage": r.stage,
                "at": at,
            }
            for r in items
        ]
        insert_ignore(conn, schema.rejects, rows)

    def latest_run(self, command: str | None = None) -> dict[str, Any] | None:
        query = select(schema.runs).order_by(schema.runs.c.started_at.desc()).limit(1)
        if command:
            query = query.where(schema.runs.c.command == command)
        with self.read() as conn:
            row = conn.execute(query).mappings().first()
        return dict(row) if row else None

    def rejects(self, run_id: str | None = None) -> list[dict[str, Any]]:
        query = select(schema.rejects).order_by(schema.rejects.c.at, schema.rejects.c.origin)
        if run_id:
            query = query.where(schema.rejects.c.run_id == run_id)
        with self.read() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    # -- documents -----------------------------------------------------------------------------

    def count(self, table: Table) -> int:
        with self.read() as conn:
            return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document with its comments; a unique id prefix is enough."""
        docs = schema.documents
        with self.read() as conn:
            rows = (
                conn.execute(
                    select(docs)
                    .where(docs.c.id.like(f"{like_literal(doc_id)}%", escape=LIKE_ESCAPE))
                    .limit(2)
                )
                .mappings()
                .all()
            )
            if not rows:
                raise NotFoundError(f"no document with id {doc_id!r}", hint="see `sitrep docs`")
            if len(rows) > 1:
                raise NotFoundError(f"id prefix {doc_id!r} is ambiguous; give more characters")
            doc = {k: v for k, v in rows[0].items() if k != "minhash"}
            found = conn.execute(
                select(schema.comments)
                .where(schema.comments.c.document_id == doc["id"])
                .order_by(schema.comments.c.ordinal)
            )
            doc["comments"] = [dict(c) for c in found.mappings()]
            origins = conn.execute(
                select(schema.document_origins.c.origin).where(
                    schema.document_origins.c.document_id == doc["id"]
                )
            )
            doc["origins"] = sorted(origins.scalars())
        return doc

    def documents(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        docs = schema.documents
        n_comments = (
            select(func.count())
            .where(schema.comments.c.document_id == docs.c.id)
            .scalar_subquery()
            .label("comments")
        )
        query = (
            select(
                docs.c.id,
                docs.c.title,
                docs.c.site,
                docs.c.published,
                docs.c.language,
                docs.c.word_count,
                docs.c.duplicate_of,
                docs.c.origin,
                docs.c.format,
                n_comments,
            )
            .order_by(docs.c.ingested_at, docs.c.origin)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.read() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def minhash_signatures(self) -> Iterator[tuple[str, bytes]]:
        """Stored signatures, to rebuild the near-duplicate index across runs."""
        docs = schema.documents
        query = select(docs.c.id, docs.c.minhash).where(
            docs.c.minhash.is_not(None), docs.c.duplicate_of.is_(None)
        )
        with self.read() as conn:
            for doc_id, signature in conn.execute(query):
                yield str(doc_id), bytes(signature)


LIKE_ESCAPE = "\\"


Revision = tuple[str, int]


def revision(conn: Connection) -> Revision:
    """Which store this is and how many write transactions it has committed: equal revisions
    mean the same store with the same rows (every writer goes through `Store.transaction`)."""
    row = conn.execute(select(schema.store_revision.c.store, schema.store_revision.c.commits))
    store, commits = row.one()
    return str(store), int(commits)


def _count_commit(conn: Connection) -> None:
    """One more commit in the revision row, inside the committing transaction (on PostgreSQL
    the row lock is taken last and held only until that commit, so writers cannot deadlock
    on it)."""
    counter = schema.store_revision.c.commits
    conn.execute(update(schema.store_revision).values(commits=counter + 1))


def like_literal(text: str) -> str:
    """`text` for a LIKE pattern, matching itself only: `%` and `_` from a user are not
    wildcards (`q=%` matched every entity). Use with `escape=LIKE_ESCAPE`."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _mark_killed_runs(conn: Connection, now: str) -> None:
    """Runs still "running" whose process on this machine is gone become "killed".

    A run on another machine cannot be checked from here and is left as it is."""
    runs = schema.runs
    query = select(runs.c.id, runs.c.stats).where(runs.c.status == "running").order_by(runs.c.id)
    host = socket.gethostname()
    for run_id, stats in conn.execute(query).all():
        if not isinstance(stats, dict) or stats.get("host") != host:
            continue
        if not process_alive(stats.get("pid")):
            conn.execute(
                update(runs)
                .where(runs.c.id == run_id, runs.c.status == "running")
                .values(status="killed", finished_at=now, stats={**stats, "killed": True})
            )


def process_alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return True  # unknown: leave it be
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, someone else's
    return True
