"""`GET /api/export/{format}`: every format over HTTP, read back with an independent parser, the
same bytes as `sitrep export`, and errors in the API's one JSON shape."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geojson
import networkx as nx
import pytest
from fastapi.testclient import TestClient
from followthemoney import model
from httpx import Response
from lxml import html as lxml_html
from typer.testing import CliRunner

from sitrep.api import AuthConfig, create_app
from sitrep.cli.app import app as cli_app
from sitrep.export import export_bytes
from sitrep.export.acled import COLUMNS
from sitrep.store import Store
from storefixtures import ARTICLES, ENTITIES, EVENTS, Built, build_store

VIEWER = "viewer-token-0123456789"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Built, Path]]:
    folder = tmp_path_factory.mktemp("api-export")
    path = folder / "sitrep.db"
    store = Store(str(path))
    yield store, build_store(store, folder), path
    store.close()


@pytest.fixture(scope="module")
def client(built: tuple[Store, Built, Path]) -> Iterator[TestClient]:
    app = create_app(built[0])
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


def fetch(client: TestClient, url: str, media_type: str, filename: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == media_type
    assert response.headers["content-disposition"] == f'attachment; filename="{filename}"'
    return response.content


def _lines(content: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in content.decode("utf-8").splitlines()]


def test_jsonl_lines_parse_and_hold_every_record(client: TestClient) -> None:
    content = fetch(client, "/api/export/jsonl", "application/x-ndjson", "sitrep.jsonl")
    records = _lines(content)
    kinds = Counter(r["kind"] for r in records)
    assert kinds == {"document": len(ARTICLES), "entity": len(ENTITIES), "event": len(EVENTS)}
    assert all(r["text"] for r in records if r["kind"] == "document")
    bare = _lines(client.get("/api/export/jsonl?no_text=true").content)
    assert not any(r.get("text") for r in bare if r["kind"] == "document")


def test_csv_has_acled_columns(client: TestClient, built: tuple[Store, Built, Path]) -> None:
    content = fetch(client, "/api/export/csv", "text/csv; charset=utf-8", "sitrep.csv")
    reader = csv.DictReader(io.StringIO(content.decode("utf-8"), newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    rows = {r["sitrep_event_id"]: r for r in reader}
    assert set(rows) == set(built[1].events.values())
    assert rows[built[1].events["visit"]]["location"] == "Aleppo"


def test_geojson_is_valid_and_options_add_places(
    client: TestClient, built: tuple[Store, Built, Path]
) -> None:
    content = fetch(client, "/api/export/geojson", "application/geo+json", "sitrep.geojson")
    located = geojson.loads(content)
    assert located.is_valid, located.errors()
    assert {f["id"] for f in located["features"]} == {
        built[1].events["visit"],
        built[1].events["strike"],
    }
    for feature in located["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    everything = geojson.loads(client.get("/api/export/geojson?places=true&unlocated=true").content)
    assert everything.is_valid
    kinds = Counter(f["properties"]["kind"] for f in everything["features"])
    assert kinds == {"event": len(EVENTS), "place": 2}


@pytest.mark.parametrize(
    ("fmt", "media_type"),
    [("gexf", "application/gexf+xml"), ("graphml", "application/graphml+xml")],
)
def test_graphs_parse_with_networkx(client: TestClient, fmt: str, media_type: str) -> None:
    response = client.get(f"/api/export/{fmt}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    stream = io.BytesIO(response.content)
    graph = nx.read_gexf(stream) if fmt == "gexf" else nx.read_graphml(stream)
    assert set(graph.nodes) == {e["id"] for e in ENTITIES if e["type"] != "place"}
    assert graph.has_edge("esmail-ghaani", "quds-force")


def test_ftm_reads_back_with_followthemoney(client: TestClient) -> None:
    response = client.get("/api/export/ftm")
    assert response.status_code == 200, response.text
    proxies = [model.get_proxy(d, cleaned=False) for d in _lines(response.content)]
    schemata = Counter(p.schema.name for p in proxies)
    assert schemata["Person"] == 1 and schemata["Event"] == len(EVENTS)
    ids = {p.id for p in proxies}
    for proxy in proxies:  # every reference resolves inside the export
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, (proxy.schema.name, prop.name)


def test_dossiers_by_name_in_markdown_and_inert_html(client: TestClient) -> None:
    md = fetch(
        client,
        "/api/export/dossier-md?entity=Ismail%20Qaani",
        "text/markdown; charset=utf-8",
        "sitrep-Ismail-Qaani.md",
    )
    assert md.decode("utf-8").startswith("# Esmail Ghaani\n")
    page = fetch(
        client,
        "/api/export/dossier-html?entity=irgc",
        "text/html; charset=utf-8",
        "sitrep-irgc.html",
    )
    assert not lxml_html.fromstring(page).xpath("//script")
    assert "&lt;script&gt;" in page.decode("utf-8")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "gexf", "graphml", "ftm"])
def test_api_bytes_equal_the_library_export(
    client: TestClient, built: tuple[Store, Built, Path], fmt: str
) -> None:
    content, _, _ = export_bytes(built[0], fmt, places=True)
    assert client.get(f"/api/export/{fmt}?places=true").content == content


def test_api_bytes_equal_the_cli_export(
    client: TestClient, built: tuple[Store, Built, Path], tmp_path: Path
) -> None:
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(cli_app, ["export", "csv", "--db", str(built[2]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert client.get("/api/export/csv").content == out.read_bytes()


def _error(response: Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()["error"]
    assert body["code"] == code and body["message"]
    return body


def test_errors_use_the_one_json_shape(client: TestClient) -> None:
    unknown = _error(client.get("/api/export/shapefile"), 404, "not-found")
    assert "shapefile" in unknown["message"] and "geojson" in unknown["detail"]
    _error(client.get("/api/export/dossier-md"), 400, "usage")  # about whom?
    _error(client.get("/api/export/dossier-html?entity=nobody-at-all"), 404, "not-found")
    _error(client.get("/api/export/geojson?places=maybe"), 422, "validation")


def test_format_list_names_every_exporter(client: TestClient) -> None:
    names = {f["name"] for f in client.get("/api/export").json()["formats"]}
    assert {"jsonl", "csv", "geojson", "gexf", "graphml", "ftm", "dossier-md"} <= names


def test_a_viewer_may_export_and_a_stranger_may_not(built: tuple[Store, Built, Path]) -> None:
    auth = AuthConfig.parse([f"{VIEWER} viewer vera"], "test")
    app = create_app(built[0], auth)
    with TestClient(app, base_url="http://10.0.0.5:8000", raise_server_exceptions=False) as team:
        _error(team.get("/api/export/csv"), 401, "unauthorized")
        seen = team.get("/api/export/csv", headers={"Authorization": f"Bearer {VIEWER}"})
        assert seen.status_code == 200 and seen.content.startswith(b"event_id_cnty")


def test_a_download_name_is_ascii_whatever_the_entity_is_called() -> None:
    """A dossier asked for by its Arabic-script name answered 500: the name went into the
    Content-Disposition header, which is Latin-1."""
    from sitrep.export import get_exporter
    from sitrep.export.core import export_filename

    dossier = get_exporter("dossier-md")
    assert export_filename(dossier, "قاسم سليماني") == "sitrep.md"
    assert export_filename(dossier, "Qassem Soleimani (قاسم)") == "sitrep-Qassem-Soleimani.md"
