"""Analyst decisions: merge/split entities and events, relabel a mention, mark a claim.

Each makes the minimal update and returns a `Decision`; the caller (sitrep.api.writes.decide)
runs it in one transaction and logs it as a `judgements` row (by="analyst") whose `targets`
keep a snapshot of what was changed, so it can be reversed.
Event judgements carry `targets["mentions"]` in the shape sitrep.corroborate reads back
(`load_judgements`), so a re-run of corroboration keeps merged mentions together and split ones
apart. No entity merge/split helper exists in sitrep.resolve yet, so these are written here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from sitrep.api.queries import involves, rows
from sitrep.errors import NotFoundError, UsageError
from sitrep.records import stable_id
from sitrep.store import insert_ignore, schema, utc_now

E, A, M, J = schema.entities, schema.entity_aliases, schema.mentions, schema.judgements
EV, EM, C = schema.events, schema.event_mentions, schema.claims


@dataclass(frozen=True)
class Decision:
    """What an analyst action did: `targets` go into the log, `result` back to the client."""

    subject: str  # entity, event, mention or claim
    action: str  # merge, split, relabel or mark
    targets: dict[str, Any]
    result: dict[str, Any] = field(default_factory=dict)


def log_judgement(
    conn: Connection, subject: str, action: str, targets: dict[str, Any], actor: str, reason: str
) -> dict[str, Any]:
    now = utc_now()
    row = {
        "id": stable_id("jdg", subject, action, repr(sorted(targets.items())), actor, now),
        "subject": subject,
        "action": action,
        "targets": targets,
        "by": "analyst",
        "actor": actor,
        "reason": reason,
        "created_at": now,
        "active": True,
    }
    insert_ignore(conn, J, [row])
    return row


def _rows(conn: Connection, table: Any, ids: list[str], what: str) -> list[dict[str, Any]]:
    found = rows(conn, select(table).where(table.c.id.in_(ids)))
    missing = sorted(set(ids) - {r["id"] for r in found})
    if missing:
        raise NotFoundError(f"no {what} with id {', '.join(missing)}")
    return found


def _parts_of(
    conn: Connection, table: Any, ids: list[str], owner_key: str, owner: str, what: str
) -> list[dict[str, Any]]:
    """The rows `ids` of `table`, each of which must belong to `owner` (by `owner_key`)."""
    parts = _rows(conn, table, ids, what)
    strangers = [p["id"] for p in parts if p[owner_key] != owner]
    if strangers:
        owner_kind = owner_key.removesuffix("_id")
        raise UsageError(f"{what}s not of {owner_kind} {owner}: {', '.join(strangers)}")
    return parts


def _distinct(into: str, others: list[str]) -> list[str]:
    others = sorted(set(others))
    if not others or into in others:
        raise UsageError("name at least one other id to merge, not the target itself")
    return others


# -- entities --------------------------------------------------------------------------------


def merge_entities(conn: Connection, into: str, others: list[str]) -> Decision:
    """Fold `others` into `into`: their mentions, aliases and event roles move over."""
    others = _distinct(into, others)
    target = _rows(conn, E, [into], "entity")[0]
    merged = _rows(conn, E, others, "entity")
    aliases = rows(conn, select(A).where(A.c.entity_id.in_(others)))
    moved = conn.execute(select(M.c.id).where(M.c.entity_id.in_(others))).scalars().all()
    conn.execute(update(M).where(M.c.entity_id.in_(others)).values(entity_id=into))
    names = {a["alias"] for a in aliases} | {e["name"] for e in merged}
    names.discard(target["name"])
    insert_ignore(conn, A, [{"entity_id": into, "alias": n, "source": "merged"} for n in names])
    for old in others:
        _repoint_events(conn, old, into)
    conn.execute(delete(A).where(A.c.entity_id.in_(others)))
    conn.execute(delete(E).where(E.c.id.in_(others)))
    targets = {
        "into": into,
        "merged": others,
        "entities": merged,
        "aliases": aliases,
        "mentions": list(moved),
    }
    return Decision("entity", "merge", targets, {"entity_id": into, "mentions_moved": len(moved)})


def _repoint_events(conn: Connection, old: str, new: str) -> None:
    rows = conn.execute(
        select(EV.c.id, EV.c.participants, EV.c.place_entity_id).where(involves(old))
    )
    for event_id, participants, place in rows.all():
        fixed = [
            {**p, "entity_id": new} if p.get("entity_id") == old else p for p in participants or []
        ]
        values = {"participants": fixed}
        if place == old:
            values["place_entity_id"] = new  # type: ignore[assignment]
        conn.execute(update(EV).where(EV.c.id == event_id).values(**values))
    conn.execute(update(EM).where(EM.c.place_entity_id == old).values(place_entity_id=new))


def split_entity(
    conn: Connection, entity_id: str, mention_ids: list[str], name: str | None
) -> Decision:
    """Move the given mentions of an entity to a new entity of the same type."""
    source = _rows(conn, E, [entity_id], "entity")[0]
    mention_ids = sorted(set(mention_ids))
    mentions = _parts_of(conn, M, mention_ids, "entity_id", entity_id, "mention")
    new_id = stable_id("ent", "split", entity_id, *mention_ids)
    new_name = name or mentions[0]["text"]
    conn.execute(
        insert(E).values(
            id=new_id,
            type=source["type"],
            name=new_name,
            country=source["country"],
            attributes={},
            created_by="analyst",
        )
    )
    conn.execute(update(M).where(M.c.id.in_(mention_ids)).values(entity_id=new_id))
    targets = {"from": entity_id, "into": new_id, "mentions": mention_ids}
    return Decision("entity", "split", targets, {"entity_id": new_id, "name": new_name})


def relabel_mention(conn: Connection, mention_id: str, label: str) -> Decision:
    mention = _rows(conn, M, [mention_id], "mention")[0]
    conn.execute(update(M).where(M.c.id == mention_id).values(label=label))
    targets = {"mention": mention_id, "from": mention["label"], "to": label}
    return Decision("mention", "relabel", targets)


def mark_claim(conn: Connection, claim_id: str, mark: str | None) -> Decision:
    claim = _rows(conn, C, [claim_id], "claim")[0]
    conn.execute(update(C).where(C.c.id == claim_id).values(analyst_mark=mark))
    targets = {"claim": claim_id, "from": claim["analyst_mark"], "to": mark}
    return Decision("claim", "mark", targets)


# -- events ----------------------------------------------------------------------------------


def recount_event(conn: Connection, event_id: str) -> None:
    """Claim and origin counts after event mentions moved (status is corroboration's call;
    the independent origins are counted by corroboration's own rule)."""
    from sitrep.corroborate.origins import event_status
    from sitrep.corroborate.views import load_claims

    mentions = conn.execute(select(EM.c.id).where(EM.c.event_id == event_id)).scalars().all()
    claims = [c for found in load_claims(conn, list(mentions)).values() for c in found]
    status = event_status(claims)
    conn.execute(
        update(EV)
        .where(EV.c.id == event_id)
        .values(n_claims=len(claims), origins=list(status.origins), n_origins=status.n_origins)
    )


def merge_events(conn: Connection, into: str, others: list[str]) -> Decision:
    others = _distinct(into, others)
    _rows(conn, EV, [into], "event")
    merged = _rows(conn, EV, others, "event")
    moved = conn.execute(select(EM.c.id).where(EM.c.event_id.in_(others))).scalars().all()
    conn.execute(update(EM).where(EM.c.event_id.in_(others)).values(event_id=into))
    conn.execute(delete(EV).where(EV.c.id.in_(others)))
    recount_event(conn, into)
    joined = conn.execute(select(EM.c.id).where(EM.c.event_id == into)).scalars().all()
    # "mentions" is what sitrep.corroborate reads back, so a re-run keeps these together
    targets = {
        "into": into,
        "merged": others,
        "events": merged,
        "event_mentions": list(moved),
        "mentions": sorted(joined),
    }
    result = {"event_id": into, "event_mentions_moved": len(moved)}
    return Decision("event", "merge", targets, result)


def split_event(
    conn: Connection, event_id: str, mention_ids: list[str], actor: str, reason: str
) -> Decision:
    source = _rows(conn, EV, [event_id], "event")[0]
    mention_ids = sorted(set(mention_ids))
    _parts_of(conn, EM, mention_ids, "event_id", event_id, "event mention")
    left = conn.execute(
        select(func.count()).where(EM.c.event_id == event_id, EM.c.id.not_in(mention_ids))
    ).scalar_one()
    if not left:
        raise UsageError("a split must leave at least one event mention on the original event")
    new_id = stable_id("evt", "split", event_id, *mention_ids)
    status_reason = f"split off {event_id} by {actor}: {reason}"
    conn.execute(insert(EV).values({**source, "id": new_id, "status_reason": status_reason}))
    conn.execute(update(EM).where(EM.c.id.in_(mention_ids)).values(event_id=new_id))
    recount_event(conn, event_id)
    recount_event(conn, new_id)
    # "mentions" is what sitrep.corroborate reads back, so a re-run keeps these apart
    targets = {
        "from": event_id,
        "into": new_id,
        "event_mentions": mention_ids,
        "mentions": mention_ids,
    }
    return Decision("event", "split", targets, {"event_id": new_id})
