"""What the FA-KES leads whose toll was not read taught (session 29, helper 29e): a qualifier
told after the people counted ("40 gunmen at least were killed") or an aside on most of them
("30 fighters most of them from the group were killed") stands aside from the count; war words
for people the counts did not know ("mercenaries", "militiamen", "minors", "airmen") count
them; "all five" counts as "at least five" does; "cost 500 lives" and "claimed 12 lives" are
tolls. Sentences written for sitrep; the last test reads with the shipped pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventreading import read_events
from sitrep.extract.casualties import find_casualties

PUBLISHED = "2016-07-02"


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("About 40 gunmen at least were killed from two armed factions near the dam.", 40),
        ("Sixty insurgents at least have been killed in the fighting for the hill.", 60),
        ("At least 30 fighters most of them from a local brigade were killed in the raid.", 30),
        ("Some 25 rebels many of them foreigners were killed in the ambush.", 25),
        ("Twelve foreign mercenaries were killed when the convoy was hit.", 12),
        ("Seven militiamen were killed at a checkpoint outside the town.", 7),
        # "all" counts as any qualifier does
        ("A patrol boat was sunk killing all six sailors on board.", 6),
        ("A transport plane crashed killing all 14 people on board.", 14),
        # a toll told as the lives an attack cost or claimed
        ("The week of fighting for the dam cost more than 300 lives.", 300),
        ("The car bomb claimed 19 lives near the market.", 19),
        ("The bombing took 30 civilian lives on Friday.", 30),
        ("Two Russian airmen were killed when their helicopter came down.", 2),
        # the total before its part, the part now a people word
        ("At least 140 fighters among them 12 minors had been killed in the siege.", 140),
        # two groups, the second now a people word: their sum
        ("Some 90 Daesh fighters and 20 foreign mercenaries were killed in the strikes.", 110),
    ],
)
def test_tolls_told_with_a_qualifier_or_aside_after_the_people(sentence: str, killed: int) -> None:
    found = find_casualties(sentence)
    assert found is not None and found.killed == killed


@pytest.mark.parametrize(
    "sentence",
    ["Aid convoys saved 30 lives last winter.", "The war has cost many lives."],
)
def test_lives_saved_or_uncounted_are_no_toll(sentence: str) -> None:
    found = find_casualties(sentence)
    assert found is None or found.killed is None


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a part of the dead told after the toll is still no toll of its own
        ("Nineteen people were killed two of them medics from the clinic.", 19),
        # "them" with a count before it stays a part, not an aside
        ("The shelling killed 14 people and wounded 20 three of them children.", 14),
    ],
)
def test_a_counted_part_of_the_dead_is_still_no_toll(sentence: str, killed: int) -> None:
    found = find_casualties(sentence)
    assert found is not None and found.killed == killed


def test_a_lede_with_a_postponed_qualifier_carries_its_toll(domain_nlp: Language) -> None:
    text = (
        "The army repelled an attack on its posts near the dam on Friday. "
        "Eighty gunmen at least were killed from the factions that attacked the posts."
    )
    tolls = [
        e.casualties.killed
        for e in read_events(domain_nlp, text, PUBLISHED)
        if e.type in ("ASSAULT", "DIE") and e.casualties is not None
    ]
    assert 80 in tolls
