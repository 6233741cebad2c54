"""The relations list (issue 31d): `/api/relations`' filters (type, family, learned / pack,
status, an entity at either end, a date window), its counts by type, and the export of exactly
the filtered list (`/api/relations/export/csv|jsonl`). A real store from our own articles
(tests/fixtures/relations) through the real pipeline, plus one relation of the domain pack's
written for the test (a dated position, so the pack side and a year's window are exercised).

What the store holds: Ibrahim Aqil commands the Radwan Force (three reports, 2023-05-01 to
2024-09-21, corroborated, ended by 2024-09-21: "former"), is present in Beirut (one report of
2024-09-21, undated) and in Tyre (one report of 2023-05-03, undated); the pack's: Aqil holds a
position at the Radwan Force from 2015."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from conftest import BACKENDS, fresh_database
from sitrep.api import create_app
from sitrep.extract.pipeline import PACKAGE_MODEL
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store import schema as s

ARTICLES = Path(__file__).parent / "fixtures" / "relations" / "articles.jsonl"


@pytest.fixture(scope="module", params=BACKENDS)
def client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """Both backends (PostgreSQL where SITREP_TEST_PG_URL names a server)."""
    if not (PACKAGE_MODEL / "meta.json").exists():
        pytest.skip("the trained pipeline has not shipped yet (src/sitrep/models/sitrep_en)")
    with fresh_database(request.param, tmp_path_factory.mktemp("rellist")) as url:
        store = Store(url)
        try:
            yield from _served(store)
        finally:
            store.close()


def _served(store: Store) -> Iterator[TestClient]:
    Ingest(store, Settings()).run([str(ARTICLES)])
    with store.read() as conn:
        commands = conn.execute(s.relations.select().where(s.relations.c.type == "commands")).one()
    with store.transaction() as conn:
        conn.execute(
            insert(s.relations).values(
                id="rel_pack_test", type="holds-position",
                subject_entity_id=commands.subject_entity_id,
                object_entity_id=commands.object_entity_id, title="founder", time_start="2015",
                time_end=None, ended=False, status="pack", status_reason="the domain pack",
                n_claims=1, n_origins=1, origins=["pack"], sources=["pack"],
            )
        )  # fmt: skip
    with TestClient(create_app(store), base_url="http://127.0.0.1") as c:
        yield c


def listed(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/relations", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


def kinds(page: dict[str, Any]) -> list[tuple[str, str | None]]:
    return sorted((r["type"], r["object"]["name"]) for r in page["relations"])


ALL = [
    ("commands", "Radwan Force"),
    ("holds-position", "Radwan Force"),
    ("present-in", "Beirut"),
    ("present-in", "Tyre"),
]


def test_the_whole_list_with_what_a_row_shows(client: TestClient) -> None:
    page = listed(client)
    assert kinds(page) == ALL and page["total"] == 4
    rel = next(r for r in page["relations"] if r["type"] == "commands")
    assert rel["family"] == "command" and rel["n_reports"] == 3 and rel["n_claims"] == 3
    assert rel["time_end"] == "2024-09-21" and rel["ended"]
    assert rel["time_precision"] == "unresolved"  # "former": ended by its report's day
    assert rel["latest_report"]["published"] == "2024-09-21"
    assert rel["latest_report"]["outlet"] and rel["latest_report"]["document_id"]
    pack = next(r for r in page["relations"] if r["type"] == "holds-position")
    assert pack["n_reports"] == 0 and pack["latest_report"] is None
    assert pack["time_precision"] == "year"  # no claim says: "2015" is written as a year


def test_learned_or_pack(client: TestClient) -> None:
    assert [t for t, _ in kinds(listed(client, origin="pack"))] == ["holds-position"]
    learned = [t for t, _ in kinds(listed(client, origin="learned"))]
    assert learned == ["commands", "present-in", "present-in"]
    assert kinds(listed(client, learned=True)) == kinds(listed(client, origin="learned"))
    assert kinds(listed(client, origin="both")) == ALL


def test_type_and_family(client: TestClient) -> None:
    assert kinds(listed(client, type="commands")) == [("commands", "Radwan Force")]
    assert kinds(listed(client, family="command")) == ALL[:2]
    assert kinds(listed(client, family="presence")) == ALL[2:]
    assert kinds(listed(client, family=["hostility", "presence"])) == ALL[2:]
    assert listed(client, family="hostility")["total"] == 0
    assert client.get("/api/relations", params={"family": "friendship"}).status_code == 422


def test_the_counts_by_type_are_their_clicks_totals(client: TestClient) -> None:
    """Counted with every filter but type and family, so a chosen type leaves the others'
    counts in view; each is what choosing that type alone lists."""
    for params in ({}, {"origin": "learned"}, {"family": "presence"}, {"type": "commands"}):
        page = listed(client, **params)
        unchosen = {k: v for k, v in params.items() if k not in ("type", "family")}
        assert page["by_type"] == {
            t: listed(client, **unchosen, type=t)["total"] for t in page["by_type"]
        }
    assert listed(client, family="presence")["by_type"] == {
        "commands": 1,
        "holds-position": 1,
        "present-in": 2,
    }


def test_status(client: TestClient) -> None:
    assert kinds(listed(client, status="corroborated")) == [("commands", "Radwan Force")]
    assert [t for t, _ in kinds(listed(client, status="single-source"))] == ["present-in"] * 2
    assert listed(client, status=["pack", "corroborated"])["total"] == 2


def test_an_entity_at_either_end_by_any_name(client: TestClient) -> None:
    tyre = listed(client, entity="Tyre")  # the object
    assert kinds(tyre) == [("present-in", "Tyre")]
    assert [m["name"] for m in tyre["matched"]] == ["Tyre"]
    aqil = listed(client, entity="Ibrahim Aqil")  # the subject of all four
    assert aqil["total"] == 4 and aqil["matched"][0]["type"] == "person"
    by_id = listed(client, entity=aqil["matched"][0]["id"])
    assert kinds(by_id) == ALL
    nobody = listed(client, entity="Nobody Atall")
    assert nobody["total"] == 0 and nobody["matched"] == []


def test_a_date_window(client: TestClient) -> None:
    """A dated relation when its span meets the window (an end alone: up to then; a start
    alone: from then on; a year from its first to its last day); an undated one when a report
    stating it was published in the window."""
    assert kinds(listed(client, since="2024-10")) == [("holds-position", "Radwan Force")]
    assert kinds(listed(client, until="2023-12")) == [
        ("commands", "Radwan Force"),  # ended 2024-09-21: held before
        ("holds-position", "Radwan Force"),  # since 2015
        ("present-in", "Tyre"),  # reported 2023-05-03
    ]
    assert kinds(listed(client, since="2024", until="2024")) == [
        ("commands", "Radwan Force"),
        ("holds-position", "Radwan Force"),
        ("present-in", "Beirut"),  # reported 2024-09-21
    ]
    assert kinds(listed(client, until="2014")) == [
        ("commands", "Radwan Force")
    ]  # not the 2015 post
    assert kinds(listed(client, since="2015", until="2015")) == ALL[:2]
    assert client.get("/api/relations", params={"since": "last week"}).status_code == 422


@pytest.mark.parametrize(
    "params",
    [{}, {"family": "presence", "until": "2023-12"}, {"origin": "pack"}, {"entity": "Beirut"}],
)
def test_the_export_is_exactly_the_filtered_list(
    client: TestClient, params: dict[str, Any]
) -> None:
    wanted = [r["id"] for r in listed(client, **params)["relations"]]
    as_csv = client.get("/api/relations/export/csv", params=params)
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [r["id"] for r in rows] == wanted
    assert as_csv.headers["x-sitrep-records"] == str(len(wanted))
    assert "sitrep-relations" in as_csv.headers["content-disposition"]
    as_jsonl = client.get("/api/relations/export/jsonl", params=params)
    lines = [json.loads(line) for line in as_jsonl.text.splitlines()]
    assert [line["id"] for line in lines] == wanted
    assert all(line["kind"] == "relation" and "claims" in line for line in lines)


def test_the_csv_row_says_who_what_when_and_from_whom(client: TestClient) -> None:
    body = client.get("/api/relations/export/csv", params={"type": "commands"}).text
    (row,) = list(csv.DictReader(io.StringIO(body)))
    assert (row["subject"], row["type"], row["object"]) == (
        "Ibrahim Aqil",
        "commands",
        "Radwan Force",
    )
    assert (row["time_end"], row["ended"], row["status"]) == ("2024-09-21", "true", "corroborated")
    assert (row["n_reports"], row["sources"], row["latest_report_published"]) == (
        "3",
        "reports",
        "2024-09-21",
    )
    assert "Radwan" in row["evidence"] and "\n" not in row["evidence"]
    name = client.get(
        "/api/relations/export/csv", params={"family": "command", "origin": "learned"}
    )
    assert "families-command-origin-learned" in name.headers["content-disposition"]


def test_an_unknown_export_format_is_refused(client: TestClient) -> None:
    response = client.get("/api/relations/export/xml")
    assert response.status_code == 404 and "csv or jsonl" in response.text


def test_the_cli_lists_and_exports_the_same_filtered_list(
    client: TestClient, tmp_path: Path
) -> None:
    """`sitrep relations` reads the same filter (`select_relations`) and exports with the same
    writer: its CSV is the API's, byte for byte."""
    from typer.testing import CliRunner

    from sitrep.cli.app import app

    store = client.app.state.store  # type: ignore[attr-defined]
    args = ["relations", "--db", store.db, "--family", "presence", "--until", "2023-12"]
    listed_out = CliRunner().invoke(app, [*args, "--json"])
    assert listed_out.exit_code == 0, listed_out.output
    rows = [json.loads(line) for line in listed_out.output.splitlines() if line.strip()]
    assert [(r["type"], r["object"]["name"]) for r in rows] == [("present-in", "Tyre")]
    exported = CliRunner().invoke(app, [*args, "--export", "csv"])
    api = client.get("/api/relations/export/csv", params={"family": "presence", "until": "2023-12"})
    assert exported.exit_code == 0 and exported.stdout_bytes == api.content
    for wrong in (["--origin", "rumour"], ["--family", "friendship"], ["--since", "May"]):
        refused = CliRunner().invoke(app, ["relations", "--db", store.db, *wrong])
        assert refused.exit_code != 0 and "Traceback" not in refused.output
