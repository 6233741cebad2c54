"""The decompressed-size budget inside a `.warc.gz`, which warcio decompresses itself.

warcio reads a compressed WARC through its own `DecompressingBufferedReader`: one gzip member
per record, each inflated block by block, and a record that is not a page skipped by inflating
it whole. None of that passes through `acquire.ratio`'s guarded streams, so a small member of
zeros would be inflated to gigabytes. `GuardedWarcReader` is that reader with the budget added
where it inflates: each member's decompressed bytes are held to `max_decompression_ratio` times
its own compressed bytes (past `decompression_floor_bytes`), and the whole file's likewise, so
many small members under the floor cannot add up to a bomb either.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import IO, Any

from warcio.bufferedreaders import DecompressingBufferedReader

from sitrep.acquire.ratio import RatioExceeded, ratio_problem
from sitrep.settings import Settings

# Members rejected for their ratio that a WARC may hold before the rest of it is not read.
MAX_SKIPPED = 10


class MemberOverBudget(RatioExceeded):
    """One gzip member (one record) grew past the budget; `member` is its number (from 1)."""

    def __init__(self, detail: str, member: int) -> None:
        super().__init__(detail)
        self.member = member


class FileOverBudget(RatioExceeded):
    """The WARC as a whole grew past the budget (many members, each under the floor)."""


@dataclass
class WarcBudget:
    """Bytes in and out, for the member being read and for the whole file."""

    settings: Settings
    member: int = 1
    member_start: int = 0  # where the member being read starts in the compressed file
    member_in: int = 0
    member_out: int = 0
    total_in: int = 0
    total_out: int = 0
    skipped: int = 0

    def add(self, compressed: int, decompressed: int) -> None:
        self.member_in += compressed
        self.member_out += decompressed
        self.total_in += compressed
        self.total_out += decompressed
        if problem := ratio_problem(self.member_out, self.member_in, self.settings):
            raise MemberOverBudget(problem, self.member)
        if problem := ratio_problem(self.total_out, self.total_in, self.settings):
            raise FileOverBudget(problem)

    def skip_member(self, member: int) -> bool:
        """Reading goes on at member number `member`, past one rejected for its ratio; False
        once `MAX_SKIPPED` members have been (many small bombs, each at the floor, would add
        up to a bomb again).

        The rejected member's bytes leave the file's totals: it is rejected on its own, and
        the records after it are held to the ratio of the rest."""
        self.skipped += 1
        if self.skipped > MAX_SKIPPED:
            return False
        self.total_in -= self.member_in
        self.total_out -= self.member_out
        self.member = member
        self.member_in = self.member_out = 0
        return True

    def next_member(self, carried: int, position: int) -> None:
        """A new member starts with `carried` compressed bytes already read (and counted);
        the file has been read up to `position`."""
        self.member += 1
        self.member_start = position - carried
        self.member_in = self.member_out = 0
        self.total_in -= carried  # they are counted again as the new member's


class GuardedWarcReader(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's reader, refusing to inflate past the budget (raises a `RatioExceeded`)."""

    def __init__(self, stream: Any, budget: WarcBudget, block_size: int) -> None:
        super().__init__(stream, block_size=block_size)
        self.budget = budget

    def _process_read(self, data: bytes) -> None:
        super()._process_read(data)
        if self.decompressor is not None and data:  # an uncompressed WARC is not held to it
            self.budget.add(len(data), self.buff_size)

    def read_next_member(self) -> bool:
        moved = bool(super().read_next_member())
        if moved:
            self.budget.next_member(len(self.starting_data or b""), self.stream.tell())
        return moved


_MEMBER_START = b"\x1f\x8b\x08"  # a gzip member: magic number, deflate


def next_member(stream: IO[bytes], after: int) -> int | None:
    """Where the next gzip member holding a WARC record starts, past `after` (a seekable file).

    A member over the budget is not inflated to its end to find the next one: the compressed
    bytes are searched for a gzip header instead, and a candidate counts only if its first
    bytes inflate to a WARC record's first line (the magic can occur inside deflate data)."""
    position = after + 1
    while True:
        stream.seek(position)
        window = stream.read(_WINDOW)
        found = window.find(_MEMBER_START)
        if found < 0:
            if len(window) < _WINDOW:
                return None
            position += len(window) - len(_MEMBER_START) + 1
            continue
        candidate = position + found
        stream.seek(candidate)
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(stream.read(4096), 16)
        except zlib.error:
            head = b""
        if head.startswith(b"WARC/"):
            return candidate
        position = candidate + 1


_WINDOW = 1024 * 1024
