"""The entity list and one entity's dossier, for callers of the store (the read model owns
the queries: `sitrep.read`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.store import Store

if TYPE_CHECKING:
    from sitrep.read.records import DossierNamed, EntitySummary


def list_entities(store: Store, entity_type: str | None = None) -> list[EntitySummary]:
    """Entities with at least one mention: name, type, aliases seen, mentions, documents."""
    from sitrep.read.entities import list_entities as listed

    with store.read() as conn:
        return listed(conn, entity_type)


def entity_dossier(store: Store, name_or_id: str) -> DossierNamed:
    """One entity's dossier, by id, pack id, name or alias."""
    from sitrep.read.dossier import dossier_named

    with store.read() as conn:
        return dossier_named(conn, name_or_id)
