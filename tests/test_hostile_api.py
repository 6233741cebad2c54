"""The API's small edges: a bearer header in local mode, Host spellings, LIKE wildcards."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from test_api_store_builder import Built, build_store, copy_store

MARK = "/api/claims/clm_evt_visit_0/mark"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "store.db"
    build_store(path).store.close()
    return path


@pytest.fixture
def built(template: Path, tmp_path: Path) -> Built:
    return copy_store(template, tmp_path / "store.db")


def test_a_bearer_header_does_not_skip_csrf_in_local_mode(built: Built) -> None:
    with TestClient(create_app(built.store), base_url="http://127.0.0.1:8000") as client:
        client.get("/api/session")
        forged = client.post(
            MARK,
            json={"mark": "verified", "reason": "x"},
            headers={"Authorization": "Bearer anything-at-all"},
        )
        assert forged.status_code == 403 and "CSRF" in forged.json()["error"]["message"]


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:8000", 200),
        ("LOCALHOST", 200),
        ("LocalHost:8000", 200),
        ("[::1]:8000", 200),
        ("127.0.0.1:80@evil.example", 403),
        ("evil.example", 403),
        ("127.0.0.1.evil.example", 403),
        ("localhost:80:81", 403),
        ("", 403),
    ],
)
def test_host_names_are_checked_exactly_and_case_insensitively(
    built: Built, host: str, status: int
) -> None:
    with TestClient(create_app(built.store), base_url="http://127.0.0.1:8000") as client:
        response = client.get("/api/session", headers={"Host": host})
        assert response.status_code == status, (host, response.text)


def test_like_wildcards_in_a_query_match_only_themselves(built: Built) -> None:
    with TestClient(create_app(built.store), base_url="http://127.0.0.1:8000") as client:
        everything = client.get("/api/entities").json()
        assert everything["items"]
        for wildcard in ("%", "_", "%%", "\\"):
            found = client.get("/api/entities", params={"q": wildcard}).json()
            assert found["items"] == [], wildcard
        name = everything["items"][0]["name"]
        named = client.get("/api/entities", params={"q": name[:4]}).json()
        assert any(item["name"] == name for item in named["items"])
