"""Strip titles, ranks and honorifics: "Maj. Gen. Qassem Soleimani" -> "Qassem Soleimani".

The titles come from the domain pack (`titles.yaml`) plus a small built-in list, so a name key
works the same with or without a pack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Titles any theatre's text carries; the pack adds its own.
BUILTIN_TITLES: tuple[str, ...] = (
    "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Prof.", "Sir", "Gen.", "Gen", "General",
    "Maj. Gen.", "Major General", "Lt. Gen.", "Lt. General", "Lieutenant General",
    "Brig. Gen.", "Brigadier General", "Brigadier", "Col.", "Colonel", "Capt.", "Captain",
    "Commander", "President", "Prime Minister", "Minister", "Foreign Minister", "Defence Minister",
    "Defense Minister", "Sheikh", "Shaikh", "Sheik", "Ayatollah", "Grand Ayatollah",
    "Supreme Leader",
    "Imam", "Sayyed", "Sayyid", "Seyed", "Seyyed", "Haj", "Hajj", "Hajji", "King", "Prince",
    "Crown Prince", "Emir", "Chief of General Staff", "Chief of Staff", "Secretary-General",
    "Secretary General", "Martyr", "Shahid", "Hojatoleslam", "Speaker", "Spokesman",
)  # fmt: skip

# Words that only introduce a name, never belong to one.
_LEADING_NOISE = ("the", "late", "then", "former", "ex", "ex-", "acting", "deputy", "top", "senior")


@lru_cache(maxsize=16)
def _title_regex(extra: tuple[str, ...]) -> re.Pattern[str]:
    forms = sorted({*BUILTIN_TITLES, *extra, *_LEADING_NOISE}, key=len, reverse=True)
    alternatives = "|".join(re.escape(form.rstrip(".")) + r"\.?" for form in forms)
    # A title is followed by a space (or the end) so "General" does not eat "Generalov".
    return re.compile(rf"^(?:{alternatives})(?=\s|$)\s*", re.IGNORECASE)


def _pack_titles() -> tuple[str, ...]:
    """The active pack's title forms (`sitrep.pack.active`); empty when it cannot be loaded."""
    from sitrep.errors import SitrepError
    from sitrep.pack.active import active_pack

    try:
        return active_pack().title_forms
    except SitrepError:
        return ()


_TRAILING = re.compile(r"(?:\s*\([^)]*\)|['’]s|['’])+$")  # "Baqeri (Bagheri)", "Soleimani's"


def strip_titles(name: str, titles: Iterable[str] | None = None) -> tuple[str, tuple[str, ...]]:
    """The name without its leading titles, and the titles removed (in order).

    A name that is nothing but a title ("the General") comes back empty.
    """
    extra = tuple(titles) if titles is not None else _pack_titles()
    pattern = _title_regex(extra)
    rest = " ".join(name.replace("’", "'").split())
    rest = _TRAILING.sub("", rest).strip(" ,.;:-–—\"'«»")
    removed: list[str] = []
    while rest:
        found = pattern.match(rest)
        if not found or not found.group(0).strip():
            break
        removed.append(found.group(0).strip())
        rest = rest[found.end() :]
    return rest.strip(" ,"), tuple(t for t in removed if t.lower() not in _LEADING_NOISE)
