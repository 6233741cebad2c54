"""The situation report (`sitrep.read.brief`, rendered by `sitrep.export.brief`) on the fixture
store: its counts are the explorer's for the same filter and period, a toll the reports
disagree on is a range citing both, disputes say who says what, and nothing is stated that the
store does not hold."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sitrep.api import create_app
from sitrep.cli.app import app
from sitrep.export.brief import html, markdown
from sitrep.read.brief import (
    LISTED,
    Brief,
    BriefEvent,
    Toll,
    most_reported,
    previous_period,
    situation_report,
)
from sitrep.read.explore import parse_filter
from sitrep.store import Store
from storefixtures import Built, add_report, build_store


@pytest.fixture
def built(tmp_path: Path) -> Iterator[tuple[Store, Built]]:
    store = Store(str(tmp_path / "sitrep.db"))
    yield store, build_store(store, tmp_path)
    store.close()


def report(store: Store, query: str) -> Brief:
    with store.read() as conn:
        return situation_report(conn, parse_filter(query))


@pytest.mark.parametrize(
    "query",
    [
        "since=2018&until=2020",
        "since=2018-04&until=2018-04",
        "since=2020-03-01&until=2020-03-31&actor=Ghaani",
        "since=2016&until=2021&status=contested",
        "since=2019&until=2019",
    ],
)
def test_the_reports_counts_are_the_explorers(built: tuple[Store, Built], query: str) -> None:
    store, _ = built
    brief = report(store, query)
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        explored = client.get(f"/api/explore/events?{query}&limit=500").json()
    assert brief["events"] == explored["total"]
    facet = {f["value"]: f["count"] for f in explored["facets"]["type"]}
    assert {c["value"]: c["count"] for c in brief["by_type"]} == facet
    kept = {e["id"] for e in explored["items"]}
    listed = {e["id"] for e in brief["corroborated"]} | {
        d["event"]["id"] for d in brief["disputed"]
    }
    assert listed <= kept
    assert {e["id"] for e in explored["items"] if e["status"] == "corroborated"} == {
        e["id"] for e in brief["corroborated"]
    }


def test_a_toll_the_reports_disagree_on_is_a_range_citing_both(
    built: tuple[Store, Built], tmp_path: Path
) -> None:
    store, fixture = built
    assert (
        report(store, "since=2018-04&until=2018-04")["killed_low"],
        report(store, "since=2018-04&until=2018-04")["killed_high"],
    ) == (7, 7)
    # a later report on the same strike gives nine dead (a sentence written for this test)
    strike = {"id": fixture.events["strike"], "type": "ASSAULT", "mode": "air-strike",
              "participants": [], "place_entity_id": "geo-homs", "time_start": "2018-04-01",
              "time_end": "2018-04-30", "time_precision": "month",
              "casualties": {"killed": 9}}  # fmt: skip
    later = add_report(store, tmp_path, "Toll rises at the base", "Nine died at the base.", strike)
    brief = report(store, "since=2018-04&until=2018-04")
    assert (brief["killed_low"], brief["killed_high"], brief["tolls_differ"]) == (7, 9, 1)
    toll = brief["disputed"][0]["event"]["killed"]
    assert toll["low"] == 7 and toll["high"] == 9 and later in toll["documents"]
    assert fixture.docs["strike"] in toll["documents"]
    text = markdown(brief)
    assert "Killed: 7–9" in text and "give different tolls" in text
    number = re.search(r"Killed: 7–9 ((?:\[\d+\])+)", text)
    assert number is not None
    sources = text.split("## Sources", 1)[1]
    for n in re.findall(r"\[(\d+)\]", number.group(1)):
        line = next(x for x in sources.splitlines() if x.startswith(f"{n}. "))
        assert "Toll rises at the base" in line or "Air strike hits the T4 air base" in line


def test_a_dispute_says_who_says_what(built: tuple[Store, Built]) -> None:
    store, fixture = built
    brief = report(store, "since=2018&until=2018")
    [dispute] = brief["disputed"]
    assert dispute["event"]["id"] == fixture.events["strike"]
    said = {(c["who"], c["stance"], c["document"]) for c in dispute["claims"]}
    assert said == {
        ("Example Daily", "reports", fixture.docs["strike"]),
        ("Example Agency", "denies", fixture.docs["denial"]),
    }
    page = html(brief, "http://127.0.0.1:8000")
    assert "<script>" not in page and "&lt;script&gt;" in page  # the summary's markup, inert
    assert "<em>Example Agency</em> denies" in page
    assert f'href="http://127.0.0.1:8000/#/doc/{fixture.docs["denial"]}"' in page
    # the denial's address is a javascript: URL: it is cited by its document id, never linked
    assert not [a for a in re.findall(r'href="([^"]*)"', page) if not a.startswith(("http", "#"))]


def test_every_document_cited_is_one_the_store_holds(built: tuple[Store, Built]) -> None:
    store, fixture = built
    brief = report(store, "since=2018&until=2020")
    text = markdown(brief)
    cited = re.findall(r"document `([^`]+)`|<(https?://[^>]+)>", text)
    held = set(fixture.docs.values())
    urls = {"https://example.org/news/ghaani-aleppo", "https://example.net/wire/ghaani",
            "https://example.com/daily/t4-strike"}  # fmt: skip
    assert cited and all((doc in held) if doc else (url in urls) for doc, url in cited)
    assert set(brief["documents"]) <= held


def test_the_previous_period_and_what_changed(built: tuple[Store, Built]) -> None:
    store, _ = built
    brief = report(store, "since=2020-03&until=2020-03")
    previous = brief["previous"]
    assert previous is not None
    assert (previous["since"], previous["until"], previous["events"]) == (
        "2020-02-01",
        "2020-02-29",
        0,
    )
    assert {a["name"] for a in previous["new_actors"]} == {"Esmail Ghaani", "Quds Force"}
    assert previous_period("2016-10-03", "2016-10-09") == ("2016-09-26", "2016-10-02")
    assert previous_period("2016-01-01", "2016-03-31") == ("2015-10-01", "2015-12-31")
    # a period from the first day of the calendar has none before it (the API answered 500)
    assert previous_period("0001-01-01", "0001-01-31") is None
    assert previous_period("0001-01-05", "0001-01-09") is None


def test_a_long_list_names_the_most_reported_and_links_the_rest(
    built: tuple[Store, Built],
) -> None:
    store, _ = built
    query = "since=2016&until=2021"
    whole = report(store, query)
    assert whole["listed"] == LISTED and "more in the explorer" not in markdown(whole)
    with store.read() as conn:  # a cap of 0 leaves every event of the lists out
        capped = situation_report(conn, parse_filter(query), listed=0, days_listed=0)
    assert (capped["corroborated"], capped["disputed"]) == ([], [])
    assert (capped["corroborated_total"], capped["disputed_total"]) == (1, 1)
    assert capped["documents"] == {}  # nothing listed, nothing cited
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        lists = (
            (capped["corroborated_filter"], capped["corroborated_total"], {"corroborated"}),
            (capped["disputed_filter"], capped["disputed_total"], {"contested"}),
        )
        for query_of_all, total, statuses in lists:
            found = client.get(f"/api/explore/events?{query_of_all}").json()
            assert found["total"] == total
            assert {e["status"] for e in found["items"]} == statuses
    base = "http://127.0.0.1:8000"
    text = markdown(capped, base)
    assert "1 more in the explorer (this report lists at most 0 events" in text
    assert f"({base}/#/events?status=corroborated&since=2016-01-01&until=2021-12-31)" in text
    assert f"({base}/#/events?status=contested&status=denied&since=2016-01-01" in text
    page = html(capped, base)
    assert page.count('<p class="more" data-more="1">') == 2
    assert f'<a href="{base}/#/events?status=corroborated&amp;since=2016-01-01' in page


def _told(key: str, documents: int, killed: int, day: str) -> BriefEvent:
    toll = Toll(low=killed, high=killed, documents=[]) if killed else None
    return BriefEvent(id=key, type="ASSAULT", summary=key, time_start=day, time_end=day,
                      place_name=None, admin1=None, status="corroborated", outlets=[],
                      n_documents=documents, first_report=None, killed=toll,
                      who=[])  # fmt: skip


def test_the_events_a_list_names_are_the_most_told_in_time_order() -> None:
    events = [
        _told("a", 2, 0, "2019-01-01"),
        _told("b", 5, 0, "2019-01-02"),
        _told("c", 2, 9, "2019-01-03"),
        _told("d", 3, 0, "2019-01-04"),
    ]
    assert [e["id"] for e in most_reported(events, 2)] == ["b", "d"]
    assert [e["id"] for e in most_reported(events, 3)] == ["b", "c", "d"]  # the toll breaks a tie
    assert most_reported(events, 4) == events


def test_sitrep_brief_writes_the_report(built: tuple[Store, Built], tmp_path: Path) -> None:
    store, _ = built
    out = tmp_path / "brief.md"
    result = CliRunner().invoke(
        app, ["brief", "--since", "2018", "--until", "2018", "--type", "assault",
              "-o", str(out), "--db", store.db],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Situation report, 2018-01-01 to 2018-12-31")
    assert "- 1 event." in text and "Killed: 7" in text and "`type=ASSAULT&since=2018" in text
    bad = CliRunner().invoke(
        app, ["brief", "--since", "2018-13", "--until", "2018", "--db", store.db]
    )
    assert bad.exit_code == 2 and "is not a date" in bad.output


def test_the_api_serves_the_same_report_and_its_files(built: tuple[Store, Built]) -> None:
    store, fixture = built
    query = "since=2018-04&until=2018-04&admin1=Homs"
    with TestClient(create_app(store), base_url="http://127.0.0.1:8000") as client:
        answer = client.get(f"/api/brief?{query}")
        assert answer.status_code == 200, answer.text
        assert answer.json() == report(store, query)
        page = client.get(f"/api/brief/html?{query}")
        assert page.headers["content-type"].startswith("text/html")
        assert page.headers["content-disposition"] == (  # read in the tab, saved under a name
            'inline; filename="sitrep-brief-admin1-homs-since-2018-04-until-2018-04.html"'
        )
        assert f"http://127.0.0.1:8000/#/story/{fixture.events['strike']}" in page.text
        text = client.get(f"/api/brief/md?{query}").text
        assert text == markdown(report(store, query), "http://127.0.0.1:8000")
        assert client.get(f"/api/brief/pdf?{query}").status_code == 422


def _shelling(key: str, start: str, end: str, killed: int | None) -> dict[str, object]:
    """A single-source event in Aleppo for `add_report` (its own fields, written for this test):
    the Quds Force acting, unnamed fighters its target."""
    return {"id": f"evt_{key}", "type": "ASSAULT", "mode": "shelling",
            "summary": f"ASSAULT/shelling: Quds Force, fighters in Aleppo ({start}..{end}, day)",
            "participants": [{"role": "target", "entity_id": None, "name": "fighters"},
                             {"role": "actor", "entity_id": "quds-force", "name": "Quds Force"}],
            "place_entity_id": "geo-aleppo", "time_start": start, "time_end": end,
            "time_precision": "day" if start == end else "range",
            "casualties": {"killed": killed} if killed else None}  # fmt: skip


def test_the_brief_lists_every_event_day_by_day(built: tuple[Store, Built], tmp_path: Path) -> None:
    """A week's report names every event it counts, not only the corroborated and disputed
    ones: most of a week's events are told by one source. Each under its day (one whose dates
    span days last), with who took part and how, its toll and status, citing its report."""
    store, fixture = built
    monday = add_report(store, tmp_path, "Shelling on Monday", "Shells fell on Monday.",
                        _shelling("monday", "2020-03-09", "2020-03-09", 4))  # fmt: skip
    add_report(store, tmp_path, "Shelling over days", "Shells fell for days.",
               _shelling("days", "2020-03-10", "2020-03-12", None))  # fmt: skip
    query = "since=2020-03-02&until=2020-03-15"
    brief = report(store, query)
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        explored = client.get(f"/api/explore/events?{query}").json()
    listed = [(d["day"], e["id"], e["status"]) for d in brief["days"] for e in d["events"]]
    assert listed == [
        ("2020-03-08", fixture.events["visit"], "corroborated"),
        ("2020-03-09", "evt_monday", "single-source"),
        (None, "evt_days", "single-source"),  # three days: under none of them
    ]
    assert {e["id"] for e in explored["items"]} == {i for _, i, _ in listed}
    assert brief["corroborated_total"] == 1 and brief["disputed_total"] == 0
    day = brief["days"][1]
    assert (day["killed_low"], day["killed_high"]) == (4, 4)
    [event] = day["events"]
    assert [(p["name"], p["role"]) for p in event["who"]] == [
        ("Quds Force", "actor"),  # the doer first, as stored or not
        ("fighters", "target"),
    ]
    assert event["first_report"] == monday and monday in brief["documents"]
    text = markdown(brief)
    days = text.split("## Day by day (3)", 1)[1].split("## Most active actors")[0]
    assert "### 2020-03-09, Monday (1 event, killed 4)" in days
    line = next(x for x in days.splitlines() if "Quds Force (actor)" in x and "Killed: 4" in x)
    assert "(2020-03-09..2020-03-09, day)" not in line  # the day heading says when
    assert "Who: Quds Force (actor), fighters (target). Killed: 4 [" in line
    assert "Status: single-source. First reported in [" in line
    number = re.search(r"First reported in \[(\d+)\]", line)
    assert number is not None
    sources = text.split("## Sources", 1)[1]
    assert f"{number.group(1)}. “Shelling on Monday”" in sources
    assert "### Over several days, or undated (1 event)" in days
    assert "- 2020-03-10 to 2020-03-12: ASSAULT/shelling: Quds Force, fighters in Aleppo" in days
    page = html(brief, "http://127.0.0.1:8000")
    items = re.findall(r'<li data-event="([^"]+)" data-status="([^"]+)">', page)
    assert [i for i, _ in items] == [i for _, i, _ in listed]
    assert '<h3 data-day="2020-03-09">2020-03-09, Monday (1 event, killed 4)</h3>' in page


def test_a_disputed_event_is_flagged_in_the_day_list_and_a_long_list_links_the_rest(
    built: tuple[Store, Built],
) -> None:
    store, fixture = built
    query = "since=2016&until=2021"
    brief = report(store, query)
    assert sum(len(d["events"]) for d in brief["days"]) == brief["events"] == 2
    page = html(brief)
    strike = fixture.events["strike"]
    assert f'<li data-event="{strike}" data-status="contested">' in page
    assert 'Status: <strong class="disputed">contested</strong>' in page
    assert "Status: **contested**" in markdown(brief)
    with store.read() as conn:  # a cap of 1: of two events told by two documents, the toll's
        capped = situation_report(conn, parse_filter(query), days_listed=1)
    assert [e["id"] for d in capped["days"] for e in d["events"]] == [strike]
    text = markdown(capped, "http://127.0.0.1:8000")
    assert "1 more in the explorer (this list names at most 1 events" in text
    assert "(http://127.0.0.1:8000/#/events?since=2016-01-01&until=2021-12-31)" in text
