"""Table rows and feed items: named fields around a body that may be text or HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sitrep.clean.dates import find_date
from sitrep.records import DateSource, FoundDate

BODY_KEYS = ("text", "content", "article_content", "body", "article", "description", "summary")
TITLE_KEYS = ("title", "headline")
# A column named as the publication date first; a bare "date" column only after them.
DATE_KEYS = (
    "published", "publication_date", "date_published", "pubdate", "published_at", "pub_date",
    "date", "datetime", "updated",
)  # fmt: skip
SITE_KEYS = ("source", "outlet", "site", "sitename", "publisher")
_HTML_HINT = re.compile(r"<(?:p|div|br|html|body|article|span|a|h[1-6]|ul|li|img)\b[^>]*>", re.I)


@dataclass(frozen=True)
class RowFields:
    body: str | None
    title: str | None
    author: str | None
    site: str | None
    url: str | None
    published: FoundDate | None
    extra: tuple[tuple[str, str], ...]


def _first(fields: dict[str, str], keys: tuple[str, ...]) -> tuple[str | None, str | None]:
    for key in keys:
        for name, value in fields.items():
            if name.lower() == key and value and value.strip():
                return name, value.strip()
    return None, None


# dateparser fills whatever a text leaves out from the machine's clock: "yesterday", "Monday",
# "5 March" or "2019" became dates of the day the row was read (and of its month or year), and an
# epoch number a day of the machine's time zone. A row's date is what the text says, or none: a
# month and a year at least, read as written, and an epoch number in UTC.
_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
}
_EPOCH = re.compile(r"\d{10}(?:\d{3})?")  # seconds or milliseconds since 1970


def parse_field_date(text: str, source: DateSource) -> FoundDate | None:
    """A row's date column: our strict reader first, then dateparser for other spellings."""
    hit = find_date(text)
    if hit:
        return FoundDate(value=hit[0], source=source, text=text)
    stripped = text.strip()
    if _EPOCH.fullmatch(stripped):
        seconds = int(stripped[:10])
        return FoundDate(datetime.fromtimestamp(seconds, UTC).date().isoformat(), source, text)
    import dateparser  # slow to import: only rows with unusual dates pay for it

    parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    return FoundDate(parsed.date().isoformat(), source, text) if parsed else None


def read_fields(fields: dict[str, str], source: DateSource) -> RowFields:
    """Split a row's fields into the body, known metadata and the rest (kept as provenance)."""
    used: set[str] = set()
    picked: dict[str, str | None] = {}
    keys = {"body": BODY_KEYS, "title": TITLE_KEYS, "date": DATE_KEYS, "site": SITE_KEYS,
            "author": ("author", "byline", "creator"), "url": ("url", "link")}  # fmt: skip
    for name, candidates in keys.items():
        key, value = _first(fields, candidates)
        picked[name] = value
        if key:
            used.add(key)
    date_text = picked["date"]
    return RowFields(
        body=picked["body"],
        title=picked["title"],
        author=picked["author"],
        site=picked["site"],
        url=picked["url"],
        published=parse_field_date(date_text, source) if date_text else None,
        extra=tuple(sorted((k, v) for k, v in fields.items() if k not in used and v)),
    )


def looks_like_html(text: str) -> bool:
    return len(_HTML_HINT.findall(text[:5000])) >= 2
