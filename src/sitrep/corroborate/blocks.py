"""The block index: where a new event mention finds the grouped mentions it may join.

Each grouped mention has one row per block it sits in (`cluster.block_keys`), with when it
happened (or, undated, when it was reported). A later run looks up only the rows its new
mentions could join: across reports a join needs a tie (`compat.weigh`), so only the blocks of
a named participant that is no state and of a telling count are asked, and within them only
the rows whose time could meet (`compat.may_meet`, widened to what an indexed range can ask).
Its cost follows the neighbourhood of what a run adds, not the size of the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    CompoundSelect,
    Connection,
    String,
    and_,
    bindparam,
    delete,
    select,
    union,
)

from sitrep.corroborate.cluster import block_keys
from sitrep.corroborate.compat import (
    CLOSE_DAYS,
    DENIAL_DAYS,
    PUBLISHED_DAYS,
    MentionView,
)
from sitrep.records import MAX_HAPPENING_DAYS
from sitrep.store import chunked, insert_ignore
from sitrep.store import schema as s

# Width classes and how far before a new mention's start a row of each class may begin and
# still overlap it. Wider than a year is a pattern of activity that joins only the very same
# span, which starts on the same day (class 0's margin finds it).
MARGINS = {0: CLOSE_DAYS, 1: 31, 2: MAX_HAPPENING_DAYS}
YEARLESS = 3  # "March 18" with no year: few, read whole per block


def width_class(view: MentionView) -> int:
    if view.month_day and not view.time_start:
        return YEARLESS
    width = view.width or 0
    return next((c for c, days in MARGINS.items() if width <= days), 0)


def index_rows(views: Iterable[MentionView]) -> list[dict[str, object]]:
    return [
        {
            "key": "|".join(key),
            "mention_id": v.id,
            "start": v.time_start,
            "end": v.end,
            "published": v.published,
            "width": width_class(v),
            "denies": v.denies,
        }
        for v in views
        for key in block_keys(v)
    ]


def replace_index(conn: Connection, views: Sequence[MentionView]) -> None:
    """The rows of these mentions, as they are now (a re-grouping may have changed a view)."""
    for chunk in chunked(sorted(v.id for v in views)):
        conn.execute(delete(s.event_blocks).where(s.event_blocks.c.mention_id.in_(chunk)))
    insert_ignore(conn, s.event_blocks, index_rows(views))


def is_empty(conn: Connection) -> bool:
    return conn.execute(select(s.event_blocks.c.mention_id).limit(1)).first() is None


def tie_keys(view: MentionView) -> list[str]:
    """The blocks where something could tie another report to this mention: a participant that
    is no state or nationality, a telling count, the town of a rare toll that a later report
    may revise (not its place otherwise, not its document)."""
    keys = []
    for kind, value in block_keys(view):
        who = value.removeprefix("who:")
        if value.startswith("who:") and who in view.states:
            continue
        if value.startswith(("who:", "killed:", "wounded:", "toll-at:")):
            keys.append(f"{kind}|{value}")
    return keys


def _shift(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


def candidates(conn: Connection, fresh: Sequence[MentionView]) -> set[str]:
    """Grouped mentions of another report that a fresh one may join (`tie_keys`) and whose
    time may meet it: dated rows overlapping its window (each width class with its margin; a
    denial up to DENIAL_DAYS after), undated ones reported within PUBLISHED_DAYS, yearless days.
    (Mentions of the fresh mention's own report are fresh themselves.) One query per fresh
    mention, each term of it an indexed range (a union of them, so each is read as a range)."""
    found: set[str] = set()
    for view in fresh:
        keys = tie_keys(view)
        if not keys:
            continue
        params: dict[str, object] = {"keys": keys}
        if view.published:
            params["pub_low"] = _shift(view.published, -PUBLISHED_DAYS)
            params["pub_high"] = _shift(view.published, PUBLISHED_DAYS)
        if view.time_start:
            end = view.end or view.time_start
            before = DENIAL_DAYS if view.denies else 0
            params["end"] = end
            params["late_high"] = _shift(end, DENIAL_DAYS)
            for width, margin in MARGINS.items():
                params[f"low{width}"] = _shift(view.time_start, -margin - before)
                params[f"late{width}"] = _shift(view.time_start, -margin)
        elif view.month_day:
            params["day"] = f"%-{view.month_day}"
        query = _query(bool(view.published), bool(view.time_start), bool(view.month_day))
        found.update(conn.execute(query, params).scalars())
    return found


def _day(name: str) -> BindParameter[str]:
    return bindparam(name, type_=String())


@cache
def _query(published: bool, dated: bool, month_day: bool) -> CompoundSelect[Any]:
    """The lookup of `candidates` for a kind of fresh mention, built once (its bounds are
    parameters): one indexed range per term, united. As one OR the database would read the
    whole of each block (every report of a participant, however old) and filter it."""
    b = s.event_blocks.c
    terms = [b.width == YEARLESS]
    if published:
        near = b.published.between(_day("pub_low"), _day("pub_high"))
        terms.append(and_(near, b.start.is_(None)) if dated else near)
    if dated:
        for width in MARGINS:
            low, late = _day(f"low{width}"), _day(f"late{width}")
            terms.append(and_(b.width == width, b.start.between(low, _day("end"))))
            # a denial dated after the happening it answers
            after = b.start.between(late, _day("late_high"))
            terms.append(and_(b.width == width, b.denies.is_(True), after))
    elif month_day:
        terms.append(b.start.like(_day("day")))
    keys = bindparam("keys", type_=String(), expanding=True)
    return union(*(select(b.mention_id).where(b.key.in_(keys), term) for term in terms))
