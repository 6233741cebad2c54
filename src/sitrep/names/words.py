"""English function words: the words a name runs into but never ends with."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

# spaCy's list also holds content words ("side", "front", "top", "first", numbers): "Russian
# side" is not "Russian" with a stray word, so those stay.
_CONTENT = frozenset(
    {
        "amount", "back", "bottom", "call", "done", "eight", "eleven", "empty", "fifteen", "fifty",
        "first", "five", "former", "forty", "four", "front", "full", "get", "give", "go",
        "hundred", "keep", "last", "latter", "made", "make", "move", "name", "nine", "one", "part",
        "put", "say", "see", "serious", "show", "side", "six", "sixty", "take", "ten", "third",
        "three", "top", "twelve", "twenty", "two", "used", "using", "well", "whole",
    }
)  # fmt: skip
FUNCTION_WORDS = frozenset(STOP_WORDS) - _CONTENT

# Calendar words are capitalised but never an entity of ours: they stay O even where a corpus's
# missing-annotation rule would make them missing (the first model tagged "Thursday" LOC),
# and a place named like one ("May") is a misread date.
CALENDAR_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
