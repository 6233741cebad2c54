"""acquire: fetching URLs from a real HTTP server on 127.0.0.1, and the address guard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from httpserver import LocalServer
from sitrep.acquire import iter_inputs
from sitrep.acquire.fetch import USER_AGENT, fetch_url
from sitrep.acquire.netguard import GuardedBackend, blocked_reason, public_addresses
from sitrep.errors import FetchError
from sitrep.records import RawDocument, Rejection
from sitrep.settings import Settings

PAGE = b"<html><head><title>Test</title></head><body><p>A page served locally.</p></body></html>"
LOCAL = Settings(allow_private_addresses=True, fetch_timeout_s=2.0)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as local:
        yield local


def fetch_error(url: str, settings: Settings = LOCAL) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch_url(url, settings)
    return caught.value


def test_page_is_fetched_with_metadata(server: LocalServer) -> None:
    url = server.route("/page.html", PAGE, content_type="text/html; charset=ISO-8859-1")
    doc = fetch_url(url, LOCAL)
    assert doc.content == PAGE and doc.format == "html"
    assert doc.origin == doc.url == url
    assert doc.declared_encoding == "iso-8859-1"
    assert doc.fetched_at is not None and doc.fetched_at.endswith("Z")
    assert server.requests[-1][1]["User-Agent"] == USER_AGENT


def test_content_type_and_sniffing_decide_the_format(server: LocalServer) -> None:
    text = server.route("/notes", b"Plain notes, served as text.", content_type="text/plain")
    html = server.route("/mislabelled", PAGE, content_type="application/octet-stream")
    image = server.route("/pic", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")
    assert fetch_url(text, LOCAL).format == "text"
    assert fetch_url(html, LOCAL).format == "html"
    assert fetch_error(image).reason == "binary"


def test_redirects_are_followed_up_to_the_limit(server: LocalServer) -> None:
    target = server.route("/final", PAGE)
    start = server.redirect("/hop1", "/hop2")
    server.redirect("/hop2", target)
    doc = fetch_url(start, LOCAL)
    assert doc.url == target and doc.origin == start and doc.content == PAGE
    loop = server.redirect("/loop-a", "/loop-b")
    server.redirect("/loop-b", "/loop-a")
    error = fetch_error(loop)
    assert error.reason == "http-error" and "redirects" in error.message
    short = Settings(allow_private_addresses=True, fetch_max_redirects=1)
    assert fetch_error(start, short).reason == "http-error"
    # every hop is checked again: a redirect cannot smuggle in another scheme
    sneaky = server.redirect("/sneaky", "file:///etc/passwd")
    assert fetch_error(sneaky).reason == "unsupported"


def test_errors_timeouts_and_size_cap(server: LocalServer) -> None:
    missing = server.url("/nowhere")
    slow = server.route("/slow", PAGE, delay_s=3.0)
    big = server.route("/big", b"x" * 50_000, content_type="text/plain")
    endless = server.route("/endless", b"y" * 50_000, content_type="text/plain", send_length=False)
    assert fetch_error(missing).reason == "http-error"
    quick = Settings(allow_private_addresses=True, fetch_timeout_s=0.3)
    timed_out = fetch_error(slow, quick)
    assert timed_out.reason == "unreachable" and "timed out" in timed_out.message
    small = Settings(allow_private_addresses=True, fetch_max_bytes=10_000)
    assert fetch_error(big, small).reason == "too-large"
    assert fetch_error(endless, small).reason == "too-large"


def test_unreachable_and_bad_schemes() -> None:
    assert fetch_error("http://127.0.0.1:1/closed-port").reason == "unreachable"
    assert fetch_error("ftp://example.org/file.txt").reason == "unsupported"
    assert fetch_error("file:///etc/passwd").reason == "unsupported"


def test_default_settings_refuse_local_addresses(server: LocalServer) -> None:
    url = server.route("/page.html", PAGE)
    error = fetch_error(url, Settings())
    assert error.reason == "blocked-address" and "loopback" in error.message
    assert (
        fetch_error(url.replace("127.0.0.1", "localhost"), Settings()).reason == "blocked-address"
    )
    assert fetch_error("http://[::1]:9/", Settings()).reason == "blocked-address"
    assert server.requests == []  # refused before any connection was made

    # the check sits where connections are made, so no later DNS answer can slip past it
    with pytest.raises(FetchError) as caught:
        GuardedBackend(Settings()).connect_tcp("localhost", server.port)
    assert caught.value.reason == "blocked-address"
    assert public_addresses("127.0.0.1", 80, LOCAL) == ["127.0.0.1"]  # allowed when told
    assert server.requests == []


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("::1", "loopback"),
        ("fe80::1%eth0", "link-local"),
        ("fc00::5", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback (inside ::ffff:7f00:1)"),
        ("::ffff:10.0.0.1", "private (inside ::ffff:a00:1)"),
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_categories(address: str, reason: str | None) -> None:
    assert blocked_reason(address) == reason


def test_iter_inputs_turns_fetch_errors_into_rejections(server: LocalServer) -> None:
    good = server.route("/page.html", PAGE)
    items = list(iter_inputs([server.url("/gone"), good, "gopher://example.org/"], LOCAL))
    assert isinstance(items[0], Rejection) and items[0].reason == "http-error"
    assert items[0].origin == server.url("/gone")
    assert isinstance(items[1], RawDocument) and items[1].content == PAGE
    assert isinstance(items[2], Rejection) and items[2].reason == "unsupported"
    refused = list(iter_inputs([good], Settings()))
    assert [r.reason for r in refused if isinstance(r, Rejection)] == ["blocked-address"]


def test_url_to_a_table_is_expanded(server: LocalServer) -> None:
    table = b"title,text\nA headline,A body served over HTTP for this test.\n"
    url = server.route("/rows.csv", table, content_type="text/csv")
    (row,) = list(iter_inputs([url], LOCAL))
    assert isinstance(row, RawDocument) and row.format == "row" and row.origin == f"{url}#row=1"
