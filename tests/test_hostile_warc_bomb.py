"""A decompression bomb inside a `.warc.gz`, which warcio inflates itself: the bomb's record is
rejected for its ratio in words, inflated no further than the budget, and the other records of
the same WARC are read (those after it too, the next gzip member found without inflating the
bomb to its end); many small members that add up to a bomb stop the file's reading instead."""

from __future__ import annotations

import time
import tracemalloc
import zlib
from collections.abc import Iterable
from pathlib import Path

import pytest

from sitrep.acquire import iter_inputs
from sitrep.records import RawDocument, Rejection
from sitrep.settings import Settings

MB = 1_000_000
RATIO_WORDS = "decompressed size is more than 100 times the compressed size"


def _member(uri: str, content_type: str, length: int, body: Iterable[bytes]) -> bytes:
    """One WARC resource record as one gzip member, its body compressed as it is produced; the
    same bytes every run (its ID from crc32, not hash(), which is seeded afresh per process)."""
    head = (
        "WARC/1.0\r\nWARC-Type: resource\r\n"
        f"WARC-Record-ID: <urn:uuid:{zlib.crc32(uri.encode()):032x}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {length}\r\n\r\n"
    )
    gzip = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [gzip.compress(head.encode())]
    parts += [gzip.compress(chunk) for chunk in body]
    parts += [gzip.compress(b"\r\n\r\n"), gzip.flush()]
    return b"".join(parts)


def _page(n: int) -> bytes:
    text = f"<html><body><p>Report {n}: talks in Baghdad ended on Monday, officials said.</p>"
    body = (text + "</body></html>").encode()
    return _member(f"http://example.org/{n}", "text/html", len(body), [body])


def _zeros(uri: str, content_type: str, size: int) -> bytes:
    chunks = [b"\0" * MB] * (size // MB)
    return _member(uri, content_type, size, chunks)


def _read(path: Path) -> tuple[dict[str, RawDocument | Rejection], float, int]:
    tracemalloc.start()
    started = time.monotonic()
    items = list(iter_inputs([str(path)], Settings()))
    took = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {item.origin.rsplit("/", 1)[-1]: item for item in items}, took, peak


@pytest.mark.parametrize("kind", ["text/plain", "image/png"])  # a page read, a record skipped
def test_a_bomb_record_is_rejected_and_the_records_around_it_read(
    tmp_path: Path, kind: str
) -> None:
    # 400 MB of zeros in about 400 KB: the budget stops inflating it near 40 MB.
    bomb = _zeros("http://example.org/bomb", kind, 400 * MB)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_page(1) + bomb + _page(3))
    items, took, peak = _read(path)
    assert set(items) == {"crawl.warc.gz#record=1", "crawl.warc.gz#record=2",
                          "crawl.warc.gz#record=3"}, items  # fmt: skip
    assert isinstance(items["crawl.warc.gz#record=1"], RawDocument)
    assert isinstance(items["crawl.warc.gz#record=3"], RawDocument)
    rejected = items["crawl.warc.gz#record=2"]
    assert isinstance(rejected, Rejection) and rejected.reason == "over-budget", rejected
    assert RATIO_WORDS in rejected.detail and "read on from the next record" in rejected.detail
    assert peak < 80 * MB, peak  # never the whole record, nor the whole bomb
    assert took < 20, took


def test_many_small_members_that_add_up_to_a_bomb_stop_the_file(tmp_path: Path) -> None:
    # Each member is under the floor (1 MiB) on its own; together 300 MB from about 300 KB.
    path = tmp_path / "many.warc.gz"
    members = [_zeros(f"http://example.org/z{n}", "image/png", MB) for n in range(300)]
    path.write_bytes(_page(1) + b"".join(members) + _page(302))
    items, took, _ = _read(path)
    assert isinstance(items["many.warc.gz#record=1"], RawDocument)
    over = [item for item in items.values() if isinstance(item, Rejection)]
    assert len(over) == 1 and over[0].reason == "over-budget", items
    assert RATIO_WORDS in over[0].detail and "the rest of the WARC is not read" in over[0].detail
    assert took < 20, took


def test_an_ordinary_compressed_crawl_is_not_held_by_the_budget(tmp_path: Path) -> None:
    path = tmp_path / "plain.warc.gz"
    path.write_bytes(b"".join(_page(n) for n in range(1, 201)))
    items, _, _ = _read(path)
    assert len(items) == 200 and all(isinstance(i, RawDocument) for i in items.values())


def test_past_ten_bomb_members_the_rest_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "bombs.warc.gz"
    bombs = [_zeros(f"http://example.org/b{n}", "image/png", 3 * MB) for n in range(12)]
    path.write_bytes(_page(1) + b"".join(bombs) + _page(14))
    items, _, _ = _read(path)
    details = [item.detail for item in items.values() if isinstance(item, Rejection)]
    assert len(details) == 11 and all(RATIO_WORDS in d for d in details), details
    assert sum("read on from the next record" in d for d in details) == 10
    assert "the rest of the WARC is not read" in details[-1]
