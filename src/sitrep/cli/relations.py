"""CLI for relations: `sitrep relations` (list, with their claims) and `sitrep eval relations`."""

from __future__ import annotations

import json
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
    learned: Annotated[bool, typer.Option(help="only relations the reports state")] = False,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Relations (roles, affiliations, alliances, presence) with dates, status and sources."""
    from sitrep.read.entities import find_entity
    from sitrep.read.relations import relations_of

    store = open_store(db)
    with store.read() as conn:
        entity_id = str(find_entity(conn, entity)["id"]) if entity else None
        rows = relations_of(conn, entity_id, tuple(relation_type or ()))
    if learned:
        rows = [r for r in rows if "reports" in r["sources"]]
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
