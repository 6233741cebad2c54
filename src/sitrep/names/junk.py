"""Entity names that are not names: headline runs, counts, digits, function words.

FA-KES bodies open with a title-case headline glued to the text, so the NER reads "Syrian Army
Kills", "Damascus Kills 3 Wounds 20 Militants", "7 Nusra Front" or "Dozens Killed" as names.
`repair_name` cuts such a span back to the name it starts with (or to nothing), with the reason;
`junk_reason` says why a stored name is junk, for `sitrep eval junk`.

The headline verbs are a generated lexicon (`data/headline_verbs.txt`, built from the UD
treebanks and our event and reporting verbs by `scripts/build-verb-lexicon`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from sitrep.names.lexicons import word_list
from sitrep.names.phonetic import ARTICLES
from sitrep.names.words import CALENDAR_WORDS, FUNCTION_WORDS

# Words that open a count, never a name ("Dozens Killed", "Hundreds Flee").
QUANTITY_WORDS = frozenset(
    [
        "dozens",
        "dozen",
        "hundreds",
        "thousands",
        "millions",
        "scores",
        "tens",
        "several",
        "many",
        "some",
        "few",
    ]
)
_NUMBER = re.compile(r"^[\d.,:/-]+$")


@cache
def headline_verbs() -> frozenset[str]:
    return frozenset(w for w in word_list("data/headline_verbs.txt") if w.isalpha())


def _is_number(token: str) -> bool:
    return bool(_NUMBER.match(token)) and any(c.isdigit() for c in token)


def repair_name(name: str) -> tuple[str, str] | None:
    """(the name it starts with, why) when `name` carries headline furniture; ("", why) when
    nothing of it is a name; None when it is fine as it is."""
    tokens = name.split()
    reasons: list[str] = []
    while tokens and _is_number(tokens[0]):
        reasons.append(f"leading number {tokens.pop(0)!r} dropped")
    if tokens and tokens[0].lower() in QUANTITY_WORDS:
        return "", f"a count ({tokens[0]!r}), not a name"
    verbs = headline_verbs()
    for i, token in enumerate(tokens):
        word = token.strip(".,:;")
        if word[:1].isupper() and word.lower() in verbs:
            reasons.append(f"headline verb {word!r} ends the name")
            tokens = tokens[:i]
            break
        if _is_number(word) and i > 0:
            reasons.append(f"number {word!r} ends the name")
            tokens = tokens[:i]
            break
    if not reasons:
        return None
    while tokens and tokens[-1].lower() in FUNCTION_WORDS:
        tokens.pop()
    return " ".join(tokens), "; ".join(reasons)


_ACRONYM_S = re.compile(r"^[A-Z]{2,}s$")  # "PYDs", "SANAs": an acronym's possessive or plural


def _word_stem(word: str, known: Callable[[str], bool]) -> str | None:
    if _ACRONYM_S.match(word):
        return word[:-1]
    if len(word) < 5 or not word.endswith("s") or word.endswith("ss"):
        return None
    stem = word[:-1]
    return stem if known(stem) and not known(word) else None


def weekday_possessive(name: str) -> bool:
    """ "Mondays", "Wednesdays" ("Mondays attack"): a weekday with a possessive "s" whose
    apostrophe was lost, a date and no name. (A month's, "Mays", is a name too often.)"""
    stem = name[:-1].lower()
    return name.endswith("s") and stem.endswith("day") and stem in CALENDAR_WORDS


def function_words_only(name: str) -> bool:
    """Every word a function word or a lower-case Arabic article ("AS", "al"; "Al" may be
    a man's name)."""
    return all(t.lower() in FUNCTION_WORDS or t in ARTICLES for t in name.split())


def possessive_stem(name: str, known: Callable[[str], bool]) -> str | None:
    """The name a possessive written without its apostrophe stands for (FA-KES strips them):
    "Syrias" -> "Syria", "Bashar al Assads" -> "Bashar al Assad", "PYDs" -> "PYD", and a
    leading possessive is the owner, not the name: "Syrias Homs" -> "Homs". Only when the stem
    is a known name and the word itself is not (an acronym's "s" always)."""
    words = name.split()
    if not words:
        return None
    if len(words) > 1 and _word_stem(words[0], known):
        return " ".join(words[1:])
    stem = _word_stem(words[-1], known) or (
        _word_stem(name, known) if len(words) > 1 and name.endswith("s") else None
    )
    if stem is None:
        return None
    return stem if len(words) == 1 or stem.count(" ") else " ".join([*words[:-1], stem])


def place_list(name: str, is_place: Callable[[str], bool]) -> str | None:
    """The first place of places run together without commas ("Aleppo Damascus"; FA-KES
    strips commas), when every word is a place on its own and the whole is not."""
    words = name.split()
    if len(words) < 2 or is_place(name):
        return None
    if not all(w[:1].isupper() and is_place(w) for w in words):
        return None
    return words[0]


def junk_reason(
    name: str,
    known: Callable[[str], bool] | None = None,
    is_place: Callable[[str], bool] | None = None,
) -> str | None:
    """Why `name` is not a name (None when it may be one). `is_place` is given for places
    only: a list of places run together is junk as a place, not as a person's name."""
    tokens = name.split()
    if not tokens:
        return "empty"
    if function_words_only(name):
        return "function words only"
    if weekday_possessive(name):
        return "a weekday's possessive without apostrophe"
    if any(_is_number(t) for t in tokens):
        return "holds a number"
    repaired = repair_name(name)
    if repaired is not None:
        return repaired[1]
    if known is not None and possessive_stem(name, known):
        return "possessive without apostrophe"
    if is_place is not None and place_list(name, is_place):
        return "places run together"
    return None
