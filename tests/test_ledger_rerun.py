"""Analyst decisions survive: merge and split of entities and events made through the API, then
a following ingest, then a full re-run (`sitrep reduce --all`); the CLI, the API and the JSONL
export all show the decisions. Runs the real pipeline over the demo corpus (written by the
project), so the entities and events are whatever the shipped model finds there: the test picks
them by shape (the most mentioned people, events with several mentions), not by name."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import BACKENDS, fresh_database
from sitrep.api import create_app
from sitrep.cli.app import app as cli
from sitrep.export import export
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store

DEMO = Path(__file__).resolve().parents[1] / "demo"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not (DEMO / "pages").is_dir():
        pytest.skip(f"no demo corpus at {DEMO}")
    with fresh_database(request.param, tmp_path_factory.mktemp("ledger")) as path:
        store = Store(path)
        summary = Ingest(store, Settings(), use_nlp=True).run([str(DEMO / "pages")])
        assert summary.stored >= 10, summary.as_dict()
        store.close()
        yield path


@pytest.fixture(scope="module")
def api(db: str) -> Iterator[TestClient]:
    store = Store(db)
    app = create_app(store, settings=Settings(), ingest_nlp=False)
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        token = client.get("/api/session").json()["csrf_token"]
        client.headers.update({"X-CSRF-Token": token, "Origin": "http://127.0.0.1:8000"})
        yield client
    store.close()


def ok(response: Any) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def cli_lines(*args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def mention_events_api(api: TestClient) -> dict[str, str]:
    """event mention id -> event id, from the API's claims."""
    out: dict[str, str] = {}
    offset = 0
    while True:
        page = ok(api.get(f"/api/claims?limit=500&offset={offset}"))
        out.update({c["event_mention_id"]: c["event_id"] for c in page["items"] if c["event_id"]})
        offset += 500
        if offset >= page["total"]:
            return out


def mention_events_cli(db: str) -> dict[str, str]:
    claims = cli_lines("claims", "--db", db)
    return {c["event_mention_id"]: c["event_id"] for c in claims if c["event_id"]}


def mention_events_export(db: str) -> tuple[dict[str, str], set[str]]:
    """(event mention -> event, entity ids) from `export jsonl`."""
    out = io.BytesIO()
    store = Store(db)
    export(store, "jsonl", out, text=False)
    store.close()
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    events = {
        c["event_mention_id"]: r["id"] for r in records if r["kind"] == "event" for c in r["claims"]
    }
    return events, {r["id"] for r in records if r["kind"] == "entity"}


def test_api_decisions_survive_ingest_and_full_rerun(api: TestClient, db: str) -> None:
    people = ok(api.get("/api/entities?type=person&limit=10"))["items"]
    keep, gone = people[0], people[1]
    merged = ok(
        api.post(
            "/api/entities/merge",
            json={"into": keep["id"], "merge": [gone["id"]], "reason": "same man"},
        )
    )
    assert merged["mentions_moved"] == gone["mentions"]
    # split the first mention off another well-mentioned entity
    other = next(e for e in ok(api.get("/api/entities?limit=20"))["items"][2:] if e["mentions"] > 2)
    first = ok(api.get(f"/api/entities/{other['id']}"))["mentions"][0]["id"]
    split = ok(
        api.post(
            f"/api/entities/{other['id']}/split",
            json={"mention_ids": [first], "reason": "another one"},
        )
    )

    claims = mention_events_api(api)
    by_event: dict[str, list[str]] = {}
    for mention, event in sorted(claims.items()):
        by_event.setdefault(event, []).append(mention)
    several = [e for e, ms in sorted(by_event.items()) if len(ms) >= 2]
    singles = [e for e, ms in sorted(by_event.items()) if len(ms) == 1]
    apart, (one, two) = by_event[several[0]][0], singles[:2]
    ok(
        api.post(
            f"/api/events/{several[0]}/split",
            json={"event_mention_ids": [apart], "reason": "a different day"},
        )
    )
    ok(api.post("/api/events/merge", json={"into": one, "merge": [two], "reason": "same raid"}))
    together = (by_event[one][0], by_event[two][0])
    stayed = by_event[several[0]][1]

    def decisions_hold() -> dict[str, Any]:
        assert api.get(f"/api/entities/{gone['id']}").status_code == 404
        dossier: dict[str, Any] = ok(api.get(f"/api/entities/{keep['id']}"))
        assert dossier["n_mentions"] >= keep["mentions"] + gone["mentions"]
        assert gone["name"] in {a["alias"] for a in dossier["aliases"]}
        split_off = ok(api.get(f"/api/entities/{split['entity_id']}"))["mentions"]
        assert first in {m["id"] for m in split_off}
        for found in (
            mention_events_api(api),
            mention_events_cli(db),
            mention_events_export(db)[0],
        ):
            assert found[together[0]] == found[together[1]]
            assert found[apart] != found[stayed]
        return dossier

    # a following ingest (its incremental reduce applies the ledger): the decisions hold
    store = Store(db)
    more = Ingest(store, Settings(), use_nlp=True).run([str(DEMO / "feed"), str(DEMO / "wire")])
    store.close()
    assert more.stored >= 1
    decisions_hold()
    # then a full re-run of the reduce, which rebuilds every entity and event
    rerun = cli_lines("reduce", "--all", "--db", db)[0]
    assert rerun["resolution"]["analyst_judgements_applied"] >= 2
    dossier = decisions_hold()  # the API, the CLI's claims and the JSONL export
    # the CLI: the merged-away name finds the entity kept
    [entity] = cli_lines("entity", gone["name"], "--db", db)
    assert entity["id"] == keep["id"] and entity["n_mentions"] == dossier["n_mentions"]
    # the export
    entities = mention_events_export(db)[1]
    assert keep["id"] in entities and split["entity_id"] in entities
    assert gone["id"] not in entities


def test_undo_puts_the_merge_back(api: TestClient, db: str) -> None:
    people = ok(api.get("/api/entities?type=person&limit=10"))["items"]
    keep, gone = people[0], people[-1]
    merged = ok(
        api.post(
            "/api/entities/merge",
            json={"into": keep["id"], "merge": [gone["id"]], "reason": "test"},
        )
    )
    undone = ok(
        api.post(
            f"/api/judgements/{merged['judgement']['id']}/undo", json={"reason": "not the same"}
        )
    )
    assert undone["undone"] == merged["judgement"]["id"]
    assert ok(api.get(f"/api/entities/{gone['id']}"))["n_mentions"] == gone["mentions"]
    kept = ok(api.get(f"/api/entities/{keep['id']}"))["aliases"]
    assert {"alias": gone["name"], "source": "merged"} not in kept  # the names went back too
    cli_lines("reduce", "--all", "--db", db)
    assert ok(api.get(f"/api/entities/{gone['id']}"))["n_mentions"] == gone["mentions"]
    again = api.post(f"/api/judgements/{merged['judgement']['id']}/undo", json={"reason": "x"})
    assert again.status_code == 400
