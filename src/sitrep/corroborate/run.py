"""The corroboration stage against the store: mentions -> events, origins, status, judgements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from sitrep.corroborate.cluster import Link, cluster
from sitrep.corroborate.compat import MentionView
from sitrep.corroborate.origins import ClaimView, event_status, origin_key
from sitrep.corroborate.views import load_claims, load_judgements, load_mentions
from sitrep.errors import UsageError
from sitrep.records import stable_id
from sitrep.store import Store, chunked, insert_ignore, utc_now
from sitrep.store import schema as s

PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3, "unresolved": 4, None: 5}


@dataclass(frozen=True)
class CorroborationStats:
    mentions: int
    events: int
    pairs_compared: int
    rule_merges: int
    by_status: dict[str, int]


def run_corroboration(
    store: Store, doc_ids: Sequence[str] | None = None, *, everything: bool = False
) -> CorroborationStats:
    """Group event mentions into events, incrementally.

    By default the scope is the mentions not yet in an event (a run's new documents, or those
    an analyst judgement released) with every mention that could join them and the rest of
    their events; `doc_ids` names the documents instead; `everything` re-groups the store.
    """
    with store.transaction() as conn:
        if everything:
            views = load_mentions(conn, None)
            old_events = _event_ids(conn, {v.id for v in views})
        else:
            views, old_events = _scope(conn, doc_ids)
        groups, links, compared = cluster(views, load_judgements(conn))
        claims = load_claims(conn, [v.id for v in views])
        by_id = {v.id: v for v in views}
        _forget(conn, old_events)
        rows = [
            event_row([by_id[m] for m in group], [c for m in group for c in claims.get(m, [])])
            for group in groups
        ]
        insert_ignore(conn, s.events, rows)
        members = zip(groups, rows, strict=True)
        _assign(conn, [(m, row["id"]) for group, row in members for m in group])
        _set_origin_keys(conn, claims)
        _log_links(conn, links)
    statuses = Counter(str(row["status"]) for row in rows)
    return CorroborationStats(len(views), len(groups), compared, len(links), dict(statuses))


def _scope(conn: Connection, doc_ids: Sequence[str] | None) -> tuple[list[MentionView], set[str]]:
    """The mentions to re-group: the fresh ones, those sharing a block with them, and the
    other members of the events those belong to (so no event is left half re-grouped);
    with the ids of those events, which the re-grouping replaces."""
    everything = load_mentions(conn, None)
    if doc_ids is None:
        pending = set(
            conn.execute(
                select(s.event_mentions.c.id).where(s.event_mentions.c.event_id.is_(None))
            ).scalars()
        )
        fresh = [v for v in everything if v.id in pending]
    else:
        wanted = set(doc_ids)
        fresh = [v for v in everything if v.doc_id in wanted]
    keys = {(v.type, e) for v in fresh for e in v.entities}
    chosen = {v.id for v in fresh}
    chosen |= {v.id for v in everything if any((v.type, e) in keys for e in v.entities)}
    events = _event_ids(conn, chosen)
    chosen |= set(_event_members(conn, events))
    return [v for v in everything if v.id in chosen], events


def _event_ids(conn: Connection, mention_ids: set[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunked(sorted(mention_ids)):
        query = select(s.event_mentions.c.event_id).where(s.event_mentions.c.id.in_(chunk))
        found |= {e for e in conn.execute(query).scalars() if e}
    return found


def _event_members(conn: Connection, event_ids: set[str]) -> Iterator[str]:
    for chunk in chunked(sorted(event_ids)):
        query = select(s.event_mentions.c.id).where(s.event_mentions.c.event_id.in_(chunk))
        yield from conn.execute(query).scalars()


def _forget(conn: Connection, event_ids: set[str]) -> None:
    for chunk in chunked(sorted(event_ids)):
        conn.execute(delete(s.events).where(s.events.c.id.in_(chunk)))


def _assign(conn: Connection, pairs: list[tuple[str, str]]) -> None:
    if pairs:
        conn.execute(
            update(s.event_mentions)
            .where(s.event_mentions.c.id == bindparam("mid"))
            .values(event_id=bindparam("eid")),
            [{"mid": m, "eid": e} for m, e in pairs],
        )


def _set_origin_keys(conn: Connection, claims: dict[str, list[ClaimView]]) -> None:
    rows = [{"cid": c.id, "key": origin_key(c)} for views in claims.values() for c in views]
    if rows:
        conn.execute(
            update(s.claims)
            .where(s.claims.c.id == bindparam("cid"))
            .values(origin_key=bindparam("key")),
            rows,
        )


def _log_links(conn: Connection, links: list[Link]) -> None:
    rows = [
        {
            "id": stable_id("jdg", "event-merge", link.a, link.b),
            "subject": "event",
            "action": "merge",
            "targets": {"mentions": [link.a, link.b]},
            "by": "rule",
            "actor": "corroborate.same_happening",
            "reason": link.reason,
            "created_at": utc_now(),
            "active": True,
        }
        for link in links
    ]
    insert_ignore(conn, s.judgements, rows)


def event_row(views: list[MentionView], claims: list[ClaimView]) -> dict[str, Any]:
    """One event from its mentions: union of participants, most precise place and time."""
    first = min(views, key=lambda v: v.id)
    status = event_status(claims)
    participants: dict[str, dict[str, str]] = {}
    for v in views:
        for key, name in v.names.items():
            participants.setdefault(
                key, {"role": v.roles.get(key, "actor"), "entity_id": key, "name": name}
            )
    timed = sorted(views, key=lambda v: (PRECISION_RANK.get(v.time_precision, 5), v.id))
    best_time = timed[0]
    placed = [v for v in views if v.place]
    place = min(placed, key=lambda v: (v.place_is_country, v.id)) if placed else None
    modes = Counter(v.mode for v in views if v.mode)
    mode = modes.most_common(1)[0][0] if modes else None
    casualties = event_casualties(views)
    summary = _summary(first.type, mode, list(participants.values()), place, best_time)
    if casualties:
        summary += ", " + ", ".join(f"{casualties[k]} {k}" for k in COUNTS if k in casualties)
    return {
        "id": stable_id("evt", first.id),
        "type": first.type,
        "mode": mode,
        "summary": summary,
        "participants": list(participants.values()),
        "place_entity_id": place.place
        if place and not (place.place or "").startswith("name:")
        else None,
        "place": {"key": place.place, "name": place.place_name} if place else None,
        "time_start": best_time.time_start,
        "time_end": best_time.time_end,
        "time_precision": best_time.time_precision,
        "casualties": casualties,
        "status": status.status,
        "status_reason": status.reason,
        "n_claims": len(claims),
        "n_origins": status.n_origins,
        "origins": list(status.origins),
    }


COUNTS = ("killed", "wounded", "civilians", "children", "women")


def event_casualties(views: list[MentionView]) -> dict[str, Any] | None:
    """Per count, the lowest figure any report gives, with the range when reports differ.

    ACLED's rule: where sources disagree, the most conservative figure is the event's."""
    out: dict[str, Any] = {}
    for key in COUNTS:
        figures = [
            int(v.casualties[key])
            for v in views
            if v.casualties and isinstance(v.casualties.get(key), int)
        ]
        if figures:
            out[key] = min(figures)
            if max(figures) != min(figures):
                out[f"{key}_reported"] = [min(figures), max(figures)]
    return out or None


def _summary(
    type_: str,
    mode: str | None,
    parts: list[dict[str, str]],
    place: MentionView | None,
    t: MentionView,
) -> str:
    who = ", ".join(p["name"] for p in parts) or "unknown participants"
    where = f" in {place.place_name}" if place else ""
    when = f" ({t.time_start}..{t.time_end}, {t.time_precision})" if t.time_start else ""
    return f"{type_}{'/' + mode if mode else ''}: {who}{where}{when}"


def record_judgement(
    store: Store, action: str, mention_ids: Sequence[str], reason: str, analyst: str
) -> str:
    """An analyst's merge or split of event mentions, through the ledger of decisions; the
    released mentions are pending again, so the next (incremental) run re-groups their blocks
    and honours it."""
    from sitrep import ledger

    actions = {"merge": ledger.merge_event_mentions, "split": ledger.split_event_mentions}
    if action not in actions:
        raise UsageError(f"unknown event judgement {action!r}", hint="use merge or split")
    done = ledger.decide(store, analyst, reason, actions[action], list(mention_ids))
    return str(done["judgement"]["id"])
