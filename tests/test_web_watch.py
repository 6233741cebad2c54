"""Watched views in a real browser over the demo store (test_web_browser.py's server and tab):
a view saved from the explorer is listed with the explorer's count and nothing new, opening it
says so and leads back to the same events, and it can be dropped."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api", reason="pip install playwright")

import web_tour as tour  # after the importorskip: it imports playwright
from test_web_browser import api, base, browser_tab, demo_db, tab

__all__ = ["base", "browser_tab", "demo_db", "tab"]  # the shared fixtures, used by name below
pytestmark = pytest.mark.slow

NAME = "Disputed (browser test)"


def test_save_a_view_from_the_explorer_and_see_its_count(tab: tour.Tab) -> None:
    tab.go("events?status=contested&status=denied", "events")
    total = tab.page.locator("table.explorer").get_attribute("data-total")
    assert total is not None and int(total) > 0
    tab.page.fill("form.watch-form input[name='watch-name']", NAME)
    tab.page.click("form.watch-form button[type='submit']")
    saved = tab.page.wait_for_selector(f".watch-done[data-watched='{NAME}']")
    assert saved is not None and saved.get_attribute("data-total") == total

    tab.click_to("a[data-nav='watch']", "watch")
    row = tab.page.locator(f"tr[data-view='{NAME}']")
    assert (row.get_attribute("data-total"), row.get_attribute("data-new")) == (total, "0")
    assert row.get_attribute("data-updated") == "0"
    assert "status contested or denied" in (row.text_content() or "")
    assert api(tab, "/watch")["items"][0]["filter"] == "status=contested&status=denied"

    tab.click_to(f"tr[data-view='{NAME}'] td:first-child a", "watch")
    heading = tab.page.locator(f"h1[data-view='{NAME}']")
    assert (heading.get_attribute("data-total"), heading.get_attribute("data-new")) == (total, "0")
    assert heading.get_attribute("data-updated") == "0"
    assert "Nothing new." in (tab.page.locator("section.card").first.text_content() or "")
    assert "Nothing updated." in (tab.page.locator("section.card").nth(1).text_content() or "")
    tab.click_to("a[href='#/events?status=contested&status=denied']", "events")
    assert tab.page.locator("table.explorer").get_attribute("data-total") == total

    tab.click_to("a[data-nav='watch']", "watch")
    tab.page.click(f"button[data-remove='{NAME}']")
    tab.page.wait_for_selector(f"tr[data-view='{NAME}']", state="detached")
    assert api(tab, "/watch")["items"] == []


def test_the_brief_of_a_view_from_the_explorer(tab: tour.Tab) -> None:
    tab.go("events?status=contested&status=denied", "events")
    total = tab.page.locator("table.explorer").get_attribute("data-total")
    href = tab.page.locator("a[data-brief='html']").get_attribute("href")
    assert href == "/api/brief/html?status=contested&status=denied"
    page = tab.page.request.get(f"{tab.base}{href}")
    assert page.ok and "<h1>Situation report, " in page.text()
    assert f"<li>{total} event" in page.text()  # the headline counts the view's events
    said = api(tab, "/brief?status=contested&status=denied")
    assert str(said["events"]) == total


def test_the_brief_opens_in_a_tab_with_every_event_of_the_view_day_by_day(tab: tour.Tab) -> None:
    """An analyst's week: the explorer's view, then its brief read in the browser (not a file to
    find and open), naming each of the view's events under its day, not only the corroborated
    and disputed few, each linked to its story in the workbench."""
    tab.go("events?since=2015&until=2020", "events")
    total = tab.page.locator("table.explorer").get_attribute("data-total")
    assert total is not None and 0 < int(total) <= 100  # the list's cap: all of them named
    kept = {e["id"] for e in api(tab, "/explore/events?since=2015&until=2020&limit=200")["items"]}
    with tab.page.context.expect_page() as opened:
        tab.page.click("a[data-brief='html']")
    brief = opened.value
    brief.wait_for_selector("h2#days")
    assert brief.locator("h2#days").text_content() == f"Day by day ({total})"
    listed = brief.locator("h2#days ~ ul li[data-event]")
    ids = [listed.nth(i).get_attribute("data-event") for i in range(listed.count())]
    assert len(ids) == int(total) and set(ids) == kept
    days = brief.locator("h2#days ~ h3[data-day]")
    assert days.count() >= 2  # the demo's events fall on several days
    first = listed.first
    assert "Status: " in (first.text_content() or "")
    story = first.locator("a").first
    event = first.get_attribute("data-event")
    assert story.get_attribute("href") == f"{tab.base}/#/story/{event}"
    story.click()
    brief.wait_for_selector("body[data-ready='story']")
    brief.close()
