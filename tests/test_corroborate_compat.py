"""Pairwise decisions and clustering on mention views built by hand (pure functions)."""

from __future__ import annotations

from dataclasses import replace

from sitrep.corroborate.cluster import cluster
from sitrep.corroborate.compat import MentionView, same_happening, time_compatible


def view(
    id_: str,
    mode: str = "visit",
    place: str | None = None,
    start: str | None = None,
    end: str | None = None,
    country: str | None = "SY",
    is_country: bool = False,
    published: str | None = "2020-03-20",
) -> MentionView:
    return MentionView(
        id=id_, doc_id="d" + id_, type="CONSULT", mode=mode,
        entities=frozenset({"pk_esmail-ghaani"}), place=place, place_name=place,
        place_country=country if place else None, place_is_country=is_country,
        time_start=start, time_end=end or start,
        time_precision=("range" if end else "day") if start else None, published=published,
    )  # fmt: skip


def test_a_decade_long_span_is_activity_not_one_visit() -> None:
    trips = view("1", place="Syria", start="2010-03-11", end="2020-03-11", is_country=True)
    aleppo = view("2", place="Aleppo")
    decision = time_compatible(trips, aleppo)
    assert not decision.same and "spans years" in decision.reason
    assert time_compatible(trips, trips).same


def test_place_less_mentions_do_not_chain_two_cities_into_one_event() -> None:
    latakia = view("1", place="Latakia")
    nowhere = view("2")
    moscow = view("3", place="Moscow", country="RU")
    groups, _links, _n = cluster([latakia, nowhere, moscow])
    assert not any({"1", "3"} <= set(g) for g in groups), groups


def test_a_meeting_joins_a_visit_only_at_the_same_place() -> None:
    met = view("1", mode="meeting", place="Damascus")
    visited_country = view("2", place="Syria", is_country=True)
    visited_city = view("3", place="Damascus")
    assert not same_happening(met, visited_country).same
    assert same_happening(met, visited_city).same


def test_a_meeting_without_a_place_joins_a_visit_of_the_same_report() -> None:
    # "no» to the question whether the meeting of A with B took place" / "B flew to Moscow".
    met = replace(view("1", mode="meeting"), doc_id="d2")
    visited = view("2", place="Moscow", country="RU")
    decision = same_happening(met, visited)
    assert decision.same and "place unknown on one side" in decision.reason
    # From another report, one shared name and nothing else is too little.
    elsewhere = same_happening(view("1", mode="meeting"), visited)
    assert not elsewhere.same and "too little" in elsewhere.reason


def test_meetings_with_different_counterparts_stay_apart() -> None:
    putin = "pk_vladimir-putin"
    met = view("1", mode="meeting", place="Moscow", country="RU", start="2018-05-09")
    with_a = replace(met, entities=frozenset({putin, "pk_benjamin-netanyahu"}))
    with_b = replace(met, id="2", doc_id="d2", entities=frozenset({putin, "pk_qassem-soleimani"}))
    only_putin = replace(met, id="3", doc_id="d3", entities=frozenset({putin}))
    decision = same_happening(with_a, with_b)
    assert not decision.same and "different counterparts" in decision.reason
    assert same_happening(with_a, only_putin).same


def test_an_undated_mention_joins_only_reports_published_days_apart() -> None:
    dated = view("1", place="Aleppo", start="2020-03-18", published="2020-03-19")
    close = view("2", place="Aleppo", published="2020-03-20")
    late = view("3", place="Aleppo", published="2020-05-02")
    assert same_happening(dated, close).same
    decision = same_happening(dated, late)
    assert not decision.same and "not close" in decision.reason
    # Its report of the 21st tells the news of the 19th to the 21st: not the 18th.
    days_after = view("4", place="Aleppo", published="2020-03-21")
    assert not same_happening(dated, days_after).same


def test_two_undated_mentions_join_only_where_their_report_windows_meet() -> None:
    """Each undated mention tells its report's last days (the window extraction dates it by):
    reports three days apart tell two windows that do not meet."""
    one = view("1", place="Aleppo", published="2016-08-12")
    two_days = view("2", place="Aleppo", published="2016-08-14")
    three_days = view("3", place="Aleppo", published="2016-08-15")
    assert same_happening(one, two_days).same
    decision = same_happening(one, three_days)
    assert not decision.same and "not close" in decision.reason


def test_a_happening_never_comes_after_the_report_that_tells_it() -> None:
    old_report = view(
        "1", place="Baghdad", country="IQ", start="2020-01-03", published="2020-01-03"
    )
    new_visit = view("2", place="Baghdad", country="IQ", start="2021-06-01", end="2021-06-07",
                     published="2021-06-10")  # fmt: skip
    undated_old = view("3", place="Baghdad", country="IQ", published="2020-01-04")
    for old in (old_report, undated_old):
        decision = same_happening(old, new_visit)
        assert not decision.same and "after the report" in decision.reason


def test_a_country_is_no_evidence_of_the_same_town() -> None:
    nobody = frozenset[str]()
    in_aleppo = replace(view("1", place="Aleppo", start="2020-03-18"), entities=nobody)
    in_syria = replace(
        view("2", place="Syria", is_country=True, start="2020-03-18"), entities=nobody
    )
    also_aleppo = replace(view("3", place="Aleppo", start="2020-03-18"), entities=nobody)
    refused = same_happening(in_aleppo, in_syria)
    assert not refused.same and "lies in Syria" in refused.reason
    # One town on one day is not one happening either (a city at war sees several a day) ...
    refused = same_happening(in_aleppo, also_aleppo)
    assert not refused.same and "too little" in refused.reason
    # ... until something ties the two reports: the same toll.
    toll = {"killed": 12}
    joined = same_happening(
        replace(in_aleppo, casualties=toll), replace(also_aleppo, casualties=toll)
    )
    assert joined.same and "same place Aleppo" in joined.reason and "12 killed" in joined.reason


def test_a_district_the_text_puts_in_a_city_joins_the_city_on_other_evidence() -> None:
    """A district the text puts in a city ("the Salaheddin district of Aleppo") and "Aleppo",
    one day, one toll: one happening. The district alone is no evidence (no toll: apart), and
    a district of another city does not join."""
    nobody = frozenset[str]()
    toll = {"killed": 9}
    city = replace(view("1", place="geo:aleppo", start="2016-08-02"), entities=nobody,
                   casualties=toll, place_name="Aleppo")  # fmt: skip
    district = replace(view("2", place="place:salaheddin-in-aleppo", start="2016-08-02"),
                       entities=nobody, casualties=toll, place_name="Salaheddin",
                       place_within="geo:aleppo")  # fmt: skip
    joined = same_happening(district, city)
    assert joined.same and "Salaheddin lies in Aleppo" in joined.reason
    untold = same_happening(replace(district, casualties=None), replace(city, casualties=None))
    assert not untold.same and "too little" in untold.reason
    elsewhere = replace(district, place_within="geo:homs")
    refused = same_happening(elsewhere, city)
    assert not refused.same and "places differ" in refused.reason


def test_a_state_shared_ties_nothing_a_named_group_does() -> None:
    # "Syrian" and "Russia" take part in most happenings of their war; a named group does not.
    syria = "pk_syria"
    first = replace(
        view("1", place="Idlib", start="2017-04-04"), entities=frozenset({syria}),
        states=frozenset({syria}),
    )  # fmt: skip
    second = replace(first, id="2", doc_id="d2")
    assert not same_happening(first, second).same
    group = "pk_hayat-tahrir-al-sham"
    assert same_happening(
        replace(first, entities=frozenset({syria, group})),
        replace(second, entities=frozenset({syria, group})),
    ).same


def test_one_town_on_one_day_is_not_one_attack() -> None:
    def raid(id_: str, mode: str) -> MentionView:
        return replace(
            view(id_, place="Aleppo", start="2016-09-20"), type="ASSAULT", mode=mode,
            entities=frozenset(), family="violence",
        )  # fmt: skip

    # An offensive repelled and an air raid on a convoy, both "in Aleppo on Tuesday"; nor are
    # two air raids on a city under siege one raid on that evidence alone.
    assert not same_happening(raid("1", "offensive"), raid("2", "air-strike")).same
    assert not same_happening(raid("1", "air-strike"), raid("2", "air-strike")).same


def test_different_people_named_are_different_happenings() -> None:
    qaani = view("1", place="Baghdad", country="IQ", start="2021-06-01")
    soleimani = replace(qaani, id="2", doc_id="d2", entities=frozenset({"pk_qassem-soleimani"}))
    decision = same_happening(qaani, soleimani)
    assert not decision.same and "no shared participant" in decision.reason


def strike(id_: str, type_: str, killed: int, roles: dict[str, str]) -> MentionView:
    return MentionView(
        id=id_, doc_id="d" + id_, type=type_, mode=None, entities=frozenset(roles),
        roles=roles, names={k: k for k in roles}, family="violence", time_start="2019-12-29",
        time_end="2019-12-29", time_precision="day", published="2019-12-30",
        casualties={"killed": killed},
    )  # fmt: skip


def test_an_attack_and_the_deaths_it_caused_are_one_happening() -> None:
    strikes = strike("1", "ASSAULT", 25, {"pk_united-states": "actor", "pk_kataib": "target"})
    deaths = strike("2", "DIE", 25, {"pk_united-states": "by"})
    decision = same_happening(strikes, deaths)
    assert decision.same and "same count: 25 killed" in decision.reason
    other_toll = strike("3", "DIE", 3, {"pk_united-states": "by"})
    assert same_happening(strikes, other_toll).same  # shared name and the same day
    # The one who strikes in one report is the one struck in the other: not the same.
    struck = strike("4", "DIE", 25, {"pk_kataib": "by"})
    crossed = same_happening(strikes, struck)
    assert not crossed.same and "struck in the other" in crossed.reason


def test_groups_go_by_many_names_people_do_not() -> None:
    army = strike("1", "DIE", 1300, {"pk_syrian-army": "by"})
    state = strike("2", "DIE", 1300, {"pk_syria": "by"})
    decision = same_happening(army, state)  # same day, same toll, no person named apart
    assert decision.same and "no person named apart" in decision.reason
    qaani = replace(army, people=frozenset({"pk_syrian-army"}))
    assert not same_happening(qaani, state).same


def test_an_unlocated_place_name_holds_the_located_one() -> None:
    located = replace(strike("1", "DIE", 58, {}), place="gn_idlib", place_name="Idlib",
                      place_country="SY")  # fmt: skip
    unlocated = replace(strike("2", "DIE", 58, {}), place="pl_idlib-syria",
                        place_name="Idlib Syria")  # fmt: skip
    elsewhere = replace(unlocated, place="pl_hama", place_name="Hama")
    decision = same_happening(located, unlocated)
    assert decision.same and "Idlib Syria names Idlib" in decision.reason
    assert not same_happening(located, elsewhere).same


def test_a_later_run_reaches_only_the_time_neighbourhood_of_its_mentions() -> None:
    from sitrep.corroborate.compat import may_meet

    new = view("1", place="Aleppo", start="2020-03-18", published="2020-03-19")
    assert may_meet(new, view("2", place="Aleppo", start="2020-03-01", end="2020-03-31"))
    assert not may_meet(new, view("3", place="Aleppo", start="2016-05-02"))
    assert may_meet(new, view("4", place="Aleppo", published="2020-03-20"))
    assert not may_meet(new, view("5", place="Aleppo", published="2019-11-20"))
    # may_meet is never stricter than the decision itself.
    for other in (view(str(i), place="Aleppo", start=f"2020-03-{d:02d}") for i, d in
                  enumerate(range(10, 28), start=10)):  # fmt: skip
        assert may_meet(new, other) or not same_happening(new, other).same


def test_a_later_report_with_fewer_dead_tells_another_undated_happening() -> None:
    def clash(id_: str, killed: int, published: str, start: str | None = None) -> MentionView:
        return replace(
            strike(id_, "DIE", killed, {"pk_sdf": "by"}),
            place="Tabqa", place_name="Tabqa", place_country="SY",
            time_start=start, time_end=start, time_precision="day" if start else None,
            published=published,
        )  # fmt: skip

    # Nothing dates either: the same group, the same town, reports two days apart. A toll
    # rises as the dead are counted, so the later report's lower toll is another clash.
    first, second = clash("1", 13, "2017-04-07"), clash("2", 12, "2017-04-09")
    decision = same_happening(first, second)
    assert not decision.same and "fewer dead than the earlier (12 / 13" in decision.reason
    # A toll that rises joins; so do reports of one day (which came first is unknown) and a
    # pair whose day is known on both sides (the day ties them, whatever the revisions).
    assert same_happening(clash("3", 11, "2017-04-07"), second).same
    assert same_happening(clash("4", 13, "2017-04-09"), second).same
    both_dated = (
        clash("5", 13, "2017-04-07", "2017-04-05"),
        clash("6", 12, "2017-04-09", "2017-04-05"),
    )
    assert same_happening(*both_dated).same


def test_one_report_tells_a_battle_and_an_air_raid_apart() -> None:
    # "Rebels launched an assault on government-held districts ... on Monday" and "air raids on
    # the rebel-held parts killed 13 Monday", both in Aleppo, in one report: two happenings.
    def told(sentence: int, mode: str) -> MentionView:
        return replace(
            view("1", place="Aleppo", start="2016-07-11"), id=f"m{sentence}", type="ASSAULT",
            mode=mode, entities=frozenset(), family="violence", sentence=sentence,
        )  # fmt: skip

    refused = same_happening(told(1, "offensive"), told(6, "air-strike"))
    assert not refused.same and "nothing ties them" in refused.reason
    # A battle told twice, or a raid first called shelling, stays one happening.
    assert same_happening(told(1, "offensive"), told(3, "clash")).same
    assert same_happening(told(6, "air-strike"), told(8, "shelling")).same
    assert same_happening(told(1, "offensive"), told(8, "unspecified")).same


def test_a_tally_over_days_ties_no_single_happening() -> None:
    # "Attacks on Aleppo in the past 48 hours killed 10 people" sums several happenings; "ten
    # civilians were killed in the shelling of a neighbourhood" is one. The same figure is no
    # tie between them, but it is between two reports of the same tally.
    def told(id_: str, plural: bool, start: str | None, end: str | None) -> MentionView:
        return replace(
            view(id_, place="Aleppo", start=start, end=end, published="2016-04-05"),
            type="ASSAULT", mode=None, entities=frozenset(), family="violence", plural=plural,
            casualties={"killed": 10},
        )  # fmt: skip

    tally = told("1", True, "2016-04-04", "2016-04-05")
    assert tally.is_tally
    refused = same_happening(tally, told("2", False, None, None))
    assert not refused.same and "same count" not in refused.reason
    assert same_happening(tally, told("3", True, "2016-04-04", "2016-04-05")).same
    # Air strikes on one day are one happening, whatever the plural.
    assert not told("4", True, "2016-04-04", None).is_tally


def test_the_same_sentence_of_two_copies_is_one_happening() -> None:
    # A page saved twice, or a wire story syndicated: "The blast heard Saturday evening ... was
    # due to a rocket", with no participant or toll to tie the two reports, is one statement.
    def blast(id_: str, doc: str, sentence: int) -> MentionView:
        return replace(
            view(id_, place="Damascus", start="2013-08-24"), doc_id=doc, type="ASSAULT",
            mode="bombing", entities=frozenset(), family="violence", sentence=sentence,
            trigger="blast", text_root="d1",
        )  # fmt: skip

    decision = same_happening(blast("1", "d1", 2), blast("2", "d2", 2))
    assert decision.same and "copied" in decision.reason
    # Another sentence of the copy is weighed as any other report's.
    assert not same_happening(blast("1", "d1", 2), blast("3", "d2", 5)).same
    groups, _links, _n = cluster([blast("1", "d1", 2), blast("2", "d2", 2)])
    assert sorted(map(sorted, groups)) == [["1", "2"]]


def _death(id_: str, name: str, sentence: int, key: str = "") -> MentionView:
    """A death told in report "d": the one who died named as `name` (its own entity)."""
    who = key or "person:" + name.lower().replace(" ", "-")
    return MentionView(
        id=id_, doc_id="d", type="DIE", mode="died", entities=frozenset({who}),
        names={who: name}, roles={who: "target"}, people=frozenset({who}),
        place="gn_frederick", place_name="Frederick", place_country="US",
        time_start="2019-01-19", time_end="2019-01-19", time_precision="day",
        published="2019-01-22", sentence=sentence,
    )  # fmt: skip


def test_a_person_named_later_by_surname_is_the_one_named_in_full() -> None:
    # "Tony Mendez died Saturday ... at a Frederick facility" / "Mendez died of Parkinson's":
    # resolution keeps "Mendez" apart (the report also names "Jonna Mendez").
    full, surname = _death("1", "Tony Mendez", 0), _death("2", "Mendez", 24)
    decision = same_happening(full, surname)
    assert decision.same and "by surname" in decision.reason
    groups, _links, _n = cluster([full, surname])
    assert any({"1", "2"} <= set(g) for g in groups), groups


def test_two_people_who_share_no_surname_stay_apart() -> None:
    tony, jonna = _death("1", "Tony Mendez", 0), _death("2", "Jonna Mendez", 5)
    assert not same_happening(tony, jonna).same
    # a surname is never a first name: "Tony" is not "Tony Mendez" either way round
    assert not same_happening(tony, _death("3", "Tony", 6)).same
    groups, _links, _n = cluster([tony, jonna])
    assert not any({"1", "2"} <= set(g) for g in groups), groups


def test_a_small_toll_ties_a_town_to_its_country_only_when_rare() -> None:
    """Four killed in "northern Syria" and four in Deir Ezzor a day apart are two happenings
    (small tolls recur daily across a war); 35 killed in both tells one."""
    nobody = frozenset[str]()
    town = replace(view("1", place="Deir Ezzor", start="2016-09-05"), entities=nobody)
    region = replace(view("2", place="Syria", is_country=True, start="2016-09-05"), entities=nobody)
    few, many = {"killed": 4}, {"killed": 35}
    refused = same_happening(replace(town, casualties=few), replace(region, casualties=few))
    assert not refused.same and "too little" in refused.reason
    joined = same_happening(replace(town, casualties=many), replace(region, casualties=many))
    assert joined.same and "35 killed" in joined.reason
