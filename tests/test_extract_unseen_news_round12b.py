"""What a twelfth round of FA-KES articles outside the events gold taught (session 30, helper
b): a toll counted "since" a day is dated to the days from that day to the report, not to the
day it started; everyone who tells a happening is in its source chain; an attack is placed where
it hit, not where its victims came from. Sentences written for sitrep, read with the shipped
pipeline; FA-KES strips commas, so several are written without them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventreading import read_events
from sitrep.extract.dating import SINCE_DAY_METHOD
from sitrep.extract.newsworthy import is_total_since
from sitrep.records import EventMention

PUBLISHED = "2016-10-13"  # a Thursday


def _violent(nlp: Language, text: str) -> list[EventMention]:
    return [e for e in read_events(nlp, text, PUBLISHED) if e.type in ("ASSAULT", "DIE")]


def _sources(event: EventMention) -> list[str]:
    return [link.name for link in event.claim.chain]


def _tolled(nlp: Language, text: str) -> EventMention:
    events = [e for e in _violent(nlp, text) if e.casualties and e.casualties.killed]
    assert events, text
    return events[0]


# --- 1. a toll counted "since" a day: the days from it to the report ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the parse hangs "Since" on the verb and "Monday" on the noun after it
        "Since Monday shelling has killed 31 civilians including nine children in the town.",
        "Since Monday, the bombardment of Saraqeb has killed 31 people.",
        "At least 31 people have been killed in air raids on Saraqeb since Monday.",
        "Regime forces have shelled the villages killing 31 people since Monday the monitor said.",
    ],
)
def test_a_toll_since_a_day_runs_to_the_report(domain_nlp: Language, text: str) -> None:
    event = _tolled(domain_nlp, text)
    assert event.time is not None
    # Monday 10 October to the report's Thursday, the toll kept as the happening's
    assert (event.time.start, event.time.end) == ("2016-10-10", "2016-10-13")
    assert event.time.precision == "range"
    assert event.casualties is not None and event.casualties.killed == 31
    assert event.modality is None


def test_a_day_told_without_since_stays_the_day(domain_nlp: Language) -> None:
    event = _tolled(domain_nlp, "Shelling killed 31 civilians in the town on Monday.")
    assert event.time is not None and (event.time.start, event.time.end) == (
        "2016-10-10",
        "2016-10-10",
    )


def test_a_since_clause_still_dates_another_happening(domain_nlp: Language) -> None:
    # "since" opens a clause of its own: no count since a day, whatever day the shelling takes
    text = "Shelling killed 31 civilians in the town the worst toll since raids resumed on Monday."
    event = _tolled(domain_nlp, text)
    assert event.time is None or event.time.method != SINCE_DAY_METHOD


# --- 2. a count so far is a total, not one happening ------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "killed", "dated", "total"),
    [
        # a province's fighting over an unsaid stretch, told as it stands
        ("Another 240 civilians have been killed in fighting in Hama province the monitor said.",
         240, False, True),
        ("Some 400 people have so far been killed in the ongoing air campaign on the city.", 400,
         False, True),
        ("More than 300 fighters have died in the offensive to date.", 300, False, True),
        # one happening's toll as it stands, or dated to a day or a few
        ("At least 120 people have been killed so far in the car bombing in Azaz.", 120, False,
         False),
        ("At least 120 people have been killed in fighting in Hama province on Monday.", 120,
         True, False),
        ("At least 120 people have been killed in air strikes on Douma.", 120, False, False),
        ("The toll from the blast has risen to 120 so far medics said.", 120, False, False),
    ],
)  # fmt: skip
def test_a_count_so_far_is_a_total(sentence: str, killed: int, dated: bool, total: bool) -> None:
    assert is_total_since(sentence, killed, dated) is total


def test_a_provinces_count_gives_no_event(domain_nlp: Language) -> None:
    text = "Another 240 civilians have been killed in fighting in Hama province the monitor said."
    assert not [e for e in _violent(domain_nlp, text) if e.casualties and e.casualties.killed]


def test_a_count_since_a_day_is_no_total(domain_nlp: Language) -> None:
    # "since Saturday": the days to the report, one happening's count (GUIDELINES code it so)
    text = "At least 132 militants have been killed since Saturday in fighting in Hasaka province."
    event = _tolled(domain_nlp, text)
    assert event.casualties is not None and event.casualties.killed == 132


# --- 3. everyone who tells it is in the chain ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tellers"),
    [
        (
            "At least 14 people were killed on Monday in a bombing in Qamishli the Syrian "
            "Observatory for Human Rights and medics said.",
            ["Syrian Observatory for Human Rights", "medics"],
        ),
        (
            "Shelling killed four civilians in the Old City on Sunday a Britain-based monitor "
            "and a medical source said.",
            ["a Britain-based monitor", "a medical source"],
        ),
        (
            "The strike killed 12 people according to residents and medical staff.",
            ["residents", "medical staff"],
        ),
    ],
)
def test_two_tellers_are_both_sources(domain_nlp: Language, text: str, tellers: list[str]) -> None:
    event = _tolled(domain_nlp, text)
    assert _sources(event) == tellers


def test_who_reports_after_and_is_the_source(domain_nlp: Language) -> None:
    # the parse joins "doctors" to the children shown and leaves "reported" no subject
    text = (
        "Footage from the town showed wounded children on stretchers and doctors reported that "
        "nine people were killed in the raid."
    )
    event = _tolled(domain_nlp, text)
    assert _sources(event) == ["doctors"]


def test_a_place_after_and_is_no_teller(domain_nlp: Language) -> None:
    text = "Rockets killed three people in Harasta and Douma residents said."
    for event in _violent(domain_nlp, text):
        assert all("Harasta" not in name for name in _sources(event))


def test_a_teller_and_the_agency_told(domain_nlp: Language) -> None:
    text = "A doctor told AFP that eight civilians were killed in the shelling of Douma on Monday."
    event = _tolled(domain_nlp, text)
    assert _sources(event) == ["AFP", "A doctor"]


# --- 4. where the people hit came from is not where they were hit -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb hit buses carrying evacuees from the towns of Fuaa and Kafraya at Rashidin "
        "on Saturday killing 100 people.",
        "Evacuees from the towns of Fuaa and Kafraya were hit by a car bomb at Rashidin on "
        "Saturday killing 100 people.",
        # the parse takes the families' town for the struck object's place
        "A suicide bomber struck a convoy of families from Madaya in the Rashidin district "
        "killing 40.",
    ],
)
def test_the_evacuees_town_is_not_the_place(domain_nlp: Language, text: str) -> None:
    events = [e for e in _violent(domain_nlp, text) if e.place is not None]
    assert events and all(e.place is not None and e.place.text == "Rashidin" for e in events)


def test_shelling_from_a_town_keeps_its_other_rules(domain_nlp: Language) -> None:
    # a "from" on no people: the rule leaves it alone (Douma, where the dead were, is placed)
    event = _tolled(domain_nlp, "Shelling killed five civilians in Douma on Saturday.")
    assert event.place is not None and event.place.text == "Douma"


def test_an_inverted_teller_after_a_casualty_word(domain_nlp: Language) -> None:
    # "wounded said the Observatory": the word before the verb is no teller
    text = (
        "In Nawa 12 civilians were killed in three air strikes while 20 others were wounded "
        "said the Syrian Observatory for Human Rights."
    )
    event = _tolled(domain_nlp, text)
    assert _sources(event) == ["Syrian Observatory for Human Rights"]
