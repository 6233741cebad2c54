"""Cutting the inputs into shards for a distributed run, in the order a local run reads them.

A shard is a list of pieces, each a slice of one input's items (rows of a table, records of a
crawl, or a whole page). Reading the shards one after another yields exactly the items
`iter_inputs(specs)` yields, in the same order, which is what makes a distributed run and a
local run store the same documents under the same ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from itertools import islice

from sitrep.acquire import iter_inputs
from sitrep.acquire.specs import expand
from sitrep.errors import UsageError
from sitrep.records import RawDocument, Rejection, stable_id
from sitrep.settings import Settings


@dataclass(frozen=True)
class Piece:
    target: str  # a file path or URL, as `expand` gave it
    start: int
    stop: int | None  # None: to the end (URLs, whose item count is unknown until fetched)


@dataclass(frozen=True)
class Shard:
    index: int
    pieces: tuple[Piece, ...]

    @property
    def id(self) -> str:
        return stable_id("shard", self.index, *(asdict(p) for p in self.pieces))

    def to_json(self) -> str:
        return json.dumps({"index": self.index, "pieces": [asdict(p) for p in self.pieces]})

    @staticmethod
    def from_json(text: str) -> Shard:
        data = json.loads(text)
        return Shard(data["index"], tuple(Piece(**p) for p in data["pieces"]))


def _count_items(target: str, settings: Settings) -> int:
    return sum(1 for _ in iter_inputs([target], settings))


def plan_shards(specs: Sequence[str], settings: Settings, shard_size: int = 256) -> list[Shard]:
    """Cut the inputs into shards of about `shard_size` items, in input order."""
    shards: list[Shard] = []
    pieces: list[Piece] = []
    filled = 0

    def close() -> None:
        nonlocal pieces, filled
        if pieces:
            shards.append(Shard(len(shards), tuple(pieces)))
            pieces, filled = [], 0

    for target in expand(specs):
        if target.kind == "stdin":
            raise UsageError("the distributed runner cannot read standard input; save it to a file")
        if target.kind == "url":
            close()
            pieces.append(Piece(target.value, 0, None))
            close()
            continue
        total, start = _count_items(target.value, settings), 0
        while start < total:
            take = min(shard_size - filled, total - start)
            pieces.append(Piece(target.value, start, start + take))
            start, filled = start + take, filled + take
            if filled >= shard_size:
                close()
    close()
    return shards


def iter_shard(shard: Shard, settings: Settings) -> Iterator[RawDocument | Rejection]:
    for piece in shard.pieces:
        yield from islice(iter_inputs([piece.target], settings), piece.start, piece.stop)
