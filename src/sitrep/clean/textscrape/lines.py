"""Lines of a plain-text scrape and the features the classifier reads from them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_TERMINAL = tuple('.!?:;"”’»)…')
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_BULLETS = "•·●▪◦‣*-–—|"


@dataclass(frozen=True)
class Line:
    """One non-blank line of the scrape."""

    index: int  # position among the non-blank lines
    text: str  # whitespace-normalised, stripped
    indent: int  # leading spaces in the raw line (nesting of comment threads)
    gap: int  # blank lines just before this one

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    @property
    def ends_sentence(self) -> bool:
        return self.text.endswith(_TERMINAL)

    @property
    def is_paragraph(self) -> bool:
        """Reads like running prose rather than a label, link or widget."""
        # A short question is a headline ("What do we know?") far more often than a paragraph.
        short_prose = self.ends_sentence and not self.text.endswith("?")
        return self.words >= 14 or (self.words >= 7 and short_prose)

    @property
    def is_headline(self) -> bool:
        """Short, unpunctuated at the end, mostly letters: a title, subhead or link text."""
        if not 2 <= self.words <= 24 or self.text.endswith((".", "!", ",", ";")):
            return False
        letters = sum(ch.isalpha() for ch in self.text)
        return letters >= 0.6 * len(self.text)

    @property
    def is_noise_only(self) -> bool:
        """Bullets, digits and punctuation only ("•", "• 2", "0", "|")."""
        return not any(ch.isalpha() for ch in self.text)


def normalise(raw: str) -> str:
    """Collapse all kinds of spaces; what the patterns and comparisons see."""
    return _SPACES.sub(" ", raw).strip()


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, each with its indent and the gap before it."""
    lines: list[Line] = []
    gap = 0
    for raw in text.split("\n"):
        clean = normalise(raw)
        if not clean:
            gap += 1
            continue
        expanded = raw.replace("\t", "    ").replace("\u00a0", " ")
        indent = len(expanded) - len(expanded.lstrip(" "))
        lines.append(Line(index=len(lines), text=clean, indent=indent, gap=gap))
        gap = 0
    return lines


def fingerprint(text: str) -> str:
    """A comparison key: case, accents, quotes and punctuation folded away."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(_WORD.findall(folded.replace("’", "'")))


def word_set(text: str) -> set[str]:
    return set(fingerprint(text).split())


def strip_bullets(text: str) -> str:
    return text.strip(_BULLETS + " ").strip()
