"""Dates as printed on pages ("Dec 21, 2015", "Thursday , 18 April 2024", "2020-03-11 09:42").

A small, strict reader of our own: the cleaners need to know whether a *whole line* is a date
(page headers, comment stamps, forum posts) and to find a dated dateline, and a general date
parser would read far too much into ordinary text.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.records import DateSource, FoundDate

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?\s*,?\s*)?"
# A time of day after the date: "at 3:12 pm", ", 18:40", "| 6:52 PM", "- 19:22", "09:40 GMT",
# "12:04 AM Beirut". The zone or city is read case-sensitively, so a following lower-case word of
# running text is never taken for one.
_TIME = (
    r"(?:\s*(?:[,|@–—-]|\bat\b)?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?-i:\s*\(?(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?"
    r"|[A-Z][a-z]{2,}(?: time)?(?![\w:]))\)?)?)?"
)
_DATE_FORMS = (
    r"(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?\S*)?",
    _WEEKDAY + _MONTH + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(?P<y2>\d{4})" + _TIME,
    _WEEKDAY + r"(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.replace("mon>", "mon3>")
    + r"\s*,?\s+(?P<y3>\d{4})" + _TIME,
)  # fmt: skip
_TIME_RE = re.compile(_TIME, re.I)
DATE_RE = re.compile("|".join(f"(?:{form})" for form in _DATE_FORMS), re.I)
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})(?:[/-](?P<d>\d{1,2}))?(?:/|$|[-_])"
)


def _iso(year: str, month: int, day: str | None) -> str | None:
    try:
        if day is None:
            date(int(year), month, 1)
            return f"{int(year):04d}-{month:02d}"
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def _month_number(name: str) -> int:
    name = name.lower()
    return MONTHS["sept" if name.startswith("sept") else name[:3]]


_CLOCK = re.compile(r"\d[:.]\d\d")


def has_time(text: str) -> bool:
    """`text` (a date as printed) carries a time of day."""
    return _CLOCK.search(text) is not None


def is_time(text: str) -> bool:
    """The whole of `text` is a time of day ("6:52 PM", "12:04 AM Beirut", "at 18:40")."""
    stripped = text.strip()
    return has_time(stripped) and _TIME_RE.fullmatch(stripped) is not None


def parse_date_line(text: str) -> str | None:
    """The ISO date if the whole of `text` is one date (optionally with weekday and time)."""
    stripped = text.strip().strip("|·•-–—").strip()
    match = DATE_RE.fullmatch(stripped)
    return _date_of(match) if match else None


def find_date(text: str) -> tuple[str, str] | None:
    """The first full date (with a year) inside `text`: (ISO value, the text it was read from)."""
    for match in DATE_RE.finditer(text):
        value = _date_of(match)
        if value:
            return value, match.group(0).strip()
    return None


def _date_of(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups["y1"]:
        return _iso(groups["y1"], int(groups["m1"]), groups["d1"])
    if groups["y2"]:
        return _iso(groups["y2"], _month_number(groups["mon"]), groups["d2"])
    return _iso(groups["y3"], _month_number(groups["mon3"]), groups["d3"])


def found(text: str, source: DateSource) -> FoundDate | None:
    """A FoundDate for a string that holds a date, or None."""
    hit = find_date(text)
    return FoundDate(value=hit[0], source=source, text=hit[1]) if hit else None


def date_from_url(url: str | None) -> FoundDate | None:
    """/2019/03/18/ (or /2019/03/) in a URL's path."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    value = _iso(match["y"], int(match["m"]), match["d"])
    return FoundDate(value=value, source="url", text=match.group(0).strip("/-_")) if value else None
