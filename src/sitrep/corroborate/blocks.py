"""The block index: where a new event mention finds the grouped mentions it may join.

Each grouped mention has one row per block it sits in (`cluster.block_keys`), with when it
happened (or, undated, when it was reported). A later run looks up only the rows of its new
mentions' blocks whose time could meet theirs (`compat.may_meet`, widened to what an indexed
range can ask), so its cost follows the neighbourhood of what it adds, not the size of the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Connection, and_, delete, or_, select

from sitrep.corroborate.cluster import block_keys
from sitrep.corroborate.compat import DENIAL_DAYS, PUBLISHED_DAYS, MentionView
from sitrep.store import chunked, insert_ignore
from sitrep.store import schema as s

# A dated mention whose window is at most this wide is found by its start; wider ones (a month,
# a year, a yearless day) are few and read whole per block.
NARROW_DAYS = 31


def is_wide(view: MentionView) -> bool:
    if view.month_day and not view.time_start:
        return True
    return view.width is not None and view.width > NARROW_DAYS


def index_rows(views: Iterable[MentionView]) -> list[dict[str, object]]:
    return [
        {
            "key": "|".join(key),
            "mention_id": v.id,
            "start": v.time_start,
            "end": v.end,
            "published": v.published,
            "wide": is_wide(v),
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


def _shift(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


def candidates(conn: Connection, fresh: Sequence[MentionView]) -> set[str]:
    """Grouped mentions sharing a block with a fresh one and whose time may meet it: reported
    within PUBLISHED_DAYS, or dated within the fresh one's window (widened by a month before,
    for a window that starts earlier, and by DENIAL_DAYS after, for a denial), or wide."""
    b = s.event_blocks.c
    found: set[str] = set()
    for view in fresh:
        near: list[ColumnElement[bool]] = []
        if view.published:
            low = _shift(view.published, -PUBLISHED_DAYS)
            high = _shift(view.published, PUBLISHED_DAYS)
            near.append(b.published.between(low, high))
        if view.time_start:
            low = _shift(view.time_start, -NARROW_DAYS - DENIAL_DAYS)
            high = _shift(view.end or view.time_start, DENIAL_DAYS)
            near.append(b.start.between(low, high))
        near.append(b.wide.is_(True))
        keys = ["|".join(key) for key in block_keys(view)]
        query = select(b.mention_id).where(and_(b.key.in_(keys), or_(*near)))
        found.update(conn.execute(query).scalars())
    return found
