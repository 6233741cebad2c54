"""HTML → plain text the way a "save page as text" or copy-paste scrape flattens it.

Used to test the plain-text cleaner on pages whose gold snippets are known: every tag is
dropped, invisible parts (head, script, style, template, svg) are removed, and block-level
elements (p, div, li, h1–h6, tr, br, …) become line breaks, so the text keeps the page's
lines and nothing else. Independent of trafilatura on purpose.
"""

from __future__ import annotations

import re

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

_INVISIBLE = ("head", "script", "style", "noscript", "template", "svg", "iframe", "object")
_BLOCK = frozenset(
    ("address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div",
     "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
     "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
     "table", "td", "th", "tr", "ul", "option", "button", "label")
)  # fmt: skip
_SPACES = re.compile(r"[ \t\u00a0]+")


def _walk(root: etree._Element, out: list[str]) -> None:
    """Text in document order, a line break around every block element. Iterative (lxml's
    iterwalk), so a page nested thousands of elements deep cannot hit the recursion limit."""
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag.lower() in _BLOCK
        if event == "start":
            if block:
                out.append("\n")
            if element.text and tag:
                out.append(element.text)
            continue
        if block:
            out.append("\n")
        if element.tail and element is not root:
            out.append(element.tail)


def flatten_html(html: str | bytes) -> str:
    """The visible text of an HTML page, one line per block element."""
    root = lxml.html.fromstring(html)
    for bad in list(root.iter(*_INVISIBLE)):
        bad.drop_tree()
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    out: list[str] = []
    _walk(root, out)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(out).split("\n"))
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
