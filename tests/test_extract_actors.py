"""Who attacked, read from the words around the attack (the shipped pipeline). Sentences
written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        # the attacker as the modifier of the attack noun, through a compound
        ("Regime air raids killed at least 9 farmers near Saraqib on Monday.", "Regime"),
        ("The death toll from terrorist rocket attacks on homes in Hama city rose to 6 killed.",
         "terrorist"),
        # "so called" labels a name: the attack is no call or demand
        ("Terrorists of the so called Jaish al-Islam shelled the northern villages on Friday.",
         "Jaish al-Islam"),
        # "they" in what a group says is the group
        ("Rebels said they shelled the airport in Aleppo on Sunday.", "Rebels"),
    ],
)  # fmt: skip
def test_the_attacker_is_found(domain_nlp: Language, sentence: str, actor: str) -> None:
    events = extract_events("d", domain_nlp(sentence), "2016-05-04", None, None).events
    actors = [p.text for e in events if e.modality is None for p in e.participants
              if p.role in ("actor", "by")]  # fmt: skip
    assert actor in actors, [(e.trigger, e.modality, e.participants) for e in events]


@pytest.mark.parametrize(
    ("sentence", "thing"),
    [
        ("The coach was wounded by shrapnel near his club in Damascus on Monday.", "shrapnel"),
        ("A fresh wave of air raids hit the old city of Homs on Sunday, killing one man.",
         "wave"),
    ],
)  # fmt: skip
def test_what_an_attack_is_made_of_is_no_one(
    domain_nlp: Language, sentence: str, thing: str
) -> None:
    events = extract_events("d", domain_nlp(sentence), "2016-05-04", None, None).events
    names = [p.text for e in events for p in e.participants]
    assert events and not any(thing in n for n in names), names


def test_a_day_whose_apostrophe_was_lost_is_no_attacker(domain_nlp: Language) -> None:
    # "Mondays attack" is Monday's attack, in copy stripped of its punctuation
    text = "Russian warplanes carried out Mondays attack on the market in Idlib."
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    actors = [p.text for e in events for p in e.participants if p.role in ("actor", "by")]
    assert "Mondays" not in actors and "Russian" in actors, actors
