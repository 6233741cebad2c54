"""The ingest run as a user drives it: idempotent, loses nothing, resumes after a kill."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from sitrep.cli.app import app
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store, schema

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

PAGE = """{title}

By a staff writer

{body}

Share this article:
  •
  •
    3
    Shares

Leave a Reply

Your email address will not be published. Required fields are marked *
"""

BODIES = [
    "Iraqi officials said on Monday that a convoy of the Popular Mobilization Forces was hit by "
    "a drone near Al-Qaim, close to the Syrian border. Two fighters were wounded, they said.",
    "The Syrian foreign ministry said a delegation from Tehran arrived in Damascus for talks on "
    "reconstruction contracts, the state news agency SANA reported on Tuesday.",
    "Residents of Deir ez-Zor reported heavy traffic of military trucks on the road to Albu "
    "Kamal overnight; local activists said the convoy carried fighters of an Iraqi militia.",
    "A Lebanese daily said the commander of an Afghan brigade fighting in Syria had been "
    "replaced after losses near Aleppo, citing two sources close to the unit.",
]


def write_pages(folder: Path, count: int = 4) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, body in enumerate(BODIES[:count]):
        path = folder / f"page-{n}.txt"
        path.write_text(PAGE.format(title=f"Report number {n}", body=body), encoding="utf-8")
        paths.append(path)
    return paths


def write_bad_files(folder: Path) -> dict[str, str]:
    """A few inputs that must be rejected, with the reason each should get."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
    (folder / "photo.html").write_bytes(png)
    whole = gzip.compress(("<html><body><p>" + "word " * 4000 + "</p></body></html>").encode())
    (folder / "cut.html.gz").write_bytes(whole[: len(whole) // 2])
    return {"empty.txt": "empty", "photo.html": "binary", "cut.html.gz": "truncated"}


def test_ingesting_the_same_pages_twice_stores_them_once(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    store = Store(str(tmp_path / "s.db"))
    first = Ingest(store, Settings(), use_nlp=False).run([str(tmp_path / "pages")])
    second = Ingest(store, Settings(), use_nlp=False).run([str(p) for p in pages])
    assert first.stored == len(pages)
    assert second.stored == 0
    assert second.already_stored == len(pages)
    assert store.count(schema.documents) == len(pages)


def test_bad_inputs_are_rejected_with_reasons_and_the_rest_goes_in(tmp_path: Path) -> None:
    write_pages(tmp_path / "in")
    expected = write_bad_files(tmp_path / "in")
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(app, ["ingest", "--no-nlp", "--db", db, str(tmp_path / "in")])
    assert result.exit_code == 1, result.output
    store = Store(db)
    assert store.count(schema.documents) == len(BODIES)
    reasons = {Path(r["origin"]).name: r["reason"] for r in store.rejects()}
    for name, reason in expected.items():
        assert reasons.get(name) == reason, (name, reasons)


def test_all_good_inputs_exit_zero_and_usage_errors_exit_two(tmp_path: Path) -> None:
    write_pages(tmp_path / "in")
    db = str(tmp_path / "s.db")
    ok = CliRunner().invoke(app, ["ingest", "--no-nlp", "--db", db, str(tmp_path / "in")])
    assert ok.exit_code == 0, ok.output
    usage = CliRunner().invoke(app, ["ingest", "--db", db])
    assert usage.exit_code == 2


def test_an_interrupted_run_resumes_without_duplicates_or_losses(tmp_path: Path) -> None:
    write_pages(tmp_path / "in")
    store = Store(str(tmp_path / "s.db"))
    settings = Settings(batch_size=1)
    stored: list[str] = []

    def kill_after_two(event: str, origin: str) -> None:
        stored.append(origin)
        if len(stored) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Ingest(store, settings, use_nlp=False, report=kill_after_two).run([str(tmp_path / "in")])
    assert 0 < store.count(schema.documents) < len(BODIES)
    assert store.latest_run("ingest")["status"] == "interrupted"  # type: ignore[index]
    Ingest(store, settings, use_nlp=False).run([str(tmp_path / "in")])
    assert store.count(schema.documents) == len(BODIES)
    with store.read() as conn:
        ids = conn.execute(select(schema.documents.c.id)).scalars().all()
    assert len(ids) == len(set(ids))


@pytest.mark.needs_shared
def test_the_seeds_ingested_twice_leave_five_documents(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed pages not found at {SEEDS} (../shared is absent)")
    store = Store(str(tmp_path / "s.db"))
    Ingest(store, Settings(), use_nlp=False).run([str(SEEDS)])
    again = Ingest(store, Settings(), use_nlp=False).run([str(SEEDS)])
    assert again.stored == 0
    assert store.count(schema.documents) == 5
    assert store.count(schema.comments) >= 2


def test_doc_and_docs_commands_show_what_was_stored(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", count=1)
    db = str(tmp_path / "s.db")
    CliRunner().invoke(app, ["ingest", "--no-nlp", "--db", db, str(tmp_path / "in")])
    listed = CliRunner().invoke(app, ["docs", "--db", db, "--json"])
    assert listed.exit_code == 0
    doc_id = listed.output.split('"id": "')[1].split('"')[0]
    shown = CliRunner().invoke(app, ["doc", doc_id[:12], "--db", db])
    assert "convoy of the Popular Mobilization Forces" in shown.output
    assert "Leave a Reply" not in shown.output
    missing = CliRunner().invoke(app, ["doc", "doc_nothere", "--db", db])
    assert missing.exit_code == 2
