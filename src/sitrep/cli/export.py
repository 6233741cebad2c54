"""`sitrep export FORMAT -o PATH`: write the store for the tools analysts already use."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sitrep.cli.common import DbOption, JsonOption, open_store, print_json_lines


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    """Add this area's commands to the sitrep CLI."""
    app.command("export")(export_command)


def export_command(
    fmt: Annotated[
        str,
        typer.Argument(
            metavar="FORMAT",
            help="jsonl, csv, geojson, gexf, graphml, ftm, dossier-md, dossier-html",
        ),
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="file to write; - for stdout")],
    db: DbOption = None,
    entity: Annotated[
        str | None,
        typer.Option(
            help="the entity (id or name) a dossier is about; events: one taking any part"
        ),
    ] = None,
    places: Annotated[
        bool, typer.Option("--places", help="geojson: add places; graphs: add place nodes")
    ] = False,
    unlocated: Annotated[
        bool, typer.Option("--unlocated", help="geojson: keep events without coordinates")
    ] = False,
    no_text: Annotated[
        bool, typer.Option("--no-text", help="jsonl/ftm: leave document bodies out")
    ] = False,
    type_: Annotated[str | None, typer.Option("--type", help="events: only this type")] = None,
    actor: Annotated[str | None, typer.Option(help="events: a doer (id, name or spelling)")] = None,
    target: Annotated[
        str | None, typer.Option(help="events: one on the other side (id, name or spelling)")
    ] = None,
    place: Annotated[str | None, typer.Option(help="events: the place (id or name)")] = None,
    since: Annotated[
        str | None, typer.Option(help="events: overlapping this date or later")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="events: overlapping this date or earlier")
    ] = None,
    status: Annotated[str | None, typer.Option(help="events: corroboration status")] = None,
    words: Annotated[
        str | None,
        typer.Option(help="events: each word in the summary or a claim's sentence or quote"),
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Export events, claims, entities and documents (or one entity's dossier).

    The event options filter events as `sitrep events` does (jsonl, geojson, ftm)."""
    options = {"entity": entity, "places": places, "unlocated": unlocated, "text": not no_text,
               "type": type_, "actor": actor, "target": target, "place": place, "since": since,
               "until": until,
               "status": status, "words": words}  # fmt: skip
    from sitrep.export import export

    store = open_store(db)
    if output == "-":
        count = export(store, fmt, sys.stdout.buffer, **options)
    else:
        count = export(store, fmt, Path(output), **options)
    summary = {"format": fmt, "output": output, "records": count}
    if json_out:
        print_json_lines([summary])
    else:
        typer.echo(f"wrote {count} records as {fmt} to {output}", err=True)
