"""What page chrome looks like, as data: one list of whole-line patterns per kind.

Kinds are the names recorded in CleanDocument.removed. Patterns match the whole normalised line
(case-insensitive) unless they sit in PREFIX_PATTERNS. Keep them generic (what such widgets say
on many sites), never the wording of one page.
"""

from __future__ import annotations

import re

_NETWORKS = (
    r"facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|email|e-mail|print"
    r"|messenger|tumblr|vk|flipboard|copy link"
)

_SHARE_ITEM = rf"(?:share (?:on|via|to|by) )?(?:{_NETWORKS})"

LINE_PATTERNS: dict[str, tuple[str, ...]] = {
    "share": (
        r"share(?: this)?(?: article| story| post| page| on)?\s*:?",
        # "Share on Facebook Share on Twitter Share by email (1.2k shares)"; "Share: Facebook |
        # Twitter | WhatsApp" (the label and the networks on one line)
        rf"(?:share(?: this)?(?: article| story| post| page)?\s*:?\s*)?"
        rf"{_SHARE_ITEM}(?:\s*[|/,]?\s*{_SHARE_ITEM})*(?:\s*\(?\d[\d,.]*\s*k?\s*shares?\)?)?",
        r"tweet(?: this)?|pin it|like this:?|spread the word:?",
        r"\d[\d,.]*\s*k?\s*(?:shares?|likes?|views?|reads?)",
        r"shares?|views?",
    ),
    "advertisement": (
        r"advertisements?|advertising|sponsored(?: content| links?)?|promoted(?: content)?|ad",
        r"story continues below(?: advertisement)?|continue reading (?:below|the main story)",
        r"scroll (?:down )?to continue(?: reading)?|report this ad|close ad",
    ),
    "ticker": (
        r"news ticker|breaking(?: news)?|latest(?: news| stories)?|trending(?: now| stories)?",
        r"top stories|headlines|just in|live updates?",
    ),
    "reply-form": (
        r"leave a (?:reply|comment|response)|post a comment|add (?:a |your )?comment",
        r"write a comment|your email address will not be published.*|required fields are marked.*",
        r"cancel reply|post comment|submit(?: comment)?|notify me of .*|save my name,? email.*",
        r"(?:comment|name|email|website|url)\s*\*?:?|you must be (?:logged|signed) in to .*",
        r"(?:log|sign) in to (?:comment|reply|join the discussion).*",
    ),
    "forum-chrome": (
        r"(?:gold|silver|bronze|platinum|diamond|elite|premium|senior|junior|new|active|full|"
        r"valued|veteran|registered|banned|well-known|established|respected)\s+member",
        r"member|moderator|administrator|admin|staff member|super moderator|thread starter",
        r"(?:joined|messages|posts|reaction score|points|likes received|trophy points|location)"
        r"\s*:?\s*[\w ,.]*\d[\w ,.]*",
        r"forum list|forums?|what's new|new posts|#\d+|click to expand\.*|quote|report post",
        r"you are using an out of date browser.*|log in|register|sign up",
    ),
    "comment-chrome": (
        r"most voted|newest|oldest|newest oldest|oldest newest|inline feedbacks|view all comments",
        r"load more comments|show more replies|reply|log in to reply|vote up|vote down|report",
        r"likes?|\d+\s*(?:likes?|votes?|points?)|permalink|flag|sort by:? .*|subscribe",
        r"(?:login|log in|sign up) to (?:comment|vote).*",
    ),
    "cookie-notice": (
        r".*\bcookies?\b.*\b(?:accept|consent|agree|privacy|policy)\b.*",
        r"(?:accept|reject|manage)(?: all)?(?: cookies)?|got it|i agree",
    ),
}

PREFIX_PATTERNS: dict[str, tuple[str, ...]] = {
    # "ALSO READ Syrian Army launches ..." — the marker and the linked headline on one line.
    "related": (
        r"(?:also read|see also|read more|read also|more on this|related(?: articles?| stories|"
        r" posts| news| content| reading)?|recommended(?: for you)?|you (?:may|might) also "
        r"like|must read|more from [\w ]{1,30}|editor'?s picks?|more stories"
        r"|similar (?:threads|topics|posts|articles|stories))\b\s*[:»>|\-–—]?",
    ),
}

# The start of a comment thread: what the comment part of the page says at its top.
COMMENT_START = re.compile(
    r"(?:\d+|no|one|two|three)\s+(?:comments?|responses?|replies|thoughts?|reactions?)"
    r"(?:\s+(?:to|on)\s+.*)?"
    r"|(?:reader\s+)?comments?\s*(?:\(\d+\))?:?|responses|discussion|join the discussion"
    r"|(?:show|view|read) (?:all )?comments(?: \(\d+\))?|conversation",
    re.I,
)
# The first line of a comment policy (shown above the thread on many sites).
POLICY_START = re.compile(
    r"(?:notice:?\s*)?all comments (?:represent|reflect|are|will be|must).*"
    r"|.*\bcivili[sz]ed place for (?:public )?discussion\b.*"
    r"|(?:our )?(?:comment(?:ing)?|community|discussion) (?:policy|guidelines|rules)\b.*"
    r"|comments (?:are|will be) moderated.*|.*views? of the commenters?\b.*",
    re.I,
)
# "About Jane Doe (354 Articles)" / "About the author".
BIO_START = re.compile(
    r"about (?:the author|[\w.'’ -]{2,60}?)\s*\(\s*\d[\d,]*\s+(?:articles?|posts?|stories)\s*\)"
    r"|about the authors?:?|author bio:?|more (?:articles|stories|posts) by .*",
    re.I,
)
BIO_NAME = re.compile(r"about ([\w.'’ -]{2,60}?)\s*\(\s*\d", re.I)
# Wire agencies in a sign-off line: "FOX NEWS/AP/REUTERS", "(AFP)", "— Reuters".
AGENCY_SIGNOFF = re.compile(
    r"[-–—(]*\s*(?:[A-Z][A-Z.&' ]{0,24}(?:\s*/\s*[A-Z][A-Z.&' ]{0,24})+"
    r"|AP|AFP|REUTERS|Reuters|UPI|XINHUA|Xinhua|TASS|IRNA|ANI|DPA|dpa|ANSA|EFE|PTI)\s*\)?",
)
# "...as soon as possible.”SEE ALSO:" — a related-link marker glued to the end of a paragraph.
GLUED_RELATED = re.compile(
    r"(?P<keep>.*?[.!?\"”’)])\s*(?P<tail>(?:SEE ALSO|ALSO READ|READ MORE|READ ALSO|RELATED)\b.*)$",
)
# "By Jane Doe", "Written by Jane Doe | March 3, 2020", "Posted on March 3, 2020 by Jane Doe".
BYLINE = re.compile(
    r"(?i:(?:(?:posted|published|written|reported|updated)(?: on [^|]*?)?\s+)?by)\s+"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|al|bin|van|von)){0,4})"
    r"(?P<rest>\s*(?:[|,·•–—-].*)?)",
)


def _compile(table: dict[str, tuple[str, ...]], suffix: str) -> dict[str, re.Pattern[str]]:
    return {
        kind: re.compile("(?:" + "|".join(f"(?:{p})" for p in pats) + ")" + suffix, re.I)
        for kind, pats in table.items()
    }


WHOLE = _compile(LINE_PATTERNS, "")
PREFIX = _compile(PREFIX_PATTERNS, "")


# The longest a widget, notice or form line runs; some patterns end in ".*" ("... cookies ...
# accept ...") and must not swallow a whole article written as one line.
MAX_WIDGET_WORDS = 60
_WIDGET_SEPARATORS = re.compile(r"\s*[|•·]\s*")


def _whole_kind(text: str) -> str | None:
    for kind, pattern in WHOLE.items():
        if pattern.fullmatch(text):
            return kind
    return None


def line_kind(text: str) -> str | None:
    """The chrome kind a whole line is, or None when it matches no pattern.

    A row of widgets ("Like | Quote", "Reply · Report") is chrome when every item is: it takes
    the kind of its first item."""
    if len(text.split()) > MAX_WIDGET_WORDS:
        return None  # a line this long is prose that mentions cookies or comments, no widget
    kind = _whole_kind(text)
    if kind is not None:
        return kind
    parts = [p for p in _WIDGET_SEPARATORS.split(text) if p]
    if len(parts) < 2:
        return None
    kinds = [_whole_kind(part) for part in parts]
    return kinds[0] if all(kinds) else None


def related_marker(text: str) -> bool:
    """The line starts with a related-article marker ("ALSO READ", "See also:")."""
    return PREFIX["related"].match(text) is not None


# Of the reply-form lines, those that open a form (the rest only count inside one).
REPLY_FORM_START = re.compile(
    r"leave a (?:reply|comment|response)|post a comment|add (?:a |your )?comment|write a comment"
    r"|your email address will not be published|(?:log|sign) in to (?:comment|reply)",
    re.I,
)
# "7 responses to ...", "2 Comments": a thread header that counts its comments is no menu link.
COUNTED_COMMENTS = re.compile(r"(?:\d+|no|one|two|three)\s", re.I)
