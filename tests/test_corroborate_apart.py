"""Two happenings that pairwise rules let meet through a third report: a toll that falls from
an earlier report to a later one (pure functions on mention views built by hand)."""

from __future__ import annotations

from dataclasses import replace

from sitrep.corroborate.cluster import Told, cluster, tolls_fall
from sitrep.corroborate.compat import MentionView, same_happening


def attack(
    id_: str,
    doc: str,
    published: str,
    start: str | None = None,
    killed: int | None = None,
    wounded: int | None = None,
) -> MentionView:
    counts = {k: v for k, v in (("killed", killed), ("wounded", wounded)) if v is not None}
    return MentionView(
        id=id_, doc_id=doc, type="ASSAULT", mode="unspecified", entities=frozenset(),
        place="Aleppo", place_name="Aleppo", place_country="SY",
        time_start=start, time_end=start, time_precision="day" if start else None,
        casualties=counts or None, published=published,
    )  # fmt: skip


def test_a_toll_that_falls_between_reports_keeps_their_groups_apart() -> None:
    # Rebel rockets "killed at least 14" on the 10th (d1, that day); a later digest (d3, the
    # 13th) recalls them: "14 killed and about 50 injured". The regime's gas barrel, told on
    # the 11th (d2) undated: "four people died while over 50 were injured". d3 and d2 share
    # the wounded count, so pairwise they join; but d2 would then give four dead a day after
    # d1 gave 14, and a toll only rises as the dead are counted.
    rockets = attack("1", "d1", "2016-08-10", "2016-08-10", killed=14)
    recalled = attack("3", "d3", "2016-08-13", "2016-08-10", killed=14, wounded=50)
    gas = attack("2", "d2", "2016-08-11", killed=4, wounded=50)
    assert same_happening(rockets, recalled).same
    assert same_happening(recalled, gas).same
    assert not same_happening(rockets, gas).same  # the pairwise rule, for comparison
    groups, _links, _n = cluster([rockets, recalled, gas])
    assert not any({"1", "2"} <= set(g) for g in groups), groups
    # A toll that rises is a revision: the same three with 4 told first and 14 later join.
    earlier = replace(gas, published="2016-08-10")
    later = replace(rockets, published="2016-08-11")
    digest = replace(recalled, published="2016-08-12")
    groups, _links, _n = cluster([later, digest, earlier])
    assert any({"1", "2", "3"} <= set(g) for g in groups), groups


def test_falling_tolls_compare_reports_not_retellings_or_one_report() -> None:
    earlier = {Told("2016-08-10", 14, "d1", True)}
    assert tolls_fall(earlier, {Told("2016-08-11", 4, "d2", False)})
    assert not tolls_fall(earlier, {Told("2016-08-11", 20, "d2", False)})  # a rising toll
    assert not tolls_fall(earlier, {Told("2016-08-11", 4, "d2", True)})  # both dated: the day ties
    assert not tolls_fall(earlier, {Told("2016-08-10", 4, "d2", False)})  # one day: no order
    assert not tolls_fall(earlier, {Told("2016-08-11", 4, "d1", False)})  # one report's parts
