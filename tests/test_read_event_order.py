"""Events list in time order, and the events of one day in the order reports first told them
(`corroborate.run.first_told`, the events table's `first_told`), not by id; a store made before
that column gains it when opened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from migrationfixtures import open_older_store
from sitrep.corroborate.compat import MentionView
from sitrep.corroborate.run import first_told
from sitrep.read.events import list_events
from sitrep.store import Store
from sitrep.store import schema as s
from sitrep.store.migrations import LATEST

FIRST_TOLD_VERSION = 8  # the migration that adds events.first_told


def _mention(
    id_: str, doc: str, published: str | None, sentence: int, retells: int | None = None
) -> MentionView:
    return MentionView(
        id=id_, doc_id=doc, type="ASSAULT", mode=None, entities=frozenset(),
        published=published, sentence=sentence, retells=retells,
    )  # fmt: skip


def test_an_event_is_first_told_by_its_earliest_report_and_sentence() -> None:
    views = [
        _mention("a", "doc_b", "2016-08-11", 0),
        _mention("b", "doc_a", "2016-08-10", 7),
        _mention("c", "doc_a", "2016-08-10", 3),
        _mention("d", "doc_c", None, 0),  # an undated report tells it first to no one
    ]
    assert first_told(views) == "2016-08-10|doc_a|000003"
    assert first_told([views[-1]]).startswith("9999-12-31|doc_c|")


def test_a_teaser_linked_forward_is_told_where_the_story_tells_it() -> None:
    # a standfirst (sentence 1) teasing the lede (sentence 4): the event is first told at 4,
    # as its claims are read; a mention retelling an earlier sentence keeps its own
    teaser, lede = (
        _mention("a", "doc_a", "2016-08-10", 1, 4),
        _mention("b", "doc_a", "2016-08-10", 4),
    )
    assert first_told([teaser, lede]) == "2016-08-10|doc_a|000004"
    again = _mention("c", "doc_a", "2016-08-10", 6, retells=2)
    assert first_told([again]) == "2016-08-10|doc_a|000006"


def _event(id_: str, time_start: str | None, told: str | None) -> dict[str, Any]:
    return {
        "id": id_, "type": "ASSAULT", "mode": None, "summary": id_, "participants": [],
        "place_entity_id": None, "place": None, "time_start": time_start,
        "time_end": time_start, "time_precision": "day" if time_start else None,
        "casualties": None, "status": "single-source", "status_reason": "one origin",
        "n_claims": 1, "n_origins": 1, "origins": ["x"], "first_told": told,
    }  # fmt: skip


def test_a_days_events_list_in_the_order_reports_told_them(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "order.db"))
    rows = [
        # ids in the reverse of the reading order: the order must come from first_told
        _event("evt_a", "2016-08-10", "2016-08-10|doc_x|000009"),
        _event("evt_b", "2016-08-10", "2016-08-10|doc_x|000002"),
        _event("evt_c", "2016-08-10", "2016-08-09|doc_y|000005"),
        _event("evt_d", "2016-08-09", "2016-08-12|doc_z|000000"),  # an earlier day first
        _event("evt_e", None, "2016-08-01|doc_w|000000"),  # undated last
        _event("evt_f", "2016-08-10", None),  # never told (an older store): after the told
    ]
    with store.transaction() as conn:
        conn.execute(s.events.insert(), rows)
    with store.read() as conn:
        order = [e["id"] for e in list_events(conn)]
    store.close()
    assert order == ["evt_d", "evt_c", "evt_b", "evt_a", "evt_f", "evt_e"]


def test_an_older_store_gains_the_first_told_column(tmp_path: Path) -> None:
    columns, version = open_older_store(tmp_path, "events", "first_told", FIRST_TOLD_VERSION)
    assert "first_told" in columns and version == LATEST
