"""Entities by any name, and the CLI's entity merge and split: thin calls into the ledger of
analyst decisions (`sitrep.ledger`), which logs them and re-applies them on every run."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from sitrep.errors import NotFoundError, UsageError
from sitrep.store import LIKE_ESCAPE, Store, like_literal, schema


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


def reapply_analyst_judgements(conn: Connection) -> int:
    """Re-apply every active analyst decision (the ledger's one re-applier)."""
    from sitrep import ledger

    return ledger.reapply(conn)


def merge_entities(
    store: Store, a: str, b: str, reason: str = "", analyst: str = "analyst"
) -> dict[str, Any]:
    """Merge entity A into entity B (names or ids), through the ledger. B keeps its id."""
    from sitrep import ledger

    with store.read() as conn:
        source, target = find_entity(conn, a), find_entity(conn, b)
    if source["id"] == target["id"]:
        raise UsageError(f"{a!r} and {b!r} are already the same entity ({source['id']})")
    done = ledger.decide(store, analyst, reason or "merged by analyst", ledger.merge_entities,
                         target["id"], [source["id"]])  # fmt: skip
    row: dict[str, Any] = done["judgement"]
    return row


def split_entity(
    store: Store, entity: str, aliases: list[str], reason: str = "", analyst: str = "analyst"
) -> dict[str, Any]:
    """Move the mentions of ENTITY written as one of ALIASES to a new entity (the ledger)."""
    from sitrep import ledger

    if not aliases:
        raise UsageError("give at least one --alias to split off")
    with store.read() as conn:
        found = find_entity(conn, entity)
    done = ledger.decide(store, analyst, reason or "split by analyst", ledger.split_entity,
                         found["id"], spellings=aliases)  # fmt: skip
    row: dict[str, Any] = done["judgement"]
    return row


def list_judgements(store: Store) -> list[dict[str, Any]]:
    jdg = schema.judgements
    with store.read() as conn:
        query = select(jdg).order_by(jdg.c.created_at, jdg.c.id)
        return [dict(r) for r in conn.execute(query).mappings()]
