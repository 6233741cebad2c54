"""What the API keeps between requests, for as long as the store has not changed.

An unfiltered explorer view reads every event (its facets and trend count them all), and the
map and the timeline ask for it page after page, so each request rebuilt the same rows (19,350
events: about 2 s a request). A view is kept under the store's revision (`sitrep.store.revision`:
the store's id and its count of commits), which every write transaction moves on, so a kept
view is never served after a commit: the next request reads the store again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from sqlalchemy import Connection

from sitrep.store import Store, revision

V = TypeVar("V")
# where a kept value came from: the store's address, its id and its commits
Stamp = tuple[str, str, int]


def stamp(store: Store, conn: Connection) -> Stamp:
    """The store's revision now. Read it before the rows it keys: rows read after it are as new
    as it or newer, so a stamp never keys rows older than itself."""
    store_id, commits = revision(conn)
    return store.db, store_id, commits


class Kept(Generic[V]):
    """The values made most recently, by stamp and key, up to `budget` in all as `weigh` counts
    them (the events a view holds: 2 kB of memory each; every value weighs one more, so that
    empty answers are counted too); the least recently used goes first, and the newest value
    stays even alone over the budget. A value made at a newer revision of a store drops that
    store's values of older revisions, which no request will ask for again."""

    def __init__(self, budget: int, weigh: Callable[[V], int] = lambda _: 0) -> None:
        self.budget = budget
        self.weigh = weigh
        self._values: OrderedDict[tuple[Stamp, Hashable], tuple[V, int]] = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock()

    def get(self, at: Stamp, key: Hashable, make: Callable[[], V]) -> V:
        """The value kept for `key` at this stamp, else `make()` (kept for next time)."""
        with self._lock:
            if (at, key) in self._values:
                self._values.move_to_end((at, key))
                return self._values[(at, key)][0]
        value = make()  # outside the lock: two requests may make it at once, both right
        with self._lock:
            self._drop(lambda kept: _older(kept, at))
            self._drop(lambda kept: kept == (at, key))
            weight = 1 + self.weigh(value)
            self._values[(at, key)] = (value, weight)
            self._weight += weight
            while len(self._values) > 1 and self._weight > self.budget:
                _, (_, dropped) = self._values.popitem(last=False)
                self._weight -= dropped
        return value

    def find(self, at: Stamp, key: Hashable) -> V | None:
        """The value kept for `key` at this stamp, if one is (nothing is made)."""
        with self._lock:
            if (at, key) not in self._values:
                return None
            self._values.move_to_end((at, key))
            return self._values[(at, key)][0]

    def _drop(self, which: Callable[[tuple[Stamp, Hashable]], bool]) -> None:
        for kept in [k for k in self._values if which(k)]:
            self._weight -= self._values.pop(kept)[1]

    def weight(self) -> int:
        with self._lock:
            return self._weight

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._weight = 0


def _older(kept: tuple[Stamp, Hashable], at: Stamp) -> bool:
    """Kept under an older revision of the same store (same address and id, fewer commits)."""
    (address, store_id, commits), _ = kept
    return address == at[0] and store_id == at[1] and commits < at[2]
