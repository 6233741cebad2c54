"""The `sitrep` command: a thin Typer shell over importable functions.

Each area of the product registers its commands from its own module (see AREAS), so no two
areas edit the same file. Exit codes: 0 all went in, 1 some inputs were rejected or an error
occurred, 2 usage errors.
"""

from __future__ import annotations

import importlib
import sys

import typer

from sitrep.errors import SitrepError

app = typer.Typer(
    name="sitrep",
    help="Turn noisy open-web reports into a sourced picture of a conflict.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
eval_app = typer.Typer(help="Score a stage against gold data.", no_args_is_help=True)
bench_app = typer.Typer(help="Measure throughput and memory.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(bench_app, name="bench")

# Modules under sitrep.cli that each define `register(app, eval_app, bench_app)`.
AREAS = ("ingest", "docs", "clean", "nlp", "entities", "events", "serve", "export", "bench")

for _area in AREAS:
    importlib.import_module(f"sitrep.cli.{_area}").register(app, eval_app, bench_app)


def main() -> None:
    """Console-script entry point: turns SitrepErrors into a clear message and an exit code."""
    try:
        app()
    except SitrepError as error:
        typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
        sys.exit(error.exit_code)
