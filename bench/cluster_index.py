"""One document's name clustering with the key index, against every-cluster comparison.

    python bench/cluster_index.py [MENTIONS ...]

For each size (default 1,000, 2,000 and 4,000 mentions), a document of made-up names (people
and organisations, a third of them repeated or misspelt, a fifth short forms) is clustered
both ways in the same run; the script prints each way's CPU seconds, the ratio, and whether
the clusters are the same. Every-cluster comparison grows with the square of the mentions, the
index with their number (a 1.3-million-character article's 26,051 mentions: 150 s of reduce
before, about 12 s after; docs/hostile-input.md).
"""

from __future__ import annotations

import random
import sys
import time
from typing import Any

from sitrep.pack.loader import load_pack
from sitrep.resolve.cluster import cluster_document
from sitrep.resolve.packmatch import PackMatcher

_LETTERS, _VOWELS = "bcdfghklmnprstz", "aeiou"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_LETTERS) + rng.choice(_VOWELS) for _ in range(3)).title()


def _document(size: int, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    names: list[tuple[str, str]] = []
    mentions = []
    for position in range(size):
        if names and rng.random() < 0.33:
            label, text = rng.choice(names)
            if rng.random() < 0.5:  # a letter changed: a spelling variant
                at = rng.randrange(len(text))
                text = text[:at] + rng.choice(_VOWELS) + text[at + 1 :]
        else:
            label = rng.choice(("PERSON", "ORG", "GPE"))
            text = " ".join(_word(rng) for _ in range(rng.randint(2, 3)))
            names.append((label, text))
        if label != "GPE" and rng.random() < 0.2:
            text = text.split()[-1]
        start = position * 40
        mentions.append(
            {"id": f"m{position}", "label": label, "text": text, "start": start, "end": start + 20}
        )
    return mentions


def _timed(
    mentions: list[dict[str, Any]], matcher: PackMatcher, indexed: bool
) -> tuple[float, Any]:
    started = time.process_time()
    clusters = cluster_document(mentions, matcher, indexed=indexed)
    shape = [(c.label, c.name, c.pack_id, tuple(c.reasons.items())) for c in clusters]
    return time.process_time() - started, shape


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv[1:]] or [1000, 2000, 4000]
    matcher = PackMatcher(load_pack())
    print(f"{'mentions':>8}  {'every cluster':>13}  {'index':>7}  {'ratio':>6}  same")
    for size in sizes:
        mentions = _document(size)
        every, reference = _timed(mentions, matcher, indexed=False)
        indexed, shape = _timed(mentions, matcher, indexed=True)
        ratio = every / max(indexed, 1e-9)
        print(
            f"{size:>8}  {every:>11.2f} s  {indexed:>5.2f} s  {ratio:>5.1f}×  {shape == reference}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
