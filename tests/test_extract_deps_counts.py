"""A count's qualifier that the parser took for a preposition ("killed over 40 gunmen") leaves
the counted noun the verb's object; a real preposition ("told the agency about 1,500 guards")
stays one. Parses built by hand, so the test does not depend on the model."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.extract.deps import dep


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_a_qualified_count_is_the_verb_s_object() -> None:
    doc = _parsed(
        ["Troops", "killed", "over", "40", "gunmen"],
        [1, 1, 4, 4, 1],
        ["nsubj", "ROOT", "case", "nummod", "obl"],
        ["NOUN", "VERB", "ADP", "NUM", "NOUN"],
    )
    assert dep(doc[4]) == "dobj"


def test_a_preposition_before_a_count_stays_one() -> None:
    doc = _parsed(
        ["Officials", "told", "reporters", "about", "1,500", "guards"],
        [1, 1, 1, 5, 5, 1],
        ["nsubj", "ROOT", "obj", "case", "nummod", "obl"],
        ["NOUN", "VERB", "NOUN", "ADP", "NUM", "NOUN"],
    )
    assert dep(doc[5]) == "obl"
    # a qualifier not right before the number is a preposition too ("over the 40 villages")
    doc = _parsed(
        ["Jets", "flew", "over", "the", "40", "villages"],
        [1, 1, 5, 5, 5, 1],
        ["nsubj", "ROOT", "case", "det", "nummod", "obl"],
        ["NOUN", "VERB", "ADP", "DET", "NUM", "NOUN"],
    )
    assert dep(doc[5]) == "obl"
