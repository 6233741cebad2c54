"""One file (or one downloaded body) → the documents it holds, or why it holds none.

Single documents (text, HTML, PDF, feeds, JSON arrays, gzip of those) are capped at
`max_input_bytes` and checked before they are read. Containers (CSV, TSV, JSON lines, WARC,
and gzip of those) are streamed: each row or record is capped instead, so a large crawl is
never read into memory.
"""

from __future__ import annotations

import errno
import gzip
import io
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sitrep.acquire.base import Items, LinkFetcher, read_capped
from sitrep.acquire.feeds import iter_feed
from sitrep.acquire.ratio import CountingReader, RatioExceeded, guarded
from sitrep.acquire.sniff import (
    SNIFF_BYTES,
    STREAMED_KINDS,
    Kind,
    Refusal,
    classify,
    guess_encoding,
    undecodable,
)
from sitrep.acquire.tables import iter_csv, iter_json, iter_jsonl
from sitrep.acquire.warc import iter_warc
from sitrep.records import RawDocument, Rejection, RejectReason
from sitrep.settings import Settings


def _single(data: bytes, kind: Kind, origin: str) -> Items:
    """A text, HTML or PDF document, after the checks that need its whole body."""
    if kind == "pdf":
        if b"%%EOF" not in data[-2048:]:
            yield Rejection(origin, "truncated", "the PDF has no end-of-file marker (cut off?)")
        else:
            yield RawDocument(content=data, origin=origin, format="pdf")
        return
    if not data.strip():
        yield Rejection(origin, "empty", "the input holds only whitespace")
    elif problem := undecodable(data):
        yield Rejection(origin, "undecodable", problem)
    else:
        yield RawDocument(content=data, origin=origin, format="html" if kind == "html" else "text")


def iter_stream(
    stream: IO[bytes], kind: Kind, head: bytes, origin: str, settings: Settings
) -> Items:
    """Rows or records of a container, read as a stream (`stream` is at its start)."""
    if kind == "warc":
        yield from iter_warc(stream, origin, settings)
        return
    encoding = guess_encoding(head)
    if encoding is None:
        yield Rejection(origin, "undecodable", "the table is neither UTF-8 nor a known encoding")
    elif kind == "jsonl":
        yield from iter_jsonl(stream, origin, settings, encoding)
    else:
        delimiter = "\t" if kind == "tsv" else ","
        yield from iter_csv(stream, origin, settings, encoding, delimiter)


def iter_data(
    data: bytes, kind: Kind, origin: str, settings: Settings, fetch_link: LinkFetcher | None
) -> Items:
    """Whatever a whole, in-memory body holds (a file's contents, a download)."""
    if kind == "feed":
        yield from iter_feed(data, origin, fetch_link)
    elif kind == "json":
        yield from iter_json(data, origin, settings)
    elif kind in STREAMED_KINDS:
        yield from iter_stream(io.BytesIO(data), kind, data[:SNIFF_BYTES], origin, settings)
    elif kind == "gzip":
        yield from iter_gzip(io.BytesIO(data), "", origin, settings, fetch_link)
    else:
        yield from _single(data, kind, origin)


def _gunzip_head(raw: IO[bytes]) -> bytes:
    """The first decompressed bytes, read without GzipFile so a short stream still sniffs."""
    start = raw.read(65536)
    raw.seek(0)
    return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(start, SNIFF_BYTES)


def _gunzip_items(
    raw: IO[bytes], name: str, origin: str, settings: Settings, fetch_link: LinkFetcher | None
) -> Items:
    inner_name = name[:-3] if name.lower().endswith(".gz") else ""
    head = _gunzip_head(raw)
    verdict = classify(inner_name, head)
    if isinstance(verdict, Refusal):
        yield Rejection(origin, verdict.reason, f"inside the gzip: {verdict.detail}")
        return
    if verdict == "gzip":
        yield Rejection(origin, "unsupported", "a gzip inside a gzip")
        return
    if verdict == "warc":  # warcio reads gzip itself, member by member
        yield from iter_warc(raw, origin, settings)
        return
    compressed = CountingReader(raw)
    with gzip.GzipFile(fileobj=compressed) as gunzip:
        unzipped = guarded(gunzip, compressed, settings)
        if verdict in STREAMED_KINDS:
            yield from iter_stream(unzipped, verdict, head, origin, settings)
        elif (data := read_capped(unzipped, settings.max_input_bytes)) is None:
            yield Rejection(origin, "too-large", "decompressed size is over max_input_bytes")
        else:
            yield from iter_data(data, verdict, origin, settings, fetch_link)


def iter_gzip(
    raw: IO[bytes], name: str, origin: str, settings: Settings, fetch_link: LinkFetcher | None
) -> Items:
    """A gzip-compressed input: sniffed again once decompressed; a cut-off stream is reported.

    Its decompressed bytes are held to `max_decompression_ratio` times the compressed ones
    (past a floor) while they are read, so a bomb holding a streamed table stops early too."""
    try:
        yield from _gunzip_items(raw, name, origin, settings, fetch_link)
    except RatioExceeded as over:
        yield Rejection(origin, "over-budget", over.detail)
    except EOFError:
        yield Rejection(origin, "truncated", "the gzip stream is cut off before its end")
    except (gzip.BadGzipFile, zlib.error):
        yield Rejection(origin, "malformed", "the gzip data is damaged and cannot be decompressed")


def _regular_size(path: Path, origin: str) -> int | Rejection:
    """The size of a regular file, or why the path is not one that can be read."""
    try:
        info = path.stat()
    except OSError as err:
        return Rejection(origin, *_stat_failure(path, err))
    kind = _NOT_FILES.get(stat.S_IFMT(info.st_mode))
    if kind is not None:
        return Rejection(origin, "unsupported", kind)
    return info.st_size


# What a path is when it is not a regular file, and why it is not read.
_NOT_FILES = {
    stat.S_IFDIR: "a link to a folder: links to folders are not followed (a cycle could loop)",
    stat.S_IFIFO: "a named pipe (FIFO), not a file: reading it could wait forever",
    stat.S_IFCHR: "a character device, not a file",
    stat.S_IFBLK: "a block device, not a file",
    stat.S_IFSOCK: "a socket, not a file",
}


def _stat_failure(path: Path, err: OSError) -> tuple[RejectReason, str]:
    if err.errno == errno.ELOOP:
        return "unreadable", "a symbolic link loop: the link leads back to itself"
    if isinstance(err, FileNotFoundError):
        if path.is_symlink():
            return "not-found", "a symbolic link to something that does not exist"
        return "not-found", "no such file or folder"
    if isinstance(err, PermissionError):
        return "unreadable", "this user may not read it (permission denied)"
    return "unreadable", f"cannot read it: {err.strerror or 'unknown error'}"


def iter_path(
    path: Path,
    origin: str,
    settings: Settings,
    fetch_link: LinkFetcher | None,
    name: str | None = None,
) -> Items:
    """The documents in one file. `name` overrides the file name for sniffing ("" for stdin)."""
    size = _regular_size(path, origin)
    if isinstance(size, Rejection):
        yield size
        return
    try:
        with path.open("rb") as handle:
            yield from _iter_open(
                handle, size, name if name is not None else path.name, origin, settings, fetch_link
            )
    except OSError as err:  # vanished, or permissions changed, between stat and open
        yield Rejection(origin, *_stat_failure(path, err))


def _iter_open(
    handle: IO[bytes],
    size: int,
    name: str,
    origin: str,
    settings: Settings,
    fetch_link: LinkFetcher | None,
) -> Iterator[RawDocument | Rejection]:
    head = handle.read(SNIFF_BYTES)
    verdict = classify(name, head)
    handle.seek(0)
    if isinstance(verdict, Refusal):
        yield Rejection(origin, verdict.reason, verdict.detail)
    elif verdict in STREAMED_KINDS:
        yield from iter_stream(handle, verdict, head, origin, settings)
    elif verdict == "gzip":
        yield from iter_gzip(handle, name, origin, settings, fetch_link)
    elif size > settings.max_input_bytes:
        detail = f"{size} bytes, over max_input_bytes ({settings.max_input_bytes})"
        yield Rejection(origin, "too-large", detail)
    else:
        yield from iter_data(handle.read(), verdict, origin, settings, fetch_link)
