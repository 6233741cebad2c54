"""Events and claims for callers holding a Store; the queries are the read model's
(`sitrep.read`), so every surface answers alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.store import Store

if TYPE_CHECKING:
    from sitrep.read.records import EventDetail, EventRow, ListedClaim


def list_events(
    store: Store,
    type_: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
) -> list[EventRow]:
    """Events, filtered as `sitrep.read.events.EventFilter` says."""
    from sitrep.read.events import EventFilter
    from sitrep.read.events import list_events as listed

    with store.read() as conn:
        return listed(
            conn,
            EventFilter.of(
                {
                    "type": type_,
                    "actor": actor,
                    "place": place,
                    "since": since,
                    "until": until,
                    "status": status,
                }
            ),
        )


def get_event(store: Store, event_id: str) -> EventDetail:
    """One event with its mentions and every claim (outlet, chain, stance, sentence)."""
    from sitrep.read.claims import event_with_claims

    with store.read() as conn:
        return event_with_claims(conn, event_id)


def list_claims(store: Store, contested: bool = False) -> list[ListedClaim]:
    """Claims with their event; `contested` keeps those of contested or denied events."""
    from sitrep.read.claims import list_claims as listed

    with store.read() as conn:
        return listed(conn, contested)
