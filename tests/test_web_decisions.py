"""What test_web_browser.py leaves undriven, in a real browser over the same demo store (its
server, tab and store view are shared): the analyst's other decisions, each made in the UI,
found on the decisions page and undone there (split an entity, merge two events, mark a claim
with a reason; a mark without one is refused on the page), each undo leaving what an analyst
sees of the store as it was; the search's outlet and year facets and its quoted phrases; an
event's place linked to its words in the document."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

pytest.importorskip("playwright.sync_api", reason="pip install playwright")

import web_tour as tour  # after the importorskip: it imports playwright
from test_web_browser import _focused, _store_view, api, base, browser_tab, demo_db, tab, text

__all__ = ["base", "browser_tab", "demo_db", "tab"]  # the shared fixtures, used by name below
pytestmark = pytest.mark.slow


def _submit(tab: tour.Tab, form: Any, reason: str, page: str) -> None:
    form.locator("input.reason").fill(reason)
    tab.page.evaluate("delete document.body.dataset.ready")
    form.locator("button[type=submit]").click()
    tab.ready(page)


def _undo_on_the_decisions_page(tab: tour.Tab, decision: str, reason_words: str) -> None:
    tab.click_to("a[data-nav='decisions']", "decisions")
    row = tab.page.locator("table.decisions tr[data-active='true']").filter(has_text=decision)
    assert row.count() >= 1 and reason_words in (row.first.text_content() or "")
    row.first.locator("input.reason").fill("undo of the browser test")
    tab.page.evaluate("delete document.body.dataset.ready")
    row.first.locator("button.undo").click()
    tab.ready("decisions")


def _until(check: Callable[[], bool], seconds: float = 10.0) -> None:
    """Wait for what a button without a page change (a claim's mark) does to reach the store."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the decision never reached the store"
        time.sleep(0.1)


def test_split_an_entity_in_the_ui_then_undo(tab: tour.Tab) -> None:
    entity = api(tab, f"/entities?q={tour.PERSON}")["items"][0]["id"]
    before = _store_view(tab, entity)
    mention = api(tab, f"/entities/{entity}")["mentions"][0]
    tab.go(f"entity/{entity}", "entity")
    tab.page.check(f"li[data-mention='{mention['id']}'] input.pick-mention")
    form = tab.page.locator("form.action").filter(has=tab.page.locator("input.split-name"))
    form.locator("input.split-name").fill("Another Soleimani (browser test)")
    _submit(tab, form, "a namesake, not the commander (browser test)", "entity")
    after = api(tab, f"/entities/{entity}")
    assert mention["id"] not in {m["id"] for m in after["mentions"]}
    assert after["n_mentions"] == before["dossiers"][entity][2] - 1
    split_off = api(tab, "/entities?q=Another%20Soleimani%20(browser%20test)")["items"]
    assert [e["mentions"] for e in split_off] == [1]

    _undo_on_the_decisions_page(tab, "entity split", "a namesake")
    assert tab.page.locator("table.decisions tr").filter(has_text="entity undo").count() >= 1
    assert _store_view(tab, entity) == before


def test_merge_two_events_in_the_ui_then_undo(tab: tour.Tab) -> None:
    tab.go("search", "search")
    tour.contested_event(tab)
    event = tab.page.url.rsplit("/", 1)[-1]
    kind = api(tab, f"/events/{event}")["type"]
    before = _store_view(tab)
    # the other event is picked as an analyst would: from the form's list of the same type
    tab.page.wait_for_selector("select.merge-event option[value^='evt']", state="attached")
    # the list holds the events of that type closest in time to this one, nearest first
    offered = [
        o.get_attribute("value") for o in tab.page.locator("select.merge-event option").all()
    ][1:]
    day = (api(tab, f"/events/{event}")["time_start"] or "")[:10]
    nearest = api(tab, f"/explore/events?type={kind}&near={day}&limit=200")["items"]
    assert offered == [x["id"] for x in nearest if x["id"] != event]
    other = tab.page.locator("select.merge-event option[value^='evt']").first
    other_id = other.get_attribute("value") or ""
    assert api(tab, f"/events/{other_id}")["type"] == kind
    tab.page.select_option("select.merge-event", other_id)
    form = tab.page.locator("form.action").filter(has=tab.page.locator("select.merge-event"))
    _submit(tab, form, "the same visit, reported twice (browser test)", "event")
    gone = tab.page.request.get(f"{tab.base}/api/events/{other_id}")
    assert gone.status == 404  # merged into this event
    tab.problems.clear()  # that 404 was asked for
    assert _store_view(tab)["events"] != before["events"]

    _undo_on_the_decisions_page(tab, "event merge", "reported twice")
    assert _store_view(tab) == before


def test_mark_a_claim_with_a_reason_then_undo(tab: tour.Tab) -> None:
    tab.go("search", "search")
    tour.contested_event(tab)
    event = tab.page.url.rsplit("/", 1)[-1]

    def marks() -> dict[str, Any]:
        return {c["id"]: c["analyst_mark"] for c in api(tab, f"/events/{event}")["claims"]}

    before = marks()
    row = tab.page.locator("table.claims tr[data-stance] span.marks").first
    claim = row.locator("xpath=ancestor::tr").locator("q.claim-quote").get_attribute("data-claim")
    assert claim in before and before[claim] is None
    row.locator("button.mark-doubtful").click()  # no reason given: refused on the page
    assert "say why" in text(tab, "table.claims span.marks .error")
    assert marks() == before
    row.locator("input.reason").fill("the outlet retracted it later (browser test)")
    row.locator("button.mark-doubtful").click()
    _until(lambda: marks()[claim] == "doubtful")
    assert {k: v for k, v in marks().items() if k != claim} == {
        k: v for k, v in before.items() if k != claim
    }

    _undo_on_the_decisions_page(tab, "claim mark", "retracted it later")
    assert marks() == before


def _results(tab: tour.Tab) -> list[str]:
    return [li.get_attribute("data-doc") or "" for li in tab.page.locator("ol.results > li").all()]


def test_search_facets_narrow_and_phrases_want_their_words_in_order(tab: tour.Tab) -> None:
    tour.search(tab, "Soleimani")
    everything = api(tab, "/search/entities?q=Soleimani&limit=100")
    for key in ("site", "year"):
        facet = tab.page.locator(f".facet-line[data-facet='{key}'] a").first
        value = (facet.text_content() or "").rsplit(" (", 1)[0]
        tab.click_to(f".facet-line[data-facet='{key}'] a", "search")
        assert f"{key}={value}" in tab.page.url.replace("%20", " ")
        narrowed = api(tab, f"/search/entities?q=Soleimani&{key}={value}&limit=100")
        assert 0 < narrowed["total"] < everything["total"]
        assert sorted(_results(tab)) == sorted(d["id"] for d in narrowed["items"][:20])
        shown = [li.text_content() or "" for li in tab.page.locator("ol.results > li .muted").all()]
        assert shown and all(value in line for line in shown), shown
        # the facets count the hits listed: the chosen value's count is the list's total
        chosen = tab.page.locator(f".facet-line[data-facet='{key}'] a.active").text_content()
        assert chosen == f"{value} ({narrowed['total']})"
        tab.click_to(f".facet-line[data-facet='{key}'] a.active", "search")  # and off again
        assert len(_results(tab)) == min(20, everything["total"])

    # a quoted phrase wants its words in that order (words that name no entity: a name finds its
    # entity's documents whatever the order of its words)
    words = api(tab, "/search/entities?q=drone%20strike&limit=100")["total"]
    tour.search(tab, '"drone strike"')
    phrase = api(tab, "/search/entities?q=%22drone%20strike%22&limit=100")
    assert phrase["phrases"] == ["drone strike"] and 0 < phrase["total"] < words
    assert sorted(_results(tab)) == sorted(d["id"] for d in phrase["items"][:20])
    tab.go("search?q=%22strike%20drone%22", "search")
    assert api(tab, "/search/entities?q=%22strike%20drone%22")["total"] == 0
    assert "No documents match" in text(tab, "main")


def test_an_events_place_links_to_its_words(tab: tour.Tab) -> None:
    tab.go("search", "search")
    tour.contested_event(tab)
    event = tab.page.url.rsplit("/", 1)[-1]
    found = api(tab, f"/events/{event}/evidence")["mentions"]
    mention = next(m for m in found if m["place"] and m["place"]["start"] is not None)
    tab.click_to(f".evidence > li[data-mention='{mention['id']}'] li:has-text('place') a", "doc")
    assert f"/doc/{mention['document_id']}" in tab.page.url
    assert _focused(tab) == mention["place"]["text"]
    assert "where the event happened" in text(tab, ".focus-note")


def test_a_dossier_shows_positions_with_organisation_dates_and_source(tab: tour.Tab) -> None:
    entity = api(tab, f"/entities?q={tour.PERSON}")["items"][0]["id"]
    positions = api(tab, f"/entities/{entity}")["attributes"]["positions"]
    assert positions
    tab.go(f"entity/{entity}", "entity")
    shown = tab.page.locator("span.position")
    for position in positions:
        row = shown.filter(has_text=position["title"]).filter(has_text=str(position["start"]))
        assert row.count() >= 1, position
        org = row.first.locator("a").first  # the organisation, linked to its own dossier
        assert (org.get_attribute("href") or "").startswith("#/entity/")
        found = api(tab, f"/entities/{(org.get_attribute('href') or '').rsplit('/', 1)[-1]}")
        assert found["pack_id"] == position["org"]
        assert position["source"] in (row.first.text_content() or "")
