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
) -> MentionView:
    return MentionView(
        id=id_, doc_id="d" + id_, type="CONSULT", mode=mode,
        entities=frozenset({"pk_esmail-ghaani"}), place=place, place_name=place,
        place_country=country if place else None, place_is_country=is_country,
        time_start=start, time_end=end or start, time_precision="range" if end else "day",
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


def test_a_meeting_without_a_place_joins_a_visit() -> None:
    # "no» to the question whether the meeting of A with B took place" / "B flew to Moscow".
    met = view("1", mode="meeting")
    visited = view("2", place="Moscow", country="RU")
    decision = same_happening(met, visited)
    assert decision.same and "place unknown on one side" in decision.reason


def test_meetings_with_different_counterparts_stay_apart() -> None:
    putin = "pk_vladimir-putin"
    with_a = replace(
        view("1", mode="meeting"), entities=frozenset({putin, "pk_benjamin-netanyahu"})
    )
    with_b = replace(view("2", mode="meeting"), entities=frozenset({putin, "pk_qassem-soleimani"}))
    only_putin = replace(view("3", mode="meeting"), entities=frozenset({putin}))
    decision = same_happening(with_a, with_b)
    assert not decision.same and "different counterparts" in decision.reason
    assert same_happening(with_a, only_putin).same
