"""Markdown documents: the YAML front matter as metadata, the markup off the prose.

A Markdown file (a static-site post, an exported wiki page) carries its title and date in a YAML
header between `---` lines and its prose under headings, with emphasis, links and images inline.
Read as a plain-text scrape, the header's keys and values become sentences and the title is
guessed from them; headings run into the next sentence; `**Dabiq**` and `[Dabiq](url)` reach the
parser with their marks. Here the header is read as data and the markup is taken off, so the
plain-text cleaner sees a title line and paragraphs of prose.

The closing apparatus of a reference page ("References", "See also", "External links", ...)
ends the prose: what follows are citations and link lists, not sentences about events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from sitrep.clean.dates import find_date
from sitrep.records import FoundDate
from sitrep.yamlload import load_yaml

_FENCE = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?P<head>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_HEADING = re.compile(r"^[ \t]{0,3}(?P<marks>#{1,6})[ \t]*(?P<text>.*?)[ \t#]*$")
# Sections after which a reference page has no more prose (compared case-folded, markup off).
_CLOSING_SECTIONS = frozenset(
    {
        "references",
        "notes",
        "footnotes",
        "citations",
        "sources",
        "see also",
        "external links",
        "further reading",
        "bibliography",
        "notes and references",
        "references and notes",
    }
)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(?P<text>.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)(?P<it>[^*]+?)(?<=\S)\*(?![\w*])"
)
# A footnote or citation mark glued to the prose: "[12]", "[a]", "[citation needed]".
_FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|clarification needed)\]")
_TABLE_ROW = re.compile(r"^\s*\|")
_TITLE_KEYS = ("title", "subject", "name")
_DATE_KEYS = ("date", "pubDate", "published", "pubdate", "publishDate", "created")


@dataclass(frozen=True)
class Markdown:
    """A Markdown document as metadata and plain prose."""

    text: str
    title: str | None
    published: FoundDate | None


def front_matter(text: str) -> tuple[dict[str, Any], str] | None:
    """The YAML header as a mapping and the text after it, or None when there is none."""
    match = _FENCE.match(text)
    if match is None:
        return None
    try:
        head = load_yaml(match["head"])
    except yaml.YAMLError:
        return None
    if not isinstance(head, dict):
        return None
    return head, text[match.end() :]


def is_markdown(origin: str, text: str) -> bool:
    """A file named as Markdown, or any text that opens with a YAML header."""
    name = origin.split("#", 1)[0].lower()
    return name.endswith((".md", ".markdown")) or front_matter(text) is not None


def read_markdown(text: str) -> Markdown:
    """Metadata from the front matter (when there is one) and the body as plain prose."""
    parsed = front_matter(text)
    head, body = parsed if parsed is not None else ({}, text)
    title = _scalar(head, _TITLE_KEYS)
    published = _published(head)
    return Markdown(text=_plain(body), title=title, published=published)


def _scalar(head: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = head.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _published(head: dict[str, Any]) -> FoundDate | None:
    # Only a single value is the document's date: a list under "date" (an infobox's "28
    # September – 16 October 2016") is what the page is about, not when it was written.
    for key in _DATE_KEYS:
        value = head.get(key)
        if isinstance(value, datetime | date):
            iso = value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
            return FoundDate(value=iso, source="front-matter", text=str(value))
        if isinstance(value, str):
            hit = find_date(value)
            if hit:
                return FoundDate(value=hit[0], source="front-matter", text=hit[1])
    return None


def _plain(body: str) -> str:
    """The prose of a Markdown body: headings, images, tables and the closing apparatus out;
    links, emphasis and footnote marks reduced to their words. Blank lines are kept, so the
    paragraphs stay apart."""
    out: list[str] = []
    for line in body.splitlines():
        heading = _HEADING.match(line)
        if heading is not None:
            name = _inline(heading["text"]).strip(" :").casefold()
            if name in _CLOSING_SECTIONS:
                break
            # A heading is not a sentence: without an end mark it would run into the next one.
            out.append("")
            continue
        if _TABLE_ROW.match(line):
            out.append("")
            continue
        out.append(_inline(line))
    return "\n".join(out).strip() + "\n"


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m["text"], line)
    line = _FOOTNOTE.sub("", line)
    previous = None
    while previous != line:  # "***x***" is emphasis inside emphasis
        previous = line
        line = _EMPHASIS.sub(lambda m: m["text"] or m["it"] or "", line)
    return line
