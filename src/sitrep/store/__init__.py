"""The store: SQLAlchemy Core schema, migrations, one transaction per batch.

`Store(db)` opens (and migrates) a SQLite file or a PostgreSQL URL. Stage code reads and writes
the tables in `sitrep.store.schema` through `store.read()` / `store.transaction()`.
"""

from sitrep.store.store import (
    LIKE_ESCAPE,
    Revision,
    Store,
    chunked,
    entity_types,
    insert_ignore,
    like_literal,
    revision,
    utc_now,
)

__all__ = [
    "LIKE_ESCAPE",
    "Revision",
    "Store",
    "chunked",
    "entity_types",
    "insert_ignore",
    "like_literal",
    "revision",
    "utc_now",
]
