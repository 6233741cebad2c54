"""The `sitrep` command: a thin Typer shell over importable functions.

Each area of the product registers its commands from its own module (see AREAS), so no two
areas edit the same file. Exit codes: 0 all went in, 1 some inputs were rejected or an error
occurred, 2 usage errors.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from typing import Any

import typer

from sitrep.cli.common import terminal_text
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


def _version(value: bool) -> None:
    if value:
        from sitrep import __version__

        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="print the version"
    ),
) -> None:
    """Turn noisy open-web reports into a sourced picture of a conflict."""


app.add_typer(bench_app, name="bench")

# Modules under sitrep.cli that each define `register(app, eval_app, bench_app)`.
AREAS = (
    "ingest", "docs", "clean", "nlp", "entities", "events", "relations", "decisions", "serve",
    "export", "bench", "watch", "brief",
)  # fmt: skip


def _friendly(callback: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a SitrepError raised by a command into a clear message and its exit code."""

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except SitrepError as error:
            typer.secho(f"error: {terminal_text(error)}", err=True, fg=typer.colors.RED)
            raise typer.Exit(error.exit_code) from None

    return run


for _area in AREAS:
    importlib.import_module(f"sitrep.cli.{_area}").register(app, eval_app, bench_app)
# every command, also those of a group an area adds (`sitrep watch …`)
_groups = [g.typer_instance for g in app.registered_groups if g.typer_instance is not None]
for _typer in {id(t): t for t in (app, eval_app, bench_app, *_groups)}.values():
    for _command in _typer.registered_commands:
        if _command.callback is not None:
            _command.callback = _friendly(_command.callback)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SitrepError as error:  # raised outside a command (e.g. while parsing settings)
        typer.secho(f"error: {terminal_text(error)}", err=True, fg=typer.colors.RED)
        sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
