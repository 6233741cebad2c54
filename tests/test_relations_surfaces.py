"""Learned relations where analysts look: the dossier, the relation network, JSON lines,
GEXF / GraphML edges with types and dates, FollowTheMoney Occupancy and links with proof.

A real store from our own articles (tests/fixtures/relations) through the real pipeline."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.export.registry import get_exporter
from sitrep.extract.pipeline import PACKAGE_MODEL
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store

ARTICLES = Path(__file__).parent / "fixtures" / "relations" / "articles.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    if not (PACKAGE_MODEL / "meta.json").exists():
        pytest.skip("the trained pipeline has not shipped yet (src/sitrep/models/sitrep_en)")
    built = Store(str(tmp_path_factory.mktemp("relsurf") / "rel.db"))
    Ingest(built, Settings()).run([str(ARTICLES)])
    return built


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store), base_url="http://127.0.0.1") as c:
        yield c


def _export(store: Store, name: str) -> bytes:
    out = io.BytesIO()
    get_exporter(name).write(store, out, {})
    return out.getvalue()


def _aqil(client: TestClient) -> str:
    found = client.get("/api/entities", params={"q": "Aqil"}).json()
    people = [e for e in found["items"] if e["type"] == "person"]
    assert people, found
    return str(people[0]["id"])


def test_dossier_lists_the_learned_position_with_dates_and_sources(client: TestClient) -> None:
    dossier = client.get(f"/api/entities/{_aqil(client)}").json()
    positions = dossier["relations"]["positions"]
    rel = next(p for p in positions if "Radwan" in str(p["other"]["name"]))
    assert rel["type"] == "commands" and rel["direction"] == "outgoing"
    assert rel["learned"] and not rel["from_pack"]
    assert rel["ended"] and rel["time_end"] == "2024-09-21" and rel["status"] == "corroborated"
    assert {c["outlet"] for c in rel["claims"]} == {"Wire One", "Daily Two"}
    assert all(c["sentence"] and c["url"] for c in rel["claims"])


def test_relation_network_has_typed_edges_with_evidence(client: TestClient) -> None:
    graph = client.get("/api/network/relations", params={"learned": True}).json()
    edges = [e for e in graph["edges"] if e["type"] == "commands"]
    assert edges and edges[0]["evidence"] and edges[0]["time_end"] == "2024-09-21"
    ids = {n["id"] for n in graph["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    only = client.get("/api/relations", params={"type": "present-in"}).json()
    assert only["total"] >= 1 and {r["type"] for r in only["relations"]} == {"present-in"}


def test_jsonl_carries_relations_after_the_entities(store: Store) -> None:
    lines = [json.loads(line) for line in _export(store, "jsonl").splitlines()]
    kinds = [line["kind"] for line in lines]
    assert "relation" in kinds and kinds.index("relation") > kinds.index("entity")
    rel = next(r for r in lines if r["kind"] == "relation" and r["type"] == "commands")
    assert rel["claims"] and rel["subject"]["name"] and rel["ended"] is True


def _edges_of(tree: ET.Element, tag: str) -> list[ET.Element]:
    return [e for e in tree.iter(tag)]


def test_gexf_and_graphml_edges_have_types_and_dates(store: Store) -> None:
    gexf = ET.fromstring(_export(store, "gexf"))
    typed = [e for e in _edges_of(gexf, "{http://www.gexf.net/1.2draft}edge") if e.get("label")]
    assert any(e.get("label") == "commands" and e.get("type") == "directed" for e in typed)
    values: dict[str, Any] = {}
    for edge in typed:
        if edge.get("label") == "commands":
            values = {
                v.get("for"): v.get("value")
                for v in edge.iter("{http://www.gexf.net/1.2draft}attvalue")
            }
    assert values["end"] == "2024-09-21" and values["ended"] == "true"
    assert "Radwan Force" in values["evidence"]
    graphml = ET.fromstring(_export(store, "graphml"))
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    keys = {k.get("id") for k in graphml.iter(f"{ns}key")}
    assert {"relation", "start", "end", "status", "evidence"} <= keys
    relation_data = [d.text for d in graphml.iter(f"{ns}data") if d.get("key") == "relation"]
    assert "commands" in relation_data


def test_ftm_has_an_occupancy_with_proof(store: Store) -> None:
    pytest.importorskip("followthemoney")
    proxies = [json.loads(line) for line in _export(store, "ftm").splitlines()]
    occupancy = [p for p in proxies if p["schema"] == "Occupancy"]
    assert occupancy, {p["schema"] for p in proxies}
    props = occupancy[0]["properties"]
    assert (
        props["holder"] and props["post"] and props["proof"] and props["endDate"] == ["2024-09-21"]
    )
    posts = {p["id"]: p for p in proxies if p["schema"] == "Position"}
    assert "commander" in posts[props["post"][0]]["properties"]["name"][0]


def test_dossier_exports_say_what_the_reports_say(store: Store) -> None:
    from sitrep.export.dossier import build_dossier
    from sitrep.export.dossier_render import render_html, render_markdown

    dossier = build_dossier(store, "Ibrahim Aqil")
    text = render_markdown(dossier)
    assert "## What the reports say" in text
    assert "commands Radwan Force (commander)" in text and "ended" in text
    assert "> The former commander of the Radwan Force" in text
    page = render_html(dossier)
    assert "What the reports say" in page and "corroborated, 2 origins" in page


def test_cli_lists_an_entitys_relations(store: Store) -> None:
    from typer.testing import CliRunner

    from sitrep.cli.app import app

    result = CliRunner().invoke(
        app, ["relations", "--db", store.db, "--entity", "Ibrahim Aqil", "--learned", "--json"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert rows and all("reports" in r["sources"] for r in rows)
    assert {"commands", "present-in"} <= {r["type"] for r in rows}
    missing = CliRunner().invoke(app, ["relations", "--db", store.db, "--entity", "Nobody Here"])
    assert missing.exit_code != 0 and "Traceback" not in missing.output


def test_the_network_edges_carry_typed_relations(client: TestClient) -> None:
    aqil = _aqil(client)
    graph = client.get("/api/network", params={"kind": ["sentences", "relations"]}).json()
    edges = [e for e in graph["edges"] if aqil in (e["source"], e["target"])]
    typed = [r for e in edges for r in e["relations"]]
    commands = [r for r in typed if r["type"] == "commands"]
    assert commands and commands[0]["subject"] == aqil and commands[0]["ended"]
    plain = client.get("/api/network").json()  # co-occurrence only: typed relations listed
    assert all("relations" in e for e in plain["edges"])


def test_the_ego_network_carries_typed_relations_and_their_sentence_spans(
    client: TestClient,
) -> None:
    aqil = _aqil(client)
    only = client.get(f"/api/network/ego/{aqil}", params={"kind": "relations"}).json()
    typed = [r for e in only["edges"] for r in e["relations"]]
    assert [r["type"] for r in typed if r["subject"] == aqil].count("commands") >= 1
    assert all(e["events"] == e["sentences"] == 0 for e in only["edges"])  # relations only
    plain = client.get(f"/api/network/ego/{aqil}").json()  # co-occurrence: relations listed
    assert all("relations" in e for e in plain["edges"])
    # the evidence the UI shows on a click: each report's sentence as a span of its document
    rel = client.get("/api/relations", params={"entity": aqil, "type": "commands"}).json()
    said = [c for r in rel["relations"] for c in r["claims"] if c["source"] == "report"]
    assert said and all(c["start"] is not None and c["end"] > c["start"] for c in said)
    for claim in said:
        text = client.get(f"/api/documents/{claim['document_id']}").json()["text"]
        assert claim["sentence"].strip() in text[claim["start"] : claim["end"]]


def test_the_ego_window_keeps_only_relations_whose_period_overlaps_it() -> None:
    from sitrep.api.ego import _relations_in_window

    pair = ("pk_a", "pk_b")
    ended = {"id": "r1", "time_start": "2000-05-07", "time_end": "2008-05-07"}
    current = {"id": "r2", "time_start": "2020-01-03", "time_end": None}
    undated = {"id": "r3", "time_start": None, "time_end": None}
    typed = {pair: [ended, current, undated]}

    def ids(since: str | None, until: str | None) -> list[str]:
        return [r["id"] for r in _relations_in_window(typed, since, until).get(pair, [])]

    assert ids(None, None) == ["r1", "r2", "r3"]
    assert ids("2019", "2021") == ["r2", "r3"]
    assert ids("2001-01-01", "2002-12-31") == ["r1", "r3"]
    assert ids(None, "1999") == ["r3"]
