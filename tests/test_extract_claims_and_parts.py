"""Who claimed an attack, which words only plan or aim at one, a verb the tagger took for a
noun, and a total's parts told after it. Sentences written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventreading import read_events
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.records import EventMention

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def _events(nlp: Language, text: str) -> tuple[EventMention, ...]:
    return read_events(nlp, text, "2016-10-16")


def _actors(event: EventMention) -> list[str]:
    return [p.text for p in event.participants if p.role in ("actor", "by")]


def test_a_claimant_is_the_actor_of_the_attack_its_for_phrase_names(domain_nlp: Language) -> None:
    text = (
        "The Islamic State group on Monday claimed responsibility for a suicide bombing that "
        "killed 14 soldiers near the border."
    )
    bombing = next(e for e in _events(domain_nlp, text) if e.trigger == "bombing")
    assert any("Islamic State" in a for a in _actors(bombing))


def test_a_bare_claim_names_the_actor_of_the_attack_told_before(domain_nlp: Language) -> None:
    text = "A car bomb killed 20 soldiers in Ghazni on Monday. The Taliban claimed responsibility."
    bomb = next(e for e in _events(domain_nlp, text) if e.trigger == "bomb")
    assert _actors(bomb) == ["Taliban"]


def test_nobody_claiming_names_no_actor(domain_nlp: Language) -> None:
    text = "A car bomb killed 20 soldiers in Ghazni on Monday. No group claimed responsibility."
    bomb = next(e for e in _events(domain_nlp, text) if e.trigger == "bomb")
    assert _actors(bomb) == []


@pytest.mark.parametrize(
    ("text", "trigger", "why"),
    [
        # a purpose: what the strikes are for, not something told to have happened
        ("The coalition carried out strikes in Raqqa to support the Syrian Democratic Forces.",
         "support", "purpose"),
        # the object of an infinitive under a plan is planned too
        ("Officials said there is no plan to increase sanctions on Iran.", "sanctions", "plan"),
        # a plot is a plan: "assassination plots" tells no assassination
        ("The European Union sanctioned Iran over alleged Revolutionary Guards assassination "
         "plots against dissidents.", "assassination", "plot"),
    ],
)  # fmt: skip
def test_planned_and_intended_happenings_are_not_asserted(
    domain_nlp: Language, text: str, trigger: str, why: str
) -> None:
    found = [e for e in _events(domain_nlp, text) if e.trigger == trigger]
    assert found and all(e.modality == why for e in found), [(e.trigger, e.modality) for e in found]


def test_a_verb_tagged_as_a_noun_keeps_its_subject_and_object(domain_nlp: Language) -> None:
    # the tagger reads "shot" as a noun here; the parse still gives it a subject and an object
    text = "In the meantime other ISIL terrorists shot two civilians dead after blindfolding them."
    shot = next(e for e in _events(domain_nlp, text) if e.trigger == "shot")
    assert "ISIL" in _actors(shot)
    assert any(p.role == "target" and "civilians" in p.text for p in shot.participants)


PARTS = (
    "Rocket attacks on residential areas in Aleppo city on Sunday killed 3 people and left 29 "
    "others injured. A police source said two women were killed and 16 other people were "
    "injured as terrorists fired rocket shells on al-Sayyed Ali neighborhood in the city. More "
    "rocket shells later hit al-Hamidiyeh neighborhood in Aleppo leaving one person dead and 13 "
    "others injured."
)


def test_tolls_adding_up_to_a_total_at_its_town_are_its_parts(domain_nlp: Language) -> None:
    events = sorted(_events(domain_nlp, PARTS), key=lambda e: e.sentence)
    total, *parts = [e for e in events if e.type == "ASSAULT"]
    assert total.casualties is not None and total.casualties.killed == 3
    assert {e.sentence for e in parts} == {1, 2}
    assert all(e.retells == total.sentence and e.casualties is None for e in parts)


def test_tolls_in_other_towns_are_happenings_of_their_own(domain_nlp: Language) -> None:
    text = (
        "Bomb blasts in Homs killed 11 people on Monday. A car bomb killed eight people in "
        "Tartous. Another bomb killed three people in Hasakeh."
    )
    events = [e for e in _events(domain_nlp, text) if e.type == "ASSAULT"]
    assert len(events) == 3
    assert all(e.retells is None and e.casualties is not None for e in events)


def test_a_toll_told_again_is_the_same_happening_and_sources_its_lede(
    domain_nlp: Language,
) -> None:
    text = (
        "Two children were killed and 5 others were injured as gunmen fired a rocket shell on "
        "the Sulaimaniyeh area in Aleppo city. A police source told SANA on Thursday that a "
        "rocket shell fired on a school in the Telifoun neighborhood claimed the lives of two "
        "children and injured five others."
    )
    lede, again = sorted(_events(domain_nlp, text), key=lambda e: e.sentence)
    assert again.retells == lede.sentence
    assert lede.claim.stance == "reports" and lede.claim.chain == again.claim.chain


@pytest.mark.parametrize(
    ("wounded", "linked"),
    [
        ("more than 40", True),  # two lower bounds: the same happening's toll told again
        ("41", False),  # a firm count that differs: another happening, however alike
    ],
)
def test_a_toll_told_again_may_give_another_lower_bound_of_the_wounded(
    domain_nlp: Language, wounded: str, linked: bool
) -> None:
    text = (
        "Armed groups fired dozens of shells on residential districts of Homs city claiming the "
        "lives of 6 persons and injuring more than 45 others. A police source said that armed "
        "groups targeted al-Waer neighborhood in Homs city with rocket shells killing 6 persons "
        f"and injuring {wounded} persons."
    )
    events = sorted(
        (e for e in _events(domain_nlp, text) if e.casualties is not None), key=lambda e: e.sentence
    )
    assert [e.casualties.killed for e in events if e.casualties] == [6, 6]
    assert (events[1].retells == events[0].sentence) is linked


def test_small_tolls_alike_in_two_towns_stay_apart(domain_nlp: Language) -> None:
    text = (
        "Two people were killed when a shell hit Jaramana on Monday. Two people were killed when "
        "a rocket hit Tartous on Monday."
    )
    assert all(e.retells is None for e in _events(domain_nlp, text))


def test_the_aim_of_an_attack_is_the_attack_told(domain_nlp: Language) -> None:
    text = (
        "At least 29 rebels were killed during a major counter-offensive to recapture a supply "
        "route into Aleppo."
    )
    # asserted with the attack, so its place is the attack's
    events = _events(domain_nlp, text)
    assert all(e.modality is None for e in events if e.trigger == "recapture")
    offensive = next(e for e in events if e.trigger == "offensive")
    assert offensive.place is not None and offensive.place.text == "Aleppo"


def test_a_claim_the_parse_lost_still_names_the_claimant(domain_nlp: Language) -> None:
    # "Twin" (how many) is no actor; the claim's subject sits before a relative clause
    text = (
        "Twin bombings yesterday struck the Jolo Cathedral in Mindanao, Philippines. The "
        "Islamic State of Iraq and the Levant, which is linked to the Abu Sayyaf Group, "
        "subsequently claimed responsibility."
    )
    bombings = next(e for e in _events(domain_nlp, text) if e.trigger == "bombings")
    assert _actors(bombings) == ["Islamic State of Iraq and the Levant"]


def test_a_part_at_a_neighbourhood_no_one_places_adds_to_the_total(domain_nlp: Language) -> None:
    # "al-Qadisiyeh neighborhood" is placed by neither the text nor the gazetteer: its toll,
    # with the other part's, adds up to the total's, so it is one of the total's parts
    text = (
        "Rocket attacks on residential areas in Aleppo city on Sunday killed 4 people and left "
        "12 others injured. A police source said one man was killed and 5 other people were "
        "injured as terrorists fired rocket shells on al-Sayyed Ali neighborhood in the city. "
        "Another rocket shell landed in al-Qadisiyeh neighborhood leaving three people dead and "
        "7 others injured."
    )
    events = sorted(_events(domain_nlp, text), key=lambda e: e.sentence)
    total, *parts = [e for e in events if e.type == "ASSAULT"]
    assert total.casualties is not None and total.casualties.killed == 4
    assert parts and all(e.retells == total.sentence and e.casualties is None for e in parts)


SUMMED = (
    "At least 20 people were killed in bomb blasts that hit Jableh, Homs and Qamishli on "
    "Monday. In Jableh a car bomb killed 12 people near the bus station. In Homs a car bomb "
    "killed five people at a checkpoint. In Qamishli a suicide bomber killed three people."
)


def test_a_toll_over_towns_each_told_after_sums_them_up(domain_nlp: Language) -> None:
    events = sorted(_events(domain_nlp, SUMMED), key=lambda e: e.sentence)
    lede = [e for e in events if e.sentence == 0 and e.type in ("ASSAULT", "DIE")]
    assert lede and all(e.modality == "summary" for e in lede)
    told = {e.sentence for e in events if e.modality is None and e.type in ("ASSAULT", "DIE")}
    assert told == {1, 2, 3}


def test_a_sum_told_again_sums_them_up_too(domain_nlp: Language) -> None:
    # the second sentence names no town, but tells the first's 20 dead again: a sum still
    text = SUMMED.replace(
        "Monday. In Jableh",
        "Monday. A wave of bombings hit coastal and central towns killing at least 20 people, "
        "state media said. In Jableh",
    )
    events = sorted(_events(domain_nlp, text), key=lambda e: e.sentence)
    violent = [e for e in events if e.type in ("ASSAULT", "DIE")]
    again = [e for e in violent if e.sentence == 1]
    assert again and all(e.modality == "summary" for e in again)
    told = {e.sentence for e in violent if e.modality is None}
    assert told == {2, 3, 4}


def test_two_towns_in_one_attack_are_no_list(domain_nlp: Language) -> None:
    # rockets fired from one town on another: the towns are not listed side by side
    text = (
        "Rebels fired rockets from Jableh on Homs killing four people on Monday. In Jableh a car "
        "bomb killed 12 people near the bus station. In Homs a car bomb killed five people at a "
        "checkpoint."
    )
    first = [e for e in _events(domain_nlp, text) if e.sentence == 0]
    assert first and all(e.modality is None for e in first)


def test_a_toll_told_again_at_a_village_of_the_first_town_retells_it(
    domain_nlp: Language,
) -> None:
    # the second sentence places the same ten dead at a village it puts in the first's
    # province: where the village lies is read before the tolls are compared
    text = (
        "At least 10 civilians were killed in air strikes west of Raqqa, the agency reported. "
        "Jets struck Hamrat village in the western part of the Raqqa province, resulting in the "
        "deaths of at least 10 civilians, residents said."
    )
    events = sorted(
        (e for e in _events(domain_nlp, text) if e.casualties is not None), key=lambda e: e.sentence
    )
    assert [e.sentence for e in events][:1] == [0]
    assert any(e.sentence == 1 and e.retells == 0 for e in events), [
        (e.sentence, e.place, e.retells) for e in events
    ]


def test_towns_in_a_tag_list_are_no_list_of_happenings(domain_nlp: Language) -> None:
    # the page's tag list runs into the story's first sentence: its towns are furniture
    text = (
        "Tags Tartous Homs Syria children At least 12 people were killed in a car bomb in Jableh "
        "on Monday. In Homs a car bomb killed five people at a checkpoint on Sunday. In Tartous "
        "a mortar killed two people on Saturday."
    )
    # (the tag list is a sentence of its own now: `nlp/breaks.py` parts it from the story)
    events = _events(domain_nlp, text)
    first = [e for e in events if e.casualties is not None and e.casualties.killed == 12]
    assert first and all(e.modality is None for e in first)


def test_the_fighting_is_no_part_of_the_air_raids_told_before(domain_nlp: Language) -> None:
    # A battle and an air raid reach their targets in two ways: "the fighting" refers back to
    # no air raid, though the raids are the last attack told.
    text = (
        "A monitor said air raids by government forces on the eastern districts of Aleppo "
        "killed 11 civilians on Monday. It also said that 17 soldiers were killed in the fighting."
    )
    events = sorted(_events(domain_nlp, text), key=lambda e: e.sentence)
    fighting = [e for e in events if e.trigger == "fighting"]
    assert fighting and fighting[0].retells is None, [(e.trigger, e.retells) for e in events]


def test_a_town_told_apart_by_a_district_of_it_makes_a_list_a_sum(domain_nlp: Language) -> None:
    # the Homs blast is told at one of its districts: Tartous and Homs are both told apart
    text = (
        "Bomb blasts hit Tartous and Homs on Monday killing at least 33 people. A double bombing "
        "killed 30 people outside Tartous on Monday. In central Homs city state media said three "
        "people were killed in a car bomb at the entrance to the Al-Zahraa neighbourhood."
    )
    first = [e for e in _events(domain_nlp, text) if e.sentence == 0]
    assert first and all(e.modality == "summary" for e in first)
