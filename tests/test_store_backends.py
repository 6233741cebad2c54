"""The store on both backends: migrations, batch writes, rejects, insert-ignore, JSON, search."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, select, text

from sitrep.records import stable_id
from sitrep.store import Store, insert_ignore, schema
from sitrep.store.migrations import LATEST
from sitrep.store.search import search_documents
from storefixtures import ARTICLES, ingest, write_articles


def test_migrations_apply_once_and_reopen_cleanly(store: Store) -> None:
    assert store.applied_migrations == list(range(1, LATEST + 1))
    again = Store(store.db)
    assert again.applied_migrations == []
    again.close()
    with store.read() as conn:
        versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
        tables = set(inspect(conn).get_table_names())
    assert sorted(versions) == list(range(1, LATEST + 1))
    assert {t.name for t in schema.metadata.sorted_tables} <= tables
    if store.dialect == "sqlite":
        assert "documents_fts" in tables
    else:
        indexes = {i["name"] for i in inspect(store.engine).get_indexes("documents")}
        assert "ix_documents_fts" in indexes


def test_batch_write_stores_each_document_once(store: Store, tmp_path: Path) -> None:
    path = write_articles(tmp_path)
    ingest(store, path)
    assert store.count(schema.documents) == len(ARTICLES)
    first = store.latest_run("ingest")
    assert first is not None and first["status"] == "done"
    assert first["stats"]["stored"] == len(ARTICLES)  # JSON column round trip
    ingest(store, path)  # the same input again: nothing new
    second = store.latest_run("ingest")
    assert second is not None and second["id"] != first["id"]
    assert second["stats"]["stored"] == 0
    assert second["stats"]["already_stored"] == len(ARTICLES)
    assert store.count(schema.documents) == len(ARTICLES)
    if store.dialect == "sqlite":  # each document indexed for search once, not once per run
        with store.read() as conn:
            indexed = conn.execute(text("SELECT count(*) FROM documents_fts")).scalar_one()
        assert indexed == len(ARTICLES)
    doc = store.document(store.documents()[0]["id"][:12])  # a unique prefix is enough
    assert doc["origins"] and doc["fields"] is not None


def test_bad_inputs_become_rejects(store: Store, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    good = write_articles(tmp_path, ["visit"])
    ingest(store, tmp_path / "empty.txt", tmp_path / "blob.txt", good)
    run = store.latest_run("ingest")
    assert run is not None
    reasons = {Path(r["origin"]).name: r["reason"] for r in store.rejects(run["id"])}
    assert reasons == {"empty.txt": "empty", "blob.txt": "binary"}
    assert store.count(schema.documents) == 1


def test_insert_ignore_counts_only_new_rows(store: Store) -> None:
    def rows(*names: str) -> list[dict[str, object]]:
        return [
            {"id": stable_id("ent", n), "type": "person", "name": n, "created_by": "rule",
             "attributes": {"positions": [{"title": "Général", "org": n}], "note": "قاسم"}}
            for n in names
        ]  # fmt: skip

    with store.transaction() as conn:
        assert insert_ignore(conn, schema.entities, rows("b", "a")) == 2
    with store.transaction() as conn:
        assert insert_ignore(conn, schema.entities, rows("a", "c", "b")) == 1
        assert insert_ignore(conn, schema.entities, []) == 0
    with store.read() as conn:
        found = conn.execute(select(schema.entities.c.attributes).order_by(schema.entities.c.name))
        attributes = found.scalars().all()
    assert len(attributes) == 3
    assert attributes[0] == {"positions": [{"title": "Général", "org": "a"}], "note": "قاسم"}


def test_search_finds_documents_on_either_index(store: Store, tmp_path: Path) -> None:
    ingest(store, write_articles(tmp_path))
    with store.read() as conn:
        titles = lambda q: [r["title"] for r in search_documents(conn, q)]  # noqa: E731
        assert titles("T4 air base") == [ARTICLES["strike"]["title"]]
        assert set(titles("Ghaani")) == {
            ARTICLES["visit"]["title"],
            ARTICLES["visit-wire"]["title"],
        }
        assert titles("Damascus officials") == [ARTICLES["visit-wire"]["title"]]
        assert titles("submarine") == []
        assert len(titles('(T4) -"base: *')) == 2  # query syntax from users never breaks it
        assert titles("  ") == []


def test_postgresql_search_can_use_the_gin_index(store: Store, tmp_path: Path) -> None:
    if store.dialect != "postgresql":
        return  # SQLite searches its FTS5 table: there is no plan to check
    ingest(store, write_articles(tmp_path))
    with store.read() as conn:
        conn.execute(text("SET enable_seqscan = off"))  # tiny tables: force the planner's hand
        plan = conn.execute(
            text(
                "EXPLAIN SELECT id FROM documents WHERE to_tsvector('simple', "
                "coalesce(title, '') || ' ' || text) @@ plainto_tsquery('simple', 'Aleppo')"
            )
        ).scalars()
        assert "ix_documents_fts" in "\n".join(plan)
