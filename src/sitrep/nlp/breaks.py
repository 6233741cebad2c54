"""Sentence breaks that copy lost: "... in Aleppo city According to a source at the police two
people were killed ...". Scraped tables and stripped copy (FA-KES drops the full stop at the end
of a paragraph) run two sentences into one, and the parser then hangs the second sentence's
source and toll on the first one's verb. A capitalised function word that follows a word
mid-line, with a lower-case word after it, opens a sentence: the component marks it before
the parser runs, and the parser keeps the break.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

BREAKS_PIPE = "sitrep_breaks"

# Parts of speech that open sentences and never start a name mid-line: "The army", "At least",
# "In a statement", "Meanwhile", "He said". (Adjectives and nouns are left out: "Syrian troops",
# "Russian jets" are capitalised inside any sentence.)
_OPENERS = frozenset({"DET", "PRON", "ADP", "SCONJ", "CCONJ", "ADV"})
# "According" is tagged a verb, yet it opens more glued sentences than any other word.
_OPENING_WORDS = frozenset({"according"})


def opens_a_missed_sentence(token: Token) -> bool:
    """`token` opens a sentence whose break the copy lost (see module doc)."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc) or token.is_sent_start:
        return False
    text = token.text
    if not text[:1].isupper() or text == "I" or (len(text) > 1 and text.isupper()):
        return False  # an acronym ("US", "IS") the tagger took for a pronoun
    if token.pos_ not in _OPENERS and token.lower_ not in _OPENING_WORDS:
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    if not before.whitespace_:
        return False  # glued to the word before ("U.S.A"); a line break is a token of its own
    # (the word before may be a name: "... on two districts of Idlib According to a source")
    glued_to_prose = before.is_alpha or before.like_num
    # the word after is no name ("The Hague", "At Tanf", "told The Guardian")
    return glued_to_prose and (after.is_lower or after.like_num)


@Language.component(BREAKS_PIPE)
def mark_missed_breaks(doc: Doc) -> Doc:
    """Mark the sentence starts copy lost, for the parser to keep."""
    for token in doc:
        if opens_a_missed_sentence(token):
            token.is_sent_start = True
    return doc
