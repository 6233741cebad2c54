"""Happenings of the non-violent kinds told by words the lexicon lacked: a body endorsing a
plan, people captured (held, as places captured are fought for), an office holder resigning,
forces heading somewhere or moved there. Sentences written for sitrep, read with the shipped
pipeline."""

from __future__ import annotations

from spacy.language import Language

from eventreading import one_of_type, read_events, roles
from sitrep.records import EventMention


def _events(nlp: Language, text: str) -> tuple[EventMention, ...]:
    return read_events(nlp, text, "2017-04-10")


def test_a_body_endorsing_a_plan_backs_it(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "The plan was endorsed on Friday by the UN Security Council.")
    backing = one_of_type(events, "SUPPORT")
    assert ("actor", "UN Security Council") in roles(backing)


def test_people_captured_are_held_and_places_captured_fought_for(domain_nlp: Language) -> None:
    people = "Kurdish fighters captured three Islamic State militants near Raqqa on Monday."
    held = one_of_type(_events(domain_nlp, people), "COERCE")
    assert held.mode == "arrest"
    assert ("actor", "Kurdish fighters") in roles(held)
    town = "Kurdish fighters captured the village of Tal Abyad on Monday."
    events = _events(domain_nlp, town)
    assert not [e for e in events if e.type == "COERCE"]
    assert one_of_type(events, "ASSAULT").mode == "clash"


def test_a_place_captured_or_seized_by_its_name_is_fought_for(domain_nlp: Language) -> None:
    for text in ("Kurdish forces seized Raqqa on Monday.", "Rebels captured Aleppo on Monday."):
        taken = one_of_type(_events(domain_nlp, text), "ASSAULT")
        assert taken.mode == "clash", text
    # a ship seized is held, not fought for
    events = _events(domain_nlp, "Iran seized a British tanker on Monday.")
    assert one_of_type(events, "COERCE").mode == "seizure"
    assert not [e for e in events if e.type == "ASSAULT"]


def test_who_resigns_leaves_the_post(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Syrian Prime Minister Riyad Hijab resigned on Monday.")
    leaving = one_of_type(events, "DISMISS")
    assert ("actor", "Riyad Hijab") in roles(leaving)


def test_forces_heading_somewhere_are_moving_there(domain_nlp: Language) -> None:
    text = "A convoy of Hezbollah fighters was heading towards Qusair on Sunday."
    moving = one_of_type(_events(domain_nlp, text), "MOBILIZE")
    assert moving.place is not None and moving.place.text == "Qusair"


def test_a_group_headed_by_someone_goes_nowhere(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "The group is headed by a former officer in Idlib.")
    assert not [e for e in events if e.type in ("MOBILIZE", "CONSULT")]


def test_warships_moved_are_deployed_and_a_moved_meeting_is_not(domain_nlp: Language) -> None:
    ships = one_of_type(
        _events(domain_nlp, "Russia moved warships to the Mediterranean on Tuesday."), "MOBILIZE"
    )
    assert ("actor", "Russia") in roles(ships)
    events = _events(domain_nlp, "Iran moved the talks to Tehran on Tuesday.")
    assert not [e for e in events if e.type == "MOBILIZE"]
