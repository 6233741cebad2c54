"""In a real browser over the demo store (the server, tab and helpers of test_web_browser.py):
positions on the event page (each participant's positions with their title, organisation
linked to its dossier, dates and source: the domain pack, reports, or both; the same the
participant's dossier lists as its own), and the search's type facet (a document's kind as
acquired: web page, plain text, feed item, table row)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

pytest.importorskip("playwright.sync_api", reason="pip install playwright")

import web_tour as tour  # after the importorskip: it imports playwright
from test_web_browser import api, base, browser_tab, demo_db, tab

__all__ = ["base", "browser_tab", "demo_db", "tab"]  # the shared fixtures, used by name below
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


def test_the_search_type_facet_narrows_to_documents_of_that_kind(tab: tour.Tab) -> None:
    tour.search(tab, tour.SEARCH_TERM)
    everything = api(tab, f"/search/entities?q={tour.SEARCH_TERM}&limit=100")
    kinds = {f["value"]: f["count"] for f in everything["facets"]["type"]}
    assert len(kinds) >= 2 and sum(kinds.values()) == everything["total"], kinds
    assert kinds == dict(Counter(d["format"] for d in everything["items"]))
    facet = tab.page.locator(".facet-line[data-facet='type'] a")
    assert facet.count() == len(kinds)
    value = facet.last.get_attribute("data-value") or ""
    assert f"({kinds[value]})" in (facet.last.text_content() or "")
    tab.click_to(f".facet-line[data-facet='type'] a[data-value='{value}']", "search")
    assert f"type={value}" in tab.page.url
    narrowed = api(tab, f"/search/entities?q={tour.SEARCH_TERM}&type={value}&limit=100")
    assert narrowed["total"] == kinds[value] < everything["total"]
    shown = [li.get_attribute("data-type") for li in tab.page.locator("ol.results > li").all()]
    assert shown and set(shown) == {value}
    assert sorted(_results(tab)) == sorted(d["id"] for d in narrowed["items"][:20])
    tab.click_to(".facet-line[data-facet='type'] a.active", "search")  # and off again
    assert len(_results(tab)) == min(20, everything["total"])


def _results(tab: tour.Tab) -> list[str]:
    return [li.get_attribute("data-doc") or "" for li in tab.page.locator("ol.results > li").all()]
