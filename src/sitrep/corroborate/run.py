"""The corroboration stage against the store: mentions -> events, origins, status, judgements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, select, update

from sitrep.corroborate.cluster import Link, cluster
from sitrep.corroborate.compat import MentionView
from sitrep.corroborate.origins import ClaimView, event_status, origin_key
from sitrep.corroborate.views import load_claims, load_judgements, load_mentions
from sitrep.errors import NotFoundError, UsageError
from sitrep.records import stable_id
from sitrep.store import Store, insert_ignore, utc_now
from sitrep.store import schema as s

PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3, "unresolved": 4, None: 5}


@dataclass(frozen=True)
class CorroborationStats:
    mentions: int
    events: int
    pairs_compared: int
    rule_merges: int
    by_status: dict[str, int]


def run_corroboration(store: Store, doc_ids: Sequence[str] | None = None) -> CorroborationStats:
    """Re-group the event mentions touched by `doc_ids` (all when None) into events."""
    with store.transaction() as conn:
        views = _scope(conn, doc_ids)
        groups, links, compared = cluster(views, load_judgements(conn))
        claims = load_claims(conn, [v.id for v in views])
        by_id = {v.id: v for v in views}
        _forget_old_events(conn, [v.id for v in views])
        statuses: Counter[str] = Counter()
        for group in groups:
            row = event_row(
                [by_id[m] for m in group], [c for m in group for c in claims.get(m, [])]
            )
            statuses[row["status"]] += 1
            insert_ignore(conn, s.events, [row])
            conn.execute(
                update(s.event_mentions)
                .where(s.event_mentions.c.id.in_(group))
                .values(event_id=row["id"])
            )
        _set_origin_keys(conn, claims)
        _log_links(conn, links)
    return CorroborationStats(len(views), len(groups), compared, len(links), dict(statuses))


def _scope(conn: Connection, doc_ids: Sequence[str] | None) -> list[MentionView]:
    """The mentions to re-group: those of `doc_ids` and every mention that could join them."""
    if doc_ids is None:
        return load_mentions(conn, None)
    fresh = load_mentions(conn, doc_ids)
    keys = {(v.type, e) for v in fresh for e in v.entities}
    types = {t for t, _ in keys}
    others = [v for v in load_mentions(conn, None) if v.type in types]
    return [v for v in others if any((v.type, e) in keys for e in v.entities)] + [
        v for v in fresh if not v.entities
    ]


def _forget_old_events(conn: Connection, mention_ids: list[str]) -> None:
    old = {
        r.event_id
        for r in conn.execute(
            select(s.event_mentions.c.event_id).where(s.event_mentions.c.id.in_(mention_ids))
        )
        if r.event_id
    }
    if old:
        conn.execute(delete(s.events).where(s.events.c.id.in_(old)))


def _set_origin_keys(conn: Connection, claims: dict[str, list[ClaimView]]) -> None:
    for views in claims.values():
        for claim in views:
            conn.execute(
                update(s.claims)
                .where(s.claims.c.id == claim.id)
                .values(origin_key=origin_key(claim))
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
    summary = _summary(first.type, mode, list(participants.values()), place, best_time)
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
        "casualties": None,
        "status": status.status,
        "status_reason": status.reason,
        "n_claims": len(claims),
        "n_origins": status.n_origins,
        "origins": list(status.origins),
    }


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
    """An analyst's merge or split of event mentions; re-running corroboration honours it."""
    if action not in ("merge", "split"):
        raise UsageError(f"unknown event judgement {action!r}", hint="use merge or split")
    if len(mention_ids) < (2 if action == "merge" else 1):
        raise UsageError("a merge needs two mentions or more; a split needs at least one")
    with store.transaction() as conn:
        known = {
            r.id
            for r in conn.execute(
                select(s.event_mentions.c.id).where(s.event_mentions.c.id.in_(list(mention_ids)))
            )
        }
        missing = sorted(set(mention_ids) - known)
        if missing:
            raise NotFoundError(f"no event mention {missing[0]!r} in the store")
        created = utc_now()
        jid = stable_id("jdg", "event", action, *sorted(mention_ids), created)
        conn.execute(
            s.judgements.insert().values(
                id=jid, subject="event", action=action, targets={"mentions": list(mention_ids)},
                by="analyst", actor=analyst, reason=reason, created_at=created, active=True,
            )
        )  # fmt: skip
    return jid
