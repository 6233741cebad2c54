"""Histories: texts that tell the past by its own dates, not by their publication date.

News tells what has just happened and dates it from its report: "on Tuesday" is the Tuesday
before the date line, an undated attack happened in the days up to it, and a happening the text
dates years earlier is background the report recalls. An encyclopedia article, a chronology or
a retrospective tells a war years after it, by its own calendar: "In September 2016 the rebels
advanced on Dabiq. On 3 October, ..." Read like news against a publication date of 2023, every
"On 3 October" lands in 2022 or 2023, every undated clash in the days before the page was saved,
and every happening the text dates is "recalled" background.

A text is a history when it gives several dates with their year (HISTORY_MIN_DATES) and every
one lies long (HISTORY_DAYS) before its publication date, or it has no publication date, and it tells nothing by days counted from its
report ("yesterday", "on Tuesday", "last week"). In a history, a day or month told without its
year ("On 3 October") is read in the year the narrative has reached: the last year the text
gave before the sentence (the title's, "2016 Dabiq offensive", counting first); no happening is
dated by the report, and none is background to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from sitrep.extract.time import find_time_expressions, normalize_time

# Dates this far before the publication date are not what a report of the day tells.
HISTORY_DAYS = 365
# A history tells several dated happenings; a report that recalls one old year ("the war that
# began in 2011") and dates its own news by a dateline the reader cannot see is no history.
HISTORY_MIN_DATES = 3

# Times counted from the day of the report: a text that uses them is telling its news.
_DEICTIC = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:this|last|next|past)\s+(?:week|weekend|month|night|morning|evening)|\w+\s+ago)\b",
    re.I,
)


_TITLE_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,.]\d)")


def _absolute_times(text: str) -> list[tuple[int, str, str]]:
    """(offset, start, end) of every time the text dates with its year, read with no anchor."""
    out = []
    for found in find_time_expressions(text):
        value = normalize_time(found.text, None)
        if value.start is not None:
            out.append((found.start, value.start, value.end or value.start))
    return out


def is_history(text: str, published: str | None) -> bool:
    """The text tells the past by its own dates (see the module doc)."""
    times = _absolute_times(text)
    if len(times) < HISTORY_MIN_DATES or _DEICTIC.search(text):
        return False
    if not published or len(published) < 10:
        return True
    try:
        report = date.fromisoformat(published[:10])
        latest = max(date.fromisoformat(end[:10]) for _, _, end in times)
    except ValueError:
        return False
    return latest < report - timedelta(days=HISTORY_DAYS)


def narrative_years(text: str, starts: Sequence[int], title: str | None = None) -> list[str | None]:
    """For each sentence start in `starts`, the year the narrative has reached before it: the
    year of the last time the text dated with its year before that offset, else the first
    year the title names."""
    # a title names its year bare ("2016 Dabiq offensive", "Siege of Kobani (2014-2015)"): the
    # first one is where its story starts
    named = _TITLE_YEAR.search(title or "")
    year = named.group(0) if named else None
    times = _absolute_times(text)
    out: list[str | None] = []
    k = 0
    for start in starts:
        while k < len(times) and times[k][0] < start:
            year = times[k][1][:4]
            k += 1
        out.append(year)
    return out
