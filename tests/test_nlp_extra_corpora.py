"""The second-wave NER readers (GUM, BTC/WNUT/CrossNER, Re-DocRED), the PUD converter and the
generated lexicons, on small fixtures written for sitrep."""

from __future__ import annotations

import json
from pathlib import Path

import spacy

from sitrep.nlp import corpora, extra_corpora
from sitrep.nlp.gold import pud_gold

GUM_SENTENCE = "\n".join(
    "\t".join(cols)
    for cols in [
        ["1", "The", "the", "DET", "DT", "_", "3", "det", "_",
         "Entity=(1-organization-new-x-cf1-1-coref-Quds_Force"],
        ["2", "Quds", "Quds", "PROPN", "NNP", "_", "3", "compound", "_", "_"],
        ["3", "Force", "Force", "PROPN", "NNP", "_", "4", "nsubj", "_", "Entity=1)"],
        ["4", "visited", "visit", "VERB", "VBD", "_", "0", "root", "_", "_"],
        ["5", "Aleppo", "Aleppo", "PROPN", "NNP", "_", "4", "obj", "_",
         "Entity=(2-place-new-x-cf2-1-sgl)"],
        ["6", "with", "with", "ADP", "IN", "_", "8", "case", "_", "_"],
        ["7", "the", "the", "DET", "DT", "_", "8", "det", "_", "Entity=(3-person-new-x-cf3-1"],
        ["8", "commander", "commander", "NOUN", "NN", "_", "4", "obl", "_", "Entity=3)"],
        ["9", "on", "on", "ADP", "IN", "_", "10", "case", "_", "_"],
        ["10", "Friday", "Friday", "PROPN", "NNP", "_", "4", "obl", "_",
         "Entity=(4-time-new-x-cf4-1)|SpaceAfter=No"],
        ["11", ".", ".", "PUNCT", ".", "_", "4", "punct", "_", "_"],
    ]
)  # fmt: skip


def _labelled(doc: extra_corpora.LabelledDoc) -> list[tuple[str, str]]:
    return [(" ".join(doc.words[s:e]), label) for s, e, label in doc.spans]


def test_gum_names_are_trimmed_to_proper_nouns_and_descriptions_are_not_names(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "gum" / "dep"
    folder.mkdir(parents=True)
    (folder / "GUM_news_test.conllu").write_text(
        "# newdoc id = GUM_news_test\n# sent_id = t-1\n" + GUM_SENTENCE + "\n\n", encoding="utf-8"
    )
    (item,) = extra_corpora.gum_docs(tmp_path)
    # "The Quds Force" -> the name without its article; "the commander" is no name
    assert _labelled(item.labelled) == [("Quds Force", "ORG"), ("Aleppo", "LOC")]
    missing = {item.labelled.words[s] for s, _ in item.labelled.unknown}
    assert "Friday" in missing and "commander" not in missing  # a PROPN outside our types
    nlp = spacy.blank("en")
    doc = corpora.gum_training_docs(nlp.vocab, tmp_path, corpora.CorpusStats())[0]
    assert [(e.text, e.label_) for e in doc.ents] == [("Quds Force", "ORG"), ("Aleppo", "LOC")]
    assert doc[3].dep_ == "ROOT" and doc[2].head.text == "visited"  # the parse comes along


def test_token_tag_corpora_map_labels_and_keep_handles_out(tmp_path: Path) -> None:
    path = tmp_path / "mini.conll"
    rows = [
        ("@newsdesk", "B-ORG"), ("says", "O"), ("Hezbollah", "B-group"), ("fighters", "O"),
        ("left", "O"), ("Homs", "B-location"), ("for", "O"), ("the", "B-person"),
        ("Jordan", "I-person"), ("Valley", "O"), ("film", "B-creative-work"), ("", ""),
    ]  # fmt: skip
    path.write_text("".join(f"{w}\t{t}\n" if w else "\n" for w, t in rows), encoding="utf-8")
    labels = {**extra_corpora.WNUT_LABELS, "ORG": "ORG"}
    (doc,) = extra_corpora.token_tag_docs([path], labels, "test")
    assert _labelled(doc) == [("Hezbollah", "ORG"), ("Homs", "LOC"), ("Jordan", "PERSON")]
    unknown = [" ".join(doc.words[s:e]) for s, e in doc.unknown]
    assert "@newsdesk" in unknown  # a handle is never a name we learn
    assert "film" in unknown  # creative work: not ours, but may overlap ours


def test_docred_demonyms_are_missing_not_places(tmp_path: Path) -> None:
    folder = tmp_path / "re-docred"
    folder.mkdir()
    item = {
        "title": "t",
        "sents": [["The", "Canadian", "envoy", "met", "Ali", "Hassan", "in", "Baghdad", "."]],
        "vertexSet": [
            [{"name": "Canadian", "pos": [1, 2], "sent_id": 0, "type": "LOC"}],
            [{"name": "Ali Hassan", "pos": [4, 6], "sent_id": 0, "type": "PER"}],
            [{"name": "Baghdad", "pos": [7, 8], "sent_id": 0, "type": "LOC"}],
        ],
        "labels": [],
    }
    (folder / "dev_revised.json").write_text(json.dumps([item]), encoding="utf-8")
    (doc,) = extra_corpora.docred_docs(tmp_path)
    assert _labelled(doc) == [("Ali Hassan", "PERSON"), ("Baghdad", "LOC")]
    assert (1, 2) in doc.unknown


def test_pud_gold_keeps_the_sentence_text(tmp_path: Path) -> None:
    folder = tmp_path / "uner-english-pud"
    folder.mkdir()
    (folder / "en_pud-ud-test.iob2").write_text(
        "# sent_id = s1\n# text = Officials in Tehran said so.\n"
        "1\tOfficials\tO\t-\t-\n2\tin\tO\t-\t-\n3\tTehran\tB-LOC\t-\t-\n"
        "4\tsaid\tO\t-\t-\n5\tso\tO\t-\t-\n6\t.\tO\t-\t-\n\n",
        encoding="utf-8",
    )
    (gold,) = list(pud_gold(tmp_path))
    assert gold.text == "Officials in Tehran said so."
    assert gold.entities == [(13, 19, "LOC")]


def test_calendar_words_are_never_missing() -> None:
    nlp = spacy.blank("en")
    doc = spacy.tokens.Doc(nlp.vocab, words=["On", "Thursday", "Assad", "spoke"])
    corpora._set_ents(doc, [(2, 3, "PERSON")], [(0, 2)], corpora.CorpusStats())
    assert doc[1].ent_iob_ == "O" and doc[0].ent_iob_ == ""
