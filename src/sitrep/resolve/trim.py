"""Trim the function words an entity span ran into: "Kremlin nor" -> "Kremlin".

The NER model sometimes ends a span a token or two late ("Soleimani of", "US Treasury on",
"IRGC of directing") or starts it early ("the Kremlin"). Names are capitalised; the words they
run into are lower-case English function words (spaCy's stop words less its content words:
conjunctions, prepositions, determiners, pronouns, auxiliaries). So we drop lower-case function
words at either end, and cut a lower-case tail that starts with one ("of directing"), keeping
mid-name particles of capitalised names ("Ministry of Foreign Affairs of Iran", "Abu Mahdi
al-Muhandis") whole. A name is never trimmed to nothing: if every word is a function word, it
is returned as it was.
"""

from __future__ import annotations

import re

from sitrep.names.words import FUNCTION_WORDS

_EDGE_PUNCT = ",;:"
_COMMA_TAIL = re.compile(r",\s*[^A-Z,]*$")  # "Tiyas, east": a lower-case tail after a comma


def _function_word(token: str) -> bool:
    bare = token.strip(_EDGE_PUNCT)
    return bare.islower() and bare in FUNCTION_WORDS


def _cut_lowercase_tail(tokens: list[str]) -> list[str]:
    """ "IRGC of directing" -> ["IRGC"]: from the first function word followed only by
    lower-case words (no capital letter to the end)."""
    for i in range(1, len(tokens)):
        if _function_word(tokens[i]) and not any(c.isupper() for t in tokens[i:] for c in t):
            return tokens[:i]
    return tokens


def trim_function_words(name: str) -> str:
    """`name` without the function words an NER span ran into at its start or end."""
    text = " ".join(name.split())
    if any(c.isupper() for c in text.split(",")[0]):
        text = _COMMA_TAIL.sub("", text)
    tokens = _cut_lowercase_tail(text.split())
    while len(tokens) > 1 and _function_word(tokens[-1]):
        tokens.pop()
    while len(tokens) > 1 and _function_word(tokens[0]):
        tokens.pop(0)
    if not tokens or all(_function_word(t) for t in tokens):
        return name.strip()
    return " ".join(tokens).strip(_EDGE_PUNCT + " ")
