"""Score whether two names name the same actor, with the reasons for the score.

People: titles stripped, then given name and surname compared on their transliteration-aware
forms (a different first name or surname caps the score, so Bashar / Hafez al-Assad and
Ali Khamenei / Ali Larijani stay apart). Organisations: token alignment where an unmatched
distinctive word ("Kata'ib" in Kata'ib Hezbollah, "Day" in Quds Day) keeps two names apart and
an unmatched generic word ("Force", "Division") costs little. rapidfuzz gives the final ratios.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import Levenshtein

from sitrep.names.phonetic import (
    fold,
    is_acronym,
    is_latin,
    name_tokens,
    phonetic_token,
    skeleton_token,
)
from sitrep.names.titles import strip_titles

NameKind = Literal["person", "org", "place", "any"]

# `same` is score >= this. Chosen on tests/fixtures/names/pairs.csv (see `sitrep eval names`).
OPERATING_THRESHOLD = 0.85

# Words that describe what kind of body it is rather than which one: cheap to drop.
GENERIC_ORG_WORDS = frozenset(
    {
        "force",
        "forces",
        "brigade",
        "brigades",
        "division",
        "corps",
        "organization",
        "organisation",
        "movement",
        "group",
        "army",
        "party",
        "front",
        "agency",
        "news",
        "network",
        "tv",
        "channel",
        "liwa",
        "lashkar",
        "hayat",
        "the",
        "of",
        "and",
        "for",
        "in",
        "committee",
        "council",
        "ministry",
        "units",
        "unit",
        "militia",
        "militias",
    }
)
_STOP = frozenset({"the", "of", "and", "for", "in", "de", "du", "la"})


@dataclass(frozen=True)
class NameMatch:
    """A score in [0, 1], whether it clears the operating threshold, and why."""

    score: float
    same: bool
    reasons: tuple[str, ...]


def _result(score: float, *reasons: str) -> NameMatch:
    score = round(max(0.0, min(1.0, score)), 4)
    return NameMatch(score, score >= OPERATING_THRESHOLD, tuple(reasons))


def token_similarity(a: str, b: str) -> float:
    """Similarity of two folded tokens: 1.0 for the same phonetic form, else a ratio."""
    pa, pb = phonetic_token(a), phonetic_token(b)
    if pa == pb:
        return 1.0
    ratio = Levenshtein.normalized_similarity(pa, pb)
    # Same consonants and close spelling (Hizbollah / Hizballah): near-certain.
    if ratio >= 0.7 and len(pa) > 3 and skeleton_token(a) == skeleton_token(b):
        return max(ratio, 0.95)
    return ratio


def _script_match(a: str, b: str) -> NameMatch:
    """One side in Arabic/Persian script: only the consonant skeletons can be compared."""
    ka = "".join(skeleton_token(t) for t in name_tokens(a))
    kb = "".join(skeleton_token(t) for t in name_tokens(b))
    if not ka or not kb:
        return _result(0.0, "empty-skeleton")
    ratio = Levenshtein.normalized_similarity(ka, kb)
    if ka == kb and len(ka) <= 2 and (_script_longer(a, b) or _h_differs(a, b)):
        # Two shared consonants are no evidence when the script spelling holds letters the
        # Latin one does not account for: Arabic writes consonants and long vowels, so its
        # Latin spelling has at least as many letters (حمص / Homs, سعيد / Said), while
        # Asad against السعودية (swdyh) shares only s-d; and an "h" the skeleton drops must
        # be on both sides (Homs / حمص), or "Army" is الأهرام (al-Ahram, hrm).
        return _result(ratio * 0.5, "script-skeleton-short")
    if ka == kb:
        return _result(0.9, "script-skeleton-equal")
    return _result(ratio * 0.85, f"script-skeleton-ratio={ratio:.2f}")


def _h_differs(a: str, b: str) -> bool:
    """Whether one name has an "h" before its words' ends where the other has none: the
    skeleton drops "h" because a word-final one spells a vowel (ta marbuta: السعودية / Saudi,
    خامنه‌ای / Khamenei), which leaves two-consonant names too little to tell apart."""

    def inner_h(text: str) -> bool:
        return any("h" in token.rstrip("h") for token in name_tokens(text))

    return inner_h(a) != inner_h(b)


def _script_longer(a: str, b: str) -> bool:
    """Whether the name in Arabic/Persian script, transliterated, has more letters than the
    Latin one (both without articles); False when both or neither are Latin."""
    if is_latin(a) == is_latin(b):
        return False
    latin, script = (a, b) if is_latin(a) else (b, a)
    return len("".join(name_tokens(script))) > len("".join(name_tokens(latin)))


def _single_vs_full(single: str, full: list[str]) -> NameMatch:
    last = token_similarity(single, full[-1])
    if last >= 0.85:
        return _result(0.7 + 0.1 * last, "surname-only")
    first = token_similarity(single, full[0])
    if first >= 0.85:
        return _result(0.45, "given-name-only")
    return _result(max(last, first) * 0.5, "single-token-differs")


def _middle_penalty(ta: list[str], tb: list[str]) -> tuple[float, list[str]]:
    short, long_ = sorted((ta[1:-1], tb[1:-1]), key=len)
    # Initials ("Donald J. Trump") and dropped middle names cost little; differing ones a lot.
    unmatched = [m for m in short if not any(token_similarity(m, x) >= 0.85 for x in long_)]
    unmatched = [m for m in unmatched if len(m) > 1]
    if unmatched:
        return 0.2, ["middle-name-differs"]
    if len(long_) > len(short):
        return 0.03 * (len(long_) - len(short)), ["middle-name-dropped"]
    return 0.0, []


def _joined_match(ta: list[str], tb: list[str]) -> float:
    """Tokens glued or split differently (Abdolrahim / Abdul Rahim, Amir-Abdollahian)."""
    ja = "".join(phonetic_token(t) for t in ta)
    jb = "".join(phonetic_token(t) for t in tb)
    return Levenshtein.normalized_similarity(ja, jb)


def match_person(a: str, b: str) -> NameMatch:
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return _result(0.0, "empty-name")
    if len(ta) == 1 and len(tb) == 1:
        sim = token_similarity(ta[0], tb[0])
        return _result(sim * 0.9, f"single-token={sim:.2f}")
    if len(ta) == 1 or len(tb) == 1:
        single, full = (ta[0], tb) if len(ta) == 1 else (tb[0], ta)
        return _single_vs_full(single, full)
    first = token_similarity(ta[0], tb[0])
    last = token_similarity(ta[-1], tb[-1])
    if len(ta) != len(tb) and last >= 0.85 and _joined_match(ta, tb) >= 0.92:
        return _result(0.92, f"surname={last:.2f}", "joined-tokens")
    short, long_ = sorted((ta, tb), key=len)
    if len(short) < len(long_) and last >= 0.85 and token_similarity(short[0], long_[1]) >= 0.9:
        return _result(0.87, f"surname={last:.2f}", "first-of-several-given-names-dropped")
    penalty, reasons = _middle_penalty(ta, tb)
    score = 0.5 * first + 0.5 * last - penalty
    reasons = [f"given={first:.2f}", f"surname={last:.2f}", *reasons]
    if last < 0.8:
        score, reasons = min(score, 0.5), [*reasons, "surname-differs"]
    if first < 0.65:
        score, reasons = min(score, 0.6), [*reasons, "given-name-differs"]
    return _result(score, *reasons)


def _acronym(tokens: list[str]) -> str:
    return "".join(t[0] for t in tokens if t not in _STOP)


def initials(name: str) -> str:
    """The initials of a name's words, function words left out ("Tellian Union" -> "tu")."""
    return _acronym(name_tokens(name))


def _acronym_match(ta: list[str], tb: list[str]) -> int:
    """The length of the acronym one side makes of the other's initials; 0 for none."""
    for short, long_ in ((ta, tb), (tb, ta)):
        if len(short) == 1 and len(long_) >= 2 and short[0] == _acronym(long_):
            return len(short[0]) if len(short[0]) >= 2 else 0
    return 0


def match_acronym(a: str, b: str) -> NameMatch:
    """One side an acronym, not written alike: the same body where it spells the other's
    initials, or where the other writes it among more words ("SAA forces"). Its letters are
    no sounds to compare: "EU" is not "OA", though both keys are "u"."""
    ta, tb = name_tokens(a), name_tokens(b)
    acronym = _acronym_match(ta, tb)
    if acronym:
        # Two initials fit hundreds of names ("AP": the Associated Press, but also "Assi
        # Press" or "AK Party"): too weak to name one body on their own.
        return _result(0.9 if acronym >= 3 else 0.6, "acronym" if acronym >= 3 else "acronym-2")
    if all(fold(x) in others for x, others in ((a, tb), (b, ta)) if is_acronym(x)):
        return match_org(a, b)
    return _result(0.0, "acronym-differs")


def _align(ta: list[str], tb: list[str]) -> tuple[list[float], list[str], list[str]]:
    """Greedy best-pair alignment: similarities of matched tokens, and each side's leftovers."""
    left, right = list(ta), list(tb)
    sims: list[float] = []
    pairs = sorted(
        ((token_similarity(x, y), i, j) for i, x in enumerate(left) for j, y in enumerate(right)),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    for sim, i, j in pairs:
        if sim < 0.8 or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        sims.append(sim)
    rest_a = [t for i, t in enumerate(left) if i not in used_a]
    rest_b = [t for j, t in enumerate(right) if j not in used_b]
    return sims, rest_a, rest_b


def match_org(a: str, b: str) -> NameMatch:
    ta = [t for t in name_tokens(a) if t not in _STOP]
    tb = [t for t in name_tokens(b) if t not in _STOP]
    if not ta or not tb:
        return _result(0.0, "empty-name")
    acronym = _acronym_match(name_tokens(a), name_tokens(b))
    if acronym:
        return _result(0.9 if acronym >= 3 else 0.6, "acronym" if acronym >= 3 else "acronym-2")
    joined = _joined_match(ta, tb)
    if len(ta) != len(tb) and joined >= 0.9:  # Radiofarda / Radio Farda, Al-Bukamal / Albu Kamal
        return _result(0.9, f"joined-tokens={joined:.2f}")
    sims, rest_a, rest_b = _align(ta, tb)
    if not sims:
        return _result(0.0, "no-shared-token")
    strong = [t for t in rest_a + rest_b if t not in GENERIC_ORG_WORDS]
    weak_a = [t for t in rest_a if t in GENERIC_ORG_WORDS]
    weak_b = [t for t in rest_b if t in GENERIC_ORG_WORDS]
    score = sum(sims) / len(sims) - 0.35 * len(strong) - 0.06 * (len(weak_a) + len(weak_b))
    reasons = [f"matched={len(sims)}"]
    if strong:
        reasons.append("distinct-words=" + ",".join(strong))
    if weak_a and weak_b:  # "Quds Force" vs "Quds Brigade": a different kind of body
        score -= 0.25
        reasons.append("different-generic-words")
    elif weak_a or weak_b:
        reasons.append("generic-word-dropped")
    return _result(score, *reasons)


# Resolution compares the same pairs of names across thousands of documents; results are frozen.
@lru_cache(maxsize=1 << 17)
def match_names(a: str, b: str, kind: NameKind = "any") -> NameMatch:
    """Score two names of the given kind; `same` when the score clears OPERATING_THRESHOLD."""
    if kind == "person":
        a, b = strip_titles(a)[0], strip_titles(b)[0]
    if not a.strip() or not b.strip():
        return _result(0.0, "empty-name")
    if fold(a) == fold(b):
        return _result(1.0, "exact")
    if is_acronym(a) or is_acronym(b):
        return match_acronym(a, b)
    if not (is_latin(a) and is_latin(b)):
        return _script_match(a, b)
    if kind == "person":
        return match_person(a, b)
    return match_org(a, b)
