"""Read events and claims back for the CLI and the API."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from sitrep.errors import NotFoundError
from sitrep.store import Store
from sitrep.store import schema as s


def list_events(
    store: Store,
    type_: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Events, filtered; `actor` and `place` match names case-insensitively (substring)."""
    query = select(s.events).order_by(s.events.c.time_start, s.events.c.id)
    if type_:
        query = query.where(s.events.c.type == type_.upper())
    if since:
        query = query.where(s.events.c.time_end >= since)
    if until:
        query = query.where(s.events.c.time_start <= until)
    with store.read() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    if actor:
        rows = [
            r
            for r in rows
            if any(actor.lower() in str(p["name"]).lower() for p in r["participants"])
        ]
    if place:
        rows = [r for r in rows if r["place"] and place.lower() in str(r["place"]["name"]).lower()]
    return rows


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """One event with its mentions and every claim (outlet, chain, stance, sentence)."""
    with store.read() as conn:
        row = conn.execute(select(s.events).where(s.events.c.id == event_id)).first()
        if row is None:
            raise NotFoundError(f"no event {event_id!r} in the store", hint="see `sitrep events`")
        event = dict(row._mapping)
        mentions = [
            dict(r._mapping)
            for r in conn.execute(
                select(s.event_mentions).where(s.event_mentions.c.event_id == event_id)
            )
        ]
        ids = [m["id"] for m in mentions]
        claims = [
            dict(r._mapping)
            for r in conn.execute(select(s.claims).where(s.claims.c.event_mention_id.in_(ids)))
        ]
    event["mentions"] = mentions
    event["claims"] = claims
    return event


def list_claims(store: Store, contested: bool = False) -> list[dict[str, Any]]:
    """Claims with their event; `contested` keeps those of contested or denied events."""
    query = (
        select(s.claims, s.event_mentions.c.event_id, s.events.c.summary, s.events.c.status)
        .join(s.event_mentions, s.event_mentions.c.id == s.claims.c.event_mention_id)
        .join(s.events, s.events.c.id == s.event_mentions.c.event_id)
        .order_by(s.event_mentions.c.event_id, s.claims.c.id)
    )
    if contested:
        query = query.where(s.events.c.status.in_(["contested", "denied"]))
    with store.read() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
