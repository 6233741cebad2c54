"""Reader comments: split a page's comment thread into Comment records.

Threads come in a few shapes once flattened to text:

* numbered, indented lists (WordPress): "1. name Avatar" with replies numbered again, deeper;
* author line (often printed twice), a date line, an optional "Reply to name", then the text;
* "name says:" followed by a date;
* no visible structure: then every paragraph is taken as one comment without an author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.clean.dates import parse_date_line
from sitrep.clean.textscrape.lines import Line
from sitrep.clean.textscrape.patterns import WHOLE
from sitrep.records import Comment, FoundDate

_NUMBERED = re.compile(r"(?P<num>\d{1,3})[.)]\s+(?P<rest>.+)")
_AVATAR = re.compile(r"(?P<name>.{1,60}?)\s+avatar", re.I)
_SAYS = re.compile(r"(?P<name>.{1,60}?)\s+(?:says|said|wrote|writes)\s*:?\s*(?P<rest>.*)", re.I)
_REPLY_TO = re.compile(r"(?:in )?reply to\s+@?(?P<name>.+)", re.I)
_INITIAL_END = re.compile(r"\b\w\.$")
_NAME = re.compile(r"@?[\w.'’ -]{1,40}")


@dataclass
class _Draft:
    author: str | None
    depth: int = 0
    parent: int | None = None
    posted: FoundDate | None = None
    posted_text: str | None = None
    reply_name: str | None = None
    paragraphs: list[str] = field(default_factory=list)


def _looks_like_name(line: Line) -> bool:
    text = line.text
    if _INITIAL_END.search(text):
        text = text[:-1]  # "Marta K." ends with an initial, not a sentence
    return line.words <= 4 and _NAME.fullmatch(text) is not None and not text.endswith((".", "!"))


def _date_of(line: Line | None) -> str | None:
    return parse_date_line(line.text) if line is not None else None


def _author_starts(lines: list[Line], i: int) -> bool:
    """An author line: a name followed by a date, or by itself repeated."""
    line = lines[i]
    if _AVATAR.fullmatch(line.text):
        return True
    if not _looks_like_name(line) or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    if nxt.text == line.text:
        return True
    return _date_of(nxt) is not None and _date_of(line) is None


class _ThreadReader:
    """Walks the thread's lines once, opening a draft at every comment start."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.stack: list[tuple[int, int]] = []  # (indent, draft index) of open numbered items
        self.skip_name: str | None = None

    def open(self, author: str | None, indent: int | None) -> _Draft:
        parent = None
        depth = 0
        if indent is not None:
            while self.stack and self.stack[-1][0] >= indent:
                self.stack.pop()
            if self.stack:
                parent = self.stack[-1][1]
                depth = len(self.stack)
            self.stack.append((indent, len(self.drafts)))
        draft = _Draft(author=author, depth=depth, parent=parent)
        self.drafts.append(draft)
        self.skip_name = author
        return draft

    def feed(self, lines: list[Line], i: int) -> None:
        line = lines[i]
        text = line.text
        current = self.drafts[-1] if self.drafts else None
        if current and not current.paragraphs and text == self.skip_name:
            return  # the author's name printed a second time
        numbered = _NUMBERED.fullmatch(text)
        if numbered:
            rest = numbered["rest"]
            avatar = _AVATAR.fullmatch(rest)
            if avatar:
                self.open(avatar["name"].strip(), line.indent)
            else:
                self.open(None, line.indent).paragraphs.append(rest)
            return
        if _author_starts(lines, i):
            avatar = _AVATAR.fullmatch(text)
            self.open((avatar["name"] if avatar else text).strip(), None)
            return
        says = _SAYS.fullmatch(text)
        if says and _looks_like_name(Line(0, says["name"], 0, 0)) and len(says["rest"]) < 60:
            draft = self.open(says["name"].strip(), None)
            self._maybe_date(draft, says["rest"])
            return
        if current is None:
            self.open(None, None).paragraphs.append(text)
            return
        self._add_to(current, text)

    def _maybe_date(self, draft: _Draft, text: str) -> bool:
        value = parse_date_line(text) if text else None
        if value is None:
            return False
        draft.posted = FoundDate(value=value, source="byline", text=text)
        draft.posted_text = text
        return True

    def _add_to(self, draft: _Draft, text: str) -> None:
        if not draft.paragraphs:
            if draft.posted is None and self._maybe_date(draft, text):
                return
            reply = _REPLY_TO.fullmatch(text)
            if reply and draft.reply_name is None:
                draft.reply_name = reply["name"].strip()
                return
        draft.paragraphs.append(text)


def _resolve_reply(drafts: list[_Draft], index: int) -> int | None:
    draft = drafts[index]
    if draft.parent is not None:
        return draft.parent
    if draft.reply_name:
        for earlier in range(index - 1, -1, -1):
            if drafts[earlier].author == draft.reply_name:
                return earlier
    return None


def parse_comments(lines: list[Line]) -> tuple[list[Comment], int]:
    """Comments from a thread's lines; also the number of chrome lines dropped on the way."""
    reader = _ThreadReader()
    chrome = 0
    for i, line in enumerate(lines):
        is_date = parse_date_line(line.text) is not None
        if WHOLE["comment-chrome"].fullmatch(line.text) or (line.is_noise_only and not is_date):
            chrome += 1
            continue
        reader.feed(lines, i)
    kept = [d for d in reader.drafts if d.paragraphs]
    renumber = {id(d): n for n, d in enumerate(kept)}
    comments = []
    for n, draft in enumerate(kept):
        reply = _resolve_reply(reader.drafts, reader.drafts.index(draft))
        reply_to = renumber.get(id(reader.drafts[reply])) if reply is not None else None
        comments.append(
            Comment(
                ordinal=n,
                text="\n\n".join(draft.paragraphs),
                author=draft.author,
                posted=draft.posted,
                posted_text=draft.posted_text,
                reply_to=reply_to,
            )
        )
    return comments, chrome
