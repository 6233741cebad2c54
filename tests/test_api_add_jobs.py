"""Add jobs kept in the store (`sitrep.read.add_jobs`): the list of jobs outlives the server; a
job whose server died mid-run shows as interrupted, with what its run had done (each document
stored, each input turned down with its reason) and what to do, and runs again from the request
it kept without storing anything twice; on both backends.

Every report here is written for the test (no article text)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from add_interrupted import interrupted_job
from sitrep.api import AuthConfig, create_app
from sitrep.api.addjobs import AddJobs, Progress
from sitrep.store import Store, schema
from test_api_add import BLANK, LOCAL_FETCH, REPORT, browser, poll

VIEWER, EDITOR = "viewer-token-0123456789", "editor-token-0123456789"
AUTH = AuthConfig.parse([f"{VIEWER} viewer vera", f"{EDITOR} editor eddie"], "test")
BODY = {"texts": [{"text": REPORT, "title": "Bridge reopens"}], "files": [BLANK]}


def documents(store: Store) -> int:
    return store.count(schema.documents)


def listed(client: TestClient) -> list[dict[str, Any]]:
    response = client.get("/api/add/jobs")
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def items(job: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for given in job["answer"]["inputs"] for item in given["items"]]


def test_the_list_of_jobs_outlives_the_server(db_url: str) -> None:
    with browser(Store(db_url), LOCAL_FETCH) as first:
        job_id = first.post("/api/add/jobs", json=BODY).json()["id"]
        assert poll(first, job_id)["state"] == "done"
    # a new server over the same store, as after a restart
    with browser(Store(db_url), LOCAL_FETCH) as second:
        [job] = listed(second)
        assert (job["id"], job["state"], job["by"], job["inputs"]) == (job_id, "done", "local", 2)
        assert (job["read"], job["stored"], job["rejected"]) == (2, 1, 1)
        assert job["given"][0].startswith("pasted text 1 (local, ")
        assert job["given"][1].startswith("blank.txt (uploaded by local, ")
        assert job["answer"] is None  # a list leaves the answers to each job's own page
        answer = second.get(f"/api/add/jobs/{job_id}").json()
        pasted, blank = items(answer)
        assert pasted["outcome"] == "stored" and pasted["title"] == "Bridge reopens"
        assert blank["outcome"] == "rejected" and blank["reason"] == "empty" and blank["detail"]
        # a done job drops its request and cannot be run again
        assert not answer["can_run_again"] and answer["advice"] is None
        refused = second.post(f"/api/add/jobs/{job_id}/again")
        assert refused.status_code == 400 and "only an interrupted" in refused.text
        assert second.get("/api/add/jobs/add_nosuchjob").status_code == 404


def test_a_job_whose_server_died_is_interrupted_and_runs_again_without_duplicates(
    db_url: str, tmp_path: Path
) -> None:
    job_id = interrupted_job(db_url, BODY, tmp_path)
    store = Store(db_url)
    assert documents(store) == 1  # the run had stored the pasted text when its server died
    with browser(store, LOCAL_FETCH) as client:
        [job] = listed(client)
        assert (job["id"], job["state"], job["can_run_again"]) == (job_id, "interrupted", True)
        assert "The server stopped while this job ran" in job["advice"]
        assert "Run it again" in job["advice"]
        assert job["seconds"] >= 0  # until last heard of: its end was never written
        # what its run had done, read back from the store: the document, the input turned down
        found = client.get(f"/api/add/jobs/{job_id}").json()
        pasted, blank = items(found)
        assert pasted["outcome"] == "stored" and pasted["document_id"]
        assert blank["outcome"] == "rejected" and blank["reason"] == "empty" and blank["detail"]

        again = client.post(f"/api/add/jobs/{job_id}/again")
        assert again.status_code == 200, again.text
        done = poll(client, again.json()["id"])
        assert (done["state"], done["again_of"]) == ("done", job_id)
        retold, blank_again = items(done)
        assert retold["outcome"] == "duplicate"
        assert retold["document_id"] == pasted["document_id"]
        assert blank_again["reason"] == "empty"
        assert documents(store) == 1  # nothing stored twice

        before = client.get(f"/api/add/jobs/{job_id}").json()
        assert before["run_again_as"] == done["id"] and not before["can_run_again"]
        assert before["advice"] == f"Run again as job {done['id']}."
        twice = client.post(f"/api/add/jobs/{job_id}/again")
        assert twice.status_code == 400 and "run again already" in twice.text
        assert [j["id"] for j in listed(client)] == [done["id"], job_id]  # newest first


@pytest.mark.slow
def test_a_run_again_reads_the_interrupted_runs_documents_into_events(
    tmp_path: Path, domain_nlp: Any
) -> None:
    """Through the NLP pipeline: the interrupted run stored the report but never reduced it (no
    event); run again, it is found already stored and its event is made."""
    db = str(tmp_path / "nlp.db")
    report = (
        "Gunmen attacked a police checkpoint in Aleppo on Sunday, killing four officers, "
        "the interior ministry said."
    )
    job_id = interrupted_job(db, {"texts": [{"text": report}]}, tmp_path, nlp=True)
    with browser(Store(db), LOCAL_FETCH, nlp=True) as client:
        [stopped] = items(client.get(f"/api/add/jobs/{job_id}").json())
        assert stopped["outcome"] == "stored" and stopped["events"] == []
        again = client.post(f"/api/add/jobs/{job_id}/again").json()
        [item] = items(poll(client, again["id"], seconds=120))
    assert item["outcome"] == "duplicate" and item["document_id"] == stopped["document_id"]
    assert item["events"] and any(e["name"] == "Aleppo" for e in item["entities"])


def test_a_server_made_again_in_the_same_process_finds_its_predecessors_job_interrupted(
    store: Store,
) -> None:
    release = threading.Event()

    def hangs(progress: Progress) -> None:
        progress.reported.append(("stored", "pasted text 1"))
        release.wait(30)

    first = AddJobs(store)
    job = first.start("eddie", ["pasted text 1"], {"texts": [{"text": REPORT}]}, hangs)
    assert first.get(job["id"])["state"] == "running"
    assert AddJobs(store).get(job["id"])["state"] == "interrupted"
    release.set()
    # its threads write the job's end: done before the store's database is dropped
    for thread in threading.enumerate():
        if thread.name.startswith(job["id"]):
            thread.join(10)


def test_only_editors_list_or_run_jobs_again(store: Store) -> None:
    app = create_app(store, AUTH, settings=LOCAL_FETCH, ingest_nlp=False)
    with TestClient(app, base_url="http://10.0.0.5:8000", raise_server_exceptions=False) as team:
        viewer = {"Authorization": f"Bearer {VIEWER}"}
        editor = {"Authorization": f"Bearer {EDITOR}"}
        assert team.get("/api/add/jobs", headers=viewer).status_code == 403
        assert team.post("/api/add/jobs/add_x/again", headers=viewer).status_code == 403
        job = team.post("/api/add/jobs", json=BODY, headers=editor).json()
        team.headers.update(editor)
        assert poll(team, job["id"])["by"] == "eddie"
        assert [j["by"] for j in listed(team)] == ["eddie"]
    with browser(store, LOCAL_FETCH) as local:
        local.headers.pop("X-CSRF-Token")
        assert local.post(f"/api/add/jobs/{job['id']}/again").status_code == 403


def test_a_job_whose_run_had_finished_says_nothing_is_left_to_run(store: Store) -> None:
    with browser(store, LOCAL_FETCH) as client:
        job_id = client.post("/api/add/jobs", json=BODY).json()["id"]
        assert poll(client, job_id)["state"] == "done"
    # its server stopped after the run's own end, before the job's last write
    with store.bookkeeping() as conn:
        conn.execute(
            schema.add_jobs.update()
            .where(schema.add_jobs.c.id == job_id)
            .values(state="running", finished_at=None)
        )
    job = AddJobs(store).get(job_id)
    assert job["state"] == "interrupted"
    assert job["advice"] is not None and "Nothing is left to run" in job["advice"]
    assert job["answer"] is not None and job["answer"]["stored"] == 1
