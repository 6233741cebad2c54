"""The workbench tour over the demo corpus, written once for two users: the browser tests
(tests/test_web_browser.py assert on each step) and scripts/screenshots (tests/web_screenshots.py
saves each step as docs/screenshots/*.png).

Ingest the demo corpus into a SQLite store, `sitrep serve` it on a free loopback port, drive
Debian's Chromium with Playwright. Each step navigates the way an analyst would (type, click)
and waits for the page's `body[data-ready=<page>]` and, for the canvases, the `data-rendered`
attribute the page sets once drawn."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import ConsoleMessage, Dialog, Page, Response, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sitrep.pipeline import Ingest, IngestSummary
from sitrep.settings import Settings
from sitrep.store import Store

REPO = Path(__file__).resolve().parents[1]
# The folders scripts/demo ingests (demo/README.md: not demo/ as a whole).
DEMO_INPUTS = [REPO / "demo" / name for name in ("pages", "feed", "crawl", "wire", "bad")]
CHROMIUM = Path(os.environ.get("SITREP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
WAIT_MS = 15000

# What the tour looks for in the demo corpus (demo/README.md describes each page).
SEARCH_TERM = "Soleimani"
DOCUMENT_TITLE = "Iran's Quds Force commander made secret trip to Moscow"
PERSON = "Qassem Soleimani"
CONTESTED = ("Soleimani", "Moscow")  # the July 2015 visit (demo/README.md)
HOSTILE_TITLE = "Israel says it struck Quds Force 'killer drone' team"


def ingest_demo(db: Path) -> IngestSummary:
    """The demo corpus through the real pipeline (NLP, resolution, corroboration)."""
    # relative to the repo when run from it, as scripts/demo does: documents show that origin
    here = Path.cwd().resolve() == REPO
    specs = [str(p.relative_to(REPO)) if here else str(p) for p in DEMO_INPUTS]
    store = Store(str(db))
    try:
        return Ingest(store, Settings()).run(specs)
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def served(db: Path) -> Iterator[str]:
    """`sitrep serve --db DB` on a free loopback port, as a user starts it; yields the base URL."""
    server, base = _start_server(db)
    try:
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


_PORT_TRIES = 3


def _start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    """The server and its base URL. The port is free when `free_port` releases it, but another
    process may take it before the server binds it; that start is tried again on a new port."""
    command = [sys.executable, "-c", "from sitrep.cli.app import main; main()"]
    env = {k: v for k, v in os.environ.items() if k != "SITREP_API_TOKENS"}
    for attempt in range(_PORT_TRIES):
        port = free_port()
        args = [*command, "serve", "--port", str(port), "--db", str(db)]
        server = subprocess.Popen(args, env=env, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(server, base)
            return server, base
        except PortTaken:
            if attempt == _PORT_TRIES - 1:
                raise
    raise AssertionError("unreachable")


class PortTaken(RuntimeError):
    """The server exited because its port was taken meanwhile."""


def _wait_until_up(server: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(f"{base}/api/session", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    errors = server.stderr.read().decode(errors="replace") if server.stderr else ""
    if "address already in use" in errors.lower():
        raise PortTaken(errors[-500:])
    raise RuntimeError(f"sitrep serve did not start: {errors[-2000:]}")


@dataclass
class Tab:
    """A browser tab that records what should never happen: script errors, failed requests,
    dialogs (an `alert` from page text would be one)."""

    page: Page
    base: str
    shots: Path
    problems: list[str] = field(default_factory=list)

    def watch(self) -> None:
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("console", self._console)
        self.page.on("response", self._response)
        self.page.on("dialog", self._dialog)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text}")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"{response.status} {response.url}")

    def _dialog(self, dialog: Dialog) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def ready(self, name: str) -> None:
        self.page.wait_for_selector(f"body[data-ready='{name}']", timeout=WAIT_MS)

    def go(self, route: str, name: str) -> None:
        """Open `route` and wait for its page. The ready mark is cleared first: going from one
        search to another only changes the hash, and the old page's mark would answer at once
        while the new one still says "Loading…". The same address again reloads (no hash
        change, so the page would not render again)."""
        before = self.page.evaluate("location.href")
        self.page.evaluate("delete document.body.dataset.ready")
        self.page.goto(f"{self.base}/#/{route}")
        if self.page.evaluate("location.href") == before:
            self.page.reload()
        self.ready(name)

    def click_to(self, selector: str, name: str) -> None:
        """Click a link to another page and wait for that page (not the one we were on)."""
        self.page.evaluate("delete document.body.dataset.ready")
        self.page.locator(selector).first.click()
        self.ready(name)

    def shot(self, name: str, max_height: int | None = None) -> Path:
        """The whole page, or its top `max_height` pixels where it is longer than that."""
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / f"{name}.png"
        height = int(self.page.evaluate("document.documentElement.scrollHeight"))
        if max_height is not None and height > max_height:
            clip = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": max_height}
            self.page.screenshot(path=str(path), full_page=True, clip=clip)  # type: ignore[arg-type]
        else:
            self.page.screenshot(path=str(path), full_page=True)
        return path


@contextmanager
def browser_tab(base: str, shots: Path) -> Iterator[Tab]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
            context.set_default_timeout(WAIT_MS)
            tab = Tab(context.new_page(), base, shots)
            tab.watch()
            yield tab
        finally:
            browser.close()


# -- the tour, one step per page -------------------------------------------------------------


def search(tab: Tab, term: str = SEARCH_TERM) -> None:
    """Type a query into the search box and submit it, as a user does."""
    tab.go("search", "search")
    tab.page.fill("#search-input", term)
    tab.page.evaluate("delete document.body.dataset.ready")
    tab.page.press("#search-input", "Enter")
    tab.ready("search")
    tab.page.wait_for_selector("ol.results mark", timeout=WAIT_MS)


def open_result(tab: Tab, title: str = DOCUMENT_TITLE) -> None:
    tab.click_to(f"ol.results a:has-text({quoted(title)})", "doc")


def open_document(tab: Tab, title: str) -> None:
    """Any document by title, from the list of all documents (search with no query)."""
    tab.go("search?offset=0", "search")
    selector = f"ol.results a:has-text({quoted(title)})"
    while not tab.page.locator(selector).count() and tab.page.locator("a:text('next →')").count():
        tab.click_to("a:text('next →')", "search")
    tab.click_to(selector, "doc")


def follow_mention(tab: Tab, entity: str = PERSON) -> None:
    """Click the first mention in the document text that resolves to this entity."""
    tab.click_to(f"#doctext a.mention[title$={quoted(f'→ {entity}')}]", "entity")


def entity_map(tab: Tab) -> None:
    """From a dossier: 'its events on the map'."""
    tab.click_to("p.actions a:text('its events on the map')", "map")
    tab.page.wait_for_selector("#map[data-rendered]", timeout=WAIT_MS)


def full_map(tab: Tab) -> None:
    tab.click_to("a[data-nav='map']", "map")
    tab.page.wait_for_selector("#map[data-rendered][data-labels]", timeout=WAIT_MS)


def map_governorates(tab: Tab, centre: tuple[float, float] = (34.8, 38.6), zoom: int = 7) -> None:
    """The map zoomed onto Syria: its governorates' outlines and names, the areas of the
    events known only to a governorate or to the country."""
    tab.page.evaluate(
        "([lat, lon, zoom]) => document.querySelector('#map').leafletMap"
        ".setView([lat, lon], zoom, { animate: false })",
        [*centre, zoom],
    )
    tab.page.wait_for_selector("#map[data-admin1-labels='shown'] .admin1-label", timeout=WAIT_MS)
    tab.page.wait_for_timeout(300)  # the town labels of the new view


def contested_event(tab: Tab, words: tuple[str, ...] = CONTESTED) -> None:
    """Contested claims in the nav bar, then the contested event whose summary has these words
    (the summary's wording is the corroboration stage's, so only its key words are relied on)."""
    tab.click_to("a[data-nav='claims']", "claims")
    heads = tab.page.locator("main h3").filter(has=tab.page.locator(".badge.status-contested"))
    for word in words:
        heads = heads.filter(has_text=word)
    tab.page.evaluate("delete document.body.dataset.ready")
    heads.first.locator("a").click()
    tab.ready("event")


def network(tab: Tab, route: str = "network") -> None:
    tab.go(route, "network")
    tab.page.wait_for_selector("#cy[data-rendered]", timeout=WAIT_MS)


# Where relation `id`'s edge is on screen: the view zoomed onto it, and a point of the curve that
# cytoscape's own hit test gives to this edge (its midpoint may lie under a node or another edge,
# and a click there opens that node's dossier instead).
_AIM = """(id) => { const cy = document.querySelector('#cy').cy;
  const e = cy.getElementById('rel:' + id); cy.fit(e, 80);
  const r = cy.container().getBoundingClientRect(); const pan = cy.pan(), zoom = cy.zoom();
  const a = e.renderedSourceEndpoint(), b = e.renderedTargetEndpoint(), m = e.renderedMidpoint();
  const c = { x: 2 * m.x - (a.x + b.x) / 2, y: 2 * m.y - (a.y + b.y) / 2 };
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75]) {
    const u = 1 - t;
    const x = u * u * a.x + 2 * t * u * c.x + t * t * b.x;
    const y = u * u * a.y + 2 * t * u * c.y + t * t * b.y;
    const mx = (x - pan.x) / zoom, my = (y - pan.y) / zoom;
    const hit = cy.renderer().findNearestElement(mx, my, true, false);
    if (hit && hit.id() === e.id()) return [r.left + x, r.top + y];
  }
  return [r.left + m.x, r.top + m.y]; }"""


def learned_relation(tab: Tab, kind: str = "commands") -> dict[str, Any]:
    """The first relation of `kind` a report states, with a sentence to show."""
    response = tab.page.request.get(f"{tab.base}/api/relations?learned=true&type={kind}")
    return next(
        r
        for r in response.json()["relations"]
        if any(c["source"] == "report" and c["start"] is not None for c in r["claims"])
    )


def relation_evidence(tab: Tab, relation_id: str) -> None:
    """Typed relations only; click one relation's edge (as a user does), wait for its evidence,
    then show the whole graph again with that edge selected."""
    network(tab, "network?links=relations&min_weight=1")
    tab.page.wait_for_selector("#cy[data-links='relations'][data-rendered]", timeout=WAIT_MS)
    answered = f"#edge-detail [data-relation='{relation_id}']"  # loading, evidence or error
    # A click can miss on a loaded machine: cytoscape keeps where its canvas was on the page and
    # learns of a move only from scroll and resize events, so a point aimed from a stale place
    # lands beside the edge. Each try brings the whole graph into view, tells cytoscape where it
    # is now (`resize`), aims again and clicks; three misses fail the test. A click that hit
    # answers at once ("Reading ..."); the evidence then has the whole wait (a loaded server).
    for attempt in range(3):
        tab.page.evaluate(_IN_VIEW)
        tab.page.wait_for_timeout(300)
        x, y = tab.page.evaluate(_AIM, relation_id)
        tab.page.mouse.move(x, y)
        tab.page.mouse.click(x, y)
        try:
            tab.page.wait_for_selector(answered, timeout=WAIT_MS // 3)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            if "#/network" not in tab.page.url:  # a node was hit: its dossier opened
                network(tab, "network?links=relations&min_weight=1")
    tab.page.wait_for_selector(f"{answered}.relation-evidence, {answered}.error", timeout=WAIT_MS)
    error = tab.page.locator(f"{answered}.error")
    assert error.count() == 0, error.inner_text()
    tab.page.evaluate("() => { const cy = document.querySelector('#cy').cy; cy.fit(undefined, 20);"
                      " window.scrollTo(0, 0); }")  # fmt: skip


def relations_list(tab: Tab, relation_id: str, view: str = "family=command&origin=learned") -> None:
    """The Relations page narrowed by `view`; open the row of `relation_id`'s evidence from the
    keyboard (its button focused, Enter), as a user without a pointer does."""
    tab.go(f"relations?{view}", "relations")
    button = tab.page.locator(
        f"table.relations-list button.show-relation[data-relation='{relation_id}']"
    )
    button.focus()
    tab.page.keyboard.press("Enter")
    answered = f"#relation-detail [data-relation='{relation_id}']"
    tab.page.wait_for_selector(f"{answered}.relation-evidence, {answered}.error", timeout=WAIT_MS)


_IN_VIEW = """() => { const box = document.querySelector('#cy');
  box.scrollIntoView({ block: 'center', behavior: 'instant' }); box.cy.resize(); }"""


def timeline(tab: Tab) -> None:
    tab.click_to("a[data-nav='timeline']", "timeline")
    tab.page.wait_for_selector("svg.timeline circle.tl-event", timeout=WAIT_MS)


def quoted(text: str) -> str:
    """A CSS/Playwright string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def explorer(tab: Tab, actor: str | None = None) -> None:
    """The events explorer from the nav bar; with `actor`, typed into its filter and submitted."""
    tab.click_to("a[data-nav='events']", "events")
    if actor is not None:
        tab.page.fill(".explorer-form input[name=actor]", actor)
        tab.page.evaluate("delete document.body.dataset.ready")
        tab.page.click(".explorer-form button[type=submit]")
        tab.ready("events")


def claim_sentence(tab: Tab) -> None:
    """From an event: the last claim's statement, to its highlighted sentence in the document."""
    tab.click_to("a.span-link:has(q.claim-quote) >> nth=-1", "doc")
    # a visible one: a span that begins at a paragraph break has an empty-looking first mark
    tab.page.wait_for_selector("#doctext mark.focus >> visible=true", timeout=WAIT_MS)


def ego_network(tab: Tab) -> None:
    """From a dossier: 'its network'."""
    tab.click_to("p.actions a.ego-link", "ego")
    tab.page.wait_for_selector("#cy[data-rendered]", timeout=WAIT_MS)


def story(tab: Tab) -> None:
    """The contested events in the explorer, then the first one's story."""
    tab.go("events?status=contested", "events")
    tab.click_to("table.explorer a.story-link", "story")


# A report written for the tests (no article's words): an attack told with a place, a day, a
# toll and a source, so the pipeline makes a document, an event and entities of it.
PASTED_TITLE = "Gunmen attack a checkpoint near Saraqib"
PASTED_REPORT = (
    "Gunmen attacked an army checkpoint near Saraqib on Sunday, killing three soldiers, the "
    "Syrian Observatory for Human Rights said. The attackers fled towards Idlib."
)
# Reading a report takes the server seconds (the first one loads its language pipeline).
ADD_WAIT_MS = 120_000


def add_report(tab: Tab, text: str = PASTED_REPORT, title: str = PASTED_TITLE) -> None:
    """ "Add reports" from the nav bar: paste a report with its title, outlet and date, add it
    and wait for what came of it."""
    tab.click_to("a[data-nav='add']", "add")
    form = tab.page.locator("form.add-reports")
    form.locator("textarea[name=text]").fill(text)
    form.locator("input[name=title]").fill(title)
    form.locator("input[name=outlet]").fill("Test Wire")
    form.locator("input[name=published]").fill("2031-03-04")
    form.locator("button[type=submit]").click()
    tab.page.wait_for_selector(".add-results li.intake", timeout=ADD_WAIT_MS)
