"""Group event mentions into events: blocking keys, pairwise decisions, analyst judgements.

Blocks are (type family, participant), (type family, place) and (type family, document):
mentions only meet others that could be the same happening on some evidence. A small block
meets in full; a large one is walked in time order and in place order, each mention meeting
only neighbours that may overlap it, at most WINDOW of them, so the work grows with the number
of mentions, never with all pairs. Analyst judgements come last and win: a merge joins mentions
whatever the rules say; a split keeps its mentions apart from the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from sitrep.corroborate.compat import (
    COUNTERPART_TYPES,
    MIN_COUNT_IN_A_COUNTRY,
    MIN_SKELETON,
    MIN_TELLING_COUNT,
    MentionView,
    family,
    named_alike,
    news_of,
    place_compatible,
    same_happening,
    skeleton,
    time_compatible,
)

# A block (type, participant) is walked in sorted order and each mention meets at most this
# many neighbours: a "sorted neighbourhood" bound that keeps a block of thousands of mentions
# (one leader, one kind of event, years of reporting) linear instead of quadratic.
WINDOW = 40


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


def block_keys(view: MentionView) -> list[tuple[str, str]]:
    """The blocks a mention sits in: one per participant, its place, each telling count it
    gives, the town of a rare toll, its document, its sentence in its text's copies. Two
    mentions sharing none of these have nothing that could say they are one happening."""
    kind = family(view)
    keys = [(kind, "who:" + entity) for entity in sorted(view.entities)]
    if view.place:
        keys.append((kind, "at:" + view.place))
    for count in ("killed", "wounded"):
        value = view.count(count)
        if value is not None and value >= MIN_TELLING_COUNT:
            keys.append((kind, f"{count}:{value}"))
    keys += [(kind, key) for key in toll_places(view)]
    keys.append((kind, "doc:" + view.doc_id))
    if view.text_root:  # the same sentence in each copy of one text
        keys.append((kind, f"text:{view.text_root}:{view.sentence}"))
    return keys


def toll_places(view: MentionView) -> list[str]:
    """Where a rare toll may meet its revision (`compat.revised_toll`): its town, by key and
    by the skeleton of its name (another report's spelling of it may be another key)."""
    killed = view.count("killed")
    if killed is None or killed < MIN_COUNT_IN_A_COUNTRY or view.place is None:
        return []
    if view.place_is_country or view.place_names_region:
        return []
    keys = ["toll-at:" + view.place]
    spelt = skeleton(view.place_name or "")
    if len(spelt) >= MIN_SKELETON:
        keys.append("toll-at:~" + spelt)
    return keys


def blocks(views: Sequence[MentionView]) -> dict[tuple[str, str], list[MentionView]]:
    out: dict[tuple[str, str], list[MentionView]] = defaultdict(list)
    for view in views:
        for key in block_keys(view):
            out[key].append(view)
    return out


def _start(view: MentionView) -> str:
    """When, for sorting: the mention's time, else its report's date (an undated mention meets
    only reports published close to its own)."""
    return view.time_start or view.published or ""


def _end(view: MentionView) -> str:
    return view.time_end or _start(view)


def _by_time(view: MentionView) -> tuple[str, str, str, str]:
    return (_start(view), _end(view), view.place or "", view.id)


def _by_place(view: MentionView) -> tuple[str, str, str]:
    return (view.place or "", _start(view), view.id)


def _later_than(a: MentionView, b: MentionView) -> bool:
    """Both dated and `b` starts after `a` ends: in start order, so does everything after b."""
    return bool(a.time_start and b.time_start and b.time_start > _end(a))


def _neighbours(ranked: list[MentionView], same_place: bool) -> Iterable[tuple[int, int]]:
    for i, a in enumerate(ranked):
        for j in range(i + 1, min(i + WINDOW, len(ranked))):
            b = ranked[j]
            if (same_place and b.place != a.place) or _later_than(a, b):
                break
            yield i, j


def _all_pairs(n: int) -> Iterable[tuple[int, int]]:
    return ((i, j) for i in range(n) for j in range(i + 1, n))


def candidate_pairs(
    views: Sequence[MentionView], fresh: set[str] | None = None
) -> Iterable[tuple[MentionView, MentionView]]:
    """Pairs sharing a type and a participant whose times may overlap, bounded per block.

    Two passes over each block: by time (a mention meets those starting before it ends) and
    by place then time (an undated mention meets others at its place). Undated mentions with
    no place sort first and meet at most WINDOW neighbours. Small blocks meet in full.
    With `fresh`, a block none of whose mentions is fresh is passed over: none of its pairs
    has a fresh mention (a later run's existing events crowd blocks it adds nothing to).
    """
    seen: set[tuple[str, str]] = set()
    grouped = blocks(views)
    for key in sorted(grouped):
        block = grouped[key]
        if fresh is not None and not any(v.id in fresh for v in block):
            continue
        orders: list[tuple[list[MentionView], Iterable[tuple[int, int]]]]
        if len(block) <= WINDOW:
            orders = [(sorted(block, key=_by_time), _all_pairs(len(block)))]
        else:
            by_time, by_place = sorted(block, key=_by_time), sorted(block, key=_by_place)
            orders = [
                (by_time, _neighbours(by_time, same_place=False)),
                (by_place, _neighbours(by_place, same_place=True)),
            ]
        for ranked, index_pairs in orders:
            for i, j in index_pairs:
                a, b = ranked[i], ranked[j]
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if a.id != b.id and pair not in seen:
                    seen.add(pair)
                    yield a, b


Signature = tuple[
    str | None, str | None, bool, str | None, str | None, str | None, bool, str | None, str
]


def signature(view: MentionView) -> Signature:
    """What the group checks read of a mention: groups hold few distinct ones (publication
    dates, one per report, are kept apart as each group's earliest; an undated mention's report
    and its date are kept, as it tells that report's news)."""
    undated = view.time_start is None
    return (
        view.place, view.place_country, view.place_is_country, view.place_within,
        view.time_start, view.time_end,
        view.denies, view.published if undated else None, view.doc_id if undated else "",
    )  # fmt: skip


def _toll(view: MentionView) -> int:
    return view.count("killed") or 0


class Told(NamedTuple):
    """A report's toll as a group keeps it."""

    published: str
    killed: int
    doc_id: str
    dated: bool


def _told(view: MentionView) -> set[Told]:
    """The toll a report gives for the happening, where it is its own statement (not a
    retelling, whose count may be a part: "four children were among the dead")."""
    killed = _toll(view)
    if not (killed and view.published) or view.retells is not None:
        return set()
    return {Told(view.published, killed, view.doc_id, view.time_start is not None)}


def tolls_fall(these: set[Told], those: set[Told]) -> bool:
    """`undated_tolls_differ` across two groups: a later report gives fewer dead than an
    earlier one, and one of the two does not date the happening. Pairwise, each member may
    agree with the one it joined and still not with the rest: "14 killed" by rebel fire,
    reported on the 10th, and "four died ... over 50 injured", undated on the 11th, met only
    through a third report's "14 killed ... about 50 injured" (the same wounded count).
    (Only undated tolls are walked against the other side: most of a large group is dated.)"""
    for undated_side, other_side in ((these, those), (those, these)):
        for u in undated_side:
            if u.dated:
                continue
            for y in other_side:
                if u.doc_id == y.doc_id or u.published == y.published:
                    continue
                earlier, later = (u, y) if u.published < y.published else (y, u)
                if later.killed < earlier.killed:
                    return True
    return False


def agree(x: MentionView, y: MentionView, places: bool = True) -> bool:
    """May two members of one event stand together? Places agree; dated times overlap; an
    undated member from another report tells news of its report's days, so a dated member
    may not lie days before that report (else "six killed in Douma", undated, chains through
    its own report's mentions to a barrage of three weeks before). (Otherwise an undated member
    takes its event's time: it was joined on evidence already; that no report predates the
    happening is checked per group.)"""
    if places and not place_compatible(x, y).same:
        return False
    if x.time_start and y.time_start:
        return time_compatible(x, y).same
    undated, dated = (y, x) if x.time_start else (x, y)
    return news_of(undated, dated)


def _compared(view: MentionView) -> MentionView:
    """What a group holds a mention to: a retelling linked by extraction ("the attack", "the
    strikes") is placed by what it retells; a place its sentence names besides is another
    clause's ("Daesh claimed the attack, a response to the coalition's crimes in Manbij")."""
    if view.retells is None or view.place is None:
        return view
    return replace(
        view,
        place=None, place_name=None, place_country=None, place_is_country=False, place_within=None,
    )  # fmt: skip


class Grouping(UnionFind):
    """Union-find that also keeps, per group, one mention for each distinct place and time,
    the participants the group names, its latest dated start and its earliest report."""

    def __init__(self, views: Sequence[MentionView]) -> None:
        super().__init__(v.id for v in views)
        self.signatures = {v.id: {signature(c): c} for v in views for c in (_compared(v),)}
        self.entities = {v.id: set(v.entities) for v in views}
        # the participants that name a happening: no state (`participants_compatible`), except
        # in a meeting, where who meets whom is the happening
        self.naming = {
            v.id: set(v.entities if v.type in COUNTERPART_TYPES else v.entities - v.states)
            for v in views
        }
        # Groups naming a person (or meetings) are told apart by who is in them.
        self.personal = {v.id: bool(v.people) or v.type in COUNTERPART_TYPES for v in views}
        # The names of the people a group names, when it names nobody else ("Tony Mendez"),
        # so a later "Mendez" may join it; None once it names a group or a state.
        self.people: dict[str, set[str] | None] = {
            v.id: None if v.entities - v.people else {v.names.get(k, k) for k in v.people}
            for v in views
        }
        self.latest = {v.id: v.time_start or "" for v in views}
        self.earliest = {v.id: v.published or "9999" for v in views}
        # (document, killed) of each member with a toll: one report's two tolls are two events
        self.tolls = {v.id: {(v.doc_id, _toll(v))} - {(v.doc_id, 0)} for v in views}
        # each report's own toll, to compare across reports (`tolls_fall`)
        self.told = {v.id: _told(v) for v in views}

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        super().union(a, b)
        if ra != rb:
            low, high = min(ra, rb), max(ra, rb)
            for key, view in self.signatures.pop(high).items():
                self.signatures[low].setdefault(key, view)
            self.entities[low] |= self.entities.pop(high)
            self.naming[low] |= self.naming.pop(high)
            self.personal[low] = self.personal[low] or self.personal.pop(high)
            mine, theirs = self.people[low], self.people.pop(high)
            self.people[low] = None if mine is None or theirs is None else mine | theirs
            self.latest[low] = max(self.latest[low], self.latest.pop(high))
            self.earliest[low] = min(self.earliest[low], self.earliest.pop(high))
            self.tolls[low] |= self.tolls.pop(high)
            self.told[low] |= self.told.pop(high)

    def conflict(self, a: str, b: str, retold: bool = False) -> bool:
        """Joining two groups may not put two places or two times that disagree in one event,
        nor two groups that each name participants and share none where a person is named.
        A retelling joins what it retells whatever place or toll each names (`retelling`).

        Without this, mentions with no place chain "in Latakia" to "in Moscow" (A ~ B ~ C).
        """
        ra, rb = self.find(a), self.find(b)
        if self.latest[ra] > self.earliest[rb] or self.latest[rb] > self.earliest[ra]:
            return True  # a happening would date after a report that tells it
        for doc, killed in () if retold else self.tolls[ra]:
            if any(doc == other and killed != toll for other, toll in self.tolls[rb]):
                return True  # "42 killed in Homs ... 3 killed in another blast in Homs"
        if tolls_fall(self.told[ra], self.told[rb]):
            return True
        named = self.naming[ra] and self.naming[rb]
        personal = self.personal[ra] or self.personal[rb]
        if named and personal and not self.entities[ra] & self.entities[rb]:
            people_a, people_b = self.people[ra], self.people[rb]
            if people_a is None or people_b is None or not named_alike(people_a, people_b):
                return True
        for x in self.signatures[ra].values():
            for y in self.signatures[rb].values():
                if not agree(x, y, places=not retold):
                    return True
        return False


def cluster(
    views: Sequence[MentionView],
    judgements: Sequence[AnalystJudgement] = (),
    settled: Sequence[Sequence[str]] = (),
    fresh: set[str] | None = None,
) -> tuple[list[list[str]], list[Link], int]:
    """Events as lists of mention ids, the rule links that made them, and pairs compared.

    A later run passes the existing events among `views` as `settled` (they stay together, as
    they were joined on evidence before) and its new mentions as `fresh`: only pairs with a
    fresh mention are compared, so a new mention joins an event or bridges two, and the rest
    stays as it is."""
    ids = {v.id for v in views}
    split_sets = [set(j.mentions) & ids for j in judgements if j.action == "split"]

    def kept_apart(a: str, b: str) -> bool:
        return any((a in s) != (b in s) for s in split_sets)

    groups, links, compared = Grouping(views), list[Link](), 0
    for members in settled:
        for other in members[1:]:
            groups.union(members[0], other)
    for a, b in candidate_pairs(views, fresh):
        if fresh is not None and a.id not in fresh and b.id not in fresh:
            continue
        compared += 1
        if groups.find(a.id) == groups.find(b.id) or (split_sets and kept_apart(a.id, b.id)):
            continue
        decision = same_happening(a, b)
        if not decision.same or groups.conflict(a.id, b.id, decision.feature == "retold"):
            continue
        if split_sets and _would_bridge_split(groups, a.id, b.id, kept_apart):
            continue  # a rule merge may not join two groups an analyst's split keeps apart
        groups.union(a.id, b.id)
        links.append(Link(a.id, b.id, decision.reason))
    for judgement in judgements:
        members = [m for m in judgement.mentions if m in ids]
        if judgement.action == "merge":
            for other in members[1:]:
                groups.union(members[0], other)
    return groups.groups(), links, compared


def _would_bridge_split(
    uf: UnionFind, a: str, b: str, kept_apart: Callable[[str, str], bool]
) -> bool:
    return any(kept_apart(x, y) for x in uf.group(a) for y in uf.group(b))
