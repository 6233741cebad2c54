"""Entities by any name, and the CLI's entity merge and split: thin calls into the ledger of
analyst decisions (`sitrep.ledger`), which logs them and re-applies them on every run."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from sitrep.errors import UsageError
from sitrep.store import Store

if TYPE_CHECKING:
    from sitrep.read.records import EntityRow, JudgementRow


def find_entity(conn: Connection, name_or_id: str) -> EntityRow:
    """An entity by id, pack id, name or alias (the read model's lookup)."""
    from sitrep.read.entities import find_entity as found

    return found(conn, name_or_id)


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


def list_judgements(store: Store) -> list[JudgementRow]:
    """The log of decisions in the order taken (the read model's query)."""
    from sitrep.read.judgements import list_judgements as listed

    with store.read() as conn:
        return listed(conn)
