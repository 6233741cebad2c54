"""`sitrep eval draw-events`: a seeded draw of event mentions to judge by hand, the same draw for
the same seed, and the documents of a gold set left out. Reports written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli.app import app
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store

REPORTS = (
    "r1,Shelling in Homs,Army shells killed four civilians in the town of Talbiseh on Monday.",
    "r2,Raid on Idlib,Air strikes killed nine people in the city of Idlib on Tuesday.",
    "r3,Blast in Hama,A car bomb killed six people in the city of Hama on Sunday.",
)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("draw")
    table = folder / "reports.csv"
    table.write_text("unit_id,article_title,article_content\n" + "\n".join(REPORTS) + "\n")
    path = str(folder / "draw.db")
    store = Store(path)
    try:
        Ingest(store, Settings(workers=1)).run([str(table)])
    finally:
        store.close()
    return path


def _draw(db: str, *options: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["eval", "draw-events", "--db", db, "--json", *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_the_same_seed_draws_the_same_mentions(store_path: str) -> None:
    first = _draw(store_path, "--sample", "2", "--seed", "7")
    assert len(first) == 2
    assert [m["id"] for m in first] == [
        m["id"] for m in _draw(store_path, "--sample", "2", "--seed", "7")
    ]
    assert all(m["sentence_text"] and m["claim"] for m in first)


def test_a_gold_set_s_documents_are_left_out(store_path: str, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_key": "r1"}) + "\n" + json.dumps({"doc_key": "r2"}) + "\n")
    drawn = _draw(store_path, "--sample", "10", "--leave-out", str(gold))
    assert drawn and all("Hama" in str(m["sentence_text"]) for m in drawn)


def test_the_text_form_shows_what_a_reader_judges(store_path: str) -> None:
    result = CliRunner().invoke(app, ["eval", "draw-events", "--db", store_path, "--sample", "1"])
    assert result.exit_code == 0, result.output
    for label in ("sentence:", "participants:", "place:", "toll:", "claim:"):
        assert label in result.output
