"""`sitrep watch add/list/show/remove` over the fixture store: the CLI renders what
`sitrep.read.watch` says (its counts are tested there)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from typer.testing import CliRunner

from sitrep.cli.app import app
from sitrep.records import stable_id
from sitrep.store import Store, schema
from storefixtures import add_report, build_store

runner = CliRunner()


def sitrep(db: Path, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == code, result.output
    return result.output


def lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_watch_add_list_show_and_remove(tmp_path: Path) -> None:
    db = tmp_path / "sitrep.db"
    store = Store(str(db))
    fixture = build_store(store, tmp_path)
    said = sitrep(db, "watch", "add", "Homs losses", "#/events?admin1=Homs&min_fatalities=1")
    assert "watching 'Homs losses': 1 events (admin1=Homs&min_fatalities=1)" in said
    sitrep(db, "watch", "add", "all", "")
    assert "no watched view" not in sitrep(db, "watch", "list")
    assert [
        (v["name"], v["total"], v["new"]) for v in lines(sitrep(db, "watch", "list", "--json"))
    ] == [
        ("Homs losses", 1, 0),
        ("all", 3, 0),
    ]
    # another strike in the same governorate, told in a sentence written for this test
    strike = {"id": stable_id("evt", "second-strike"), "type": "ASSAULT", "mode": "air-strike",
              "summary": "A second strike near the base", "participants": [],
              "place_entity_id": "geo-homs", "time_start": "2018-05-02", "time_end": "2018-05-02",
              "time_precision": "day", "casualties": {"killed": 3}}  # fmt: skip
    add_report(store, tmp_path, "Another raid", "A raid near the base left three dead.", strike)
    shown = lines(sitrep(db, "watch", "show", "Homs losses", "--json"))[0]
    assert (shown["total"], shown["new"]) == (2, 1)
    assert [e["id"] for e in shown["new_events"]] == [strike["id"]]
    assert "2 events, 0 new and 0 updated" in sitrep(db, "watch", "show", "Homs losses")
    # a report joining the strike already seen: updated, not new
    again = {**strike, "id": fixture.events["strike"]}
    add_report(store, tmp_path, "The raid, retold", "Three died in the raid by the base.", again)
    assert [v["updated"] for v in lines(sitrep(db, "watch", "list", "--json"))] == [1, 1]
    shown = lines(sitrep(db, "watch", "show", "Homs losses", "--json"))[0]
    assert (shown["new"], shown["updated"]) == (0, 1)
    assert [e["id"] for e in shown["updated_events"]] == [fixture.events["strike"]]
    assert shown["updated_events"][0]["reported_again"] is True
    assert [v["new"] for v in lines(sitrep(db, "watch", "list", "--json"))] == [0, 1]
    sitrep(db, "watch", "remove", "all")
    assert "no watched view is named 'all'" in sitrep(db, "watch", "show", "all", code=2)


def test_show_says_how_a_status_changed_with_no_new_report(tmp_path: Path) -> None:
    from sitrep import ledger

    db = tmp_path / "sitrep.db"
    store = Store(str(db))
    visit = build_store(store, tmp_path).events["visit"]
    sitrep(db, "watch", "add", "visits", "type=CONSULT")
    with store.read() as conn:
        em = schema.event_mentions.c
        query = select(em.id).where(em.event_id == visit).order_by(em.document_id, em.id)
        second = list(conn.execute(query).scalars())[1]
    ledger.decide(store, "rana", "two trips", ledger.split_event, visit, [second], "rana", "x")
    said = sitrep(db, "watch", "show", "visits")
    assert "2 events, 0 new and 2 updated" in said
    assert "corroborated -> single-source" in " ".join(said.split())
    assert "2 events, 0 new and 0 updated" in sitrep(db, "watch", "show", "visits")
    [change] = lines(sitrep(db, "status-history", visit, "--json"))
    assert (change["old_status"], change["new_status"]) == ("corroborated", "single-source")
    assert "corroborated -> single-source" in sitrep(db, "status-history", visit)
    assert "no status change recorded" in sitrep(db, "status-history", "evt-nowhere")
    store.close()


def test_a_filter_the_explorer_cannot_read_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "sitrep.db"
    Store(str(db)).close()
    said = sitrep(db, "watch", "add", "odd", "since=last-week", code=2)
    assert "is not a date" in said
    assert "no watched view yet" in sitrep(db, "watch", "list")
