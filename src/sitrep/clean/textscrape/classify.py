"""Label every line of a plain-text scrape: body, title, or one kind of page chrome.

Three passes, each with one job:

1. `_mark_lines` — what a line is on its own (share widget, advert, related link, sign-off ...);
2. `_mark_tail` — the sections that close a page: comment policy, the comment thread, the reply
   form, the author bio, forum footers. They only count once some prose has been seen, so a
   "Comments" link in a page's header cannot swallow the article;
3. `_mark_body` — inside the article: link lists, duplicated photo captions, trailing chrome.

The header (the lines before the first paragraph) is handled in `header.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.clean.textscrape import patterns as pat
from sitrep.clean.textscrape.comments import starts_comment
from sitrep.clean.textscrape.lines import Line, strip_bullets, word_set
from sitrep.clean.textscrape.meta import read_meta

BODY = "body"
CAPTION_WINDOW = 3  # a caption is repeated within a few lines of its first copy
CAPTION_SIMILARITY = 0.7
MIN_PROSE_BEFORE_THREAD = 0.3  # share of the page's prose an uncounted "Comments" must follow
_NOT_IN_THREAD = frozenset(("related", "advertisement", "share", "ticker", "cookie-notice"))
_GUARDED_SECTIONS = frozenset(("comments", "comment-policy", "author-bio", "reply-form"))
FOOTER_MAX_WORDS = 10  # an unpunctuated last line this long is a cut-off paragraph, not a link


@dataclass
class Labels:
    """The classifier's working state: one kind per line, plus text edits and the thread."""

    lines: list[Line]
    kinds: list[str] = field(default_factory=list)
    texts: dict[int, str] = field(default_factory=dict)  # lines whose glued tail was cut
    thread: list[Line] = field(default_factory=list)
    signoff: str | None = None
    bio_name: str | None = None
    cut_tails: int = 0  # related-link markers cut off the end of a kept paragraph
    refused: frozenset[int] = frozenset()  # lines known not to open the comment thread
    thread_opened: list[int] = field(default_factory=list)  # lines that opened a thread

    def __post_init__(self) -> None:
        self.kinds = [BODY] * len(self.lines)

    def text(self, i: int) -> str:
        return self.texts.get(i, self.lines[i].text)

    def body_indices(self, start: int = 0) -> list[int]:
        return [i for i in range(start, len(self.lines)) if self.kinds[i] == BODY]

    def first_paragraph(self) -> int | None:
        """The first line of prose. A long line that still reads like a headline (no closing
        punctuation: a title, a ticker) or a metadata line is passed over while a later line is
        unmistakably prose."""
        paragraphs = [i for i in self.body_indices() if self.lines[i].is_paragraph]
        for i in paragraphs:
            line = self.lines[i]
            if (line.ends_sentence or not line.is_headline) and read_meta(line.text) is None:
                return i
        return paragraphs[0] if paragraphs else None


_NEXT_SENTENCE = re.compile(r"[.!?][\"”’)]?\s+[A-Z]")


def _related_kind(line: Line) -> bool:
    """A related-link line: the marker and a headline, or an upper-case marker ("ALSO READ")
    before anything. A mixed-case "Read more about ..." in a long line is prose, unless a
    colon or arrow sets the marker off and one headline-like sentence follows."""
    match = pat.PREFIX["related"].match(line.text)
    if match is None:
        return False
    if not line.is_paragraph or line.text[:8].isupper():
        return True
    marked = line.text[: match.end()].rstrip().endswith((":", "»", ">", "|", "–", "—"))
    return marked and _NEXT_SENTENCE.search(line.text, match.end()) is None


def _mark_related(labels: Labels, i: int) -> None:
    """A related-link marker; a bare marker ("SEE ALSO:") also takes the headline(s) below it."""
    labels.kinds[i] = "related"
    line = labels.lines[i]
    bare = pat.PREFIX["related"].sub("", line.text, count=1).strip(" :»>|-–—") == ""
    if bare:
        _take_linked_headlines(labels, i + 1)


def _take_linked_headlines(labels: Labels, start: int) -> None:
    for j in range(start, min(start + 2, len(labels.lines))):
        if labels.lines[j].is_headline and not labels.lines[j].is_paragraph:
            labels.kinds[j] = "related"
        else:
            break


def _mark_lines(labels: Labels) -> None:
    previous_kind = BODY
    for i, line in enumerate(labels.lines):
        if labels.kinds[i] != BODY:
            continue  # already taken as the headline under a related marker
        kind = pat.line_kind(line.text)
        if kind is None and _related_kind(line):
            _mark_related(labels, i)
            kind = "related"
        elif kind is None and line.is_noise_only:
            kind = "share" if previous_kind == "share" else "stray"
        elif kind is None and _under_ticker(labels, i):
            kind = "ticker"  # the headlines scrolling under a "News Ticker" label
        elif kind is None and line.words <= 6 and pat.AGENCY_SIGNOFF.fullmatch(line.text):
            kind = "signoff"
            labels.signoff = line.text.strip("-–—() ")
        elif kind is None:
            _cut_glued_related(labels, i)
        labels.kinds[i] = kind or BODY
        if kind is not None and kind != "stray":
            previous_kind = kind


def _under_ticker(labels: Labels, i: int) -> bool:
    """The headlines scrolling right under a "News Ticker" label (no blank line between)."""
    line = labels.lines[i]
    return i > 0 and labels.kinds[i - 1] == "ticker" and line.gap == 0 and not line.ends_sentence


def _cut_glued_related(labels: Labels, i: int) -> None:
    match = pat.GLUED_RELATED.fullmatch(labels.lines[i].text)
    if match and len(match["keep"]) > 40:
        labels.texts[i] = match["keep"]
        labels.cut_tails += 1
        tail = pat.PREFIX["related"].sub("", match["tail"], count=1).strip(" :»>|-–—")
        if not tail:
            _take_linked_headlines(labels, i + 1)


# --------------------------------------------------------------------------------------------
# pass 2: the sections that close a page


def _opens_post(labels: Labels, i: int) -> bool:
    """A forum post's header: a member name over a member title ("Senior Member", "Joined: ...").
    After the first post, every post is a reply: a comment, not the article."""
    line = labels.lines[i]
    return (
        i + 1 < len(labels.lines)
        and labels.kinds[i + 1] == "forum-chrome"
        and labels.lines[i + 1].gap == 0
        and labels.kinds[i] == BODY
        and line.words <= 4
        and not line.ends_sentence
    )


def _tail_start(line: Line) -> str | None:
    """The section a line opens, if it is the first line of a closing section."""
    text = line.text
    if pat.POLICY_START.fullmatch(text):
        return "comment-policy"
    if pat.COMMENT_START.fullmatch(text):
        return "comments"
    if pat.BIO_START.fullmatch(text):
        return "author-bio"
    if pat.WHOLE["reply-form"].fullmatch(text) and pat.REPLY_FORM_START.match(text):
        return "reply-form"
    if text.casefold() == "forum list":
        return "forum-chrome"
    return None


def _prose_share_before(labels: Labels, index: int) -> float:
    words = [line.words if line.is_paragraph else 0 for line in labels.lines]
    total = sum(words)
    return sum(words[:index]) / total if total else 1.0


def _opening(labels: Labels, i: int, state: str) -> tuple[str | None, str]:
    """The section line i opens (None: it opens none) and the state it is read in."""
    line = labels.lines[i]
    opened = _tail_start(line) if i not in labels.refused else None
    if (
        opened in _GUARDED_SECTIONS
        and state == BODY
        and not pat.COUNTED_COMMENTS.match(line.text)
        and _prose_share_before(labels, i) < MIN_PROSE_BEFORE_THREAD
    ):
        # A bare "Comments" or "Commenting Policy" with most of the prose still to come is a
        # menu link, not the section that closes the page.
        opened = None
    if opened == "comment-policy" and state == "comments" and labels.thread:
        opened = None  # a comment quoting the policy is still a comment
    if state == "reply-form" and pat.WHOLE["reply-form"].fullmatch(line.text):
        opened = None  # "Comment *", "Name *": the form's own field labels
    elif state == "reply-form" and not opened and starts_comment(labels.lines, i):
        state = "comments"  # the thread goes on under a form placed above it
    if opened is None and state in (BODY, "comments") and _opens_post(labels, i):
        state = "comments"  # a reply in a forum thread; its name line opens the comment
    return opened, state


def _mark_tail(labels: Labels, start: int) -> None:
    """From the first paragraph on, route each line to the closing section it belongs to."""
    state = BODY
    bio_lines = 0
    for i in range(start, len(labels.lines)):
        line = labels.lines[i]
        opened, state = _opening(labels, i, state)
        if opened:
            state, bio_lines = opened, 0
            if opened == "comments":
                labels.thread_opened.append(i)
            labels.kinds[i] = "comment-chrome" if opened == "comments" else opened
            if opened == "author-bio":
                match = pat.BIO_NAME.match(line.text)
                labels.bio_name = match.group(1).strip() if match else None
            continue
        if state == BODY:
            continue
        if state == "comments":
            if labels.kinds[i] in _NOT_IN_THREAD:
                continue  # related links, adverts, share widgets between or under comments
            labels.kinds[i] = "comment"
            labels.thread.append(line)
        elif state == "author-bio":
            # The bio is the paragraph under its header; a blank line after it ends the section.
            if bio_lines and line.gap:
                state = BODY
                continue
            labels.kinds[i] = "author-bio"
            bio_lines += 1
        else:
            labels.kinds[i] = state


# --------------------------------------------------------------------------------------------
# pass 3: inside the article


def _is_list_item(text: str) -> bool:
    return strip_bullets(text) != text or text[:3].rstrip(".) ").isdigit()


def _mark_link_lists(labels: Labels, body: list[int]) -> None:
    """Two or more headline-like lines in a row, with no prose between: a list of links."""
    run: list[int] = []
    for i in [*body, -1]:
        line = labels.lines[i] if i >= 0 else None
        if line and line.is_headline and not line.is_paragraph and not _is_list_item(line.text):
            run.append(i)
            continue
        if len(run) >= 2:
            for j in run:
                labels.kinds[j] = "link-list"
        run = []


def _mark_duplicates(labels: Labels, body: list[int]) -> None:
    """Photo captions printed twice (often with small edits): keep the first copy."""
    for n, i in enumerate(body):
        words = word_set(labels.text(i))
        if len(words) < 6:
            continue
        for j in body[max(0, n - CAPTION_WINDOW) : n]:
            if labels.kinds[j] != BODY:
                continue
            other = word_set(labels.text(j))
            if len(other) >= 6 and len(words & other) / len(words | other) >= CAPTION_SIMILARITY:
                labels.kinds[i] = "duplicate"
                break


def _mark_trailing(labels: Labels, body: list[int]) -> None:
    """Short lines after the last paragraph are page footer, not article."""
    for i in reversed(body):
        if labels.lines[i].is_paragraph or labels.lines[i].words >= FOOTER_MAX_WORDS:
            return
        labels.kinds[i] = "footer-chrome"


def _mark_body(labels: Labels, start: int) -> None:
    _mark_link_lists(labels, labels.body_indices(start))
    _mark_duplicates(labels, labels.body_indices(start))
    _mark_trailing(labels, labels.body_indices(start))


def classify(lines: list[Line], refused: frozenset[int] = frozenset()) -> tuple[Labels, int | None]:
    """Label `lines`; also return the index of the first paragraph (None: no prose at all).
    `refused`: lines that must not open a comment thread (one that proved to be the article)."""
    labels = Labels(lines, refused=refused)
    _mark_lines(labels)
    first = labels.first_paragraph()
    if first is not None:
        _mark_tail(labels, first)
        _mark_body(labels, first)
    return labels, first
