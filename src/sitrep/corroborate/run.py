"""The corroboration stage against the store: mentions -> events, origins, status, judgements."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from sitrep.corroborate import blocks
from sitrep.corroborate.cluster import Link, block_keys, cluster
from sitrep.corroborate.compat import MentionView, may_meet
from sitrep.corroborate.origins import ClaimView, event_status, origin_key
from sitrep.corroborate.status_history import CORROBORATION, changes, log_changes, statuses
from sitrep.corroborate.views import load_claims, load_judgements, load_mentions
from sitrep.errors import UsageError
from sitrep.records import REPORTED_DAYS_METHOD, REPORTED_MONTH_METHOD, stable_id
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
    store: Store,
    doc_ids: Sequence[str] | None = None,
    *,
    everything: bool = False,
    why: str = CORROBORATION,
) -> CorroborationStats:
    """Group event mentions into events, incrementally.

    By default the scope is the mentions not yet in an event (a run's new documents, or those
    an analyst judgement released) with every mention that could join them and the rest of
    their events; `doc_ids` names the documents instead; `everything` re-groups the store.
    A rebuilt event whose status changed logs the change with `why` (the run, or the analyst's
    judgement, that made it; `status_history`).
    """
    with store.transaction() as conn:
        if not everything and blocks.is_empty(conn):
            # A store grouped before the block index existed: re-group it once, which fills it.
            everything = _has_events(conn)
        if everything:
            views = load_mentions(conn, None)
            old_events = _event_ids(conn, {v.id for v in views})
            settled: list[list[str]] = []
            fresh: set[str] | None = None
        else:
            views, old_events, settled, fresh = _scope(conn, doc_ids)
        judgements = load_judgements(conn)
        groups, links, compared = cluster(views, judgements, settled, fresh)
        by_id = {v.id: v for v in views}
        was = _current_events(conn, set(by_id))
        # A later run leaves the events it did not change as they are: the same mentions give
        # the same event, so only the groups a new mention joined or bridged are rebuilt. Not
        # when an analyst's decision released some of them: the event they left is rebuilt.
        judged = {m for j in judgements for m in j.mentions}
        kept = _unchanged(groups, was) if fresh is not None and not fresh & judged else {}
        groups = [g for g in groups if g[0] not in kept]
        old_events -= set(kept.values())
        claims = load_claims(conn, [m for g in groups for m in g])
        before = _where_and_when(conn, old_events)
        was_status = statuses(conn, old_events)
        _forget(conn, old_events)
        rows = [
            event_row([by_id[m] for m in group], [c for m in group for c in claims.get(m, [])])
            for group in groups
        ]
        _keep_ids(groups, rows, was, set(kept.values()))
        _log_moves(conn, before, rows)
        now = {str(row["id"]): str(row["status"]) for row in rows}
        log_changes(conn, changes(was_status, now, _predecessors(groups, rows, was)), why)
        insert_ignore(conn, s.events, rows)
        members = zip(groups, rows, strict=True)
        _assign(conn, [(m, row["id"]) for group, row in members for m in group])
        _set_origin_keys(conn, claims)
        _log_links(conn, links)
        blocks.replace_index(conn, [by_id[m] for g in groups for m in g])
        standing = Counter(statuses(conn, kept.values()).values())
        by_status = Counter(str(row["status"]) for row in rows) + standing
    n_events = len(groups) + len(kept)
    return CorroborationStats(len(views), n_events, compared, len(links), dict(by_status))


def _scope(
    conn: Connection, doc_ids: Sequence[str] | None
) -> tuple[list[MentionView], set[str], list[list[str]], set[str] | None]:
    """What a later run re-groups: the fresh mentions (not yet in an event, or those of
    `doc_ids`), the grouped ones the block index says they may meet, and the other members of
    those mentions' events. Returns the views, the ids of the events they replace, those
    events' memberships without the fresh mentions (settled: they stay together), and the
    fresh ids (only pairs with a fresh mention are compared); for named documents, nothing
    settled and every pair compared. Nothing here reads the whole
    store, so the cost follows what the run adds."""
    if doc_ids is None:
        m = s.event_mentions.c
        pending = conn.execute(
            select(m.id).where(m.event_id.is_(None), m.modality.is_(None))
        ).scalars()
        fresh = load_mentions(conn, None, list(pending))
    else:
        fresh = load_mentions(conn, doc_ids)
    fresh_ids = {v.id for v in fresh}
    by_key: dict[tuple[str, str], list[MentionView]] = defaultdict(list)
    for v in fresh:
        for key in block_keys(v):
            by_key[key].append(v)
    found = load_mentions(conn, None, sorted(blocks.candidates(conn, fresh) - fresh_ids))
    # Block mates that some fresh mention of their block may meet (time-wise); the rest of a
    # dense block (a leader's years of visits) stays as it is.
    near = [
        v for v in found
        if any(may_meet(f, v) for key in block_keys(v) for f in by_key.get(key, ()))
    ]  # fmt: skip
    events = _event_ids(conn, fresh_ids | {v.id for v in near})  # named documents have events
    members = _members_by_event(conn, events)
    loaded = fresh_ids | {v.id for v in near}
    rest = sorted({m for ids in members.values() for m in ids} - loaded)
    views = fresh + near + load_mentions(conn, None, rest)
    if doc_ids is not None:
        # Named documents (an analyst's decision touched them) are re-grouped with their whole
        # neighbourhood, freely: an event a mention of theirs bridged must be able to come
        # apart again when the decision is undone.
        return views, events, [], None
    known = {v.id for v in views}
    settled = [sorted(set(ids) & known - fresh_ids) for _event, ids in sorted(members.items())]
    return views, events, [g for g in settled if len(g) > 1], fresh_ids


def _has_events(conn: Connection) -> bool:
    return conn.execute(select(s.events.c.id).limit(1)).first() is not None


def _members_by_event(conn: Connection, event_ids: set[str]) -> dict[str, list[str]]:
    m = s.event_mentions.c
    out: dict[str, list[str]] = defaultdict(list)
    for chunk in chunked(sorted(event_ids)):
        for r in conn.execute(select(m.id, m.event_id).where(m.event_id.in_(chunk))):
            out[r.event_id].append(r.id)
    return dict(out)


def _current_events(conn: Connection, mention_ids: set[str]) -> dict[str, str]:
    """Mention id -> the event it is in now."""
    found: dict[str, str] = {}
    for chunk in chunked(sorted(mention_ids)):
        query = select(s.event_mentions.c.id, s.event_mentions.c.event_id).where(
            s.event_mentions.c.id.in_(chunk)
        )
        found.update({r.id: r.event_id for r in conn.execute(query) if r.event_id})
    return found


def _unchanged(groups: list[list[str]], was: dict[str, str]) -> dict[str, str]:
    """First mention -> event, for each group that is exactly an existing event (all of whose
    mentions are in scope: `_scope` loads every member of an event it touches)."""
    size = Counter(was.values())
    out = {}
    for group in groups:
        events = {was.get(m) for m in group}
        if len(events) == 1 and (event := events.pop()) is not None and size[event] == len(group):
            out[group[0]] = event
    return out


def _predecessors(
    groups: list[list[str]], rows: list[dict[str, Any]], was: dict[str, str]
) -> dict[str, str]:
    """New event id -> the event it was read from before: its own id when it kept one
    (`_keep_ids`), else the event most of its mentions were in (a part split off); none for
    an event made of mentions no event held."""
    out: dict[str, str] = {}
    for group, row in zip(groups, rows, strict=True):
        votes = Counter(was[m] for m in group if m in was)
        if not votes:
            continue
        event_id = str(row["id"])
        out[event_id] = event_id if event_id in votes else min(votes, key=lambda e: (-votes[e], e))
    return out


def _keep_ids(
    groups: list[list[str]],
    rows: list[dict[str, Any]],
    was: dict[str, str],
    standing: Iterable[str] = (),
) -> None:
    """Existing events keep their ids: a re-grouped event takes the id of the old event most of
    its mentions were in (larger groups choose first); the others keep the id made from their
    first mention, or one made from all their mentions when that one is taken (`standing`:
    the ids of the events left as they are)."""
    order = sorted(range(len(groups)), key=lambda i: (-len(groups[i]), groups[i][0]))
    taken: set[str] = set(standing)
    kept: set[int] = set()
    for i in order:
        votes = Counter(was[m] for m in groups[i] if m in was)
        for old, _n in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            if old not in taken:
                rows[i]["id"] = old
                taken.add(old)
                kept.add(i)
                break
    for i in order:
        if i not in kept:
            if rows[i]["id"] in taken:
                rows[i]["id"] = stable_id("evt", "split", *groups[i])
            taken.add(rows[i]["id"])


def _event_ids(conn: Connection, mention_ids: set[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunked(sorted(mention_ids)):
        query = select(s.event_mentions.c.event_id).where(s.event_mentions.c.id.in_(chunk))
        found |= {e for e in conn.execute(query).scalars() if e}
    return found


Placing = tuple[str | None, str | None, str | None, str | None]  # start, end, precision, place


def _where_and_when(conn: Connection, event_ids: set[str]) -> dict[str, Placing]:
    e = s.events.c
    out: dict[str, Placing] = {}
    for chunk in chunked(sorted(event_ids)):
        query = select(e.id, e.time_start, e.time_end, e.time_precision, e.place)
        for r in conn.execute(query.where(e.id.in_(chunk))):
            place = r.place.get("name") if isinstance(r.place, dict) else None
            out[r.id] = (r.time_start, r.time_end, r.time_precision, place)
    return out


def _log_moves(conn: Connection, before: dict[str, Placing], rows: list[dict[str, Any]]) -> None:
    """An event that keeps its id but changes its time or place says so, with the reason: the
    most precise time (or the most precise place) its reports now give."""
    moves = []
    for row in rows:
        old = before.get(str(row["id"]))
        place = row["place"].get("name") if isinstance(row["place"], dict) else None
        new: Placing = (row["time_start"], row["time_end"], row["time_precision"], place)
        if old is None or old == new:
            continue
        reason = (
            f"time {old[0]}..{old[1]} ({old[2]}) -> {new[0]}..{new[1]} ({new[2]}), "
            f"place {old[3]} -> {new[3]}: the most precise its reports now give"
        )
        moves.append(
            {
                "id": stable_id("jdg", "event-move", row["id"], *old, *new),
                "subject": "event",
                "action": "relabel",
                "targets": {"event": row["id"], "from": list(old), "to": list(new)},
                "by": "rule",
                "actor": "corroborate.event_row",
                "reason": reason,
                "created_at": utc_now(),
                "active": True,
            }
        )
    insert_ignore(conn, s.judgements, moves)


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


def _event_time(views: list[MentionView], best: MentionView) -> dict[str, str | None]:
    """The best time a report gives; else the days up to the earliest report, or the month it
    came out in when it is dated to a month (a bound the text did not give, shown so an undated
    attack still sits on the timeline). Its precision is the span's: a report of 19 September
    bounds the event to 17-19 September, a range, not to the month the explorer and the brief
    would say it is known to."""
    windows = sorted(v.reported for v in views if v.reported)
    if best.time_start or not windows:  # a date, or an "unresolved" day of the year, or nothing
        start, end, precision = best.time_start, best.time_end, best.time_precision
        method = best.time_method if (start or precision) else None
        return {
            "time_start": start,
            "time_end": end,
            "time_precision": precision,
            "time_method": method,
        }
    start, end = windows[0]
    # the method says "dated by its report", which the span alone does not: a range the
    # report bounds reads like one the text gave ("between 3 and 5 May")
    month = _whole_month(start, end)
    return {
        "time_start": start,
        "time_end": end,
        "time_precision": "month" if month else "range",
        "time_method": REPORTED_MONTH_METHOD if month else REPORTED_DAYS_METHOD,
    }


def _whole_month(start: str, end: str) -> bool:
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return (
        first.day == 1
        and (first.year, first.month) == (last.year, last.month)
        and ((last + timedelta(days=1)).day == 1)
    )


def event_row(views: list[MentionView], claims: list[ClaimView]) -> dict[str, Any]:
    """One event from its mentions: union of participants, most precise place and time."""
    first = min(views, key=lambda v: v.id)
    status = event_status(claims)
    participants: dict[str, dict[str, str | None]] = {}
    for v in views:
        for key, name in v.names.items():
            participants.setdefault(
                key, {"role": v.roles.get(key, "actor"), "entity_id": key, "name": name}
            )
    for v in views:  # then who no entity stands for ("civilians", "insurgents"), once each
        for role, text in v.unnamed:
            entry = {"role": role, "entity_id": None, "name": text}
            participants.setdefault("np:" + " ".join(text.lower().split()), entry)
    # The most precise time a report of the happening gives; a denial's time is the denial's
    # ("the Kremlin denied in August"), so it dates the event only when nothing else does.
    timed = sorted(views, key=lambda v: (v.denies, PRECISION_RANK.get(v.time_precision, 5), v.id))
    best_time = timed[0]
    placed = [v for v in views if v.place]
    # A retelling's place comes after that of the telling it refers back to: "the strikes hit
    # the village of X" may name a part of what was told, or the parse's misreading of it.
    place = (
        min(placed, key=lambda v: (v.place_is_country, v.retells is not None, v.id))
        if placed
        else None
    )
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
        **_event_time(views, best_time),
        "casualties": casualties,
        "status": status.status,
        "status_reason": status.reason,
        "n_claims": len(claims),
        "n_origins": status.n_origins,
        "origins": list(status.origins),
        "first_told": first_told(views),
    }


def first_told(views: list[MentionView]) -> str:
    """Where the event was first told, as a key that sorts: the earliest report's date (an
    undated report last), its document, the sentence. Events of one day then list in the
    order the reports told them, not by id (which orders nothing a reader knows). A teaser
    linked forward to the story's telling (a standfirst) counts where the story tells it, as
    the event's claims are read (`read.claims.claims_by_event`)."""
    first = min(views, key=lambda v: (v.published or "9999-12-31", v.doc_id, told_at(v)))
    return f"{first.published or '9999-12-31'}|{first.doc_id}|{told_at(first):06d}"


def told_at(view: MentionView) -> int:
    """The sentence where a mention's happening is told: its own, or the later one it teases."""
    sentence = view.sentence or 0
    return view.retells if view.retells is not None and view.retells > sentence else sentence


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
    parts: list[dict[str, str | None]],
    place: MentionView | None,
    t: MentionView,
) -> str:
    who = ", ".join(str(p["name"]) for p in parts) or "unknown participants"
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
