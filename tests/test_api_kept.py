"""The explorer keeps a view while the store has not changed (`sitrep.api.kept`), and the
store's revision (`sitrep.store.revision`) moves on with every commit, so a kept view is never
answered after one: the answers stay what reading the store again gives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, text, update

from conftest import BACKENDS, fresh_database
from sitrep.api import create_app
from sitrep.api import explore as x
from sitrep.api.kept import Kept
from sitrep.errors import StoreError
from sitrep.read.network import network
from sitrep.store import Store, revision, schema
from sitrep.store.migrations import LATEST
from storefixtures import build_store
from test_explore_query import add_generated_events, reference_rows


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with fresh_database(request.param, tmp_path) as url:
        built = Store(url)
        add_generated_events(built, build_store(built, tmp_path), 40, seed=23)
        yield built
        built.close()


def _view(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/explore/events", params=params)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def _same_as_reading_again(answer: dict[str, Any], store: Store, sort: str, desc: bool) -> None:
    rows = x.sort_rows(reference_rows(store, x.EventFilter()), sort, desc)
    assert answer["total"] == len(rows)
    assert answer["items"] == rows[: answer["limit"]]
    assert answer["facets"] == x.facets(rows)
    assert answer["weekly"] == x.weekly(rows)


def test_a_kept_view_gives_what_reading_again_gives_until_a_commit(store: Store) -> None:
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        first = _view(client, limit=100)
        assert _view(client, limit=100) == first
        _same_as_reading_again(first, store, "time", False)
        # the map's and timeline's way: page after page of one view, each page from what is kept
        pages = [_view(client, limit=9, offset=o)["items"] for o in range(0, first["total"], 9)]
        assert [r for page in pages for r in page] == first["items"]

        dropped, changed = first["items"][0]["id"], first["items"][1]["id"]
        with store.transaction() as conn:  # an analyst's decision, say
            conn.execute(delete(schema.events).where(schema.events.c.id == dropped))
            conn.execute(
                update(schema.events).where(schema.events.c.id == changed).values(status="denied")
            )
        after = _view(client, limit=100)
        assert after["total"] == first["total"] - 1
        assert dropped not in {r["id"] for r in after["items"]}
        assert {r["id"]: r["status"] for r in after["items"]}[changed] == "denied"
        _same_as_reading_again(after, store, "time", False)
        _same_as_reading_again(_view(client, limit=100, sort="status", order="desc"), store,
                               "status", True)  # fmt: skip


def test_kept_points_give_what_reading_again_gives_until_a_commit(store: Store) -> None:
    """The map's points share the explorer's kept rows and are kept too; a commit moves both."""

    def points(client: TestClient) -> dict[str, list[Any]]:
        response = client.get("/api/explore/points")
        assert response.status_code == 200, response.text
        columns: dict[str, list[Any]] = response.json()["columns"]
        return columns

    def reading_again() -> list[str]:
        return [r["id"] for r in x.sort_rows(reference_rows(store, x.EventFilter()), "time", False)]

    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        first = points(client)
        assert first["id"] == reading_again()
        assert _view(client, limit=100)["items"][0]["id"] == first["id"][0]  # the same rows
        assert points(client) == first
        dropped, changed = first["id"][0], first["id"][1]
        with store.transaction() as conn:
            conn.execute(delete(schema.events).where(schema.events.c.id == dropped))
            conn.execute(
                update(schema.events).where(schema.events.c.id == changed).values(status="denied")
            )
        after = points(client)
        assert after["id"] == reading_again() == first["id"][1:]
        assert after["status"][0] == "denied"


def test_a_kept_network_is_what_reading_again_gives_until_a_commit(store: Store) -> None:
    def fresh() -> Any:
        with store.read() as conn:
            return network(conn, set(), 1, 300, {"events", "sentences"}, None)

    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        first = client.get("/api/network").json()
        assert first == client.get("/api/network").json() == json.loads(json.dumps(fresh()))
        assert first["edges"]
        with store.transaction() as conn:  # no events: only the sentences link entities
            conn.execute(delete(schema.events))
        after = client.get("/api/network").json()
        assert after != first
        assert after == json.loads(json.dumps(fresh()))


def test_the_revision_names_the_store_and_counts_its_commits(tmp_path: Path) -> None:
    one, other = Store(str(tmp_path / "one.db")), Store(str(tmp_path / "other.db"))
    with one.read() as conn:
        name, commits = revision(conn)
    with other.read() as conn:
        assert revision(conn)[0] != name  # two stores, two ids
    with one.transaction() as conn:
        conn.execute(update(schema.events).values(status="denied"))  # changes no row: still one
    with pytest.raises(StoreError), one.transaction() as conn:
        conn.execute(text("SELECT * FROM no_such_table"))  # rolled back: not counted
    with one.read() as conn:
        conn.execute(text("SELECT count(*) FROM events"))
        assert revision(conn) == (name, commits + 1)
    one.close()
    other.close()


def test_an_older_store_gains_a_revision_when_opened(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    Store(path).close()
    older = Store(path)
    with older.engine.begin() as conn:  # as a sitrep before migration 10 left it
        conn.execute(text("DROP TABLE store_revision"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 10"))
    older.close()
    reopened = Store(path)
    assert reopened.applied_migrations == list(range(10, LATEST + 1))
    with reopened.read() as conn:
        assert revision(conn)[1] == 0
    reopened.close()


def test_kept_values_are_the_most_recently_used() -> None:
    kept: Kept[str] = Kept(2)
    made: list[str] = []

    def make(value: str) -> str:
        made.append(value)
        return value

    at = ("db", "id", 1)
    kept.get(at, "a", lambda: make("a"))
    kept.get(at, "b", lambda: make("b"))
    kept.get(at, "a", lambda: make("a"))  # kept: not made again, and now the most recent
    kept.get(at, "c", lambda: make("c"))  # "b" goes
    kept.get(at, "a", lambda: make("a"))
    kept.get(("db", "id", 2), "a", lambda: make("a2"))  # a later revision: made again
    assert made == ["a", "b", "c", "a2"]
    kept.get(at, "b", lambda: make("b"))
    assert made[-1] == "b"


def test_kept_values_are_weighed_and_the_newest_stays() -> None:
    kept: Kept[list[int]] = Kept(12, len)  # each weighs its length and one more
    at = ("db", "id", 1)
    made: list[str] = []

    def make(key: str, size: int) -> list[int]:
        made.append(key)
        return [0] * size

    kept.get(at, "six", lambda: make("six", 6))
    kept.get(at, "four", lambda: make("four", 4))  # 12 in all: both stay
    kept.get(at, "six", lambda: make("six", 6))
    assert made == ["six", "four"]
    kept.get(at, "two", lambda: make("two", 2))  # 15: the least recently used ("four") goes
    kept.get(at, "six", lambda: make("six", 6))
    kept.get(at, "four", lambda: make("four", 4))
    assert made == ["six", "four", "two", "four"]
    kept.get(at, "big", lambda: make("big", 30))  # over the budget alone: kept, alone
    assert kept.weight() == 31
    kept.get(at, "big", lambda: make("big", 30))
    assert made == ["six", "four", "two", "four", "big"]


def test_empty_values_are_counted_and_older_revisions_dropped() -> None:
    kept: Kept[list[int]] = Kept(5, len)
    at = ("db", "id", 1)
    for word in range(20):  # searches with no hits: each weighs one
        kept.get(at, word, lambda: [])
    assert kept.weight() == 5
    kept.get(("db", "id", 2), "a", lambda: [0, 0])  # a commit: the old revision's values go
    assert kept.weight() == 3
    kept.get(("other", "id2", 1), "a", lambda: [])  # another store's stay apart
    assert kept.weight() == 4
