"""What an eleventh round of FA-KES articles outside the events gold taught (session 29, helper
a): "according to" the Observatory without a comma still names the source, and the source is
no part of the clause's subject after it; the force "loyal to" someone is not someone done to.
Sentences written for sitrep, read with the shipped pipeline; FA-KES strips commas, so several
are written without them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventreading import assault_with, doers, read_events, roles
from sitrep.extract.agents import typed_arguments
from sitrep.extract.casualties import find_casualties
from sitrep.records import EventMention, Participant

PUBLISHED = "2016-10-13"  # a Thursday


def _violent(nlp: Language, text: str) -> list[EventMention]:
    return [e for e in read_events(nlp, text, PUBLISHED) if e.type in ("ASSAULT", "DIE")]


def _sources(event: EventMention) -> list[str]:
    return [link.name for link in event.claim.chain]


def test_according_to_without_a_comma_names_the_source(domain_nlp: Language) -> None:
    text = (
        "According to the Observatory five Syrian soldiers were killed on Sunday when their "
        "jeep hit a mine near Tadmur."
    )
    events = _violent(domain_nlp, text)
    assert events and all(_sources(e) == ["Observatory"] for e in events)
    assert all(
        "Observatory" not in text for e in events for role, text in roles(e) if role == "target"
    )


def test_who_was_behind_the_attack_did_it(domain_nlp: Language) -> None:
    # the parse hangs the troops on "say", leaving "were behind the attack" no subject
    text = (
        "London and Berlin say troops loyal to President Bashar al-Assad were behind the "
        "attack in which more than 300 were killed."
    )
    events = _violent(domain_nlp, text)
    assert events and any("troops loyal to President Bashar al-Assad" in doers(e) for e in events)


def test_the_one_forces_are_loyal_to_is_no_target(domain_nlp: Language) -> None:
    text = (
        "London and Berlin say troops loyal to President Bashar al-Assad were behind the "
        "attack in which more than 300 were killed."
    )
    events = _violent(domain_nlp, text)
    assert events and not any(
        "Assad" in text for e in events for role, text in roles(e) if role == "target"
    )


def test_militants_behind_a_bombing_did_it(domain_nlp: Language) -> None:
    text = "The governor said Islamic State militants were behind the bombing in Raqqa."
    events = _violent(domain_nlp, text)
    assert events and any("Islamic State militants" in doers(e) for e in events)


@pytest.mark.parametrize(
    "sentence",
    [
        "A month of clashes in Idlib has killed nearly 200 fighters and displaced 40000 civilians.",
        "The raids killed 20 fighters and forced 3000 civilians to leave the town.",
        "The army said it killed 15 militants and freed 40 women held in the village.",
    ],
)
def test_people_moved_or_freed_are_no_casualties(sentence: str) -> None:
    found = find_casualties(sentence)
    assert found is not None and found.civilians is None and found.women is None


def test_a_civilian_count_inside_the_toll_stays() -> None:
    found = find_casualties("The strikes killed 12 people including 5 civilians.")
    assert found is not None and found.civilians == 5


def test_the_victim_ends_before_the_next_verb(domain_nlp: Language) -> None:
    text = "The shelling killed a civilian and causing material damage to houses."
    events = _violent(domain_nlp, text)
    targets = {t for e in events for role, t in roles(e) if role == "target"}
    assert targets == {"a civilian"}


def test_a_verb_after_and_is_no_second_victim(domain_nlp: Language) -> None:
    text = (
        "Gunmen targeted the Midan quarter with 3 mortar shells killing a child and causing "
        "material damage to the school."
    )
    events = _violent(domain_nlp, text)
    targets = {t for e in events for role, t in roles(e) if role == "target"}
    assert events and "causing" not in targets and "a child" in targets


def test_the_nationality_and_its_side_are_one_doer(domain_nlp: Language) -> None:
    # the parse hangs "Syrian" and "regime" both on the strikes
    text = "Syrian regime airstrikes killed 40 civilians in Saqba on Sunday."
    events = _violent(domain_nlp, text)
    assert events and all(doers(e) == {"Syrian regime"} for e in events)


def test_whose_strikes_the_speaker_says_they_are(domain_nlp: Language) -> None:
    # "said its strikes destroyed": the parse made the strikes the object of "said"
    text = "The US-led coalition said its strikes destroyed an oil refinery near Raqqa on Sunday."
    events = _violent(domain_nlp, text)
    assert events and any("The US-led coalition" in doers(e) for e in events)


def test_who_was_shot_suffered_it(domain_nlp: Language) -> None:
    # "shot" tagged a noun with "was" as its copula: a passive the tagger missed
    text = "Jordan's interior minister Salameh was shot in Amman on Monday."
    events = _violent(domain_nlp, text)
    assert events and all(not doers(e) for e in events)
    assert any(("target", "Salameh") in roles(e) for e in events)


def test_a_counterpart_is_a_person_not_a_nation(domain_nlp: Language) -> None:
    events = read_events(
        domain_nlp, "Cavusoglu met his Russian counterpart in Moscow on Monday.", PUBLISHED
    )
    meetings = [e for e in events if e.type == "CONSULT"]
    assert meetings and all(("counterpart", "Russian") not in roles(e) for e in meetings)
    assert any(("counterpart", "his Russian counterpart") in roles(e) for e in meetings)


def test_a_news_agency_s_credit_is_no_side_of_an_attack() -> None:
    # a credit run into the lede ("... in Aleppo Monitor AFP Nine children were killed")
    text = "Bomb kills nine in Aleppo Monitor AFP Nine children were killed in a bomb attack."
    mention = assault_with(
        text,
        "bomb",
        Participant("target", "AFP", text.index("AFP"), text.index("AFP") + 3, "ORG"),
        Participant("target", "Nine children", text.index("Nine"), text.index("Nine") + 13, "NP"),
    )
    kept = typed_arguments(mention, text).participants
    assert [p.text for p in kept] == ["Nine children"]


def test_the_result_of_a_clause_is_its_subject_s_doing(domain_nlp: Language) -> None:
    # without commas the parse hangs "killing" on the last noun, deep in an "of" phrase
    text = (
        "A suicide bomber blew himself up inside a hall in Tal Hamis village during the "
        "wedding of a commander of the Syrian Democratic Forces killing at least 18 civilians."
    )
    events = _violent(domain_nlp, text)
    assert events and all("Syrian Democratic Forces" not in " ".join(doers(e)) for e in events)
    assert any("A suicide bomber" in doers(e) for e in events)


def test_as_well_as_ends_a_victim_s_phrase(domain_nlp: Language) -> None:
    text = (
        "A man and his two sons as well as another boy were killed when helicopters dropped "
        "a barrel bomb on the village of Kafr Nabl."
    )
    events = _violent(domain_nlp, text)
    targets = {t for e in events for role, t in roles(e) if role == "target"}
    assert events and not any(t.endswith(" as") for t in targets)


def test_what_warplanes_continue_to_do_is_a_course(domain_nlp: Language) -> None:
    text = "Russian warplanes continue to target hospitals and markets in Idlib since May 2016."
    events = _violent(domain_nlp, text)
    assert events and all(e.modality is not None for e in events)


def test_what_forces_continued_to_do_on_a_day_happened(domain_nlp: Language) -> None:
    # the parse makes the infinitive an adverbial clause, which read as a purpose
    text = "Government forces continued to shell the town of Daraya on Monday."
    events = _violent(domain_nlp, text)
    assert events and all(e.modality is None for e in events)


def test_a_name_glued_to_a_participle_describes_the_next(domain_nlp: Language) -> None:
    text = (
        "The army repelled an attack in Qalamoun killing two commanders of the al-Qaeda-linked "
        "al-Nusra Front."
    )
    events = _violent(domain_nlp, text)
    targets = {t for e in events for role, t in roles(e) if role == "target"}
    assert events and "al-Qaeda" not in targets and "al-Nusra Front" in targets


def test_a_hyphenated_backing_is_a_standing_relation(domain_nlp: Language) -> None:
    text = "The clashes killed 12 members of the Iran-backed Hezbollah militia near Zabadani."
    backing = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.type == "SUPPORT"]
    assert all(e.modality == "relation" for e in backing)


def test_a_next_target_is_an_objective_not_an_attack(domain_nlp: Language) -> None:
    text = (
        "On Sunday the SDF said they had set up a council to drive the militants out of Manbij "
        "the alliances next target in the same province."
    )
    assert not [e for e in _violent(domain_nlp, text) if e.trigger == "target"]


def test_a_truck_carrying_fighters_to_a_town_hands_over_no_arms(domain_nlp: Language) -> None:
    text = (
        "A source said the army destroyed a pickup truck transferring terrorists in al-Zemrin "
        "town in the southern province."
    )
    assert not [e for e in read_events(domain_nlp, text, PUBLISHED) if e.type == "AID"]


def test_whose_warplane_the_missiles_came_from_fired_them(domain_nlp: Language) -> None:
    text = (
        "The missiles fired from a Syrian warplane also wounded 25 others a doctor told the agency."
    )
    events = _violent(domain_nlp, text)
    assert events and any("Syrian" in doers(e) for e in events)
