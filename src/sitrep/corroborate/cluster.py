"""Group event mentions into events: blocking keys, pairwise decisions, analyst judgements.

Blocks are (type, participant entity, month): mentions only meet others sharing a type and a
participant, and within a block only those whose months agree (an unknown month meets all), so
the work grows with block sizes, never with all pairs. Analyst judgements come last and win:
a merge joins mentions whatever the rules say; a split keeps its mentions apart from the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sitrep.corroborate.compat import (
    MentionView,
    place_compatible,
    same_happening,
    time_compatible,
)

UNKNOWN_MONTH = "*"


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    reason: str


@dataclass(frozen=True)
class AnalystJudgement:
    action: str  # "merge" or "split"
    mentions: tuple[str, ...]


class UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {i: i for i in items}
        self.members = {i: [i] for i in self.parent}  # root -> the group's items

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = min(ra, rb), max(ra, rb)
            self.parent[high] = low
            self.members[low] += self.members.pop(high)

    def group(self, item: str) -> list[str]:
        return self.members[self.find(item)]

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for item in self.parent:
            out[self.find(item)].append(item)
        return [sorted(g) for g in out.values()]


def months(view: MentionView) -> set[str]:
    """The months a mention's time may fall in (at most 13), or the unknown month."""
    if not view.time_start or view.time_precision in ("year", "unresolved"):
        return {UNKNOWN_MONTH}
    start, end = view.time_start[:7], (view.time_end or view.time_start)[:7]
    found: set[str] = set()
    y, m = int(start[:4]), int(start[5:7])
    while f"{y:04d}-{m:02d}" <= end and len(found) < 13:
        found.add(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return found or {UNKNOWN_MONTH}


def blocks(views: Sequence[MentionView]) -> dict[tuple[str, str], list[MentionView]]:
    out: dict[tuple[str, str], list[MentionView]] = defaultdict(list)
    for view in views:
        for entity in view.entities:
            out[(view.type, entity)].append(view)
    return out


def candidate_pairs(views: Sequence[MentionView]) -> Iterable[tuple[MentionView, MentionView]]:
    seen: set[tuple[str, str]] = set()
    for block in blocks(views).values():
        by_month: dict[str, list[MentionView]] = defaultdict(list)
        for view in block:
            for month in months(view):
                by_month[month].append(view)
        unknown = by_month.pop(UNKNOWN_MONTH, [])
        everything = [*unknown, *[v for g in by_month.values() for v in g]]
        groups = [*by_month.values(), everything]
        for group in groups:
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    key = (min(a.id, b.id), max(a.id, b.id))
                    if a.id != b.id and key not in seen:
                        seen.add(key)
                        yield a, b


def cluster(
    views: Sequence[MentionView], judgements: Sequence[AnalystJudgement] = ()
) -> tuple[list[list[str]], list[Link], int]:
    """Events as lists of mention ids, the rule links that made them, and pairs compared."""
    ids = {v.id for v in views}
    split_sets = [set(j.mentions) & ids for j in judgements if j.action == "split"]

    def kept_apart(a: str, b: str) -> bool:
        return any((a in s) != (b in s) for s in split_sets)

    uf, links, compared = UnionFind(ids), list[Link](), 0
    by_id = {v.id: v for v in views}
    for a, b in candidate_pairs(views):
        compared += 1
        if kept_apart(a.id, b.id):
            continue
        decision = same_happening(a, b)
        if not decision.same or uf.find(a.id) == uf.find(b.id):
            continue
        if _groups_conflict(uf, a.id, b.id, by_id):
            continue
        if not split_sets or not _would_bridge_split(uf, a.id, b.id, kept_apart):
            uf.union(a.id, b.id)
            links.append(Link(a.id, b.id, decision.reason))
    for judgement in judgements:
        members = [m for m in judgement.mentions if m in ids]
        if judgement.action == "merge":
            for other in members[1:]:
                uf.union(members[0], other)
    return uf.groups(), links, compared


def _groups_conflict(uf: UnionFind, a: str, b: str, by_id: dict[str, MentionView]) -> bool:
    """Joining two groups may not put two places or two times that disagree in one event.

    Without this, mentions with no place chain "in Latakia" to "in Moscow" (A ~ B ~ C).
    """
    for x in uf.group(a):
        for y in uf.group(b):
            vx, vy = by_id[x], by_id[y]
            if not (place_compatible(vx, vy).same and time_compatible(vx, vy).same):
                return True
    return False


def _would_bridge_split(uf: UnionFind, a: str, b: str, kept_apart: object) -> bool:
    """A rule merge may not join two groups an analyst's split keeps apart."""
    check = kept_apart  # typed as object to keep the signature simple for callers
    group_a = [m for m in uf.parent if uf.find(m) == uf.find(a)]
    group_b = [m for m in uf.parent if uf.find(m) == uf.find(b)]
    return any(check(x, y) for x in group_a for y in group_b)  # type: ignore[operator]
