"""WARC / WARC.gz crawls → one RawDocument per successful HTML, text or PDF response, streamed.

Records that are not pages (requests, metadata, revisits, redirects, images, errors) are skipped,
not rejected: a crawl is mostly such records. A truncated crawl yields the records read so far
and then one Rejection "truncated".
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.utils import BUFF_SIZE

from sitrep.acquire.base import Item, Items
from sitrep.acquire.ratio import RatioExceeded, ratio_problem
from sitrep.acquire.sniff import charset_of
from sitrep.acquire.warcratio import GuardedWarcReader, MemberOverBudget, WarcBudget, next_member
from sitrep.records import InputFormat, RawDocument, Rejection
from sitrep.settings import Settings

_PAGE_TYPES: dict[str, InputFormat] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/pdf": "pdf",
}


class _CheckedIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio stops quietly at a cut gzip member; remember whether the last one ended cleanly.

    Its reader inflates under the decompressed-size budget (`acquire.warcratio`)."""

    clean_end = True

    def __init__(self, stream: IO[bytes], budget: WarcBudget) -> None:
        super().__init__(stream)
        self.reader = GuardedWarcReader(self.fh, budget, BUFF_SIZE)

    def close(self) -> None:
        decompressor = getattr(self.reader, "decompressor", None)
        if decompressor is not None:
            self.clean_end = bool(getattr(decompressor, "eof", True))
        super().close()


def _lengthless(record: Any) -> bool:
    """A WARC record must state its length; warcio reads cut-off headers as one that does not."""
    fmt = str(getattr(record, "format", ""))
    return fmt.startswith("warc") and record.rec_headers.get_header("Content-Length") is None


def _left_unread(records: _CheckedIterator, stream: IO[bytes]) -> bool:
    """An uncompressed WARC cut inside a record's headers: warcio ends quietly before it.

    The iterator's offset is where the last record it read ended; bytes after it that are not
    blank are the start of a record it could not read."""
    if getattr(records.reader, "decompressor", None) is not None or not stream.seekable():
        return False
    end = stream.tell()
    if end <= records.offset:
        return False
    stream.seek(records.offset)
    return bool(stream.read(min(end - records.offset, 65536)).strip())


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
    # The record's length is what it holds on disk, before its HTTP Content-Encoding is undone.
    stored = getattr(record, "length", None)
    if isinstance(stored, int) and (problem := ratio_problem(len(content), stored, settings)):
        return Rejection(origin, "over-budget", problem)
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
    """Stream the pages of a WARC (gzip per record, whole-file gzip, or uncompressed).

    A WARC that holds no page at all is reported (a Rejection "no-text"), as is one that is not
    a WARC: warcio reads nearly any text as an ARC file of empty records. A gzip member that
    inflates past the decompressed-size budget is rejected and the WARC read on from the next
    member (a seekable file); past the whole file's budget the rest is not read."""
    budget = WarcBudget(settings, member_start=_position(stream) or 0)
    walk = _Walk()
    first = 1
    while (resume := (yield from _records(stream, origin, budget, first, walk))) is not None:
        stream.seek(resume)
        first = budget.member
        budget.member_start = resume


@dataclass
class _Walk:
    """What a walk over a WARC's records, possibly in several stretches, has found so far."""

    pages: int = 0


def _records(
    stream: IO[bytes], origin: str, budget: WarcBudget, first: int, walk: _Walk
) -> Generator[Item, None, int | None]:
    """The records from the stream's position on, numbered from `first`; where to go on from
    (a gzip member past the budget skipped), or None at the end."""
    settings = budget.settings
    records = _CheckedIterator(stream, budget)
    number = first - 1
    record = None
    try:
        for number, record in enumerate(records, first):
            if records.err_count:  # the previous record's length did not match its content
                yield Rejection(f"{origin}#record={number}", "malformed", _DAMAGED)
                return None
            if _lengthless(record):  # headers cut off before their Content-Length
                where = f"{origin}#record={number}"
                if number == 1:
                    yield Rejection(
                        where, "malformed", "not a WARC: its first record has no length"
                    )
                else:
                    yield Rejection(where, "truncated", _CUT_HEADERS)
                return None
            item = _record_item(record, f"{origin}#record={number}", settings)
            if item is None:
                continue
            walk.pages += 1
            yield item
            if isinstance(item, Rejection) and item.reason == "truncated":
                return None
    except RatioExceeded as over:
        # The member being inflated is the record being read (one member per record), or
        # the next one's headers; a whole-file gzip is one member, so count records there.
        at = max(number, budget.member)
        resume = None
        skippable = isinstance(over, MemberOverBudget) and _position(stream) is not None
        if skippable and budget.skip_member(at + 1):
            resume = next_member(stream, budget.member_start)
        rest = "the WARC is read on from the next record" if resume else _REST_UNREAD
        yield Rejection(f"{origin}#record={at}", "over-budget", f"{over.detail}; {rest}")
        return resume
    except Exception:  # warcio fails on damaged input in many ways (even AttributeError)
        # Nothing read at all: not a WARC; records read then a failure: cut off or damaged.
        if number:
            detail = f"the WARC is cut off or damaged after record {number}"
            yield Rejection(f"{origin}#record={number + 1}", "truncated", detail)
        else:
            yield Rejection(origin, "malformed", "not a WARC: no record could be read from it")
        return None
    # A last record shorter than its Content-Length (warcio has read to its end by now).
    short = record is not None and getattr(record.raw_stream, "limit", 0) > 0
    if short or not records.clean_end or _left_unread(records, stream):
        yield Rejection(origin, "truncated", f"the WARC is cut off after record {number}")
    elif not walk.pages:
        detail = (
            f"none of the WARC's {number} records is an HTML, text or PDF page"
            if number
            else "not a WARC: it holds no records"
        )
        yield Rejection(origin, "no-text", detail)
    return None


def _position(stream: IO[bytes]) -> int | None:
    """Where a seekable stream is; None for a pipe (nothing can be skipped there)."""
    try:
        return stream.tell() if stream.seekable() else None
    except (OSError, ValueError):
        return None


_REST_UNREAD = "the rest of the WARC is not read"
_CUT_HEADERS = "the WARC is cut off inside a record's headers"
_DAMAGED = "a WARC record's length does not match its content: the file is damaged or not a WARC"
