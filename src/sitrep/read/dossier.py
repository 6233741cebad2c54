"""An entity's dossier: names, attributes, mentions in context, events, neighbours, sources.

The one dossier: the API serves it as it is, the CLI prints it (`cli_dossier` adds the few
summary fields the terminal shows), and the Markdown/HTML export cites the same events."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, func, select

from sitrep.errors import NotFoundError
from sitrep.read.columns import DOCUMENT_REF, MENTION_SPAN, rows
from sitrep.read.events import EventFilter, events_query
from sitrep.read.judgements import judgements_about
from sitrep.read.relations import dossier_relations
from sitrep.store import schema

D, S, M, E = schema.documents, schema.sentences, schema.mentions, schema.entities
EV, A = schema.events, schema.entity_aliases
MENTION_CAP = 200


def participant_ids(event: dict[str, Any]) -> set[str]:
    return {p["entity_id"] for p in event.get("participants") or [] if p.get("entity_id")}


def entity_row(conn: Connection, entity_id: str) -> dict[str, Any]:
    row = conn.execute(select(E).where(E.c.id == entity_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"no entity with id {entity_id!r}", hint="see /api/entities")
    return dict(row)


def dossier(conn: Connection, entity_id: str) -> dict[str, Any]:
    entity = entity_row(conn, entity_id)
    aliases = select(A.c.alias, A.c.source).where(A.c.entity_id == entity_id)
    entity["aliases"] = rows(conn, aliases.order_by(A.c.alias))
    entity["n_mentions"] = int(
        conn.execute(select(func.count()).where(M.c.entity_id == entity_id)).scalar_one()
    )
    entity["mentions"] = mentions_in_context(conn, entity_id)
    entity["events"] = entity_events(conn, entity_id)
    entity["co_occurring"] = co_occurring(conn, entity_id, entity["events"])
    entity["sources"] = sources(conn, entity_id)
    entity["judgements"] = judgements_about(conn, entity_id)
    entity["relations"] = dossier_relations(conn, entity_id)  # pack and learned, told apart
    return entity


def mentions_in_context(conn: Connection, entity_id: str) -> list[dict[str, Any]]:
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
    return rows(conn, query)


def entity_events(conn: Connection, entity_id: str) -> list[dict[str, Any]]:
    """The events the entity takes part in or is the place of, each with its `roles`: the
    same events `sitrep events --actor ID` and `/api/events?actor=ID` list."""
    keep = ("id", "type", "summary", "time_start", "time_end", "time_precision", "status",
            "n_origins", "participants", "place_entity_id")  # fmt: skip
    found = []
    for row in conn.execute(events_query(conn, EventFilter(actor=entity_id))).mappings():
        event = {k: row[k] for k in keep}
        roles = [
            p.get("role") for p in event["participants"] or [] if p.get("entity_id") == entity_id
        ]
        if event["place_entity_id"] == entity_id:
            roles.append("place")
        event["roles"] = roles
        found.append(event)
    return found


def co_occurring(
    conn: Connection, entity_id: str, events: list[dict[str, Any]], top: int = 25
) -> list[dict[str, Any]]:
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
        for pid in participant_ids(event) | {event.get("place_entity_id") or entity_id}:
            if pid != entity_id:
                counts.setdefault(pid, {"sentences": 0, "events": 0})["events"] += 1
    names = _names(conn, set(counts))
    ranked = sorted(counts.items(), key=lambda kv: (-(kv[1]["sentences"] + kv[1]["events"]), kv[0]))
    return [
        {"id": eid, **names.get(eid, {"name": eid, "type": None}), **n} for eid, n in ranked[:top]
    ]


def _names(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    found = conn.execute(select(E.c.id, E.c.name, E.c.type).where(E.c.id.in_(sorted(ids))))
    return {r.id: {"name": r.name, "type": r.type} for r in found}


def sources(conn: Connection, entity_id: str) -> list[dict[str, Any]]:
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
    return rows(conn, query)


def dossier_named(conn: Connection, name_or_id: str) -> dict[str, Any]:
    """The dossier of the entity a name, alias or id names, with the summary the terminal
    shows: documents, first and last seen, and who it appears with most."""
    from sitrep.read.entities import find_entity

    found = dossier(conn, find_entity(conn, name_or_id)["id"])
    published = sorted(s["published"] for s in found["sources"] if s["published"])
    found["documents"] = [{"id": s["id"], "title": s["title"]} for s in found["sources"]]
    found["first_seen"] = published[0] if published else None
    found["last_seen"] = published[-1] if published else None
    found["appears_with"] = [
        {"id": c["id"], "name": c["name"], "mentions": c["sentences"] + c["events"]}
        for c in found["co_occurring"][:10]
    ]
    return found
