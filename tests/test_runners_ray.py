"""The distributed runner: same inputs, same store as a local run, even after a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from httpserver import LocalServer
from sitrep.acquire import iter_inputs
from sitrep.pipeline import Ingest
from sitrep.runners.shards import iter_shard, plan_shards
from sitrep.settings import Settings
from sitrep.store import Store
from storefixtures import id_snapshot

DEMO = Path(__file__).resolve().parents[1] / "demo"
INPUTS = [str(DEMO / "wire"), str(DEMO / "feed"), str(DEMO / "crawl"), str(DEMO / "bad")]

pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'sitrep[ray]'")


def test_shards_yield_exactly_the_local_input_order(tmp_path: Path) -> None:
    settings = Settings()
    local = [(item.origin, getattr(item, "id", None)) for item in iter_inputs(INPUTS, settings)]
    shards = plan_shards(INPUTS, settings, shard_size=3)
    assert len(shards) > 2
    sharded = [
        (item.origin, getattr(item, "id", None))
        for shard in shards
        for item in iter_shard(shard, settings)
    ]
    assert sharded == local


# A page only the held route serves: its shard cannot finish until the test releases it.
HELD_PAGE = b"""<html><head><title>Militia convoy reported near Deir ez-Zor</title></head><body>
<nav>Home | World | Middle East | Share on Facebook | Tweet</nav>
<article><h1>Militia convoy reported near Deir ez-Zor</h1>
<p>A convoy of Iraqi militia fighters crossed into Syria near Al-Bukamal on Tuesday, a local
monitoring group said, adding that the vehicles headed north towards Deir ez-Zor.</p>
<p>The Syrian Observatory for Human Rights said the fighters belonged to Kataib Hezbollah. The
group's spokesman denied that any of its members had crossed the border.</p></article>
<div class="comments">Comments are moderated. Log in to reply.</div></body></html>"""


@pytest.mark.slow
def test_ray_run_killed_half_way_then_resumed_equals_a_local_run(tmp_path: Path) -> None:
    release = threading.Event()
    with LocalServer() as server:
        # Placed first so that one worker takes it at once and stays inside the fetch; the
        # other worker maps the rest. The kill cannot come too late however fast the machine.
        held = server.route("/held.html", HELD_PAGE, hold=release)
        inputs = [held, *INPUTS]
        settings = Settings(allow_private_addresses=True, fetch_timeout_s=300)
        release.set()
        local = Store(str(tmp_path / "local.db"))
        Ingest(local, settings).run(inputs)
        expected = id_snapshot(local)
        assert expected["documents"] and expected["mentions"]
        assert [path for path, _ in server.requests] == ["/held.html"]
        release.clear()

        db, work = tmp_path / "ray.db", tmp_path / "work"
        command = [
            sys.executable,
            "-m",
            "sitrep.cli.app",
            "ingest",
            "--runner",
            "ray",
            "--workers",
            "2",
            "--shard-size",
            "2",
            "--db",
            str(db),
            "--work-dir",
            str(work),
            *inputs,
        ]
        env = {
            **os.environ,
            "RAY_DISABLE_USAGE_STATS": "1",
            "SITREP_ALLOW_PRIVATE_ADDRESSES": "true",
            "SITREP_FETCH_TIMEOUT_S": "300",
        }
        total = len(plan_shards(inputs, settings, shard_size=2))
        first = subprocess.Popen(command, env=env, start_new_session=True)
        try:
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline and first.poll() is None:
                fetching = any(path == "/held.html" for path, _ in server.requests)
                if fetching and len(list(work.glob("*.parquet"))) >= 2:
                    os.killpg(first.pid, signal.SIGKILL)  # some shards done, one in flight
                    break
                time.sleep(0.1)
            first.wait(timeout=60)
        finally:
            release.set()
        done = len(list(work.glob("*.parquet")))
        assert 0 < done < total, f"the kill should land half-way ({done} of {total} shards)"

        second = subprocess.run(command, env=env, timeout=400, check=False)
        assert second.returncode in (0, 1)  # 1: the demo's bad files are rejected, as locally
        assert id_snapshot(Store(str(db))) == expected
