"""Events and claims for callers holding a Store; the queries are the read model's
(`sitrep.read.events`, `sitrep.read.columns`), so every surface answers alike."""

from __future__ import annotations

from typing import Any

from sitrep.store import Store


def list_events(
    store: Store,
    type_: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """Events, filtered as `sitrep.read.events.EventFilter` says."""
    from sitrep.read.events import EventFilter
    from sitrep.read.events import list_events as listed

    with store.read() as conn:
        return listed(conn, EventFilter(type_, actor, place, since, until, status))


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """One event with its mentions and every claim (outlet, chain, stance, sentence)."""
    from sitrep.read.columns import claims_query, rows
    from sitrep.read.events import EM, event_mentions
    from sitrep.read.events import get_event as read_event

    with store.read() as conn:
        event = read_event(conn, event_id)
        event["mentions"] = event_mentions(conn, event_id)
        event["claims"] = rows(conn, claims_query().where(EM.c.event_id == event_id))
    return event


def list_claims(store: Store, contested: bool = False) -> list[dict[str, Any]]:
    """Claims with their event; `contested` keeps those of contested or denied events."""
    from sitrep.read.columns import claims_query, rows
    from sitrep.read.events import EV

    query = claims_query()
    if contested:
        query = query.where(EV.c.status.in_(["contested", "denied"]))
    with store.read() as conn:
        found = rows(conn, query)
    for claim in found:  # the names this list has always used
        claim["summary"], claim["status"] = claim["event_summary"], claim["event_status"]
    return found
