"""`/api/watch` over the fixture store: the workbench's watchlist is `sitrep.read.watch`'s, per
caller, and saving or opening a view needs what every browser write needs (CSRF, same origin)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.api import AuthConfig, create_app
from sitrep.records import stable_id
from sitrep.settings import Settings
from sitrep.store import Store
from storefixtures import add_report, build_store

AUTH = AuthConfig.parse(
    ["tok-vera-0123456789 viewer vera", "tok-omar-0123456789 viewer omar"], "test"
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store(str(tmp_path / "sitrep.db"))
    build_store(store, tmp_path)
    yield store
    store.close()


@pytest.fixture
def local(store: Store) -> Iterator[TestClient]:
    app = create_app(store, settings=Settings(), ingest_nlp=False)
    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as c:
        c.headers["X-CSRF-Token"] = c.get("/api/session").json()["csrf_token"]
        yield c


def counts(client: TestClient, **headers: str) -> dict[str, tuple[int, int]]:
    answer = client.get("/api/watch", headers=headers)
    assert answer.status_code == 200, answer.text
    return {v["name"]: (v["total"], v["new"]) for v in answer.json()["items"]}


def test_a_view_saved_in_the_workbench_counts_what_is_new_until_opened(
    local: TestClient, store: Store, tmp_path: Path
) -> None:
    saved = local.post("/api/watch", json={"name": "Ghaani", "filter": "actor=Qaani"})
    assert saved.status_code == 200, saved.text
    assert (saved.json()["total"], saved.json()["new"]) == (1, 0)
    explored = local.get("/api/explore/events?actor=Qaani").json()
    assert counts(local) == {"Ghaani": (explored["total"], 0)}

    trip = {
        "id": stable_id("evt", "api-trip"),
        "type": "CONSULT",
        "mode": "visit",
        "summary": "Ghaani meets commanders in Deir ez-Zor",
        "participants": [{"role": "actor", "entity_id": "esmail-ghaani", "name": "Ghaani"}],
        "time_start": "2020-04-20",
        "time_end": "2020-04-20",
        "time_precision": "day",
    }
    add_report(store, tmp_path, "Talks in the east", "Ghaani met commanders in the east.", trip)
    assert counts(local) == {"Ghaani": (2, 1)}
    opened = local.post("/api/watch/Ghaani/open")
    assert opened.status_code == 200, opened.text
    assert [e["id"] for e in opened.json()["new_events"]] == [trip["id"]]
    assert counts(local) == {"Ghaani": (2, 0)}
    assert local.delete("/api/watch/Ghaani").json() == {"items": []}
    assert counts(local) == {}
    assert local.post("/api/watch/Ghaani/open").json()["error"]["code"] == "not-found"


def test_a_filter_the_explorer_refuses_is_refused_in_words(local: TestClient) -> None:
    answer = local.post("/api/watch", json={"name": "odd", "filter": "since=2016-13"})
    assert answer.status_code == 400
    assert "is not a date" in answer.json()["error"]["message"]


def test_saving_a_view_needs_the_csrf_token(store: Store) -> None:
    app = create_app(store, settings=Settings(), ingest_nlp=False)
    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as c:
        assert c.post("/api/watch", json={"name": "x"}).status_code == 403
        assert c.get("/api/watch").json() == {"items": []}


def test_each_analyst_has_their_own_list(store: Store) -> None:
    app = create_app(store, AUTH, settings=Settings(), ingest_nlp=False)
    vera: dict[str, Any] = {"Authorization": "Bearer tok-vera-0123456789"}
    omar: dict[str, Any] = {"Authorization": "Bearer tok-omar-0123456789"}
    with TestClient(app, base_url="http://10.0.0.5:8000", raise_server_exceptions=False) as c:
        assert c.post("/api/watch", json={"name": "denied", "filter": "status=denied"},
                      headers=vera).status_code == 200  # fmt: skip
        assert counts(c, **vera) == {"denied": (0, 0)}
        assert counts(c, **omar) == {}
        assert c.get("/api/watch").status_code == 401
