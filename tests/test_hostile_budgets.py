"""Every input has a budget, each a setting: a breach is a rejection in words, the run goes on."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from httpserver import LocalServer
from sitrep.acquire import iter_inputs
from sitrep.acquire.fetch import fetch
from sitrep.acquire.htmlbudget import check_markup
from sitrep.errors import FetchError
from sitrep.records import RawDocument, Rejection
from sitrep.settings import Settings


def test_a_server_dribbling_its_headers_costs_at_most_the_fetch_budget() -> None:
    settings = Settings(allow_private_addresses=True, fetch_timeout_s=1.0)
    with LocalServer() as server:
        url = server.route("/drip", b"", dribble_s=0.01)  # 100 bytes a second, never done
        started = time.monotonic()
        with pytest.raises(FetchError) as caught:
            fetch(url, settings)
        took = time.monotonic() - started
    assert caught.value.reason == "unreachable" and "timed out" in caught.value.message
    # About the 1 s budget; without it the drip never ends. Not under 2 s: on a loaded machine
    # the server's thread and this one, in one process, stretched it to 2.6 s (2 fetches in 10).
    assert took < settings.fetch_timeout_s + 4, took


def _page(body: str) -> bytes:
    return f"<html><head><title>A page</title></head><body>{body}</body></html>".encode()


GOOD = _page("<article><p>Talks in Baghdad ended on Monday without a deal, officials said.</p>"
             "<p>A second round is planned for next month in Ankara.</p></article>")  # fmt: skip


@pytest.mark.parametrize(
    ("name", "body", "words"),
    [
        ("attributes.html", "<div " + " ".join(f'a{n}="v"' for n in range(200_000)) + ">x</div>",
         "attributes"),
        ("deep.html", "<div>" * 50_000 + "deep" + "</div>" * 50_000, "nested"),
        ("many.html", "<span>x</span>" * 250_000, "elements"),
    ],
)  # fmt: skip
def test_markup_traps_are_rejected_before_any_parser_sees_them(
    tmp_path: Path, name: str, body: str, words: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.html").write_bytes(GOOD)
    (folder / name).write_bytes(_page(body))
    started = time.monotonic()
    items = list(iter_inputs([str(folder)], Settings()))
    assert time.monotonic() - started < 10
    kinds = {Path(i.origin).name: i for i in items}
    assert isinstance(kinds["good.html"], RawDocument)
    trap = kinds[name]
    assert isinstance(trap, Rejection) and trap.reason == "over-budget"
    assert words in trap.detail


@pytest.mark.needs_shared
def test_real_pages_are_within_the_markup_budgets() -> None:
    pages = sorted((Settings().shared_data / "web-extraction-en" / "pages").glob("*.html.gz"))
    if not pages:
        pytest.skip("../shared/data/web-extraction-en/pages is absent")
    over = {p.name: check_markup(gzip.decompress(p.read_bytes()), Settings()) for p in pages}
    assert not {name: o for name, o in over.items() if o is not None}


@pytest.mark.parametrize("compressed", [False, True])
def test_a_huge_csv_field_is_refused_while_it_is_read(tmp_path: Path, compressed: bool) -> None:
    rows = "title,text\nFirst,A first row about talks in Baghdad.\n"
    # Varied words: a field of one repeated word would be a decompression bomb when gzipped.
    rows += 'Huge,"' + " ".join(f"word{n}" for n in range(250_000)) + '"\nLast,After it.\n'
    path = tmp_path / ("table.csv.gz" if compressed else "table.csv")
    path.write_bytes(gzip.compress(rows.encode()) if compressed else rows.encode())
    items = list(iter_inputs([str(path)], Settings(max_field_chars=100_000)))
    assert isinstance(items[0], RawDocument)
    refused = items[1]
    assert isinstance(refused, Rejection) and refused.reason == "over-budget"
    assert refused.origin.endswith("#row=2") and "max_field_chars" in refused.detail
