"""What a twelfth round of FA-KES articles outside the events gold taught about the participants
(session 30, helper a): both sides of a clash whatever verb the parse hangs "between" on; a
coalition "led" by a country is the coalition; who began an operation is who it targets with;
who "carried out" killings did them; a nationality before a word for people is not the people.
Sentences written for sitrep, read with the shipped pipeline; FA-KES strips commas, so several
are written without them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventreading import doers, read_events, roles
from sitrep.records import EventMention

PUBLISHED = "2016-10-13"  # a Thursday


def _violent(nlp: Language, text: str) -> list[EventMention]:
    return [e for e in read_events(nlp, text, PUBLISHED) if e.type in ("ASSAULT", "DIE")]


def _everyone(events: list[EventMention]) -> set[str]:
    return {text for e in events for _, text in roles(e)}


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        # "clashes" tagged a verb whose auxiliary the parse made of it
        (
            "Meanwhile clashes resumed today between army troops and rebel fighters near Hama.",
            ("army troops", "rebel fighters"),
        ),
        # "clashes" tagged a verb, "erupted" a participle hung on it
        (
            "Heavy clashes then erupted between the Daesh fighters and Kurdish units the "
            "monitor said.",
            ("Daesh", "Kurdish units"),
        ),
        # the sides on the predicate of a copula
        (
            "Intense fighting was underway between the militants and Kurdish units near Manbij.",
            ("the militants", "Kurdish units"),
        ),
        (
            "Fierce battles were ongoing between government troops and the insurgents in Daraa.",
            ("government troops", "the insurgents"),
        ),
        # a verb of going on that names no sides itself
        (
            "Clashes escalated on Monday between regime forces and Kurdish fighters in Qamishli.",
            ("regime forces", "Kurdish fighters"),
        ),
    ],
)
def test_both_sides_of_a_clash(domain_nlp: Language, sentence: str, sides: tuple[str, ...]) -> None:
    events = _violent(domain_nlp, sentence)
    found = {d for e in events for d in doers(e)}
    assert events and all(any(side in d for d in found) for side in sides), [
        (e.trigger, roles(e)) for e in events
    ]


def test_an_adjective_opening_the_sentence_is_no_side(domain_nlp: Language) -> None:
    # "Heavy" read as the subject of "clashes" tagged a verb
    text = "Heavy clashes between army troops and rebels in Daraa killed 12 people on Monday."
    events = _violent(domain_nlp, text)
    assert events and "Heavy" not in _everyone(events)
    assert any({"army troops", "rebels"} <= doers(e) for e in events)


def test_a_coalition_led_by_a_country_is_the_coalition(domain_nlp: Language) -> None:
    text = "Air strikes by the US-led coalition killed nine civilians in Manbij on Tuesday."
    events = _violent(domain_nlp, text)
    assert events and all("US" not in doers(e) for e in events)
    assert any(any("US-led coalition" in d for d in doers(e)) for e in events)


def test_who_began_the_operation_targets_with_it(domain_nlp: Language) -> None:
    text = "Turkey began the operation on Wednesday targeting the Kurdish militia in Afrin."
    events = _violent(domain_nlp, text)
    assert events and any("Turkey" in doers(e) for e in events)


@pytest.mark.parametrize(
    ("sentence", "doer"),
    [
        ("Daesh has carried out similar killings in the past.", "Daesh"),
        (
            "The militia carried out the execution of 12 prisoners in Raqqa on Monday.",
            "The militia",
        ),
    ],
)
def test_who_carried_out_killings_did_them(domain_nlp: Language, sentence: str, doer: str) -> None:
    events = _violent(domain_nlp, sentence)
    assert events and all(doer not in {t for r, t in roles(e) if r == "target"} for e in events)
    assert any(doer in doers(e) for e in events)


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        (
            "A group of Syrian doctors was killed in an air strike on a clinic in Aleppo.",
            "Syrian doctors",
        ),
        (
            "The jets struck the Kurdish militia near Afrin on Wednesday.",
            "the Kurdish militia",
        ),
    ],
)
def test_a_nationality_is_not_the_people_it_describes(
    domain_nlp: Language, sentence: str, people: str
) -> None:
    events = _violent(domain_nlp, sentence)
    targets = {t for e in events for r, t in roles(e) if r == "target"}
    assert events and "Syrian" not in targets and "Kurdish" not in targets
    assert any(people in t for t in targets), [(e.trigger, roles(e)) for e in events]


def test_a_town_read_as_a_group_is_the_place_struck(domain_nlp: Language) -> None:
    # the tagger reads the town as an organisation; the gazetteer knows it as a city
    text = "Government helicopters dropped barrel bombs on Jisr al-Shughour on Friday."
    events = _violent(domain_nlp, text)
    assert events and all("Jisr al-Shughour" not in _everyone([e]) for e in events)
    assert any(e.place is not None and e.place.text == "Jisr al-Shughour" for e in events)


def test_a_group_the_sentence_makes_an_agent_stays(domain_nlp: Language) -> None:
    text = "Hezbollah fighters attacked the Nusra Front near Arsal on Friday."
    events = _violent(domain_nlp, text)
    assert events and any("Nusra Front" in t for e in events for _, t in roles(e))


def test_who_says_an_attack_killed_did_not_make_it(domain_nlp: Language) -> None:
    text = "A local activist said an air strike killed seven people in Saraqib on Monday."
    events = _violent(domain_nlp, text)
    assert events and all(not any("activist" in d for d in doers(e)) for e in events)


def test_the_munitions_a_strike_was_made_with_killed_no_one(domain_nlp: Language) -> None:
    # "killing" hung on the munitions: what the jets struck with is no doer, nor anyone hit
    for text in (
        "Fighter jets struck the town of Saraqib with cluster munitions killing 10 civilians.",
        "Fighter jets struck the town of Tabqa with cluster munitions killing at least 10 "
        "civilians.",
    ):
        events = _violent(domain_nlp, text)
        assert events and all("munitions" not in t for t in _everyone(events)), text
