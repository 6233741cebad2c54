"""Transliteration-aware keys for Arabic and Persian names, in Latin or in their own script.

Three levels, each coarser than the last:

* `fold`: ASCII (anyascii), lower case, apostrophes / ayn / hamza dropped.
* `phonetic`: spelling variants collapsed (q/gh/k, th/s, dh/z, w/v, ou/u/o, ei/ey/ai/e/i,
  doubled letters, "al-" articles) so Soleimani = Suleimani = Sulejmani, Baqeri = Bagheri.
* `skeleton`: consonants only, so Arabic/Persian script (written without short vowels) meets
  its Latin spelling: قاسم سلیمانی -> "ksm slmn" = Qassem Soleimani.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Arabic articles, glued ("al-Assad", "as-Safir") or standalone ("Al Nusra").
ARTICLES = frozenset({"al", "el", "ul", "ad", "as", "ash", "at", "az", "an", "ar", "ath", "adh"})
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|ad|as|ash|at|az|an|ar|ath|adh)-(?=\w)")
_APOSTROPHES = re.compile(r"['’‘`ʿʾʻʼ´]")
_NON_WORD = re.compile(r"[^a-z0-9\s-]+")

# Before a "sun letter" the article's l is said as that letter, and many transliterations write
# it so: al-Nusra / an-Nusra, al-Sham / ash-Sham, al-Din / ad-Din, al-Rahman / ar-Rahman.
_SUN_ARTICLE = re.compile(r"\b([Aa])l-(sh|th|dh|[tdrzsnl])", re.I)


def assimilated_forms(name: str) -> list[str]:
    """The name with every "al-" before a sun letter written as it is said ("Jabhat al-Nusra"
    -> "Jabhat an-Nusra"); none when it has no such article."""
    if not _SUN_ARTICLE.search(name):
        return []
    return [_SUN_ARTICLE.sub(lambda m: f"{m[1]}{m[2].lower()}-{m[2]}", name)]


# Whole-token spellings no letter rule reaches (after phonetic rules).
GIVEN_NAME_CANON: dict[str, str] = {
    "muhamid": "muhamad",
    "mahamad": "muhamad",
    "muhamd": "muhamad",
    "mhd": "muhamad",
    "ahmid": "ahmad",
    "abdil": "abdul",
    "abdal": "abdul",
    "abd": "abdul",
    "abu": "abu",
    "ibin": "bin",
    "ibn": "bin",
    "yusif": "yusuf",
}

# Letter rules, applied in order to a folded token.
_CONSONANT_RULES: tuple[tuple[str, str], ...] = (
    (r"dj", "j"),
    (r"kh", "x"),
    (r"gh", "k"),
    (r"q", "k"),
    (r"ck", "k"),
    (r"c(?!h)", "k"),
    (r"ph", "f"),
    (r"th", "s"),
    (r"dh", "z"),
    (r"zh", "j"),
    (r"(?<=[aeiou])w(?=[aeiou])", "v"),
    (r"w", "u"),  # "Jawlani" -> "jaulani": w after a vowel is a diphthong
    (r"(?<=[aeiou])j(?=[^aeiouy]|$)", "y"),  # Slavic spelling: Sulejmani
    (r"(?<=[aeiou])y(?![aeiou])", "i"),  # -ey / -ay endings and diphthongs are vowels
    (r"^y(?![aeiou])", "i"),
)
_COMPILED = tuple((re.compile(p), r) for p, r in _CONSONANT_RULES)
_VOWEL_RUN = re.compile(r"[aeiou]+")
_DOUBLE = re.compile(r"([a-z])\1+")


# The Arabic article glued to a word (الغانمي), but not the "al" of الله (Allah).
_SCRIPT_ARTICLE = re.compile(r"(?<!\S)ال(?!له(?:\s|$))(?=\S{2,})")


# The reduce folds the same few thousand names hundreds of thousands of times.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """ASCII, lower-case, apostrophes and diacritics dropped, punctuation to spaces."""
    text = _SCRIPT_ARTICLE.sub("", unicodedata.normalize("NFKC", text))
    text = _APOSTROPHES.sub("", text)
    text = anyascii(text).lower()
    text = _APOSTROPHES.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def is_latin(text: str) -> bool:
    """True unless most letters are in another script (Arabic, Persian, Cyrillic ...)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if ord(ch) < 0x250)
    return latin * 2 >= len(letters)


def name_tokens(text: str) -> list[str]:
    """Folded tokens with Arabic articles dropped; hyphenated parts become tokens."""
    return list(_name_tokens(text))  # a fresh list: callers may change theirs


@lru_cache(maxsize=1 << 16)
def _name_tokens(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in fold(text).split():
        token = _ARTICLE_PREFIX.sub("", raw)
        out.extend(part for part in token.split("-") if part and part not in ARTICLES)
    return tuple(out)


def _vowel_class(run: str) -> str:
    if "o" in run or "u" in run:
        return "u"
    if "e" in run or "i" in run:
        return "i"
    return "a"


@lru_cache(maxsize=65536)
def phonetic_token(token: str) -> str:
    """One folded token's spelling-insensitive form."""
    out = token
    for pattern, replacement in _COMPILED:
        out = pattern.sub(replacement, out)
    out = _DOUBLE.sub(r"\1", out)
    out = _VOWEL_RUN.sub(lambda m: _vowel_class(m.group(0)), out)
    out = _DOUBLE.sub(r"\1", out)
    return GIVEN_NAME_CANON.get(out, out)


@lru_cache(maxsize=65536)
def skeleton_token(token: str) -> str:
    """Consonants only: the vowel-free key that Arabic/Persian script spellings share.

    Script spellings write long vowels as letters (ي / و -> y / w) and drop initial alef, so
    y, h and every vowel go; "h" also differs between Latin habits (Khamenei / خامنه‌ای).
    """
    return _DOUBLE.sub(r"\1", re.sub(r"[aeiouyh]", "", phonetic_token(token)))


def phonetic(text: str) -> list[str]:
    return [phonetic_token(t) for t in name_tokens(text)]


def is_acronym(name: str) -> bool:
    """A name written as one short word of capitals ("EU", "SAA", "YPG"): its letters are
    initials, not sounds, so no spelling rule applies to them (the vowel rules make "EU" and
    "OA" one key, "u")."""
    text = name.strip()
    return 2 <= len(text) <= 5 and text.isascii() and text.isalpha() and text.isupper()


def name_key(name: str) -> str:
    """The spelling-insensitive key of a whole name; an acronym keys only itself."""
    if is_acronym(name):
        return name.strip().casefold()
    return " ".join(phonetic(name)) or name.casefold()


def skeleton(text: str) -> list[str]:
    return [skeleton_token(t) for t in name_tokens(text)]
