"""The decompressed-size ratio budget: a small compressed input may not grow without end.

A gzip of zeros grows a thousand times when it is read; a table or a crawl inside one is streamed
row by row, so `max_input_bytes` alone does not stop it. Past a floor (`decompression_floor_bytes`,
so that small, very repetitive inputs still read), the bytes decompressed may be at most
`max_decompression_ratio` times the compressed bytes read so far. Real pages and tables compress
5 to 20 times.
"""

from __future__ import annotations

import io
from typing import IO

from sitrep.acquire.base import Readable
from sitrep.settings import Settings


class RatioExceeded(Exception):
    """Raised by a guarded stream; `detail` is the rejection's reason in words."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def ratio_problem(decompressed: int, compressed: int, settings: Settings) -> str | None:
    """Why `decompressed` bytes from `compressed` ones are over the budget; None when within."""
    ratio = settings.max_decompression_ratio
    if decompressed <= settings.decompression_floor_bytes or decompressed <= ratio * compressed:
        return None
    return (
        f"decompressed size is more than {ratio} times the compressed size "
        f"({decompressed} bytes from {compressed}; max_decompression_ratio): a decompression bomb?"
    )


class CountingReader(io.RawIOBase):
    """The compressed side: counts the bytes a decompressor reads from `inner`."""

    def __init__(self, inner: Readable) -> None:
        self._inner = inner
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


class _Guarded(io.RawIOBase):
    """The decompressed side: raises RatioExceeded as soon as it outgrows the budget."""

    def __init__(self, inner: Readable, compressed: CountingReader, settings: Settings) -> None:
        self._inner = inner
        self._compressed = compressed
        self._settings = settings
        self._size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        self._size += len(data)
        if problem := ratio_problem(self._size, self._compressed.count, self._settings):
            raise RatioExceeded(problem)
        buffer[: len(data)] = data
        return len(data)


def guarded(decompressed: Readable, compressed: CountingReader, settings: Settings) -> IO[bytes]:
    """`decompressed` as a buffered binary stream that enforces the ratio budget while read."""
    return io.BufferedReader(_Guarded(decompressed, compressed, settings))
