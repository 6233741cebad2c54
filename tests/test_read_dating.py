"""An event keeps how its date was worked out (`events.time_method`, migration 16) and says it
in words (`sitrep.read.dating`) on its page, in the explorer's rows and in the exports. The event
row kept only the span and its precision, so a date counted from a weekday against the
publication date, one the text gave and the days up to a report the text did not date at all
read alike ("range", "day"). Reports written for this test."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from fastapi.testclient import TestClient

from migrationfixtures import open_older_store
from sitrep.api import create_app
from sitrep.corroborate.compat import MentionView
from sitrep.corroborate.run import _event_time
from sitrep.corroborate.views import _time_method
from sitrep.pipeline import Ingest
from sitrep.read.dating import dating
from sitrep.records import REPORTED_DAYS_METHOD, REPORTED_MONTH_METHOD
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.migrations import LATEST

TIME_METHOD_VERSION = 16  # the migration that adds events.time_method


def test_each_method_reads_as_its_kind_in_words() -> None:
    weekday = dating("weekday-on-or-before-anchor")
    assert weekday and weekday["kind"] == "weekday"
    assert "publication date" in weekday["words"]
    assert (dating("absolute") or {}).get("kind") == "text"
    assert (dating("yesterday") or {}).get("kind") == "relative"
    assert (dating("days-ago") or {}).get("kind") == "relative"
    assert (dating("last-week") or {}).get("kind") == "relative"
    assert (dating("first-half-of-month") or {}).get("kind") == "year-from-report"
    report = dating(REPORTED_DAYS_METHOD)
    assert report and report["kind"] == "report" and "undated in the text" in report["words"]
    assert (dating(REPORTED_MONTH_METHOD) or {}).get("kind") == "report"
    lent = dating("weekday-on-or-before-anchor; same happening as sentence 3")
    assert lent and lent["kind"] == "weekday" and "sentence 3" in lent["words"]
    assert (dating("earlier this-month") or {}).get("kind") == "relative"
    assert (dating("yesterday;no-day-anchor") or {}).get("kind") == "unresolved"
    unknown = dating("a-rule-not-yet-named")
    assert unknown == {"kind": None, "words": "a-rule-not-yet-named", "method": unknown["method"]}
    assert dating(None) is None and dating("") is None


def _view(id_: str, **time: object) -> MentionView:
    return MentionView(
        id=id_, doc_id=f"d{id_}", type="ASSAULT", mode="shelling", entities=frozenset(),
        **time,  # type: ignore[arg-type]
    )  # fmt: skip


def test_corroboration_keeps_the_method_of_the_time_it_chose() -> None:
    told = _view("1", time_start="2016-09-19", time_end="2016-09-19", time_precision="day",
                 time_method="weekday-on-or-before-anchor")  # fmt: skip
    undated = _view("2", reported=("2016-09-19", "2016-09-21"), time_method=REPORTED_DAYS_METHOD)
    assert _event_time([told, undated], told)["time_method"] == "weekday-on-or-before-anchor"
    assert _event_time([undated], undated)["time_method"] == REPORTED_DAYS_METHOD
    month = _view("3", reported=("2016-09-01", "2016-09-30"), time_method=REPORTED_MONTH_METHOD)
    assert _event_time([month], month)["time_method"] == REPORTED_MONTH_METHOD
    assert _event_time([_view("4")], _view("4"))["time_method"] is None  # no time, no method
    assert _time_method({"method": "days-ago", "start": "2016-09-17"}) == "days-ago"
    assert _time_method(None) is None


def test_an_older_store_gains_the_time_method_column(tmp_path: Path) -> None:
    columns, version = open_older_store(tmp_path, "events", "time_method", TIME_METHOD_VERSION)
    assert "time_method" in columns and version == LATEST


# Wednesday 21 September 2016: "on Monday" is the 19th; the second report dates nothing
REPORTS = [
    ("Shelling hits Maarat", "Government forces shelled the town of Maarat al-Numan in Idlib on "
     "Monday, killing four civilians, activists said."),
    ("Strike on a bakery", "An air strike hit a bakery in the town of Saraqib in Idlib, killing "
     "six people, a monitoring group said."),
]  # fmt: skip


def test_an_event_says_how_its_date_was_worked_out_on_its_page_row_and_exports(
    tmp_path: Path,
) -> None:
    rows = [
        {"title": title, "text": text, "date": "2016-09-21", "source": "Example Wire",
         "url": f"https://example.org/dating/{n}"}
        for n, (title, text) in enumerate(REPORTS)
    ]  # fmt: skip
    corpus = tmp_path / "reports.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    store = Store(str(tmp_path / "sitrep.db"))
    Ingest(store, Settings()).run([str(corpus)])
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        items = client.get("/api/explore/events", params={"limit": 50}).json()["items"]
        kinds = {e["place_name"]: (e["dating"] or {}).get("kind") for e in items}
        assert kinds.get("Maarat al-Numan") == "weekday", kinds
        assert kinds.get("Saraqib") == "report", kinds
        by_place = {e["place_name"]: e for e in items}
        monday = by_place["Maarat al-Numan"]
        assert (monday["time_start"], monday["time_precision"]) == ("2016-09-19", "day")
        page = client.get(f"/api/events/{monday['id']}").json()
        assert page["time_method"] == "weekday-on-or-before-anchor"
        assert page["dating"] == monday["dating"]
        undated = by_place["Saraqib"]
        assert undated["time_precision"] == "range"  # a range, but not one the text gave
        exported = client.get("/api/explore/export/csv").text
        methods = {
            r["sitrep_event_id"]: r["date_method"] for r in csv.DictReader(io.StringIO(exported))
        }
        assert methods[monday["id"]] == monday["dating"]["words"]
        assert methods[undated["id"]].startswith("undated in the text")
        # the "Dated by" facet and filter: a week's report may leave out what no text dated
        facet = client.get("/api/explore/events").json()["facets"]["dating"]
        counts = {f["value"]: f["count"] for f in facet}
        assert counts["weekday"] >= 1 and counts["report"] >= 1, counts
        for value, count in counts.items():
            kept = client.get("/api/explore/events", params={"dating": value}).json()
            assert kept["total"] == count, value
        told = client.get("/api/explore/events", params={"dating": ["text", "weekday"]}).json()
        assert monday["id"] in {e["id"] for e in told["items"]}
        assert undated["id"] not in {e["id"] for e in told["items"]}
        geo = client.get("/api/explore/export/geojson").json()
        dated = {f["id"]: f["properties"]["dating"] for f in geo["features"]}
        assert dated[monday["id"]]["kind"] == "weekday"
    store.close()
