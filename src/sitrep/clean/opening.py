"""The publication date printed at the opening of an article's own text.

Scraped and tabled articles often carry their date only in the text: a date line before the
headline or the first sentence ("Sun 22 Feb 2015", "12 February 2015", "05-09-2013",
"Friday, January 4, 2019", "Published April 5 2017", "Last updated at Apr 152017",
"24.07.2016Get short URL"), or after the headline and a byline ("... Monitor AFP Thursday 16 Jul
2015 At least ..."). A date is taken only from the opening: after the headline (when the text
repeats it) and at most a few label-like words (outlet, author, section, a clock time, "Published
on"), or right after an agency's credit that closes a standfirst ("... says monitoring group AFP
Friday 23 Aug 2013"); never from running text, where a date is an event's, not the page's.
"""

from __future__ import annotations

import re

from sitrep.clean.dates import DATE_RE, MONTHS, found
from sitrep.records import FoundDate

# Label-like words allowed before the date line: capitalised words, numbers, and these cues.
_CUES = frozenset(
    {
        "published", "posted", "on", "last", "updated", "update", "at", "date", "of",
        "publication", "by", "print", "this", "page", "modified", "created", "and", "in",
    }
)  # fmt: skip
_MAX_LABEL_WORDS = 8
_WORD = re.compile(r"[\w'’.-]+")
# 05-09-2013, 24.07.2016, 27/05/2017 (day first, as these outlets print it; month first only
# when the second number cannot be a month), possibly glued to the next word ("2016Get").
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})([-./])(\d{1,2})\2((?:19|20)\d{2})(?!\d)")
# "Apr 152017": the day glued to the year.
_GLUED = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})((?:19|20)\d{2})\b",
    re.I,
)
_HEAD_CHARS = 400
# The agency credit and day that open a byline after a standfirst ("... kills six and wounds 19
# says monitoring group AFP Friday 23 Aug 2013 A suicide bombing ..."): a credit in capitals
# or a wire's name, right before the date, with at most the weekday between. Running text
# never puts a date straight after an agency's name ("told AFP on Friday").
_CREDIT = re.compile(
    r"(?:^|\s)((?:[A-Z]{2,6}|Reuters|Sputnik|Anadolu|Xinhua)"
    r"(?:\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?)\s*$"
)


def opening_date(text: str, title: str | None = None) -> FoundDate | None:
    """The date line at the opening of `text` (after its headline, when repeated), or None."""
    found_line = _opening(text, title)
    return found_line[0] if found_line else None


def opening_date_span(text: str, title: str | None = None) -> tuple[int, int] | None:
    """Where the opening date line is in `text` (with the label words before it), or None."""
    found_line = _opening(text, title)
    return found_line[1] if found_line else None


def _opening(text: str, title: str | None) -> tuple[FoundDate, tuple[int, int]] | None:
    start = after_title(text, title)
    head = text[start : start + _HEAD_CHARS]
    hit = _first_date(head)
    if hit is None:
        return None
    position, value, printed = hit
    end = start + position + len(printed)
    if not _label_only(head[:position]):
        credit = _CREDIT.search(head[:position])
        if credit is None:
            return None
        start += credit.start(1)  # the standfirst before the credit stays text
    return FoundDate(value=value, source="dateline", text=printed), (start, end)


def _first_date(head: str) -> tuple[int, str, str] | None:
    """The earliest full date in `head`: (position, ISO value, text)."""
    hits: list[tuple[int, str, str]] = []
    match = DATE_RE.search(head)
    if match:
        dated = found(match.group(0), "dateline")
        if dated:
            hits.append((match.start(), dated.value, match.group(0).strip()))
    for numeric in _NUMERIC.finditer(head):
        value = _numeric(numeric)
        if value:
            hits.append((numeric.start(), value, numeric.group(0)))
            break
    glued = _GLUED.search(head)
    if glued:
        value = _iso(int(glued[3]), MONTHS[glued[1].lower()[:3]], int(glued[2]))
        if value:
            hits.append((glued.start(), value, glued.group(0)))
    return min(hits) if hits else None


def _numeric(match: re.Match[str]) -> str | None:
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    day, month = (second, first) if second > 12 else (first, second)
    return _iso(year, month, day)


def _iso(year: int, month: int, day: int) -> str | None:
    from datetime import date

    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _label_only(prefix: str) -> bool:
    """Nothing but label-like words before the date: no running text."""
    words = [w for w in _WORD.findall(prefix) if any(c.isalnum() for c in w)]  # not "-"
    if len(words) > _MAX_LABEL_WORDS:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _CUES for w in words)


def _fold(word: str) -> str:
    return re.sub(r"[^a-z0-9]", "", word.lower())


def after_title(text: str, title: str | None, start: int = 0) -> int:
    """Where the text continues after repeating its headline at `start` (0 when it does not).

    The headline may be repeated shortened or with a suffix ("... - Region - World"), so the
    text's leading words are matched against the title's, and at least four must agree. A
    repeat that stops short of the title's end is a headline only where the title breaks there
    ("Car bomb kills six in Homs NGO - Region - World") or most of it was repeated: a lede that
    opens with the headline's first words ("More than 100 civilians have been killed ..." under
    "More than 100 civilians killed ...") is the story's first sentence, not furniture.
    """
    if not title:
        return 0
    words = [(f, w) for f, w in ((_fold(w.group(0)), w) for w in _WORD.finditer(title)) if f]
    wanted = [f for f, _ in words]
    matched, end = 0, 0
    for word in _WORD.finditer(text, start, start + len(title) + 200):
        folded = _fold(word.group(0))
        if not folded:
            continue
        if matched < len(wanted) and folded == wanted[matched]:
            matched, end = matched + 1, word.end()
            continue
        break
    if matched < min(4, len(wanted)):
        return 0
    if matched < len(wanted) and not _title_breaks(title, words, matched):
        return 0
    return end


# The share of a headline's words a shortened repeat keeps.
_MOST_OF_TITLE = 0.75
_TITLE_BREAK = re.compile(r"[-|:\u2013\u2014]")


def _title_breaks(title: str, words: list[tuple[str, re.Match[str]]], matched: int) -> bool:
    """Whether a repeat of the title's first `matched` words stops where the title breaks (a
    dash, bar or colon before a section or site name) or keeps most of its words."""
    if matched >= _MOST_OF_TITLE * len(words):
        return True
    last, following = words[matched - 1][1], words[matched][1]
    # what follows the last word repeated, its own letters left out ("Ezour- Al Manar")
    between = re.sub(r"^[\w'\u2019.]+", "", title[last.start() : following.start()])
    return _TITLE_BREAK.search(between) is not None
