"""End to end: the demo corpus through the full pipeline (NLP, resolution, corroboration), then
the API over the resulting store. Skips, with the reason, while a stage is not there yet."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store

DEMO = Path(__file__).resolve().parents[1] / "demo" / "pages"
pytestmark = pytest.mark.slow


def _missing_stage() -> str | None:
    for module, name in (
        ("sitrep.resolve", "run_resolution"),
        ("sitrep.corroborate", "run_corroboration"),
        ("sitrep.extract", "extract_events"),
    ):
        if not hasattr(importlib.import_module(module), name):
            return f"{module}.{name} is not there yet"
    if not DEMO.is_dir() or not any(DEMO.iterdir()):
        return f"no demo corpus at {DEMO}"
    return None


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    reason = _missing_stage()
    if reason:
        pytest.skip(f"full pipeline not available: {reason}")
    store = Store(str(tmp_path_factory.mktemp("demo") / "demo.db"))
    summary = Ingest(store, Settings(), use_nlp=True).run([str(DEMO)])
    assert summary.stored >= 10, summary.as_dict()
    with TestClient(create_app(store), base_url="http://127.0.0.1") as c:
        yield c


def get(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def test_demo_store_serves_search_dossier_events_map_network(client: TestClient) -> None:
    hits = get(client, "/api/search?q=Soleimani")
    assert hits["total"] >= 3
    doc = get(client, f"/api/documents/{hits['items'][0]['id']}")
    resolved = [m for m in doc["mentions"] if m["entity_id"]]
    assert resolved, "no mention in a Soleimani article was resolved to an entity"
    for mention in doc["mentions"]:
        assert doc["text"][mention["start"] : mention["end"]] == mention["text"]
    people = get(client, "/api/entities?type=person&q=soleimani")["items"]
    assert people, "no person entity for Soleimani"
    dossier = get(client, f"/api/entities/{people[0]['id']}")
    assert dossier["mentions"] and dossier["sources"]
    events = get(client, "/api/events?limit=500")
    assert events["total"] >= 3
    statuses = {e["status"] for e in events["items"]}
    assert statuses <= {"single-source", "corroborated", "contested", "denied"}
    geo = get(client, "/api/map")
    for feature in geo["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert get(client, "/api/network")["nodes"]
    assert get(client, "/api/timeline")["total"] >= 1


def test_demo_map_draws_country_places_at_an_approximate_centroid(client: TestClient) -> None:
    features = get(client, "/api/map")["features"]
    countries = [f for f in features if f["properties"]["precision"] == "country"]
    assert countries, "no event at a country-precision place reached the map"
    assert any(f["properties"]["precision"] == "city" for f in features)
    for feature in countries:
        lon, lat = feature["geometry"]["coordinates"]
        if feature["properties"]["country"] == "SY":
            assert 32 <= lat <= 37.5 and 35.5 <= lon <= 42.5


def test_evidence_spans_point_at_their_words(client: TestClient) -> None:
    """Every span /api/events/{id}/evidence gives (trigger, participants, place, date words) is
    the text it names in its document: the workbench's links to a fact's sentence land on it."""
    checked = 0
    texts: dict[str, str] = {}
    for event in get(client, "/api/events?limit=500")["items"]:
        for m in get(client, f"/api/events/{event['id']}/evidence")["mentions"]:
            doc = m["document_id"]
            text = texts.setdefault(doc, get(client, f"/api/documents/{doc}")["text"])
            assert text[m["trigger_start"] : m["trigger_end"]] == m["trigger"]
            for part in [*m["participants"], m["place"]]:
                if part:
                    assert text[part["start"] : part["end"]] == part["text"], part
                    checked += 1
            if m["time"] and m["time"]["start"] is not None:
                assert text[m["time"]["start"] : m["time"]["end"]] == m["time"]["text"]
                checked += 1
    assert checked >= 20
    missing = client.get("/api/events/evt_nothing/evidence")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not-found"


def _entity_view(client: TestClient, *ids: str) -> dict[str, Any]:
    dossiers = {}
    for entity in ids:
        d = get(client, f"/api/entities/{entity}")
        aliases = sorted((a["alias"], a["source"]) for a in d["aliases"])
        events = sorted(e["id"] for e in d["events"])
        dossiers[entity] = (d["name"], aliases, d["n_mentions"], events)
    listed = get(client, "/api/entities?limit=500")["items"]
    return {"dossiers": dossiers, "entities": sorted((e["id"], e["mentions"]) for e in listed)}


def test_merge_then_undo_leaves_the_store_as_before(client: TestClient) -> None:
    """Both dossiers (names and aliases with their source, mentions, events) and the entity
    list are as before: the aliases a merge adds are those its undo takes away."""
    headers = {"X-CSRF-Token": get(client, "/api/session")["csrf_token"]}
    into = get(client, "/api/entities?q=Qassem%20Soleimani")["items"][0]["id"]
    other = get(client, "/api/entities?q=Quds%20Force")["items"][0]["id"]
    before = _entity_view(client, into, other)
    body = {"into": into, "merge": [other], "reason": "test"}
    merged = client.post("/api/entities/merge", json=body, headers=headers)
    assert merged.status_code == 200, merged.text
    assert client.get(f"/api/entities/{other}").status_code == 404
    added = {a["alias"] for a in get(client, f"/api/entities/{into}")["aliases"]}
    assert {name for name, _ in before["dossiers"][other][1]} <= added
    undo = f"/api/judgements/{merged.json()['judgement']['id']}/undo"
    undone = client.post(undo, json={"reason": "test"}, headers=headers)
    assert undone.status_code == 200, undone.text
    assert _entity_view(client, into, other) == before


def _events(client: TestClient) -> dict[str, tuple[Any, ...]]:
    return {
        e["id"]: (e["status"], e["n_claims"], e["n_origins"], e["time_start"])
        for e in get(client, "/api/events?limit=500")["items"]
    }


def test_event_split_and_merge_undone_leave_the_events_as_before(client: TestClient) -> None:
    """Undoing a split removes the event it made (no mention is left in it); undoing a merge
    gives the merged event back; every other event is untouched."""
    headers = {"X-CSRF-Token": get(client, "/api/session")["csrf_token"]}
    before = _events(client)
    event = max(before, key=lambda e: before[e][1])  # the most reported
    mentions = get(client, f"/api/events/{event}/evidence")["mentions"]
    assert len(mentions) >= 2
    split = client.post(
        f"/api/events/{event}/split",
        json={"event_mention_ids": [mentions[-1]["id"]], "reason": "test"},
        headers=headers,
    )
    assert split.status_code == 200, split.text
    assert split.json()["event_id"] in _events(client)
    other = next(e for e in before if e not in (event, split.json()["event_id"]))
    merge = client.post(
        "/api/events/merge",
        json={"into": event, "merge": [other], "reason": "test"},
        headers=headers,
    )
    assert merge.status_code == 200, merge.text
    assert other not in _events(client)
    for done in (merge, split):  # newest first, as an analyst would
        undo = f"/api/judgements/{done.json()['judgement']['id']}/undo"
        response = client.post(undo, json={"reason": "test"}, headers=headers)
        assert response.status_code == 200, response.text
    assert _events(client) == before
