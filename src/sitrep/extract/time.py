"""Time expressions: find them in text and normalise them against a document's anchor date.

Precision is ours to own: a month name without a year resolves to the most recent such month
not after the anchor, a weekday to the most recent such day on or before the anchor (news copy
says "on Wednesday" for the day it is published), and without an anchor every relative
expression stays "unresolved" with no start/end, so nothing unresolved poses as a precise date.
dateparser is the fallback for absolute dates in formats our patterns do not cover.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from sitrep.records import TimeValue

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 4,
}  # fmt: skip

_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A month's full name, as a regular expression (also read by `furniture` and `newsworthy`).
MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WD = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?\.?"
_WD_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_NUM = (
    r"(?:\d+|a couple of|a few|few|several|an?|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven|twelve)"
)
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"


class _Groups(Protocol):
    def __getitem__(self, key: str) -> str | None: ...


@dataclass(frozen=True)
class TimeSpan:
    """A time expression found in text, with its character offsets."""

    start: int
    end: int
    text: str


def _iso(d: date) -> str:
    return d.isoformat()


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _parse_anchor(anchor: str | None) -> tuple[date | None, str]:
    """The anchor as a date and its precision ("day", "month", "year" or "none")."""
    if not anchor:
        return None, "none"
    parts = anchor[:10].split("-")
    try:
        if len(parts) >= 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2])), "day"
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1), "month"
        return date(int(parts[0]), 1, 1), "year"
    except ValueError:
        return None, "none"


def _month_num(token: str) -> int:
    word = token.lower().rstrip(".")
    return MONTHS[word] if word in MONTHS else MONTHS[word[:3]]


def _day_num(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def _number(text: str) -> int:
    text = text.lower().strip()
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text, 3)


def _day(text: str, value: date, anchor: str | None, method: str) -> TimeValue:
    return TimeValue(text, "day", _iso(value), _iso(value), anchor, method)


def _month_value(text: str, year: int, month: int, anchor: str | None, method: str) -> TimeValue:
    start, end = date(year, month, 1), _month_end(year, month)
    return TimeValue(text, "month", _iso(start), _iso(end), anchor, method)


def _range(text: str, start: date, end: date, anchor: str | None, method: str) -> TimeValue:
    return TimeValue(text, "range", _iso(start), _iso(end), anchor, method)


def _unresolved(text: str, anchor: str | None, method: str) -> TimeValue:
    return TimeValue(text, "unresolved", None, None, anchor, method)


# --------------------------------------------------------------------------------------------
# handlers: each takes (match, text, anchor date, anchor precision, anchor string)

Handler = Callable[[re.Match[str], str, date | None, str, str | None], TimeValue]


def _h_iso(m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None) -> TimeValue:
    try:
        value = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return _unresolved(text, anchor, "invalid-date")
    return _day(text, value, anchor, "absolute")


def _full_date(m: re.Match[str], text: str, anchor: str | None) -> TimeValue:
    year_text, month, day = m["y"], _month_num(m["mon"]), _day_num(m["d"])
    if len(year_text) == 2:
        year_text = "20" + year_text
    if len(year_text) == 3:  # a truncated year ("March 18, 201"): the weekday may pin it down
        return _truncated_year(m, text, anchor, int(year_text), month, day)
    try:
        return _day(text, date(int(year_text), month, day), anchor, "absolute")
    except ValueError:
        return _unresolved(text, anchor, "invalid-date")


def _truncated_year(
    m: re.Match[str], text: str, anchor: str | None, decade: int, month: int, day: int
) -> TimeValue:
    weekday = m["wd"]
    candidates = []
    for year in range(decade * 10, decade * 10 + 10):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if weekday is None or value.weekday() == WEEKDAYS[weekday.lower().rstrip(".")]:
            candidates.append(value)
    if len(candidates) == 1:
        return _day(text, candidates[0], anchor, "truncated-year-by-weekday")
    years = ",".join(str(c.year) for c in candidates)
    return _unresolved(text, anchor, f"month-day:--{month:02d}-{day:02d};year-candidates:{years}")


def _h_full(m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None) -> TimeValue:
    return _full_date(m, text, anchor)


def _h_month_day(
    m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None
) -> TimeValue:
    month, day = _month_num(m["mon"]), _day_num(m["d"])
    if month == 2 and day == 29:
        pass
    elif not 1 <= day <= calendar.monthrange(2001, month)[1]:
        return _unresolved(text, anchor, "invalid-date")
    if a is None:
        return _unresolved(text, anchor, f"month-day:--{month:02d}-{day:02d};no-anchor")
    if ap == "year":
        year = a.year
    else:
        year = a.year if (month, day) <= (a.month, a.day if ap == "day" else 31) else a.year - 1
    try:
        return _day(text, date(year, month, day), anchor, "month-day-not-after-anchor")
    except ValueError:
        return _unresolved(text, anchor, "invalid-date")


def _h_month_year(
    m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None
) -> TimeValue:
    return _month_value(text, int(m["y"]), _month_num(m["mon"]), anchor, "absolute")


def _h_part_of(m: _Groups, text: str, a: date | None, ap: str, anchor: str | None) -> TimeValue:
    """Part of a month or year: "at the end of August", "early March", "mid-2015"."""
    part = (m["part"] or "").lower()
    if m["y"] and not m["mon"]:
        year = int(m["y"])
        thirds = {"beginning": (1, 4), "start": (1, 4), "early": (1, 4), "middle": (5, 8),
                  "mid": (5, 8), "end": (9, 12), "late": (9, 12)}  # fmt: skip
        lo, hi = thirds.get(part, (1, 12))
        return _range(text, date(year, lo, 1), _month_end(year, hi), anchor, f"{part}-of-year")
    month_tv = _resolve_month(m["mon"] or "", m["y"], text, a, ap, anchor, last=False)
    if month_tv.start is None:
        return month_tv
    first = date.fromisoformat(month_tv.start)
    last = date.fromisoformat(month_tv.end or month_tv.start)
    if part in ("beginning", "start", "early"):
        begin, finish = first, first.replace(day=10)
    elif part in ("middle", "mid"):
        begin, finish = first.replace(day=11), first.replace(day=20)
    else:
        begin, finish = first.replace(day=21), last
    return _range(text, begin, finish, anchor, f"{part}-of-month")


def _resolve_month(
    mon: str, year: str | None, text: str, a: date | None, ap: str, anchor: str | None, last: bool
) -> TimeValue:
    month = _month_num(mon)
    if year:
        return _month_value(text, int(year), month, anchor, "absolute")
    if a is None:
        return _unresolved(text, anchor, f"month:--{month:02d};no-anchor")
    if ap == "year":
        return _month_value(text, a.year, month, anchor, "month-in-anchor-year")
    # "last October" is strictly before the anchor's month; "in October" may be the same month.
    if last:
        y = a.year if month < a.month else a.year - 1
        return _month_value(text, y, month, anchor, "last-month-name")
    y = a.year if month <= a.month else a.year - 1
    return _month_value(text, y, month, anchor, "month-name-not-after-anchor")


def _h_month(m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None) -> TimeValue:
    last = (m.groupdict().get("rel") or "").lower() in ("last", "past", "previous")
    return _resolve_month(m["mon"], None, text, a, ap, anchor, last)


def _h_season(
    m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None
) -> TimeValue:
    year = int(m["y"])
    season = m["season"].lower()
    if season == "winter":
        return _range(text, date(year, 1, 1), _month_end(year, 2), anchor, "season")
    lo = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}[season]
    return _range(text, date(year, lo, 1), _month_end(year, lo + 2), anchor, "season")


def _h_year(m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None) -> TimeValue:
    year = int(m["y"])
    return TimeValue(text, "year", f"{year}-01-01", f"{year}-12-31", anchor, "absolute")


# How a weekday is read against the report's day: the last such day on or before it.
WEEKDAY_BACK_METHOD = "weekday-on-or-before-anchor"


def _h_weekday(
    m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None
) -> TimeValue:
    if a is None or ap != "day":
        return _unresolved(text, anchor, "weekday;no-day-anchor")
    target = WEEKDAYS[m["wd"].lower().rstrip(".")]
    back = (a.weekday() - target) % 7
    if (m["rel"] or "").lower() == "last" and back == 0:
        back = 7
    return _day(text, a - timedelta(days=back), anchor, WEEKDAY_BACK_METHOD)


def weekday_ahead(time: TimeValue) -> TimeValue:
    """A weekday told of what is still to come ("Kerry will meet Lavrov on Saturday"): the
    first such day on or after the report's, not the one before it."""
    if time.method != WEEKDAY_BACK_METHOD or not time.start or not time.anchor:
        return time
    day, anchor = date.fromisoformat(time.start[:10]), date.fromisoformat(time.anchor[:10])
    if day >= anchor or time.text.lower().startswith("last"):
        return time
    return _day(time.text, day + timedelta(days=7), time.anchor, "weekday-after-anchor")


def _h_deictic(
    m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None
) -> TimeValue:
    word = m["w"].lower()
    if a is None or ap != "day":
        return _unresolved(text, anchor, f"{word};no-day-anchor")
    offset = 1 if word == "yesterday" else 0
    return _day(text, a - timedelta(days=offset), anchor, word)


def _h_this_unit(
    m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None
) -> TimeValue:
    """ "this year", "last year", "earlier this year", "last month", "last week", "last decade";
    "late last week", "early this week": the last or first three days of the week."""
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if (
        a is None
        or (unit in ("month", "week") and ap == "year")
        or (unit == "week" and ap != "day")
    ):
        return _unresolved(text, anchor, f"{rel}-{unit};no-anchor")
    step = -1 if rel in ("last", "past", "previous") else 0
    if unit == "year":
        y = a.year + step
        if rel.startswith("earlier"):
            return _range(text, date(y, 1, 1), a, anchor, "earlier-this-year")
        return TimeValue(text, "year", f"{y}-01-01", f"{y}-12-31", anchor, f"{rel}-year")
    if unit == "month":
        y, mo = (a.year, a.month - 1) if a.month > 1 else (a.year - 1, 12)
        if step == 0:
            y, mo = a.year, a.month
        return _month_value(text, y, mo, anchor, f"{rel}-month")
    if unit == "decade":
        return _range(text, a.replace(year=a.year - 10), a, anchor, f"{rel}-decade")
    monday = a - timedelta(days=a.weekday()) + timedelta(weeks=step)
    part = (m["part"] or "").lower()
    first = monday + timedelta(days=3 if part == "late" else 0)
    if part and first <= a:  # "late last week": Thursday to Saturday; "early": its first days
        last = min(first + timedelta(days=2), a)  # never after the report
        return _range(text, first, last, anchor, f"{part}-{rel}-week")
    return _range(text, monday, monday + timedelta(days=6), anchor, f"{rel}-week")


def _h_past_n(
    m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None
) -> TimeValue:
    """ "the past two weeks", "over the last decade", "in the last 24 hours"."""
    if a is None or ap != "day":
        return _unresolved(text, anchor, "past-n;no-day-anchor")
    # "the past week": one; "in recent weeks": a few
    n = _number(m["n"]) if m["n"] else (3 if "recent" in m.group(0).lower() else 1)
    return _range(text, a - _span(n, m["unit"]), a, anchor, "past-n-before-anchor")


def _h_ago(m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None) -> TimeValue:
    """ "a few months ago", "two weeks ago": approximate, so a range around the point."""
    if a is None or ap != "day":
        return _unresolved(text, anchor, "ago;no-day-anchor")
    n, unit = _number(m["n"]), m["unit"].lower().rstrip("s")
    point = a - _span(n, unit)
    if unit == "day":
        return _day(text, point, anchor, "days-ago")
    vague = m["n"].lower() in ("a few", "few", "several", "a couple of")
    slack = _span(max(1, n // 2) if vague else 1, unit) if unit != "week" else timedelta(days=3)
    return _range(text, point - slack, min(a, point + slack), anchor, "ago")


def _span(n: int, unit: str) -> timedelta:
    unit = unit.lower().rstrip("s")
    days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652, "hour": 1}[unit]
    return timedelta(days=n * days if unit != "hour" else 1)


BETWEEN_DATES_METHOD = "between-dates"
# One end of a span of dates ("between April 27 and May 18", "from March 2011 to June 20",
# "between Tuesday and Wednesday"): a day of a month, a month, or a weekday, a year optional.
_YEAR = r"(?:,?\s+(?:19|20)\d\d\b)?"
_END = (
    rf"(?:{_MON}\s+{_DAY}\b{_YEAR}|{_DAY}\s+(?:of\s+)?{MONTH_FULL}\b{_YEAR}"
    rf"|{MONTH_FULL}\b{_YEAR}|{_WD_FULL}\b)"
)


def _h_between(
    m: re.Match[str], text: str, a: date | None, ap: str, anchor: str | None
) -> TimeValue:
    """ "between April 27 and May 18": a range from the first end's start to the second's end.
    The second end is read against the report, the first against the second ("April 27" is
    the one before May 18); ends that do not resolve, or come in the wrong order, leave the
    first end alone, as read before."""
    last = normalize_time(m["b"], anchor)
    first = normalize_time(m["a"], last.end or anchor)
    if first.start is None or last.end is None or first.start > last.end:
        return first
    start, end = date.fromisoformat(first.start), date.fromisoformat(last.end)
    return _range(text, start, end, anchor, BETWEEN_DATES_METHOD)


# "the last week of March", "the last year of the war": the last of the weeks of something
# named after it, not the week before the report.
_NOT_LAST_OF = r"(?!last\s+(?:year|month|week|decade)\s+of\b)"

_PATTERNS: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(p, re.IGNORECASE if flags else 0), h)
    for p, flags, h in [
        (
            # (case kept for the month names; "Between" may open a sentence)
            rf"\b(?:[Bb]etween|[Ff]rom)\s+(?P<a>{_END})\s+(?:and|to|until|till|through)\s+"
            rf"(?P<b>{_END})",
            False,
            _h_between,
        ),
        # "on Saturday and Sunday", "Friday and Saturday": two weekdays told together are the
        # days from the first to the second (before, only the first was the date)
        (
            rf"\b(?:on\s+)?(?P<a>{_WD_FULL})\s+(?:and|to|through)\s+(?P<b>{_WD_FULL})\b"
            r"(?!s\b)",
            False,
            _h_between,
        ),
        (r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", True, _h_iso),
        (
            rf"(?:\b(?P<wd>{_WD}),?\s+)?\b(?P<mon>{_MON})\s+(?P<d>{_DAY}),?\s+(?P<y>(?:19|20)\d\d|20\d|\d\d(?!\d))(?!\d)",
            True,
            _h_full,
        ),
        (
            rf"(?:\b(?P<wd>{_WD}),?\s+)?\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<y>(?:19|20)\d\d)\b",
            True,
            _h_full,
        ),
        (
            rf"(?:\b(?:the\s+)?(?P<part>beginning|start|end|middle)\s+of\s+|\b(?P<part2>early|late|mid)[-\s]+)"
            rf"(?:(?P<mon>{MONTH_FULL})(?:\s+(?P<y2>(?:19|20)\d\d))?|(?P<y>(?:19|20)\d\d))\b",
            False,
            lambda m, t, a, ap, an: _h_part_of(_PartMatch(m), t, a, ap, an),
        ),
        (rf"\b(?P<mon>{_MON})\s+(?P<d>{_DAY})\b(?!,?\s+\d)", False, _h_month_day),
        (
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_FULL})\b(?!,?\s+\d)",
            False,
            _h_month_day,
        ),
        (rf"\b(?P<mon>{MONTH_FULL})\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b", False, _h_month_year),
        (
            r"\b(?:the\s+)?(?P<season>summer|winter|spring|autumn|fall)\s+of\s+(?P<y>(?:19|20)\d\d)\b",
            True,
            _h_season,
        ),
        # "over the past year", "in the last month": the twelve months, the thirty days up to
        # the report, not the calendar's last year or month ("the last week of March" is a
        # week of March, the last of its weeks; "the past week of fighting" is the past week)
        (
            rf"\bthe\s+{_NOT_LAST_OF}(?:past|last|previous)\s+(?P<n>)"
            r"(?P<unit>year|month|week|decade)\b",
            True,
            _h_past_n,
        ),
        (
            r"\b(?:(?P<part>early|late)\s+)?"
            rf"{_NOT_LAST_OF}(?P<rel>earlier this|later this|this|last|past|previous)\s+"
            r"(?P<unit>year|month|week|decade)\b",
            True,
            _h_this_unit,
        ),
        (
            rf"\b(?:the\s+)?{_NOT_LAST_OF}(?:past|last|previous)\s+(?P<n>{_NUM})?\s*"
            rf"(?P<unit>{_UNIT}|hours)\b",
            True,
            _h_past_n,
        ),
        # "in recent weeks", "in recent months": a few of them, up to the anchor
        (r"\bin\s+recent\s+(?P<n>)(?P<unit>days|weeks|months|years)\b", True, _h_past_n),
        (rf"\b(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+ago\b", True, _h_ago),
        (rf"\b(?:(?P<rel>last|on|this|next)\s+)?(?P<wd>{_WD_FULL})\b", False, _h_weekday),
        # "Fridays strikes": a day's, its apostrophe lost in copy stripped of punctuation (not
        # "on Fridays", "every Friday": a habit, no day; `$`: the span read alone)
        (
            rf"(?<!\bon )(?<!\bevery )(?<!\band )(?<!\bor )\b(?P<rel>)(?P<wd>{_WD_FULL})s"
            r"(?=\s+[a-z]|$)(?!\s+(?:and|or|in|at)\b)",
            False,
            _h_weekday,
        ),
        (r"\b(?P<w>yesterday|today|tonight)\b", True, _h_deictic),
        (
            rf"\b(?:(?P<rel>in|last|since|during|early|late|until|by|of)\s+)(?P<mon>{MONTH_FULL})\b",
            True,
            _h_month,
        ),
        (rf"\b(?P<mon>(?!May){MONTH_FULL})\b", False, _h_month),
        (r"\b(?:in|since|of|during|until|by|before|after)\s+(?P<y>(?:19|20)\d\d)\b", True, _h_year),
    ]
)


class _PartMatch:
    """Lets `_h_part_of` read the two alternative spellings of its groups as one."""

    def __init__(self, m: re.Match[str]) -> None:
        self._m = m

    def __getitem__(self, key: str) -> str | None:
        if key == "part":
            return self._m["part"] or self._m["part2"]
        if key == "y" and self._m["mon"]:
            return self._m["y2"]
        return self._m[key]


def normalize_time(text: str, anchor: str | None) -> TimeValue:
    """Normalise one time expression against `anchor` (ISO date, or YYYY-MM / YYYY)."""
    a, ap = _parse_anchor(anchor)
    for pattern, handler in _PATTERNS:
        match = pattern.search(text)
        if match:
            return handler(match, text, a, ap, anchor)
    return _dateparser_fallback(text, anchor)


# dateparser reads "a fortnight ago" or "in 2 days" from the machine's clock unless told the day
# to count from: the report's day where the anchor is one, otherwise no relative reading at all
# (a day counted from a month or a year is no day).
_ABSOLUTE_PARSERS = ["custom-formats", "absolute-time", "no-spaces-time"]


def _dateparser_fallback(text: str, anchor: str | None) -> TimeValue:
    import dateparser  # slow to import: only for the odd formats our patterns miss

    day, anchor_precision = _parse_anchor(anchor)
    counting: dict[str, object] = (
        {"RELATIVE_BASE": datetime.combine(day, datetime.min.time())}
        if day is not None and anchor_precision == "day"
        else {"PARSERS": _ABSOLUTE_PARSERS}
    )
    for parts, precision in ((["day", "month", "year"], "day"), (["month", "year"], "month")):
        settings = {
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": parts,
            "STRICT_PARSING": True,
            **counting,
        }
        found = dateparser.parse(text, languages=["en"], settings=settings)
        if found is not None:
            value = found.date()
            if precision == "day":
                return _day(text, value, anchor, "dateparser")
            return _month_value(text, value.year, value.month, anchor, "dateparser")
    return _unresolved(text, anchor, "not-understood")


def find_time_expressions(text: str) -> list[TimeSpan]:
    """Every time expression in `text`, longest first where they overlap, in text order."""
    found: list[TimeSpan] = []
    for pattern, _handler in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s.start < end and start < s.end for s in found):
                continue
            if _a_names_word(text, start, end):
                continue
            found.append(TimeSpan(start, end, text[start:end]))
    return sorted(found, key=lambda s: s.start)


# "Russia Today reported", "the Halab Today TV station", "USA Today": a capitalised "Today"
# right after a capitalised word (no full stop between) is a name's word, not the report's day.
_NAMED_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")


def _a_names_word(text: str, start: int, end: int) -> bool:
    if text[start:end] != "Today":
        return False
    return _NAMED_BEFORE.search(text, max(0, start - 40), start) is not None


def dateline(text: str) -> str | None:
    """The day an article's own first words give ("Wed 05 Apr 2017 ..."), if they give one:
    what the evaluations read an FA-KES article's publication day from (the extraction's and
    corroboration's evaluations once each had a copy)."""
    spans = find_time_expressions(text[:40])
    if spans:
        value = normalize_time(spans[0].text, None)
        if value.precision == "day":
            return value.start
    return None
