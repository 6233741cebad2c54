"""Reading relations back: each with its ends' names, dates, status and the claims behind it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, or_, select

from sitrep.read.columns import record
from sitrep.read.entities import entities_by_id, entities_named
from sitrep.read.records import (
    DossierRelation,
    PairRelation,
    Relation,
    RelationClaim,
    RelationReport,
)
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
    return _relations(conn, {entity_id} if entity_id is not None else None, types, ())


def _relations(
    conn: Connection,
    entity_ids: set[str] | None,
    types: Sequence[str],
    statuses: Sequence[str],
) -> list[Relation]:
    """Relations touching one of `entity_ids` (any, if None), of `types` and `statuses` (any,
    if empty), each with its ends' names, its claims and what is worked out from them."""
    r = s.relations.c
    query = select(s.relations)
    if entity_ids is not None:
        ids = sorted(entity_ids)
        query = query.where(or_(r.subject_entity_id.in_(ids), r.object_entity_id.in_(ids)))
    if types:
        query = query.where(r.type.in_(list(types)))
    if statuses:
        query = query.where(r.status.in_(list(statuses)))
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
                **_worked_out(row, claims.get(row["id"], [])),
            },
            Relation,
        )
        for row in rows
    ]


WRITTEN_PRECISION = {4: "year", 7: "month", 10: "day"}  # "2015", "2015-05", "2015-05-01"


def _worked_out(row: Any, claims: list[RelationClaim]) -> dict[str, Any]:
    """What a relation's row does not store but its claims say: its family, how precise its
    start (else end) is, how many reports state it and the last published of them."""
    precision = None
    for key in ("time_start", "time_end"):
        given = [c["time_precision"] for c in claims if row[key] and c[key] == row[key]]
        precision = precision or next(iter(given), None)
    # the pack's dates carry no precision of their own: how the date is written says it
    written = row["time_start"] or row["time_end"]
    precision = precision or (WRITTEN_PRECISION.get(len(written)) if written else None)
    reports = [c for c in claims if c["document_id"] is not None]
    latest = max(
        reports, key=lambda c: (c["published"] or "", c["document_id"] or ""), default=None
    )
    report: RelationReport | None = None
    if latest is not None and latest["document_id"] is not None:
        report = {
            "document_id": latest["document_id"],
            "title": latest["document_title"],
            "published": latest["published"],
            "outlet": latest["outlet"],
        }
    return {
        "family": family_of(row["type"]),
        "time_precision": precision,
        "n_reports": len({c["document_id"] for c in reports}),
        "latest_report": report,
    }


# The families of relation types an analyst filters by (the workbench draws each in one style:
# `web/src/relations.ts` FAMILIES holds the same grouping).
FAMILIES: dict[str, tuple[str, ...]] = {
    "command": ("commands", "holds-position"),
    "membership": ("member-of", "under"),
    "alliance": ("allied-with", "backs"),
    "hostility": ("fights",),
    "presence": ("present-in", "controls"),
}
TYPES = tuple(t for types in FAMILIES.values() for t in types)
ORIGINS = ("both", "learned", "pack")


def family_of(relation_type: str) -> str:
    return next((k for k, types in FAMILIES.items() if relation_type in types), "other")


@dataclass(frozen=True)
class RelationFilter:
    """What the relations list keeps (`select_relations`): the CLI, the API, the workbench's
    Relations page and its exports read the same filter.

    - `types`, `families`: a relation of one of the types, or of a type of one of the families
      (both given: either);
    - `origin`: "learned" (a report states it), "pack" (the domain pack does), "both" (any);
    - `statuses`: single-source, corroborated, contested, pack ...;
    - `entity`: one of its ends, by id, name or any spelling (`entities_named`);
    - `since`, `until` (ISO dates, either may be open): a dated relation whose span, as far as
      its dates go, meets the window (a start alone: from then on; an end alone: up to then; a
      month or year from its first to its last day); an undated one when a report stating it
      was published in the window (the pack's undated positions are then left out)."""

    types: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    origin: str = "both"
    statuses: tuple[str, ...] = ()
    entity: str | None = None
    since: str | None = None
    until: str | None = None

    def wanted_types(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys((*self.types, *(t for f in self.families for t in FAMILIES.get(f, ()))))
        )


@dataclass(frozen=True)
class RelationSelection:
    relations: list[Relation]
    # the relations of each type the filter keeps when its types and families are left out:
    # each count is what choosing that type alone lists
    by_type: dict[str, int]
    matched: list[dict[str, Any]]  # the entities the `entity` filter was read as


def select_relations(conn: Connection, f: RelationFilter) -> RelationSelection:
    """The relations list: every relation the filter keeps, by type then id, with the counts by
    type beside it."""
    matched: list[dict[str, Any]] = []
    ids: set[str] | None = None
    if f.entity:
        ids = entities_named(conn, f.entity)
        known = entities_by_id(conn, ids)
        matched = [
            {"id": i, "name": known[i]["name"], "type": known[i]["type"]} for i in sorted(known)
        ]
    found = [] if ids is not None and not ids else _relations(conn, ids, (), f.statuses)
    kept = [rel for rel in found if _from(rel, f.origin) and _in_window(rel, f.since, f.until)]
    by_type = Counter(rel["type"] for rel in kept)
    wanted = f.wanted_types()
    if wanted:
        kept = [rel for rel in kept if rel["type"] in wanted]
    return RelationSelection(kept, {t: by_type[t] for t in sorted(by_type)}, matched)


def _from(rel: Relation, origin: str) -> bool:
    if origin == "learned":
        return "reports" in rel["sources"]
    if origin == "pack":
        return "pack" in rel["sources"]
    return True


def _low(day: str) -> str:
    """A date, month or year as its first day ("2012-05" -> "2012-05-01")."""
    return day + "-01-01"[len(day) - 4 :] if len(day) < 10 else day


def _high(day: str) -> str:
    """A date, month or year as its last day, for comparing only ("2012-05" -> "2012-05-31")."""
    return day + "-12-31"[len(day) - 4 :] if len(day) < 10 else day


def _in_window(rel: Relation, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    since = _low(since) if since else None  # "2016" from its first day to
    until = _high(until) if until else None  # its last
    start, end = rel["time_start"], rel["time_end"]
    if start is None and end is None:
        published = (c["published"] for c in rel["claims"] if c["document_id"] is not None)
        return any(_within(day[:10], since, until) for day in published if day)
    if start is not None and until is not None and _low(start) > until:
        return False
    return not (end is not None and since is not None and _high(end) < since)


def _within(day: str, since: str | None, until: str | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


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
        m.time_end, m.time_precision, m.ended, m.claim, m.origin_key, m.subject, m.object,
        d.title.label("doc_title"), d.url, d.site, d.published,
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
                    "time_precision": row.time_precision,
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
