"""Adding a report in a real browser: over an empty store (`sitrep serve`, local mode, the
editor's nav), the search page points to "Add reports"; a report pasted there with its title,
outlet and date is read by the pipeline as a job the page follows (its address shows the answer
again after a reload), and the answer leads to its document and its event."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("playwright.sync_api", reason="pip install playwright")

import web_tour as tour  # after the importorskip: it imports playwright
from sitrep.api.app import static_dir
from sitrep.store import Store

pytestmark = pytest.mark.slow

if not tour.CHROMIUM.exists():
    pytest.skip(f"no Chromium at {tour.CHROMIUM}", allow_module_level=True)
if not (static_dir() / "dist" / "main.js").exists():
    pytest.skip("web bundle not built (run scripts/build-web)", allow_module_level=True)


@pytest.fixture(scope="module")
def tab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tour.Tab]:
    db = tmp_path_factory.mktemp("add") / "empty.db"
    Store(str(db)).close()  # migrated, with nothing in it
    with tour.served(db) as base, tour.browser_tab(base, tour.REPO / "test-artifacts") as tab:
        yield tab
        assert tab.problems == []


def test_a_pasted_report_reaches_its_document_and_its_event(tab: tour.Tab) -> None:
    tab.go("search", "search")
    assert tab.page.locator("p.empty a[href='#/add']").count() == 1  # not "run sitrep ingest"
    tour.add_report(tab)
    item = tab.page.locator(".add-results li.intake").first
    assert item.get_attribute("data-outcome") == "stored"
    assert "pasted text 1 (local, " in (item.locator(".origin").text_content() or "")
    events = item.locator("ul.added-events li")
    assert events.count() >= 1 and "new" in (events.first.text_content() or "")
    assert item.locator("p.added-entities a.ent", has_text="Saraqib").count() == 1

    # the run was a job: the page's address shows its answer again after a reload
    assert "#/add?job=add_" in tab.page.url
    tab.page.evaluate("delete document.body.dataset.ready")
    tab.page.reload()
    tab.ready("add")
    tab.page.wait_for_selector(".add-results li.intake[data-outcome='stored']")

    tab.click_to(f"li.intake a[href='#/doc/{item.get_attribute('data-document')}']", "doc")
    assert tour.PASTED_TITLE in (tab.page.locator("h1").first.text_content() or "")
    assert "2031-03-04" in (tab.page.locator("main").text_content() or "")

    # the document's page lists what was read in it: on to the event
    tab.click_to("main a[href^='#/event/']", "event")
    assert "Saraqib" in (tab.page.locator("main").text_content() or "")
