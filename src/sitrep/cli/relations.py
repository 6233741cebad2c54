"""CLI for relations: `sitrep relations` (list, with their claims) and `sitrep eval relations`."""

from __future__ import annotations

import json
import re
import sys
from typing import Annotated

import typer
from rich.table import Table

from sitrep.cli.common import DbOption, JsonOption, cell, data_console, open_store, print_json_lines

out = data_console()  # names and sentences are page data: never markup


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    app.command("relations")(relations)

    @eval_app.command("relations")
    def eval_relations_cmd(
        model: Annotated[str | None, typer.Option(help="spaCy pipeline path")] = None,
        dev: Annotated[
            bool, typer.Option(help="score the development sources instead of the held-out one")
        ] = False,
        examples: Annotated[bool, typer.Option(help="list false positives")] = False,
        learned: Annotated[
            bool,
            typer.Option(
                help="with the learned relation model (an ingest adds it only with "
                "SITREP_LEARNED_RELATIONS=true); --no-learned: the rule readers alone"
            ),
        ] = True,
    ) -> None:
        """Precision/recall per relation type on re3d (held out: us-state-department)."""
        from sitrep.errors import DataMissingError
        from sitrep.extract.pipeline import find_pipeline
        from sitrep.extract.relations_eval import DEV, HELD_OUT, eval_relations
        from sitrep.pipeline import load_domain_pipeline
        from sitrep.settings import get_settings

        settings = get_settings()
        if not (settings.shared_data / "re3d").is_dir():
            raise DataMissingError(
                f"re3d not found under {settings.shared_data}", hint="set SITREP_SHARED_DATA"
            )
        nlp = load_domain_pipeline(str(find_pipeline(model)), settings.pack)
        report = eval_relations(settings.shared_data, nlp, DEV if dev else HELD_OUT, learned)
        if not examples:
            report.pop("false_positives", None)
        typer.echo(json.dumps(report, indent=2))


def relations(
    entity: Annotated[
        str | None, typer.Option(help="only relations of this entity (id, name or alias)")
    ] = None,
    relation_type: Annotated[
        list[str] | None, typer.Option("--type", help="commands, member-of, present-in ...")
    ] = None,
    family: Annotated[
        list[str] | None,
        typer.Option(help="command, membership, alliance, hostility, presence"),
    ] = None,
    origin: Annotated[
        str, typer.Option(help="learned (reports state it), pack (the domain pack does), both")
    ] = "both",
    learned: Annotated[bool, typer.Option(help="only relations the reports state")] = False,
    status: Annotated[
        list[str] | None, typer.Option(help="single-source, corroborated, contested, pack ...")
    ] = None,
    since: Annotated[str | None, typer.Option(help="a window's first day (YYYY[-MM[-DD]])")] = None,
    until: Annotated[str | None, typer.Option(help="a window's last day (YYYY[-MM[-DD]])")] = None,
    export: Annotated[
        str | None, typer.Option(help="write the list as csv or jsonl to stdout (the API's export)")
    ] = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Relations (roles, affiliations, alliances, presence) with dates, status and sources: the
    workbench's Relations page and `/api/relations`, with the same filter."""
    from sitrep.errors import NotFoundError, UsageError
    from sitrep.export.relations import LIST_FORMATS, write_relation_list
    from sitrep.read.events import PARTIAL_DATE
    from sitrep.read.relations import FAMILIES, ORIGINS, RelationFilter, select_relations

    if origin not in ORIGINS:
        raise UsageError(f"--origin is one of {', '.join(ORIGINS)}, not {origin!r}")
    unknown = [f for f in family or () if f not in FAMILIES]
    if unknown:
        raise UsageError(f"unknown family {unknown[0]!r}: one of {', '.join(FAMILIES)}")
    if export is not None and export not in LIST_FORMATS:
        raise UsageError(f"--export is csv or jsonl, not {export!r}")
    for name, day in (("--since", since), ("--until", until)):
        if day is not None and not re.match(PARTIAL_DATE, day):
            raise UsageError(f"{name} is a date (YYYY, YYYY-MM or YYYY-MM-DD), not {day!r}")
    chosen = RelationFilter(
        types=tuple(relation_type or ()),
        families=tuple(family or ()),
        origin="learned" if learned else origin,
        statuses=tuple(status or ()),
        entity=entity,
        since=since,
        until=until,
    )
    store = open_store(db)
    with store.read() as conn:
        found = select_relations(conn, chosen)
    if entity and not found.matched:
        raise NotFoundError(f"no entity named {entity!r}", hint="sitrep entities lists the names")
    rows = found.relations
    if export is not None:
        write_relation_list(rows, sys.stdout.buffer, export)
        sys.stdout.buffer.flush()
        return
    if json_out:
        print_json_lines(rows)
        return
    table = Table("type", "subject", "object", "title", "period", "status", "sources", "claims")
    for r in rows:
        period = f"{r['time_start'] or '?'}–{r['time_end'] or ('ended' if r['ended'] else '')}"
        table.add_row(cell(r["type"]), cell(r["subject"]["name"]), cell(r["object"]["name"]),
                      cell(r["title"] or ""), cell(period), cell(r["status"]),
                      cell("+".join(r["sources"])), str(r["n_claims"]))  # fmt: skip
    out.print(table)
