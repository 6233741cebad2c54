"""The site's "today" date printed in an HTML page's chrome, kept apart from the publication date.

trafilatura reads the publication date from the markup; a header that prints the calendar date
("Wednesday, July 24 2024") above the article is something else, and an analyst reading a page
that shows both should know which is which.
"""

from __future__ import annotations

from lxml import etree  # type: ignore[import-untyped]

from sitrep.clean.textscrape.meta import read_meta
from sitrep.records import FoundDate

_ARTICLE_START = "//article|//main|//*[@itemprop='articleBody']|//h1"
MAX_DATE_CHARS = 60  # a date element's text; a longer one is a sentence that mentions a date


def page_header_date(root: etree._Element) -> FoundDate | None:
    """A bare date (no time, no "Published", no byline) printed before the article starts."""
    starts = root.xpath(_ARTICLE_START)
    if not starts:
        return None
    start = starts[0]
    for element in root.iter():
        if element is start:
            return None
        if not isinstance(element.tag, str) or element.tag in ("head", "title", "meta"):
            continue
        if any(a.tag == "head" for a in element.iterancestors()):
            continue
        text = " ".join("".join(element.itertext()).split())
        if not text or len(text) > MAX_DATE_CHARS:
            continue
        meta = read_meta(text)
        if meta is not None and meta.date is not None and not meta.stamped:
            return FoundDate(value=meta.date[0], source="page-header", text=meta.date[1])
    return None
