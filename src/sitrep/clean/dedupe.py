"""Near-duplicate (syndicated copy) detection: MinHash over word shingles, banded with LSH.

Deterministic: the MinHash seed is fixed, so a signature stored by one run can be compared by a
later one (`NearDuplicateIndex.add_signature` rebuilds the index from stored bytes).
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

SEED = 20240418  # fixed: signatures must stay comparable across runs
SCHEME = "affine32"  # datasketch's permutation scheme, pinned: it decides the stored values
SHINGLE = 3  # words per shingle: copies with light edits keep most 3-word runs
_WORD = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {w.encode("utf-8") for w in words}
    return {
        " ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)
    }


def minhash(text: str, num_perm: int = 128) -> MinHash:
    sketch = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    sketch.update_batch(list(_shingles(text)))
    return sketch


def minhash_signature(text: str, num_perm: int = 128) -> bytes:
    """The bytes to store per document (num_perm × 4 bytes, little-endian)."""
    return bytes(minhash(text, num_perm).hashvalues.astype("<u4").tobytes())


def from_signature(signature: bytes, num_perm: int = 128) -> MinHash:
    values = np.frombuffer(signature, dtype="<u4").astype(np.uint32)
    if len(values) != num_perm:
        raise ValueError(f"signature holds {len(values)} values, expected {num_perm}")
    return MinHash(num_perm=num_perm, seed=SEED, hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """Finds documents that are near-copies of one already seen."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        # The bands are tuned below the threshold and against misses: a candidate is checked
        # against the threshold anyway, while a pair LSH never proposes is lost for good.
        self._lsh = MinHashLSH(
            threshold=max(threshold - 0.1, 0.05), num_perm=num_perm, weights=(0.2, 0.8)
        )
        self._sketches: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._sketches)

    def _match(self, sketch: MinHash) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for key in self._lsh.query(sketch):
            score = float(sketch.jaccard(self._sketches[key]))
            if score < self.threshold:
                continue
            # The best match wins; among equals, the earliest copy (the original).
            if best is None or (score, -self._order[key]) > (best[1], -self._order[best[0]]):
                best = (str(key), score)
        return best

    def _insert(self, doc_id: str, sketch: MinHash) -> None:
        self._lsh.insert(doc_id, sketch)
        self._sketches[doc_id] = sketch
        self._order[doc_id] = len(self._order)

    def check(self, text: str) -> tuple[str, float] | None:
        """The near-copy `text` would match, without adding it."""
        return self._match(minhash(text, self.num_perm))

    def add(self, doc_id: str, text: str) -> tuple[str, float] | None:
        """(first copy's id, estimated Jaccard) if `text` is a near-duplicate; else index it."""
        if doc_id in self._sketches or not _WORD.search(text):
            return None
        return self.add_sketch(doc_id, minhash(text, self.num_perm))

    def add_signature(self, doc_id: str, signature: bytes) -> tuple[str, float] | None:
        """Same as add, from stored signature bytes (rebuilding the index of earlier runs)."""
        if doc_id in self._sketches:
            return None
        return self.add_sketch(doc_id, from_signature(signature, self.num_perm))

    def add_sketch(self, doc_id: str, sketch: MinHash) -> tuple[str, float] | None:
        match = self._match(sketch)
        if match is None:
            self._insert(doc_id, sketch)
        return match
