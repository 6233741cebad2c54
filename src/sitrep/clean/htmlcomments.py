"""Reader comments read from a page's own comment markup, with author, date and reply nesting.

trafilatura gives the comment section as text only. Comment systems mark each comment up in a
few common ways (WordPress, Disqus-style exports, schema.org): an element whose class is
"comment" (or id "comment-123", or itemprop/itemtype Comment) holding an author element, a time
and a body; replies sit inside their parent (`ol.children`) or point at it (`data-reply-to`).
"""

from __future__ import annotations

import re

from lxml import etree  # type: ignore[import-untyped]

from sitrep.clean.dates import find_date
from sitrep.records import Comment, FoundDate

_ITEM_CLASS = re.compile(
    r"(?:single-|user-|js-)?comment(?:-(?:item|entry|container|thread-item|wrap))?", re.I
)
_ITEM_ID = re.compile(r"(?:li-)?comment-\d+", re.I)
_AUTHOR = (
    ".//*[@itemprop='author']",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' comment-author ')]",
    ".//cite",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' author ')]",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' username ')]",
)
_DATE = (
    ".//time[@datetime]",
    ".//*[@itemprop='dateCreated' or @itemprop='datePublished']",
    ".//*[contains(@class, 'comment-date')]",
    ".//*[contains(@class, 'comment-metadata')]",
    ".//*[contains(@class, 'comment-time')]",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' date ')]",
)
_BODY = (
    ".//*[contains(@class, 'comment-content')]",
    ".//*[contains(@class, 'comment-text')]",
    ".//*[@itemprop='text']",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' comment-body ')]",
)
_REPLY_ATTRS = ("data-reply-to", "data-parent", "data-parent-id", "data-replyto")
_REPLY_PREFIX = re.compile(
    r"(?:in )?reply(?:ing)? to\s+@?(?P<name>[^:,–—]{1,40}?)\s*[:,–—-]\s+", re.I
)
_SAYS = re.compile(r"\s+(?:says|said|wrote)\s*:?$", re.I)


def _classes(element: etree._Element) -> list[str]:
    return str(element.get("class") or "").split()


def _is_item(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    if any(_ITEM_CLASS.fullmatch(c) for c in _classes(element)):
        return True
    if _ITEM_ID.fullmatch(str(element.get("id") or "")):
        return True
    return element.get("itemprop") == "comment" or str(element.get("itemtype") or "").endswith(
        "/Comment"
    )


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


class _Item:
    """One comment element, read without looking into the replies nested inside it."""

    def __init__(self, element: etree._Element, items: set[etree._Element]) -> None:
        self.element = element
        self.items = items

    def _own(self, path: str) -> etree._Element | None:
        """The first match of `path` that belongs to this comment, not to a nested reply."""
        for found in self.element.xpath(path):
            owner = next((a for a in found.iterancestors() if a in self.items), None)
            if owner is self.element and found not in self.items:
                return found
        return None

    def _first(self, paths: tuple[str, ...]) -> etree._Element | None:
        for path in paths:
            found = self._own(path)
            if found is not None:
                return found
        return None

    def author(self) -> str | None:
        found = self._first(_AUTHOR)
        name = _SAYS.sub("", _text(found)) if found is not None else ""
        return name or None

    def posted(self) -> tuple[FoundDate | None, str | None]:
        found = self._first(_DATE)
        if found is None:
            return None, None
        printed = _text(found)
        hit = find_date(str(found.get("datetime") or "")) or find_date(printed)
        if hit is None:
            return None, printed or None
        return FoundDate(value=hit[0], source="byline", text=printed or hit[1]), printed or None

    def body(self) -> str:
        found = self._first(_BODY)
        if found is not None:
            return _text(found)
        paragraphs = [p for p in self.element.xpath(".//p") if self._owns(p)]
        return "\n\n".join(t for t in (_text(p) for p in paragraphs) if t)

    def _owns(self, element: etree._Element) -> bool:
        owner = next((a for a in element.iterancestors() if a in self.items), None)
        return owner is self.element


def _parent(item: etree._Element, items: list[etree._Element], by_id: dict[str, int]) -> int | None:
    for attr in _REPLY_ATTRS:
        target = str(item.get(attr) or "").lstrip("#")
        if target in by_id:
            return by_id[target]
    for ancestor in item.iterancestors():
        if ancestor in items:
            return items.index(ancestor)
    return None


def _reply_by_name(text: str, authors: list[str | None]) -> int | None:
    """A comment opening "Reply to NAME: ..." answers NAME's latest comment above it."""
    match = _REPLY_PREFIX.match(text)
    if match is None:
        return None
    name = match["name"].strip()
    return next((n for n in range(len(authors) - 1, -1, -1) if authors[n] == name), None)


def parse_html_comments(root: etree._Element) -> tuple[Comment, ...]:
    """The comments a parsed page marks up, in page order; () when it marks none up."""
    elements = [e for e in root.iter() if _is_item(e)]
    items = set(elements)
    by_id = {str(e.get("id")): n for n, e in enumerate(elements) if e.get("id")}
    comments: list[Comment] = []
    authors: list[str | None] = []
    kept: dict[int, int] = {}  # element index -> comment ordinal
    for n, element in enumerate(elements):
        item = _Item(element, items)
        text = item.body()
        if not text:
            continue
        author = item.author()
        posted, printed = item.posted()
        parent = _parent(element, elements, by_id)
        reply_to = kept.get(parent) if parent is not None else None
        if reply_to is None:
            reply_to = _reply_by_name(text, authors)
        kept[n] = len(comments)
        authors.append(author)
        comments.append(
            Comment(
                ordinal=len(comments),
                text=text,
                author=author,
                posted=posted,
                posted_text=printed,
                reply_to=reply_to,
            )
        )
    return tuple(comments)
