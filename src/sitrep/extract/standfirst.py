"""The standfirst: the story told in a sentence above the story itself.

Some outlets print, between the date line and the body, a one-sentence summary followed by the
page's tag list, and only then the story, whose lede tells the same happening again in its own
words: "Date of publication 6 June 2016 At least 17 civilians have been killed by a suspected
Russian air raid in the market in the town of al-Asharah ... Tags Syria air strike SOHR ...
Seventeen civilians including eight children were killed in air raids on a market in eastern
Syria on Monday ...". The standfirst is the page's furniture-like teaser of that lede, not a
second happening: its mention is linked to the body's telling (`retells`), so corroboration
joins the two, and the event reads the body's telling first (`read.claims`), as an analyst
reads the story rather than its teaser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract.furniture import headline_span
from sitrep.extract.happening import VIOLENT_TYPES, times_apart
from sitrep.extract.schema import reach_differs
from sitrep.records import EventMention

# A tag list opens the body of the page: "Tags Syria air strike SOHR ISIS".
_TAGS = re.compile(r"\bTags[ \t]+[A-Z]")
# A standfirst is a sentence or two: the tag list comes within this many characters of the
# date line. A tag list further down closes the story, and there is no standfirst.
STANDFIRST_CHARS = 400
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+(?=[A-Z0-9\"“])")


def standfirst_span(text: str, title: str | None = None) -> tuple[int, int] | None:
    """Where the standfirst is in `text`: after the headline and date line, up to a tag list
    that follows it within STANDFIRST_CHARS and at most two sentences; else None."""
    head = headline_span(text, title)
    start = head[1] if head else 0
    while start < len(text) and text[start].isspace():
        start += 1
    tags = _TAGS.search(text, start, start + STANDFIRST_CHARS)
    if tags is None or not text[start : tags.start()].strip():
        return None
    if len(_SENTENCE_END.findall(text, start, tags.start())) > 1:
        return None  # three sentences and more are a story, not its summary
    return start, tags.start()


def _family(kind: str) -> str:
    return "violent" if kind in VIOLENT_TYPES else kind


def _told(mention: EventMention) -> bool:
    return mention.modality is None and not mention.negated


def _tolls_agree(a: EventMention, b: EventMention) -> bool:
    """No count of the dead or wounded that both give differs."""
    if a.casualties is None or b.casualties is None:
        return True
    pairs = (
        (a.casualties.killed, b.casualties.killed),
        (a.casualties.wounded, b.casualties.wounded),
    )
    return all(x is None or y is None or x == y for x, y in pairs)


def _summarised(teaser: EventMention, body: Sequence[EventMention]) -> EventMention | None:
    """The body's telling the standfirst's mention summarises: the story's first told mention of
    its kind (an attack or a death, else its own type). Only that one: where it names another
    kind of attack, another day or another toll, the standfirst tells something else."""
    kin = [m for m in body if _told(m) and _family(m.type) == _family(teaser.type)]
    if not kin:
        return None
    lede = min(kin, key=lambda m: (m.sentence, m.trigger_start))
    if reach_differs(teaser.mode, lede.mode) or times_apart(teaser.time, lede.time):
        return None
    return lede if _tolls_agree(teaser, lede) else None


def link_standfirst(
    mentions: Sequence[EventMention], span: tuple[int, int] | None
) -> list[EventMention]:
    """`mentions` with each told mention of the standfirst (`span`) linked to the body's
    telling it summarises (`retells`, pointing forward); a body mention that had been linked
    back to the standfirst is unlinked, so the two do not each retell the other."""
    out = list(mentions)
    if span is None:
        return out
    start, end = span
    body = [m for m in out if m.trigger_start >= end]
    links: dict[int, int] = {}  # standfirst sentence -> body sentence
    for i, m in enumerate(out):
        if start <= m.trigger_start < end and _told(m):
            lede = _summarised(m, body)
            if lede is not None:
                out[i] = replace(m, retells=lede.sentence)
                links[m.sentence] = lede.sentence
    for i, m in enumerate(out):
        if m.trigger_start >= end and m.retells in links:
            out[i] = replace(m, retells=None)
    return out
