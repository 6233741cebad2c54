"""Long documents are annotated in pieces: never refused for length (spaCy's E088), offsets
the whole text's, the cost linear in the length."""

from __future__ import annotations

import spacy

from sitrep.nlp.annotate import annotate_many, pieces
from sitrep.pipeline import load_domain_pipeline
from sitrep.settings import Settings

PARAGRAPHS = [
    "Officials in Baghdad said on Monday that the talks with Ankara on water had ended.",
    "The Popular Mobilization Forces moved two brigades from Diyala to Anbar, a commander said.",
    "Reuters reported that Qassem Soleimani met Hadi al-Amiri in Baghdad in March 2019.",
    "Residents of Deir ez-Zor said convoys crossed the Euphrates at night without lights.",
]


def _article(paragraphs: int) -> str:
    return "\n\n".join(PARAGRAPHS[n % len(PARAGRAPHS)] for n in range(paragraphs)) + "\n"


def test_pieces_tile_the_text_and_cut_at_the_best_boundary() -> None:
    text = _article(200)
    parts = pieces(text, 1000)
    assert "".join(parts) == text
    assert all(0 < len(p) <= 1000 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])  # paragraph breaks first
    one_line = "Words without end. " * 500
    parts = pieces(one_line, 1000)
    assert "".join(parts) == one_line and all(p.endswith(". ") for p in parts[:-1])
    no_space = "x" * 2500
    assert [len(p) for p in pieces(no_space, 1000)] == [1000, 1000, 500]


def test_a_text_over_a_million_characters_is_annotated_whole() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = _article(14_000)
    assert len(text) > nlp.max_length
    (annotation, doc), *_ = list(annotate_many([("long", text)], nlp))
    assert doc.text == text
    last = annotation.sentences[-1]
    assert text[last.start : last.end] == last.text
    assert last.text.strip() == PARAGRAPHS[(14_000 - 1) % 4]
    assert len(annotation.sentences) == 14_000


def test_pieces_give_the_whole_text_offsets_and_the_same_mentions() -> None:
    settings = Settings()
    nlp = load_domain_pipeline(settings.model, settings.pack)
    text = _article(60)
    items = [("a", text), ("b", PARAGRAPHS[0]), ("c", text)]
    chunked = list(annotate_many(items, nlp, chunk_chars=1500))
    whole = list(annotate_many(items[:1], nlp, chunk_chars=10**6))
    assert [a.doc_id for a, _ in chunked] == ["a", "b", "c"]
    annotation, doc = chunked[0]
    assert doc.text == text and annotation.mentions
    for mention in annotation.mentions:
        assert text[mention.start : mention.end] == mention.text
        sentence = annotation.sentences[mention.sentence]
        assert sentence.start <= mention.start < sentence.end
    # Paragraphs are parsed apart either way, so cutting at their breaks changes nothing.
    assert {(m.start, m.end, m.label) for m in annotation.mentions} == {
        (m.start, m.end, m.label) for m in whole[0][0].mentions
    }
    # the domain rules ran on the pieces too: the pack's names carry their pack ids
    assert any(m.pack_id for m in annotation.mentions)
