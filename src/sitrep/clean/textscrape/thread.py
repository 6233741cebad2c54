"""Whether a page's "comment thread" is one, or the article filed as comments by mistake.

A heading that opens a thread ("Comments", "Discussion", "12 responses") can sit above the
article on some layouts, and then everything under it — the article too — would be filed as
reader comments. A real thread shows its structure: most comments carry an author or a date, and
no reader comment is longer than the article it answers. So when the "comments" outweigh the
body without that structure, the split is wrong and the lines go back to the body, where the
line model sorts article from chrome.
"""

from __future__ import annotations

from sitrep.clean.textscrape.classify import BODY, Labels
from sitrep.records import Comment

MIN_STRUCTURED_SHARE = 0.5  # of the comments, those with an author or a date in a real thread
MIN_STRUCTURED_COMMENTS = 2


def _words(text: str) -> int:
    return len(text.split())


def is_structured(comments: list[Comment]) -> bool:
    """A thread recognised by its structure: authors or dates on most comments."""
    marked = sum(1 for c in comments if c.author or c.posted)
    return marked >= MIN_STRUCTURED_COMMENTS and marked >= MIN_STRUCTURED_SHARE * len(comments)


def outweighs_body(labels: Labels, comments: list[Comment]) -> bool:
    """The comments hold more words than the body, and nothing says they are a real thread:
    authors or dates on most comments (a forum's posts have both), none of them longer than the
    article they answer."""
    if not comments:
        return False
    body = sum(_words(labels.text(i)) for i in labels.body_indices())
    sizes = [_words(c.text) for c in comments]
    if sum(sizes) <= body:
        return False
    return not is_structured(comments) or max(sizes) > body


def restore_thread(labels: Labels) -> None:
    """File the thread's lines as body again."""
    for i, kind in enumerate(labels.kinds):
        if kind == "comment":
            labels.kinds[i] = BODY
    labels.thread = []
