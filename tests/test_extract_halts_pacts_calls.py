"""A side that halts its strikes declares a pause in them (a ceasefire by that side, where the
strikes were); a side that enters into an agreement makes a pact, it moves nowhere; pressure
on a side to stop its attacks is a demand, not a halt; leaders who speak by phone consult, a
source who speaks to a reporter by phone only tells; strikes told between two days are dated
by that span. Sentences written for sitrep, read with the shipped pipeline."""

from __future__ import annotations

from spacy.language import Language

from eventreading import one_of_type, read_events, roles
from sitrep.records import EventMention


def _events(nlp: Language, text: str) -> tuple[EventMention, ...]:
    return read_events(nlp, text, "2018-03-10")


def test_a_side_halting_its_strikes_declares_a_pause_where_they_were(
    domain_nlp: Language,
) -> None:
    text = "Turkish and Russian air forces halted airstrikes in Idlib on Thursday for a day."
    pause = one_of_type(_events(domain_nlp, text), "CEASEFIRE")
    assert pause.modality is None
    assert any("Russian air forces" in p.text for p in pause.participants)
    assert pause.place is not None and pause.place.text == "Idlib"


def test_a_halt_needs_an_attack_to_halt(domain_nlp: Language) -> None:
    for text in (
        "The checkpoint guards stopped the bus near Homs on Sunday.",
        "Two airlines suspended flights to Damascus on Monday.",
    ):
        assert not [e for e in _events(domain_nlp, text) if e.type == "CEASEFIRE"], text


def test_pressure_to_stop_attacks_is_a_demand(domain_nlp: Language) -> None:
    text = (
        "The mayor appealed to the Arab League to put pressure on Russia to stop its raids on "
        "Daraa."
    )
    events = _events(domain_nlp, text)
    assert all(e.modality is not None for e in events if e.type == "CEASEFIRE")


def test_entering_into_an_agreement_is_a_pact_not_a_move(domain_nlp: Language) -> None:
    text = "The Syrian Democratic Forces entered into an agreement with the government of Iraq."
    events = _events(domain_nlp, text)
    assert not [e for e in events if e.type == "MOBILIZE"]
    pact = one_of_type(events, "COOPERATE")
    assert ("actor", "Syrian Democratic Forces") in roles(pact)


def test_troops_entering_a_country_still_move(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Iranian troops entered Iraq on Monday.")
    moving = one_of_type(events, "MOBILIZE")
    assert moving.place is not None and moving.place.text == "Iraq"


def test_leaders_speaking_by_phone_consult(domain_nlp: Language) -> None:
    text = "Rouhani and Putin talked by telephone on Tuesday."
    call = one_of_type(_events(domain_nlp, text), "CONSULT")
    assert call.mode == "call"
    assert roles(call) == {("actor", "Rouhani"), ("actor", "Putin")}  # the phone is no one


def test_a_leader_phoning_another_consults_him(domain_nlp: Language) -> None:
    call = one_of_type(_events(domain_nlp, "Erdogan telephoned Putin on Sunday."), "CONSULT")
    assert ("counterpart", "Putin") in roles(call)


def test_a_call_to_a_reporter_is_how_a_statement_came(domain_nlp: Language) -> None:
    text = "In a phone call with SANA residents said that mortar shells hit the market in Homs."
    assert not [e for e in _events(domain_nlp, text) if e.type == "CONSULT"]


def test_speaking_without_a_phone_is_no_call(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Hassan Rouhani spoke to students in Tehran on Monday.")
    assert not [e for e in events if e.type == "CONSULT"]


def test_strikes_over_a_span_of_days_are_dated_by_it(domain_nlp: Language) -> None:
    text = (
        "The coalition said that airstrikes between February 20 and March 4 had eliminated "
        "four senior commanders of the group near Raqqa."
    )
    strikes = one_of_type(_events(domain_nlp, text), "ASSAULT")
    assert strikes.modality is None  # told between two days: no habit
    assert strikes.time is not None
    assert (strikes.time.start, strikes.time.end) == ("2018-02-20", "2018-03-04")


def test_what_a_force_is_there_for_is_no_happening(domain_nlp: Language) -> None:
    text = "The base is home to French troops there to attack Islamic State cells in the desert."
    fighting = [e for e in _events(domain_nlp, text) if e.type == "ASSAULT"]
    assert fighting and all(e.modality == "purpose" for e in fighting)
