"""What a tenth round of FA-KES articles outside the events gold taught (session 28): a toll
counts people of every trade ("22 pupils and six teachers"), not only the words of war
reporting, and a group of four words before its people ("70 Syrian regime and rebel
fighters"); the force that modifies a noun of military action did it ("army operations");
a force "positioned" somewhere did what the parse hung on the place; what a relative clause of
"who" tells (where the speaker lives, when he fled) is not where or when the happening was; "it
is not known who fired" names no one; an office before a name is the person; a weekday of
what "will" happen is the next one. Sentences written for sitrep, read with the shipped
pipeline where the parse matters."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from eventreading import doers, read_events, roles
from sitrep.extract import casualties
from sitrep.extract.casualties import find_casualties
from sitrep.nlp.types import person_nouns
from sitrep.records import EventMention

PUBLISHED = "2016-10-13"  # a Thursday


def _violent(nlp: Language, text: str) -> list[EventMention]:
    return [e for e in read_events(nlp, text, PUBLISHED) if e.type in ("ASSAULT", "DIE")]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The raid hit a school on Monday killing 14 pupils and three teachers.", 17),
        ("Nine patients and two nurses were killed when the shells hit the clinic.", 11),
        ("The blast killed five fishermen and two drivers at the port.", 7),
    ],
)
def test_a_toll_adds_up_people_of_every_trade(sentence: str, killed: int) -> None:
    found = find_casualties(sentence)
    assert found is not None and found.killed == killed


def test_a_part_of_the_dead_is_not_whom_they_killed() -> None:
    # "crew" names people (the treebank's list): "two of them ... crew" is a part of the 12
    found = find_casualties(
        "Twelve people were killed three of them ambulance crew the monitor said."
    )
    assert found is not None and found.killed == 12


def test_the_people_alternation_reads_every_word_and_the_longest_first() -> None:
    # written as a tree of prefixes for speed: it must match what a flat list matched
    words = casualties._WAR_PEOPLE | person_nouns()
    assert all(re.fullmatch(casualties._PEOPLE, w) for w in words)
    for text, read in (("members of", "members"), ("men and", "men"), ("childrenx", "children")):
        found = re.match(casualties._PEOPLE, text)
        assert found is not None and found.group(0) == read


def test_the_person_nouns_come_from_the_treebank_not_from_war_words() -> None:
    nouns = person_nouns()
    # trades the treebank's entity layer types as persons, plural forms included
    assert {"teacher", "teachers", "doctors", "fishermen", "wives"} <= nouns
    # and no things, nor a stray function word
    assert not {"school", "schools", "tanks", "rockets", "is"} & nouns


def test_a_group_of_four_words_before_its_people_is_counted() -> None:
    found = find_casualties(
        "At least 40 Iraqi army and tribal fighters have been killed in the fighting."
    )
    assert found is not None and found.killed == 40


def test_the_force_that_modifies_a_military_operation_did_it(domain_nlp: Language) -> None:
    text = (
        "Dozens of militants were killed and wounded during army operations against their "
        "hideouts near the village of Tal Rifaat."
    )
    events = _violent(domain_nlp, text)
    assert events and any("army" in doers(e) for e in events)


def test_a_named_force_before_its_troops_offensive_did_it(domain_nlp: Language) -> None:
    text = (
        "A senior rebel commander was killed in Syrian Army troops offensive on the terrorist "
        "groups stronghold in northern Hama."
    )
    events = _violent(domain_nlp, text)
    assert any("Syrian Army" in doers(e) for e in events)


def test_a_force_positioned_somewhere_fired_not_the_place(domain_nlp: Language) -> None:
    text = (
        "A local official said that the armed groups positioned in the Jabal al-Zawiya hills "
        "targeted with rocket shells the village of Kafr Nabl injuring two farmers."
    )
    events = _violent(domain_nlp, text)
    assert events
    assert all(doers(e) == {"the armed groups"} for e in events)


def test_where_the_speaker_lives_is_not_where_it_happened(domain_nlp: Language) -> None:
    text = (
        "Local activist Samir Haddad who now lives in Istanbul said an air strike killed seven "
        "people in the town on Monday."
    )
    events = _violent(domain_nlp, text)
    assert events and all(e.place is None or e.place.text != "Istanbul" for e in events)


def test_when_the_speaker_fled_does_not_date_the_strike(domain_nlp: Language) -> None:
    text = (
        "Samir Haddad, an activist who fled from Homs in 2014, said an air strike killed "
        "seven people in the town."
    )
    events = _violent(domain_nlp, text)
    assert events
    assert all(e.time is None or not (e.time.start or "").startswith("2014") for e in events)


def test_it_is_not_known_who_names_no_one(domain_nlp: Language) -> None:
    text = "It is not known who carried out the attack in Idlib on Monday that killed three people."
    events = _violent(domain_nlp, text)
    assert events and not any(doers(e) for e in events)


def test_an_office_before_a_name_is_the_person(domain_nlp: Language) -> None:
    text = (
        "US officials on Wednesday said US Secretary of State John Kerry will meet his Russian "
        "counterpart in Switzerland on Saturday to discuss Syria."
    )
    meetings = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.type == "CONSULT"]
    assert meetings
    assert ("actor", "John Kerry") in roles(meetings[0])


def test_a_weekday_of_what_will_happen_is_the_next_one(domain_nlp: Language) -> None:
    text = "Sergei Lavrov will meet John Kerry in Geneva on Saturday to discuss the truce."
    meetings = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.type == "CONSULT"]
    assert meetings and meetings[0].time is not None
    assert meetings[0].time.start == "2016-10-15"  # the Saturday after Thursday 13 October


def test_where_the_victim_was_is_where_it_happened(domain_nlp: Language) -> None:
    # a clause of "who" on a participant places the happening: only the teller's is set aside
    text = "The minister Ahmad Saleh, who was visiting the town of Saraqib, was stabbed by a man."
    stabbings = [e for e in _violent(domain_nlp, text) if e.trigger == "stabbed"]
    assert stabbings and stabbings[0].place is not None
    assert stabbings[0].place.text == "Saraqib"


def test_a_force_positioned_somewhere_is_the_doer_of_the_clause_told(
    domain_nlp: Language,
) -> None:
    # whom a source told ("told SANA") is no doer, nor the place where the force stood
    text = (
        "A local source told SANA that gunmen positioned in the nearby orchards targeted the "
        "village with rocket shells killing a farmer."
    )
    events = _violent(domain_nlp, text)
    assert events and all(doers(e) == {"gunmen"} for e in events)


def _sources(events: list[EventMention]) -> set[str]:
    return {link.name for e in events for link in e.claim.chain}


def test_a_nationality_describes_who_speaks(domain_nlp: Language) -> None:
    text = (
        "At least 12 people were killed on Friday in shelling on the town according to a "
        "Syrian opposition statement."
    )
    sources = _sources(_violent(domain_nlp, text))
    assert sources and "Syrian" not in sources
    assert any("opposition" in name for name in sources)


def test_a_casualty_word_before_reports_say_is_no_source(domain_nlp: Language) -> None:
    text = (
        "A fuel depot explosion in the town has claimed the lives of at least 30 people and "
        "left dozens wounded reports say."
    )
    sources = _sources(_violent(domain_nlp, text))
    assert sources and not any(name.lower().startswith("wounded") for name in sources)


def test_the_place_found_is_never_also_the_doer(domain_nlp: Language) -> None:
    # a spelling the tagger reads as an organisation, that the gazetteer places
    text = "The monitor says two weeks of infighting in Dier el-Zour alone have killed 90 fighters."
    events = _violent(domain_nlp, text)
    assert events and events[0].place is not None
    assert all(events[0].place.text not in doers(e) for e in events)
