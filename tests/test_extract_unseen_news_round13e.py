"""Four small classes left by the thirteenth round's participants and places (session 31,
helper e): a nationality on a country's ground ("shelled Turkish soil") places the happening
in the country it names; a side's possessive whose apostrophe copy stripped ("the Coalitions
airstrikes") is the doer; countries run together in a longer list are one participant each;
"a siege of groups in Aleppo" is placed in Aleppo. Sentences written for sitrep, read with the
shipped pipeline; FA-KES strips apostrophes and commas, so several are written without them."""

from __future__ import annotations

from spacy.language import Language

from eventreading import read_events, roles
from sitrep.records import EventMention

PUBLISHED = "2016-10-13"  # a Thursday


def _events(
    nlp: Language, text: str, types: tuple[str, ...] = ("ASSAULT", "DIE")
) -> list[EventMention]:
    return [e for e in read_events(nlp, text, PUBLISHED) if e.type in types]


def _places(events: list[EventMention]) -> list[str | None]:
    return [e.place.text if e.place else None for e in events]


# --- a nationality on a country's ground ----------------------------------------------------


def test_shelling_a_countrys_soil_is_placed_in_that_country(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "The army shelled Turkish soil on Friday.")
    assert _places(events) == ["Turkey"], events
    assert not [r for e in events for r in roles(e) if r[0] == "target"]


def test_striking_a_countrys_territory_is_placed_in_that_country(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Syrian jets struck Lebanese territory on Monday.")
    assert _places(events) == ["Lebanon"], events


def test_a_strike_in_a_countrys_airspace_is_placed_there(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Israeli jets struck a convoy in Lebanese airspace on Monday.")
    assert _places(events) == ["Lebanon"], events


def test_a_nationality_before_other_nouns_places_nothing(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Syrian jets struck Turkish positions on Monday.")
    assert _places(events) == [None], events


def test_a_town_named_beside_the_ground_stays_the_place(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Turkish tanks shelled Syrian territory near Jarablus on Monday.")
    assert _places(events) == ["Jarablus"], events
