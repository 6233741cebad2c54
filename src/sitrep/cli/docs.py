"""`sitrep docs`, `sitrep doc ID`, `sitrep rejects`: look at what was stored."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from sitrep.cli.common import (
    DbOption,
    JsonOption,
    cell,
    data_console,
    open_store,
    print_json_lines,
)

out = data_console()  # titles, bodies, file names are page data: never markup


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    app.command("docs")(list_documents)
    app.command("doc")(show_document)
    app.command("rejects")(list_rejects)


def list_documents(
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(help="at most this many")] = None,
    json_out: JsonOption = False,
) -> None:
    """List stored documents (id, title, site, published date, language, words, comments)."""
    rows = open_store(db).documents(limit=limit)
    if json_out:
        print_json_lines(rows)
        return
    table = Table(box=None, header_style="bold")
    table.add_column("id", no_wrap=True, min_width=14)
    table.add_column("title", no_wrap=True, overflow="ellipsis", ratio=3, min_width=20)
    table.add_column("site", no_wrap=True, overflow="ellipsis", max_width=18)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("lang", no_wrap=True)
    table.add_column("words", justify="right", no_wrap=True)
    table.add_column("comments", justify="right", no_wrap=True)
    table.add_column("dup of", no_wrap=True)
    for row in rows:
        table.add_row(
            cell(row["id"][:14]),
            cell(row["title"]),
            cell(row["site"]),
            cell(row["published"]),
            cell(row["language"]),
            str(row["word_count"]),
            str(row["comments"]),
            cell((row["duplicate_of"] or "")[:14]),
        )
    out.print(table)
    out.print(f"{len(rows)} documents")


def show_document(
    doc_id: Annotated[str, typer.Argument(help="document id (a unique prefix is enough)")],
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Show one document: metadata, clean body, and its reader comments apart."""
    doc = open_store(db).document(doc_id)
    if json_out:
        print_json_lines([doc])
        return
    out.rule(cell(doc["title"] or doc["id"]))
    for key in ("id", "origin", "url", "site", "author", "language", "encoding", "duplicate_of"):
        if doc.get(key):
            out.print(_field(key, doc[key]))
    if doc["published"]:
        out.print(_field("published", f"{doc['published']} (from {doc['published_source']})"))
    if doc["page_date"]:
        out.print(
            _field(
                "page date",
                f"{doc['page_date']} (from {doc['page_date_source']}; not the publication date)",
            )
        )
    out.print()
    out.print(cell(doc["text"]))
    if doc["comments"]:
        out.rule(f"{len(doc['comments'])} reader comments (user-generated, not part of the body)")
        for c in doc["comments"]:
            reply = f" ↳ reply to #{c['reply_to']}" if c["reply_to"] is not None else ""
            author = c["author"] or "(no author)"
            out.print(
                Text.assemble(
                    (f"#{c['ordinal']} ", "bold"),
                    cell(author, "bold"),
                    " ",
                    cell(f"{c['posted_text'] or ''}{reply}"),
                )
            )
            out.print(cell(c["text"]))


def list_rejects(
    db: DbOption = None,
    all_runs: Annotated[bool, typer.Option("--all", help="every run, not only the latest")] = False,
    json_out: JsonOption = False,
) -> None:
    """List rejected inputs with their reasons (the latest ingest run by default)."""
    store = open_store(db)
    run = None if all_runs else store.latest_run("ingest")
    rows = store.rejects(run["id"] if run else None)
    if json_out:
        print_json_lines(rows)
        return
    table = Table("reason", "stage", "input", "detail")
    for row in rows:
        table.add_row(
            cell(row["reason"]), cell(row["stage"]), cell(row["origin"]), cell(row["detail"])
        )
    out.print(table)
    out.print(f"{len(rows)} rejected")


def _field(name: str, value: object) -> Text:
    return Text.assemble((name, "bold"), ": ", cell(value))
