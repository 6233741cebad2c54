"""Reading relations back: each with its ends' names, dates, status and the claims behind it."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, or_, select

from sitrep.read.columns import record
from sitrep.read.records import DossierRelation, PairRelation, Relation, RelationClaim
from sitrep.store import Store, chunked
from sitrep.store import schema as s


def list_relations(
    store: Store, entity_id: str | None = None, types: tuple[str, ...] = ()
) -> list[Relation]:
    """Relations (of `types`, touching `entity_id` when given), each with its claims."""
    with store.read() as conn:
        return relations_of(conn, entity_id, types)


def relations_of(
    conn: Connection, entity_id: str | None = None, types: tuple[str, ...] = ()
) -> list[Relation]:
    r = s.relations.c
    query = select(s.relations)
    if entity_id is not None:
        query = query.where(or_(r.subject_entity_id == entity_id, r.object_entity_id == entity_id))
    if types:
        query = query.where(r.type.in_(types))
    rows = conn.execute(query.order_by(r.type, r.id)).mappings().all()
    names = _names(
        conn, {e for row in rows for e in (row["subject_entity_id"], row["object_entity_id"])}
    )
    claims = _claims(conn, [row["id"] for row in rows])
    return [
        record(
            {
                **row,
                "subject": {
                    "entity_id": row["subject_entity_id"],
                    "name": names.get(row["subject_entity_id"]),
                },
                "object": {
                    "entity_id": row["object_entity_id"],
                    "name": names.get(row["object_entity_id"]),
                },
                "claims": claims.get(row["id"], []),
            },
            Relation,
        )
        for row in rows
    ]


def _names(conn: Connection, ids: set[str]) -> dict[str, str]:
    e = s.entities.c
    return {
        row.id: row.name
        for chunk in chunked(sorted(ids))
        for row in conn.execute(select(e.id, e.name).where(e.id.in_(chunk)))
    }


def _claims(conn: Connection, relation_ids: list[str]) -> dict[str, list[RelationClaim]]:
    m, d = s.relation_mentions.c, s.documents.c
    query = select(
        m.id, m.relation_id, m.document_id, m.title, m.how, m.qualifier, m.time_start,
        m.time_end, m.ended, m.claim, m.origin_key, m.subject, m.object, d.title.label("doc_title"),
        d.url, d.site, d.published,
    ).outerjoin(s.documents, d.id == m.document_id)  # fmt: skip
    out: dict[str, list[RelationClaim]] = defaultdict(list)
    for chunk in chunked(relation_ids):
        for row in conn.execute(query.where(m.relation_id.in_(chunk))):
            claim = dict(row.claim)
            out[row.relation_id].append(
                {
                    "mention_id": row.id,
                    "source": "pack" if row.document_id is None else "report",
                    "document_id": row.document_id,
                    "document_title": row.doc_title,
                    "url": row.url,
                    "published": row.published,
                    "outlet": claim.get("outlet"),
                    "chain": claim.get("chain") or [],
                    "stance": claim.get("stance"),
                    "hedged": bool(claim.get("hedged")),
                    "sentence": claim.get("sentence_text"),
                    "start": claim.get("start"),  # the sentence's span in its document
                    "end": claim.get("end"),
                    "title": row.title,
                    "how": row.how,
                    "qualifier": row.qualifier,
                    "time_start": row.time_start,
                    "time_end": row.time_end,
                    "ended": row.ended,
                    "origin": row.origin_key,
                    "subject_text": (row.subject or {}).get("text"),
                    "object_text": (row.object or {}).get("text"),
                }
            )
    return out


# How a dossier groups an entity's relations: its roles, its affiliations, its allies and foes,
# where it is; each relation seen from the entity's side.
DOSSIER_SECTIONS = {
    "holds-position": "positions",
    "commands": "positions",
    "member-of": "affiliations",
    "under": "affiliations",
    "allied-with": "alliances",
    "backs": "alliances",
    "fights": "alliances",
    "controls": "presence",
    "present-in": "presence",
}


def dossier_relations(conn: Connection, entity_id: str) -> dict[str, list[DossierRelation]]:
    """An entity's relations by dossier section, the pack's and the learned told apart."""
    out: dict[str, list[DossierRelation]] = {
        name: [] for name in dict.fromkeys(DOSSIER_SECTIONS.values())
    }
    for rel in relations_of(conn, entity_id):
        outgoing = rel["subject_entity_id"] == entity_id
        other = rel["object"] if outgoing else rel["subject"]
        out[DOSSIER_SECTIONS[rel["type"]]].append(
            {
                "id": rel["id"],
                "type": rel["type"],
                "direction": "outgoing" if outgoing else "incoming",
                "other": other,
                "title": rel["title"],
                "time_start": rel["time_start"],
                "time_end": rel["time_end"],
                "ended": rel["ended"],
                "status": rel["status"],
                "status_reason": rel["status_reason"],
                "learned": "reports" in rel["sources"],
                "from_pack": "pack" in rel["sources"],
                "n_origins": rel["n_origins"],
                "claims": rel["claims"],
            }
        )
    return out


def relation_pairs(conn: Connection) -> dict[tuple[str, str], list[PairRelation]]:
    """Typed relations by unordered entity pair, for the network's edges (each says its
    direction by `subject`)."""
    r = s.relations.c
    query = select(
        r.id, r.type, r.subject_entity_id, r.object_entity_id, r.title, r.time_start, r.time_end,
        r.ended, r.status, r.n_claims, r.sources,
    ).order_by(r.type, r.id)  # fmt: skip
    out: dict[tuple[str, str], list[PairRelation]] = defaultdict(list)
    for row in conn.execute(query):
        a, b = row.subject_entity_id, row.object_entity_id
        pair = (a, b) if a < b else (b, a)
        out[pair].append(
            {
                "id": row.id,
                "type": row.type,
                "subject": a,
                "title": row.title,
                "time_start": row.time_start,
                "time_end": row.time_end,
                "ended": row.ended,
                "status": row.status,
                "claims": row.n_claims,
                "sources": row.sources,
            }
        )
    return out
