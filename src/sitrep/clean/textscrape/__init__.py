"""Our own cleaner for plain-text scrapes: article body, metadata and reader comments apart.

No library does this: the page has already lost its markup, so which line is article and which
is a share widget, a comment policy or a forum footer is read from the lines themselves. Rule
passes (`classify`, `header`, `comments`) recognise the widgets and sections that say what they
are; a line model fitted on labelled pages (`linemodel`, `fit`) then decides the rest: which of
the remaining lines are the article. A comment thread that outweighs the article without a real
thread's structure is filed back as article (`thread`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sitrep.clean.textscrape.classify import BODY, Labels, classify
from sitrep.clean.textscrape.comments import parse_comments
from sitrep.clean.textscrape.header import Header, read_header
from sitrep.clean.textscrape.linemodel import LineModel, apply_model, shipped_model
from sitrep.clean.textscrape.lines import split_lines
from sitrep.clean.textscrape.thread import outweighs_body, restore_thread
from sitrep.records import Comment, FoundDate

MAX_THREAD_RETRIES = 3  # readings of a page whose first "thread" proved to be its article

__all__ = ["Page", "ScrapeResult", "clean_scrape", "join_body", "read_page"]


@dataclass(frozen=True)
class ScrapeResult:
    text: str
    title: str | None
    author: str | None
    published: FoundDate | None
    page_date: FoundDate | None
    comments: tuple[Comment, ...]
    removed: tuple[tuple[str, int], ...]
    fields: tuple[tuple[str, str], ...]


def join_body(labels: Labels) -> str:
    """Body lines as paragraphs; hard-wrapped lines (no blank, lower-case start) are rejoined."""
    paragraphs: list[str] = []
    previous: int | None = None
    for i in labels.body_indices():
        text = labels.text(i)
        line = labels.lines[i]
        wrapped = (
            previous is not None
            and previous == i - 1
            and line.gap == 0
            and not labels.lines[previous].ends_sentence
            and text[:1].islower()
        )
        if wrapped:
            paragraphs[-1] = f"{paragraphs[-1]} {text}"
        else:
            paragraphs.append(text)
        previous = i
    return "\n\n".join(paragraphs)


def _removed(labels: Labels, chrome_in_thread: int) -> tuple[tuple[str, int], ...]:
    counts = Counter(k for k in labels.kinds if k not in (BODY, "title", "comment"))
    if labels.cut_tails:
        counts["related"] += labels.cut_tails
    if chrome_in_thread:
        counts["comment-chrome"] += chrome_in_thread
    return tuple(sorted(counts.items()))


@dataclass
class Page:
    """A scrape as the rule passes leave it, before the line model has its say."""

    labels: Labels
    header: Header
    comments: list[Comment]
    chrome: int  # chrome lines dropped from the comment thread


def read_page(text: str) -> Page:
    """The rule passes: line kinds, the header, and the comment thread split into comments."""
    lines = split_lines(text)
    refused: frozenset[int] = frozenset()
    for _ in range(MAX_THREAD_RETRIES):
        labels, first = classify(lines, refused)
        comments, chrome = parse_comments(labels.thread)
        if not outweighs_body(labels, comments) or not labels.thread_opened:
            break
        # The line that opened the "thread" (a comment count in the page header) opened the
        # article: read the page again without it, so the real thread further down can open.
        refused = refused | {labels.thread_opened[0]}
    if outweighs_body(labels, comments):
        comments, chrome = [], 0  # the "thread" is the article: it goes back to the body
        restore_thread(labels)
    # Without a single paragraph (a short note, a caption) every unflagged line is the body.
    header = read_header(labels, first) if first is not None else Header()
    return Page(labels, header, comments, chrome)


def clean_scrape(text: str, model: LineModel | None = None) -> ScrapeResult:
    """Split a plain-text scrape into body, metadata and comments."""
    page = read_page(text)
    labels, header = page.labels, page.header
    model = model or shipped_model()
    apply_model(model, labels.lines, labels.kinds, header.title)
    comments = page.comments
    if outweighs_body(labels, comments):
        # With the chrome gone the "comments" outweigh what is left: they were the article.
        comments = []
        restore_thread(labels)
        apply_model(model, labels.lines, labels.kinds, header.title)
    fields = (("signoff", labels.signoff),) if labels.signoff else ()
    return ScrapeResult(
        text=join_body(labels),
        title=header.title,
        author=header.author or labels.bio_name,
        published=header.published,
        page_date=header.page_date,
        comments=tuple(comments),
        removed=_removed(labels, page.chrome),
        fields=fields,
    )
