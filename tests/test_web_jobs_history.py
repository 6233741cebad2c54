"""In a real browser: an event's status history on its page (empty, in words, until an
analyst's split makes the event single-source; then the change, when, and whose decision with
its reason; the part split off names the event it came out of), the other events in its
governorate within two days (none, in words; then the part split off), and the add page's jobs kept
across a restart (a job whose server died mid-run is listed as interrupted, says what its run
had done and what to do, and runs again without storing its report twice)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="pip install playwright")

import web_tour as tour  # after the importorskip: it imports playwright
from add_interrupted import interrupted_job
from sitrep.api.app import static_dir
from sitrep.store import Store
from storefixtures import Built, build_store
from test_api_add import BLANK, REPORT

pytestmark = pytest.mark.slow

if not tour.CHROMIUM.exists():
    pytest.skip(f"no Chromium at {tour.CHROMIUM}", allow_module_level=True)
if not (static_dir() / "dist" / "main.js").exists():
    pytest.skip("web bundle not built (run scripts/build-web)", allow_module_level=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Built]:
    folder = tmp_path_factory.mktemp("history")
    store = Store(str(folder / "built.db"))
    fixture = build_store(store, folder)
    store.close()
    return folder / "built.db", fixture


@pytest.fixture  # one browser at a time: closed before the next test opens its own
def tab(built: tuple[Path, Built]) -> Iterator[tour.Tab]:
    with tour.served(built[0]) as base, tour.browser_tab(base, tour.REPO / "test-artifacts") as tab:
        yield tab
        assert tab.problems == []


def _history(tab: tour.Tab) -> str:
    section = tab.page.locator("section.card").filter(
        has=tab.page.locator("h2", has_text="Status history")
    )
    assert section.count() == 1
    return section.first.text_content() or ""


def test_an_events_page_shows_when_and_why_its_status_changed(
    tab: tour.Tab, built: tuple[Path, Built]
) -> None:
    db, fixture = built
    visit = fixture.events["visit"]  # corroborated: two outlets report it
    tab.go(f"event/{visit}", "event")
    assert "No status change recorded: it has been corroborated" in _history(tab)
    tab.page.wait_for_selector("section.nearby p.empty")
    assert "No other event in Aleppo within 2 days" in (
        tab.page.locator("section.nearby").text_content() or ""
    )

    # the analyst reads the two reports as two trips: split the second mention off
    tab.page.locator("input.pick-event-mention").nth(1).check()
    form = tab.page.locator("form.action").filter(has_text="Split")
    form.locator("input.reason").fill("two trips (browser test)")
    tab.page.evaluate("delete document.body.dataset.ready")
    form.locator("button[type=submit]").click()
    tab.ready("event")
    tab.page.wait_for_selector("ol.status-history li")
    [change] = tab.page.locator("ol.status-history li").all()
    assert (change.get_attribute("data-old"), change.get_attribute("data-new")) == (
        "corroborated",
        "single-source",
    )
    said = change.text_content() or ""
    assert "local's decision: event split, “two trips (browser test)”" in said
    assert "Status history (1 change)" in _history(tab)

    # the part split off: its change names the event it came out of, linked
    with closing(sqlite3.connect(db)) as conn:
        [(part,)] = conn.execute(
            "SELECT event_id FROM event_status_changes WHERE was_event = ? AND event_id != ?",
            (visit, visit),
        ).fetchall()
    # the part split off is another event in Aleppo on the same day: listed as nearby
    tab.page.wait_for_selector(f"table.nearby-events tr[data-event='{part}']")
    tab.go(f"event/{part}", "event")
    item = tab.page.locator("ol.status-history li").first
    assert "then part of event" in (item.text_content() or "")
    tab.click_to(f"ol.status-history a[href='#/event/{visit}']", "event")
    assert visit in tab.page.url


@pytest.fixture(scope="module")
def stopped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """An empty store holding one job whose server died after storing its report."""
    folder = tmp_path_factory.mktemp("jobs")
    db = folder / "jobs.db"
    body = {"texts": [{"text": REPORT, "title": "Bridge reopens"}], "files": [BLANK]}
    return db, interrupted_job(str(db), body, folder)


def test_an_interrupted_job_is_listed_after_a_restart_and_runs_again(
    stopped: tuple[Path, str],
) -> None:
    db, job = stopped
    served = tour.served(db)
    with served as base, tour.browser_tab(base, tour.REPO / "test-artifacts") as tab:
        tab.go("add", "add")
        row = tab.page.locator(f"table.add-jobs tr[data-job='{job}']")
        assert row.get_attribute("data-state") == "interrupted"
        assert "can be run again" in (row.text_content() or "")
        tab.click_to(f"table.add-jobs tr[data-job='{job}'] a", "add")
        status = tab.page.locator("p.add-status")
        tab.page.wait_for_selector("p.add-status .job-interrupted")
        said = status.text_content() or ""
        assert "The server stopped while this job ran" in said and "Run it again" in said
        # what its run had done: the report stored, the blank file turned down in words
        results = tab.page.locator(".add-results")
        assert "What its run had done before it stopped" in (results.text_content() or "")
        assert results.locator("li.intake[data-outcome='stored']").count() == 1
        turned_down = results.locator("li.intake[data-outcome='rejected']")
        assert "Turned down:" in (turned_down.text_content() or "")

        status.locator("button.run-again").click()
        tab.page.wait_for_selector(
            ".add-results li.intake[data-outcome='duplicate']", timeout=tour.ADD_WAIT_MS
        )
        assert "run again from" in (status.text_content() or "")
        assert f"job={job}" not in tab.page.url
        tab.go("add", "add")
        assert tab.page.locator("table.add-jobs tr").count() == 3  # header, the two jobs
        assert "run again" in (tab.page.locator(f"tr[data-job='{job}']").text_content() or "")
        assert tab.problems == []
