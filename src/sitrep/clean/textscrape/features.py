"""What the line model reads: the features a line has on its own and in its page.

A line of a flattened page is article or page chrome mostly by how it reads (length, sentence
shape, punctuation, function words, link-text casing) and where it sits (inside the page's run
of prose, or out among the menus and footers around it). The rule passes' verdict on the line is
one more feature: the model learns how far to trust each of them.

Everything here is a plain function of the lines; the weights that turn the features into a
score are fitted from data (`fit.py`), never set by hand.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from sitrep.clean.textscrape.layout import layout_features
from sitrep.clean.textscrape.lines import Line, fingerprint, word_set

# The rule passes' guesses from a line's place (the lines above the first paragraph, short lines
# after the last) and the lines they left as body.
GUESSED = ("body", "header-chrome", "footer-chrome", "stray")
# The kinds the model may overrule: those guesses, and runs of short unpunctuated lines taken
# for a list of links (which are as often code, a recipe's ingredients or a table's rows). The
# other structural kinds (a caption printed twice, pattern-matched widgets, comment threads,
# bios, forms, the title and byline) stay as the rules say.
DECIDABLE = (*GUESSED, "link-list")

# Function words of the languages the dev pages are in: running prose is full of them, menus,
# link texts and labels rarely hold any.
_FUNCTION_WORDS_TEXT = """
a an the and or but of to in on at for with from by as is are was were be been has have had
it its this that these those he she they we you i his her their our not no if so than then
which who whom what when where there here will would can could may might should do does did
der die das und oder aber ein eine einen dem den des ist sind war nicht mit von zu im auf
für sich auch als wie es er sie wir ich le la les et un une des du est dans pour que qui
il el los las y en por con para
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_CLAUSE_MARKS = re.compile(r"[,;:()]")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+[A-Z\"“‘(]")
_ARTICLE_MARKS = frozenset(("title", "byline"))
_CONTEXT_NEAR = 2
_CONTEXT_FAR = 6


_SHAPE_NAMES = (
    "log-words", "log-chars", "ends-sentence", "ends-period", "ends-question", "ends-colon",
    "paragraph", "headline", "clause-marks", "function-words", "capitalised", "digits",
    "letters", "sentences", "copyright", "lower-start", "indented", "gap-before",
)  # fmt: skip


def _line_shape(line: Line) -> list[float]:
    """Features of the line on its own."""
    text = line.text
    words = _WORD.findall(text)
    n = max(1, len(words))
    letters = sum(ch.isalpha() for ch in text)
    capitalised = sum(1 for w in words if w[:1].isupper())
    return [
        math.log1p(len(words)),
        math.log1p(len(text)),
        float(line.ends_sentence),
        float(text.endswith(".")),
        float(text.endswith("?")),
        float(text.endswith(":")),
        float(line.is_paragraph),
        float(line.is_headline),
        len(_CLAUSE_MARKS.findall(text)) / n,
        sum(1 for w in words if w.casefold() in _FUNCTION_WORDS) / n,
        capitalised / n,
        sum(ch.isdigit() for ch in text) / max(1, len(text)),
        letters / max(1, len(text)),
        math.log1p(len(_SENTENCE_END.findall(text))),
        float("©" in text or "copyright" in text.casefold()),
        float(text[:1].islower()),
        float(line.indent > 0),
        float(line.gap > 0),
    ]


def _prose_words(lines: list[Line]) -> list[float]:
    return [float(line.words) if line.is_paragraph else 0.0 for line in lines]


def _window(values: list[float], i: int, reach: int) -> float:
    """Mean of the values around i (the line itself left out)."""
    around = values[max(0, i - reach) : i] + values[i + 1 : i + 1 + reach]
    return sum(around) / len(around) if around else 0.0


def _repeats(lines: list[Line]) -> list[int]:
    keys = [fingerprint(line.text) for line in lines]
    counts = Counter(keys)
    return [counts[k] - 1 for k in keys]


def page_features(lines: list[Line], kinds: list[str], title: str | None) -> list[list[float]]:
    """One feature vector per line: its shape, its neighbourhood, its place in the page and in
    its layout (`layout.py`), how often it repeats, how like the title it reads, and what the
    rule passes made of it. The vocabulary's features (`vocabulary.py`) are added by the model."""
    prose = _prose_words(lines)
    total = sum(prose) or 1.0
    log_prose = [math.log1p(p) for p in prose]
    words = [math.log1p(line.words) for line in lines]
    repeats = _repeats(lines)
    title_words = word_set(title) if title else set()
    # Widgets the patterns recognised (share rows, related links, forms, comment threads) mark
    # the page's chrome zones; the title and byline mark where the article starts.
    widgets = [float(kind not in GUESSED and kind not in _ARTICLE_MARKS) for kind in kinds]
    title_at = next((i for i, kind in enumerate(kinds) if kind == "title"), None)
    layout = layout_features(lines, title_at)
    before = 0.0
    n = max(1, len(lines) - 1)
    rows: list[list[float]] = []
    for i, line in enumerate(lines):
        share_before = before / total
        before += prose[i]
        share_after = max(0.0, 1.0 - before / total)
        own = word_set(line.text)
        overlap = len(own & title_words) / len(own | title_words) if own and title_words else 0.0
        row = _line_shape(line)
        row += [
            _window(log_prose, i, _CONTEXT_NEAR),
            _window(log_prose, i, _CONTEXT_FAR),
            _window(words, i, 1),
            share_before,
            share_after,
            min(share_before, share_after),
            i / n,
            math.log1p(repeats[i]),
            overlap,
            _window(widgets, i, _CONTEXT_NEAR),
            _window(widgets, i, _CONTEXT_FAR),
            float(title_at is not None and i > title_at),
        ]
        row += layout[i]
        row += [float(kinds[i] == kind) for kind in DECIDABLE]
        rows.append(row)
    return rows


NEIGHBOUR_WIDTH = 8
_HIGH = 0.5  # a first-stage score this high reads as article
_AHEAD = 5  # lines looked at above and below for the best neighbour


def neighbour_features(scores: list[float]) -> list[list[float]]:
    """The first-stage scores around each line: an article's lines come in runs, and prose-like
    chrome (a bio, a disclaimer) follows the last line that reads as article, with nothing
    article-like after it."""
    high = [float(s >= _HIGH) for s in scores]
    total = sum(high)
    rows = []
    before = 0.0
    for i in range(len(scores)):
        previous = scores[i - 1] if i else 0.0
        following = scores[i + 1] if i + 1 < len(scores) else 0.0
        after = total - before - high[i]
        rows.append(
            [
                previous,
                following,
                _window(scores, i, _CONTEXT_NEAR),
                _window(scores, i, _CONTEXT_FAR),
                math.log1p(after),
                math.log1p(before),
                max(scores[i + 1 : i + 1 + _AHEAD], default=0.0),
                max(scores[max(0, i - _AHEAD) : i], default=0.0),
            ]
        )
        before += high[i]
    return rows
