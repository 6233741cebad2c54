"""Ties that do not say which happening: an undated mention days after a dated one, an armed
group struck in both reports (pure functions on mention views built by hand)."""

from __future__ import annotations

from dataclasses import replace

from sitrep.corroborate.cluster import cluster
from sitrep.corroborate.compat import MentionView, news_of, same_happening

DAESH = "pk_islamic-state"


def strike(
    id_: str,
    doc: str,
    published: str,
    start: str | None = None,
    killed: int | None = 6,
    place: str = "Douma",
) -> MentionView:
    return MentionView(
        id=id_, doc_id=doc, type="ASSAULT", mode="unspecified", entities=frozenset(),
        place=place, place_name=place, place_country="SY",
        time_start=start, time_end=start, time_precision="day" if start else None,
        casualties={"killed": killed} if killed else None, published=published,
    )  # fmt: skip


def test_an_undated_mention_is_news_of_its_report_not_a_strike_days_before() -> None:
    # "air strikes on Douma killed at least six", reported on 3 February, undated; another
    # report recalls rockets "on January 25 ... killing six" there.
    undated = strike("1", "d1", "2015-02-03")
    barrage = strike("2", "d2", "2015-02-05", start="2015-01-25")
    decision = same_happening(undated, barrage)
    assert not decision.same and "days before its report" in decision.reason
    assert not news_of(undated, barrage)
    # The day before its report, the same toll at the same town is the same strike.
    yesterday = replace(barrage, time_start="2015-02-01", time_end="2015-02-01")
    assert news_of(undated, yesterday) and same_happening(undated, yesterday).same
    # A denial answers a happening weeks old; within one report nothing is compared this way.
    assert news_of(replace(undated, denies=True), barrage)
    assert news_of(replace(undated, doc_id="d2"), barrage)


def test_an_undated_mention_does_not_chain_to_an_older_strike_through_its_report() -> None:
    # d2 tells the 25 January barrage and, undated, "six were killed" (tied by who fired);
    # d1's undated "six killed in Douma" meets that undated sentence, not the barrage.
    jaysh = "pk_jaysh-al-islam"
    barrage = replace(
        strike("2", "d2", "2015-02-05", start="2015-01-25", killed=None),
        entities=frozenset({jaysh}),
        roles={jaysh: "actor"},
    )
    told_again = replace(strike("3", "d2", "2015-02-05"), entities=frozenset({jaysh}))
    undated = strike("1", "d1", "2015-02-03")
    assert same_happening(barrage, told_again).same
    assert same_happening(told_again, undated).same  # pairwise, nothing dates either
    groups, _links, _n = cluster([barrage, told_again, undated])
    assert not any({"1", "2"} <= set(g) for g in groups), groups


def _on_daesh(id_: str, doc: str, role: str) -> MentionView:
    return replace(
        strike(id_, doc, "2016-07-19", start="2016-07-19", killed=None, place="Manbij"),
        entities=frozenset({DAESH}),
        names={DAESH: "Daesh"},
        roles={DAESH: role},
        groups=frozenset({DAESH}),
    )


def test_an_armed_group_struck_in_both_reports_is_no_tie() -> None:
    # "air strikes against Daesh near Manbij" / "the rebels battle Daesh for Manbij": one
    # campaign, two happenings; the town and the day alone are too little across reports.
    air = _on_daesh("1", "d1", "target")
    ground = _on_daesh("2", "d2", "target")
    decision = same_happening(air, ground)
    assert not decision.same and "too little" in decision.reason
    # The group that strikes in both reports still ties them ("Daesh bombed Manbij").
    assert same_happening(_on_daesh("1", "d1", "actor"), _on_daesh("2", "d2", "actor")).same
    # A struck participant that is no armed group (a shrine, a district) still ties them.
    shrine = "ent_shrine"
    at_shrine = [
        replace(v, entities=frozenset({shrine}), roles={shrine: "target"}, groups=frozenset())
        for v in (air, ground)
    ]
    assert same_happening(*at_shrine).same
