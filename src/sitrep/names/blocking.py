"""Blocking keys: names that could be the same share at least one key, so resolution compares
only names within a block instead of all pairs."""

from __future__ import annotations

from sitrep.names.match import GENERIC_ORG_WORDS, NameKind
from sitrep.names.phonetic import name_tokens, skeleton_token
from sitrep.names.titles import strip_titles

_KEY_LEN = 4  # skeleton prefix: tolerant of endings (-i / -y / -ei) that script spellings drop


def _key(token: str) -> str:
    return skeleton_token(token)[:_KEY_LEN]


def blocking_keys(name: str, kind: NameKind = "any") -> set[str]:
    """Keys of a name. People: the surname's consonant skeleton (a surname-only mention meets
    its full name). Organisations and others: each distinctive word's skeleton, the acronym,
    and the whole name's skeleton (for names in Arabic/Persian script)."""
    if kind == "person":
        name = strip_titles(name)[0]
    tokens = name_tokens(name)
    if not tokens:
        return set()
    keys = {"w:" + "".join(skeleton_token(t) for t in tokens)}
    if kind == "person":
        keys.add("s:" + _key(tokens[-1]))
        return {k for k in keys if len(k) > 2}
    distinct = [t for t in tokens if t not in GENERIC_ORG_WORDS]
    keys.update("t:" + _key(t) for t in distinct if len(_key(t)) >= 2)
    if len(tokens) >= 2:
        keys.add("a:" + "".join(t[0] for t in tokens if t not in {"of", "and", "the"}))
    elif 2 <= len(tokens[0]) <= 6:
        keys.add("a:" + tokens[0])  # the name may itself be an acronym (IRGC, HTS)
    return {k for k in keys if len(k) > 2}
