"""Name keys: titles stripped, transliteration-aware keys, scored matching with reasons."""

from sitrep.names.blocking import blocking_keys
from sitrep.names.match import OPERATING_THRESHOLD, NameKind, NameMatch, match_names
from sitrep.names.phonetic import fold, name_tokens, phonetic, skeleton
from sitrep.names.titles import strip_titles

__all__ = [
    "OPERATING_THRESHOLD",
    "NameKind",
    "NameMatch",
    "blocking_keys",
    "fold",
    "match_names",
    "name_tokens",
    "phonetic",
    "skeleton",
    "strip_titles",
]
