"""The top of a scrape: title, page-header date, byline, forum post date, dateline.

Lines before the first paragraph are site chrome except the title, a byline and dates. Which
date is which depends on where it sits: a date above the headline is the site's "today"
(page_date, not the publication date); a date under a forum member title is the post's date;
a date under the headline, or in a byline or dateline, is the article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.clean.dates import find_date, parse_date_line
from sitrep.clean.textscrape import patterns as pat
from sitrep.clean.textscrape.classify import BODY, Labels
from sitrep.records import FoundDate

# "WASHINGTON, March 18, 2019 (AP) —" / "March 18, 2019 -": a date before the first dash.
_DATELINE = re.compile(r"^(?P<head>.{0,80}?)\s*[-–—]\s")


@dataclass
class Header:
    title: str | None = None
    author: str | None = None
    published: FoundDate | None = None
    page_date: FoundDate | None = None


def _read_byline(labels: Labels, i: int, header: Header) -> bool:
    text = labels.lines[i].text
    match = pat.BYLINE.fullmatch(text)
    if not match or labels.lines[i].words > 16:
        return False
    header.author = header.author or match["name"].strip()
    hit = find_date(text)
    if hit and header.published is None:
        header.published = FoundDate(value=hit[0], source="byline", text=hit[1])
    labels.kinds[i] = "byline"
    return True


def _read_date(labels: Labels, i: int, header: Header, title_seen: bool) -> bool:
    text = labels.lines[i].text
    value = parse_date_line(text)
    if value is None:
        return False
    before = labels.kinds[i - 1] if i else None
    if before == "forum-chrome":
        if header.published is None:
            header.published = FoundDate(value=value, source="forum-post", text=text)
        labels.kinds[i] = "forum-chrome"
    elif not title_seen:
        header.page_date = header.page_date or FoundDate(value, "page-header", text)
        labels.kinds[i] = "page-date"
    else:
        header.published = header.published or FoundDate(value, "byline", text)
        labels.kinds[i] = "byline"
    return True


def _choose_title(labels: Labels, candidates: list[int]) -> int | None:
    """The headline: the longest headline-like line above the article (menus are short)."""
    best: int | None = None
    for i in candidates:
        line = labels.lines[i]
        if (
            line.is_headline
            and line.words >= 3
            and (best is None or line.words > labels.lines[best].words)
        ):
            best = i
    return best


def read_header(labels: Labels, first: int | None) -> Header:
    """Label the lines above the first paragraph and read title, dates and byline from them."""
    header = Header()
    end = first if first is not None else len(labels.lines)
    candidates = [i for i in range(end) if labels.kinds[i] == BODY]
    title = _choose_title(labels, candidates)
    for i in candidates:
        if i == title:
            labels.kinds[i] = "title"
            header.title = labels.lines[i].text
        elif not _read_byline(labels, i, header) and not _read_date(
            labels, i, header, title_seen=title is not None and i > title
        ):
            labels.kinds[i] = "header-chrome"
    if first is not None:
        _read_article_start(labels, first, header)
    return header


def _read_article_start(labels: Labels, first: int, header: Header) -> None:
    """A byline just under the first paragraph, or a dated dateline in it."""
    for i in labels.body_indices(first)[1:3]:
        if not labels.lines[i].is_paragraph:
            _read_byline(labels, i, header)
    if header.published is None:
        match = _DATELINE.match(labels.text(first))
        hit = find_date(match["head"]) if match else None
        if hit:
            header.published = FoundDate(value=hit[0], source="dateline", text=hit[1])
