"""The top of a scrape: title, page-header date, byline, forum post date, dateline.

Lines before the first paragraph are site chrome except the title, a byline and dates. Which
date is which depends on where it sits and what it carries: a bare date above the headline is
the site's "today" (page_date, not the publication date), but one stamped with a time of day, a
"Published" label or a byline is the article's; a date under a forum member title is the post's
date; a date under the headline, or in a byline or dateline, is the article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.clean.dates import find_date
from sitrep.clean.textscrape import patterns as pat
from sitrep.clean.textscrape.classify import BODY, Labels
from sitrep.clean.textscrape.meta import read_meta
from sitrep.records import FoundDate

# "WASHINGTON, March 18, 2019 (AP) —" / "March 18, 2019 -": a date before the first dash.
_DATELINE = re.compile(r"^(?P<head>.{0,80}?)\s*[-–—]\s")


# "Thread: ..." / "Topic: ...": a forum's label on the thread's title.
_THREAD_PREFIX = re.compile(r"^(?:thread|topic)\s*:\s*", re.I)


@dataclass
class Header:
    title: str | None = None
    author: str | None = None
    published: FoundDate | None = None
    page_date: FoundDate | None = None
    stamp: FoundDate | None = None  # a stamped date above the headline

    def settle(self) -> None:
        """A stamped date above the headline is the publication date when nothing under the
        headline gives one; otherwise (a clock in the chrome) it is kept as the page's date."""
        if self.stamp is None:
            return
        if self.published is None:
            self.published = self.stamp
        elif self.page_date is None and self.stamp.value != self.published.value:
            self.page_date = FoundDate(self.stamp.value, "page-header", self.stamp.text)


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


def _read_poster(labels: Labels, i: int, header: Header) -> bool:
    """The opening post's author: a member name right over its member title ("Senior Member",
    "Messages: 312"), as forum threads print it."""
    line = labels.lines[i]
    below = i + 1 < len(labels.lines) and labels.kinds[i + 1] == "forum-chrome"
    if not below or labels.lines[i + 1].gap or line.words > 4 or line.ends_sentence:
        return False
    if read_meta(line.text) is not None:
        return False
    header.author = header.author or line.text
    labels.kinds[i] = "byline"
    return True


def _read_date(labels: Labels, i: int, header: Header, title_seen: bool) -> bool:
    """A line that is a date, alone or with a time, a label, a byline or a comment count."""
    text = labels.lines[i].text
    meta = read_meta(text)
    if meta is None or meta.date is None:
        return False
    value, printed = meta.date
    before = labels.kinds[i - 1] if i else None
    if meta.author:
        header.author = header.author or meta.author
    if before == "forum-chrome":
        if header.published is None:
            header.published = FoundDate(value=value, source="forum-post", text=printed)
        labels.kinds[i] = "forum-chrome"
        return True
    labels.kinds[i] = "byline"
    if title_seen:
        header.published = header.published or FoundDate(value, "byline", printed)
    elif meta.stamped:
        # Above the headline but stamped (a time of day, "Published", a byline): the article's
        # own date, unless a date under the headline says otherwise.
        header.stamp = header.stamp or FoundDate(value, "byline", printed)
    else:
        # A bare calendar date above the headline is the site's "today".
        header.page_date = header.page_date or FoundDate(value, "page-header", printed)
        labels.kinds[i] = "page-date"
    return True


def _choose_title(labels: Labels, candidates: list[int]) -> int | None:
    """The headline: the longest headline-like line above the article (menus are short) that
    is not a metadata line."""
    best: int | None = None
    for i in candidates:
        line = labels.lines[i]
        if (
            line.is_headline
            and line.words >= 3
            and (best is None or line.words > labels.lines[best].words)
            and read_meta(line.text) is None
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
            header.title = _THREAD_PREFIX.sub("", labels.lines[i].text)
        elif not (
            _read_byline(labels, i, header)
            or _read_poster(labels, i, header)
            or _read_date(labels, i, header, title_seen=title is not None and i > title)
        ):
            # A comment count or "Comments" link in the header is a recognised widget, which
            # the line model leaves alone; any other header line is its to judge.
            counted = pat.COMMENT_START.fullmatch(labels.lines[i].text)
            labels.kinds[i] = "comment-chrome" if counted else "header-chrome"
    if first is not None:
        _read_article_start(labels, first, header)
    header.settle()
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
