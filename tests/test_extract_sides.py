"""Who struck and who was struck where the sentence tells it in a roundabout way: the side that
repels an attack, the people an attack's verb of harm names, a weapon's owner, the victims a
toll names beside a vehicle hit, a clause the parse flattened, one more attack of a series, a
heading run into a sentence; and a battle the tagger's verb tag had made a habit, sourced by
another happening's speaker, dated to a whole week. Sentences written for sitrep; most are read
with the shipped pipeline, the parse-dependent ones also from hand-built parses."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventreading import read_events, roles
from sitrep.extract.agents import _opener
from sitrep.extract.arguments import subject_slots
from sitrep.extract.deps import verb_tag_on_a_noun
from sitrep.extract.time import normalize_time
from sitrep.records import EventMention


def _events(nlp: Language, text: str) -> tuple[EventMention, ...]:
    return read_events(nlp, text, "2017-04-10")


def _violent(events: tuple[EventMention, ...]) -> EventMention:
    found = [e for e in events if e.type in ("ASSAULT", "DIE")]
    assert found, events
    return found[0]


def test_who_repels_an_attack_is_its_target_not_its_maker(domain_nlp: Language) -> None:
    text = (
        "Islamist fighters had been trying to cut the road for two days but Kurdish "
        "fighters managed to repel the attacks."
    )
    attack = _violent(_events(domain_nlp, text))
    assert ("target", "Kurdish fighters") in roles(attack)
    assert ("actor", "Kurdish fighters") not in roles(attack)


def test_the_people_an_airstrike_left_wounded_are_its_targets(domain_nlp: Language) -> None:
    text = "A drone strike in Idlib left a senior Hurras al-Din commander in a coma on Sunday."
    strike = _violent(_events(domain_nlp, text))
    assert any(role == "target" and "commander" in name for role, name in roles(strike))


def test_a_place_left_behind_is_no_target(domain_nlp: Language) -> None:
    text = "An air strike on Sunday left the market of Ariha in ruins."
    strike = _violent(_events(domain_nlp, text))
    assert not any(role == "target" and "market" in name for role, name in roles(strike))


def test_the_owner_of_the_weapon_is_the_doer(domain_nlp: Language) -> None:
    # the apostrophe lost, as wire copy stripped of punctuation prints it
    text = "The Daesh positions near Palmyra were pounded by the rebels mortars, the sources said."
    attack = _violent(_events(domain_nlp, text))
    assert ("actor", "rebels") in roles(attack)
    assert not any("mortars" in name for _, name in roles(attack))


def test_the_victims_of_the_toll_beside_a_vehicle_hit(domain_nlp: Language) -> None:
    text = "An attack on aid lorries and a depot near Urum killed around 20 civilians on Monday."
    attack = _violent(_events(domain_nlp, text))
    assert any(role == "target" and name.endswith("civilians") for role, name in roles(attack))


def test_a_noun_after_when_is_the_subject_of_its_clause(domain_nlp: Language) -> None:
    # a bulletin's place heading run into the sentence, as FA-KES prints them
    text = (
        "Hama Four persons were injured when terrorist organizations located in Kafr Zita and "
        "Latamna fired mortar shells on the town of Mhardeh to the north of Hama city "
        "according to local sources."
    )
    attack = _violent(_events(domain_nlp, text))
    assert any(role == "actor" and "organizations" in name for role, name in roles(attack))


def test_a_noun_after_as_of_time_is_the_subject_of_its_clause(domain_nlp: Language) -> None:
    # the parse reads "as Russian" as a phrase and "pound" as a modifier: the flattened clause
    # "as Russian and Syrian jets continued to pound ..." still names who attacked
    text = (
        "Dozens of people have been killed as Russian and Syrian jets continued on Sunday to "
        "pound opposition districts of Hama for a second day."
    )
    attack = _violent(_events(domain_nlp, text))
    assert ("actor", "Russian") in roles(attack)


@pytest.mark.parametrize(
    ("words", "at", "opens"),
    [
        (["killed", "as", "jets", "pounded"], 1, True),
        (["the", "army", "as", "well", "as", "militias", "fired"], 4, False),
        (["groups", "such", "as", "Nusra", "shelled"], 2, False),
    ],
)
def test_as_opens_a_clause_only_of_time(words: list[str], at: int, opens: bool) -> None:
    # "as well as" and "such as" list more nouns; they open no clause
    assert _opener(Doc(English().vocab, words=words)[at]) is opens


def test_one_more_attack_of_a_series_takes_the_series_doer(domain_nlp: Language) -> None:
    text = (
        "Five people were killed in regime shelling on Douma on Friday. Elsewhere another "
        "child was killed in Harasta, the monitor said."
    )
    events = [e for e in _events(domain_nlp, text) if e.type in ("ASSAULT", "DIE")]
    harasta = [e for e in events if e.place is not None and e.place.text == "Harasta"]
    assert harasta and any(p.role in ("actor", "by") for p in harasta[0].participants)


def test_an_attack_of_its_own_keeps_no_borrowed_doer(domain_nlp: Language) -> None:
    text = (
        "Five people were killed in regime shelling on Douma on Friday. A child was killed "
        "in Harasta, the monitor said."
    )
    events = [e for e in _events(domain_nlp, text) if e.type in ("ASSAULT", "DIE")]
    harasta = [e for e in events if e.place is not None and e.place.text == "Harasta"]
    assert harasta and not any(p.role in ("actor", "by") for p in harasta[0].participants)


@pytest.mark.parametrize("count", ["one", "two"])
def test_a_count_of_the_strikes_is_no_doer(domain_nlp: Language, count: str) -> None:
    text = f"Activists said that {count} of the airstrikes targeted the town of Kafr Nabl."
    strike = _violent(_events(domain_nlp, text))
    assert not any(role == "actor" and name == count for role, name in roles(strike))


def test_a_place_heading_run_into_the_sentence_is_no_subject() -> None:
    # "Hama The Syrian Army repelled an attack": the bulletin's heading parsed as a second subject
    words = ["Hama", "The", "Syrian", "Army", "repelled", "an", "attack"]
    doc = Doc(
        Vocab(),
        words=words,
        pos=["PROPN", "DET", "ADJ", "PROPN", "VERB", "DET", "NOUN"],
        heads=[4, 3, 3, 4, 4, 6, 4],
        deps=["nsubj", "det", "amod", "nsubj", "ROOT", "det", "obj"],
        ents=["B-LOC", "O", "B-ORG", "I-ORG", "O", "O", "O"],
    )
    assert [s.head.text for s in subject_slots(doc[4])] == ["Army"]


def test_two_subjects_with_no_place_heading_keep_the_first() -> None:
    # "Abu Nasr the commander was killed": an apposition without its comma, not a heading
    words = ["Abu", "Nasr", "the", "commander", "was", "killed"]
    doc = Doc(
        Vocab(),
        words=words,
        pos=["PROPN", "PROPN", "DET", "NOUN", "AUX", "VERB"],
        heads=[1, 5, 3, 5, 5, 5],
        deps=["compound", "nsubj:pass", "det", "nsubj:pass", "aux:pass", "ROOT"],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O"],
    )
    assert [s.head.text for s in subject_slots(doc[5])] == ["Nasr"]


def test_who_engaged_the_enemy_in_an_offensive_made_it(domain_nlp: Language) -> None:
    # the parse hangs "in an offensive" on the partner named before it
    text = (
        "Also US-backed forces on Sunday engaged with the Daesh terror groups militants in an "
        "offensive that began last Tuesday against the group-held areas in Aleppo province."
    )
    offensive = _violent(_events(domain_nlp, text))
    assert any(role == "actor" and "US-backed" in name for role, name in roles(offensive))


def test_a_plural_tagged_as_a_verb_but_parsed_as_a_subject_is_a_noun() -> None:
    # "but clashes broke out last week": "clashes" tagged as a third person's verb, yet the
    # subject of "broke": the tag tells no present habit
    words = ["but", "clashes", "broke", "out"]
    doc = Doc(
        Vocab(),
        words=words,
        pos=["CCONJ", "AUX", "VERB", "ADP"],
        tags=["CC", "VBZ", "VBD", "RP"],
        heads=[2, 2, 2, 2],
        deps=["cc", "nsubj", "ROOT", "compound:prt"],
    )
    assert verb_tag_on_a_noun(doc[1])


def test_a_battle_is_not_sourced_by_the_next_sentence_air_strikes(domain_nlp: Language) -> None:
    text = (
        "Clashes broke out on Friday in the province of Hama. The truce was further strained by "
        "US-led coalition strikes on Syrian army positions in the east which Washington said "
        "were not intentional."
    )
    clashes = [e for e in _events(domain_nlp, text) if e.mode == "clash"]
    assert clashes and all(e.claim.stance == "asserts" for e in clashes)


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("late last week", "2016-09-15", "2016-09-17"),
        ("early last week", "2016-09-12", "2016-09-14"),
        ("early this week", "2016-09-19", "2016-09-20"),  # never after the report
        ("last week", "2016-09-12", "2016-09-18"),
    ],
)
def test_the_late_or_early_days_of_a_week(words: str, start: str, end: str) -> None:
    value = normalize_time(words, "2016-09-20")
    assert (value.start, value.end) == (start, end)
