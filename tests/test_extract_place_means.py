"""A name that describes what an attack was done with ("with a captured Humvee military car")
is no place of the attack (`extract.merge._describes_a_noun`). Sentences written for sitrep,
read with the shipped pipeline."""

from __future__ import annotations

from spacy.language import Language

from eventreading import read_events


def _places(nlp: Language, text: str) -> set[str]:
    events = read_events(nlp, text, "2019-01-22")
    return {m.place.text for m in events if m.place is not None}


def test_the_vehicle_an_attack_used_is_no_place(domain_nlp: Language) -> None:
    text = (
        "A car bomb was rammed into an army base in Maidan Shahr on Monday. "
        "The base belongs to the intelligence service; it was targeted with a captured Humvee "
        "military car packed with explosives, followed by two gunmen."
    )
    assert "Humvee" not in _places(domain_nlp, text)


def test_a_town_the_attack_was_in_still_places_it(domain_nlp: Language) -> None:
    text = "Rebels attacked an army post with rockets in the town of Kafr Nabl on Monday."
    assert any("Kafr Nabl" in p for p in _places(domain_nlp, text))
