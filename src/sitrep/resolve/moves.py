"""Moving every mention of one entity into another, as the store-wide passes after resolution
do (`crosstype`: one type per name; `spellings`: one place across spellings)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from sitrep.store import insert_ignore, schema


def move_mentions(
    conn: Connection,
    moves: Sequence[tuple[str, str, str]],
    judgements: Sequence[dict[str, Any]] = (),
) -> int:
    """Each (from entity, into entity, reason): the mentions of the first go to the second,
    their resolution saying why and their spellings becoming its aliases; the judgements are
    logged. Returns the number of mentions moved."""
    men = schema.mentions
    updates: list[dict[str, Any]] = []
    aliases: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, reason in moves:
        query = select(men.c.id, men.c.text, men.c.resolution).where(men.c.entity_id == source)
        for mention_id, text, resolution in conn.execute(query.order_by(men.c.id)):
            why = f"{resolution or ''}; {reason}"
            updates.append({"mid": mention_id, "eid": target, "why": why})
            alias = str(text).strip()
            if alias:
                aliases[(target, alias)] = {"entity_id": target, "alias": alias, "source": "seen"}
    if updates:
        conn.execute(
            update(men)
            .where(men.c.id == bindparam("mid"))
            .values(entity_id=bindparam("eid"), resolution=bindparam("why")),
            updates,
        )
        insert_ignore(conn, schema.entity_aliases, list(aliases.values()))
    if judgements:
        insert_ignore(conn, schema.judgements, list(judgements))
    return len(updates)


__all__ = ["move_mentions"]
