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
    """The last `size` values made, by stamp and key; the least recently used goes first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[tuple[Stamp, Hashable], V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, at: Stamp, key: Hashable, make: Callable[[], V]) -> V:
        """The value kept for `key` at this stamp, else `make()` (kept for next time)."""
        with self._lock:
            if (at, key) in self._values:
                self._values.move_to_end((at, key))
                return self._values[(at, key)]
        value = make()  # outside the lock: two requests may make it at once, both right
        with self._lock:
            self._values[(at, key)] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
