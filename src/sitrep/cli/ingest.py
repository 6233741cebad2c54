"""`sitrep ingest`: acquire inputs and run the whole pipeline over them, with progress."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from sitrep.cli.common import (
    DbOption,
    JsonOption,
    cell,
    data_console,
    open_store,
    print_json_lines,
    terminal_text,
)
from sitrep.errors import UsageError

if TYPE_CHECKING:
    from sitrep.pipeline import IngestSummary

err = data_console(stderr=True)  # file names and reasons are untrusted: never markup


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    app.command()(ingest)


def ingest(
    inputs: Annotated[list[str], typer.Argument(help="files, folders, globs, URLs or - for stdin")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option(help="processes for the per-document stages")] = 1,
    no_nlp: Annotated[
        bool, typer.Option("--no-nlp", help="only acquire and clean (no annotate/extract/reduce)")
    ] = False,
    allow_private: Annotated[
        bool,
        typer.Option("--allow-private", help="let URL fetching reach private/loopback addresses"),
    ] = False,
    runner: Annotated[
        str,
        typer.Option(help="local (process pool) or ray (Ray Data; pip install 'sitrep\\[ray]')"),
    ] = "local",
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (default: start a local Ray)")
    ] = None,
    work_dir: Annotated[
        Path | None,
        typer.Option(help="where the Ray runner keeps per-shard Parquet results (resumable)"),
    ] = None,
    shard_size: Annotated[int, typer.Option(help="items per shard for the Ray runner")] = 256,
    json_out: JsonOption = False,
) -> None:
    """Ingest pages into the store: acquire, clean, annotate, extract, resolve, corroborate.

    Exit code 0 when every input went in, 1 when some were rejected (see `sitrep rejects`).
    """
    from sitrep.pipeline import Ingest  # spaCy and the cleaners: only when ingesting
    from sitrep.settings import get_settings

    if not inputs:
        raise UsageError("give at least one file, folder, glob, URL or -")
    settings = get_settings().model_copy(update={"workers": workers})
    if allow_private:
        settings = settings.model_copy(update={"allow_private_addresses": True})
    store = open_store(db)
    stdin = sys.stdin.buffer if "-" in inputs else None
    with _progress() as progress:
        task = progress.add_task("ingesting", total=None)

        def report(event: str, origin: str) -> None:
            progress.update(
                task, advance=1, description=f"{event}: {_short(terminal_text(origin))}"
            )

        if runner == "ray":
            from sitrep.runners.ray_runner import run_ray_ingest

            summary = run_ray_ingest(
                store,
                settings,
                inputs,
                workers=max(workers, 1),
                address=address,
                work_dir=work_dir,
                use_nlp=not no_nlp,
                shard_size=shard_size,
                report=report,
            )
        elif runner == "local":
            summary = Ingest(
                store, settings, use_nlp=not no_nlp, workers=workers, report=report
            ).run(inputs, stdin=stdin)
        else:
            raise UsageError(f"unknown runner {runner!r}", hint="use local or ray")
    if json_out:
        print_json_lines([summary.as_dict()])
    else:
        print_summary(summary, store.rejects(summary.run_id))
    raise typer.Exit(1 if summary.rejected_total else 0)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}", justify="left", style="bold", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _short(origin: str, width: int = 48) -> str:
    return origin if len(origin) <= width else "…" + origin[-(width - 1) :]


def print_summary(summary: IngestSummary, rejects: list[dict[str, object]]) -> None:
    rate = summary.seen / summary.seconds if summary.seconds else 0.0
    err.print(
        Text.assemble(
            (str(summary.stored), "bold"),
            f" stored, {summary.already_stored} already stored, "
            f"{summary.near_duplicates} near-duplicates linked, ",
            (f"{summary.rejected_total} rejected", "red" if summary.rejected_total else "green"),
            f" — {summary.seen} inputs in {summary.seconds:.1f} s ({rate:.1f}/s)",
        )
    )
    if summary.reduce:
        err.print(cell(f"reduce: {summary.reduce}"))
    if rejects:
        table = Table("reason", "input", "detail", title="rejected inputs")
        for row in rejects:
            table.add_row(cell(row["reason"]), cell(row["origin"]), cell(row["detail"]))
        err.print(table)
