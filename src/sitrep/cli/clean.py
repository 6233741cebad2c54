"""CLI commands for the clean area: `sitrep clean FILE`, `sitrep eval clean`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sitrep.cli.common import terminal_text

_COLUMNS = ("system", "precision", "recall", "f1", "comment_recall", "comment_recall_on_page",
            "tp", "fn", "fp", "tn", "rejected")  # fmt: skip


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    """Add this area's commands to the sitrep CLI."""
    app.command("clean")(clean)
    eval_app.command("clean")(eval_clean)


def clean(
    inputs: Annotated[list[str], typer.Argument(help="files, folders, globs or URLs to clean")],
    json_out: Annotated[bool, typer.Option("--json", help="print JSON lines")] = False,
) -> None:
    """Clean documents without storing them: body, metadata with date sources, comments apart,
    removed boilerplate. Exits 1 when an input was rejected."""
    from sitrep.clean.inspect import as_json, as_text, clean_inputs
    from sitrep.records import CleanDocument
    from sitrep.settings import get_settings

    rejected = 0
    for n, item in enumerate(clean_inputs(inputs, get_settings())):
        if not isinstance(item, CleanDocument):
            rejected += 1
        if json_out:
            sys.stdout.write(json.dumps(as_json(item), ensure_ascii=False) + "\n")
        elif isinstance(item, CleanDocument):
            sys.stdout.write(("\n" if n else "") + terminal_text(as_text(item)) + "\n")
        else:
            line = f"rejected {item.origin}: {item.reason} ({item.detail})"
            sys.stderr.write(terminal_text(line) + "\n")
    if rejected:
        raise typer.Exit(1)


def eval_clean(
    data_dir: Annotated[
        Path | None,
        typer.Argument(help="evaluation set [default: <shared_data>/web-extraction-en]"),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="score only the first N pages")] = None,
    split: Annotated[
        str,
        typer.Option(help="all pages, only those the line model was fitted on, or only held-out"),
    ] = "all",
    json_out: Annotated[bool, typer.Option("--json", help="print JSON lines")] = False,
) -> None:
    """Score the HTML and plain-text cleaners (and their baselines) on gold snippets."""
    from sitrep.clean.evaluate import SPLITS, evaluate_clean
    from sitrep.settings import get_settings

    if split not in SPLITS:
        raise typer.BadParameter(f"--split is one of {', '.join(SPLITS)}, not {split!r}")
    directory = data_dir or get_settings().shared_data / "web-extraction-en"
    report = evaluate_clean(directory, limit=limit, split=split)
    rows = list(report.rows())
    if json_out:
        for row in rows:
            sys.stdout.write(json.dumps(row) + "\n")
        return
    title = f"clean ({split}): {report.pages} pages scored, {len(report.skipped)} skipped"
    table = Table(title=title)
    for column in _COLUMNS:
        table.add_column(column, justify="left" if column == "system" else "right")
    for row in rows:
        table.add_row(*(str(row[c]) for c in _COLUMNS))
    Console().print(table)
    if report.skipped:
        Console(stderr=True).print(f"skipped (empty or broken): {', '.join(report.skipped)}")
