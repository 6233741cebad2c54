"""Who took part in an explorer row: those acting first, each participant saying whether it
acts. A row listed its participants as stored, so a strike's victims ("fighters") came before
the force that struck them, all under "actors". Both backends; events written for this test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.read.brief import situation_report
from sitrep.read.explore import parse_filter
from sitrep.store import Store
from storefixtures import Built, add_report

# the stored order: the target first, the doer after it, a counterpart last
STORED = [
    {"role": "target", "entity_id": None, "name": "fighters"},
    {"role": "counterpart", "entity_id": "israel", "name": "Israel"},
    {"role": "actor", "entity_id": "quds-force", "name": "Quds Force"},
]


def test_an_explorer_row_lists_who_acted_first(built: tuple[Store, Built], tmp_path: Path) -> None:
    store, _ = built
    strike: dict[str, Any] = {
        "id": "evt_shelling", "type": "ASSAULT", "mode": "shelling",
        "summary": "ASSAULT/shelling: fighters, Israel, Quds Force in Aleppo",
        "participants": STORED, "place_entity_id": "geo-aleppo", "time_start": "2020-03-09",
        "time_end": "2020-03-09", "time_precision": "day", "casualties": None,
    }  # fmt: skip
    add_report(store, tmp_path, "Shelling near Aleppo", "Shells fell near Aleppo.", strike)
    query = "since=2020-03-09&until=2020-03-09"
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        rows = client.get(f"/api/explore/events?{query}").json()["items"]
    [row] = [r for r in rows if r["id"] == "evt_shelling"]
    assert [(a["name"], a["role"], a["acting"]) for a in row["actors"]] == [
        ("Quds Force", "actor", True),
        ("fighters", "target", False),
        ("Israel", "counterpart", False),
    ]
    with store.read() as conn:  # the brief's "Who" is the row's, in the same order
        brief = situation_report(conn, parse_filter(query))
    [event] = [e for d in brief["days"] for e in d["events"] if e["id"] == "evt_shelling"]
    assert [p["name"] for p in event["who"]] == ["Quds Force", "fighters", "Israel"]
