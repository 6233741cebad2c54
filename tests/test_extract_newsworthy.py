"""Headline or running text: a sentence dense with names is not a headline when its verb is in
lower case (pure function over hand-tagged tokens)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sitrep.extract.newsworthy import is_headline


def sentence(tagged: list[tuple[str, str]]) -> Doc:
    words, pos = zip(*tagged, strict=True)
    return Doc(spacy.blank("en").vocab, words=list(words), pos=list(pos))


def test_a_title_case_headline_is_a_headline() -> None:
    doc = sentence(
        [("Syrian", "ADJ"), ("Army", "PROPN"), ("Kills", "VERB"), ("Nine", "NUM"),
         ("Militants", "NOUN"), ("in", "ADP"), ("Idlib", "PROPN")]
    )  # fmt: skip
    assert is_headline(doc[:])


def test_names_with_a_lower_case_verb_are_running_text() -> None:
    doc = sentence(
        [("Kata'ib", "PROPN"), ("Hezbollah", "PROPN"), ("joined", "VERB"), ("the", "DET"),
         ("Popular", "PROPN"), ("Mobilization", "PROPN"), ("Forces", "PROPN"), ("in", "ADP"),
         ("2014", "NUM"), (".", "PUNCT")]
    )  # fmt: skip
    assert not is_headline(doc[:])
