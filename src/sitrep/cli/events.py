"""CLI commands for events and claims: list, show, claims, and `sitrep eval events`."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from sitrep.cli.common import DbOption, JsonOption, open_store, print_json_lines, terminal_text
from sitrep.errors import DataMissingError


def _chain(chain: Sequence[Mapping[str, Any]]) -> str:
    return " -> ".join(f"{c['name']}" + (f" ({c['verb']})" if c.get("verb") else "") for c in chain)


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    """Add this area's commands to the sitrep CLI."""

    @app.command("events")
    def events_cmd(
        type_: Annotated[
            str | None, typer.Option("--type", help="event type, e.g. CONSULT")
        ] = None,
        actor: Annotated[
            str | None,
            typer.Option(help="a doer (actor, by): an entity's id, name, alias or spelling"),
        ] = None,
        target: Annotated[
            str | None, typer.Option(help="one on the other side (target, counterpart …)")
        ] = None,
        entity: Annotated[
            str | None, typer.Option(help="an entity taking any part, or the place")
        ] = None,
        place: Annotated[str | None, typer.Option(help="the place: id, name or spelling")] = None,
        since: Annotated[
            str | None, typer.Option(help="ISO date: events whose time overlaps it or later")
        ] = None,
        until: Annotated[
            str | None, typer.Option(help="ISO date: events whose time overlaps it or earlier")
        ] = None,
        status: Annotated[
            str | None, typer.Option(help="single-source, corroborated, contested or denied")
        ] = None,
        words: Annotated[
            str | None,
            typer.Option(help="each word in the summary or a claim's sentence or quote"),
        ] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """List corroborated events (who, what, where, when, status).

        --actor, --target and --entity mean what the explorer's actor=, target= and entity=
        mean (`sitrep.read.events.EventFilter`); before session 31 --actor meant --entity."""
        from sitrep.read.entities import entities_named
        from sitrep.read.events import EventFilter, list_events

        with open_store(db).read() as conn:
            where = EventFilter.of(
                {"type": type_, "actor": actor, "target": target, "entity": entity,
                 "place": place, "since": since, "until": until, "status": status,
                 "words": words}
            )  # fmt: skip
            rows = list_events(conn, where)
            named = (actor, target, entity, place)
            unknown = [n for n in named if n and not entities_named(conn, n)]
        for name in unknown:  # an empty list for a name the store does not know says so
            typer.echo(terminal_text(f"note: no entity is named {name!r}"), err=True)
        if as_json:
            print_json_lines(rows)
            return
        for r in rows:
            typer.echo(
                terminal_text(
                    f"{r['id']}  {r['status']:<13} {r['n_origins']} origin(s)  {r['summary']}"
                )
            )

    @app.command("event")
    def event_cmd(event_id: str, db: DbOption = None, as_json: JsonOption = False) -> None:
        """Show one event: participants, place, time and every claim with its source chain."""
        from sitrep.read.claims import event_with_claims

        with open_store(db).read() as conn:
            event = event_with_claims(conn, event_id)
        if as_json:
            print_json_lines([event])
            return
        typer.echo(terminal_text(event["summary"]))
        typer.echo(terminal_text(f"status: {event['status']} — {event['status_reason']}"))
        for c in event["claims"]:
            hedge = f" hedged: {', '.join(c['hedges'])}" if c["hedged"] else ""
            typer.echo(terminal_text(f"- [{c['stance']}]{hedge} {_chain(c['chain'])}"))
            typer.echo("    " + terminal_text(c["sentence_text"]))

    @app.command("claims")
    def claims_cmd(
        contested: Annotated[
            bool, typer.Option(help="only claims of contested/denied events")
        ] = False,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """List claims with their event, stance and source chain."""
        from sitrep.read.claims import list_claims

        with open_store(db).read() as conn:
            rows = list_claims(conn, contested)
        if as_json:
            print_json_lines(rows)
            return
        for r in rows:
            line = f"{r['event_id']}  [{r['stance']}] {_chain(r['chain'])}: {r['summary']}"
            typer.echo(terminal_text(line))

    @eval_app.command("events")
    def eval_events(
        fakes: Annotated[
            Path | None, typer.Option(help="FA-KES CSV (default: shared data)")
        ] = None,
        gold: Annotated[
            Path | None, typer.Option(help="gold JSONL (default: the project's)")
        ] = None,
        model: Annotated[str | None, typer.Option(help="spaCy pipeline path")] = None,
        limit: Annotated[int | None, typer.Option(help="FA-KES articles to score")] = None,
        skip_fakes: Annotated[bool, typer.Option(help="score only the gold set")] = False,
    ) -> None:
        """Score extraction against the FA-KES coding and our gold sentences (JSON out)."""
        from sitrep.extract.evalarticles import eval_event_gold, eval_fakes_hidden, is_article_gold
        from sitrep.extract.evaluate import eval_fakes, eval_gold
        from sitrep.extract.pipeline import find_pipeline
        from sitrep.pipeline import load_domain_pipeline
        from sitrep.settings import get_settings

        # The pipeline an ingest runs: the model with the pack's aliases, titles and typing.
        nlp = load_domain_pipeline(str(find_pipeline(model)), get_settings().pack)
        gold_path = (
            gold
            or Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "events" / "gold.jsonl"
        )
        report: dict[str, Any] = {}
        settings = get_settings()
        if model:
            settings = settings.model_copy(update={"model": model})
        if gold_path.exists() and is_article_gold(gold_path):
            report["events_gold"] = eval_event_gold(gold_path, settings)
        elif gold_path.exists():
            report["gold"] = eval_gold(gold_path, nlp)
        if not skip_fakes:
            path = fakes or settings.shared_data / "fa-kes" / "fa-kes-dev.csv"
            if not path.exists():
                raise DataMissingError(
                    f"FA-KES not found at {path}", hint="pass --fakes PATH or --skip-fakes"
                )
            report["fakes"] = eval_fakes(path, nlp, limit)
            report["fakes_hidden"] = eval_fakes_hidden(path, nlp, settings, limit)
        typer.echo(json.dumps(report, indent=2))

    @eval_app.command("corroboration")
    def eval_corroboration(
        fakes: Annotated[
            Path | None, typer.Option(help="FA-KES CSV (default: shared data)")
        ] = None,
        db: Annotated[
            Path | None,
            typer.Option(
                "--db",
                help="store to keep: filled on the first call, re-grouped on later ones "
                "[default: a temporary store]",
            ),
        ] = None,
        limit: Annotated[int | None, typer.Option(help="FA-KES articles to ingest")] = None,
        datelines: Annotated[
            bool,
            typer.Option(
                help="give each article the date its own first words carry (not the coded one)"
            ),
        ] = False,
        gold: Annotated[
            bool, typer.Option(help="also score on the hand-coded events-gold articles")
        ] = False,
        read_out: Annotated[
            Path | None,
            typer.Option(
                "--read-out",
                help="also write every event joining articles, with each article's sentences, "
                "to this Markdown file, to read and judge by hand",
            ),
        ] = None,
    ) -> None:
        """Score event grouping on FA-KES, its coded columns hidden from the pipeline (JSON out).

        With --db naming a filled store, only the reduce is re-run (every event re-grouped):
        the quick loop while changing corroboration."""
        from sitrep.corroborate.evaluate import run_eval
        from sitrep.corroborate.evaluate_gold import run_gold_eval
        from sitrep.settings import get_settings

        path = fakes or get_settings().shared_data / "fa-kes" / "fa-kes-dev.csv"
        if not path.exists():
            raise DataMissingError(f"FA-KES not found at {path}", hint="pass --fakes PATH")
        report = {"fakes": run_eval(path, db, limit, get_settings(), datelines, read_out)}
        gold_dir = get_settings().shared_data / "events-gold"
        if gold:
            if not (gold_dir / "gold.jsonl").exists():
                raise DataMissingError(f"events gold not found at {gold_dir}")
            report["events_gold"] = run_gold_eval(gold_dir, path, get_settings())
        typer.echo(json.dumps(report, indent=2))

    @eval_app.command("draw-events")
    def eval_draw_events(
        db: DbOption = None,
        sample: Annotated[int, typer.Option(help="event mentions to draw")] = 25,
        seed: Annotated[
            int, typer.Option(help="the draw's random seed (a fresh seed for each hand check)")
        ] = 20,
        leave_out: Annotated[
            Path | None,
            typer.Option(
                help="a gold JSONL (events-gold): its articles' documents are not drawn "
                "(by `doc_key`, a FA-KES unit_id or a Wikinews page name)"
            ),
        ] = None,
        as_json: JsonOption = False,
    ) -> None:
        """Draw event mentions at random, each with its sentence and what was read from it, to
        judge by hand (outside a gold set the extractor was tuned on)."""
        from sitrep.extract.evalarticles import read_jsonl
        from sitrep.read.handcheck import as_text, draw_event_mentions

        keys: set[str] = set()
        if leave_out is not None:
            if not leave_out.exists():
                raise DataMissingError(f"gold file not found at {leave_out}")
            keys = {str(row["doc_key"]) for row in read_jsonl(leave_out)}
        with open_store(db).read() as conn:
            drawn = draw_event_mentions(conn, sample, seed, keys)
        if as_json:
            print_json_lines(drawn)
            return
        for mention in drawn:
            for line in as_text(mention):
                typer.echo(terminal_text(line))
