"""Folder walks and containers never abort a run: loops, pipes, devices, unreadable folders,
damaged or empty crawls each become a rejection with a reason in words."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.acquire import iter_inputs
from sitrep.records import RawDocument, Rejection
from sitrep.settings import Settings

# What a Python exception looks like in a message: never shown to a user as a reason.
PYTHON_TEXT = re.compile(r"\w+Error\b|Exception|Traceback|NoneType|object has no attribute")


def _warc(pages: int, gzipped: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for n in range(pages):
        body = f"<html><body><p>Page {n}: {'words about the talks ' * 40}</p></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"http://example.org/{n}",
                "response",
                payload=io.BytesIO(body.encode()),
                http_headers=headers,
            )
        )
    return buffer.getvalue()


def _items(*specs: Path) -> list[RawDocument | Rejection]:
    return list(iter_inputs([str(s) for s in specs], Settings()))


def _reasons(items: list[RawDocument | Rejection]) -> dict[str, tuple[str, str]]:
    return {
        Path(i.origin.split("#")[0]).name: (i.reason, i.detail)
        for i in items
        if isinstance(i, Rejection)
    }


def test_links_pipes_and_devices_are_rejections_in_words(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("Talks in Baghdad ended on Monday without a deal.\n")
    (folder / "sub" / "inner.txt").write_text("A second page, in a subfolder.\n")
    (folder / "loop-a").symlink_to("loop-b")
    (folder / "loop-b").symlink_to("loop-a")
    (folder / "dangling").symlink_to("nothing-here")
    (folder / "to-sub").symlink_to("sub")
    (folder / "self").symlink_to(".")
    (folder / "null").symlink_to(os.devnull)
    os.mkfifo(folder / "pipe")
    items = _items(folder)
    stored = sorted(Path(i.origin).name for i in items if isinstance(i, RawDocument))
    assert stored == ["good.txt", "inner.txt"]
    reasons = _reasons(items)
    assert reasons["loop-a"][0] == reasons["loop-b"][0] == "unreadable"
    assert "loop" in reasons["loop-a"][1]
    assert reasons["dangling"][0] == "not-found"
    assert "folder" in reasons["to-sub"][1] and "folder" in reasons["self"][1]
    assert "device" in reasons["null"][1]
    assert "pipe" in reasons["pipe"][1]
    assert not any(PYTHON_TEXT.search(detail) for _, detail in reasons.values())


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its mode")
def test_an_unreadable_folder_is_reported_not_skipped(tmp_path: Path) -> None:
    locked = tmp_path / "in" / "locked"
    locked.mkdir(parents=True)
    (locked / "a.txt").write_text("A page no one may read.\n")
    (tmp_path / "in" / "good.txt").write_text("A page anyone may read.\n")
    locked.chmod(0)
    try:
        reasons = _reasons(_items(tmp_path / "in"))
    finally:
        locked.chmod(0o755)
    assert reasons["locked"][0] == "unreadable" and "may not list" in reasons["locked"][1]


def _record_ends(whole: bytes) -> set[int]:
    """Every cut at which the crawl is whole, only shorter: a record's end, before or after the
    blank lines that close it (between gzip members, only after)."""
    records = ArchiveIterator(io.BytesIO(whole))
    ends: set[int] = set()
    for record in records:
        record.content_stream().read()
        end = records.get_record_offset() + records.get_record_length()
        ends.update(range(end, end + 5) if not whole.startswith(b"\x1f\x8b") else {end})
    return ends


@pytest.mark.parametrize("gzipped", [False, True])
def test_cut_warcs_are_truncated_in_words_at_every_cut(tmp_path: Path, gzipped: bool) -> None:
    # Record IDs and dates differ from run to run, so gzip members do too: the cuts that fall
    # between records are worked out, not assumed away.
    whole = _warc(3, gzipped)
    ends = _record_ends(whole)
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    for cut in range(40, len(whole), max(1, len(whole) // 60)):
        if cut in ends:
            continue
        path.write_bytes(whole[:cut])
        items = _items(path)
        rejected = [i for i in items if isinstance(i, Rejection)]
        assert rejected, (cut, items)  # a cut crawl never ends silently
        assert not any(PYTHON_TEXT.search(r.detail) for r in rejected), (cut, rejected)


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_warc_cut_between_records_is_a_shorter_whole_crawl(tmp_path: Path, gzipped: bool) -> None:
    whole = _warc(3, gzipped)
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    first_end = min(_record_ends(whole))
    for cut in sorted(e for e in _record_ends(whole) if e < len(whole) - 5):
        path.write_bytes(whole[:cut])
        items = _items(path)
        assert all(isinstance(i, RawDocument) for i in items), (cut, items)
        assert len(items) == (1 if cut < first_end + 5 else 2), (cut, items)


def test_a_warc_without_pages_and_garbage_named_warc_are_reported(tmp_path: Path) -> None:
    empty = tmp_path / "requests.warc"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(
        writer.create_warc_record("http://example.org/", "request", payload=io.BytesIO(b"GET /"))
    )
    empty.write_bytes(buffer.getvalue())
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"WARC/1.0\r\nnot really\r\n" * 20)
    header_only = tmp_path / "header.csv"
    header_only.write_text("title,text\n")
    reasons = _reasons(_items(empty, garbage, header_only))
    assert reasons["requests.warc"][0] == "no-text"
    assert "no" in reasons["requests.warc"][1] and "page" in reasons["requests.warc"][1]
    assert reasons["garbage.warc"][0] in ("malformed", "truncated", "no-text")
    assert "header.csv" in reasons
    assert not any(PYTHON_TEXT.search(detail) for _, detail in reasons.values())
