"""Where a line sits in the page's layout: inside the main run of prose, before it or after it.

The article is the page's longest stretch of paragraphs; chrome that reads like prose (bios,
disclaimers, subscription pitches) mostly comes after it or stands apart from it. These are the
line model's layout features; the model learns what they are worth (`fit.py`).
"""

from __future__ import annotations

import math
import re

from sitrep.clean.textscrape.lines import Line

MAIN_GAP = 3  # non-paragraph lines (a subhead, a caption) that may sit inside the main block
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_READER = frozenset(("you", "your", "you're", "yours", "yourself"))  # chrome talks to the reader
_PUBLISHER = frozenset(("we", "our", "us", "we're", "ours"))  # ... and for the site
_CODE_MARKS = re.compile(r"[=(){}\[\]<>/\\_$#;|`~]")
_BULLETS = "•·●▪◦‣*-–—"

LAYOUT_NAMES = (
    "in-main-block", "log-lines-after-block", "log-lines-before-block", "after-block",
    "log-headline-run", "log-paragraphs-after", "log-paragraphs-before", "signed-log-from-title",
    "reader-words", "publisher-words", "code-marks", "list-start", "all-capitals", "address",
)  # fmt: skip


def main_block(lines: list[Line]) -> tuple[int, int] | None:
    """The first and last line of the stretch of paragraphs with the most words, where
    consecutive paragraphs are at most MAIN_GAP other lines apart."""
    best: tuple[int, int, int] | None = None  # words, first, last
    start, words, last = 0, 0, None
    for i, line in enumerate(lines):
        if not line.is_paragraph:
            continue
        if last is None or i - last - 1 > MAIN_GAP:
            start, words = i, 0
        words += line.words
        last = i
        if best is None or words > best[0]:
            best = (words, start, i)
    return (best[1], best[2]) if best else None


def run_lengths(flags: list[bool]) -> list[int]:
    """For each position, the length of the run of True it is in (0 where False)."""
    out = [0] * len(flags)
    i = 0
    while i < len(flags):
        j = i
        while j < len(flags) and flags[j]:
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = max(j, i + 1)
    return out


def _signed_log(value: int) -> float:
    return math.copysign(math.log1p(abs(value)), value)


def _wording(text: str) -> list[float]:
    words = [w.casefold() for w in _WORD.findall(text)]
    n = max(1, len(words))
    return [
        sum(w in _READER for w in words) / n,
        sum(w in _PUBLISHER for w in words) / n,
        len(_CODE_MARKS.findall(text)) / max(1, len(text)),
        float(text[:1].isdigit() or text[:1] in _BULLETS),
        float(text.isupper() and any(ch.isalpha() for ch in text)),
        float("http" in text or "www." in text or "@" in text),
    ]


def layout_features(lines: list[Line], title_at: int | None) -> list[list[float]]:
    """One row per line, named by LAYOUT_NAMES."""
    block = main_block(lines)
    headline_runs = run_lengths([line.is_headline and not line.is_paragraph for line in lines])
    paragraphs = sum(line.is_paragraph for line in lines)
    before = 0
    rows = []
    for i, line in enumerate(lines):
        if block is None:
            place = [0.0, 0.0, 0.0, 0.0]
        else:
            first, last = block
            place = [
                float(first <= i <= last),
                math.log1p(max(0, i - last)),
                math.log1p(max(0, first - i)),
                float(i > last),
            ]
        after = paragraphs - before - line.is_paragraph
        from_title = 0.0 if title_at is None else _signed_log(i - title_at)
        runs = [math.log1p(headline_runs[i]), math.log1p(after), math.log1p(before)]
        rows.append([*place, *runs, from_title, *_wording(line.text)])
        before += line.is_paragraph
    return rows
