"""An entity's dossier: names, attributes, mentions in context, events, neighbours, sources.

The one dossier: the API serves it as it is, the CLI prints it (`cli_dossier` adds the few
summary fields the terminal shows), and the Markdown/HTML export cites the same events."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, and_, func, select

from sitrep.errors import NotFoundError
from sitrep.read.columns import DOCUMENT_REF, MENTION_SPAN, record, records
from sitrep.read.events import EventFilter, events_query
from sitrep.read.judgements import judgements_about
from sitrep.read.records import (
    Alias,
    CoOccurring,
    Dossier,
    DossierNamed,
    DossierSource,
    EntityEvent,
    EntityRow,
    EventRow,
    MentionCitation,
    MentionInContext,
    NamedOrganisation,
    Participant,
)
from sitrep.read.relations import dossier_relations
from sitrep.store import schema

D, S, M, E = schema.documents, schema.sentences, schema.mentions, schema.entities
EV, A = schema.events, schema.entity_aliases
MENTION_CAP = 200


def participant_ids(event: Mapping[str, Any]) -> set[str]:
    """The ids of the entities taking part in the event (unnamed participants have none)."""
    participants: list[Participant] = event.get("participants") or []
    return {entity for p in participants if (entity := p.get("entity_id"))}


def entity_row(conn: Connection, entity_id: str) -> EntityRow:
    row = conn.execute(select(E).where(E.c.id == entity_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"no entity with id {entity_id!r}", hint="see /api/entities")
    return record(row, EntityRow)


def dossier(conn: Connection, entity_id: str) -> Dossier:
    entity = entity_row(conn, entity_id)
    aliases = select(A.c.alias, A.c.source).where(A.c.entity_id == entity_id)
    events = entity_events(conn, entity_id)
    n_mentions = conn.execute(select(func.count()).where(M.c.entity_id == entity_id)).scalar_one()
    return {
        **entity,
        "aliases": records(conn, aliases.order_by(A.c.alias), Alias),
        "n_mentions": int(n_mentions),
        "mentions": mentions_in_context(conn, entity_id),
        "events": events,
        "co_occurring": co_occurring(conn, entity_id, events),
        "sources": sources(conn, entity_id),
        "judgements": judgements_about(conn, entity_id),
        "relations": dossier_relations(conn, entity_id),  # pack and learned, told apart
        "organisations": named_organisations(conn, entity["attributes"]),
    }


def named_organisations(conn: Connection, attributes: Any) -> dict[str, NamedOrganisation]:
    """The entities the `org` of each position and affiliation names (a pack id, or an id),
    so a dossier links them without one look-up per organisation."""
    orgs = sorted(
        {
            str(value["org"])
            for values in (attributes or {}).values()
            for value in (values if isinstance(values, list) else [values])
            if isinstance(value, dict) and value.get("org")
        }
        if isinstance(attributes, dict)
        else set()
    )
    if not orgs:
        return {}
    found: dict[str, NamedOrganisation] = {}
    query = select(E.c.id, E.c.name, E.c.type, E.c.pack_id).where(
        E.c.id.in_(orgs) | E.c.pack_id.in_(orgs)
    )
    for row in sorted(conn.execute(query), key=lambda r: r.id):  # the first id, as names read
        for org in (row.id, row.pack_id):
            if org in orgs and org not in found:
                found[org] = {"id": row.id, "name": row.name, "type": row.type}
    return found


def mentions_in_context(conn: Connection, entity_id: str) -> list[MentionInContext]:
    query = (
        select(
            M.c.id,
            M.c.document_id,
            *MENTION_SPAN,
            S.c.text.label("sentence_text"),
            S.c.start.label("sentence_start"),
            *DOCUMENT_REF,
        )
        .select_from(
            M.join(D, D.c.id == M.c.document_id).outerjoin(
                S, and_(S.c.document_id == M.c.document_id, S.c.idx == M.c.sentence)
            )
        )
        .where(M.c.entity_id == entity_id)
        .order_by(D.c.published, M.c.document_id, M.c.start)
        .limit(MENTION_CAP)
    )
    return records(conn, query, MentionInContext)


def mention_citations(conn: Connection, entity_id: str) -> list[MentionCitation]:
    """Where the entity is named, as the dossier export cites it: the mention's sentence when
    stored, else the mention alone; undated reports last."""
    men, docs, sents = M, D, S
    query = (
        select(
            men.c.document_id,
            men.c.start,
            men.c.end,
            docs.c.title,
            docs.c.url,
            docs.c.published,
            docs.c.site,
            func.coalesce(sents.c.text, men.c.text).label("sentence"),
        )
        .join(docs, docs.c.id == men.c.document_id)
        .outerjoin(
            sents, (sents.c.document_id == men.c.document_id) & (sents.c.idx == men.c.sentence)
        )
        .where(men.c.entity_id == entity_id)
        .order_by(docs.c.published.asc().nulls_last(), men.c.document_id, men.c.start)
        .limit(MENTION_CAP)
    )
    return records(conn, query, MentionCitation)


def entity_events(conn: Connection, entity_id: str) -> list[EntityEvent]:
    """The events the entity takes part in or is the place of, each with its `roles`: the
    same events `sitrep events --actor ID` and `/api/events?actor=ID` list."""
    keep = ("id", "type", "summary", "time_start", "time_end", "time_precision", "status",
            "n_origins", "participants", "place_entity_id")  # fmt: skip
    found = []
    for row in records(conn, events_query(conn, EventFilter(entity=entity_id)), EventRow):
        participants = row["participants"] or []
        roles = [p["role"] for p in participants if p.get("entity_id") == entity_id]
        if row["place_entity_id"] == entity_id:
            roles.append("place")
        full: dict[str, Any] = dict(row)
        event = {k: full[k] for k in keep}
        found.append(record({**event, "roles": roles}, EntityEvent))
    return found


def co_occurring(
    conn: Connection, entity_id: str, events: list[EntityEvent], top: int = 25
) -> list[CoOccurring]:
    """Entities named in the same sentences, and fellow participants of its events."""
    mine = M.alias("mine")
    other = M.alias("other")
    query = (
        select(other.c.entity_id, func.count(func.distinct(other.c.id)).label("n"))
        .select_from(
            mine.join(
                other,
                and_(
                    other.c.document_id == mine.c.document_id,
                    other.c.sentence == mine.c.sentence,
                ),
            )
        )
        .where(mine.c.entity_id == entity_id, other.c.entity_id.is_not(None))
        .where(other.c.entity_id != entity_id)
        .group_by(other.c.entity_id)
    )
    counts: dict[str, dict[str, int]] = {}
    for other_id, n in conn.execute(query):
        counts.setdefault(other_id, {"sentences": 0, "events": 0})["sentences"] = int(n)
    for event in events:
        for pid in participant_ids(event) | {event["place_entity_id"] or entity_id}:
            if pid != entity_id:
                counts.setdefault(pid, {"sentences": 0, "events": 0})["events"] += 1
    names = _names(conn, set(counts))
    ranked = sorted(counts.items(), key=lambda kv: (-(kv[1]["sentences"] + kv[1]["events"]), kv[0]))
    return [
        record({"id": eid, **names.get(eid, {"name": eid, "type": None}), **n}, CoOccurring)
        for eid, n in ranked[:top]
    ]


def _names(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    found = conn.execute(select(E.c.id, E.c.name, E.c.type).where(E.c.id.in_(sorted(ids))))
    return {r.id: {"name": r.name, "type": r.type} for r in found}


def sources(conn: Connection, entity_id: str) -> list[DossierSource]:
    query = (
        select(
            D.c.id,
            D.c.title,
            D.c.site,
            D.c.published,
            D.c.url,
            func.count(M.c.id).label("mentions"),
        )
        .select_from(M.join(D, D.c.id == M.c.document_id))
        .where(M.c.entity_id == entity_id)
        .group_by(D.c.id, D.c.title, D.c.site, D.c.published, D.c.url)
        .order_by(D.c.published, D.c.id)
    )
    return records(conn, query, DossierSource)


def dossier_named(conn: Connection, name_or_id: str) -> DossierNamed:
    """The dossier of the entity a name, alias or id names, with the summary the terminal
    shows: documents, first and last seen, and who it appears with most."""
    from sitrep.read.entities import find_entity

    found = dossier(conn, find_entity(conn, name_or_id)["id"])
    published = sorted(s["published"] for s in found["sources"] if s["published"])
    return {
        **found,
        "documents": [{"id": s["id"], "title": s["title"]} for s in found["sources"]],
        "first_seen": published[0] if published else None,
        "last_seen": published[-1] if published else None,
        "appears_with": [
            {"id": c["id"], "name": c["name"], "mentions": c["sentences"] + c["events"]}
            for c in found["co_occurring"][:10]
        ],
    }
