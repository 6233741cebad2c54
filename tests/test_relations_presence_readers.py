"""Presence read by the rule readers alone (issue 19, session 28): people named by what they are,
every place of a list, the name a described phrase is apposed to, the parties of a happening at
its place, visits, and a place in a place. Sentences written for these tests; the learned model
is left out so that each test is one rule's reading. Skipped until the trained pipeline ships."""

from __future__ import annotations

from functools import cache

import pytest
from spacy.language import Language

from sitrep.extract.pipeline import PACKAGE_MODEL
from sitrep.extract.relations import extract_relations


@cache
def _nlp() -> Language:
    if not (PACKAGE_MODEL / "meta.json").exists():
        pytest.skip("the trained pipeline has not shipped yet (src/sitrep/models/sitrep_en)")
    from sitrep.pipeline import load_domain_pipeline

    return load_domain_pipeline(None, "syria-iraq")


def present(text: str) -> set[tuple[str, str]]:
    rels = extract_relations("doc", _nlp()(text), "2021-05-10", "Test Wire", learned=False)
    return {(r.subject.text, r.object.text) for r in rels if r.type == "present-in"}


def has(pairs: set[tuple[str, str]], subject: str, place: str) -> bool:
    return any(subject in s and place in o for s, o in pairs)


def test_people_named_by_what_they_are_are_somewhere() -> None:
    pairs = present("The agency finally delivered food to civilians in Madaya last week.")
    assert has(pairs, "civilians", "Madaya"), pairs


def test_every_place_of_a_list() -> None:
    pairs = present("The number of ISIL militants in Raqqa and Deir ez-Zor has fallen sharply.")
    assert has(pairs, "ISIL militants", "Raqqa"), pairs
    assert has(pairs, "ISIL militants", "Deir ez-Zor"), pairs


def test_the_name_a_described_phrase_is_apposed_to() -> None:
    pairs = present("Abu Omar al-Tunisi, a senior ISIL commander in Raqqa, was killed on Monday.")
    assert has(pairs, "Abu Omar al-Tunisi", "Raqqa"), pairs


def test_the_parties_of_a_happening_are_at_its_place() -> None:
    pairs = present("Ministers said the defeat of Daesh in Iraq would take several more years.")
    assert has(pairs, "Daesh", "Iraq"), pairs


def test_a_visit_puts_the_visitor_at_its_object() -> None:
    pairs = present(
        "Foreign Minister Sergei Lavrov visited Turkey on Monday for two days of talks."
    )
    assert has(pairs, "Lavrov", "Turkey"), pairs


def test_the_name_apposed_to_a_title_met_somewhere() -> None:
    pairs = present("Boris Johnson met the Iraqi Foreign Minister, Ibrahim al-Jaafari, in London.")
    assert has(pairs, "Jaafari", "London"), pairs


def test_a_place_in_a_place_by_the_words() -> None:
    pairs = present("Iraqi troops began an operation to retake the city of Mosul in Iraq.")
    assert has(pairs, "Mosul", "Iraq"), pairs
    pairs = present("Dozens were killed when a car bomb exploded in Anbar province, Iraq.")
    assert has(pairs, "Anbar", "Iraq"), pairs


def test_a_list_of_places_is_no_place_in_a_place() -> None:
    pairs = present("Aid convoys reached Aleppo, Homs and Hama on Tuesday.")
    assert not has(pairs, "Aleppo", "Homs") and not has(pairs, "Homs", "Hama"), pairs


def test_a_topic_or_a_situation_is_nobody_somewhere() -> None:
    pairs = present("The minister discussed the humanitarian situation in Aleppo with reporters.")
    assert not has(pairs, "situation", "Aleppo"), pairs


def test_a_long_list_of_members_keeps_its_last_names() -> None:
    text = (
        "Countries that have flown missions over Syria include Bahrain, Canada, Denmark, "
        "France, Jordan, the Netherlands, the United Kingdom, and the United States."
    )
    rels = extract_relations("doc", _nlp()(text), None, None, learned=False)
    members = {r.subject.text for r in rels if r.type == "member-of"}
    assert {"Bahrain", "Jordan", "Netherlands", "United States"} <= {
        m.removeprefix("the ") for m in members
    }, members


def test_whoever_one_meets_with_is_there_too() -> None:
    pairs = present("In Erbil, the UN envoy met with Kurdish commanders on Sunday.")
    assert has(pairs, "Kurdish commanders", "Erbil"), pairs


def test_the_residents_of_a_place_are_there() -> None:
    pairs = present("Aid workers warned that the residents of Aleppo were running out of food.")
    assert has(pairs, "residents", "Aleppo"), pairs
    pairs = present("Moscow doubled the forces of Russia that guard the base.")
    assert not has(pairs, "forces", "Russia"), pairs


def test_the_leader_of_a_part_belongs_to_the_body() -> None:
    text = "A Free Syrian Army brigade commander, Ahmad Saoud, said the town had fallen."
    rels = extract_relations("doc", _nlp()(text), None, None, learned=False)
    kinds = {(r.type, r.subject.text, r.object.text) for r in rels}
    assert ("member-of", "Ahmad Saoud", "Free Syrian Army") in kinds, kinds
    assert not any(k == "commands" for k, _, _ in kinds), kinds
    text = "The Nusra Front leader Abu Mohammed al-Jolani spoke on Monday."
    rels = extract_relations("doc", _nlp()(text), None, None, learned=False)
    assert any(r.type == "commands" and "Jolani" in r.subject.text for r in rels)
