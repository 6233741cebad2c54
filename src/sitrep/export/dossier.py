"""The facts of one entity's dossier, gathered from the store; rendering lives apart.

A dossier holds what an analyst needs to cite: the entity's names, positions and affiliations,
the timeline of events it took part in (with each event's corroboration status), and for every
event the claims behind it, each pointing at the exact document and sentence (with offsets).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from sitrep.export import data
from sitrep.read.claims import claims_by_event
from sitrep.read.dossier import mention_citations
from sitrep.read.entities import entities_with_aliases, find_entity
from sitrep.read.events import EventFilter, list_events
from sitrep.read.records import DossierRelation, EntityRow
from sitrep.read.relations import dossier_relations
from sitrep.store import Store


@dataclass(frozen=True)
class Citation:
    document_id: str
    title: str | None
    url: str | None
    published: str | None
    sentence: str
    start: int
    end: int
    site: str | None = None
    outlet: str | None = None
    stance: str | None = None
    hedged: bool = False


@dataclass(frozen=True)
class TimelineEntry:
    event_id: str
    type: str
    mode: str | None
    summary: str
    roles: tuple[str, ...]
    time_start: str | None
    time_end: str | None
    time_precision: str | None
    place: str | None
    place_precision: str | None
    status: str
    status_reason: str
    n_origins: int
    citations: tuple[Citation, ...]


@dataclass
class Dossier:
    entity: EntityRow
    aliases: list[str]
    positions: list[dict[str, Any]]
    affiliations: list[dict[str, Any]]
    timeline: list[TimelineEntry] = field(default_factory=list)
    mentions: list[Citation] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # entity id -> name, for affiliations
    # What the reports say: relations by dossier section (read.relations)
    relations: dict[str, list[DossierRelation]] = field(default_factory=dict)


def _list(attributes: Any, key: str) -> list[dict[str, Any]]:
    values = attributes.get(key) if isinstance(attributes, dict) else None
    return [v if isinstance(v, dict) else {"title": str(v)} for v in values or []]


def _citation(claim: data.ClaimRow) -> Citation:
    return Citation(
        document_id=claim["document_id"],
        title=claim.get("document_title"),
        url=claim.get("document_url"),
        published=claim.get("document_published"),
        site=claim.get("document_site"),
        outlet=claim.get("outlet"),
        sentence=claim["sentence_text"],
        start=claim["start"],
        end=claim["end"],
        stance=claim["stance"],
        hedged=bool(claim["hedged"]),
    )


def _timeline(
    conn: Connection, entity_id: str, known: dict[str, data.EntityRow]
) -> list[TimelineEntry]:
    # the events `sitrep events --actor ID` lists: taking part, or the place
    claims = claims_by_event(conn)
    entries = []
    for event in list_events(conn, EventFilter(entity=entity_id)):
        roles = [
            p.get("role", "") for p in data.participants(event) if p.get("entity_id") == entity_id
        ]
        if event.get("place_entity_id") == entity_id:
            roles.append("place")
        place = data.event_place(event, known)
        entries.append(
            TimelineEntry(
                event_id=event["id"],
                type=event["type"],
                mode=event.get("mode"),
                summary=event.get("summary") or "",
                roles=tuple(roles),
                time_start=event.get("time_start"),
                time_end=event.get("time_end"),
                time_precision=event.get("time_precision"),
                place=place.name,
                place_precision=place.precision,
                status=event["status"],
                status_reason=event.get("status_reason") or "",
                n_origins=event["n_origins"],
                citations=tuple(_citation(c) for c in claims.get(event["id"], [])),
            )
        )
    return entries


def build_dossier(store: Store, name_or_id: str) -> Dossier:
    with store.read() as conn:
        entity = find_entity(conn, name_or_id)
        known = entities_with_aliases(conn)
        attributes = entity.get("attributes") or {}
        dossier = Dossier(
            entity=entity,
            aliases=[a for a in known[entity["id"]]["aliases"] if a != entity["name"]],
            positions=_list(attributes, "positions"),
            affiliations=_list(attributes, "affiliations"),
            names={k: v["name"] for k, v in known.items()},
        )
        dossier.timeline = _timeline(conn, entity["id"], known)
        dossier.relations = dossier_relations(conn, entity["id"])
        dossier.mentions = [Citation(**m) for m in mention_citations(conn, entity["id"])]
    return dossier
