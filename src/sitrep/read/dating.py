"""How an event's date was worked out, in an analyst's words: one reading of the method the
extraction stored (`TimeValue.method`, kept on the event as `events.time_method`) for the
event page, the explorer's rows and the exports.

The methods are the time reader's (`sitrep.extract.time`), the report-dating's
(`sitrep.extract.dating`) and the narrative's (`sitrep.extract.narrative`); a method lent from
another sentence telling the same happening reads "<method>; same happening as sentence N".
Each falls in a kind, what an analyst weighs: a date the text gives is evidence, a weekday or
"yesterday" is as good as the publication date it was counted from, and the report's days are
no date at all (the text does not say when).
"""

from __future__ import annotations

import re
from typing import Literal

from typing_extensions import TypedDict

from sitrep.records import REPORTED_DAYS_METHOD, REPORTED_MONTH_METHOD

DatingKind = Literal[
    "text", "year-from-report", "weekday", "relative", "paragraph", "report", "unresolved"
]


class Dating(TypedDict):
    """How a date was worked out: its kind, the words an analyst reads, the method stored."""

    kind: DatingKind | None  # None: a method this reading does not know (shown as stored)
    words: str
    method: str


KIND_WORDS: dict[str, str] = {  # by DatingKind
    "text": "a date the text gives",
    "year-from-report": "a day or month the text names, its year taken from the publication date",
    "weekday": "a weekday, resolved against the publication date",
    "relative": "a relative expression, counted from the publication date",
    "paragraph": "undated in its sentence: the last date its paragraph gave",
    "report": "undated in the text: bounded by its report",
    "unresolved": "named in the text but not resolved: no publication day to count from",
}

# Each kind in a facet's few words (KIND_WORDS says it whole, in the facet's title)
KIND_LABELS: dict[str, str] = {
    "text": "the text's own date",
    "year-from-report": "day or month named, year from the report",
    "weekday": "a weekday, from the publication date",
    "relative": "relative: yesterday, last week…",
    "paragraph": "its paragraph's date",
    "report": "by its report (undated in the text)",
    "unresolved": "named but unresolved",
}

# The time reader's methods by kind; the detail says which rule of the kind it was
_METHODS: dict[str, tuple[DatingKind, str]] = {
    "absolute": ("text", ""),
    "dateparser": ("text", ""),
    "between-dates": ("text", "between two dates"),
    "truncated-year-by-weekday": ("text", "a two-digit year, told by its weekday"),
    "month-day-not-after-anchor": ("year-from-report", "the last such day on or before it"),
    "month-in-anchor-year": ("year-from-report", "the month in the report's year"),
    "last-month-name": ("year-from-report", "'last' month: before the report's month"),
    "month-name-not-after-anchor": ("year-from-report", "the last such month on or before it"),
    "season": ("year-from-report", "a season"),
    "weekday-on-or-before-anchor": ("weekday", "the last one on or before the publication date"),
    "weekday-after-anchor": ("weekday", "told of what is to come: the next one after it"),
    "yesterday": ("relative", "'yesterday'"),
    "today": ("relative", "'today'"),
    "tonight": ("relative", "'tonight'"),
    "days-ago": ("relative", "'N days ago'"),
    "ago": ("relative", "'N weeks/months ago', with some slack"),
    "past-n-before-anchor": ("relative", "'the past N days/weeks'"),
    "earlier-this-year": ("relative", "'earlier this year'"),
    "days-before-a-told-day": ("relative", "counted back from a day the text gives"),
    REPORTED_DAYS_METHOD: ("report", "the day it was published and the two before it"),
    REPORTED_MONTH_METHOD: ("report", "the month it was published in (no day known)"),
}
# methods written with a variable part ("first-half-of-month", "last-week", "early-decade")
_PATTERNS: tuple[tuple[re.Pattern[str], DatingKind, str], ...] = (
    (re.compile(r"-of-(year|month)$"), "year-from-report", "a part of a month or year"),
    (
        re.compile(r"-(week|month|year|decade)$"),
        "relative",
        "'this/last week', 'earlier this month'...",
    ),
    # a weekday or "yesterday" in a report with no publication day ("weekday;no-day-anchor")
    (re.compile(r";no(-day)?-anchor$"), "unresolved", ""),
    (re.compile(r"^undated in the text: the last date"), "paragraph", ""),
)
# a weekday or "yesterday" in a report with no publication day ("weekday;no-day-anchor")
_UNRESOLVED = re.compile(r";no(-day)?-anchor$")
_LENT = re.compile(r"same happening as sentence (\d+)")


def dating(method: str | None) -> Dating | None:
    """How the date of an event (or a mention) was worked out, from its stored method; None
    when none is stored (an event reduced before the store kept it, or an undated one)."""
    if not method:
        return None
    own = method.split(";")[0].strip()
    kind, detail = _METHODS.get(own, (None, ""))
    if _UNRESOLVED.search(method):
        kind, detail = "unresolved", ""
    if kind is None:
        for pattern, found, words in _PATTERNS:
            if pattern.search(own):
                kind, detail = found, words
                break
    if kind is None:
        return {"kind": None, "words": method, "method": method}
    words = KIND_WORDS[kind] + (f" ({detail})" if detail else "")
    lent = _LENT.search(method)
    if lent:
        words += f"; read in sentence {lent[1]}, which tells the same happening"
    return {"kind": kind, "words": words, "method": method}
