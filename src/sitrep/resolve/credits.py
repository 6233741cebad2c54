"""Credit lines: where a report names its own writers and editors, who are no actors in it.

Two shapes, both closing an agency's or outlet's report (issue 24a):

- a credit clause: "Reporting by A and B; Editing by C", "Additional reporting by D in
  Beirut", "(Writing by E)": a credit verb's noun and "by", then capitalised names joined by
  spaces, commas and "and", up to the clause's end (";", a bracket, a line break, a full stop
  that ends a sentence, or the text's end);
- a tail of names joined by slashes, with nothing after it: "... damage to houses. A.
  Farhan / Ghadir" (the writers' and translators' initials or names). A slash is what tells it
  from a story's last words: a sentence ends in punctuation, a credit in a name.

The spans are character offsets into the document's text.
"""

from __future__ import annotations

import re

# "Reporting by", "Additional reporting by", "Editing by", "Writing by", "Compiled by": the
# nouns of a newsroom's credit, capitalised or after a semicolon. Not "reported by" (a story's
# source: "was reported by state television"), nor "the reporting by" inside a sentence.
_CREDIT_VERB = re.compile(
    r"(?:\b[Aa]dditional\s+reporting|\b(?:Reporting|Editing|Writing|Compiled|Edited|Translated)"
    r"|(?<=;\s)(?:reporting|editing|writing))\s+by\s+"
)
# A clause runs to a semicolon, a bracket, a line break or a full stop after a lower-case word.
_CLAUSE_END = re.compile(r"[;()\n]|(?<=[a-z]{2})\.(?:\s|$)")
_CLAUSE_MAX = 120  # characters: a credit names a few people, a longer run is a sentence
# A name part in a tail credit: an initial ("H."), a capitalised word or an article-joined
# word. A longer word with a full stop ends the story's last sentence ("in Deir Ezzor.").
_PART = r"(?:[A-Z]\.|[A-Z][\w'’-]*|al-\w+|el-\w+)"
_SLASH_TAIL = re.compile(rf"{_PART}(?:\s+{_PART})*(?:\s*/\s*{_PART}(?:\s+{_PART})*)+\s*$")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names its writers: the spans of its credit clauses and slash tail."""
    spans: list[tuple[int, int]] = []
    for verb in _CREDIT_VERB.finditer(text):
        rest = text[verb.end() : verb.end() + _CLAUSE_MAX]
        end = _CLAUSE_END.search(rest)
        spans.append((verb.start(), verb.end() + (end.start() if end else len(rest))))
    tail = _SLASH_TAIL.search(text[-200:])
    if tail:
        offset = max(0, len(text) - 200)
        spans.append((offset + tail.start(), offset + tail.end()))
    return spans


def in_credit(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """A mention from `start` to `end` lies in one of the credit `spans`."""
    return any(s <= start and end <= e for s, e in spans)


__all__ = ["credit_spans", "in_credit"]
