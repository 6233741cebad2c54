"""The generated word lists under `sitrep/names/data/` (built by `scripts/build-*-lexicon`)."""

from __future__ import annotations

from importlib import resources


def word_list(path: str) -> frozenset[str]:
    """The words of a generated list under `sitrep.names`, one per line (its "#" lines say
    where it came from and are no words)."""
    text = resources.files("sitrep.names").joinpath(path).read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
