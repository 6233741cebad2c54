"""Analyst decisions from the command line, through the ledger (`sitrep.ledger`): merge and
split events, relabel a mention, mark a claim, undo; and `sitrep reduce`, which re-runs
resolution and corroboration (re-applying every decision). Entity merge and split are
`sitrep merge` / `sitrep split` (cli/entities.py)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from sitrep.cli.common import DbOption, JsonOption, open_store, print_json_lines, terminal_text
from sitrep.errors import UsageError

Reason = Annotated[str, typer.Option(help="why (kept in the judgement log)")]
Analyst = Annotated[str, typer.Option(help="who decides (kept in the judgement log)")]


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    """Add this area's commands to the sitrep CLI."""
    app.command("merge-events")(merge_events)
    app.command("split-event")(split_event)
    app.command("relabel")(relabel)
    app.command("mark")(mark)
    app.command("undo")(undo)
    app.command("reduce")(reduce)


def _done(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json_lines([result])
        return
    j = result["judgement"]
    typer.echo(terminal_text(f"{j['subject']} {j['action']} logged as {j['id']}"))


def merge_events(
    into: Annotated[str, typer.Argument(help="event kept")],
    others: Annotated[list[str], typer.Argument(help="events merged into it")],
    reason: Reason = "merged by analyst",
    analyst: Analyst = "analyst",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge events into one; every re-run keeps their mentions together."""
    from sitrep import ledger

    store = open_store(db)
    _done(ledger.decide(store, analyst, reason, ledger.merge_events, into, others), as_json)


def split_event(
    event: Annotated[str, typer.Argument(help="event to split")],
    mention: Annotated[list[str], typer.Option("--mention", help="event mention id (repeat)")],
    reason: Reason = "split by analyst",
    analyst: Analyst = "analyst",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Move event mentions to a new event; every re-run keeps them apart."""
    from sitrep import ledger

    store = open_store(db)
    done = ledger.decide(
        store, analyst, reason, ledger.split_event, event, mention, analyst, reason
    )
    _done(done, as_json)


def relabel(
    mention: Annotated[str, typer.Argument(help="mention id")],
    label: Annotated[str, typer.Argument(help="the right label, e.g. PERSON, ORG, GPE")],
    reason: Reason = "relabelled by analyst",
    analyst: Analyst = "analyst",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Correct a mention's label."""
    from sitrep import ledger

    store = open_store(db)
    done = ledger.decide(store, analyst, reason, ledger.relabel_mention, mention, label.upper())
    _done(done, as_json)


def mark(
    claim: Annotated[str, typer.Argument(help="claim id")],
    value: Annotated[str, typer.Argument(metavar="MARK", help="verified, doubtful or none")],
    reason: Reason = "marked by analyst",
    analyst: Analyst = "analyst",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Mark a claim verified or doubtful (none clears the mark)."""
    from sitrep import ledger

    if value not in ("verified", "doubtful", "none"):
        raise UsageError(f"unknown mark {value!r}", hint="use verified, doubtful or none")
    store = open_store(db)
    chosen = None if value == "none" else value
    _done(ledger.decide(store, analyst, reason, ledger.mark_claim, claim, chosen), as_json)


def undo(
    judgement: Annotated[str, typer.Argument(help="judgement id (see `sitrep judgements`)")],
    reason: Reason = "undone by analyst",
    analyst: Analyst = "analyst",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Withdraw an analyst decision: the store goes back and no run re-applies it."""
    from sitrep import ledger

    _done(ledger.decide(open_store(db), analyst, reason, ledger.undo, judgement), as_json)


def reduce(
    everything: Annotated[
        bool, typer.Option("--all", help="re-run over the whole store, not only what is new")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Re-run resolution and corroboration (analyst decisions are re-applied)."""
    from sitrep.pipeline import reduce_store

    summary = reduce_store(open_store(db), everything=everything)
    if as_json:
        print_json_lines([summary])
        return
    for stage, stats in summary.items():
        typer.echo(terminal_text(f"{stage}: {stats}"))
