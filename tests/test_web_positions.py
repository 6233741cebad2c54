"""Positions on the event page, in a real browser over the demo store (the server, tab and
helpers of test_web_browser.py): each participant's positions with their title, organisation
linked to its dossier, dates and source (the domain pack, reports, or both), the same the
participant's dossier lists as its own."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("playwright.sync_api", reason="pip install playwright")

import web_tour as tour  # after the importorskip: it imports playwright
from test_web_browser import api, base, browser_tab, tab

__all__ = ["base", "browser_tab", "tab"]  # the shared fixtures, used by name below
pytestmark = pytest.mark.slow

SOURCE_WORDS = {
    "pack": "the domain pack",
    "learned": "reports",
    "both": "the domain pack and reports",
}


def _event_with_positions(tab: tour.Tab, person: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """An event the person takes part in, and the person as its participant."""
    for row in api(tab, f"/events?actor={person}&limit=100")["items"]:
        detail = api(tab, f"/events/{row['id']}")
        for participant in detail["participants"]:
            if participant.get("entity_id") == person and participant["positions"]:
                return detail, participant
    raise AssertionError(f"no event of {person} shows a position")


def test_an_events_participants_show_their_positions(tab: tour.Tab) -> None:
    person = api(tab, f"/entities?q={tour.PERSON}")["items"][0]["id"]
    event, participant = _event_with_positions(tab, person)
    # the event's positions are the dossier's, those the person holds
    held = [
        p["id"]
        for p in api(tab, f"/entities/{person}")["relations"]["positions"]
        if p["direction"] == "outgoing"
    ]
    assert [p["id"] for p in participant["positions"]] == held
    tab.go(f"event/{event['id']}", "event")
    sources = set()
    for position in participant["positions"]:
        row = tab.page.locator(f"li.position[data-relation='{position['id']}']")
        assert row.count() >= 1, position
        shown = row.first.text_content() or ""
        assert (position["title"] or position["type"]) in shown
        for date in (position["time_start"], position["time_end"]):
            assert date is None or date in shown
        org = row.first.locator("a.ent").first  # the organisation, linked to its dossier
        assert org.get_attribute("href") == f"#/entity/{position['other']['entity_id']}"
        source = row.first.get_attribute("data-source") or ""
        sources.add(source)
        assert f"— {SOURCE_WORDS[source]}" in shown
        if position["learned"]:  # a learned position links to a report's sentence stating it
            assert row.first.locator("a.span-link, a[href^='#/doc/']").count() >= 1
    # Soleimani: commander of the Quds Force (pack and reports), major general (pack only):
    # the page tells the sources apart
    assert len(sources) >= 2, sources
    row = tab.page.locator("li.position a.ent").first
    href = row.get_attribute("href") or ""
    tab.click_to(f"li.position a.ent[href='{href}']", "entity")
    assert href.rsplit("/", 1)[-1] in tab.page.url
