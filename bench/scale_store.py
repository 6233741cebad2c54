"""A store K+1 times as big as a built one, for page-speed checks at scale: a copy of the
SQLite store with K more copies of its documents, event mentions, claims and events under
prefixed ids (`k1_`, `k2_` ...), the entities shared. No pipeline runs, so it takes seconds.

    python bench/scale_store.py FAKES.db BIG.db 8    # FA-KES dev: 2,150 -> 19,350 events
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import uuid

# the tables copied, and the columns that hold an id of a copied row
COPIED = {
    "documents": {"id", "duplicate_of"},
    "event_mentions": {"id", "document_id", "event_id"},
    "claims": {"id", "document_id", "event_mention_id"},
    "events": {"id"},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store")
    parser.add_argument("output")
    parser.add_argument("copies", type=int)
    args = parser.parse_args()
    shutil.copy(args.store, args.output)
    db = sqlite3.connect(args.output)
    for i in range(1, args.copies + 1):
        for table, ids in COPIED.items():
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
            picked = []
            for c in columns:
                if c in ids:
                    picked.append(f"CASE WHEN {c} IS NULL THEN NULL ELSE 'k{i}_' || {c} END")
                elif table == "documents" and c == "url":  # a document's URL is its identity
                    picked.append(f"{c} || '#k{i}'")
                else:
                    picked.append(c)
            db.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(picked)} "
                f"FROM {table} WHERE id NOT GLOB 'k[0-9]*_*'"  # the originals only
            )
    # a store of its own: what the API keeps is keyed by the store's id (sitrep.api.kept); a
    # store older than that id gets one when sitrep next opens it
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "store_revision" in tables:
        db.execute("UPDATE store_revision SET store = ?, commits = 0", (uuid.uuid4().hex,))
    db.commit()
    print({t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COPIED})


if __name__ == "__main__":
    main()
