"""`read.intake`: which input a reported document belongs to, and none left out of the answer."""

from __future__ import annotations

from pathlib import Path

from sitrep.read.intake import UNCLAIMED, belongs_to, intake
from sitrep.records import Rejection
from sitrep.store import Store


def test_rows_and_records_belong_to_their_input_and_nothing_else() -> None:
    assert belongs_to("week.csv#row=2", "week.csv")
    assert belongs_to("http://a.example/feed#record=1", "http://a.example/feed")
    assert belongs_to("notes.txt", "notes.txt")
    assert not belongs_to("week.csv.gz", "week.csv")  # a name that only starts the same
    assert not belongs_to("pasted text 10 (x)#row=1", "pasted text 1 (x)")


def test_an_origin_no_input_claims_is_listed_last_not_dropped(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "s.db"))
    run = store.start_run("ingest", {})
    with store.transaction() as conn:
        store.record_rejections(conn, run, [Rejection("stray.txt", "empty", "an empty file")])
        store.record_rejections(conn, run, [Rejection("given.txt", "binary", "not text")])
    with store.read() as conn:
        answer = intake(
            conn, run, ["given.txt"], [("rejected", "stray.txt"), ("rejected", "given.txt")]
        )
    assert [a["input"] for a in answer] == ["given.txt", UNCLAIMED]
    assert [(i["origin"], i["reason"]) for a in answer for i in a["items"]] == [
        ("given.txt", "binary"),
        ("stray.txt", "empty"),
    ]
    store.close()
