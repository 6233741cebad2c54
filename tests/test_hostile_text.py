"""Untrusted text stays text: in the terminal (no markup, no escape sequences) and in
spreadsheets (no formulas)."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import update
from typer.testing import CliRunner

from sitrep.cli.app import app
from sitrep.cli.common import terminal_text
from sitrep.export import export
from sitrep.export.acled import spreadsheet_safe
from sitrep.store import Store, schema
from storefixtures import build_store

MARKUP_TITLE = "Talks end [/red] without [bold]a deal[/] [link=file:///etc]x"
ESCAPES = "\x1b[2J\x1b]0;owned\x07\x1b[31m"


def _page(title: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        "<p>Officials in Baghdad said on Monday that talks on the border crossing had ended "
        "without an agreement, and that a new round would follow next month.</p>"
        "<p>Both delegations described the meeting as frank, according to a statement.</p>"
        "</article></body></html>"
    )


def test_terminal_text_drops_escape_sequences_and_controls() -> None:
    assert terminal_text(f"a{ESCAPES}b\x00c\x9b1md") == "abcd"
    assert terminal_text("line one\nline\ttwo [/red]") == "line one\nline\ttwo [/red]"


def test_markup_and_escapes_in_titles_and_file_names_never_reach_the_terminal(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks.html").write_text(_page(MARKUP_TITLE + ESCAPES), encoding="utf-8")
    (folder / "odd [").mkdir()  # its file's path reads "odd [/] name.bin"
    (folder / "odd [" / "] name.bin").write_bytes(bytes(range(256)) * 8)  # rejected: binary
    (folder / f"esc{ESCAPES}.txt").write_bytes(b"")  # rejected: empty
    db = str(tmp_path / "s.db")
    runner = CliRunner()

    ingested = runner.invoke(app, ["ingest", "--no-nlp", "--db", db, str(folder)])
    assert ingested.exception is None or isinstance(ingested.exception, SystemExit)
    assert ingested.exit_code == 1, ingested.output  # two rejected
    assert "rejected inputs" in ingested.output and "\x1b" not in ingested.output

    listed = runner.invoke(app, ["docs", "--db", db])
    assert listed.exit_code == 0, listed.output
    assert "Talks end [/red]" in listed.output
    assert "\x1b" not in listed.output and "\x07" not in listed.output

    doc_id = Store(db).documents()[0]["id"]
    shown = runner.invoke(app, ["doc", doc_id[:12], "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "[/red]" in shown.output and "\x1b" not in shown.output

    rejects = runner.invoke(app, ["rejects", "--db", db])
    assert rejects.exit_code == 0, rejects.output
    assert "\x1b" not in rejects.output and "\x07" not in rejects.output
    origins = {Path(row["origin"]).name for row in Store(db).rejects()}
    assert "] name.bin" in origins and f"esc{ESCAPES}.txt" in origins  # stored as they are


def test_spreadsheet_formulas_are_neutralised_and_numbers_kept() -> None:
    for formula in ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert spreadsheet_safe(formula) == "'" + formula
    for plain in ("-33.5012", "+12", "Reuters", "", 7, "a=b"):
        assert spreadsheet_safe(plain) == plain


def test_csv_export_of_a_formula_outlet_is_text(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "s.db"))
    build_store(store, tmp_path)
    outlet = "=cmd|' /C calc'!A0"
    with store.transaction() as conn:
        conn.execute(update(schema.claims).values(outlet=outlet))
    path = tmp_path / "events.csv"
    export(store, "csv", path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), (column, value)
            assert not value.startswith("-") or value.replace(".", "").lstrip("-").isdigit()
    assert any(outlet in row["source"] and row["source"].startswith("'") for row in rows)
