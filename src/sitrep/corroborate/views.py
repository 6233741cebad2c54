"""Read what corroboration needs from the store: mention views, claim views, judgements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from sitrep.corroborate.cluster import AnalystJudgement
from sitrep.corroborate.compat import MentionView
from sitrep.corroborate.origins import ClaimView, name_key
from sitrep.resolve.ids import pack_entity_id
from sitrep.store import chunked
from sitrep.store import schema as s

ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "LOC", "GPE", "FAC"})


def _span_entities(conn: Connection, doc_ids: set[str]) -> dict[tuple[str, int, int], str]:
    """(document, start, end) -> canonical entity id, from resolution's work on mentions."""
    found: dict[tuple[str, int, int], str] = {}
    for chunk in chunked(sorted(doc_ids)):
        rows = conn.execute(
            select(
                s.mentions.c.document_id,
                s.mentions.c.start,
                s.mentions.c.end,
                s.mentions.c.entity_id,
            )
            .where(s.mentions.c.document_id.in_(chunk))
            .where(s.mentions.c.entity_id.is_not(None))
        )
        found.update({(r.document_id, r.start, r.end): r.entity_id for r in rows})
    return found


def _places(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    columns = (s.entities.c.id, s.entities.c.name, s.entities.c.country, s.entities.c.precision)
    return {
        r.id: dict(r._mapping)
        for chunk in chunked(sorted(ids))
        for r in conn.execute(select(*columns).where(s.entities.c.id.in_(chunk)))
    }


def participant_key(
    part: dict[str, Any], doc_id: str, resolved: dict[tuple[str, int, int], str]
) -> str | None:
    """The canonical id of a participant, else its pack id, else a name key; None for plain NPs."""
    entity = resolved.get((doc_id, int(part["start"]), int(part["end"])))
    if entity:
        return str(entity)
    if part.get("pack_id"):  # the id resolution gives a pack entry
        return pack_entity_id(str(part["pack_id"]))
    if part.get("label") not in ENTITY_LABELS:
        return None
    words = name_key(str(part["text"])).split()
    if not words:
        return None
    # Without resolution, a person is known by surname ("Qassem Soleimani" / "Soleimani").
    return "name:" + (words[-1] if part.get("label") == "PERSON" else " ".join(words))


def load_mentions(conn: Connection, doc_ids: Sequence[str] | None) -> list[MentionView]:
    m = s.event_mentions.c  # only what a MentionView reads (not the raw time, the trigger)
    query = select(
        m.id, m.document_id, m.type, m.mode, m.participants, m.place, m.place_entity_id,
        m.time_start, m.time_end, m.time_precision, m.casualties,
    ).where(m.modality.is_(None))  # fmt: skip
    if doc_ids is None:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    else:
        rows = [
            dict(r._mapping)
            for chunk in chunked(sorted(doc_ids))
            for r in conn.execute(query.where(m.document_id.in_(chunk)))
        ]
    resolved = _span_entities(conn, {r["document_id"] for r in rows})
    place_ids = {r["place_entity_id"] for r in rows if r["place_entity_id"]}
    place_ids |= {
        resolved[(r["document_id"], r["place"]["start"], r["place"]["end"])]
        for r in rows
        if r["place"] and (r["document_id"], r["place"]["start"], r["place"]["end"]) in resolved
    }
    places = _places(conn, place_ids)
    return [_view(r, resolved, places) for r in rows]


def _view(
    row: dict[str, Any],
    resolved: dict[tuple[str, int, int], str],
    places: dict[str, dict[str, Any]],
) -> MentionView:
    doc_id = row["document_id"]
    names: dict[str, str] = {}
    roles: dict[str, str] = {}
    for part in row["participants"]:
        key = participant_key(part, doc_id, resolved)
        if key is not None:
            names.setdefault(key, str(part["text"]))
            roles.setdefault(key, str(part["role"]))
    place_key = place_name = country = None
    is_country = False
    if row["place"]:
        p = row["place"]
        place_name = str(p["text"])
        place_key = row["place_entity_id"] or resolved.get((doc_id, p["start"], p["end"]))
        info = places.get(place_key or "")
        if info:
            country, is_country = info.get("country"), info.get("precision") == "country"
        place_key = place_key or "name:" + name_key(place_name)
    return MentionView(
        id=row["id"], doc_id=doc_id, type=row["type"], mode=row["mode"],
        entities=frozenset(names), names=names, roles=roles,
        place=place_key, place_name=place_name, place_country=country, place_is_country=is_country,
        time_start=row["time_start"], time_end=row["time_end"],
        time_precision=row["time_precision"], casualties=row["casualties"],
    )  # fmt: skip


def load_claims(conn: Connection, mention_ids: Sequence[str]) -> dict[str, list[ClaimView]]:
    """Claims by event mention id, with each document's first copy for syndicated text."""
    c = s.claims.c  # only what a ClaimView reads: the sentence text and hedges stay put
    query = select(
        c.id, c.document_id, c.event_mention_id, c.outlet, c.chain, c.stance,
        s.documents.c.duplicate_of,
    ).join(s.documents, s.documents.c.id == c.document_id)  # fmt: skip
    rows = [
        r
        for chunk in chunked(sorted(mention_ids))
        for r in conn.execute(query.where(s.claims.c.event_mention_id.in_(chunk)))
    ]
    roots = {r.duplicate_of for r in rows if r.duplicate_of}
    sites = {
        d.id: d.site
        for chunk in chunked(sorted(roots))
        for d in conn.execute(
            select(s.documents.c.id, s.documents.c.site).where(s.documents.c.id.in_(chunk))
        )
    }
    out: dict[str, list[ClaimView]] = {}
    for r in rows:
        root = r.duplicate_of or r.document_id
        view = ClaimView(
            r.id, r.document_id, root, r.outlet, tuple(r.chain), r.stance, sites.get(root, r.outlet)
        )
        out.setdefault(r.event_mention_id, []).append(view)
    return out


def load_judgements(conn: Connection) -> list[AnalystJudgement]:
    """The analyst's event groupings, from the ledger of decisions (`sitrep.ledger`)."""
    from sitrep.ledger import event_groupings

    return [AnalystJudgement(action, mentions) for action, mentions in event_groupings(conn)]
