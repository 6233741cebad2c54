"""A happening the text dates well before its report is recalled history, not the report's news
(`newsworthy.is_recalled`); a relative clause with its own subject does not date the noun it
describes; two places of one sentence, one inside the other, are one attack's place; a victim's
group after "of" is the victim, not a town after it. Texts written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.extract.newsworthy import is_recalled
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.records import TimeValue

needs_model = pytest.mark.skipif(
    not (shipped_model_path() / "config.cfg").is_file(),
    reason="no trained pipeline in src/sitrep/models/sitrep_en",
)


def _month(start: str, end: str) -> TimeValue:
    return TimeValue(text="", precision="month", start=start, end=end)


def test_recalled_is_half_a_year_before_the_report() -> None:
    assert is_recalled(_month("2015-09-01", "2015-09-30"), "2016-06-06")
    assert not is_recalled(_month("2016-04-01", "2016-04-30"), "2016-06-06")  # weeks before
    assert not is_recalled(_month("2020-01-03", "2020-01-03"), "2020-03-10")  # a follow-up
    assert not is_recalled(None, "2016-06-06") and not is_recalled(_month("2015-09-01", ""), None)


def test_a_happening_placed_only_in_an_earlier_year_is_recalled() -> None:
    last_year = TimeValue(text="last year", precision="year", start="2018-01-01", end="2018-12-31")
    assert is_recalled(last_year, "2019-01-23")  # weeks after that year ended, yet only a year
    this_year = TimeValue(text="this year", precision="year", start="2019-01-01", end="2019-12-31")
    assert not is_recalled(this_year, "2019-01-23")
    december = _month("2018-12-01", "2018-12-31")
    assert not is_recalled(december, "2019-01-23")  # a month told is news of weeks before


@needs_model
def test_an_old_campaign_recalled_is_no_event_of_the_report(domain_nlp: Language) -> None:
    text = "Russia began carrying out air strikes in Syria in September 2015."
    events = extract_events("d", domain_nlp(text), "2016-07-15", None, None).events
    assert events and {e.modality for e in events} == {"recalled"}
    events = extract_events("d", domain_nlp(text), "2015-10-15", None, None).events
    assert events and {e.modality for e in events} == {None}  # the report's own news


def test_a_relative_clause_with_its_own_subject_tells_another_happening() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sitrep.extract.events import _own_subject

    words = ["raids", "which", "forces", "recaptured", "in", "March"]
    heads = [0, 2, 3, 0, 5, 3]
    deps = ["ROOT", "det", "nsubj", "acl:relcl", "case", "obl"]
    tags = ["NNS", "WDT", "NNS", "VBD", "IN", "NNP"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags)
    assert _own_subject(doc[3])
    words = ["strikes", "that", "killed", "25", "on", "Sunday"]
    deps = ["ROOT", "nsubj", "acl:relcl", "obj", "case", "obl"]
    tags = ["NNS", "WDT", "VBD", "CD", "IN", "NNP"]
    doc = Doc(Vocab(), words=words, heads=[0, 2, 0, 2, 5, 2], deps=deps, tags=tags)
    assert not _own_subject(doc[2])  # "that" stands for the strikes: their own time


@needs_model
def test_a_school_in_a_district_in_a_city_is_one_attack(domain_nlp: Language) -> None:
    text = (
        "A source told SANA that a rocket shell fired by the terrorist groups on a school in "
        "al-Midan neighborhood in Aleppo city claimed the lives of three children and injured "
        "four others."
    )
    events = extract_events("d", domain_nlp(text), "2016-11-18", None, None).events
    assert len([e for e in events if e.type in ("ASSAULT", "DIE")]) == 1


@needs_model
def test_members_of_a_group_in_a_town_are_the_groups(domain_nlp: Language) -> None:
    text = "A car bomb killed 12 members of Jaysh al-Islam in Douma on Friday."
    events = extract_events("d", domain_nlp(text), "2016-11-18", None, None).events
    targets = {p.text for e in events for p in e.participants if p.role == "target"}
    assert any("Jaysh" in t for t in targets), targets


@needs_model
def test_a_state_in_the_present_passive_is_no_happening(domain_nlp: Language) -> None:
    for text in (
        "According to the minister, the rebels are backed by Iran.",
        "The buses carried people out of two villages which are besieged by rebels.",
    ):
        events = extract_events("d", domain_nlp(text), "2016-07-15", None, None).events
        assert all(e.modality is not None for e in events), text
    events = extract_events(
        "d", domain_nlp("Three people were killed in Aleppo on Monday."), "2016-07-15", None, None
    ).events
    assert events and all(e.modality is None for e in events)


@needs_model
def test_a_person_moved_is_no_aid_and_backing_told_by_participles_is_a_relation(
    domain_nlp: Language,
) -> None:
    moved = (
        "At his own request, Halabi was eventually transferred to the general population at "
        "Saydnaya."
    )
    events = extract_events("d", domain_nlp(moved), "2019-09-03", None, None).events
    assert not [e for e in events if e.type == "AID"]
    text = (
        "Kafr Zita is 20 kilometres north of Hama the target of a large operation led by an "
        "alliance of rebels and backed by Turkey."
    )
    events = extract_events("d", domain_nlp(text), "2017-04-09", None, None).events
    backing = [e for e in events if e.type == "SUPPORT"]
    assert backing and all(e.modality is not None for e in backing)


@needs_model
def test_a_sentence_printed_twice_is_told_once(domain_nlp: Language) -> None:
    line = "Four fighters of the local militia were killed as a drone struck their post in Hadar."
    events = extract_events("d", domain_nlp(line + " " + line), "2015-07-29", None, None).events
    assert events and {e.sentence for e in events} == {0}


@needs_model
def test_a_holy_month_is_no_place(domain_nlp: Language) -> None:
    text = (
        "Nine civilians were killed in air raids on a market in eastern Syria on Monday the first "
        "day of the holy month of Ramadan."
    )
    events = extract_events("d", domain_nlp(text), "2016-06-06", None, None).events
    assert events and all(e.place is None or "Ramadan" not in e.place.text for e in events)


def test_a_description_is_no_place_name() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sitrep.extract.merge import not_a_place

    words = ["west", "of", "Daeshs", "de", "facto", "capital", "and", "al-Sham", "desert"]
    doc = Doc(Vocab(), words=words)
    described = doc[2:6]
    assert not_a_place(doc, described.start_char, described.end_char)
    desert = doc[7:9]  # a kind of place is part of its name
    assert not not_a_place(doc, desert.start_char, desert.end_char)
