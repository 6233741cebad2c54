"""`/api/schema` serves the vocabularies from where they are defined, and every JSON route
documents its success shape (a response model in the OpenAPI document)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.extract.schema import load_event_schema
from sitrep.settings import Settings
from test_api_store_builder import ENTITIES, build_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    built = build_store(tmp_path_factory.mktemp("vocab") / "store.db")
    app = create_app(built.store, settings=Settings(), ingest_nlp=False)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        yield c
    built.store.close()


def test_schema_serves_the_vocabularies(client: TestClient) -> None:
    vocab = client.get("/api/schema").json()
    assert set(vocab["event_types"]) == set(load_event_schema().types)
    assert {"CONSULT", "ASSAULT"} <= set(vocab["event_types"])
    assert "actor" in vocab["event_types"]["CONSULT"]["roles"]
    assert {"asserts", "denies"} <= set(vocab["stances"])
    assert {e["type"] for e in ENTITIES} - {"group"} <= set(vocab["entity_types"])
    events = client.get("/api/events?limit=500").json()["items"]
    assert {e["status"] for e in events} <= set(vocab["statuses"])
    assert {"PERSON", "ORG", "GPE"} <= set(vocab["mention_labels"])
    assert vocab["marks"] == ["verified", "doubtful"]


def test_every_json_route_has_a_response_model(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    bare = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            content = operation["responses"]["200"]["content"]
            if "application/json" not in content:  # a file (GET /api/export/{format})
                continue
            if "$ref" not in content["application/json"]["schema"]:
                bare.append(f"{method.upper()} {path}")
    assert len(spec["paths"]) >= 20 and not bare
    ok = spec["paths"]["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]
    assert ok["schema"]["$ref"].endswith("/EventPage")


def test_the_cli_prints_the_openapi_document_the_server_serves(client: TestClient) -> None:
    import json

    from typer.testing import CliRunner

    from sitrep.cli.app import app

    printed = CliRunner().invoke(app, ["openapi"])
    assert printed.exit_code == 0, printed.output
    served = client.get("/api/openapi.json").json()
    assert json.loads(printed.stdout)["components"] == served["components"]
    assert set(json.loads(printed.stdout)["paths"]) == set(served["paths"])
