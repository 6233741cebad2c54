"""Corpus readers and the missing-annotation rules, on small fixtures of our own."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import spacy

from sitrep.errors import DataMissingError
from sitrep.nlp import conllu, corpora, ner_corpora
from sitrep.nlp.gold import detok_spaces

FIXTURES = Path(__file__).parent / "fixtures" / "nlp"


def test_conllu_skips_multiword_tokens_and_empty_nodes() -> None:
    sents = list(conllu.read_conllu(FIXTURES / "mini.conllu"))
    assert [s.sent_id for s in sents] == ["mini-1-0001", "mini-1-0002"]
    assert [w.form for w in sents[0].words] == [
        "The",
        "convoy",
        "did",
        "n't",
        "reach",
        "Aleppo",
        ".",
    ]
    assert [w.form for w in sents[1].words] == ["Officers", "met", "and", "talked", "."]
    # the parts of "didn't" are written together; the token's own spacing goes to the last part
    assert [w.space_after for w in sents[0].words][:6] == [True, True, False, True, True, False]
    assert sents[0].newdoc and not sents[1].newdoc


def test_sentences_to_doc_carries_the_parse() -> None:
    nlp = spacy.blank("en")
    sents = list(conllu.read_conllu(FIXTURES / "mini.conllu"))
    doc = conllu.sentences_to_doc(nlp.vocab, sents)
    assert doc.text.startswith("The convoy didn't reach Aleppo. Officers")
    assert [t.dep_ for t in doc[:7]] == ["det", "nsubj", "aux", "advmod", "ROOT", "obj", "punct"]
    assert doc[1].head.text == "reach" and doc[7].head.text == "met"
    assert doc[5].pos_ == "PROPN" and doc[5].tag_ == "NNP"
    assert len(list(doc.sents)) == 2


def test_ewt_docs_merge_uner_and_mark_uncertain_tokens_missing(tmp_path: Path) -> None:
    (tmp_path / "ud-english-ewt").mkdir()
    (tmp_path / "uner-english-ewt").mkdir()
    (tmp_path / "ud-english-ewt" / "en_ewt-ud-dev.conllu").write_text(
        (FIXTURES / "mini.conllu").read_text()
    )
    (tmp_path / "uner-english-ewt" / "en_ewt-ud-dev.iob2").write_text(
        (FIXTURES / "mini.iob2").read_text()
    )
    stats = corpora.CorpusStats()
    (doc,) = corpora.ewt_docs(spacy.blank("en").vocab, tmp_path, "dev", stats)
    assert [(e.text, e.label_) for e in doc.ents] == [("Aleppo", "LOC")]
    assert doc[0].ent_iob_ == "O" and doc[7].ent_iob_ == "O"
    assert stats.uner_mismatch == 0


def test_iob_helpers() -> None:
    assert ner_corpora.io_to_iob2(["I-ORG", "I-ORG", "O", "I-PER", "B-PER", "I-LOC"]) == [
        "B-ORG", "I-ORG", "O", "B-PER", "B-PER", "B-LOC",
    ]  # fmt: skip
    assert ner_corpora.iob_spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"),
    ]  # fmt: skip


def test_uncertain_rules() -> None:
    assert corpora.uncertain_pos("Damascus", "PROPN")
    assert corpora.uncertain_pos("Iranian", "ADJ")
    assert corpora.uncertain_pos("T-90", "NOUN")
    assert not corpora.uncertain_pos("convoy", "NOUN")
    lower, cap = Counter({"the": 50}), Counter({"The": 5, "Syrian": 3})
    assert not corpora.uncertain_case("The", lower, cap)
    assert corpora.uncertain_case("Syrian", lower, cap)
    assert corpora.uncertain_case("Mi-28", lower, cap)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kurdish YPG", "Kurdish YPG"),
        ("Islamic State of Iraq and the Levant", "Islamic State of Iraq and the Levant"),
        ("he", "noise"),
        ("the northern part of the country", None),
        ("U.S. service members", None),
    ],
)
def test_clean_re3d_span(text: str, expected: str | None) -> None:
    found = ner_corpora.clean_re3d_span(text, 0, len(text))
    if isinstance(found, tuple):
        assert text[found[0] : found[1]] == expected
    else:
        assert found == expected


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataMissingError, match="not found"):
        list(ner_corpora.read_iob2(tmp_path / "nope.iob2"))


def test_detok_spaces() -> None:
    assert detok_spaces(["He", "said", "(", "loudly", ")", "no", "."]) == [
        True, True, False, False, True, False, True,
    ]  # fmt: skip


def _word(form: str, upos: str, xpos: str) -> conllu.UDWord:
    return conllu.UDWord(form, upos, xpos, "_", 0, "dep", True)


def test_strict_uner_reads_an_unlabelled_proper_noun_as_outside() -> None:
    # UNER tags every PERSON, ORG and LOC: a proper noun it leaves O is none of them...
    assert not corpora.uncertain_in_uner(_word("DVD", "PROPN", "NNP"))
    assert not corpora.uncertain_in_uner(_word("Applause", "PROPN", "NNP"))
    # ...but it may still be a type UNER does not tag (NORP, a designation): missing.
    assert corpora.uncertain_in_uner(_word("Shiites", "PROPN", "NNPS"))
    assert corpora.uncertain_in_uner(_word("Salafi", "PROPN", "NNP"))
    assert corpora.uncertain_in_uner(_word("Iranian", "ADJ", "JJ"))
    assert corpora.uncertain_in_uner(_word("T-90", "PROPN", "NNP"))
    assert not corpora.uncertain_in_uner(_word("convoy", "NOUN", "NN"))


def test_corpus_mix_repeats_uner_and_keeps_dev_the_same(tmp_path: Path) -> None:
    (tmp_path / "ud-english-ewt").mkdir()
    (tmp_path / "uner-english-ewt").mkdir()
    for split, iob in (("train", "en_ewt-ud-train.early.iob2"), ("dev", "en_ewt-ud-dev.iob2")):
        (tmp_path / "ud-english-ewt" / f"en_ewt-ud-{split}.conllu").write_text(
            (FIXTURES / "mini.conllu").read_text()
        )
        (tmp_path / "uner-english-ewt" / iob).write_text((FIXTURES / "mini.iob2").read_text())
    (tmp_path / "wikigold").mkdir()
    (tmp_path / "wikigold" / "wikigold.conll.txt").write_text("-DOCSTART- O\n\nAnna I-PER\n\n")
    (tmp_path / "re3d").mkdir()
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    counts = {}
    for repeat in (1, 3):
        out = tmp_path / f"out{repeat}"
        corpora.build_corpora(tmp_path, out, corpora.CorpusMix(uner_repeat=repeat))
        train = list(DocBin().from_disk(out / "train.spacy").get_docs(vocab))
        counts[repeat] = sum(d.text.startswith("The convoy") for d in train)
        assert len(DocBin().from_disk(out / "dev.spacy")) == 1
    assert counts == {1: 1, 3: 3}
