"""Shared shapes of the acquire stage: what its readers yield and read from."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from sitrep.records import RawDocument, Rejection

#: every reader yields documents and, for the inputs it could not read, rejections
Item = RawDocument | Rejection
Items = Iterator[Item]

#: fetches one URL (an item's link in a feed) and yields what it holds
LinkFetcher = Callable[[str], Items]


class Readable(Protocol):
    """A binary stream: an open file, a gzip stream, an HTTP body in memory."""

    def read(self, size: int = -1, /) -> bytes: ...


def read_capped(stream: Readable, limit: int) -> bytes | None:
    """Read at most `limit` bytes; None when the stream holds more (so it is never read whole)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data
