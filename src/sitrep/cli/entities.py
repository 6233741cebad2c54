"""`sitrep entities`, `entity`, `merge`, `split`, `judgements`, `eval names`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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

out = data_console()  # names, aliases and sentences are page data: never markup

if TYPE_CHECKING:
    from sitrep.read.records import DossierNamed


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    """Add this area's commands to the sitrep CLI."""
    app.command("entities")(entities)
    app.command("entity")(entity)
    app.command("merge")(merge)
    app.command("split")(split)
    app.command("judgements")(judgements)
    eval_app.command("names")(eval_names)
    eval_app.command("junk")(eval_junk)
    eval_app.command("splits")(eval_splits)


def entities(
    db: DbOption = None,
    entity_type: Annotated[
        str | None, typer.Option("--type", help="person, group, place ...")
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """List canonical entities with the spellings seen and how often they are mentioned."""
    from sitrep.read.entities import list_entities

    with open_store(db).read() as conn:
        rows = list_entities(conn, entity_type)
    if json_out:
        print_json_lines(rows)
        return
    table = Table("id", "name", "type", "mentions", "docs", "aliases seen")
    for r in rows:
        table.add_row(cell(r["id"]), cell(r["name"]), cell(r["type"]), str(r["mentions"]),
                      str(r["documents"]), cell(", ".join(r["aliases_seen"])))  # fmt: skip
    out.print(table)


def entity(
    name_or_id: Annotated[str, typer.Argument(help="entity id, pack id, name or alias")],
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """One entity's dossier: aliases, positions and affiliations, mentions, co-mentions."""
    from sitrep.read.dossier import dossier_named

    with open_store(db).read() as conn:
        dossier = dossier_named(conn, name_or_id)
    if json_out:
        print_json_lines([dossier])
        return
    _print_dossier(dossier)


def _print_dossier(d: DossierNamed) -> None:
    out.print(Text.assemble(cell(d["name"], "bold"), cell(f"  {d['id']}  ({d['type']})")))
    out.print(cell("aliases: " + ", ".join(a["alias"] for a in d["aliases"])))
    attributes = d.get("attributes") or {}
    for key in ("positions", "affiliations"):
        for item in attributes.get(key, []):
            label = item.get("title") or item.get("relation")
            span = f"{item.get('start') or '?'}–{item.get('end') or ''}"
            org = item.get("org") or ""
            out.print(cell(f"  {key[:-1]}: {label} {org} {span}  [{item['source']}]"))
    from sitrep.export.dossier_render import relation_line

    for section, rels in (d.get("relations") or {}).items():  # what the reports say
        for rel in rels:
            if rel["learned"]:
                out.print(cell(f"  {section}: {relation_line(rel)}  [reports]"))
    out.print(f"mentions: {d['n_mentions']} in {len(d['documents'])} documents; "
              f"first seen {d['first_seen']}, last seen {d['last_seen']}")  # fmt: skip
    for s in d["mentions"][:20]:
        out.print(cell(f"  {s['document_id'][:12]}  {s['text']!r}: {s['sentence_text'] or ''}"))
    with_whom = ", ".join(f"{a['name']} ({a['mentions']})" for a in d["appears_with"])
    out.print(cell("appears with: " + with_whom))


def merge(
    a: Annotated[str, typer.Argument(help="entity merged away")],
    b: Annotated[str, typer.Argument(help="entity kept")],
    reason: Annotated[str, typer.Option(help="why (kept in the judgement log)")] = "",
    db: DbOption = None,
) -> None:
    """Merge entity A into entity B; re-running resolution keeps the merge."""
    from sitrep.resolve.judgements import merge_entities

    row = merge_entities(open_store(db), a, b, reason)
    merged = ", ".join(row["targets"]["merged"])
    out.print(cell(f"merged {merged} into {row['targets']['into']} ({row['id']})"))


def split(
    entity_name: Annotated[str, typer.Argument(metavar="ENTITY", help="entity to split")],
    alias: Annotated[list[str], typer.Option("--alias", help="surface form to move (repeat)")],
    reason: Annotated[str, typer.Option(help="why (kept in the judgement log)")] = "",
    db: DbOption = None,
) -> None:
    """Move the mentions written as the given aliases to a new entity."""
    from sitrep.resolve.judgements import split_entity

    row = split_entity(open_store(db), entity_name, alias, reason)
    out.print(cell(f"split {', '.join(alias)} off {row['targets']['from']} "
                   f"into {row['targets']['into']} ({row['id']})"))  # fmt: skip


def judgements(db: DbOption = None, json_out: JsonOption = False) -> None:
    """The log of merge/split/link decisions, by rule or analyst, with reasons."""
    from sitrep.read.judgements import list_judgements

    with open_store(db).read() as conn:
        rows = list_judgements(conn)
    if json_out:
        print_json_lines(rows)
        return
    table = Table("when", "by", "action", "targets", "reason")
    for r in rows:
        table.add_row(*(cell(v) for v in (r["created_at"], r["by"], r["action"],
                                          json.dumps(r["targets"]), r["reason"])))  # fmt: skip
    out.print(table)


def eval_names(
    pairs: Annotated[Path, typer.Argument(help="CSV with columns a, b, kind, same")],
    json_out: JsonOption = False,
) -> None:
    """Precision and recall of `same` on name pairs at the operating threshold."""
    from sitrep.names.evaluate import evaluate_pairs

    s = evaluate_pairs(pairs)
    row = {"pairs": s.pairs, "threshold": s.threshold, "precision": round(s.precision, 4),
           "recall": round(s.recall, 4), "f1": round(s.f1, 4), "errors": len(s.errors)}  # fmt: skip
    if json_out:
        print_json_lines([row])
        return
    out.print(", ".join(f"{k}={v}" for k, v in row.items()))
    for e in s.errors:
        out.print(
            cell(
                f"  gold={e['gold']} score={e['score']}  {e['a']!r} ~ {e['b']!r}  ({e['reasons']})"
            )
        )


def eval_junk(
    db: DbOption = None,
    sample: Annotated[int, typer.Option(help="random entities to list for a hand check")] = 50,
    seed: Annotated[
        int, typer.Option(help="the sample's random seed (a second draw keeps fixes honest)")
    ] = 13,
    json_out: JsonOption = False,
) -> None:
    """Share of entities (two or more mentions) whose name is junk: digits, counts, headline
    verbs, function words, possessives without an apostrophe."""
    from sitrep.resolve.junk_eval import junk_report
    from sitrep.settings import get_settings

    report = junk_report(open_store(db), get_settings().pack, sample, seed)
    if json_out:
        print_json_lines([report.as_dict()])
        return
    out.print(
        f"entities with 2+ mentions: {report.entities}; junk names: {len(report.junk)} "
        f"({report.rate:.1%})",
        markup=False,
    )
    for name, entity_type, why, count in report.junk:
        out.print(f"  junk  {entity_type:7} {count:4}  {name!r}: {why}", markup=False)
    for name, entity_type, count in report.sample:
        out.print(f"  sample {entity_type:7} {count:4}  {name}", markup=False)


def eval_splits(
    db: DbOption = None,
    examples: Annotated[int, typer.Option(help="examples of each kind to list")] = 30,
    json_out: JsonOption = False,
) -> None:
    """How many entities split one actor (a pack name inside a longer name, or the same
    folded name twice) and how many aliases are names run together (a list of places)."""
    from sitrep.resolve.split_eval import split_report
    from sitrep.settings import get_settings

    report = split_report(open_store(db), get_settings().pack)
    if json_out:
        print_json_lines([report.counts()])
        return
    for key, value in report.counts().items():
        out.print(f"{key}: {value}", markup=False)
    for name, entity_type, count, why in sorted(report.splits, key=lambda s: -s[2])[:examples]:
        out.print(f"  split {entity_type:7} {count:4}  {name!r}: {why}", markup=False)
    for entity, alias, count in sorted(report.list_aliases, key=lambda a: -a[2])[:examples]:
        out.print(f"  list  {count:4}  {entity!r} alias {alias!r}", markup=False)
    for group in report.cross_type[:examples]:
        out.print(f"  cross-type  {group}", markup=False)
