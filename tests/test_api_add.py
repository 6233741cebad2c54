"""Adding reports from the workbench (POST /api/add): pasted text, a URL, a file, each answered
with what came of it (the document, its events and entities, a duplicate, a rejection in
words), on both backends; editors only, CSRF as every browser write, inputs capped.

Every report here is written for the test (no article text)."""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from httpserver import LocalServer
from sitrep.api import AuthConfig, create_app
from sitrep.api.add import MAX_INPUTS
from sitrep.settings import Settings
from sitrep.store import Store

VIEWER, EDITOR = "viewer-token-0123456789", "editor-token-0123456789"
AUTH = AuthConfig.parse([f"{VIEWER} viewer vera", f"{EDITOR} editor eddie"], "test")
LOCAL_FETCH = Settings(allow_private_addresses=True, fetch_timeout_s=2.0)
BLANK = {"name": "blank.txt", "content": ""}
REPORT = (
    "Officials in the northern town of Dastan said on Tuesday that the new bridge over the "
    "Kelar river had reopened after repairs that lasted three months."
)


def browser(store: Store, settings: Settings, nlp: bool = False) -> TestClient:
    """The workbench in local mode, as a browser uses it: session cookie, CSRF header."""
    app = create_app(store, settings=settings, ingest_nlp=nlp)
    client = TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False)
    token = client.get("/api/session").json()["csrf_token"]
    client.headers.update({"X-CSRF-Token": token, "Origin": "http://127.0.0.1:8000"})
    return client


@pytest.fixture
def local(store: Store) -> Iterator[TestClient]:
    with browser(store, LOCAL_FETCH) as client:
        yield client


def add(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/api/add", json=body)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def only_item(answer: dict[str, Any]) -> dict[str, Any]:
    [given] = answer["inputs"]
    [item] = given["items"]
    return item


def test_pasted_text_becomes_a_dated_document_with_its_title_and_outlet(
    local: TestClient,
) -> None:
    pasted = {"text": REPORT, "title": "Bridge reopens", "outlet": "Dastan Courier"}
    answer = add(local, texts=[{**pasted, "published": "2031-05-06"}])
    item = only_item(answer)
    assert answer["stored"] == 1 and item["outcome"] == "stored"
    assert answer["inputs"][0]["input"].startswith("pasted text 1 (local, ")
    assert item["origin"] == answer["inputs"][0]["input"] + "#row=1"  # the table row's origin
    doc = local.get(f"/api/documents/{item['document_id']}").json()
    assert (doc["title"], doc["site"], doc["published"]) == (
        "Bridge reopens",
        "Dastan Courier",
        "2031-05-06",
    )
    assert "Kelar river" in doc["text"]
    assert "sitrep-add-" not in doc["origin"]  # never the server's temporary path


def test_the_same_text_again_is_a_duplicate_of_the_first_document(local: TestClient) -> None:
    first = only_item(add(local, texts=[{"text": REPORT}]))
    again = add(local, texts=[{"text": REPORT}])
    item = only_item(again)
    assert (again["stored"], again["already_stored"]) == (0, 1)
    assert item["outcome"] == "duplicate" and item["document_id"] == first["document_id"]


def test_a_url_is_fetched_and_stored_under_its_address(local: TestClient) -> None:
    page = f"<html><head><title>Bridge news</title></head><body><p>{REPORT}</p></body></html>"
    with LocalServer() as server:
        server.route("/bridge.html", page.encode(), content_type="text/html")
        url = server.url("/bridge.html")
        item = only_item(add(local, urls=[url]))
    assert item["outcome"] == "stored" and item["origin"] == url
    assert local.get(f"/api/documents/{item['document_id']}").json()["title"] == "Bridge news"


def test_a_table_file_gives_a_document_per_row_under_its_own_name(local: TestClient) -> None:
    table = (
        "title,content,published\n"
        f'Bridge reopens,"{REPORT}",2031-05-06\n'
        'Market fire,"A fire in the covered market of Dastan was put out by noon.",2031-05-07\n'
    )
    upload = {"name": "week.csv", "content": base64.b64encode(table.encode()).decode()}
    answer = add(local, files=[upload])
    [given] = answer["inputs"]
    assert given["input"].startswith("week.csv (uploaded by local, ")
    assert [i["origin"] for i in given["items"]] == [f"{given['input']}#row={n}" for n in (1, 2)]
    assert [i["title"] for i in given["items"]] == ["Bridge reopens", "Market fire"]


def test_rejections_are_answered_in_words_and_recorded_as_the_clis(store: Store) -> None:
    # the default settings: loopback refused, as POST /api/ingest refuses it
    with browser(store, Settings()) as client:
        empty = {"name": "blank.txt", "content": ""}
        answer = add(client, urls=["http://127.0.0.1:9/secret"], files=[empty])
    blocked, blank = (given["items"][0] for given in answer["inputs"])
    assert (blocked["outcome"], blocked["reason"]) == ("rejected", "blocked-address")
    assert (blank["outcome"], blank["reason"]) == ("rejected", "empty")
    assert all(len(item["detail"].split()) >= 3 for item in (blocked, blank))
    kept = {(r["origin"], r["reason"]) for r in store.rejects(answer["run_id"])}
    assert kept == {(blocked["origin"], "blocked-address"), (blank["origin"], "empty")}


def test_only_editors_add_and_within_the_caps(store: Store, local: TestClient) -> None:
    app = create_app(store, AUTH, settings=LOCAL_FETCH, ingest_nlp=False)
    with TestClient(app, base_url="http://10.0.0.5:8000", raise_server_exceptions=False) as team:
        body = {"texts": [{"text": REPORT}]}
        viewer = {"Authorization": f"Bearer {VIEWER}"}
        assert team.post("/api/add", json=body, headers=viewer).status_code == 403
        limits = team.get("/api/add/limits", headers=viewer).json()
        assert limits["max_inputs"] == MAX_INPUTS and limits["max_request_bytes"] > 0
        editor = {"Authorization": f"Bearer {EDITOR}"}
        assert team.post("/api/add", json=body, headers=editor).status_code == 200
    too_many = [{"text": f"{REPORT} ({n})"} for n in range(MAX_INPUTS + 1)]
    assert local.post("/api/add", json={"texts": too_many}).status_code == 422
    assert local.post("/api/add", json={}).status_code == 422
    assert local.post("/api/add", json={"urls": ["file:///etc/passwd"]}).status_code == 422
    # a browser write without the CSRF header is refused, as every other write is
    bare = TestClient(create_app(store, settings=LOCAL_FETCH, ingest_nlp=False))
    with bare:
        bare.get("/api/session")
        refused = bare.post("/api/add", json=body, headers={"Origin": "http://testserver"})
        assert refused.status_code == 403


@pytest.mark.slow
def test_a_pasted_report_adds_its_event_and_a_retelling_joins_it(
    tmp_path: Any, domain_nlp: Any
) -> None:
    """Through the NLP pipeline: the first report adds an event and the entities it names; a
    second outlet's retelling of the same attack joins them (told by one other document)."""
    first = (
        "Gunmen attacked a police checkpoint in Aleppo on Sunday, killing four officers, "
        "the interior ministry said."
    )
    second = (
        "Four police officers were killed when gunmen attacked a checkpoint in Aleppo on "
        "Sunday, a ministry spokesman said."
    )
    store = Store(str(tmp_path / "nlp.db"))
    with browser(store, LOCAL_FETCH, nlp=True) as client:
        told = only_item(add(client, texts=[{"text": first, "published": "2031-03-04"}]))
        retold = only_item(add(client, texts=[{"text": second, "published": "2031-03-04"}]))
    assert told["events"] and all(e["other_documents"] == 0 for e in told["events"])
    assert any(e["name"] == "Aleppo" for e in told["entities"])
    aleppo = next(e for e in retold["entities"] if e["name"] == "Aleppo")
    assert aleppo["other_documents"] == 1
    joined = {e["id"] for e in retold["events"] if e["other_documents"] == 1}
    assert joined & {e["id"] for e in told["events"]}


def poll(client: TestClient, job_id: str, seconds: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while True:
        job: dict[str, Any] = client.get(f"/api/add/jobs/{job_id}").json()
        if job["state"] != "running":
            return job
        assert time.monotonic() < deadline, job
        time.sleep(0.1)


def test_a_job_answers_at_once_then_says_what_came_of_it(local: TestClient) -> None:
    started = local.post("/api/add/jobs", json={"texts": [{"text": REPORT}], "files": [BLANK]})
    assert started.status_code == 200, started.text
    job = started.json()
    assert job["state"] in ("running", "done") and job["inputs"] == 2
    done = poll(local, job["id"])
    assert (done["state"], done["read"], done["stored"], done["rejected"]) == ("done", 2, 1, 1)
    pasted, blank = (given["items"][0] for given in done["answer"]["inputs"])
    assert pasted["outcome"] == "stored" and blank["reason"] == "empty"
    assert local.get("/api/add/jobs/add_nosuchjob").status_code == 404


def test_only_editors_start_or_read_jobs(store: Store) -> None:
    app = create_app(store, AUTH, settings=LOCAL_FETCH, ingest_nlp=False)
    with TestClient(app, base_url="http://10.0.0.5:8000", raise_server_exceptions=False) as team:
        viewer = {"Authorization": f"Bearer {VIEWER}"}
        editor = {"Authorization": f"Bearer {EDITOR}"}
        body = {"texts": [{"text": REPORT}]}
        assert team.post("/api/add/jobs", json=body, headers=viewer).status_code == 403
        job = team.post("/api/add/jobs", json=body, headers=editor).json()
        assert team.get(f"/api/add/jobs/{job['id']}", headers=viewer).status_code == 403
        team.headers.update(editor)
        assert poll(team, job["id"])["state"] == "done"
