"""The workbench in a real browser: `sitrep serve` on a free loopback port, Debian's Chromium
driven by Playwright, from search to a document, a dossier, the map, network, timeline and the
claims of a contested event. Screenshots go to test-artifacts/web/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sitrep.api.app import static_dir
from test_api_store_builder import build_store

CHROMIUM = Path(os.environ.get("SITREP_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "web"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
if not (static_dir() / "dist" / "main.js").exists():
    pytest.skip("web bundle not built (run scripts/build-web)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-c",
        "from sitrep.cli.app import main; main()",
        "serve",
        "--port",
        str(port),
        "--db",
        str(db),
    ]
    env = {k: v for k, v in os.environ.items() if k != "SITREP_API_TOKENS"}
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/session", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError(
        f"sitrep serve did not start: {server.stderr.read() if server.stderr else ''!r}"
    )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "store.db"
    build_store(db).store.close()
    port = free_port()
    server = serve(db, port)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.problems = []
        tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
        tab.on("console", lambda m: m.type == "error" and tab.problems.append(m.text))
        tab.on("response", lambda r: r.status >= 400 and tab.problems.append(f"{r.status} {r.url}"))
        tab.on("dialog", lambda d: (tab.problems.append(f"dialog: {d.message}"), d.dismiss()))
        yield tab
        browser.close()


def ready(page: Any, name: str) -> None:
    page.wait_for_selector(f"body[data-ready='{name}']", timeout=15000)


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_document_dossier_map_claims(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/#/search")
    ready(page, "search")
    page.fill("#search-input", "Soleimani")
    page.press("#search-input", "Enter")
    page.wait_for_selector("ol.results mark")
    assert page.locator("ol.results > li").count() == 2
    shot(page, "01-search")

    page.click("text=Kremlin denies Soleimani trip to Moscow")
    ready(page, "doc")
    text = page.locator("#doctext").text_content()
    assert '<script>alert("pwned")</script>' in text and "onerror=alert(1)" in text
    assert page.locator("#doctext img, #doctext script, #comments img").count() == 0
    assert "onerror" in page.locator("#comments").text_content()
    assert "user-generated" in page.locator("#comments h2").text_content()
    assert page.locator("#doctext span.claim.stance-denies").count() >= 1
    assert page.locator("#doctext a.trigger").count() == 1
    shot(page, "02-document")

    page.click("#doctext a.mention:has-text('Qassem Soleimani')")
    ready(page, "entity")
    assert page.locator("h1").text_content().startswith("Qassem Soleimani")
    assert "commander of the Quds Force" in page.locator("main").text_content()
    assert page.locator("ol.timeline-list > li").count() == 2
    shot(page, "03-dossier")

    page.click("text=its events on the map")
    ready(page, "map")
    page.wait_for_selector("#map[data-rendered]")
    assert page.locator("#map path.ev-exact").count() == 1  # Baghdad: a city
    assert page.locator("#map path.ev-approx").count() == 1  # Russia: country centroid only
    assert page.locator("#map path.leaflet-interactive").count() >= 2
    assert page.locator("#map svg path").count() > 100  # the country layer drew
    assert "centroid" in page.locator(".map-legend").text_content()
    shot(page, "04-map")

    page.click("a[data-nav='claims']")
    ready(page, "claims")
    page.click("text=CONSULT: Qassem Soleimani travelled")
    ready(page, "event")
    assert page.locator("tr[data-stance='denies']").count() == 1
    assert page.locator(".badge.status-contested").count() >= 1
    shot(page, "05-contested-event")
    assert page.problems == []


def test_network_map_and_timeline_render_data(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/#/network")
    ready(page, "network")
    page.wait_for_selector("#cy[data-rendered]")
    assert int(page.get_attribute("#cy", "data-rendered")) >= 5
    assert page.locator("#cy canvas").count() >= 1
    shot(page, "06-network")

    # filter through the form, as an analyst would
    for unwanted in ("group", "org", "state_body", "state", "media"):
        page.uncheck(f".filters input[value='{unwanted}']")
    page.click(".filters button")
    page.wait_for_selector("#cy[data-types='person,place'][data-rendered]")
    assert page.get_attribute("#cy", "data-rendered") == "5"

    page.goto(f"{base_url}/#/map")
    ready(page, "map")
    page.wait_for_selector("#map[data-rendered]")
    assert page.locator("#map path.ev-marker").count() == 3

    page.goto(f"{base_url}/#/timeline")
    ready(page, "timeline")
    circles = page.locator("svg.timeline circle.tl-event")
    assert circles.count() == 3
    statuses = {circles.nth(i).get_attribute("data-status") for i in range(3)}
    assert statuses == {"single-source", "corroborated", "contested"}
    shot(page, "07-timeline")
    assert page.problems == []


def test_api_docs_page_and_csp(page: Any, base_url: str) -> None:
    response = page.goto(f"{base_url}/api/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    ready(page, "apidocs")
    assert page.locator("section.endpoint").count() >= 15
    assert page.problems == []
