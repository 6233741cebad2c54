"""Histories: texts that tell the past by its own dates, not by their publication date.

News tells what has just happened and dates it from its report: "on Tuesday" is the Tuesday
before the date line, an undated attack happened in the days up to it, and a happening the text
dates years earlier is background the report recalls. An encyclopedia article, a chronology or
a retrospective tells a war years after it, by its own calendar: "In September 2016 the rebels
advanced on Dabiq. On 3 October, ..." Read like news against a publication date of 2023, every
"On 3 October" lands in 2022 or 2023, every undated clash in the days before the page was saved,
and every happening the text dates is "recalled" background.

A text is a history when it gives several dates with their year (HISTORY_MIN_DATES), most of
them (OLD_SHARE) long (HISTORY_DAYS) before its publication date or it has none; it tells next
to nothing by days counted from a report ("yesterday", "on Tuesday", "last week": at most one
for DATES_PER_DEICTIC dates, none in its opening lines); and none of its dates falls in the
days of its report (NEWS_DAYS). In a history, a day or month told without its year ("On 3
October") is read in the year the narrative has reached: the last year the text gave before
the sentence (the title's, "2016 Dabiq offensive", counting first); no happening is
dated by the report, and none is background to it; one the text does not date takes the last
date its paragraph told before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from sitrep.extract.dating import DATED_BY_REPORT
from sitrep.extract.time import find_time_expressions, normalize_time
from sitrep.records import EventMention, TimeValue

# Dates this far before the publication date are not what a report of the day tells.
HISTORY_DAYS = 365
# A history tells several dated happenings; a report that recalls one old year ("the war that
# began in 2011") and dates its own news by a dateline the reader cannot see is no history.
HISTORY_MIN_DATES = 3
# A long history quotes a day counted from a report now and then ("'... today', he said", "the
# offensive the army began last week", as a source put it at the time); a report uses them for
# its news. A history gives this many dates for each.
DATES_PER_DEICTIC = 4
# Where news tells its news: a day from the report in the opening lines makes a report of the
# rest, however much history it recalls (an obituary: "died Saturday", then the life by years).
LEDE_CHARS = 600
# A history may come up to its own present ("as of 2023"): most of its dates are long past.
OLD_SHARE = 0.75
# ... but a text that dates something to the days around its report (its date line, "on April
# 4 2017" in a report of that day) is telling news, whatever background it recalls.
NEWS_DAYS = 7

# Times counted from the day of the report: a text that uses them is telling its news.
_DEICTIC = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:this|last|past)\s+(?:week|weekend|month|night|morning|evening)|\w+\s+ago)\b",
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
    if len(times) < HISTORY_MIN_DATES:
        return False
    deictic = list(_DEICTIC.finditer(text))
    if len(deictic) * DATES_PER_DEICTIC > len(times):
        return False
    if deictic and deictic[0].start() < LEDE_CHARS:
        return False  # its news first, by a day from its report ("... died Saturday, aged 78")
    if not published or len(published) < 10:
        return True
    try:
        report = date.fromisoformat(published[:10])
        ends = [date.fromisoformat(end[:10]) for _, _, end in times]
    except ValueError:
        return False
    if any(abs((end - report).days) <= NEWS_DAYS for end in ends):
        return False  # it dates something to the days of its report: news
    old = sum(end < report - timedelta(days=HISTORY_DAYS) for end in ends)
    return old >= len(ends) * OLD_SHARE


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


# How a happening the history does not date is dated by its paragraph (see `paragraph_dates`).
PARAGRAPH_METHOD = "undated in the text: the last date its paragraph told before it"


def paragraph_dates(
    text: str, spans: Sequence[tuple[int, int]], anchors: Sequence[str | None]
) -> list[TimeValue | None]:
    """For each sentence (its character span and the anchor its times are read against), the
    last time the sentences before it in its paragraph told: a history tells a paragraph's
    happenings under its date ("On 16 November the army stormed two districts. ISIL confirmed a
    suicide attack in the area."), as an analyst dates them."""
    out: list[TimeValue | None] = []
    current: TimeValue | None = None
    previous_end = 0
    for (start, end), anchor in zip(spans, anchors, strict=True):
        sentence = text[start:end]
        opening = text[previous_end:start] + sentence[: len(sentence) - len(sentence.lstrip())]
        if "\n" in opening:
            current = None  # a new paragraph: what the last one dated is not its date
        out.append(current)
        for found in find_time_expressions(sentence):
            value = normalize_time(found.text, anchor)
            if value.start is not None:
                current = value
        previous_end = end
    return out


def dated_by_paragraph(mention: EventMention, carried: TimeValue | None) -> EventMention:
    """A happening of a history the text does not date takes its paragraph's last date."""
    if mention.time is not None or mention.modality is not None or carried is None:
        return mention
    if mention.type not in DATED_BY_REPORT:
        return mention
    time = replace(carried, text="", method=PARAGRAPH_METHOD)
    return replace(mention, time=time)
