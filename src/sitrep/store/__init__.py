"""The store: SQLAlchemy Core schema, migrations, one transaction per batch.

`Store(db)` opens (and migrates) a SQLite file or a PostgreSQL URL. Stage code reads and writes
the tables in `sitrep.store.schema` through `store.read()` / `store.transaction()`.
"""

from sitrep.store.store import Store, chunked, insert_ignore, utc_now

__all__ = ["Store", "chunked", "insert_ignore", "utc_now"]
