"""What a judgement does to the store. Each function is idempotent: the same code makes the
change when the analyst decides and again when a run re-applies the decision, so the two can
never drift apart.

Event merges and splits are the exception: their effect at decision time moves event mentions
between events here, but a re-run re-groups events from scratch, and corroboration keeps the
analyst's groups itself (it reads `event_groupings`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, String, cast, delete, func, insert, select, update

from sitrep.ledger.judgement import (
    EntityMerge,
    EntitySplit,
    EventMerge,
    EventSplit,
    Judgement,
    Mark,
    Relabel,
)
from sitrep.store import LIKE_ESCAPE, insert_ignore, like_literal, schema

if TYPE_CHECKING:
    from sitrep.corroborate.status_history import StatusChange

E, A, M = schema.entities, schema.entity_aliases, schema.mentions
EV, EM, C = schema.events, schema.event_mentions, schema.claims


def apply(conn: Connection, judgement: Judgement) -> bool:
    """Make the judgement's change; False when it is not one a run re-applies (events, undo)."""
    if isinstance(judgement, EntityMerge):
        for source in judgement.merged:
            merge_entity(conn, source, judgement.into)
    elif isinstance(judgement, EntitySplit):
        split_entity(conn, judgement)
    elif isinstance(judgement, Relabel):
        conn.execute(update(M).where(M.c.id == judgement.mention).values(label=judgement.after))
    elif isinstance(judgement, Mark):
        conn.execute(
            update(C).where(C.c.id == judgement.claim).values(analyst_mark=judgement.after)
        )
    else:
        return False
    return True


# -- entities --------------------------------------------------------------------------------


def merge_entity(conn: Connection, source: str, target: str) -> list[str]:
    """Move `source`'s mentions, names and event roles to `target`, then drop `source`'s row
    (a later run that mints it again sees it merged again). Returns the mentions moved."""
    if source == target:
        return []
    moved = list(conn.execute(select(M.c.id).where(M.c.entity_id == source)).scalars())
    conn.execute(update(M).where(M.c.entity_id == source).values(entity_id=target))
    names = {
        str(a) for a in conn.execute(select(A.c.alias).where(A.c.entity_id == source)).scalars()
    }
    row = conn.execute(select(E.c.name).where(E.c.id == source)).first()
    if not moved and not names and row is None:
        return []  # applied before and nothing new names `source`: no event can name it either
    if row is not None:
        names.add(str(row.name))
    # marked "merged", so an undo takes back exactly the names the merge brought
    rows = [{"entity_id": target, "alias": n, "source": "merged"} for n in sorted(names)]
    insert_ignore(conn, A, rows)
    repoint_events(conn, source, target)
    conn.execute(delete(A).where(A.c.entity_id == source))
    conn.execute(delete(E).where(E.c.id == source))
    return moved


def repoint_events(conn: Connection, old: str, new: str) -> None:
    """Events naming `old` as a participant or their place name `new` instead."""
    pattern = f'%"{like_literal(old)}"%'
    named = (EV.c.place_entity_id == old) | cast(EV.c.participants, String).like(
        pattern, escape=LIKE_ESCAPE
    )
    found = conn.execute(select(EV.c.id, EV.c.participants, EV.c.place_entity_id).where(named))
    for event_id, participants, place in found.all():
        fixed = [
            {**p, "entity_id": new} if p.get("entity_id") == old else p for p in participants or []
        ]
        values: dict[str, Any] = {"participants": fixed}
        if place == old:
            values["place_entity_id"] = new
        conn.execute(update(EV).where(EV.c.id == event_id).values(**values))
    conn.execute(update(EM).where(EM.c.place_entity_id == old).values(place_entity_id=new))


def split_entity(conn: Connection, split: EntitySplit) -> list[str]:
    """Give the split's mentions (by id, or `source`'s mentions written one of its spellings)
    to the split's entity, made if a re-run has not got it. Returns the mentions moved."""
    ensure_entity(conn, split.into, split.name, split.type, like=split.source)
    moved = set(split.mentions) & set(
        conn.execute(select(M.c.id).where(M.c.id.in_(split.mentions))).scalars()
    )
    if split.spellings:
        from sitrep.resolve.cluster import clean_name  # title stripping: only when needed

        wanted = {s.casefold() for s in split.spellings}
        query = select(M).where(M.c.entity_id == split.source).order_by(M.c.id)
        for r in conn.execute(query).mappings().all():
            if (
                str(r["text"]).strip().casefold() in wanted
                or clean_name(dict(r)).casefold() in wanted
            ):
                moved.add(str(r["id"]))
    if moved:
        conn.execute(update(M).where(M.c.id.in_(sorted(moved))).values(entity_id=split.into))
        texts = conn.execute(select(M.c.text).where(M.c.id.in_(sorted(moved)))).scalars()
        seen = sorted({str(t).strip() for t in texts})
        insert_ignore(
            conn, A, [{"entity_id": split.into, "alias": a, "source": "seen"} for a in seen]
        )
    return sorted(moved)


def ensure_entity(conn: Connection, entity_id: str, name: str, type_: str, like: str) -> None:
    """The analyst's entity row, made from the judgement (and the entity it came from) when a
    rebuild of the derived tables dropped it."""
    if conn.execute(select(E.c.id).where(E.c.id == entity_id)).first() is not None:
        return
    origin = conn.execute(select(E.c.type, E.c.country).where(E.c.id == like)).first()
    entity_type = type_ or (origin.type if origin else "") or "org"
    conn.execute(
        insert(E).values(
            id=entity_id,
            type=entity_type,
            name=name,
            country=origin.country if origin else None,
            attributes={},
            created_by="analyst",
        )
    )


def drop_if_unused(conn: Connection, entity_id: str) -> None:
    """Remove an analyst-made entity nothing points at any more (after an undo)."""
    used = conn.execute(select(func.count()).where(M.c.entity_id == entity_id)).scalar_one()
    if not used:
        conn.execute(delete(A).where(A.c.entity_id == entity_id))
        conn.execute(delete(E).where(E.c.id == entity_id, E.c.created_by == "analyst"))


# -- events (decision time only; corroboration keeps them on a re-run) -------------------------


def recount_event(conn: Connection, event_id: str, was_event: str = "") -> StatusChange | None:
    """Claim and origin counts, and the status, after event mentions moved, by corroboration's
    own rules (deniers are no origin): the event says at once what its reports now give, and a
    later run that groups it the same way finds its status as it is. Returns the status change,
    if any, for the decision to log (`was_event`: the event it was copied from)."""
    from sitrep.corroborate.origins import event_status
    from sitrep.corroborate.status_history import set_status
    from sitrep.corroborate.views import load_claims

    mentions = conn.execute(select(EM.c.id).where(EM.c.event_id == event_id)).scalars().all()
    claims = [c for found in load_claims(conn, list(mentions)).values() for c in found]
    status = event_status(claims)
    conn.execute(
        update(EV)
        .where(EV.c.id == event_id)
        .values(n_claims=len(claims), origins=list(status.origins), n_origins=status.n_origins)
    )
    change = set_status(conn, event_id, status.status, status.reason)
    return replace(change, was_event=was_event) if change and was_event else change


def merge_events(conn: Connection, merge: EventMerge) -> tuple[int, list[StatusChange]]:
    """Move the merged events' mentions into `into`; returns how many moved, and the status
    change of `into`, if any."""
    moved = conn.execute(
        update(EM).where(EM.c.event_id.in_(merge.merged)).values(event_id=merge.into)
    ).rowcount
    conn.execute(delete(EV).where(EV.c.id.in_(merge.merged)))
    change = recount_event(conn, merge.into)
    return int(moved or 0), [change] if change else []


def split_event(conn: Connection, split: EventSplit, status_reason: str) -> list[StatusChange]:
    """Make event `into` as a copy of `source` and move the split's mentions to it; returns
    the status changes (`into` starts with the status `source` had)."""
    source = conn.execute(select(EV).where(EV.c.id == split.source)).mappings().first()
    if source is not None:
        new_row = {**dict(source), "id": split.into, "status_reason": status_reason}
        insert_ignore(conn, EV, [new_row])
    conn.execute(update(EM).where(EM.c.id.in_(split.mentions)).values(event_id=split.into))
    changed = [recount_event(conn, split.source), recount_event(conn, split.into, split.source)]
    return [c for c in changed if c is not None]


def is_event(judgement: Judgement) -> bool:
    return isinstance(judgement, EventMerge | EventSplit)
