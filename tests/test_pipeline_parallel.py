"""The local process pool: two worker processes build the very store one process builds."""

from __future__ import annotations

from pathlib import Path

from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store
from storefixtures import id_snapshot

DEMO = Path(__file__).resolve().parents[1] / "demo"
INPUTS = [str(DEMO / "wire"), str(DEMO / "feed"), str(DEMO / "crawl"), str(DEMO / "bad")]


def test_two_processes_give_the_same_store_as_one(tmp_path: Path) -> None:
    one = Store(str(tmp_path / "one.db"))
    single = Ingest(one, Settings()).run(INPUTS)
    two = Store(str(tmp_path / "two.db"))
    pooled = Ingest(two, Settings(), workers=2).run(INPUTS)
    expected = id_snapshot(one)
    assert expected["documents"] and expected["events"] and expected["claims"]
    assert id_snapshot(two) == expected
    assert (pooled.stored, dict(pooled.rejected)) == (single.stored, dict(single.rejected))
    assert pooled.stage_seconds["annotate"] > 0  # the workers' stage times reach the summary
