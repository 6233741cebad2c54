"""acquire: WARC crawls, written here with warcio, whole and cut off."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.acquire import iter_inputs
from sitrep.records import RawDocument, Rejection
from sitrep.settings import Settings

PAGES = [
    ("http://example.org/a", "200 OK", "text/html; charset=windows-1256", b"<html><p>Page A</p>"),
    ("http://example.org/b.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("http://example.org/c", "404 Not Found", "text/html", b"<html>missing</html>"),
    ("http://example.org/d.txt", "200 OK", "text/plain", b"Plain text page D. " * 40),
    ("http://example.org/e", "200 OK", "text/html", b"<html><p>Page E</p></html>" * 50),
]


def write_warc(path: Path, gzipped: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for url, status, content_type, body in PAGES:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
        request = writer.create_warc_record(
            url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def run(path: Path) -> list[RawDocument | Rejection]:
    return list(iter_inputs([str(path)], Settings()))


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_pages_become_documents(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(path, gzipped)
    items = run(path)
    assert all(isinstance(i, RawDocument) for i in items)
    assert [i.url for i in items] == [  # type: ignore[union-attr]
        "http://example.org/a",
        "http://example.org/d.txt",
        "http://example.org/e",
    ]
    first = items[0]
    assert isinstance(first, RawDocument)
    assert first.format == "html" and first.content == PAGES[0][3]
    assert first.declared_encoding == "windows-1256"
    assert first.fetched_at is not None and first.fetched_at.endswith("Z")
    assert first.origin == f"{path}#record=1"  # records counted across all types
    assert [i.format for i in items[1:]] == ["text", "html"]  # type: ignore[union-attr]
    assert [i.id for i in run(path)] == [i.id for i in items]  # type: ignore[union-attr]


@pytest.mark.parametrize("gzipped", [True, False])
def test_truncated_warc_keeps_records_then_rejects(tmp_path: Path, gzipped: bool) -> None:
    whole = write_warc(tmp_path / "whole.warc", gzipped)
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    path.write_bytes(whole[: len(whole) - 400])  # inside the last page's record
    items = run(path)
    assert isinstance(items[-1], Rejection) and items[-1].reason == "truncated"
    docs = items[:-1]
    assert [d.url for d in docs] == ["http://example.org/a", "http://example.org/d.txt"]  # type: ignore[union-attr]


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this file only claims to be a crawl\n")
    (rejection,) = run(path)
    assert isinstance(rejection, Rejection) and rejection.reason == "malformed"
