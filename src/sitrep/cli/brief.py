"""`sitrep brief`: the situation report of a period (`sitrep.read.brief`), written as Markdown,
HTML or JSON (`sitrep.export.brief`) for the events one explorer filter keeps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer

from sitrep.cli.common import DbOption, open_store

Many = Annotated[list[str] | None, typer.Option(help="repeat for several")]
One = Annotated[str | None, typer.Option()]


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    """Add this area's commands to the sitrep CLI."""
    app.command("brief")(brief)


def brief(
    since: Annotated[str, typer.Option(help="the period's first day, month or year (2016-10)")],
    until: Annotated[str, typer.Option(help="its last day, month or year (2016-10-31)")],
    filter: Annotated[
        str, typer.Option(help="an explorer filter as its URL writes it: 'admin1=Aleppo'")
    ] = "",
    type: Many = None,
    status: Many = None,
    country: Many = None,
    actor: Annotated[str | None, typer.Option(help="a doer of the events, any spelling")] = None,
    target: Annotated[
        str | None, typer.Option(help="on the events' other side (target, counterpart…)")
    ] = None,
    entity: Annotated[
        str | None, typer.Option(help="taking any part in the events, or their place")
    ] = None,
    place: One = None,
    admin1: One = None,
    outlet: One = None,
    words: One = None,
    min_fatalities: Annotated[int | None, typer.Option(min=0)] = None,
    format: Annotated[Literal["md", "html", "json"], typer.Option(help="md, html or json")] = "md",
    base: Annotated[
        str | None,
        typer.Option(help="the workbench's address (http://127.0.0.1:8000): links to it"),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="file (else stdout)")
    ] = None,
    db: DbOption = None,
) -> None:
    """The situation report of a period: headline counts, fatalities as a range, corroborated
    events with their sources, contested and denied claims with who says what, every event day
    by day (who took part, toll, status, sources), the most active actors, and the change since
    the previous period of the same length; every statement cites its documents."""
    from sitrep.export.brief import html, markdown
    from sitrep.read.brief import situation_report
    from sitrep.read.explore import filter_of, query_values

    values = query_values(filter)
    asked = {"type": type, "status": status, "country": country, "actor": [actor],
             "target": [target], "entity": [entity], "place": [place], "admin1": [admin1],
             "outlet": [outlet], "words": [words],
             "min_fatalities": [None if min_fatalities is None else str(min_fatalities)],
             "since": [since], "until": [until]}  # fmt: skip
    for key, options in asked.items():
        chosen = [v for v in options or () if v]
        if chosen:
            values[key] = chosen
    f = filter_of(values)
    store = open_store(db)
    with store.read() as conn:
        report = situation_report(conn, f)
    if format == "json":
        text = json.dumps(report, ensure_ascii=False, indent=1) + "\n"
    else:
        text = (markdown if format == "md" else html)(report, base)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote the report of {report['events']} events to {output}", err=True)
