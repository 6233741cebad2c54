"""A page's markup measured before anything parses it: elements, attributes, nesting depth.

HTML parsers are fast on pages and slow on traps: a page with one element holding tens of
thousands of attributes took lxml 75 s (a million hung the run), and the page is parsed several
times (main text, dates, comments). So the markup is measured first with one linear scan that
never builds a tree, and a page over any budget is rejected with the figure that broke it.

The scan is an estimate on purpose: tags are found by `<name ...>` and nesting is followed as
browsers do for the usual unclosed tags (`<p>`, `<li>` ...), so it can overcount a tag soup a
little but never undercounts a trap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.acquire.sniff import as_utf8
from sitrep.settings import Settings

# An opening or closing tag up to its end or the next "<": each byte is looked at once.
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:_-]*)([^<>]*)")
# One attribute: its name and, if it has one, its value (quoted values may hold spaces).
_ATTRIBUTE = re.compile(rb"""[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())
# Opening one of these closes an open one of the same name, as the HTML parsing rules do.
_SELF_CLOSING_SIBLINGS = frozenset(b"p li option tr td th dt dd".split())
# Inside these, text is not markup: the scan skips to their end tag.
_RAW_TEXT = frozenset(b"script style textarea title".split())


@dataclass(frozen=True)
class MarkupOver:
    """Which budget a page broke, in words."""

    detail: str


def check_markup(data: bytes, settings: Settings) -> MarkupOver | None:
    """None when the page is within every markup budget, else which one it breaks."""
    data = as_utf8(data)  # a UTF-16 page's tags are tags too
    elements = attributes = 0
    stack: list[bytes] = []
    position = 0
    while match := _TAG.search(data, position):
        position = match.end()
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            _close(stack, name)
            continue
        elements += 1
        if elements > settings.html_max_elements:
            limit = settings.html_max_elements
            return MarkupOver(f"over {limit} HTML elements (html_max_elements)")
        count = len(_ATTRIBUTE.findall(rest))
        attributes += count
        if count > settings.html_max_attributes_per_element:
            limit = settings.html_max_attributes_per_element
            return MarkupOver(
                f"an element with {count} attributes, over {limit} "
                "(html_max_attributes_per_element)"
            )
        if attributes > settings.html_max_attributes:
            limit = settings.html_max_attributes
            return MarkupOver(f"over {limit} HTML attributes in all (html_max_attributes)")
        if name in _RAW_TEXT:
            position = _raw_end(data, name, position)
            continue
        if name in _VOID or rest.endswith(b"/"):
            continue
        if name in _SELF_CLOSING_SIBLINGS and stack and stack[-1] == name:
            stack.pop()
        stack.append(name)
        if len(stack) > settings.html_max_depth:
            return MarkupOver(
                f"elements nested over {settings.html_max_depth} deep (html_max_depth)"
            )
    return None


def _close(stack: list[bytes], name: bytes) -> None:
    """Close `name` and whatever is open inside it; a stray end tag closes nothing."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth] == name:
            del stack[depth:]
            return


def _raw_end(data: bytes, name: bytes, start: int) -> int:
    """Where a script/style/textarea/title element's text ends (its end tag, or the end)."""
    pattern = re.compile(rb"</" + re.escape(name), re.IGNORECASE)
    found = pattern.search(data, start)
    return found.start() if found else len(data)
