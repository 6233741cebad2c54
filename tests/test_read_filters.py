"""One table of event filters, the same events through the CLI, the API and `export jsonl`.

The store is the API tests' hand-built one (three events) plus one event over a span of days,
so the table can say exactly which events each filter means: an entity by its id, its name, an
alias and spellings no one stored, by the part it takes (`actor` a doer, `target` the other
side, `entity` any part or the place: the explorer's meanings, the same through the explorer's
own route); a type in any case; a place by name or id; since/until as
an overlap of intervals (a month-precise event overlaps a day inside it); a status; words in
the summary (those in claims' quotes: tests/test_explore_query.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert
from typer.testing import CliRunner

from conftest import BACKENDS, fresh_database
from sitrep.api import create_app
from sitrep.cli.app import app as cli
from sitrep.settings import Settings
from sitrep.store import schema
from test_api_store_builder import Built, build_store

SOLEIMANI = {"evt_strike", "evt_moscow", "evt_span"}  # struck twice, travelled once
STRUCK = {"evt_strike", "evt_span"}
TABLE: list[tuple[dict[str, str], set[str]]] = [
    ({"entity": "ent_soleimani"}, SOLEIMANI),
    ({"entity": "Qassem Soleimani"}, SOLEIMANI),
    ({"entity": "qassem soleimani"}, SOLEIMANI),
    ({"entity": "Suleimani"}, SOLEIMANI),  # a stored alias
    ({"entity": "Qasem Sulaimani"}, SOLEIMANI),  # a spelling no one stored
    ({"entity": "Nobody Atall"}, set()),
    # an actor is a doer everywhere (before, the CLI and /api/events kept the strikes on him)
    ({"actor": "ent_soleimani"}, {"evt_moscow"}),
    ({"actor": "Qasem Sulaimani"}, {"evt_moscow"}),
    ({"actor": "Esmail Ghaani"}, {"evt_visit"}),
    ({"actor": "Nobody Atall"}, set()),
    ({"target": "Suleimani"}, STRUCK),
    ({"target": "Esmail Ghaani"}, set()),
    ({"entity": "Russia"}, {"evt_moscow"}),  # the place of the trip
    ({"actor": "Russia"}, set()),  # a place does nothing
    ({"actor": "Suleimani", "type": "ASSAULT"}, set()),
    ({"type": "consult"}, {"evt_visit", "evt_moscow"}),
    ({"place": "Aleppo"}, {"evt_visit"}),
    ({"place": "ent_baghdad"}, {"evt_strike"}),
    ({"since": "2020-01-04"}, {"evt_span", "evt_visit"}),
    ({"until": "2015-07-15"}, {"evt_moscow"}),
    ({"since": "2015-07-15", "until": "2015-07-20"}, {"evt_moscow"}),
    ({"since": "2020-01", "until": "2020-01"}, {"evt_strike", "evt_span"}),
    ({"status": "contested"}, {"evt_moscow"}),
    ({"entity": "Suleimani", "type": "ASSAULT", "since": "2020"}, STRUCK),
    ({"words": "visited"}, {"evt_visit"}),  # in the summary ("Esmail Qaani visited")
    ({"words": "WEEK  Strikes"}, {"evt_span"}),  # any case, any order, each word anywhere
    ({"words": "qaani week"}, set()),  # every word, not any
    ({"words": "strike"}, {"evt_strike", "evt_span"}),  # a part of a word ("strikes")
    ({"words": "strike", "since": "2020-01-04"}, {"evt_span"}),
]


@pytest.fixture(scope="module", params=BACKENDS)
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Built]:
    with fresh_database(request.param, tmp_path_factory.mktemp("filters")) as db:
        yield from _built(db)


def _built(db: str) -> Iterator[Built]:
    made = build_store(db)  # type: ignore[arg-type]  # a --db string: a file or a URL
    with made.store.transaction() as conn:  # an event over several days, around the strike
        conn.execute(
            insert(schema.events).values(
                id="evt_span", type="ASSAULT", summary="strikes over a week",
                participants=[{"role": "target", "entity_id": "ent_soleimani", "name": "x"}],
                place_entity_id=None, time_start="2019-12-30", time_end="2020-01-05",
                time_precision="range", status="single-source", status_reason="fixture",
                n_claims=0, n_origins=0, origins=[],
            )
        )  # fmt: skip
    yield made
    made.store.close()


@pytest.fixture(scope="module")
def api(built: Built) -> Iterator[TestClient]:
    app = create_app(built.store, settings=Settings(), ingest_nlp=False)
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        yield client


def _flags(given: dict[str, str]) -> list[str]:
    return [part for key, value in given.items() for part in (f"--{key}", value)]


def via_cli(db: str, given: dict[str, str]) -> list[str]:
    result = CliRunner().invoke(cli, ["events", "--json", "--db", db, *_flags(given)])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"] for line in result.stdout.splitlines()]


def via_api(api: TestClient, given: dict[str, str]) -> list[str]:
    response = api.get("/api/events", params={**given, "limit": 500})
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["items"]]


def via_export(db: str, given: dict[str, str]) -> list[str]:
    result = CliRunner().invoke(cli, ["export", "jsonl", "-o", "-", "--db", db, *_flags(given)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return [r["id"] for r in records if r["kind"] == "event"]


def via_explorer(api: TestClient, given: dict[str, str]) -> list[str]:
    response = api.get("/api/explore/events", params={**given, "limit": 500})
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["items"]]


@pytest.mark.parametrize(("given", "expected"), TABLE, ids=[json.dumps(g) for g, _ in TABLE])
def test_one_filter_the_same_events_everywhere(
    built: Built, api: TestClient, given: dict[str, str], expected: set[str]
) -> None:
    db = built.store.db
    cli_ids, api_ids, export_ids = via_cli(db, given), via_api(api, given), via_export(db, given)
    assert set(cli_ids) == expected
    assert cli_ids == api_ids == export_ids  # the same events, in the same order
    assert set(via_explorer(api, given)) == expected  # the explorer's words mean the same


def test_one_filter_class_for_every_caller() -> None:
    """The explorer, the briefs and watched views build the read model's filter, not a twin
    of it whose `actor` could drift from the CLI's and the API's again."""
    from sitrep.read import brief, events, explore, watch

    assert explore.EventFilter is events.EventFilter
    assert brief.EventFilter is watch.EventFilter is events.EventFilter


def test_dossier_events_are_the_entity_filter(api: TestClient) -> None:
    dossier: dict[str, Any] = api.get("/api/entities/ent_soleimani").json()
    assert [e["id"] for e in dossier["events"]] == via_api(api, {"entity": "ent_soleimani"})


def test_the_network_is_one_graph_in_the_workbench_and_the_exports(
    built: Built, api: TestClient
) -> None:
    from sitrep.export.graph import build_graph

    served = api.get("/api/network").json()["edges"]
    exported = build_graph(built.store, places=True).edges()
    assert served, "the fixture store has linked entities"
    assert {(e["source"], e["target"], e["events"], e["sentences"]) for e in served} == {
        (a, b, events, sentences) for (a, b), events, sentences in exported
    }


@pytest.mark.parametrize("named", ["ent_soleimani", "Qassem Soleimani", "Suleimani"])
def test_the_three_dossiers_agree(built: Built, api: TestClient, named: str) -> None:
    """The CLI's `entity`, the API's dossier and the exported dossier (Markdown/HTML) name the
    same entity, list the same events and cite the same mentions, whichever name is given."""
    from sitrep.export.dossier import build_dossier

    result = CliRunner().invoke(cli, ["entity", named, "--json", "--db", built.store.db])
    assert result.exit_code == 0, result.output
    [from_cli] = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    entity_id = named  # the API's dossier takes an id; its entity list finds a name's id
    if not named.startswith("ent_"):
        entity_id = api.get("/api/entities", params={"q": named}).json()["items"][0]["id"]
    from_api = api.get(f"/api/entities/{entity_id}").json()
    exported = build_dossier(built.store, named)

    assert from_cli["id"] == from_api["id"] == exported.entity["id"] == "ent_soleimani"
    events = [e["id"] for e in from_api["events"]]
    assert events and [e["id"] for e in from_cli["events"]] == events
    assert sorted(t.event_id for t in exported.timeline) == sorted(events)
    assert sorted(events) == sorted(via_api(api, {"entity": named}))
    spans = {(m["document_id"], m["start"], m["end"]) for m in from_api["mentions"]}
    assert (
        spans and {(m["document_id"], m["start"], m["end"]) for m in from_cli["mentions"]} == spans
    )
    assert {(c.document_id, c.start, c.end) for c in exported.mentions} == spans
