"""The load bench of bench/api_load.py, small: readers loop over the API's read endpoints while
`sitrep ingest` writes into the same store (both real processes); none may see an error. The
bench's own figure (50 readers, bench/results/api-load.json) is taken on demand; this keeps the
script working and the concurrent read path free of errors in CI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_readers_during_an_ingest_see_no_error(tmp_path: Path) -> None:
    if not (ROOT / "demo" / "pages").is_dir():
        pytest.skip("no demo corpus")
    report = tmp_path / "load.json"
    command = [sys.executable, str(ROOT / "bench" / "api_load.py"), str(ROOT / "demo" / "pages"),
               "--no-nlp", "--readers", "10", "--min-seconds", "4",
               "--db", str(tmp_path / "store.db"), "-o", str(report)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    found = json.loads(report.read_text(encoding="utf-8"))
    assert found["ingest_exit_code"] == 0, found
    assert found["errors"] == 0 and found["errors_by_kind"] == {}, found
    assert found["requests"] >= 10 * 8, found  # every reader went round the endpoints
    assert 0 < found["latency_s"]["p50"] <= found["latency_s"]["p95"] <= found["latency_s"]["max"]
