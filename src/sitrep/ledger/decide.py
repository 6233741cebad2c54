"""The analyst's actions. Each checks its input, builds the typed judgement, makes its change
(`ledger.apply`, the same code a re-run uses) and returns an `Outcome`; `decide` runs one in a
transaction with the ledger's one writer, `record`, so the change and its log entry are kept
together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec

from sqlalchemy import Connection, Table, func, select

from sitrep.errors import NotFoundError, UsageError
from sitrep.ledger import apply as effect
from sitrep.ledger.judgement import (
    MARKS,
    EntityMerge,
    EntitySplit,
    EventMerge,
    EventSplit,
    Judgement,
    Mark,
    Relabel,
)
from sitrep.records import stable_id
from sitrep.store import Store, insert_ignore, schema

E, A, M, J = schema.entities, schema.entity_aliases, schema.mentions, schema.judgements
EV, EM, C = schema.events, schema.event_mentions, schema.claims
P = ParamSpec("P")

if TYPE_CHECKING:
    from sitrep.corroborate.status_history import StatusChange


@dataclass(frozen=True)
class Outcome:
    """What an action did: the judgement to log, what to tell the client, and the documents
    whose events must be re-grouped once the change is committed."""

    judgement: Judgement
    result: dict[str, Any] = field(default_factory=dict)
    regroup_documents: tuple[str, ...] = ()
    # the events whose status the change itself set (a split or merge of events), logged as
    # this judgement's doing
    status_changes: tuple[StatusChange, ...] = ()


def record(conn: Connection, judgement: Judgement, actor: str, reason: str) -> dict[str, Any]:
    """The one writer of analyst judgements. Times carry microseconds: re-application follows
    them, and the same decision taken twice is two entries."""
    created = datetime.now(UTC).isoformat(timespec="microseconds")
    targets = judgement.targets()
    row = {
        "id": stable_id(
            "jdg",
            judgement.subject,
            judgement.action,
            repr(sorted(targets.items())),
            actor,
            created,
        ),
        "subject": judgement.subject,
        "action": judgement.action,
        "targets": targets,
        "by": "analyst",
        "actor": actor,
        "reason": reason,
        "created_at": created,
        "active": True,
    }
    insert_ignore(conn, J, [row])
    return row


def decide(
    store: Store,
    actor: str,
    reason: str,
    action: Callable[Concatenate[Connection, P], Outcome],
    *args: P.args,
    **kwargs: P.kwargs,
) -> dict[str, Any]:
    """Run one action and log it, in one transaction; then re-group the events it touched.
    Answers with the action's result and the logged judgement row, last."""
    from sitrep.corroborate.status_history import log_changes

    with store.transaction() as conn:
        done = action(conn, *args, **kwargs)
        row = record(conn, done.judgement, actor, reason)
        why = f"judgement {row['id']}"
        log_changes(conn, done.status_changes, why)
    if done.regroup_documents:
        from sitrep.corroborate import run_corroboration

        run_corroboration(store, list(done.regroup_documents), why=why)
    return {**done.result, "judgement": row}


# -- lookups ---------------------------------------------------------------------------------


def rows_by_id(
    conn: Connection, table: Table, ids: Sequence[str], what: str
) -> list[dict[str, Any]]:
    found = [dict(r) for r in conn.execute(select(table).where(table.c.id.in_(ids))).mappings()]
    missing = sorted(set(ids) - {r["id"] for r in found})
    if missing:
        raise NotFoundError(f"no {what} with id {', '.join(missing)}")
    return found


def _owned(
    conn: Connection, table: Table, ids: Sequence[str], owner_key: str, owner: str, what: str
) -> list[dict[str, Any]]:
    parts = rows_by_id(conn, table, ids, what)
    strangers = [p["id"] for p in parts if p[owner_key] != owner]
    if strangers:
        kind = owner_key.removesuffix("_id")
        raise UsageError(f"{what}s not of {kind} {owner}: {', '.join(strangers)}")
    return parts


def _others(into: str, others: Sequence[str]) -> tuple[str, ...]:
    distinct = tuple(sorted(set(others)))
    if not distinct or into in distinct:
        raise UsageError("name at least one other id to merge, not the target itself")
    return distinct


def _documents_of(conn: Connection, mention_ids: Sequence[str]) -> tuple[str, ...]:
    query = select(M.c.document_id).where(M.c.id.in_(list(mention_ids))).distinct()
    return tuple(sorted(conn.execute(query).scalars()))


# -- entities --------------------------------------------------------------------------------


def merge_entities(conn: Connection, into: str, others: Sequence[str]) -> Outcome:
    """Fold `others` into `into`: their mentions, aliases and event roles move over."""
    merged = _others(into, others)
    rows_by_id(conn, E, [into], "entity")
    snapshot = rows_by_id(conn, E, merged, "entity")
    aliases = [dict(r) for r in conn.execute(select(A).where(A.c.entity_id.in_(merged))).mappings()]
    moved = {source: effect.merge_entity(conn, source, into) for source in merged}
    judgement = EntityMerge(into, merged, moved, snapshot, aliases)
    result = {"entity_id": into, "mentions_moved": sum(len(v) for v in moved.values())}
    return Outcome(judgement, result)


def split_entity(
    conn: Connection,
    entity_id: str,
    mention_ids: Sequence[str] = (),
    name: str | None = None,
    spellings: Sequence[str] = (),
) -> Outcome:
    """Move some mentions of an entity (by id, or by how they are written) to a new entity of
    the same type."""
    source = rows_by_id(conn, E, [entity_id], "entity")[0]
    ids = tuple(sorted(set(mention_ids)))
    if not ids and not spellings:
        raise UsageError("name the mentions to split off (by id or by spelling)")
    first = _owned(conn, M, ids, "entity_id", entity_id, "mention")[0]["text"] if ids else None
    new_name = name or first or spellings[0]
    new_id = stable_id("ent", "split", entity_id, *ids, *sorted(spellings))
    split = EntitySplit(entity_id, new_id, str(new_name), str(source["type"]), ids,
                        tuple(sorted(spellings)))  # fmt: skip
    moved = effect.split_entity(conn, split)
    if not moved:
        raise UsageError(f"no mention of {entity_id} is written {', '.join(spellings)!r}")
    result = {"entity_id": new_id, "name": new_name, "mentions_moved": len(moved)}
    return Outcome(split, result, _documents_of(conn, moved))


def relabel_mention(conn: Connection, mention_id: str, label: str) -> Outcome:
    mention = rows_by_id(conn, M, [mention_id], "mention")[0]
    judgement = Relabel(mention_id, mention["label"], label)
    effect.apply(conn, judgement)
    return Outcome(judgement)


def mark_claim(conn: Connection, claim_id: str, mark: str | None) -> Outcome:
    if mark is not None and mark not in MARKS:
        raise UsageError(f"unknown mark {mark!r}", hint="use " + " or ".join(MARKS))
    claim = rows_by_id(conn, C, [claim_id], "claim")[0]
    judgement = Mark(claim_id, claim["analyst_mark"], mark)
    effect.apply(conn, judgement)
    return Outcome(judgement)


# -- events ----------------------------------------------------------------------------------


def merge_events(conn: Connection, into: str, others: Sequence[str]) -> Outcome:
    merged = _others(into, others)
    rows_by_id(conn, EV, [into], "event")
    snapshot = rows_by_id(conn, EV, merged, "event")
    members = select(EM.c.id).where(EM.c.event_id.in_([into, *merged]))
    mentions = tuple(sorted(conn.execute(members).scalars()))
    judgement = EventMerge(into, merged, mentions, snapshot)
    moved, changed = effect.merge_events(conn, judgement)
    result = {"event_id": into, "event_mentions_moved": moved}
    return Outcome(judgement, result, status_changes=tuple(changed))


def split_event(
    conn: Connection, event_id: str, mention_ids: Sequence[str], actor: str, reason: str
) -> Outcome:
    rows_by_id(conn, EV, [event_id], "event")
    ids = tuple(sorted(set(mention_ids)))
    _owned(conn, EM, ids, "event_id", event_id, "event mention")
    left = conn.execute(
        select(func.count()).where(EM.c.event_id == event_id, EM.c.id.not_in(ids))
    ).scalar_one()
    if not left:
        raise UsageError("a split must leave at least one event mention on the original event")
    split = EventSplit(event_id, stable_id("evt", "split", event_id, *ids), ids)
    changed = effect.split_event(conn, split, f"split off {event_id} by {actor}: {reason}")
    return Outcome(split, {"event_id": split.into}, status_changes=tuple(changed))


def split_event_mentions(conn: Connection, mention_ids: Sequence[str]) -> Outcome:
    """Keep event mentions apart from whatever event they are in (the next corroboration run
    re-groups them); the form corroboration's own `record_judgement` takes."""
    ids = tuple(sorted(set(mention_ids)))
    if not ids:
        raise UsageError("a split needs at least one event mention")
    found = rows_by_id(conn, EM, ids, "event mention")
    source = str(found[0]["event_id"] or "")
    conn.execute(EM.update().where(EM.c.id.in_(ids)).values(event_id=None))
    return Outcome(EventSplit(source, "", ids))


def merge_event_mentions(conn: Connection, mention_ids: Sequence[str]) -> Outcome:
    """Keep event mentions together (the next corroboration run groups them)."""
    ids = tuple(sorted(set(mention_ids)))
    if len(ids) < 2:
        raise UsageError("a merge needs two mentions or more")
    rows_by_id(conn, EM, ids, "event mention")
    conn.execute(EM.update().where(EM.c.id.in_(ids)).values(event_id=None))
    return Outcome(EventMerge("", (), ids))
