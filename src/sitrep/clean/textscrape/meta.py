"""Metadata lines: a date with its company ("June 5, 2013 By Jane Doe 17 Comments",
"Published on: 9 April 2018 - 19:22 Modified: ...", "Fri Jan 3, 2020 08:21AM [Updated: ...]").

Such a line is a run of parts — a date, a time of day, a "Published"/"Posted" label, a byline, a
comment count, an "Updated: ..." stamp — separated by bars, brackets or just following each
other. It counts as metadata only when every part is one of those (or a short name such as a
city or an agency), so a sentence that merely contains a date is never read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.clean.dates import DATE_RE, find_date, has_time, is_time
from sitrep.clean.textscrape import patterns as pat

_SEPARATORS = re.compile(r"\s*(?:[|•·\[\]]|\s::\s)\s*")
_LABEL = re.compile(
    r"(?P<label>(?:first\s+)?(?:published|posted|created|released|date)"
    r"|(?:last\s+)?(?:updated?|modified|edited|revised))\b"
    r"(?:\s+(?:date|on|at|time))?\s*:?\s*(?P<rest>.*)",
    re.I,
)
_UPDATE = re.compile(r"(?:last\s+)?(?:updated?|modified|edited|revised)", re.I)
_COMMENT_COUNT = re.compile(
    r"(?:\d[\d,]*|no|one)\s+(?:comments?|responses?|replies)|comments?\s+(?:off|closed)"
    r"|comments?\s*\(\d+\)",
    re.I,
)
_LEAD_BY = re.compile(r"(?:posted\s+|written\s+|reported\s+)?by\s+", re.I)
_NAME = re.compile(
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|al|bin|van|von|and|&)){0,5})"
)
MAX_OTHER_WORDS = 4  # an unknown part this short is a city, desk or agency name


@dataclass
class Meta:
    """What one metadata line says."""

    date: tuple[str, str] | None = None  # (ISO value, the text it was read from)
    author: str | None = None
    timed: bool = False  # the date comes with a time of day
    labelled: bool = False  # a "Published" / "Posted" label says whose date it is

    @property
    def stamped(self) -> bool:
        """Marked as the article's own date rather than a calendar in the site chrome."""
        return self.timed or self.labelled or self.author is not None


def is_date_label(text: str) -> bool:
    """A dateline's label on its own ("Posted", "Published on", "Last updated"): what stands
    before a date in "Posted on April 22, 2022", never a person's name."""
    label = _LABEL.fullmatch(text.strip(" :,-–—"))
    return label is not None and not label["rest"]


def read_meta(text: str) -> Meta | None:
    """The metadata a whole line holds, or None when some part of it is not metadata."""
    meta = Meta()
    for part in _SEPARATORS.split(text):
        if part.strip(" ,;-–—") and not _read_part(part.strip(" ,;-–—"), meta):
            return None
    return meta if meta.date or meta.author else None


def _read_part(part: str, meta: Meta) -> bool:
    """Fold one part into `meta`; False if the part is not metadata."""
    label = _LABEL.fullmatch(part)
    if label:
        if _UPDATE.fullmatch(label["label"]):
            return True  # a later revision's stamp says nothing about first publication
        meta.labelled = True
        return _read_rest(label["rest"], meta)
    date = DATE_RE.match(part)
    found = find_date(date.group(0)) if date else None
    if date and found:
        if meta.date is None:
            meta.date = found
            meta.timed = meta.timed or has_time(date.group(0))
        return _read_rest(part[date.end() :], meta)
    by = _LEAD_BY.match(part)
    if by:
        name = _NAME.match(part, by.end())
        if name is None:
            return False
        meta.author = meta.author or name["name"].strip()
        return _read_rest(part[name.end() :], meta)
    if is_time(part):
        meta.timed = True
        return True
    if _COMMENT_COUNT.fullmatch(part) or pat.line_kind(part) is not None:
        return True
    return len(part.split()) <= MAX_OTHER_WORDS and not part.endswith((".", "!", "?"))


def _read_rest(rest: str, meta: Meta) -> bool:
    rest = rest.strip(" ,;-–—")
    return not rest or _read_part(rest, meta)
