"""Deaths in accidents, a happening named in general ("the accident"), and the actors of a
nominal that a verb of taking part carries or the tagger took for a verb. Sentences written
for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.records import EventMention

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def _events(nlp: Language, text: str) -> list[EventMention]:
    return list(extract_events("d", nlp(text), "2019-02-05", None, None).events)


def _asserted(nlp: Language, text: str) -> dict[str, EventMention]:
    return {
        e.trigger.lower(): e for e in _events(nlp, text) if e.modality is None and not e.negated
    }


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A military transport plane crashed near Hama on Sunday, its crew said.", "crashed"),
        (
            "An old four-storey building collapsed in the Bab al-Nairab district of Aleppo.",
            "collapsed",
        ),
    ],
)
def test_a_craft_that_crashes_or_a_building_that_collapses_is_a_death(
    domain_nlp: Language, text: str, trigger: str
) -> None:
    found = _asserted(domain_nlp, text)
    assert trigger in found, text
    assert found[trigger].type == "DIE"
    assert found[trigger].participants == ()  # the plane and the building are no victims


@pytest.mark.parametrize(
    "text",
    [
        "The truce collapsed in Aleppo on Monday after a week.",
        "Oil prices crashed in Tehran on Monday.",
        "The talks collapsed in Geneva on Friday.",
    ],
)
def test_what_falls_only_in_a_figure_kills_no_one(domain_nlp: Language, text: str) -> None:
    assert not [e for e in _events(domain_nlp, text) if e.type == "DIE"], text


def test_the_accident_tells_the_toll_of_the_collapse_before_it(domain_nlp: Language) -> None:
    text = (
        "Local media said a damaged five-storey block of flats collapsed in a neighbourhood "
        "of Aleppo on Saturday. The accident in the Bustan district killed nine people."
    )
    found = _asserted(domain_nlp, text)
    collapse, toll = found["collapsed"], found["killed"]
    assert toll.retells == collapse.sentence  # grouped as one happening with both claims


def test_an_accident_told_anew_is_no_reference(domain_nlp: Language) -> None:
    text = (
        "A block of flats collapsed in Aleppo on Saturday. An accident on the Homs highway "
        "killed four people on Sunday."
    )
    assert _asserted(domain_nlp, text)["killed"].retells is None


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        (
            "The ISIL and its rivals also engaged in fierce clashes near Marea on Sunday.",
            "clashes",
            "ISIL",
        ),
        (
            "Rebel fighters participated in the assault on the airport on Monday.",
            "assault",
            "Rebel",
        ),
    ],
)
def test_who_takes_part_in_a_happening_is_its_actor(
    domain_nlp: Language, text: str, trigger: str, actor: str
) -> None:
    found = _asserted(domain_nlp, text)
    assert trigger in found, text  # "clashes" tagged as a present verb is no habit
    actors = [p.text for p in found[trigger].participants if p.role == "actor"]
    assert any(actor in a for a in actors), (text, actors)


def test_a_verb_with_no_noun_reading_keeps_its_tense(domain_nlp: Language) -> None:
    text = '"The statement tonight after Trump spoke with Erdogan demonstrates a lack of sense.'
    assert "demonstrates" not in _asserted(domain_nlp, text)


def test_a_time_by_the_clock_is_no_actor(domain_nlp: Language) -> None:
    text = (
        "Four nurses were killed when an air strike hit a clinic near Idlib late Monday. The "
        "clinic in the village of Kafr Ruma was completely flattened in the 1100 pm (2000 GMT) "
        "strike and more dead were feared under the rubble, the group said."
    )
    names = [p.text for e in _events(domain_nlp, text) for p in e.participants]
    assert not [n for n in names if "GMT" in n or "A.M." in n], names


def test_the_lives_a_happening_claimed_are_its_dead(domain_nlp: Language) -> None:
    text = "On Friday a gas leak in a factory in Homs province claimed the lives of 14 workers."
    found = _asserted(domain_nlp, text)
    assert "claimed" in found
    death = found["claimed"]
    assert death.type == "DIE"
    assert death.casualties is not None and death.casualties.killed == 14


def test_a_claim_of_responsibility_kills_no_one(domain_nlp: Language) -> None:
    text = "The group claimed responsibility for the attack in Aleppo on Friday."
    assert not [e for e in _events(domain_nlp, text) if e.type == "DIE"]


def test_whom_someone_calls_on_is_no_place(domain_nlp: Language) -> None:
    text = (
        "Four people were killed in an air strike on the village of Kafr Hamra on Monday. "
        "The ministry's spokesman was calling on Washington to explain the suspected strike."
    )
    places = {e.place.text for e in _events(domain_nlp, text) if e.place is not None}
    assert "Washington" not in places, places


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "A military cargo plane, reported by state media as belonging to the air force, "
            "crashed into a field near Hama yesterday.",
            "crashed",
        ),
        (
            "A bus, reported by local media as carrying pilgrims, exploded near Damascus and was "
            "struck by a rocket yesterday.",
            "struck",
        ),
    ],
)
def test_a_report_describing_the_subject_does_not_source_its_predicate(
    domain_nlp: Language, text: str, trigger: str
) -> None:
    found = _asserted(domain_nlp, text)
    assert trigger in found, text
    assert found[trigger].claim.stance == "asserts"
    assert found[trigger].claim.chain == ()


def test_whom_an_attack_is_ascribed_to_is_its_doer(domain_nlp: Language) -> None:
    text = "Last month a car bombing in Herat killed seven, another attack ascribed to the Taliban."
    doers = [
        p.text
        for e in _events(domain_nlp, text)
        if e.type == "ASSAULT"
        for p in e.participants
        if p.role == "actor"
    ]
    assert any("Taliban" in d for d in doers), doers
