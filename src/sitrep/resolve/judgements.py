"""Analyst decisions on entities: merge two, split surface forms off one. Each is a logged
judgement; resolution re-applies the active ones last, in time order, on every run."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from sitrep.errors import NotFoundError, UsageError
from sitrep.resolve.cluster import clean_name
from sitrep.resolve.ids import split_entity_id
from sitrep.resolve.rows import judgement_row, name_entity_row
from sitrep.store import LIKE_ESCAPE, Store, insert_ignore, like_literal, schema


def find_entity(conn: Connection, name_or_id: str) -> dict[str, Any]:
    """An entity by id, pack id, name or alias (case-insensitive); NotFoundError otherwise."""
    ents, aliases = schema.entities, schema.entity_aliases
    row = (
        conn.execute(select(ents).where((ents.c.id == name_or_id) | (ents.c.pack_id == name_or_id)))
        .mappings()
        .first()
    )
    if row:
        return dict(row)
    folded = name_or_id.casefold()
    literal = like_literal(name_or_id)  # a name, not a pattern: "%" names no entity
    for query in (
        select(ents).where(ents.c.name.ilike(literal, escape=LIKE_ESCAPE)),
        select(ents)
        .join(aliases, aliases.c.entity_id == ents.c.id)
        .where(aliases.c.alias.ilike(literal, escape=LIKE_ESCAPE)),
    ):
        rows = {r["id"]: dict(r) for r in conn.execute(query).mappings()}
        if len(rows) == 1:
            return next(iter(rows.values()))
        if len(rows) > 1:
            raise NotFoundError(
                f"{name_or_id!r} names {len(rows)} entities",
                hint="use one of the ids: " + ", ".join(sorted(rows)),
            )
    raise NotFoundError(f"no entity named {folded!r}", hint="see `sitrep entities`")


def _apply_merge(conn: Connection, source: str, target: str) -> None:
    men, aliases = schema.mentions, schema.entity_aliases
    conn.execute(update(men).where(men.c.entity_id == source).values(entity_id=target))
    rows = conn.execute(select(aliases).where(aliases.c.entity_id == source)).mappings()
    insert_ignore(conn, aliases, [{**dict(r), "entity_id": target} for r in rows])


def _apply_split(conn: Connection, entity: str, names: list[str], new_entity: str) -> None:
    men = schema.mentions
    wanted = {n.casefold() for n in names}
    query = select(men).where(men.c.entity_id == entity).order_by(men.c.id)
    rows = conn.execute(query).mappings().all()
    moved = [
        r["id"]
        for r in rows
        if str(r["text"]).strip().casefold() in wanted or clean_name(dict(r)).casefold() in wanted
    ]
    if moved:
        conn.execute(update(men).where(men.c.id.in_(moved)).values(entity_id=new_entity))
        seen = {str(r["text"]).strip() for r in rows if r["id"] in moved}
        insert_ignore(
            conn,
            schema.entity_aliases,
            [{"entity_id": new_entity, "alias": a, "source": "seen"} for a in sorted(seen)],
        )


def reapply_analyst_judgements(conn: Connection) -> int:
    """Apply every active analyst merge/split in the order they were taken; return the count."""
    jdg = schema.judgements
    query = (
        select(jdg)
        .where(jdg.c.by == "analyst", jdg.c.active.is_(True), jdg.c.subject == "entity")
        .order_by(jdg.c.created_at, jdg.c.id)
    )
    applied = 0
    for row in conn.execute(query).mappings().all():
        targets = row["targets"]
        if row["action"] == "merge":
            # The CLI logs one source ("from"); the API several ("merged").
            sources = targets.get("merged") or [targets["from"]]
            for source in sources:
                _apply_merge(conn, str(source), str(targets["into"]))
        elif row["action"] == "split" and "aliases" in targets:  # the CLI: by spelling
            _apply_split(conn, targets["entity"], list(targets["aliases"]), targets["new_entity"])
        elif row["action"] == "split":  # the API: by mention id (ids are stable across runs)
            _apply_split_mentions(conn, list(targets["mentions"]), str(targets["into"]))
        else:
            continue
        applied += 1
    return applied


def _apply_split_mentions(conn: Connection, mention_ids: list[str], new_entity: str) -> None:
    men = schema.mentions
    if mention_ids:
        conn.execute(update(men).where(men.c.id.in_(mention_ids)).values(entity_id=new_entity))


def merge_entities(
    store: Store, a: str, b: str, reason: str = "", analyst: str = "analyst"
) -> dict[str, Any]:
    """Merge entity A into entity B (names or ids). B keeps its id; A's mentions move to it."""
    with store.transaction() as conn:
        source, target = find_entity(conn, a), find_entity(conn, b)
        if source["id"] == target["id"]:
            raise UsageError(f"{a!r} and {b!r} are already the same entity ({source['id']})")
        targets = {"from": source["id"], "into": target["id"]}
        row = judgement_row("merge", targets, "analyst", analyst, reason or "merged by analyst")
        insert_ignore(conn, schema.judgements, [row])
        _apply_merge(conn, source["id"], target["id"])
    return row


def split_entity(
    store: Store, entity: str, aliases: list[str], reason: str = "", analyst: str = "analyst"
) -> dict[str, Any]:
    """Move the mentions of ENTITY written as one of ALIASES to a new entity."""
    if not aliases:
        raise UsageError("give at least one --alias to split off")
    with store.transaction() as conn:
        found = find_entity(conn, entity)
        new_id = split_entity_id(found["id"], aliases)
        new_type = found["type"] if found["type"] in ("person", "place") else "org"
        insert_ignore(
            conn, schema.entities, [name_entity_row(new_id, new_type, aliases[0], "analyst")]
        )
        targets = {"entity": found["id"], "aliases": sorted(aliases), "new_entity": new_id}
        row = judgement_row("split", targets, "analyst", analyst, reason or "split by analyst")
        insert_ignore(conn, schema.judgements, [row])
        _apply_split(conn, found["id"], aliases, new_id)
    return row


def list_judgements(store: Store) -> list[dict[str, Any]]:
    jdg = schema.judgements
    with store.read() as conn:
        query = select(jdg).order_by(jdg.c.created_at, jdg.c.id)
        return [dict(r) for r in conn.execute(query).mappings()]
