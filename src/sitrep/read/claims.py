"""Claims: who asserts, reports, confirms or denies what, with their source and event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Select, and_, case, select

from sitrep.read.columns import EM, EV, C, D, E, claims_query, record, records, where_given
from sitrep.read.dating import dating
from sitrep.read.events import event_mentions, get_event
from sitrep.read.judgements import judgements_about
from sitrep.read.records import (
    ClaimRecord,
    ClaimSource,
    DossierRelation,
    EntityBrief,
    EventClaim,
    EventDetail,
    EventParticipant,
    EventSources,
    FirstReport,
    ListedClaim,
)
from sitrep.read.relations import dossier_relations


def claims_filtered(
    contested: bool | None = None, stance: str | None = None, event: str | None = None
) -> Select[Any]:
    """Claims, oldest source first; `contested` True keeps those of contested or denied events
    (False the others), `stance` one stance, `event` one event's."""
    query = claims_query()
    if contested is not None:
        disputed = EV.c.status.in_(["contested", "denied"])
        query = query.where(disputed if contested else ~disputed)
    return where_given(query, (C.c.stance, stance), (EM.c.event_id, event))


def list_claims(conn: Connection, contested: bool = False) -> list[ListedClaim]:
    """Every claim (or those of contested or denied events), each with its event's
    `event_summary` and `event_status` (also as `summary`, `status`, as the CLI has them)."""
    found = records(conn, claims_filtered(True if contested else None), ClaimRecord)
    return [ListedClaim(**c, summary=c["event_summary"], status=c["event_status"]) for c in found]


def claims_by_event(conn: Connection) -> dict[str, list[EventClaim]]:
    """Claims grouped by the event their mention was corroborated into, with their document, in
    reading order: earliest report first, and within a report the sentence that tells it first
    (a lead before the follow-up sentences that repeat it). A mention that extraction linked
    forward to a later sentence's telling (a standfirst above the story, the teaser of its
    lede) is read right after that telling: the story tells the happening, the teaser repeats
    it."""
    query = _in_reading_order(
        select(
            C,
            EM.c.event_id,
            D.c.title.label("document_title"),
            D.c.url.label("document_url"),
            D.c.site.label("document_site"),
            D.c.published.label("document_published"),
        )
    )
    grouped: dict[str, list[EventClaim]] = defaultdict(list)
    for row in conn.execute(query).mappings():
        grouped[row["event_id"]].append(record(row, EventClaim))
    return dict(grouped)


def claim_sources_by_event(conn: Connection, events: Select[Any]) -> dict[str, list[ClaimSource]]:
    """Who each claim of the events `events` (a query of event ids) selects comes from (its
    outlet, its document and the document's site), grouped by event in `claims_by_event`'s
    order: the explorer's outlets and sources, read without reading every claim."""
    columns = (EM.c.event_id, C.c.outlet, D.c.site, C.c.document_id, D.c.title, D.c.url)
    query = _in_reading_order(select(*columns)).where(EM.c.event_id.in_(events))
    grouped: dict[str, list[ClaimSource]] = defaultdict(list)
    # plain tuples: a mapping and a record copy a claim took a third of this read's 0.7 s at
    # 33k claims (an unfiltered explorer view)
    for event_id, outlet, site, doc, title, url in conn.execute(query).tuples():
        grouped[event_id].append(
            {
                "event_id": event_id,
                "outlet": outlet,
                "document_site": site,
                "document_id": doc,
                "document_title": title,
                "document_url": url,
            }
        )
    return dict(grouped)


def event_sources(claims: Iterable[ClaimSource | EventClaim]) -> EventSources:
    """The sources of one event from its claims in reading order (`claims_by_event`,
    `claim_sources_by_event`: earliest published report first): the first report's document
    and how many documents its claims come from. The one reading of "an event's sources" that
    the explorer's rows, the CSV exports and the JSON exports cite."""
    first: FirstReport | None = None
    documents: set[str] = set()
    for claim in claims:
        if first is None:
            first = {
                "document_id": claim["document_id"],
                "title": claim["document_title"],
                "url": claim["document_url"],
            }
        documents.add(claim["document_id"])
    return {"first_report": first, "n_documents": len(documents)}


def _in_reading_order(query: Select[Any]) -> Select[Any]:
    """Claims joined to their event mention and document, in `claims_by_event`'s order."""
    forward = and_(EM.c.retells.is_not(None), EM.c.retells > C.c.sentence)
    told_at = case((forward, EM.c.retells), else_=C.c.sentence)
    return (
        query.select_from(C)
        .join(EM, EM.c.id == C.c.event_mention_id)
        .join(D, D.c.id == C.c.document_id)
        .where(EM.c.event_id.is_not(None))
        .order_by(
            EM.c.event_id,
            D.c.published.asc().nulls_last(),
            C.c.document_id,
            told_at,
            case((forward, 1), else_=0),
            C.c.start,
            C.c.id,
        )
    )


def event_claims(conn: Connection, event_id: str) -> list[ClaimRecord]:
    return records(conn, claims_query().where(EM.c.event_id == event_id), ClaimRecord)


def entity_brief(conn: Connection, entity_id: str | None) -> EntityBrief | None:
    if not entity_id:
        return None
    columns = (E.c.id, E.c.name, E.c.type, E.c.country, E.c.lat, E.c.lon, E.c.precision)
    row = conn.execute(select(*columns).where(E.c.id == entity_id)).mappings().first()
    return record(row, EntityBrief) if row else None


def positions_held(conn: Connection, entity_id: str) -> list[DossierRelation]:
    """The positions an entity holds, as its dossier lists them (the dossier's positions
    section also has those held *in* an organisation, which are its people's, not its own)."""
    positions = dossier_relations(conn, entity_id)["positions"]
    return [p for p in positions if p["direction"] == "outgoing"]


def place_admin1(conn: Connection, place_entity_id: str | None) -> str | None:
    """The governorate (admin1) a place entity is in, as the explorer reads it for a row
    (`export.data.event_place`): the key its `admin1` filter matches, so the event page can ask
    the explorer for the events near this one."""
    if not place_entity_id:
        return None
    found = conn.execute(select(E.c.attributes).where(E.c.id == place_entity_id)).scalar()
    admin1 = found.get("admin1") if isinstance(found, dict) else None
    return admin1 if isinstance(admin1, str) and admin1 else None


def event_with_claims(conn: Connection, event_id: str) -> EventDetail:
    """One event: its row, participants with their entity's type and the positions it holds,
    the place entity, its event mentions, every claim (outlet, chain, stance, sentence) and
    the judgements on it."""
    event = get_event(conn, event_id)
    participants: list[EventParticipant] = []
    for p in event["participants"] or []:
        brief = entity_brief(conn, p.get("entity_id"))
        participants.append(
            {
                **p,
                "entity_type": brief["type"] if brief else None,
                "positions": positions_held(conn, brief["id"]) if brief else [],
            }
        )
    detail = {
        **event,
        "participants": participants,
        "place_entity": entity_brief(conn, event["place_entity_id"]),
        "admin1": place_admin1(conn, event["place_entity_id"]),
        "dating": dating(event["time_method"]),
        "mentions": event_mentions(conn, event_id),
        "claims": event_claims(conn, event_id),
        "judgements": judgements_about(conn, event_id),
    }
    return record(detail, EventDetail)
