"""The read side of the REST API, in-process against a real SQLite store built from fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import storefixtures as fixtures
from conftest import BACKENDS, fresh_database
from sitrep.api import create_app
from sitrep.store import Store
from test_api_store_builder import Built, build_store


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_store(tmp_path_factory.mktemp("api") / "store.db")


@pytest.fixture(scope="module")
def client(built: Built) -> Iterator[TestClient]:
    app = create_app(built.store)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def test_documents_are_paginated_with_totals(client: TestClient) -> None:
    first = get(client, "/api/documents?limit=2")
    second = get(client, "/api/documents?limit=2&offset=2")
    assert first["total"] == second["total"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    ids = {d["id"] for d in first["items"] + second["items"]}
    assert len(ids) == 3


def test_document_has_spans_that_match_its_text(client: TestClient, built: Built) -> None:
    doc = get(client, f"/api/documents/{built.docs['Moscow']}")
    assert doc["mentions"] and doc["event_mentions"] and doc["claims"]
    for mention in doc["mentions"]:
        assert doc["text"][mention["start"] : mention["end"]] == mention["text"]
        assert mention["entity_name"]
    trigger = doc["event_mentions"][0]
    assert doc["text"][trigger["trigger_start"] : trigger["trigger_end"]] == "travelled"
    assert trigger["event_status"] == "contested"
    assert doc["claims"][0]["stance"] == "denies" and doc["claims"][0]["event_id"] == "evt_moscow"
    assert doc["comments"][0]["user_generated"] is True
    assert "minhash" not in doc


def test_search_returns_snippet_segments(client: TestClient) -> None:
    found = get(client, "/api/search?q=Kremlin")
    assert found["total"] == 1
    hit = found["items"][0]
    assert "Kremlin" in hit["title"]
    assert any(s["match"] and s["text"] == "Kremlin" for s in hit["snippet"])
    # several words are ANDed; FTS5 syntax in the input is just words
    assert get(client, "/api/search?q=Soleimani")["total"] == 2
    assert get(client, '/api/search?q=Soleimani AND "Aleppo')["total"] == 0
    assert get(client, "/api/search?q=***")["total"] == 0


def test_entity_list_filters_by_type_and_name(client: TestClient) -> None:
    people = get(client, "/api/entities?type=person")
    assert {e["name"] for e in people["items"]} == {"Qassem Soleimani", "Esmail Qaani"}
    assert people["items"][0]["name"] == "Qassem Soleimani"  # most mentioned first
    by_alias = get(client, "/api/entities?q=suleim")
    assert [e["id"] for e in by_alias["items"]] == ["ent_soleimani"]


def test_entity_list_says_which_alias_a_name_search_found(client: TestClient) -> None:
    """An analyst types a spelling the canonical name does not hold: the row says the alias it
    was found under; when the name holds the words, or without words, it says none."""
    assert get(client, "/api/entities?q=SULEIM")["items"][0]["matched_alias"] == "Suleimani"
    assert get(client, "/api/entities?q=soleim")["items"][0]["matched_alias"] is None
    assert {e["matched_alias"] for e in get(client, "/api/entities")["items"]} == {None}


def test_dossier_has_names_attributes_mentions_events_and_sources(client: TestClient) -> None:
    dossier = get(client, "/api/entities/ent_soleimani")
    assert dossier["aliases"] == [{"alias": "Suleimani", "source": "pack"}]
    assert dossier["attributes"]["positions"][0]["value"] == "commander of the Quds Force"
    assert dossier["n_mentions"] == 2
    assert all(m["sentence_text"] and m["text"] in m["sentence_text"] for m in dossier["mentions"])
    assert [e["id"] for e in dossier["events"]] == ["evt_moscow", "evt_strike"]  # time order
    assert dossier["events"][1]["roles"] == ["target"]
    neighbours = {n["id"]: n for n in dossier["co_occurring"]}
    assert neighbours["ent_kremlin"]["sentences"] == 1
    assert neighbours["ent_baghdad"]["events"] == 1
    assert len(dossier["sources"]) == 2


def test_event_filters(client: TestClient) -> None:
    def ids(query: str) -> list[str]:
        return [e["id"] for e in get(client, f"/api/events?{query}")["items"]]

    assert ids("") == ["evt_moscow", "evt_strike", "evt_visit"]
    assert ids("type=CONSULT") == ["evt_moscow", "evt_visit"]
    assert ids("entity=ent_soleimani") == ["evt_moscow", "evt_strike"]  # any part
    assert ids("actor=ent_soleimani") == ["evt_moscow"]  # a doer: he travelled, he was struck
    assert ids("target=ent_soleimani") == ["evt_strike"]
    assert ids("place=ent_aleppo") == ["evt_visit"]
    assert ids("since=2020-01-01") == ["evt_strike", "evt_visit"]
    assert ids("until=2015-07") == ["evt_moscow"]
    assert ids("status=contested") == ["evt_moscow"]
    get(client, "/api/events?status=maybe", status=422)


def test_one_event_with_claims_and_place(client: TestClient) -> None:
    event = get(client, "/api/events/evt_moscow")
    assert event["place_entity"]["precision"] == "country"
    assert event["participants"][0]["entity_type"] == "person"
    assert [c["stance"] for c in event["claims"]] == ["denies"]
    assert event["claims"][0]["document_title"].startswith("Kremlin denies")


def test_claims_filters(client: TestClient) -> None:
    contested = get(client, "/api/claims?contested=true")["items"]
    assert [c["event_id"] for c in contested] == ["evt_moscow"]
    assert get(client, "/api/claims?contested=false")["total"] == 2
    assert get(client, "/api/claims?stance=asserts")["items"][0]["event_id"] == "evt_strike"
    assert get(client, "/api/claims?event=evt_visit")["total"] == 1


def test_network_links_co_participants_and_co_mentions(client: TestClient) -> None:
    graph = get(client, "/api/network")
    names = {n["id"] for n in graph["nodes"]}
    assert {"ent_soleimani", "ent_kremlin", "ent_baghdad"} <= names
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges[("ent_baghdad", "ent_soleimani")]["events"] == 1
    people = get(client, "/api/network?type=person&type=group")
    assert {n["type"] for n in people["nodes"]} <= {"person", "group"}
    assert get(client, "/api/network?min_weight=99")["nodes"] == []
    assert graph["min_weight"] == 1


def test_network_fit_picks_the_lowest_weight_that_shows_at_most_that_many(
    client: TestClient,
) -> None:
    whole = get(client, "/api/network")
    weights = sorted({e["weight"] for e in whole["edges"]})
    assert len(weights) > 1, "the fixture's links all weigh the same: nothing to choose"
    for fit in range(1, len(whole["nodes"]) + 1):
        graph = get(client, f"/api/network?fit={fit}")
        chosen = graph["min_weight"]
        assert graph == get(client, f"/api/network?min_weight={chosen}")  # said as it was drawn
        # the lowest such weight: one lower shows more than `fit` (unless the top one already)
        lower = [w for w in weights if w < chosen]
        if len(graph["nodes"]) <= fit and lower:
            assert len(get(client, f"/api/network?min_weight={lower[-1]}")["nodes"]) > fit
        assert len(graph["nodes"]) <= fit or chosen == weights[-1]
    assert get(client, f"/api/network?fit={len(whole['nodes'])}")["min_weight"] == weights[0]


def test_readable_weight_on_links_of_known_weights() -> None:
    from sitrep.read.network import readable_weight

    def edge(a: str, b: str, w: int) -> Any:
        return {"source": a, "target": b, "weight": w, "sentences": w, "events": 0,
                "relations": []}  # fmt: skip

    edges = [edge("a", "b", 9), edge("b", "c", 5), edge("c", "d", 5), edge("e", "f", 2)]
    assert readable_weight(edges, 2) == 9  # a-b
    assert readable_weight(edges, 3) == 9  # weight 5 would join a, b, c, d: four
    assert readable_weight(edges, 4) == 5
    assert readable_weight(edges, 6) == 2
    assert readable_weight(edges[:1], 1) == 9  # even the strongest link joins two: drawn
    assert readable_weight([], 60) == 1


def test_map_is_geojson_with_precision(client: TestClient) -> None:
    geo = get(client, "/api/map")
    assert geo["type"] == "FeatureCollection"
    by_event = {f["properties"]["event_id"]: f for f in geo["features"]}
    assert by_event["evt_visit"]["properties"]["precision"] == "city"
    assert by_event["evt_moscow"]["properties"]["precision"] == "country"
    assert by_event["evt_visit"]["geometry"]["coordinates"] == [37.16, 36.2]


def test_timeline_counts_by_status(client: TestClient) -> None:
    line = get(client, "/api/timeline")
    assert line["by_status"] == {"contested": 1, "single-source": 1, "corroborated": 1}
    assert [e["time_start"] for e in line["items"]] == sorted(
        e["time_start"] for e in line["items"]
    )


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/entities/ent_nobody", 404, "not-found"),
        ("/api/documents/doc_nope", 404, "not-found"),
        ("/api/events/evt_nope", 404, "not-found"),
        ("/api/nothing-here", 404, "not-found"),
        ("/api/documents?limit=0", 422, "validation"),
        ("/api/search", 422, "validation"),
    ],
)
def test_every_error_has_one_shape(client: TestClient, url: str, status: int, code: str) -> None:
    body = get(client, url, status=status)
    assert set(body) == {"error"}
    assert body["error"]["code"] == code and body["error"]["message"]


def test_method_not_allowed_has_the_shape(client: TestClient) -> None:
    response = client.delete("/api/documents")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method-not-allowed"


def test_security_headers_on_every_response(client: TestClient) -> None:
    for url in ("/api/documents", "/api/nothing-here", "/"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert headers["x-content-type-options"] == "nosniff"


def test_local_mode_refuses_foreign_host_names(built: Built) -> None:
    app = create_app(built.store)
    with TestClient(app, base_url="http://evil.example") as foreign:
        response = foreign.get("/api/documents")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_openapi_document_is_served(client: TestClient, tmp_path: Path) -> None:
    spec = get(client, "/api/openapi.json")
    for path in (
        "/api/documents",
        "/api/search",
        "/api/entities/{entity_id}",
        "/api/network",
        "/api/map",
        "/api/timeline",
        "/api/claims",
        "/api/entities/merge",
    ):
        assert path in spec["paths"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_alias_a_name_search_found_on_both_backends(backend: str, tmp_path: Path) -> None:
    """`matched_alias` is read in the list's SQL (a correlated subquery): the same on SQLite and
    PostgreSQL, the shortest alias holding the words, none when the name holds them."""
    with fresh_database(backend, tmp_path) as url:
        store = Store(url)
        try:
            fixtures.build_store(store, tmp_path)
            app = create_app(store)
            with TestClient(app, base_url="http://127.0.0.1") as api:

                def found(q: str) -> dict[str, str | None]:
                    items = get(api, f"/api/entities?q={q}")["items"]
                    return {e["id"]: e["matched_alias"] for e in items}

                assert found("QAANI") == {"esmail-ghaani": "Ismail Qaani"}
                assert found("irgc") == {"irgc": "IRGC"}
                assert found("ghaani") == {"esmail-ghaani": None}
        finally:
            store.close()
