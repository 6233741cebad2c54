"""The one re-applier: every run ends its resolution with `reapply`, and corroboration groups
events with `event_groupings`, so a decision made anywhere (CLI, API, UI) survives every
following ingest and a full re-run. Judgements are read in the order they were taken."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, select

from sitrep.ledger.apply import apply, is_event
from sitrep.ledger.judgement import EventMerge, EventSplit, Judgement, Undo, parse
from sitrep.store import schema

J = schema.judgements


@dataclass(frozen=True)
class Logged:
    """A judgement with its row's id, as the ledger holds it."""

    id: str
    judgement: Judgement


def active(conn: Connection) -> Iterator[Logged]:
    """The analyst judgements in force (not undone), oldest first; rows in a shape the ledger
    does not know are skipped (`unknown` counts them)."""
    query = (
        select(J.c.id, J.c.subject, J.c.action, J.c.targets)
        .where(J.c.by == "analyst", J.c.active.is_(True))
        .order_by(J.c.created_at, J.c.id)
    )
    for row in conn.execute(query):
        judgement = parse(row.subject, row.action, row.targets)
        if judgement is not None and not isinstance(judgement, Undo):
            yield Logged(str(row.id), judgement)


def unknown(conn: Connection) -> int:
    """Active analyst rows the ledger cannot read (reported by `sitrep judgements`)."""
    query = select(J.c.subject, J.c.action, J.c.targets).where(
        J.c.by == "analyst", J.c.active.is_(True)
    )
    return sum(1 for r in conn.execute(query) if parse(r.subject, r.action, r.targets) is None)


def reapply(conn: Connection) -> int:
    """Apply every active entity, mention and claim judgement again; return how many."""
    return sum(1 for logged in active(conn) if apply(conn, logged.judgement))


def event_groupings(conn: Connection) -> list[tuple[str, tuple[str, ...]]]:
    """(merge | split, event mention ids) for every active event judgement, oldest first:
    what corroboration keeps together or apart when it re-groups events."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for logged in active(conn):
        j = logged.judgement
        if is_event(j) and isinstance(j, EventMerge | EventSplit):
            out.append((j.action, j.mentions))
    return out
