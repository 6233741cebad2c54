"""An add job whose server dies mid-run, for the tests: a server process (the app under a test
client) starts a job over the store, and the process exits, as a killed server does, once the
run has written its documents and rejects and before it reduces them. What it leaves in the
store is what a restart finds."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

DIED = 3  # the dying server's exit status, to tell its death from any other failure

_SERVER = f"""
import json, os, sys, time
from fastapi.testclient import TestClient
from sitrep.api import create_app
from sitrep.loader import Loader
from sitrep.settings import Settings
from sitrep.store import Store

def die(self):  # the server killed after the run wrote its documents, before the reduce
    os._exit({DIED})

Loader.reduce = die
db, body, nlp = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3] == "1"
app = create_app(Store(db), settings=Settings(), ingest_nlp=nlp)
client = TestClient(app, base_url="http://127.0.0.1:8000")
token = client.get("/api/session").json()["csrf_token"]
client.headers.update({{"X-CSRF-Token": token, "Origin": "http://127.0.0.1:8000"}})
started = client.post("/api/add/jobs", json=body)
print(started.json()["id"], flush=True)
time.sleep(600)
"""


def interrupted_job(db: str, body: dict[str, Any], folder: Path, nlp: bool = False) -> str:
    """The id of a job started over `db` by a server that died mid-run. The server runs in a
    session of its own, whose other processes (the run's forked helpers, which outlive it
    holding its output) are killed once it is dead; its output goes to files in `folder`."""
    args = [sys.executable, "-c", _SERVER, db, json.dumps(body), "1" if nlp else "0"]
    out, err = folder / "server.out", folder / "server.err"
    with out.open("w") as stdout, err.open("w") as stderr:
        server = subprocess.Popen(args, stdout=stdout, stderr=stderr, start_new_session=True)
        try:
            status = server.wait(timeout=300)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
    assert status == DIED, err.read_text()[-3000:]
    return out.read_text().split()[0]
