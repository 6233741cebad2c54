"""WARC / WARC.gz crawls → one RawDocument per successful HTML, text or PDF response, streamed.

Records that are not pages (requests, metadata, revisits, redirects, images, errors) are skipped,
not rejected: a crawl is mostly such records. A truncated crawl yields the records read so far
and then one Rejection "truncated".
"""

from __future__ import annotations

import zlib
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.acquire.base import Item, Items
from sitrep.acquire.sniff import charset_of
from sitrep.records import InputFormat, RawDocument, Rejection, RejectReason
from sitrep.settings import Settings

_PAGE_TYPES: dict[str, InputFormat] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/pdf": "pdf",
}


class _CheckedIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio stops quietly at a cut gzip member; remember whether the last one ended cleanly."""

    clean_end = True

    def close(self) -> None:
        decompressor = getattr(self.reader, "decompressor", None)
        if decompressor is not None:
            self.clean_end = bool(getattr(decompressor, "eof", True))
        super().close()


def _page_format(record: Any) -> tuple[InputFormat, str] | None:
    """The format and Content-Type of a record that holds a page; None for every other record."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or headers.get_statuscode() != "200":
            return None
        content_type = headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    mime = content_type.split(";", 1)[0].strip().lower()
    fmt = _PAGE_TYPES.get(mime)
    return (fmt, content_type) if fmt else None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    return value if value.endswith("Z") or "+" in value else value + "Z"


def _record_item(record: Any, origin: str, settings: Settings) -> Item | None:
    page = _page_format(record)
    if page is None:
        return None
    fmt, content_type = page
    stream = record.content_stream()  # undoes chunked transfer and gzip/deflate encodings
    content: bytes = stream.read(settings.max_input_bytes + 1)
    if len(content) > settings.max_input_bytes:
        return Rejection(origin, "too-large", "WARC record over max_input_bytes")
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length
        return Rejection(origin, "truncated", "the WARC ends inside this record")
    if not content.strip():
        return Rejection(origin, "empty", "the WARC record has an empty body")
    return RawDocument(
        content=content,
        origin=origin,
        format=fmt,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        fetched_at=_iso_date(record.rec_headers.get_header("WARC-Date")),
        declared_encoding=charset_of(content_type),
    )


def iter_warc(stream: IO[bytes], origin: str, settings: Settings) -> Items:
    """Stream the pages of a WARC (gzip per record, whole-file gzip, or uncompressed)."""
    records = _CheckedIterator(stream)
    number = 0
    try:
        for number, record in enumerate(records, 1):
            item = _record_item(record, f"{origin}#record={number}", settings)
            if item is not None:
                yield item
            if isinstance(item, Rejection) and item.reason == "truncated":
                return
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error) as err:
        # Nothing read at all: not a WARC; records read then a failure: cut off or damaged.
        reason: RejectReason = "truncated" if number else "malformed"
        yield Rejection(f"{origin}#record={number + 1}", reason, f"unreadable WARC: {err}")
        return
    if not records.clean_end:
        yield Rejection(
            origin, "truncated", f"the compressed WARC is cut off after record {number}"
        )
