"""Analyst actions, roles, CSRF, body limits and URL ingestion through the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sitrep.api import AuthConfig, create_app
from sitrep.settings import Settings
from sitrep.store import schema
from test_api_store_builder import Built, build_store, copy_store

VIEWER, EDITOR = "viewer-token-0123456789", "editor-token-0123456789"
AUTH = AuthConfig.parse([f"{VIEWER} viewer vera", f"{EDITOR} editor eddie"], "test")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "store.db"
    build_store(path).store.close()
    return path


@pytest.fixture
def built(template: Path, tmp_path: Path) -> Built:
    return copy_store(template, tmp_path / "store.db")


@pytest.fixture
def local(built: Built) -> Iterator[TestClient]:
    """The browser in local mode: session cookie + CSRF header, same origin."""
    app = create_app(built.store, settings=Settings(), ingest_nlp=False)
    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as c:
        token = c.get("/api/session").json()["csrf_token"]
        c.headers.update({"X-CSRF-Token": token, "Origin": "http://127.0.0.1:8000"})
        yield c


@pytest.fixture
def team(built: Built) -> Iterator[TestClient]:
    app = create_app(built.store, AUTH, settings=Settings(), ingest_nlp=False)
    with TestClient(app, base_url="http://10.0.0.5:8000", raise_server_exceptions=False) as c:
        yield c


def judgements(built: Built) -> list[dict[str, Any]]:
    with built.store.read() as conn:
        return [dict(r) for r in conn.execute(select(schema.judgements)).mappings()]


def post_ok(client: TestClient, url: str, body: dict[str, Any]) -> Any:
    response = client.post(url, json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_merge_entities_moves_mentions_aliases_and_event_roles(
    local: TestClient, built: Built
) -> None:
    post_ok(
        local,
        "/api/entities/merge",
        {"into": "ent_soleimani", "merge": ["ent_qaani"], "reason": "test merge"},
    )
    dossier = local.get("/api/entities/ent_soleimani").json()
    assert dossier["n_mentions"] == 3
    assert "Esmail Qaani" in {a["alias"] for a in dossier["aliases"]}
    assert "evt_visit" in {e["id"] for e in dossier["events"]}
    assert local.get("/api/entities/ent_qaani").status_code == 404
    [logged] = judgements(built)
    assert (logged["subject"], logged["action"], logged["by"]) == ("entity", "merge", "analyst")
    assert logged["targets"]["entities"][0]["name"] == "Esmail Qaani"  # snapshot to reverse


def test_split_entity_makes_a_new_entity(local: TestClient) -> None:
    dossier = local.get("/api/entities/ent_soleimani").json()
    mention = dossier["mentions"][0]["id"]
    made = post_ok(
        local,
        "/api/entities/ent_soleimani/split",
        {"mention_ids": [mention], "reason": "different person"},
    )
    assert local.get(f"/api/entities/{made['entity_id']}").json()["n_mentions"] == 1
    assert local.get("/api/entities/ent_soleimani").json()["n_mentions"] == 1
    bad = local.post("/api/entities/ent_quds/split", json={"mention_ids": [mention], "reason": "x"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "usage"


def test_relabel_mention_and_mark_claim(local: TestClient, built: Built) -> None:
    doc = local.get(f"/api/documents/{built.docs['Moscow']}").json()
    mention = next(m for m in doc["mentions"] if m["text"] == "Kremlin")
    post_ok(local, f"/api/mentions/{mention['id']}/label", {"label": "GPE", "reason": "place"})
    post_ok(local, "/api/claims/clm_evt_moscow_0/mark", {"mark": "doubtful", "reason": "check"})
    doc = local.get(f"/api/documents/{built.docs['Moscow']}").json()
    assert next(m for m in doc["mentions"] if m["id"] == mention["id"])["label"] == "GPE"
    assert doc["claims"][0]["analyst_mark"] == "doubtful"
    assert {(j["subject"], j["action"]) for j in judgements(built)} == {
        ("mention", "relabel"),
        ("claim", "mark"),
    }
    bad = local.post("/api/claims/clm_evt_moscow_0/mark", json={"mark": "true", "reason": "x"})
    assert bad.status_code == 422


def test_merge_and_split_events(local: TestClient) -> None:
    post_ok(
        local,
        "/api/events/merge",
        {"into": "evt_visit", "merge": ["evt_moscow"], "reason": "same trip"},
    )
    event = local.get("/api/events/evt_visit").json()
    # The Moscow claim denies: a denier is named, never counted among the origins.
    assert event["n_claims"] == 2 and event["n_origins"] == 1
    assert local.get("/api/events/evt_moscow").status_code == 404
    split = post_ok(
        local,
        "/api/events/evt_visit/split",
        {"event_mention_ids": ["em_evt_moscow"], "reason": "not the same"},
    )
    assert local.get(f"/api/events/{split['event_id']}").json()["n_claims"] == 1
    assert local.get("/api/events/evt_visit").json()["n_claims"] == 1
    assert len(local.get("/api/judgements?subject=event").json()["items"]) == 2


def test_browser_writes_need_the_csrf_token(built: Built) -> None:
    app = create_app(built.store)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        c.get("/api/session")
        body = {"mark": "verified", "reason": "x"}
        no_header = c.post("/api/claims/clm_evt_visit_0/mark", json=body)
        assert no_header.status_code == 403 and no_header.json()["error"]["code"] == "forbidden"
        token = c.cookies["sitrep_csrf"]
        foreign = c.post(
            "/api/claims/clm_evt_visit_0/mark",
            json=body,
            headers={"X-CSRF-Token": token, "Origin": "http://evil.example"},
        )
        assert foreign.status_code == 403
        ok = c.post(
            "/api/claims/clm_evt_visit_0/mark",
            json=body,
            headers={"X-CSRF-Token": token, "Origin": "http://127.0.0.1:8000"},
        )
        assert ok.status_code == 200


def test_roles(team: TestClient) -> None:
    body = {"into": "ent_soleimani", "merge": ["ent_qaani"], "reason": "r"}
    anonymous = team.get("/api/documents")
    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "unauthorized"
    bogus = team.get("/api/documents", headers={"Authorization": "Bearer not-a-real-token-xx"})
    assert bogus.status_code == 401
    viewer = {"Authorization": f"Bearer {VIEWER}"}
    assert team.get("/api/documents", headers=viewer).status_code == 200
    refused = team.post("/api/entities/merge", json=body, headers=viewer)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    editor = {"Authorization": f"Bearer {EDITOR}"}
    assert team.post("/api/entities/merge", json=body, headers=editor).status_code == 200
    session = team.get("/api/session", headers=editor).json()
    assert (session["user"], session["role"], session["auth_required"]) == ("eddie", "editor", True)


def test_bodies_over_the_limit_are_refused(local: TestClient) -> None:
    huge = {"into": "a", "merge": ["b"], "reason": "x" * (1024 * 1024 + 10)}
    response = local.post("/api/entities/merge", json=huge)
    assert response.status_code == 413 and response.json()["error"]["code"] == "too-large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: the stream itself is counted
        yield b'{"reason": "'
        for _ in range(300):
            yield b"x" * 4096
        yield b'"}'

    streamed = local.post(
        "/api/entities/merge", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert streamed.status_code == 413


def test_ingest_keeps_the_private_address_guard(local: TestClient, team: TestClient) -> None:
    done = post_ok(local, "/api/ingest", {"urls": ["http://127.0.0.1:9/secret"]})
    assert done["stored"] == 0 and done["rejected"] == {"blocked-address": 1}
    viewer = {"Authorization": f"Bearer {VIEWER}"}
    assert (
        team.post("/api/ingest", json={"urls": ["http://example.org/"]}, headers=viewer).status_code
        == 403
    )
    assert local.post("/api/ingest", json={"urls": ["file:///etc/passwd"]}).status_code == 422


def test_tokens_file_is_parsed_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "tokens"
    path.write_text(f"# team\n{EDITOR} editor Eddie Example\n", encoding="utf-8")
    config = AuthConfig.load(path)
    found = config.lookup(EDITOR)
    assert found is not None and (found.name, found.role) == ("Eddie Example", "editor")
    path.write_text("short admin x\n", encoding="utf-8")
    with pytest.raises(Exception, match="shorter than 16"):
        AuthConfig.load(path)


def test_api_merge_and_split_survive_the_next_resolution_run(
    local: TestClient, built: Built
) -> None:
    # The API logs its own judgement shapes (several merged ids; a split by mention id); the
    # re-applier every ingest runs must read them, not crash on them.
    from sitrep.resolve.run import run_resolution

    post_ok(
        local,
        "/api/entities/merge",
        {"into": "ent_soleimani", "merge": ["ent_qaani"], "reason": "test merge"},
    )
    mention = local.get("/api/entities/ent_soleimani").json()["mentions"][0]["id"]
    made = post_ok(
        local,
        "/api/entities/ent_soleimani/split",
        {"mention_ids": [mention], "reason": "different person"},
    )
    with built.store.transaction() as conn:  # what resolution does before re-applying
        conn.execute(
            schema.mentions.update()
            .values(entity_id="ent_qaani")
            .where(schema.mentions.c.entity_id.in_(["ent_soleimani", made["entity_id"]]))
        )
    stats = run_resolution(built.store)
    assert stats.analyst_judgements_applied == 2
    assert local.get(f"/api/entities/{made['entity_id']}").json()["n_mentions"] == 1
    with built.store.read() as conn:
        owners = conn.execute(
            select(schema.mentions.c.id, schema.mentions.c.entity_id).where(
                schema.mentions.c.entity_id.in_(["ent_soleimani", "ent_qaani"])
            )
        ).all()
    assert owners and all(owner == "ent_soleimani" for _, owner in owners)
