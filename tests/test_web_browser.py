"""The workbench in a real browser over the demo corpus: the corpus is ingested once per module
through the real pipeline, `sitrep serve` runs on a free loopback port and Debian's Chromium,
driven by Playwright, goes from search to a document, a dossier, the map, the network, the
timeline and the claims of the contested Moscow visit. The page-driving steps live in
tests/web_tour.py (scripts/screenshots walks the same tour). Screenshots go to
test-artifacts/web/."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("playwright.sync_api", reason="pip install playwright")

import itertools

import web_tour as tour  # after the importorskip: it imports playwright
from sitrep.api.app import static_dir

ARTIFACTS = tour.REPO / "test-artifacts" / "web"
pytestmark = pytest.mark.slow

if not tour.CHROMIUM.exists():
    pytest.skip(
        f"no Chromium at {tour.CHROMIUM} (apt-get install chromium)", allow_module_level=True
    )
if not (static_dir() / "dist" / "main.js").exists():
    pytest.skip("web bundle not built (run scripts/build-web)", allow_module_level=True)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reuse = os.environ.get("SITREP_WEB_TEST_DB")  # a copy of an ingested demo store: UI work
    if reuse:
        db = tmp_path_factory.mktemp("web") / "demo.db"
        shutil.copyfile(reuse, db)
    else:
        db = tmp_path_factory.mktemp("web") / "demo.db"
        summary = tour.ingest_demo(db)
        # demo/README.md: 37 documents and 3 rejections (empty, binary, truncated)
        assert (summary.stored, summary.rejected_total) == (37, 3), summary.as_dict()
    return db


@pytest.fixture(scope="module")
def base(demo_db: Path) -> Iterator[str]:
    with tour.served(demo_db) as url:
        yield url


@pytest.fixture(scope="module")
def crowded_base(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo store with its located events copied (new ids, same places) until more than
    200 are on the map: what its "N more" link is for. No pipeline runs."""
    db = tmp_path_factory.mktemp("crowded") / "crowded.db"
    with closing(sqlite3.connect(demo_db)) as source, closing(sqlite3.connect(db)) as copy:
        source.backup(copy)  # with what the demo's write-ahead log still holds
        located = "place_entity_id IN (SELECT id FROM entities WHERE lat IS NOT NULL)"
        (n,) = copy.execute(f"SELECT count(*) FROM events WHERE {located}").fetchone()
        columns = [row[1] for row in copy.execute("PRAGMA table_info(events)")]
        for i in range(1, 1 + 201 // max(n, 1) + 1):
            picked = ", ".join(f"'copy{i}_' || id" if c == "id" else c for c in columns)
            copy.execute(
                f"INSERT INTO events ({', '.join(columns)}) "
                f"SELECT {picked} FROM events WHERE {located} AND id NOT LIKE 'copy%'"
            )
        copy.commit()
    with tour.served(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser_tab(base: str) -> Iterator[tour.Tab]:
    with tour.browser_tab(base, ARTIFACTS) as tab:
        yield tab


@pytest.fixture
def tab(browser_tab: tour.Tab) -> Iterator[tour.Tab]:
    """The module's tab, with no problems left over from another test; none may arise."""
    browser_tab.problems.clear()
    yield browser_tab
    assert browser_tab.problems == []


def api(tab: tour.Tab, path: str) -> Any:
    response = tab.page.request.get(f"{tab.base}/api{path}")
    assert response.ok, response.text()
    return response.json()


def text(tab: tour.Tab, selector: str) -> str:
    return tab.page.locator(selector).first.text_content() or ""


def test_search_then_document_then_dossier(tab: tour.Tab) -> None:
    tour.search(tab)
    hits = api(tab, f"/search/entities?q={tour.SEARCH_TERM}")["total"]
    assert hits >= api(tab, f"/search?q={tour.SEARCH_TERM}")["total"] >= 10
    assert tab.page.locator("ol.results > li").count() == hits
    assert tab.page.locator("ol.results mark").count() >= hits
    assert tour.PERSON in text(tab, "main section.card")  # matching entities come first
    tab.shot("01-search")

    tour.open_result(tab)
    assert text(tab, "h1").startswith(tour.DOCUMENT_TITLE)
    assert tab.page.locator("#doctext a.mention").count() >= 15
    assert tab.page.locator("#doctext a.trigger").count() >= 2
    assert tab.page.locator("#doctext span.claim").count() >= 1
    assert tab.page.locator("main .badge.status-contested").count() >= 1  # events reported
    comments = tab.page.locator("#comments")
    assert "user-generated" in (comments.locator("h2").text_content() or "")
    assert comments.locator("ol.comments > li").count() == 4
    assert "travel ban is worth exactly nothing" not in text(tab, "#doctext")
    tab.shot("02-document")

    tour.follow_mention(tab)
    assert text(tab, "h1").startswith(tour.PERSON)
    aliases = text(tab, "main section.card")
    assert "Suleimani" in aliases and "Sulaimani" in aliases  # transliterations merged
    assert "Quds Force" in text(tab, "main")
    events = tab.page.locator("ol.timeline-list > li")
    assert events.count() >= 5
    assert events.locator(".badge.status-contested").count() >= 1  # the Moscow visit
    assert tab.page.locator("main a[href^='#/doc/']").count() >= 10  # sources, mentions
    for link in tab.page.locator("p.actions a.export").all():  # the dossier's exports
        response = tab.page.request.get(tab.base + (link.get_attribute("href") or ""))
        assert response.ok and tour.PERSON in response.text()
    tab.shot("03-dossier")


def test_search_finds_an_entitys_other_spellings(tab: tour.Tab) -> None:
    """'Suleimani' finds every document of Soleimani's dossier and says which spellings it added."""
    tour.search(tab, "Suleimani")
    person = api(tab, "/entities?q=Qassem%20Soleimani")["items"][0]
    dossier = api(tab, f"/entities/{person['id']}")
    sources = {s["id"] for s in dossier["sources"]}
    assert len(sources) >= 10
    found = {li.get_attribute("data-doc") for li in tab.page.locator("ol.results > li").all()}
    assert found >= sources
    words_only = {h["id"] for h in api(tab, "/search?q=Suleimani&limit=100")["items"]}
    assert len(words_only) < len(sources)  # the words alone miss most of them
    note = text(tab, "#expanded")
    assert tour.PERSON in note and "other spellings" in note
    spelled = {q.text_content() for q in tab.page.locator("#expanded q.spelling").all()}
    assert "Qassem Soleimani" in spelled
    assert tab.page.locator("ol.results > li[data-via='entity'] mark").count() >= 1
    tab.shot("11-search-spellings", max_height=1000)
    for spelling in ("Albu Kamal", "Abu Kamal", "al-Bukamal"):  # three spellings, one town
        tour.search(tab, spelling)
        assert (
            tab.page.locator("ol.results > li").count()
            == api(tab, "/search/entities?q=Albu%20Kamal")["total"]
        )


def _clusters(tab: tour.Tab) -> list[str]:
    """The clusters drawn now (not spiderfied), each as the ids of the events inside it."""
    found: list[str] = tab.page.evaluate(
        "[...document.querySelectorAll('#map .ev-cluster')]"
        ".filter(c => getComputedStyle(c.parentElement).opacity === '1').map(c => c.dataset.events)"
    )
    return found


def _open_cluster(tab: tour.Tab, key: str) -> None:
    """Click a cluster until it has zoomed into parts or spiderfied (a click zooms at least one
    level; several may be needed where events lie close together)."""
    for _ in range(14):
        if key not in _clusters(tab):
            return
        tab.page.locator(f"#map .ev-cluster[data-events='{key}']").click()
        tab.page.wait_for_timeout(50)
    raise AssertionError(f"the cluster of {key} never opened")


def _reachable(tab: tour.Tab, route: str) -> set[str]:
    """Every event reached by clicking: from the map's 'show all events', open each cluster
    (zoom or spiderfy), click each marker and see its event's link in the popup."""
    reached: set[str] = set()
    paths: list[list[str]] = [[]]
    opened: set[str] = set()
    while paths:
        path = paths.pop()
        tab.go(route, "map")
        tab.page.wait_for_selector("#map[data-rendered]")
        tab.page.click("#map button.fit-all")
        for key in path:
            _open_cluster(tab, key)
        for marker in tab.page.locator("#map .ev-marker[data-event]").all():
            event = marker.get_attribute("data-event") or ""
            if event in reached:
                continue
            marker.click()
            popup = tab.page.locator(f".leaflet-popup a[data-event='{event}']")
            assert popup.is_visible(), event
            reached.add(event)
            tab.page.click(".leaflet-popup-close-button")
        for key in _clusters(tab):
            if key not in opened:
                opened.add(key)
                paths.append([*path, key])
    return reached


def test_map_every_event_is_reachable_by_clicking(tab: tour.Tab) -> None:
    tab.go("search", "search")
    tour.full_map(tab)
    features = api(tab, "/map")["features"]
    assert len(features) >= 20
    box = tab.page.locator("#map")
    assert int(box.get_attribute("data-features") or 0) == len(features)
    # clusters carry their count and the status mix of their events
    tab.page.wait_for_selector("#map[data-labels]")
    clusters = tab.page.locator("#map .ev-cluster")
    assert clusters.count() >= 1
    counts = [int(c.get_attribute("data-count") or 0) for c in clusters.all()]
    singles = tab.page.locator("#map .ev-marker").count()
    assert sum(counts) + singles == len(features)
    assert any("conic-gradient" in (c.get_attribute("style") or "") for c in clusters.all())
    mixed = [c.get_attribute("title") or "" for c in clusters.all()]
    assert any("," in t for t in mixed), mixed  # a cluster of several statuses says so
    # place names from the gazetteer, offline
    labels = {x.text_content() for x in tab.page.locator("#map .place-label").all()}
    assert {"Damascus", "Baghdad"} & labels, labels
    assert tab.page.locator("#map svg path").count() > 100  # the country layer drew
    # the list of events in view
    assert tab.page.locator("#in-view li[data-event]").count() >= 1
    assert "Events in view" in text(tab, "#in-view h2")
    tab.shot("04-map", max_height=900)

    reached = _reachable(tab, "map")
    assert reached == {f["id"] for f in features}


def test_a_crowded_map_sends_what_it_does_not_list_to_the_explorer(
    tab: tour.Tab, crowded_base: str
) -> None:
    page = tab.page
    page.goto(f"{crowded_base}/#/map")
    page.wait_for_selector("#map[data-rendered]", timeout=tour.WAIT_MS)
    in_view, on_map = (int(n) for n in re.findall(r"\d+", text(tab, "#in-view h2"))[-2:])
    assert 200 < in_view <= on_map
    assert page.locator("#in-view li[data-event]").count() == 200
    assert text(tab, "#more-in-view").startswith(f"{in_view - 200} more: zoom in")
    every = page.request.get(f"{crowded_base}/api/explore/events?limit=1").json()["total"]
    page.evaluate("delete document.body.dataset.ready")
    page.locator("#more-in-view a.more-in-explorer").click()
    tab.ready("events")
    assert text(tab, "h1") == f"Events ({every})"


def test_entity_map_from_a_dossier(tab: tour.Tab) -> None:
    tour.search(tab)
    tab.click_to(f"main a.ent:text-is({tour.quoted(tour.PERSON)})", "entity")  # matching entity
    tour.entity_map(tab)
    entity = re.sub(r".*entity=", "", tab.page.url)
    mine = api(tab, f"/map?entity={entity}")["features"]
    assert {f["properties"]["place_name"] for f in mine} >= {"Moscow"}
    assert tab.page.locator("#map").get_attribute("data-features") == str(len(mine))
    listed = {x.get_attribute("data-event") for x in tab.page.locator("#in-view li").all()}
    assert listed <= {f["id"] for f in mine} and listed


def _box(tab: tour.Tab, selector: str) -> dict[str, float]:
    found = tab.page.locator(selector)
    assert found.count() >= 1, selector
    box = found.first.bounding_box()
    assert box is not None, selector
    return dict(box)


def _same_box(a: dict[str, float], b: dict[str, float]) -> bool:
    """The same shape's boxes, within a few pixels: a wider stroke widens a box, more so where
    the map's edge clips the shape."""
    return all(abs(a[k] - b[k]) <= 5 for k in ("x", "y", "width", "height"))


def _area_class(code: str) -> str:
    return "admin1-" + re.sub(r"[^A-Za-z0-9]+", "-", code)


def test_map_draws_uncertainty_at_its_scale_and_filters(tab: tour.Tab) -> None:
    """Governorate boundaries drawn offline (from the bundle, no tile server); a place known
    only to its country is that country's area, one known only to a governorate that
    governorate's area, a region that is no governorate a ring of real size (it grows with the
    zoom); governorate names when zoomed in; the explorer's filter narrows the map; the time
    slider too."""
    tab.go("search", "search")
    tour.full_map(tab)
    rows = api(tab, "/explore/events?limit=500")["items"]
    box = tab.page.locator("#map")
    drawn = int(box.get_attribute("data-boundaries") or 0)
    assert drawn > 200  # the theatre's governorates and provinces
    assert tab.page.locator("#map path.admin1-boundary").count() == drawn
    assert box.get_attribute("data-admin1-labels") == "hidden"  # not at this zoom
    countries = {r["country_numeric"] for r in rows if r["precision"] == "country" and r["lat"]}
    assert "760" in countries  # the demo has events known only to be in Syria
    assert tab.page.locator("#map path.ev-area-country").count() == len(countries)
    for code in countries:  # each drawn as its country's own shape
        country = _box(tab, f"#map path.country.country-{code}")
        assert _same_box(_box(tab, f"#map path.ev-area-country.country-{code}"), country), code
    regions = [r for r in rows if r["precision"] == "region" and r["lat"]]
    governorates = {c for r in regions for c in r["admin1_codes"]}
    # Anbar in the demo (its Idlib offensive is one Iran "is preparing to take part in": a plan,
    # no happening, so not on the map)
    assert "IQ.AN" in governorates, governorates
    regions = [r for r in regions if not r["admin1_codes"]]  # the Golan Heights: no governorate
    rings = tab.page.locator("#map path.ev-area-ring")
    assert rings.count() == len(regions)
    if regions:
        before = (rings.first.bounding_box() or {"width": 0})["width"]
        tab.page.click("#map .leaflet-control-zoom-in")
        tab.page.wait_for_timeout(100)
        assert (rings.first.bounding_box() or {"width": 0})["width"] > before * 1.5
    # zoomed onto Syria: each governorate-only event is its governorate's own outline (the
    # boundary layer's, give or take the wider stroke), not a ring; and the governorates' names
    tour.map_governorates(tab)
    for code in governorates:
        area = _box(tab, f"#map path.ev-area-admin1.{_area_class(code)}")
        assert _same_box(area, _box(tab, f"#map path.admin1-boundary.{_area_class(code)}")), code
    iraq = _box(tab, "#map path.country.country-368")
    anbar = _box(tab, f"#map path.ev-area-admin1.{_area_class('IQ.AN')}")
    assert anbar["width"] > 60 and anbar["width"] < iraq["width"]  # at scale, in Iraq
    names = {x.text_content() for x in tab.page.locator("#map .admin1-label").all()}
    assert {"Idlib", "Aleppo", "Rif Dimashq"} <= names, names
    # the same filter as the explorer's, from the URL
    tab.go("map?status=contested", "map")
    tab.page.wait_for_selector("#map[data-rendered]")
    contested = [r for r in rows if r["status"] == "contested" and r["lat"]]
    assert tab.page.locator("#map").get_attribute("data-features") == str(len(contested))
    assert "status contested" in text(tab, "#view-says")
    # the time slider: the earliest date only
    tab.go("map", "map")
    tab.page.wait_for_selector("#map[data-rendered]")
    tab.page.locator("#time-slider").fill("0")
    first = min(r["time_start"] for r in rows if r["lat"] and r["time_start"])
    same_day = [r for r in rows if r["lat"] and r["time_start"] == first]
    assert tab.page.locator("#map").get_attribute("data-shown") == str(len(same_day))
    assert first in text(tab, "#time-label")


def test_contested_event_shows_who_asserts_and_who_denies(tab: tour.Tab) -> None:
    tab.go("search", "search")
    tour.contested_event(tab)
    assert all(word in text(tab, "h1") for word in tour.CONTESTED)
    assert tab.page.locator("h1 .badge.status-contested").count() == 1
    assert "Moscow" in text(tab, "dl.meta")
    sections = tab.page.locator("main section.card")
    asserting = sections.filter(has_text="Asserting or reporting")
    denying = sections.filter(has_text="Denying or retracting")
    assert asserting.locator("tr[data-stance]").count() >= 2
    assert denying.locator("tr[data-stance='denies']").count() >= 2
    assert "Marzieh Afkham" in (denying.text_content() or "")
    assert "three senior regional sources" in (asserting.text_content() or "")
    origins = tab.page.locator("dd[data-origins]")
    n_origins = int(origins.get_attribute("data-origins") or 0)
    assert n_origins >= 3 and origins.locator("li").count() == n_origins
    tab.shot("05-contested-event")


def _focused(tab: tour.Tab) -> str:
    """The highlighted passage of a document opened from a fact; it must be in the viewport."""
    tab.page.wait_for_function(
        "(() => { const m = document.querySelector('mark.focus'); if (!m) return false;"
        " const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()"
    )
    return "".join(m.text_content() or "" for m in tab.page.locator("#doctext mark.focus").all())


def test_a_claims_link_lands_on_its_highlighted_sentence(tab: tour.Tab) -> None:
    tab.go("search", "search")
    tour.contested_event(tab)
    event = tab.page.url.rsplit("/", 1)[-1]
    claims = {c["id"]: c for c in api(tab, f"/events/{event}")["claims"]}
    quote = tab.page.locator("a.span-link q.claim-quote").last
    claim = claims[quote.get_attribute("data-claim") or ""]
    tab.click_to(f"a.span-link:has(q[data-claim='{claim['id']}'])", "doc")
    assert f"/doc/{claim['document_id']}" in tab.page.url
    text_ = api(tab, f"/documents/{claim['document_id']}")["text"]
    assert _focused(tab) == text_[claim["start"] : claim["end"]]
    assert claim["sentence_text"].strip()[:40] in _focused(tab)
    assert claim["stance"] in text(tab, ".focus-note")
    tab.shot("10-claim-sentence", max_height=1200)

    # back to the event, then a participant's words and the date's words
    tab.click_to(".focus-note a:text('← back')", "event")
    found = api(tab, f"/events/{event}/evidence")["mentions"]
    mention = next(m for m in found if m["participants"] and m["time"] and m["time"]["start"])
    person = mention["participants"][0]
    row = tab.page.locator(f".evidence > li[data-mention='{mention['id']}']")
    # the type shown is the read layer's (the entity's, else the tagger's label)
    shown = row.locator(f"li[data-role='{person['role']}'] .why").first
    assert shown.get_attribute("data-type") == (person["type"] or "")
    tab.click_to(
        f".evidence > li[data-mention='{mention['id']}'] li[data-role='{person['role']}'] a", "doc"
    )
    assert _focused(tab) == person["text"]
    tab.page.go_back()
    tab.ready("event")
    assert row.count() == 1
    tab.click_to(f".evidence > li[data-mention='{mention['id']}'] li:has-text('date') a", "doc")
    assert _focused(tab) == mention["time"]["text"]
    assert "the date" in text(tab, ".focus-note")


def test_ego_network_from_a_dossier_with_evidence(tab: tour.Tab) -> None:
    tour.search(tab)
    tab.click_to(f"main a.ent:text-is({tour.quoted(tour.PERSON)})", "entity")
    tab.click_to("p.actions a.ego-link", "ego")
    tab.page.wait_for_selector("#cy[data-rendered]")
    entity = tab.page.url.rsplit("/", 1)[-1]
    ego = api(tab, f"/network/ego/{entity}?{BOTH}")  # the page draws both kinds of links
    full = api(tab, "/network")
    assert len(ego["nodes"]) < len(full["nodes"])  # not the hairball
    mine = [e for e in ego["edges"] if entity in (e["source"], e["target"])]
    assert tab.page.locator("table.ego-links tr[data-other]").count() == len(mine) >= 5
    if ego["left_out"]:
        assert f"{ego['left_out']} weaker direct links not drawn" in text(tab, "#view-says")
    # a link's evidence: its events and its sentences
    shared = max(mine, key=lambda e: (e["events"], e["weight"]))
    other = shared["target"] if shared["source"] == entity else shared["source"]
    tab.page.click(f"table.ego-links tr[data-other='{other}'] button.show-evidence")
    panel = tab.page.locator("#edge-detail .edge-evidence")
    assert panel.locator("a[href^='#/event/']").count() == min(12, shared["events"]) >= 1
    assert panel.locator("a.span-link").count() == min(12, shared["sentences"])
    tab.shot("12-ego-network", max_height=1100)
    if shared["sentences"]:
        said = shared["said"][0]
        tab.click_to("#edge-detail a.span-link", "doc")
        page_text = api(tab, f"/documents/{said['document_id']}")["text"]
        assert _focused(tab) == page_text[said["start"] : said["end"]]
    # two hops
    tab.go(f"ego/{entity}?hops=2", "ego")
    tab.page.wait_for_selector("#cy[data-rendered]")
    two = api(tab, f"/network/ego/{entity}?hops=2&{BOTH}")
    assert int(tab.page.locator("#cy").get_attribute("data-nodes") or 0) == len(two["nodes"])
    assert {n["hop"] for n in two["nodes"]} == {0, 1, 2}
    # a time window: the links of those years only, and the page says so
    window = "since=2019-01-01&until=2020-12-31"
    tab.go(f"ego/{entity}?{window}", "ego")
    tab.page.wait_for_selector("#cy[data-rendered]")
    dated = api(tab, f"/network/ego/{entity}?{window}&{BOTH}")
    assert int(tab.page.locator("#cy").get_attribute("data-nodes") or 0) == len(dated["nodes"])
    evidence = [sum(e["events"] + e["sentences"] for e in g["edges"]) for g in (dated, ego)]
    assert 0 < evidence[0] < evidence[1]  # fewer events and sentences in the window
    drawn = int(tab.page.locator("#cy").get_attribute("data-edges") or 0)
    assert drawn == len(dated["edges"]) != len(ego["edges"])  # the page drew the window's
    assert "links from 2019-01-01 to 2020-12-31" in text(tab, "#view-says")


def _store_view(tab: tour.Tab, *entity_ids: str) -> dict[str, Any]:
    """What an analyst sees of the store: every entity and its mentions, the dossiers named,
    every event with its actors, place and status."""
    entities, offset = [], 0
    while True:
        page = api(tab, f"/entities?limit=500&offset={offset}")
        entities += [(e["id"], e["name"], e["mentions"]) for e in page["items"]]
        offset += 500
        if offset >= page["total"]:
            break
    dossiers = {}
    for entity in entity_ids:
        d = api(tab, f"/entities/{entity}")
        dossiers[entity] = (d["name"], sorted(a["alias"] for a in d["aliases"]), d["n_mentions"],
                            sorted(e["id"] for e in d["events"]))  # fmt: skip
    events = sorted(
        (
            e["id"],
            e["status"],
            e["place_entity_id"],
            tuple(sorted(str(a["entity_id"]) for a in e["actors"])),
        )
        for e in api(tab, "/explore/events?limit=500")["items"]
    )
    return {"entities": sorted(entities), "dossiers": dossiers, "events": events}


def test_merge_in_the_ui_then_undo_in_the_ui_leaves_the_store_as_before(tab: tour.Tab) -> None:
    into = api(tab, f"/entities?q={tour.PERSON}")["items"][0]["id"]
    other = api(tab, "/entities?q=Esmail%20Ghaani")["items"][0]["id"]
    before = _store_view(tab, into, other)
    tab.go(f"entity/{into}", "entity")
    tab.page.fill("input.merge-name", "Esmail Ghaani")
    tab.page.click("button.merge-find")
    tab.page.wait_for_selector(f"select.merge-pick option[value='{other}']", state="attached")
    tab.page.select_option("select.merge-pick", other)
    form = tab.page.locator("form.action").filter(has=tab.page.locator("select.merge-pick"))
    form.locator("input.reason").fill("same commander, two spellings (browser test)")
    tab.page.evaluate("delete document.body.dataset.ready")
    form.locator("button[type=submit]").click()
    tab.ready("entity")
    merged = tab.page.request.get(f"{tab.base}/api/entities/{other}")
    assert merged.status == 404  # gone into the dossier
    tab.problems.clear()  # that 404 was asked for
    assert api(tab, f"/entities/{into}")["n_mentions"] == (
        before["dossiers"][into][2] + before["dossiers"][other][2]
    )
    # the decisions page lists it; undo it there
    tab.click_to("a[data-nav='decisions']", "decisions")
    row = tab.page.locator("table.decisions tr[data-active='true']").filter(has_text="entity merge")
    assert row.count() >= 1 and "two spellings" in (row.first.text_content() or "")
    row.first.locator("input.reason").fill("undo of the browser test")
    tab.page.evaluate("delete document.body.dataset.ready")
    row.first.locator("button.undo").click()
    tab.ready("decisions")
    assert tab.page.locator("table.decisions tr").filter(has_text="entity undo").count() >= 1
    assert _store_view(tab, into, other) == before
    tab.shot("13-decisions")


def test_relabel_a_mention_in_the_ui_then_undo(tab: tour.Tab) -> None:
    entity = api(tab, f"/entities?q={tour.PERSON}")["items"][0]["id"]
    mention = api(tab, f"/entities/{entity}")["mentions"][0]
    tab.go(f"entity/{entity}", "entity")
    tab.page.check(f"li[data-mention='{mention['id']}'] input.pick-mention")
    tab.page.select_option("select.relabel-as", "ORG")
    form = tab.page.locator("form.action").filter(has=tab.page.locator("select.relabel-as"))
    form.locator("input.reason").fill("a unit, not a person (browser test)")
    tab.page.evaluate("delete document.body.dataset.ready")
    form.locator("button[type=submit]").click()
    tab.ready("entity")

    def label() -> str:
        found = api(tab, f"/documents/{mention['document_id']}")["mentions"]
        return str(next(m["label"] for m in found if m["id"] == mention["id"]))

    assert label() == "ORG"
    tab.click_to("a[data-nav='decisions']", "decisions")
    row = tab.page.locator("table.decisions tr[data-active='true']").filter(has_text="relabel")
    row.first.locator("input.reason").fill("undo of the browser test")
    tab.page.evaluate("delete document.body.dataset.ready")
    row.first.locator("button.undo").click()
    tab.ready("decisions")
    assert label() == mention["label"]


def test_split_an_event_in_the_ui_then_undo(tab: tour.Tab) -> None:
    """Split one report off the contested visit into an event of its own, then undo it: the
    events are as before."""
    tab.go("search", "search")
    tour.contested_event(tab)
    event = tab.page.url.rsplit("/", 1)[-1]
    before = _store_view(tab)
    mentions = api(tab, f"/events/{event}/evidence")["mentions"]
    assert len(mentions) >= 2
    tab.page.check(f".evidence > li[data-mention='{mentions[-1]['id']}'] input.pick-event-mention")
    form = tab.page.locator("form.action").filter(has_text="Split")
    form.locator("input.reason").fill("a different trip (browser test)")
    tab.page.evaluate("delete document.body.dataset.ready")
    form.locator("button[type=submit]").click()
    tab.ready("event")
    after = api(tab, f"/events/{event}/evidence")["mentions"]
    assert mentions[-1]["id"] not in {m["id"] for m in after}
    assert _store_view(tab)["events"] != before["events"]
    tab.click_to("a[data-nav='decisions']", "decisions")
    row = tab.page.locator("table.decisions tr[data-active='true']").filter(has_text="event split")
    row.first.locator("input.reason").fill("undo of the browser test")
    tab.page.evaluate("delete document.body.dataset.ready")
    row.first.locator("button.undo").click()
    tab.ready("decisions")
    assert _store_view(tab) == before


def test_network_renders_and_filters(tab: tour.Tab) -> None:
    # with no weight asked for, the lowest weight at which at most 60 entities show
    tour.network(tab)
    cy = tab.page.locator("#cy")
    chosen = api(tab, f"/network?fit=60&{BOTH}")
    assert int(cy.get_attribute("data-rendered") or 0) == len(chosen["nodes"]) <= 60
    said = tab.page.locator("#network-weight").inner_text()
    assert f"weight {chosen['min_weight']} or more" in said and "at most 60" in said
    assert tab.page.input_value(".filters input[type=number]") == str(chosen["min_weight"])
    # other links fit at another weight: the toggle chooses again rather than keep this one
    tab.click_to(".links-toggle input[value='relations']", "network")
    tab.page.wait_for_selector("#cy[data-links='relations'][data-rendered]")
    assert "min_weight" not in tab.page.url
    chosen = api(tab, "/network?fit=60&kind=relations")
    assert f"weight {chosen['min_weight']} or more" in text(tab, "#network-weight")

    tour.network(tab, "network?min_weight=1")
    full = int(cy.get_attribute("data-rendered") or 0)
    assert full == int(cy.get_attribute("data-nodes") or -1) >= 50
    assert int(cy.get_attribute("data-edges") or 0) >= 100
    assert cy.locator("canvas").count() >= 1

    # filter through the form, as an analyst would: people only, stronger links
    for box in tab.page.locator(".filters input[type=checkbox]").all():
        if box.get_attribute("value") != "person":
            box.uncheck()
    tab.page.fill(".filters input[type=number]", "2")
    tab.click_to(".filters button", "network")
    tab.page.wait_for_selector("#cy[data-types='person'][data-rendered]")
    people = api(tab, f"/network?type=person&min_weight=2&{BOTH}")["nodes"]
    assert 0 < int(cy.get_attribute("data-rendered") or 0) == len(people) < full
    assert {n["type"] for n in people} == {"person"}

    tour.network(tab)  # the default: readable at a glance
    tab.shot("06-network")


BOTH = "kind=events&kind=sentences&kind=relations"  # what the network pages draw by default

# The cytoscape instance of #cy: an edge's type and style, and where to click it.
_EDGES = """() => document.querySelector('#cy').cy.edges('.relation').map(e =>
  [e.data('relation'), e.data('rtype'), e.style('label'), e.style('line-color'),
   e.style('line-style')])"""


def test_network_draws_typed_relations_and_shows_their_evidence(tab: tour.Tab) -> None:
    tour.network(tab, "network?links=relations&min_weight=1")
    tab.page.wait_for_selector("#cy[data-links='relations'][data-rendered]")  # not the last page's
    listed = api(tab, "/network?kind=relations")
    typed = {r["id"]: r for e in listed["edges"] for r in e["relations"]}
    assert int(tab.page.locator("#cy").get_attribute("data-relations") or 0) == len(typed) >= 10
    drawn = {rid: rest for rid, *rest in tab.page.evaluate(_EDGES)}
    assert drawn.keys() == typed.keys()
    assert all(label == typed[rid]["type"] for rid, (_, label, _c, _s) in drawn.items())
    styles = {typed[rid]["type"]: (colour, line) for rid, (_, _l, colour, line) in drawn.items()}
    assert styles["commands"] != styles["present-in"] != styles["under"] != styles["commands"]
    assert tab.page.locator(".relation-legend .swatch-item").count() == 5
    # a relation a report states: click its edge, read its evidence, follow it to the sentence
    rel = tour.learned_relation(tab)
    assert rel["id"] in typed
    tour.relation_evidence(tab, rel["id"])
    panel = tab.page.locator(f"#edge-detail .relation-evidence[data-relation='{rel['id']}']")
    assert panel.get_attribute("data-type") == "commands"
    said = [c for c in rel["claims"] if c["source"] == "report"]
    assert panel.locator("li.claim.report").count() == len(said)
    assert panel.locator("li.claim a[href^='#/doc/']:not(.span-link)").count() == len(said)
    first = said[0]
    assert (first["sentence"] or "").strip()[:40] in text(tab, "#edge-detail li.claim.report")
    tab.shot("13-relation-evidence", max_height=1400)
    tab.click_to("#edge-detail li.claim a.span-link", "doc")
    page_text = api(tab, f"/documents/{first['document_id']}")["text"]
    assert _focused(tab) == page_text[first["start"] : first["end"]]
    # the toggle: co-occurrence only draws no relation; both draws both kinds
    tour.network(tab, "network?links=relations&min_weight=1")
    tab.page.wait_for_selector("#cy[data-links='relations'][data-rendered]")
    tab.click_to(".links-toggle input[value='cooccurrence']", "network")
    tab.page.wait_for_selector("#cy[data-links='cooccurrence'][data-rendered]")
    assert tab.page.evaluate(_EDGES) == []
    tab.click_to(".links-toggle input[value='both']", "network")
    tab.page.wait_for_selector("#cy[data-links='both'][data-rendered]")
    both = api(tab, f"/network?{BOTH}")
    assert len(tab.page.evaluate(_EDGES)) == sum(len(e["relations"]) for e in both["edges"])
    # the ego network of the relation's subject: the same relation, its evidence one click away
    tab.go(f"ego/{rel['subject']['entity_id']}", "ego")
    tab.page.wait_for_selector("#cy[data-rendered]")
    assert rel["id"] in {r for r, *_ in tab.page.evaluate(_EDGES)}
    tab.page.click(f"table.ego-links button.show-relation[data-relation='{rel['id']}']")
    tab.page.locator(f"#edge-detail .relation-evidence[data-relation='{rel['id']}']").wait_for()


def test_timeline_renders_events_with_their_status(tab: tour.Tab) -> None:
    tab.go("search", "search")
    tour.timeline(tab)
    data = api(tab, "/timeline")
    circles = tab.page.locator("svg.timeline circle.tl-event")
    assert circles.count() == data["total"] >= 20
    statuses = [circles.nth(i).get_attribute("data-status") for i in range(circles.count())]
    assert {"single-source", "corroborated", "contested"} <= set(statuses)
    assert statuses.count("contested") == data["by_status"]["contested"]
    assert tab.page.locator("ol.timeline-list > li").count() == data["total"]
    undated = api(tab, "/explore/events?limit=1")["left_out"]["undated"]
    assert undated >= 1 and f"{undated} undated" in text(tab, "#view-says")  # said, not dropped
    for status, n in data["by_status"].items():
        assert f"{status} ({n})" in text(tab, "p.legend")
    tab.shot("07-timeline", max_height=1100)


def test_the_explorer_table_shows_every_column_without_scrolling(tab: tour.Tab) -> None:
    """At the tour's 1,280 pixels the last columns (origins, outlets) sat past a horizontal
    scroll inside the table's card: every column is in view now, for every page of rows."""
    tab.go("events", "events")
    while True:
        card = "(() => { const c = document.querySelector('table.explorer').parentElement;"
        widths = tab.page.evaluate(card + " return [c.scrollWidth, c.clientWidth]; })()")
        assert widths[0] <= widths[1], widths
        outlets = tab.page.locator("table.explorer th").last.bounding_box()
        assert outlets is not None and outlets["x"] + outlets["width"] <= tour.VIEWPORT["width"]
        if not tab.page.locator("p.pager a[rel='next']").count():
            break
        tab.click_to("p.pager a[rel='next']", "events")


def test_a_narrow_explorer_folds_its_facets_above_a_table_in_view(tab: tour.Tab) -> None:
    """Narrower than 1,220 px the table beside the facets was squeezed past a scroll (at
    1,000 px it needed 913 px of its card's 706): the facets go above it, folded, and every
    column is in view. At the tour's 1,280 they stay beside it, open."""
    try:
        for width in (1000, 900):
            tab.page.set_viewport_size({"width": width, "height": tour.VIEWPORT["height"]})
            tab.go(f"events?sort=time&w={width}", "events")  # rendered at this width
            card = "(() => { const c = document.querySelector('table.explorer').parentElement;"
            widths = tab.page.evaluate(card + " return [c.scrollWidth, c.clientWidth]; })()")
            assert widths[0] <= widths[1], (width, widths)
            outlets = tab.page.locator("table.explorer th").last.bounding_box()
            assert outlets is not None and outlets["x"] + outlets["width"] <= width
            facets = tab.page.locator("aside.facets").bounding_box()
            table = tab.page.locator("table.explorer").bounding_box()
            assert facets and table and facets["y"] + facets["height"] <= table["y"]
            assert tab.page.locator("aside.facets details").count() >= 3
            assert tab.page.locator("aside.facets details[open]").count() == 0
    finally:
        tab.page.set_viewport_size(tour.VIEWPORT)  # type: ignore[arg-type]
    tab.go("events", "events")
    facets = tab.page.locator("aside.facets").bounding_box()
    table = tab.page.locator("table.explorer").bounding_box()
    assert facets and table and facets["x"] + facets["width"] <= table["x"]
    assert tab.page.locator("aside.facets details:not([open])").count() == 0


def test_contested_claims_lists_every_claim_and_leads_to_the_explorer(tab: tour.Tab) -> None:
    """Every claim on a disputed event is shown (the page read one page of 500 and left the
    rest out unsaid), and one link opens the same events in the explorer to narrow them."""
    tab.go("claims", "claims")
    total = api(tab, "/claims?contested=true&limit=1")["total"]
    assert tab.page.locator("main section.card li").count() == total >= 2
    assert f"with their {total} claims" in text(tab, "main p.muted")
    events = tab.page.locator("main section.card h3").count()
    tab.click_to("#claims-in-explorer", "events")
    assert "status=contested" in tab.page.url and "status=denied" in tab.page.url
    listed = api(tab, "/explore/events?status=contested&status=denied&limit=500")["total"]
    assert text(tab, "h1") == f"Events ({listed})" and listed == events


def test_search_results_sort_by_publication(tab: tour.Tab) -> None:
    """Relevance, or newest first as a day's reading goes: the link keeps the words."""
    tab.go(f"search?q={tour.SEARCH_TERM}", "search")
    tab.click_to("#search-sort a[data-sort='newest']", "search")
    assert "sort=newest" in tab.page.url and f"q={tour.SEARCH_TERM}" in tab.page.url
    wanted = api(tab, f"/search/entities?q={tour.SEARCH_TERM}&sort=newest&limit=20")["items"]
    shown = [x.get_attribute("data-doc") for x in tab.page.locator("ol.results > li").all()]
    assert shown == [d["id"] for d in wanted] and len(shown) >= 2
    days = [d["published"] for d in wanted if d["published"]]
    assert days == sorted(days, reverse=True)
    # a period of publication, typed in the from/to fields: the sort and the words stay
    lo, hi = days[-1][:10], days[len(days) // 2][:10]
    tab.page.fill("#search-period input[name=since]", lo)
    tab.page.fill("#search-period input[name=until]", hi)
    tab.click_to("#search-period button", "search")
    assert f"since={lo}&until={hi}" in tab.page.url and "sort=newest" in tab.page.url
    period = api(tab, f"/search/entities?q={tour.SEARCH_TERM}&sort=newest&since={lo}&until={hi}")
    shown = [x.get_attribute("data-doc") for x in tab.page.locator("ol.results > li").all()]
    assert shown == [d["id"] for d in period["items"]] and period["total"] > 0
    assert all(lo <= d["published"][:10] <= hi for d in period["items"])


def test_a_dossier_lists_only_the_attributes_that_say_something(tab: tour.Tab) -> None:
    """A place's attributes hold `region_id: null` when it is no pack region: not listed (it
    was drawn as a name with an empty bullet)."""
    places = api(tab, "/entities?type=place&limit=500")["items"]
    town = next(
        d
        for d in (api(tab, f"/entities/{p['id']}") for p in places if p["id"].startswith("gn_"))
        if "region_id" in d["attributes"] and d["attributes"]["region_id"] is None
    )
    tab.go(f"entity/{town['id']}", "entity")
    terms = tab.page.locator("dl.meta dt").all_text_contents()
    assert "population" in terms and "region_id" not in terms
    assert all(x.strip() for x in tab.page.locator("dl.meta dd li").all_text_contents())


def test_timeline_narrows_to_a_period_with_a_labelled_axis(tab: tour.Tab) -> None:
    """Years of events on one axis overlap: the from/to fields narrow the timeline (the
    filter's since/until, in the URL) and the axis labels what it spans (weeks, months)."""
    tab.go("timeline", "timeline")
    tab.page.fill("form.period-form input[name='since']", "2015-09-01")
    tab.page.fill("form.period-form input[name='until']", "2015-10-31")
    tab.page.evaluate("delete document.body.dataset.ready")
    tab.page.click("form.period-form button[type='submit']")
    tab.ready("timeline")
    assert "since=2015-09-01" in tab.page.url and "until=2015-10-31" in tab.page.url
    wanted = api(tab, "/timeline?since=2015-09-01&until=2015-10-31")["total"]
    assert tab.page.locator("svg.timeline circle.tl-event").count() == wanted >= 2
    assert api(tab, "/timeline")["total"] > wanted
    labels = tab.page.locator("svg.timeline text.tick").all_text_contents()
    # six weeks of events: the axis says days a week apart, none outside the period
    assert len(labels) >= 3 and all("2015-09-01" <= x <= "2015-10-31" for x in labels), labels
    tab.click_to("form.period-form a.all-dates", "timeline")
    assert "since=" not in tab.page.url
    assert (
        tab.page.locator("svg.timeline circle.tl-event").count() == api(tab, "/timeline")["total"]
    )


def test_entity_list_pages_instead_of_truncating(tab: tour.Tab) -> None:
    tab.go("search", "search")
    tab.click_to("a[data-nav='entities']", "entities")
    total = api(tab, "/entities?limit=1")["total"]
    assert text(tab, "h1") == f"Entities ({total})"
    seen = tab.page.locator("table.entity-list tr").count() - 1
    while tab.page.locator("p.pager a[rel='next']").count():
        tab.click_to("p.pager a[rel='next']", "entities")
        seen += tab.page.locator("table.entity-list tr").count() - 1
    assert seen == total > 100


def submit_to(tab: tour.Tab, form: str, name: str) -> None:
    """Submit a page's filter form (Enter in its field) and wait for the page it leads to."""
    tab.page.evaluate("delete document.body.dataset.ready")
    tab.page.locator(form).press("Enter")
    tab.ready(name)


def test_entity_list_filters_by_part_of_a_name_or_alias_and_type(tab: tour.Tab) -> None:
    """An analyst looks a name up among hundreds of entities: the words narrow the list to the
    entities whose name or an alias holds them (the API's `q`), with the type, in the URL."""
    tab.go("entities", "entities")
    tab.page.fill("#entity-filter", "soleimani")
    submit_to(tab, "#entity-filter", "entities")
    wanted = api(tab, "/entities?q=soleimani&limit=500")
    assert 0 < wanted["total"] < api(tab, "/entities?limit=1")["total"]
    names = tab.page.locator("table.entity-list td:first-child a").all_text_contents()
    assert names == [e["name"] for e in wanted["items"]]
    assert text(tab, "h1") == f"Entities ({wanted['total']})"
    tab.page.evaluate("delete document.body.dataset.ready")
    tab.page.select_option("select[name='type']", "person")
    tab.ready("entities")
    assert "q=soleimani" in tab.page.url and "type=person" in tab.page.url
    people = api(tab, "/entities?q=soleimani&type=person")["total"]
    assert people > 0 and text(tab, "h1") == f"Entities ({people})"
    tab.go("entities?q=no%20such%20name%20anywhere", "entities")
    assert "No entity has a name or alias holding “no such name anywhere”" in text(tab, "main")


def test_an_entity_found_under_an_alias_says_which(tab: tour.Tab) -> None:
    """A name search that finds an entity by an alias its name does not hold (a transliteration,
    a former name) says which, in the entity list and among the search's matching entities: a
    row named otherwise than what was typed, without a word why, read as a wrong hit."""
    dossier = api(tab, f"/entities?q={tour.PERSON}")["items"][0]
    aliases = [a["alias"] for a in api(tab, f"/entities/{dossier['id']}")["aliases"]]
    alias = next(a for a in aliases if a.casefold() not in dossier["name"].casefold())
    wanted = api(tab, f"/entities?q={alias}")["items"]
    found = next(e for e in wanted if e["id"] == dossier["id"])
    assert found["matched_alias"] and alias.casefold() in found["matched_alias"].casefold()
    tab.go(f"entities?q={alias}", "entities")
    row = tab.page.locator("table.entity-list tr").filter(has_text=dossier["name"]).first
    assert f"as “{found['matched_alias']}”" in (row.text_content() or "")
    tab.go(f"search?q={alias}", "search")
    chip = tab.page.locator("ul.chips li").filter(has_text=dossier["name"]).first
    assert f"as “{found['matched_alias']}”" in (chip.text_content() or "")
    # a row whose name holds the words says nothing more
    tab.go(f"entities?q={dossier['name']}", "entities")
    assert tab.page.locator("table.entity-list .found-as").count() == 0


def test_a_month_and_a_governorate_stay_when_the_filter_form_is_used(tab: tour.Tab) -> None:
    """An analyst narrows the explorer to a governorate (its facet; the form has no field for
    it) and a month written as a month (2015-09, as the API takes it), then submits the form: the
    governorate and the month stay (the form used to drop the governorate, and its date pickers
    could not hold a month, so they showed empty and the submit dropped the period too). The
    view names the filter as the page does ("governorate", not the API's `admin1`). The search's
    and the timeline's period fields show a partial date too."""
    everything = api(tab, "/explore/events?limit=500")
    governorate = everything["facets"]["admin1"][0]["value"]
    rows = api(tab, f"/explore/events?admin1={governorate}&limit=500")["items"]
    month = next(e["time_start"][:7] for e in rows if e["time_start"])
    view = f"admin1={governorate}&since={month}&until={month}"
    wanted = api(tab, f"/explore/events?{view}&limit=500")
    assert 0 < wanted["total"] < everything["total"]
    tab.go(f"events?{view}", "events")
    submit_to(tab, ".explorer-form input[name=words]", "events")
    for kept in (f"admin1={governorate}", f"since={month}", f"until={month}"):
        assert kept in tab.page.url.replace("%20", " "), (kept, tab.page.url)
    assert text(tab, "h1") == f"Events ({wanted['total']})"
    assert tab.page.input_value(".explorer-form input[name=since]") == month
    says = text(tab, "#view-says")
    assert f"governorate {governorate}" in says and f"from {month}" in says and "admin1" not in says
    csv_link = tab.page.locator("p.exports a", has_text="CSV (ACLED columns)").get_attribute("href")
    assert csv_link and f"since={month}" in csv_link and "admin1=" in csv_link
    for route, form in (
        ("timeline", "form.period-form"),
        (f"search?q={tour.SEARCH_TERM}&", "#search-period"),
    ):
        tab.go(f"{route}{'' if route.endswith('&') else '?'}since={month}", route.split("?")[0])
        assert tab.page.input_value(f"{form} input[name=since]") == month
        tab.page.fill(f"{form} input[name=until]", month)
        submit_to(tab, f"{form} input[name=until]", route.split("?")[0])
        assert f"since={month}" in tab.page.url and f"until={month}" in tab.page.url


def test_a_bar_of_the_trend_opens_its_events_and_a_weeks_view_shows_days(tab: tour.Tab) -> None:
    """The trend's bins follow the span shown (the API's `trend`): the whole demo as weeks or
    months, a week's view as its seven days (it drew the three weeks its events overlap). Each
    bar links to its period, kept within the view's own, and the list's total is the bar's
    count, since an event counts in each bar its dates overlap, as the date filter keeps it.
    Checked on the busiest bar of every event and of a view that starts mid-week."""
    whole = api(tab, "/explore/events?limit=1")["trend"]
    assert whole["bin"] in ("week", "month")
    busiest = max(whole["bars"], key=lambda b: b["count"])
    middle = (date.fromisoformat(busiest["start"]) + timedelta(days=3)).isoformat()
    sunday = (date.fromisoformat(middle) + timedelta(days=6)).isoformat()
    for view in ("", f"since={middle}", f"since={middle}&until={sunday}"):
        tab.go(f"events?{view}", "events")
        trend = api(tab, f"/explore/events?{view}")["trend"]
        box = tab.page.locator(".trend-box")
        assert box.get_attribute("data-bin") == trend["bin"], view
        bars = tab.page.locator("svg.trend a.trend-link")
        counts = {
            (b.get_attribute("data-start"), b.get_attribute("data-end")): b.get_attribute(
                "data-count"
            )
            for b in bars.all()
        }
        wanted = {(b["start"], b["end"]): str(b["count"]) for b in trend["bars"] if b["count"]}
        assert counts == wanted, view
        if view.endswith(sunday):  # a week: seven days, each named by its day
            assert trend["bin"] == "day" and box.get_attribute("data-bars") == "7"
            assert "Events per day" in text(tab, ".explorer-main")
        start, end = max(counts, key=lambda k: int(counts[k] or 0))
        assert start and end
        tab.click_to(f"svg.trend a.trend-link[data-start='{start}']", "events")
        assert f"since={start}" in tab.page.url and f"until={end}" in tab.page.url, view
        assert text(tab, "h1") == f"Events ({counts[(start, end)]})", (view, start)


def test_an_explorer_row_says_how_precise_its_date_is_and_what_its_counts_mean(
    tab: tour.Tab,
) -> None:
    """The row's date is the event's first day; an event known to a month or a range said
    nothing more (its summary's span is left out of the row), so a month's event read as a day.
    Each row whose date is not a day names its precision under it, with the span in the title;
    the origins column says what its "2/3" counts."""
    rows = {
        e["id"]: e
        for e in api(tab, "/explore/events?sort=time&order=asc&limit=500")["items"]
        if e["time_start"]
    }
    assert {e["time_precision"] for e in rows.values()} >= {"day", "month"}
    tab.go("events?sort=time&order=asc", "events")
    shown = one_report = 0
    while True:
        for tr in tab.page.locator("table.explorer tr[data-event]").all():
            event = rows.get(tr.get_attribute("data-event") or "")
            if event is None:
                continue
            date = tr.locator("td.date")
            precision = date.locator(".date-precision")
            if event["time_precision"] == "day":
                assert precision.count() == 0
            else:
                assert precision.text_content() == event["time_precision"]
            assert f"({event['time_precision']})" in (date.get_attribute("title") or "")
            origins = tr.locator("td.num").last
            counts = origins.get_attribute("title") or ""
            assert counts.startswith(f"{event['n_origins']} independent origin")
            claims = f"among {event['n_claims']} claim" + "s" * (event["n_claims"] != 1)
            assert counts.endswith(f"{claims}; {event['status']}: {event['status_reason']}")
            # several origins, yet single-source: all quoted in one report, which it says
            in_one = event["status"] == "single-source" and event["n_origins"] > 1
            assert origins.locator(".one-report").count() == int(in_one)
            if in_one:
                assert "all in one report" in event["status_reason"]
                one_report += 1
            # the outlets cell names the first report and the documents, as the CSV cites them
            sources = tr.locator("td").last.get_attribute("title") or ""
            first = event["first_report"]
            assert not first or sources.startswith(
                f"first reported in “{first['title'] or first['document_id']}”"
            )
            assert sources.endswith(
                f"{event['n_documents']} document" + "s" * (event["n_documents"] != 1)
            )
            shown += 1
        if not tab.page.locator("p.pager a[rel='next']").count():
            break
        tab.click_to("p.pager a[rel='next']", "events")
    assert shown == len(rows)
    assert one_report >= 1  # the demo has such events (a wire's report quoting two sources)
    assert "independent origins" in (
        tab.page.locator("th a[data-sort='origins']").locator("..").get_attribute("title") or ""
    )


def test_hostile_markup_is_displayed_inert(tab: tour.Tab) -> None:
    """demo/pages/hostile-markup.html: <script>, <img onerror>, javascript: links, and the same
    markup written out as text in the story and the comments."""
    tour.open_document(tab, tour.HOSTILE_TITLE)
    body = text(tab, "#doctext")
    assert "<script>alert('xss')</script>" in body and 'onerror="alert(1)"' in body
    comments = text(tab, "#comments")
    assert "<b>admin</b>" in comments and "<script>alert('comment')</script>" in comments
    active = "script, img, svg, iframe, b, a[href^='javascript:' i]"
    assert tab.page.locator(f"#doctext :is({active}), #comments :is({active})").count() == 0
    assert tab.page.locator("a[href^='javascript:' i]").count() == 0
    tab.shot("08-hostile-markup")  # no alert() ran: the tab fixture fails on any dialog


def _explorer_ids(tab: tour.Tab) -> list[str]:
    return [
        r.get_attribute("data-event") or ""
        for r in tab.page.locator("table.explorer tr[data-event]").all()
    ]


def _export_view_ids(tab: tour.Tab) -> list[str]:
    """Click "export this view" (CSV) and read the event ids of the downloaded file."""
    with tab.page.expect_download() as download:
        tab.page.click("a.export[data-format='csv']")
    path = download.value.path()
    with open(path, encoding="utf-8", newline="") as handle:
        return [row["sitrep_event_id"] for row in csv.DictReader(handle)]


def test_events_explorer_filters_sorts_pages_and_exports_the_view(tab: tour.Tab) -> None:
    tab.go("search", "search")
    tour.explorer(tab)
    everything = api(tab, "/events?limit=500")
    assert text(tab, "h1") == f"Events ({everything['total']})"
    assert len(_explorer_ids(tab)) == min(25, everything["total"])
    assert tab.page.locator("svg.trend rect.trend-bar").count() >= 5
    assert "without a date" in text(tab, "#view-says")
    # at 1,280 px the whole filter is one line, its button included (the words field pushed
    # the button onto a second one)
    form = tab.page.locator("form.explorer-form")
    first, button = (
        form.locator("label").first.bounding_box(),
        form.locator("button").bounding_box(),
    )
    assert first and button and abs(first["y"] - button["y"]) < first["height"] / 2
    # the trend's axis: labels of one small size that never overlap
    ticks = tab.page.locator(".trend-axis .trend-tick")
    boxes = [t.bounding_box() or {} for t in ticks.all()]
    assert len(boxes) >= 2
    assert all(a["x"] + a["width"] <= b["x"] for a, b in itertools.pairwise(boxes))
    assert set(ticks.evaluate_all("ts => ts.map(t => getComputedStyle(t).fontSize)")) == {"12px"}
    # an event's text leaves out the type, mode and dates its own row shows; the title has all
    page = api(tab, "/explore/events?limit=25")["items"]
    assert any(e["summary"].startswith(e["type"]) for e in page)  # what there is to leave out
    for e, cell in zip(
        page, tab.page.locator("table.explorer td.event > a:first-child").all(), strict=True
    ):
        shown = cell.inner_text()
        assert cell.get_attribute("title") == e["summary"]
        assert not shown.startswith((f"{e['type']}/", f"{e['type']}:")), shown
        assert not e["time_start"] or f"({e['time_start']}.." not in shown, shown

    # a facet: corroborated events only; the URL holds the filter; the export holds its rows
    tab.click_to(".facet[data-facet='status'] a[data-value='corroborated']", "events")
    assert "status=corroborated" in tab.page.url
    listed = api(tab, "/events?status=corroborated&limit=500")
    assert text(tab, "h1") == f"Events ({listed['total']})"
    assert {b.text_content() for b in tab.page.locator("table.explorer .badge").all()} == {
        "corroborated"
    }
    exported = _export_view_ids(tab)
    assert sorted(exported) == sorted(e["id"] for e in listed["items"])

    # an actor by another spelling, then sorted by date, newest first
    tour.explorer(tab, actor="Suleimani")
    assert tour.PERSON in text(tab, "p.matched")
    view = api(tab, "/explore/events?actor=Suleimani&limit=500")
    # (the events he did: those he was killed in are his as a target, `target=`)
    assert view["total"] >= 2 and len(_explorer_ids(tab)) == min(25, view["total"])
    assert sorted(_export_view_ids(tab)) == sorted(e["id"] for e in view["items"])
    # every format from the page; the JSON lines download holds the same events
    formats = {a.get_attribute("data-format") for a in tab.page.locator("a.export").all()}
    assert formats == {"csv", "acled", "geojson", "jsonl", "gexf", "graphml"}
    with tab.page.expect_download() as download:
        tab.page.click("a.export[data-format='jsonl']")
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    events = [r["id"] for r in map(json.loads, lines) if r["kind"] == "event"]
    assert sorted(events) == sorted(e["id"] for e in view["items"])
    with tab.page.expect_download() as download:
        tab.page.click("a.export[data-format='gexf']")
    assert b"<gexf" in Path(download.value.path()).read_bytes()[:300]
    tab.click_to("th a[data-sort='fatalities']", "events")
    assert "sort=fatalities&order=asc" in tab.page.url
    tab.click_to("th a[data-sort='time']", "events")  # oldest first: it was sorted by date
    tab.click_to("th a[data-sort='time']", "events")  # a second click: newest first
    assert "order=desc" in tab.page.url and "actor=Suleimani" in tab.page.url
    # the first day (a cell adds its precision under it: "2020-01-01" then "range" or "month",
    # whose order among events of the same first day the sort does not set)
    cells = tab.page.locator("table.explorer td.date").all()
    dates = [(d.text_content() or "")[:10] for d in cells]
    dated = [d for d in dates if d != "undated"]
    assert dated == sorted(dated, reverse=True) and dates[: len(dated)] == dated
    tab.shot("09-explorer")


def test_the_explorer_filters_by_words_and_the_view_keeps_them(tab: tour.Tab) -> None:
    everything = api(tab, "/explore/events?limit=500")["items"]
    # a word some summaries hold and others not, typed in another case
    counts: dict[str, int] = {}
    for e in everything:
        for w in {w.strip(".,'\"").casefold() for w in (e["summary"] or "").split()}:
            counts[w] = counts.get(w, 0) + (len(w) >= 6 and w.isalpha())
    word = max((w for w, n in counts.items() if 1 < n < len(everything) // 2), key=counts.get)
    tab.go("search", "search")
    tour.explorer(tab)
    tab.page.fill(".explorer-form input[name=words]", word.upper())
    tab.click_to(".explorer-form button[type=submit]", "events")
    assert f"words={word.upper()}" in tab.page.url
    view = api(tab, f"/explore/events?words={word}&limit=500")
    assert 1 < view["total"] < len(everything)
    assert text(tab, "h1") == f"Events ({view['total']})"
    assert f"words {word.upper()}" in text(tab, "#view-says")
    assert sorted(_export_view_ids(tab)) == sorted(e["id"] for e in view["items"])
    # the map and the timeline of the view keep the words
    assert f"words={word.upper()}" in (
        tab.page.locator("p.exports a[href^='#/timeline']").get_attribute("href") or ""
    )


def test_story_of_an_incident_from_the_explorer(tab: tour.Tab) -> None:
    tab.go("events?status=contested", "events")
    tab.click_to("table.explorer a.story-link", "story")
    event = api(tab, f"/events/{tab.page.url.rsplit('/', 1)[-1]}")
    reports = {(c["document_id"], c["stance"]) for c in event["claims"]}
    assert tab.page.locator("ol.reports > li").count() == len(reports) >= 2
    dates = [
        li.locator(".date").text_content() or "" for li in tab.page.locator("ol.reports > li").all()
    ]
    assert dates == sorted(dates)  # in the order they were published
    first = tab.page.locator("ol.reports > li").first
    assert "first report" in (first.text_content() or "")
    assert "last report" in (tab.page.locator("ol.reports > li").last.text_content() or "")
    assert text(tab, "#status-reason") == event["status_reason"]
    stances = {b.text_content() for b in tab.page.locator("table.sources .badge").all()}
    assert {"denies"} <= stances and stances & {"asserts", "reports"}
    tab.shot("14-story", max_height=1200)


def test_api_docs_page_and_csp(tab: tour.Tab) -> None:
    response = tab.page.goto(f"{tab.base}/api/docs")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    tab.ready("apidocs")
    assert tab.page.locator("section.endpoint").count() >= 15


def test_screenshot_tour_names_match_the_docs() -> None:
    """scripts/screenshots writes exactly the files docs/workbench.md shows."""
    import web_screenshots

    doc = (tour.REPO / "docs" / "workbench.md").read_text()
    for name in web_screenshots.SHOTS:
        assert f"screenshots/{name}.png" in doc
        assert (tour.REPO / "docs" / "screenshots" / f"{name}.png").is_file()


def test_an_explorer_rows_who_names_the_doers_first_and_the_others_by_role(
    tab: tour.Tab,
) -> None:
    """ "Who did it" read off the explorer: a row listed its participants as stored under
    "actors", the killed before the force that killed them. Now those acting come first, plain;
    the others follow under their role, named once for those in it that follow each other
    ("target: …, …")."""
    rows = api(tab, "/explore/events?sort=time&order=asc&limit=25")["items"]
    mixed = [e for e in rows if {a["acting"] for a in e["actors"][:4]} == {True, False}]
    assert mixed, "the demo's first page has an event with a doer and a target"
    tab.go("events?sort=time&order=asc", "events")
    assert "who" in [
        (th.text_content() or "").strip() for th in tab.page.locator("table.explorer th").all()
    ]
    for event in mixed:
        cell = tab.page.locator(f"tr[data-event='{event['id']}'] td.who")
        parts = cell.locator(":scope > span[data-role]")
        shown = event["actors"][:4]
        assert parts.count() == len(shown)
        acting = [a["acting"] for a in shown]
        assert acting == sorted(acting, reverse=True)  # the doers first
        for i, a in enumerate(shown):
            said = parts.nth(i).text_content() or ""
            opens = i == 0 or a["role"] != shown[i - 1]["role"]
            if a["acting"] or not opens:
                assert said == a["name"]
            else:
                assert said == f"{a['role']}: {a['name']}"
        assert "; " in (cell.text_content() or "")  # between the doers and the others


def test_the_actor_facet_counts_the_doers_and_the_target_facet_the_other_side(
    tab: tour.Tab,
) -> None:
    """ "Actor" counted every participant, so a group struck in an attack was counted as one of
    its actors. Now each facet says what it counts, a name clicked under "Actor (who did it)"
    keeps the events it did, and one under "Target or other side" those done to it; the
    dossier's link lists every event it takes part in, with links to each side."""
    tab.go("events", "events")
    facets = api(tab, "/explore/events?limit=1")["facets"]
    assert facets["actor"] and facets["target"]
    for key, heading in (("actor", "Actor (who did it)"), ("target", "Target or other side")):
        box = tab.page.locator(f".facet[data-facet='{key}']")
        assert box.locator("h3").text_content() == heading
        assert box.locator("summary").get_attribute("title")
    doers = {f["value"] for f in facets["actor"]}
    both = next((f for f in facets["target"] if f["value"] in doers), facets["target"][0])
    tab.click_to(f".facet[data-facet='target'] a[data-value='{both['value']}']", "events")
    assert f"target={both['value']}" in tab.page.url
    assert text(tab, "h1") == f"Events ({both['count']})"
    assert "done to" in text(tab, "#view-says")
    for e in api(tab, f"/explore/events?target={both['value']}&limit=500")["items"]:
        assert any(a["entity_id"] == both["value"] and not a["acting"] for a in e["actors"])
    tab.go(f"entity/{both['value']}", "entity")
    tab.click_to("a.as-actor", "events")
    assert f"actor={both['value']}" in tab.page.url


def test_the_event_page_says_how_its_date_was_worked_out(tab: tour.Tab) -> None:
    """The event row kept no method, so a date counted from a weekday and the days up to a
    report the text did not date read alike. Each dated event of the demo says how (the kind
    and its words under "When"), the explorer's date cell says so in its title, and an event
    the text does not date says "by its report" under its date."""
    rows = api(tab, "/explore/events?sort=time&order=asc&limit=500")["items"]
    dated = [e for e in rows if e["time_start"]]
    assert dated and all(e["dating"] for e in dated)
    kinds = {e["dating"]["kind"] for e in dated}
    assert "report" in kinds and len(kinds) >= 2, kinds
    for kind in sorted(kinds):
        event = next(e for e in dated if e["dating"]["kind"] == kind)
        tab.go(f"event/{event['id']}", "event")
        says = tab.page.locator("dd .dating")
        assert says.get_attribute("data-dating") == kind
        assert event["dating"]["words"] in says.inner_text()
    # the "Dated by" facet: a click keeps the events dated so (here: by their reports)
    tab.go("events", "events")
    facet = {
        f["value"]: f["count"] for f in api(tab, "/explore/events?limit=1")["facets"]["dating"]
    }
    assert facet["report"] == sum(e["dating"]["kind"] == "report" for e in dated)
    tab.click_to(".facet[data-facet='dating'] a[data-value='report']", "events")
    assert "dating=report" in tab.page.url and text(tab, "h1") == f"Events ({facet['report']})"
    tab.go("events?sort=time&order=asc", "events")
    for tr in tab.page.locator("table.explorer tr[data-event]").all():
        event = next(e for e in rows if e["id"] == tr.get_attribute("data-event"))
        cell = tr.locator("td.date")
        if event["dating"]:
            assert f"dated: {event['dating']['words']}" in (cell.get_attribute("title") or "")
        by_report = (event["dating"] or {}).get("kind") == "report"
        assert cell.locator(".date-method").count() == int(by_report)


def test_a_weeks_timeline_spans_the_week_labelled_by_day(tab: tour.Tab) -> None:
    """The timeline's axis spans the view's from/to: a week's view drew its events in an
    eighth of the width, the axis padded to two months and labelled by month. Now its seven
    days are labelled ("Mon 09-19") and every dot lies on the axis."""
    rows = api(tab, "/explore/events?limit=500")["items"]
    day = next(e["time_start"] for e in rows if e["time_precision"] == "day")
    monday = date.fromisoformat(day)
    monday -= timedelta(days=monday.weekday())
    sunday = monday + timedelta(days=6)
    tab.go(f"timeline?since={monday}&until={sunday}", "timeline")
    ticks = [t.text_content() or "" for t in tab.page.locator("svg.timeline text.tick").all()]
    assert ticks == [
        f"{(monday + timedelta(days=i)).strftime('%a')} {(monday + timedelta(days=i)):%m-%d}"
        for i in range(7)
    ]
    xs = [float(c.get_attribute("cx") or 0) for c in tab.page.locator("circle.tl-event").all()]
    assert xs and all(120 <= x <= 980 for x in xs)
    # spread over the week, not bunched in an eighth of the width (a week of events)
    assert max(xs) - min(xs) > 100 or len(set(xs)) == 1


def test_the_relations_page_filters_opens_evidence_and_follows_it_to_the_sentence(
    tab: tour.Tab,
) -> None:
    """The Relations page (issue 31d): every relation on it, a filter chosen in its form kept in
    the URL and matching the API's, counts by type that are their click's total, a row's
    evidence opened from the keyboard and followed to its sentence, the export of the view."""
    tab.go("search", "search")
    tab.click_to("a[data-nav='relations']", "relations")
    rows = tab.page.locator("table.relations-list tbody tr[data-relation]")
    everything = api(tab, "/relations")
    assert rows.count() == everything["total"] >= 50
    assert (
        int(tab.page.locator("#relations-total").get_attribute("data-total") or 0) == rows.count()
    )
    # the form: a family and learned only, submitted; the URL holds the view
    tab.page.check(".relation-filters input[name='family'][value='command']")
    tab.page.check(".relation-filters input[name='origin'][value='learned']")
    tab.click_to(".relation-filters button[type='submit']", "relations")
    assert "family=command" in tab.page.url and "origin=learned" in tab.page.url
    listed = api(tab, "/relations?family=command&origin=learned")
    assert 0 < listed["total"] < everything["total"]
    assert rows.count() == listed["total"]
    types = {rows.nth(i).get_attribute("data-type") for i in range(rows.count())}
    assert types <= {"commands", "holds-position"}
    # a count by type opens that type alone, as many rows as it says
    count_link = tab.page.locator(".relation-counts a[data-type='present-in']")
    said = int((count_link.locator("xpath=..").inner_text()).split()[-1])
    tab.click_to(".relation-counts a[data-type='present-in']", "relations")
    assert rows.count() == said >= 1 and "type=present-in" in tab.page.url
    # an entity typed in the form, at either end
    tab.go("relations", "relations")
    tab.page.fill(".relation-filters input[name='entity']", "Soleimani")
    tab.click_to(".relation-filters button[type='submit']", "relations")
    theirs = api(tab, "/relations?entity=Soleimani")
    assert rows.count() == theirs["total"] >= 1 and theirs["matched"]
    assert "Qassem Soleimani" in text(tab, "#relations-matched")
    # a dossier's "its relations" opens the list narrowed to that entity
    person = next(m["id"] for m in theirs["matched"] if m["name"] == tour.PERSON)
    tab.go(f"entity/{person}", "entity")
    tab.click_to("p.actions a.relations-link", "relations")
    assert rows.count() == api(tab, f"/relations?entity={person}")["total"] >= 1
    # a learned relation's evidence from the keyboard, then its sentence
    rel = tour.learned_relation(tab)
    tour.relations_list(tab, rel["id"])
    panel = tab.page.locator(f"#relation-detail .relation-evidence[data-relation='{rel['id']}']")
    said_by = [c for c in rel["claims"] if c["source"] == "report"]
    assert panel.locator("li.claim.report").count() == len(said_by)
    detail_row = tab.page.locator("tr.relation-detail-row")
    assert (
        detail_row.locator("xpath=preceding-sibling::tr[1]").get_attribute("data-relation")
        == rel["id"]
    )
    tab.shot("15-relations", max_height=1300)
    tab.click_to("#relation-detail li.claim a.span-link", "doc")
    first = said_by[0]
    page_text = api(tab, f"/documents/{first['document_id']}")["text"]
    assert _focused(tab) == page_text[first["start"] : first["end"]]
    # the export links give exactly the listed relations
    tab.go("relations?family=command&origin=learned", "relations")
    for fmt in ("csv", "jsonl"):
        href = tab.page.locator(f"a.export[data-format='{fmt}']").get_attribute("href") or ""
        body = tab.page.request.get(f"{tab.base}{href}").text()
        if fmt == "csv":
            ids = [r["id"] for r in csv.DictReader(body.splitlines())]
        else:
            ids = [json.loads(line)["id"] for line in body.splitlines()]
        assert ids == [r["id"] for r in listed["relations"]]


def test_the_network_lists_its_typed_relations_for_the_keyboard(tab: tour.Tab) -> None:
    """Every typed relation the canvas draws is in a list under it, whose buttons open the same
    evidence as a click on the edge (a canvas edge is reached by a pointer only)."""
    tour.network(tab, "network?links=relations&min_weight=1")
    tab.page.wait_for_selector("#cy[data-links='relations'][data-rendered]")
    drawn = {rid for rid, *_ in tab.page.evaluate(_EDGES)}
    listed = tab.page.locator(".drawn-relations button.show-relation")
    assert {listed.nth(i).get_attribute("data-relation") for i in range(listed.count())} == drawn
    rel = tour.learned_relation(tab)
    tab.page.locator(".drawn-relations summary").focus()
    tab.page.keyboard.press("Enter")  # opens the list
    button = tab.page.locator(f".drawn-relations button.show-relation[data-relation='{rel['id']}']")
    button.focus()
    tab.page.keyboard.press("Enter")
    panel = tab.page.locator(f"#edge-detail .relation-evidence[data-relation='{rel['id']}']")
    panel.wait_for()
    assert panel.locator("li.claim.report").count() >= 1
    assert tab.page.locator("#network-relations-page").get_attribute("href") == "#/relations"
