"""A violent mention named with a definite determiner ("the attack", "those killed") refers back
to the happening the report told before it: it takes that happening's place and time, and an
ingest groups the two as one event with both claims. Texts written for sitrep."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.extract.happening import refers_back
from sitrep.nlp.pipeline import shipped_model_path

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)

REPORT = (
    "An air strike hit the vegetable market of Kafr Nabl in Idlib province on Monday, killing "
    "12 people. Rescue workers searched the rubble until night. A local activist told reporters "
    "that the attack was carried out by Russian warplanes."
)


def test_the_attack_takes_the_place_and_time_of_the_strike_before_it(domain_nlp: Language) -> None:
    events = extract_events("d", domain_nlp(REPORT), "2016-05-04", None, None).events
    by_trigger = {e.trigger.lower(): e for e in events}
    strike, attack = by_trigger["strike"], by_trigger["attack"]
    assert attack.sentence > strike.sentence
    assert attack.place is not None and strike.place is not None
    assert attack.place.text == strike.place.text
    assert attack.time is not None and strike.time is not None
    assert (attack.time.start, attack.time.end) == (strike.time.start, strike.time.end)
    assert "the same happening as sentence" in attack.time.method


@pytest.mark.parametrize(
    ("text", "trigger", "back"),
    [
        ("Witnesses said the attack lasted an hour.", "attack", True),
        ('"The attack also hurt nine people," the group said.', "attack", True),  # in quotes
        ("(The raid was the third this week.)", "raid", True),
        ("Those killed were farmers.", "killed", True),
        ("Residents protested the killing of a commander.", "killing", False),  # its own
        ("An attack hit the town.", "attack", False),  # told for the first time
        ("He died in the same strike.", "strike", True),  # a word or two between
        ("Crowds mourned those killed in the deadly air strikes.", "strikes", True),
        ("It recalled the Israeli strike on the port.", "strike", False),  # which one, anew
        ("Veterans of the 2006 war marched.", "war", False),
        ("Theattack", "attack", False),  # no word boundary
        ("Later the army shelled the village.", "shelled", False),  # a subject, not a determiner
        ("He said the monitor reported strikes.", "strikes", False),
    ],
)
def test_what_refers_back(domain_nlp: Language, text: str, trigger: str, back: bool) -> None:
    mention = extract_events("d", domain_nlp(REPORT), "2016-05-04", None, None).events[0]
    start = text.index(trigger)
    moved = replace(mention, trigger_start=start, trigger_end=start + len(trigger))
    assert refers_back(moved, text, domain_nlp(text)) is back


def test_an_ingest_groups_the_reference_with_its_happening(
    ingest_report: Callable[[str], list[tuple[int, str, str | None]]],
) -> None:
    rows = ingest_report(REPORT)
    events = {trigger.lower(): event for _sentence, trigger, event in rows}
    assert events["attack"] == events["strike"]


def test_an_attack_claimed_by_a_group_is_not_placed_where_the_group_is_attacked(
    domain_nlp: Language,
) -> None:
    # Daesh strikes in Qamishli and is struck in Manbij (twice, so Manbij is where the report
    # most often puts Daesh's violent events): the claimed attack is Daesh's own, in Qamishli.
    text = (
        "A car bomb planted by Daesh hit the city of Qamishli on Wednesday, killing 40 people. "
        "Windows shattered across the town. The attack was claimed by Daesh. The offensive "
        "against Daesh in the city of Manbij has cut its supply routes. Kurdish fighters "
        "attacked Daesh positions in Manbij."
    )
    events = extract_events("d", domain_nlp(text), "2016-07-28", None, None).events
    claimed = next(e for e in events if e.trigger == "attack")
    assert claimed.place is not None and claimed.place.text == "Qamishli"


@pytest.mark.parametrize(
    ("text", "back"),
    [
        # the dead a happening already told left, named after their noun
        ("The ministry said nine foreigners were among the militants killed.", True),
        ("A nephew was one of the men killed in the raid.", True),
        # an active verb with an object tells a happening anew
        ("The militants killed two guards at the gate.", False),
        # no definite noun before it
        ("Nine militants killed in the raid were foreigners.", False),
    ],
)
def test_a_toll_participle_after_a_definite_noun_refers_back(
    domain_nlp: Language, text: str, back: bool
) -> None:
    mention = extract_events("d", domain_nlp(REPORT), "2016-05-04", None, None).events[0]
    start = text.index("killed")
    moved = replace(mention, trigger="killed", trigger_start=start, trigger_end=start + 6)
    assert refers_back(moved, text, domain_nlp(text)) is back
