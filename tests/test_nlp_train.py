"""`sitrep train` end to end on a tiny corpus of our own (a few training steps)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from sitrep.cli.app import app
from sitrep.errors import DataMissingError
from sitrep.nlp import train

FIXTURES = Path(__file__).parent / "fixtures" / "nlp"


def _mini_data(root: Path) -> Path:
    ewt, uner = root / "ud-english-ewt", root / "uner-english-ewt"
    ewt.mkdir(parents=True)
    uner.mkdir()
    for split in ("train", "dev", "test"):
        shutil.copy(FIXTURES / "mini.conllu", ewt / f"en_ewt-ud-{split}.conllu")
    for name in ("en_ewt-ud-train.early.iob2", "en_ewt-ud-dev.iob2", "en_ewt-ud-test.iob2"):
        shutil.copy(FIXTURES / "mini.iob2", uner / name)
    (root / "wikigold").mkdir()
    (root / "wikigold" / "wikigold.conll.txt").write_text(
        "-DOCSTART- O\n\nAnna I-PER\nvisited O\nOslo I-LOC\n. O\n\n"
    )
    source = root / "re3d" / "mini-source"
    source.mkdir(parents=True)
    text = "The Syrian army moved T-90 tanks near Hama."
    (source / "documents.json").write_text(json.dumps({"_id": "d1", "text": text}) + "\n")
    ents = [
        {"begin": 4, "end": 10, "type": "Nationality", "confidence": 1, "documentId": "d1"},
        {"begin": 22, "end": 26, "type": "MilitaryPlatform", "confidence": 0.9, "documentId": "d1"},
        {"begin": 38, "end": 42, "type": "Location", "confidence": 1, "documentId": "d1"},
        {"begin": 38, "end": 42, "type": "Person", "confidence": 0.2, "documentId": "d1"},
    ]
    (source / "entities.json").write_text("".join(json.dumps(e) + "\n" for e in ents))
    # Static vectors, as ../shared/data/vectors-en-md holds them: a blank pipeline with a table.
    import numpy

    vectors = spacy.blank("en")
    for i, word in enumerate(["Syrian", "army", "Anna", "Oslo", "the"]):
        vectors.vocab.set_vector(word, numpy.full(8, i + 1, dtype="float32"))
    vectors.to_disk(root / "vectors-en-md")
    return root


def test_prepare_builds_docbins_with_missing_annotation(tmp_path: Path) -> None:
    data = _mini_data(tmp_path / "data")
    stats = train.prepare(data, tmp_path / "out")
    assert stats.docs["ewt-train"] == 1 and stats.docs["re3d:mini-source"] == 1
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(tmp_path / "out" / "corpus" / "train.spacy").get_docs(nlp.vocab))
    re3d = next(d for d in docs if d.text.startswith("The Syrian"))
    assert [(e.text, e.label_) for e in re3d.ents] == [
        ("Syrian", "NORP"), ("T-90", "VEHICLE"), ("Hama", "LOC"),
    ]  # fmt: skip
    wiki = next(d for d in docs if d.text.startswith("Anna"))
    assert [(e.text, e.label_) for e in wiki.ents] == [("Anna", "PERSON"), ("Oslo", "LOC")]


def test_train_trains_a_loadable_pipeline(tmp_path: Path) -> None:
    data = _mini_data(tmp_path / "data")
    # Two sentences cannot reach the parser's minimum action frequency: let every action in.
    tiny: dict[str, object] = {"components.parser.min_action_freq": 1}
    train.train(data, tmp_path / "out", max_steps=2, overrides=tiny)
    nlp = spacy.load(tmp_path / "out" / "pipeline" / "model-best")
    assert nlp.pipe_names == ["tok2vec", "tagger", "morphologizer", "parser", "ner"]
    assert nlp.vocab.vectors.shape[1] == 8 and nlp.vocab.has_vector("Oslo")  # shipped inside
    shipped = train.ship(tmp_path / "out" / "pipeline" / "model-best", tmp_path / "shipped")
    assert json.loads((shipped / "meta.json").read_text())["name"] == "sitrep_en"
    # A base pipeline's parse with the new NER: the NER carries its own tok2vec.
    assembled = train.assemble(shipped, shipped, tmp_path / "assembled")
    both = spacy.load(assembled)
    assert both.pipe_names == ["tok2vec", "tagger", "morphologizer", "parser", "ner"]
    ner_tok2vec = both.get_pipe_config("ner")["model"]["tok2vec"]["@architectures"]
    assert ner_tok2vec == "spacy.Tok2Vec.v2"  # no longer a listener of the shared tok2vec
    assert both("Anna visited Oslo.").has_annotation("DEP")


def test_train_without_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataMissingError, match="not found"):
        train.train(tmp_path / "absent", tmp_path / "out", max_steps=1)
    result = CliRunner().invoke(app, ["train", "--data", str(tmp_path / "absent")])
    assert result.exit_code == 2
    assert "training data folder not found" in result.output


def test_ner_only_training_goes_onto_a_base_parse(tmp_path: Path) -> None:
    from sitrep.nlp.corpora import CorpusMix
    from sitrep.nlp.pipeline import shipped_model_path

    data = _mini_data(tmp_path / "data")
    mix = CorpusMix(uner_repeat=2, strict_uner=True)
    best = train.train(data, tmp_path / "out", max_steps=2, config=train.NER_CONFIG, mix=mix)
    assert spacy.load(best).pipe_names == ["tok2vec", "ner"]
    assembled = spacy.load(train.assemble(shipped_model_path(), best, tmp_path / "assembled"))
    assert assembled.pipe_names == ["tok2vec", "tagger", "morphologizer", "parser", "ner"]
    assert assembled("Anna visited Oslo.").has_annotation("DEP")
    # A NER alone cannot ship: the CLI asks for the base whose parse it goes onto.
    result = CliRunner().invoke(app, ["train", "--ner-only", "--data", str(data)])
    assert result.exit_code == 2 and "--base" in result.output
