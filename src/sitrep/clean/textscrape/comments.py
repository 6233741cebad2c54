"""Reader comments: split a page's comment thread into Comment records.

Threads come in a few shapes once flattened to text:

* numbered, indented lists (WordPress): "1. name Avatar" with replies numbered again, deeper;
* author line (often printed twice), a date line, an optional "Reply to name", then the text;
* "name says:" followed by a date, or "name · 2018-06-18 16:02" on one line;
* forum posts: a member name over member titles and a date (the titles are dropped first);
* no visible structure: then every paragraph is taken as one comment without an author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.clean.dates import DATE_RE, parse_date_line
from sitrep.clean.textscrape.lines import Line
from sitrep.clean.textscrape.meta import is_date_label
from sitrep.clean.textscrape.patterns import line_kind
from sitrep.records import Comment, FoundDate

_NUMBERED = re.compile(r"(?P<num>\d{1,3})[.)]\s+(?P<rest>.+)")
_AVATAR = re.compile(r"(?P<name>.{1,60}?)\s+avatar", re.I)
_SAYS = re.compile(r"(?P<name>.{1,60}?)\s+(?:says|said|wrote|writes)\s*:?\s*(?P<rest>.*)", re.I)
# "Reply to mariposa_77 - the Kremlin ...", "In reply to Sam.", "Quote: levant_watcher": whom a
# comment answers, sometimes with the start of its text on the same line.
_REPLY_TO = re.compile(
    r"(?:(?:in )?reply(?:ing)? to|quote:|quoting)\s+@?(?P<name>[^\s:,–—-][^:,–—]{0,39}?)"
    r"(?:\s*(?:[:,]|\s[–—-])\s+(?P<rest>.+))?",
    re.I,
)
# "abu_hassan_87 · 2018-06-18 16:02", "Ali_R 2020-01-03 09:02": author and stamp on one line.
_STAMP_SEPARATOR = re.compile(r"\s*(?:[·•|,–—-]|\bon\b)?\s*$")
_THREAD_CHROME = frozenset(("comment-chrome", "forum-chrome", "share", "reply-form"))
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


def _stamped_author(text: str) -> tuple[str, str] | None:
    """(name, date as printed) for a line that is a name followed by a date."""
    for match in DATE_RE.finditer(text):
        name = _STAMP_SEPARATOR.sub("", text[: match.start()])
        stamp = text[match.start() :]
        if is_date_label(name):
            return None  # "Posted on April 22, 2022": the page's dateline, no commenter
        if name and parse_date_line(stamp) and _looks_like_name(Line(0, name, 0, 0)):
            return name, stamp
    return None


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


def _says(text: str) -> re.Match[str] | None:
    says = _SAYS.fullmatch(text)
    if says and _looks_like_name(Line(0, says["name"], 0, 0)) and len(says["rest"]) < 60:
        return says
    return None


def starts_comment(lines: list[Line], i: int) -> bool:
    """Line i opens a comment with an author: "1. name Avatar", "name says:", "name · date",
    or a name over a date."""
    text = lines[i].text
    numbered = _NUMBERED.fullmatch(text)
    if numbered:
        return _AVATAR.fullmatch(numbered["rest"]) is not None
    return bool(_stamped_author(text) or _says(text) or _author_starts(lines, i))


class _ThreadReader:
    """Walks the thread's lines once, opening a draft at every comment start."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.stack: list[tuple[int, int]] = []  # (indent, draft index) of open numbered items
        self.skip_name: str | None = None
        self.pending_reply: str | None = None  # a "Reply to NAME" printed above its comment

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
        author = (author.lstrip("@") or None) if author else None  # "@handle" is the name "handle"
        draft = _Draft(author=author, depth=depth, parent=parent, reply_name=self.pending_reply)
        self.drafts.append(draft)
        self.skip_name = author
        self.pending_reply = None
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
        stamped = _stamped_author(text)
        if stamped:
            self._maybe_date(self.open(stamped[0].strip(), None), stamped[1])
            return
        if _author_starts(lines, i):
            avatar = _AVATAR.fullmatch(text)
            self.open((avatar["name"] if avatar else text).strip(), None)
            return
        reply = _REPLY_TO.fullmatch(text)
        follows = i + 1 < len(lines) and starts_comment(lines, i + 1)
        if reply and not reply["rest"] and current and current.paragraphs and follows:
            self.pending_reply = reply["name"].strip()  # "Reply to NAME" above its comment
            return
        says = _says(text)
        if says:
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
            name = reply["name"].strip().rstrip(".") if reply else ""
            if reply and draft.reply_name is None and _looks_like_name(Line(0, name, 0, 0)):
                draft.reply_name = name
                if reply["rest"]:
                    draft.paragraphs.append(reply["rest"])
                return
        draft.paragraphs.append(text)


def _is_chrome(line: Line) -> bool:
    if line.is_noise_only:
        return parse_date_line(line.text) is None
    return line_kind(line.text) in _THREAD_CHROME


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
    # Widgets, member titles and form labels go first, so that an author's name is read as
    # followed by the date under them.
    kept = [line for line in lines if not _is_chrome(line)]
    for i in range(len(kept)):
        reader.feed(kept, i)
    chrome = len(lines) - len(kept)
    drafts = [d for d in reader.drafts if d.paragraphs]
    renumber = {id(d): n for n, d in enumerate(drafts)}
    comments = []
    for n, draft in enumerate(drafts):
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
