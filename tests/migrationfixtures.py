"""A store as an older sitrep made it, before the migration that added one column, opened by
this one: what each "an older store gains the column" test checks."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from sitrep.store import Store
from sitrep.store import schema as s
from sitrep.store.migrations import MIGRATIONS


def open_older_store(folder: Path, table: str, column: str, version: int) -> tuple[set[str], int]:
    """Make a store whose schema stops before migration `version` (which adds `table.column`),
    open it with this sitrep (which migrates), and return that table's columns and the store's
    schema version after."""
    path = folder / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        s.metadata.create_all(conn)
        conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        for number, description, _apply in MIGRATIONS:
            if number < version:
                conn.execute(
                    s.schema_version.insert().values(
                        version=number, applied_at="2026-01-01", description=description
                    )
                )
    engine.dispose()
    Store(str(path)).close()  # opening migrates
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        columns = {row[1] for row in conn.execute(text(f"PRAGMA table_info({table})"))}
        found = int(conn.execute(text("SELECT max(version) FROM schema_version")).scalar_one())
    engine.dispose()
    return columns, found
