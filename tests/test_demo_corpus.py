"""Structural checks on the demo corpus in demo/: the inputs the README's first command ingests.

These do not test sitrep's code; they guard the corpus itself, so that a careless edit (a page
emptied, the WARC regenerated without its responses, a bad input accidentally made good) is
caught here rather than as a puzzling failure in the end-to-end tests that use the demo.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from pathlib import Path

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

DEMO = Path(__file__).resolve().parents[1] / "demo"
PAGES = DEMO / "pages"

# Every document in the corpus must be about the theatre: at least one of these, in any spelling
# the corpus uses, must appear in its text.
KEY_ACTORS = re.compile(
    r"Solei?mani|Suleimani|Sulaimani|Ghaani|Qaani|Quds|Qods|IRGC|Revolutionary Guard|"
    r"Hezbollah|Hizbullah|Kata'?ib|Bagheri|Baqeri|Khamenei|Fatemiyoun|Zainebiyoun",
    re.IGNORECASE,
)

# Syndicated pairs: the second is the first republished by another outlet with small changes.
SYNDICATED = (
    ("ap-iran-troops-syria-2015.txt", "newsmax-iran-troops-syria-2015-copy.txt"),
    ("afp-t4-airbase-strike-2018.txt", "dailystar-t4-airbase-strike-2018-copy.txt"),
    (
        "reuters-baghdad-airport-strike-2020.html",
        "thenational-baghdad-airport-strike-2020-copy.html",
    ),
)


def _words(text: str) -> set[str]:
    """Word 5-shingles of a page's text, markup stripped: a crude near-duplicate fingerprint."""
    plain = re.sub(r"<[^>]+>", " ", text)
    tokens = re.findall(r"[a-z0-9]+", plain.lower())
    return {" ".join(tokens[i : i + 5]) for i in range(len(tokens) - 4)}


def test_counts_by_type() -> None:
    assert len(list(PAGES.glob("*.txt"))) == 14
    assert len(list(PAGES.glob("*.html"))) == 11
    assert (PAGES / "hostile-markup.html").is_file()
    assert len(list((DEMO / "warc-src").glob("*.html"))) == 4


def test_no_page_is_empty_and_each_names_a_key_actor() -> None:
    pages = [*PAGES.iterdir(), *(DEMO / "warc-src").iterdir()]
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert len(text.split()) > 100, f"{page.name} is nearly empty"
        assert KEY_ACTORS.search(text), f"{page.name} names none of the key actors"


def test_html_pages_carry_the_metadata_cleaners_read() -> None:
    for page in [*PAGES.glob("*.html"), *(DEMO / "warc-src").glob("*.html")]:
        html = page.read_text(encoding="utf-8")
        assert "<article" in html, page.name
        assert re.search(r"<title>[^<]+</title>", html), page.name
        assert 'property="article:published_time"' in html, page.name
        assert 'property="og:site_name"' in html, page.name


def test_hostile_page_keeps_its_hostile_markup_and_real_content() -> None:
    html = (PAGES / "hostile-markup.html").read_text(encoding="utf-8")
    assert "<script>alert('xss')</script>" in html
    assert '<img src=x onerror="alert(1)">' in html
    assert 'href="javascript:' in html
    assert "Aqraba" in html and "Quds Force" in html


def test_syndicated_copies_are_near_duplicates_of_their_originals() -> None:
    for original, copy in SYNDICATED:
        first = _words((PAGES / original).read_text(encoding="utf-8"))
        second = _words((PAGES / copy).read_text(encoding="utf-8"))
        overlap = len(first & second) / min(len(first), len(second))
        assert overlap > 0.6, f"{copy} drifted too far from {original} ({overlap:.2f})"
        assert first != second, f"{copy} is an exact copy; it should differ a little"


def test_distinct_stories_are_not_near_duplicates() -> None:
    first = _words((PAGES / "reuters-baghdad-airport-strike-2020.html").read_text("utf-8"))
    second = _words((PAGES / "presstv-soleimani-martyred-2020.txt").read_text("utf-8"))
    assert len(first & second) / min(len(first), len(second)) < 0.2


def test_pages_with_comments_have_comment_like_lines() -> None:
    stamped = [
        page.name
        for page in PAGES.glob("*.txt")
        if re.search(r"\b20[12]\d-\d\d-\d\d \d\d:\d\d\b", page.read_text(encoding="utf-8"))
    ]
    assert len(stamped) >= 4, stamped


def test_warc_has_four_html_responses_matching_the_sources() -> None:
    responses: list[bytes] = []
    types: list[str] = []
    with (DEMO / "crawl" / "crawl.warc.gz").open("rb") as stream:
        for record in ArchiveIterator(stream):
            types.append(record.rec_type)
            if record.rec_type == "response":
                assert record.http_headers.get_statuscode() == "200"
                responses.append(record.content_stream().read())
    assert types.count("response") == 4
    assert types.count("request") == 4 and types[0] == "warcinfo"
    sources = {p.read_bytes() for p in (DEMO / "warc-src").glob("*.html")}
    assert set(responses) == sources


def test_feed_parses_with_full_content() -> None:
    feed = feedparser.parse(str(DEMO / "feed" / "iran-syria-wire.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == 5
    for entry in feed.entries:
        assert entry.get("published_parsed") and entry.get("link") and entry.get("author")
        content = entry.content[0].value
        assert len(content.split()) > 60, entry.title
        assert KEY_ACTORS.search(content) or KEY_ACTORS.search(entry.title)


def test_wire_jsonl_rows_have_the_expected_fields() -> None:
    lines = (DEMO / "wire" / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    assert len(rows) == 3
    for row in rows:
        assert set(row) == {"title", "text", "url", "date", "source"}
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", row["date"])
        assert KEY_ACTORS.search(row["text"])


def test_bad_inputs_are_bad() -> None:
    bad = DEMO / "bad"
    assert sorted(p.name for p in bad.iterdir()) == [
        "broken.html.gz",
        "empty.txt",
        "image-not-html.html",
    ]
    assert (bad / "empty.txt").stat().st_size == 0
    assert (bad / "image-not-html.html").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    broken = (bad / "broken.html.gz").read_bytes()
    assert broken.startswith(b"\x1f\x8b")
    with pytest.raises((EOFError, zlib.error, OSError)):
        gzip.decompress(broken)


def test_demo_stays_small() -> None:
    total = sum(p.stat().st_size for p in DEMO.rglob("*") if p.is_file())
    assert total < 1_000_000


def test_expected_manifest_covers_every_input() -> None:
    expected = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))
    assert set(expected["pages"]) == {f"pages/{p.name}" for p in PAGES.iterdir()}
    assert len(expected["feed"]) == 5 and len(expected["wire"]) == 3
    with (DEMO / "crawl" / "crawl.warc.gz").open("rb") as stream:
        urls = {
            r.rec_headers.get_header("WARC-Target-URI")
            for r in ArchiveIterator(stream)
            if r.rec_type == "response"
        }
    assert set(expected["crawl"]) == urls
    assert set(expected["rejected"]) == {f"bad/{p.name}" for p in (DEMO / "bad").iterdir()}
    copies = {
        (entry["syndicated_copy_of"].removeprefix("pages/"), key.removeprefix("pages/"))
        for key, entry in expected["pages"].items()
        if "syndicated_copy_of" in entry
    }
    assert copies == set(SYNDICATED)
    documents = sum(len(expected[part]) for part in ("pages", "feed", "crawl", "wire"))
    assert documents == 37
