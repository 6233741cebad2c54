"""The entity list and one entity's dossier, for callers of the store (the read model owns
the queries: `sitrep.read`)."""

from __future__ import annotations

from typing import Any

from sitrep.store import Store


def list_entities(store: Store, entity_type: str | None = None) -> list[dict[str, Any]]:
    """Entities with at least one mention: name, type, aliases seen, mentions, documents."""
    from sitrep.read.entities import list_entities as listed

    with store.read() as conn:
        return listed(conn, entity_type)


def entity_dossier(store: Store, name_or_id: str) -> dict[str, Any]:
    """One entity's dossier, by id, pack id, name or alias."""
    from sitrep.read.dossier import dossier_named

    with store.read() as conn:
        return dossier_named(conn, name_or_id)
