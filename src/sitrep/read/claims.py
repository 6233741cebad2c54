"""Claims: who asserts, reports, confirms or denies what, with their source and event."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from sitrep.read.columns import EM, EV, claims_query, rows
from sitrep.read.events import event_mentions, get_event


def list_claims(conn: Connection, contested: bool = False) -> list[dict[str, Any]]:
    """Every claim, oldest source first; `contested` keeps those of contested or denied events.
    Each carries its event's `event_summary` and `event_status` (also as `summary`, `status`)."""
    query = claims_query()
    if contested:
        query = query.where(EV.c.status.in_(["contested", "denied"]))
    found = rows(conn, query)
    for claim in found:  # the names the CLI's list has always used
        claim["summary"], claim["status"] = claim["event_summary"], claim["event_status"]
    return found


def event_claims(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    return rows(conn, claims_query().where(EM.c.event_id == event_id))


def event_with_claims(conn: Connection, event_id: str) -> dict[str, Any]:
    """One event with its mentions and every claim (outlet, chain, stance, sentence)."""
    event = get_event(conn, event_id)
    event["mentions"] = event_mentions(conn, event_id)
    event["claims"] = event_claims(conn, event_id)
    return event
