"""HTML pages: main text and metadata with trafilatura; comments from the page's own comment
markup where it has one (with authors and dates), else trafilatura's comment text."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import etree  # type: ignore[import-untyped]
from lxml import html as lxml_html
from trafilatura.settings import Document

from sitrep.clean.dates import date_from_url
from sitrep.clean.htmlcomments import parse_html_comments
from sitrep.clean.htmldates import page_header_date
from sitrep.clean.textscrape.patterns import COMMENT_START
from sitrep.errors import InputRejected
from sitrep.records import Comment, FoundDate

# lxml and trafilatura recurse over the tree: a page nested deeper than this is not an article
# but an attack or a broken generator, and would hit the recursion limit or take minutes. The
# cheap scan over-counts pages that leave tags open (<p>, <li> without their end tag), so a page
# over the limit by the scan is measured again on its parsed tree before it is turned away.
MAX_DEPTH = 400
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr")
)  # fmt: skip


@dataclass(frozen=True)
class HtmlResult:
    text: str
    title: str | None
    author: str | None
    site: str | None
    published: FoundDate | None
    comments: tuple[Comment, ...]
    page_date: FoundDate | None = None


def _max_depth(html: str) -> int:
    """A cheap upper bound on nesting: open tags minus close tags, scanning once."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _tree_depth(html: str) -> int:
    """The page's nesting as the HTML parser builds it (open tags closed), without recursion."""
    root = _parse_tree(html)
    if root is None:
        return 0
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _text_comments(body: etree._Element | None) -> tuple[Comment, ...]:
    """trafilatura keeps the comment section as blocks of text, without authors or dates; the
    section's own heading ("Comments", "2 comments") is one of those blocks and no comment."""
    if body is None:
        return ()
    texts = [" ".join("".join(child.itertext()).split()) for child in body]
    texts = [t for t in texts if t and not COMMENT_START.fullmatch(t)]
    return tuple(Comment(ordinal=n, text=t) for n, t in enumerate(texts))


def _parse_tree(html: str) -> etree._Element | None:
    """The page as an lxml tree without scripts and styles (never read as text), or None."""
    try:
        root = lxml_html.fromstring(html)
    except (etree.LxmlError, ValueError):
        return None
    for unseen in root.xpath("//script|//style|//noscript|//template"):
        unseen.drop_tree()
    return root


def _published(value: str | None, url: str | None) -> FoundDate | None:
    if not value:
        return None
    from_url = date_from_url(url)
    if from_url is not None and value.startswith(from_url.value):
        return FoundDate(value=value, source="url", text=from_url.text)
    return FoundDate(value=value, source="html-metadata", text=value)


def _paragraphs(text: str, title: str | None) -> str:
    """One blank line between blocks, as the plain-text cleaner gives; the headline is kept in
    `title`, not repeated at the top of the body."""
    blocks = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if blocks and title and blocks[0] == " ".join(title.split()):
        blocks = blocks[1:]
    return "\n\n".join(blocks)


def clean_html(html: str, url: str | None = None) -> HtmlResult:
    """Extract the article from an HTML page. Raises InputRejected ("malformed" / "no-text")."""
    if _max_depth(html) > MAX_DEPTH and _tree_depth(html) > MAX_DEPTH:
        raise InputRejected(
            "malformed", f"the page's markup is nested more than {MAX_DEPTH} elements deep"
        )
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=True, with_metadata=True, include_tables=True
        )
    except (RecursionError, ValueError, etree.LxmlError) as error:
        raise InputRejected("malformed", "the page's markup is too broken to read") from error
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        raise InputRejected("no-text", "no main text found in the HTML page")
    title = doc.title or None
    root = _parse_tree(html)
    marked_up = parse_html_comments(root) if root is not None else ()
    return HtmlResult(
        text=_paragraphs(str(doc.text), title),
        title=title,
        author=doc.author or None,
        site=doc.sitename or None,
        published=_published(doc.date, url),
        comments=marked_up or _text_comments(doc.commentsbody),
        page_date=page_header_date(root) if root is not None else None,
    )
