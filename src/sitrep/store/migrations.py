"""Versioned schema migrations, shared by SQLite and PostgreSQL.

Each migration is a numbered function of a connection, applied once, in order, inside one
transaction, and recorded in `schema_version`. A store opened by an older sitrep is brought
up to date on open; a store newer than this sitrep is refused rather than damaged.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, inspect, select, text

from sitrep.errors import StoreError
from sitrep.store import schema

Migration = tuple[int, str, Callable[[Connection], None]]


def _create_core_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn, checkfirst=True)


def _create_pending_index(conn: Connection) -> None:
    """A new index on an existing table (create_all only indexes the tables it creates)."""
    for index in schema.mentions.indexes:
        if index.name == "ix_mentions_pending":
            index.create(conn, checkfirst=True)


def _add_column(table: str, column: str, sql_type: str) -> Callable[[Connection], None]:
    """A new nullable column on an existing table (create_all adds none)."""

    def add(conn: Connection) -> None:
        if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))

    return add


def _create_search_index(conn: Connection) -> None:
    """Full-text search over document titles and bodies: FTS5 on SQLite, tsvector on PostgreSQL."""
    if conn.dialect.name == "sqlite":
        conn.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
                "document_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')"
            )
        )
    elif conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING GIN "
                "(to_tsvector('simple', coalesce(title, '') || ' ' || text))"
            )
        )


def _forget_relation_totals(conn: Connection) -> None:
    """Relation totals kept before they held each voice's described sources: without them a
    later run would pool only its own claims' (`corroborate.origins.pool`); a
    relation without totals is counted again from all its claims when a run next touches it."""
    if inspect(conn).has_table("relation_aggregates"):
        conn.execute(schema.relation_aggregates.delete())


def _create_store_revision(conn: Connection) -> None:
    """The revision row (`schema.store_revision`): a new random id, no commits yet."""
    _create_core_tables(conn)
    if conn.execute(select(schema.store_revision.c.id)).first() is None:
        conn.execute(schema.store_revision.insert().values(id=1, store=uuid.uuid4().hex, commits=0))


MIGRATIONS: tuple[Migration, ...] = (
    (
        1,
        "core tables: runs, rejects, documents, comments, sentences, mentions, entities, "
        "judgements, events, claims",
        _create_core_tables,
    ),
    (2, "full-text search index over documents", _create_search_index),
    # Additive: a store made before relations gains their two tables (nothing else changes).
    (3, "relations: relation_mentions, relations", _create_core_tables),
    # A store grouped before this table existed has no rows in it: corroboration then re-groups
    # everything once, which fills it (`corroborate.run`).
    (4, "event blocks: where a new event mention finds what it may join", _create_core_tables),
    # A store made before this table has no totals: each relation a later run touches is
    # counted once from all its claims, which fills them (`corroborate.relations`).
    (5, "relation aggregates: a relation's running totals", _create_core_tables),
    (6, "an index of the mentions not yet resolved", _create_pending_index),
    # Older mentions retell nothing, as they were extracted before the link was made.
    (
        7,
        "event mentions: the sentence of the happening a mention tells again",
        _add_column("event_mentions", "retells", "INTEGER"),
    ),
    # Older events are first told nowhere until corroboration writes them again (a later run
    # that touches them, or `sitrep reduce --all`): until then a day's events keep their order
    # by id.
    (8, "events: where each was first told", _add_column("events", "first_told", "VARCHAR(80)")),
    # Older mentions keep no reason: their labels were given before the type rules logged one.
    (
        9,
        "mentions: why a type rule labelled the mention",
        _add_column("mentions", "type_reason", "TEXT"),
    ),
    # Older stores start counting their commits here: what was kept before is keyed by no
    # revision, so nothing kept can be stale.
    (
        10,
        "store revision: which store this is and how many commits it has had",
        _create_store_revision,
    ),
    (
        11,
        "relation totals counted again: one outlet's described sources are one origin",
        _forget_relation_totals,
    ),
    # Additive: a store made before it has no saved views.
    (12, "watched views: an analyst's saved explorer filters", _create_core_tables),
    # Additive: a store made before it has no history; its events' statuses are logged from the
    # first change after it.
    (13, "event status changes: when and why an event's status changed", _create_core_tables),
    # Additive: jobs started before it lived in the server's memory and are gone.
    (
        14,
        "add jobs: the workbench's add-reports requests and how far each got",
        _create_core_tables,
    ),
    # Totals kept before them hold no origin's alias tokens: a later run would tie only its
    # own claims' voices. A relation without totals is counted again from all its claims.
    (
        15,
        "relation totals counted again: a body and the person speaking for it are one voice",
        _forget_relation_totals,
    ),
    # Additive: events reduced before it keep no method (the analyst sees "not recorded") until
    # corroboration writes them again (a run that touches them, or `sitrep reduce --all`).
    (
        16,
        "events: how each one's date was worked out",
        _add_column("events", "time_method", "TEXT"),
    ),
)

LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    found = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(found, default=0)


def migrate(conn: Connection) -> list[int]:
    """Apply every migration newer than the store; return the versions applied."""
    if conn.dialect.name == "postgresql":
        # Several processes opening a fresh database at once: one migrates, the others wait.
        conn.execute(text("SELECT pg_advisory_xact_lock(7311)"))
    version = current_version(conn)
    if version > LATEST:
        raise StoreError(
            f"this store has schema version {version}, newer than this sitrep knows ({LATEST})",
            hint="upgrade sitrep before opening it",
        )
    if version == 0:
        schema.schema_version.create(conn, checkfirst=True)
    applied = []
    for number, description, apply in MIGRATIONS:
        if number <= version:
            continue
        apply(conn)
        conn.execute(
            schema.schema_version.insert().values(
                version=number, applied_at=datetime.now(UTC).isoformat(), description=description
            )
        )
        applied.append(number)
    return applied
