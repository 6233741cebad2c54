"""NER scoring, the gold format and the nlp CLI, with a small rule-based pipeline on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from sitrep.cli.app import app
from sitrep.errors import ModelError, UsageError
from sitrep.nlp.gold import GoldDoc, read_gold
from sitrep.nlp.ner_eval import score_ner
from sitrep.nlp.pipeline import load_pipeline


def _ruler_pipeline() -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "LOC", "pattern": "Aleppo"},
            {"label": "ORG", "pattern": "Quds Force"},
            {"label": "PERSON", "pattern": "Soleimani"},
            {"label": "NORP", "pattern": "Syrian"},
        ]
    )
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("model")
    _ruler_pipeline().to_disk(path)
    return path


def test_score_ner_per_label_and_ignore_regions() -> None:
    gold = [
        GoldDoc("Soleimani visited Aleppo.", [(0, 9, "PER"), (18, 24, "LOC")]),
        GoldDoc("The Quds Force left Aleppo.", [(4, 14, "ORG")], ignore=[(20, 26)]),
        GoldDoc("Syrian Aleppo", [(7, 13, "ORG")]),
    ]
    scores = score_ner(_ruler_pipeline(), gold)
    labels = scores.per_label
    assert set(labels) == {"PERSON", "LOC", "ORG"}  # NORP is not in the gold: not scored
    assert (labels["PERSON"].tp, labels["PERSON"].fp, labels["PERSON"].fn) == (1, 0, 0)
    assert (labels["LOC"].tp, labels["LOC"].fp, labels["LOC"].fn) == (1, 1, 0)
    assert (labels["ORG"].tp, labels["ORG"].fp, labels["ORG"].fn) == (1, 0, 1)
    assert scores.overall.precision == pytest.approx(3 / 4)
    assert scores.overall.recall == pytest.approx(3 / 4)


def test_read_gold_rejects_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "a", "entities": [[0, 1, "LOC"]]}\n{"entities": []}\n')
    with pytest.raises(UsageError, match=":2:"):
        read_gold(path)


def test_missing_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no spaCy pipeline"):
        load_pipeline(tmp_path)


def test_load_pipeline_is_cached(model_dir: Path) -> None:
    assert load_pipeline(model_dir) is load_pipeline(str(model_dir))


def test_cli_annotate_json_lines(model_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Gen. Soleimani reached Aleppo. He left."})
        + "\n"
        + json.dumps({"text": "Nothing here."})
        + "\n"
    )
    result = CliRunner().invoke(app, ["annotate", str(src), "--json", "--model", str(model_dir)])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert first["doc_id"] == "a" and len(first["sentences"]) == 2
    mentions = [
        (m["text"], m["label"], m["start"], m["end"], m["title"]) for m in first["mentions"]
    ]
    assert mentions == [("Soleimani", "PERSON", 5, 14, "Gen."), ("Aleppo", "LOC", 23, 29, None)]
    assert second["mentions"] == []


def test_cli_annotate_plain_text(model_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("The Quds Force met in Aleppo.")
    result = CliRunner().invoke(app, ["annotate", str(src), "--model", str(model_dir)])
    assert result.exit_code == 0, result.output
    assert "ORG" in result.output and "Quds Force" in result.output
    as_json = CliRunner().invoke(app, ["annotate", str(src), "--json", "--model", str(model_dir)])
    assert len(as_json.output.splitlines()) == 1


def test_cli_eval_ner_json(model_dir: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(GoldDoc("Soleimani visited Aleppo.", [(0, 9, "PER")]).to_json() + "\n")
    result = CliRunner().invoke(
        app, ["eval", "ner", str(gold), "--json", "--model", str(model_dir)]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["labels"]["PERSON"]["f1"] == 1.0 and scores["docs"] == 1


def test_bench_reports_rates_ratio_and_memory(model_dir: Path, tmp_path: Path) -> None:
    fakes = tmp_path / "fa-kes"
    fakes.mkdir()
    rows = ["unit_id,article_content"] + [
        f'{i},"Convoy {i} reached Aleppo on Monday. The Quds Force said so."' for i in range(30)
    ]
    (fakes / "fa-kes-dev.csv").write_text("\n".join(rows) + "\n")
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "nlp",
            "--docs",
            "20",
            "--json",
            "--model",
            str(model_dir),
            "--data",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["docs"] == 20 and report["words"] == 20 * 13
    assert report["pipeline_words_per_s"] > 0 and report["tokenizer_words_per_s"] > 0
    assert report["peak_rss_mb"] > 10
