"""`sitrep watch`: an analyst's watched views from the command line (`sitrep.read.watch`): save
an explorer filter under a name, list the views with their events now and the new ones, show
one (its new events; showing it marks it seen, as opening it in the workbench does)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from sitrep.cli.common import DbOption, JsonOption, cell, data_console, open_store, print_json_lines

Analyst = Annotated[
    str,
    typer.Option(help="whose views (the workbench's one local user is 'local'; a team's names)"),
]
Name = Annotated[str, typer.Argument(help="the view's name")]

watch_app = typer.Typer(
    help="Watched views: saved explorer filters, with what is new since you last opened them.",
    no_args_is_help=True,
)


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    """Add this area's commands to the sitrep CLI."""
    watch_app.command("add")(add)
    watch_app.command("list")(list_views)
    watch_app.command("show")(show)
    watch_app.command("remove")(remove)
    app.add_typer(watch_app, name="watch")
    app.command("status-history")(status_history)


def add(
    name: Name,
    filter: Annotated[
        str,
        typer.Argument(
            help="the explorer's filter as its URL writes it: 'admin1=Aleppo&since=2016-10' "
            "(or the whole #/events?... address; '' for every event)"
        ),
    ] = "",
    analyst: Analyst = "local",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Save an explorer filter under a name (the same name again replaces it)."""
    from sitrep.read.watch import save_view

    view = save_view(open_store(db), name, filter, analyst)
    if as_json:
        print_json_lines([view])
    else:
        typer.echo(f"watching {view['name']!r}: {view['total']} events ({view['filter'] or 'all'})")


def list_views(
    analyst: Analyst = "local", db: DbOption = None, as_json: JsonOption = False
) -> None:
    """The watched views: how many events each keeps now, how many are new or updated since
    last opened."""
    from sitrep.read.watch import watched_views

    store = open_store(db)
    with store.read() as conn:
        views = watched_views(conn, analyst)
    if as_json:
        print_json_lines(views)
        return
    if not views:
        typer.echo("no watched view yet: `sitrep watch add NAME 'FILTER'` saves one")
        return
    table = Table("view", "events", "new", "updated", "filter", "last opened")
    for v in views:
        table.add_row(cell(v["name"]), str(v["total"]), str(v["new"]), str(v["updated"]),
                      cell(v["filter"] or "all"),
                      cell(v["seen_at"][:16].replace("T", " ")))  # fmt: skip
    data_console().print(table)


def show(
    name: Name, analyst: Analyst = "local", db: DbOption = None, as_json: JsonOption = False
) -> None:
    """One view's events new and updated since it was last opened; marks it seen."""
    from sitrep.read.watch import open_view

    opened = open_view(open_store(db), name, analyst)
    view, new, updated = opened["view"], opened["new_events"], opened["updated_events"]
    if as_json:
        print_json_lines([{**view, "new_events": [_brief(r) for r in new],
                           "updated_events": [_changed(r) for r in updated]}])  # fmt: skip
        return
    console = data_console()
    since = view["seen_at"][:16].replace("T", " ")
    said = (f"{view['name']}: {view['total']} events, {view['new']} new and {view['updated']} "
            f"updated since {since}")  # fmt: skip
    console.print(cell(f"{said} ({view['filter'] or 'all'})"))
    if new:
        console.print(cell("new"))
        console.print(_table(new))
    if updated:
        console.print(cell("updated (a report joined them, or their status changed)"))
        console.print(_table(updated))
        for r in updated:  # what changed, one line each: the table has no room for it
            console.print(cell(f"{r['id']}: {_what_changed(r)}"))


def _table(rows: list[dict[str, Any]]) -> Table:
    table = Table("date", "type", "event", "place", "status", "killed", "id")
    for r in rows:
        table.add_row(cell(r["time_start"] or "undated"), cell(r["type"]), cell(r["summary"]),
                      cell(r["place_name"] or ""), cell(r["status"]), str(r["fatalities"]),
                      cell(r["id"]))  # fmt: skip
    return table


def _what_changed(row: dict[str, Any]) -> str:
    """An updated event's change in words: "new report", "corroborated -> contested (why)"."""
    said = ["new report"] if row["reported_again"] else []
    if (status := row["status_change"]) is not None:
        said.append(f"{status['old']} -> {status['new']} ({status['why']})")
    return "; ".join(said)


def remove(name: Name, analyst: Analyst = "local", db: DbOption = None) -> None:
    """Stop watching a view."""
    from sitrep.read.watch import remove_view

    remove_view(open_store(db), name, analyst)
    typer.echo(f"no longer watching {name!r}")


def status_history(
    event: Annotated[str, typer.Argument(help="event id")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """When and why an event's status changed, oldest first (what makes a watched view call it
    updated with no new report)."""
    from sitrep.read.status_history import status_history as history

    with open_store(db).read() as conn:
        changes = history(conn, event)
    if as_json:
        print_json_lines(list(changes))
        return
    if not changes:
        typer.echo(f"no status change recorded for {event}")
    for c in changes:
        was = f" (as {c['was_event']})" if c["was_event"] != c["event_id"] else ""
        said = f"{c['changed_at'][:19]}  {c['old_status']} -> {c['new_status']}{was}  {c['why']}"
        typer.echo(said)


def _brief(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "type", "summary", "time_start", "time_end", "status", "place_name", "fatalities")
    return {k: row[k] for k in keys}


def _changed(row: dict[str, Any]) -> dict[str, Any]:
    """An updated event, with what changed: a new report, its status (old, new, when, why)."""
    return {**_brief(row), "reported_again": row["reported_again"],
            "status_change": row["status_change"]}  # fmt: skip
