"""Four small classes left by the thirteenth round's participants and places (session 31,
helper e): a nationality on a country's ground ("shelled Turkish soil") places the happening
in the country it names; a side's possessive whose apostrophe copy stripped ("the Coalitions
airstrikes") is the doer; countries run together in a longer list are one participant each;
"a siege of groups in Aleppo" is placed in Aleppo. Sentences written for sitrep, read with the
shipped pipeline; FA-KES strips apostrophes and commas, so several are written without them."""

from __future__ import annotations

from spacy.language import Language

from eventreading import events_of, places_of, roles
from sitrep.records import EventMention
from sitrep.resolve.places import resolve_place

PUBLISHED = "2016-10-13"  # a Thursday


def _events(
    nlp: Language, text: str, types: tuple[str, ...] = ("ASSAULT", "DIE")
) -> list[EventMention]:
    return events_of(nlp, text, PUBLISHED, types)


_places = places_of


# --- a nationality on a country's ground ----------------------------------------------------


def _resolved(events: list[EventMention]) -> list[str]:
    """Each place as written (a span must hold its own words: the workbench links to them),
    then the place resolution reads it as."""
    out = []
    for place in _places(events):
        found = resolve_place(place) if place else None
        out.append(f"{place} {found.name if found else None}")
    return out


def test_shelling_a_countrys_soil_is_placed_in_that_country(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "The army shelled Turkish soil on Friday.")
    assert _resolved(events) == ["Turkish soil Turkey"], events
    assert not [r for e in events for r in roles(e) if r[0] == "target"]


def test_striking_a_countrys_territory_is_placed_in_that_country(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Syrian jets struck Lebanese territory on Monday.")
    assert _resolved(events) == ["Lebanese territory Lebanon"], events


def test_a_strike_in_a_countrys_airspace_is_placed_there(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Israeli jets struck a convoy in Lebanese airspace on Monday.")
    assert _resolved(events) == ["Lebanese airspace Lebanon"], events


def test_a_nationality_before_other_nouns_places_nothing(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Syrian jets struck Turkish positions on Monday.")
    assert _places(events) == [None], events


def test_a_town_named_beside_the_ground_stays_the_place(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Turkish tanks shelled Syrian territory near Jarablus on Monday.")
    assert _places(events) == ["Jarablus"], events


# --- a side's possessive without its apostrophe -----------------------------------------------


def _doers(events: list[EventMention]) -> list[str]:
    return [text for e in events for role, text in roles(e) if role in ("actor", "by")]


def test_a_countrys_lost_possessive_before_its_jets_is_the_doer(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Russias jets bombed Idlib on Sunday.")
    assert _doers(events) == ["Russia"], events


def test_a_sides_lost_possessive_before_its_shelling_is_the_doer(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "The regimes shelling killed five people in Douma on Tuesday.")
    assert "regime" in _doers(events), events
    assert "The regimes" not in _doers(events), events


def test_the_coalitions_airstrikes_are_the_coalitions(domain_nlp: Language) -> None:
    text = "According to reports the Coalitions airstrikes destroyed two bridges near Raqqa."
    events = _events(domain_nlp, text)
    assert events and all(_doers([e]) == ["Coalition"] for e in events), events


def test_a_lost_possessive_before_a_place_is_still_no_one(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Jets bombed Syrias second city on Sunday.")
    assert not [d for d in _doers(events) if d.startswith("Syria")], events


def test_the_source_after_according_to_is_still_no_doer(domain_nlp: Language) -> None:
    text = "Five people were killed in the shelling according to the head of the local council."
    assert not _doers(_events(domain_nlp, text))


# --- countries run together in a longer list --------------------------------------------------


def _by_role(events: list[EventMention], role: str) -> set[str]:
    return {text for e in events for r, text in roles(e) if r == role}


def test_a_country_run_into_the_next_of_a_list_is_a_participant(domain_nlp: Language) -> None:
    text = "Turkey Saudi Arabia and Qatar sent weapons to the rebels on Monday."
    events = _events(domain_nlp, text, ("AID",))
    assert _by_role(events, "actor") == {"Turkey", "Saudi Arabia", "Qatar"}, events


def test_three_countries_run_together_before_the_last_are_each_a_backer(
    domain_nlp: Language,
) -> None:
    text = "The rebels are backed by the USA Turkey Saudi Arabia and Qatar."
    events = _events(domain_nlp, text, ("SUPPORT",))
    assert _by_role(events, "actor") == {"USA", "Turkey", "Saudi Arabia", "Qatar"}, events


def test_a_word_before_a_country_that_is_no_country_stays_out(domain_nlp: Language) -> None:
    text = "Last Monday Saudi Arabia and Qatar sent weapons to the rebels."
    events = _events(domain_nlp, text, ("AID",))
    assert _by_role(events, "actor") == {"Saudi Arabia", "Qatar"}, events


# --- a siege of people in a place -------------------------------------------------------------


def test_a_siege_of_groups_in_a_city_is_placed_there(domain_nlp: Language) -> None:
    text = "The regime tightened a siege of opposition groups in Aleppo on Monday."
    events = _events(domain_nlp, text, ("COERCE",))
    assert _places(events) == ["Aleppo"], events
    assert _by_role(events, "target") == {"opposition groups"}, events


def test_a_siege_of_a_town_still_holds_the_town(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "The regime imposed a siege of Madaya on Monday.", ("COERCE",))
    assert _by_role(events, "target") == {"Madaya"}, events
