"""Who says so where the parse or the copy falls short. A reporting verb the parse gave no subject
speaks for the kind-of-source noun right before it
("... meanwhile residents said jets bombed the city"). Sentences written for sitrep, read by the
shipped pipeline. (Two subjects: `test_extract_events.py`, on a hand-built parse.)"""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "In the eastern province of Deir Ezzor meanwhile residents said government jets "
            "bombed the old market setting fire to a row of shops.",
            "residents",
        ),
        (
            "An airstrike hit a village near the border killing at least nine people and "
            "wounding dozens local activists said.",
            "local activists",
        ),
    ],
)  # fmt: skip
def test_the_source_noun_before_the_verb_speaks(
    domain_nlp: Language, sentence: str, speaker: str
) -> None:
    events = extract_events("d", domain_nlp(sentence), "2016-05-04", "site", None).events
    violent = [e for e in events if e.type == "ASSAULT"]
    assert violent, [(e.type, e.trigger) for e in events]
    chains = [[link.name for link in e.claim.chain] for e in violent]
    assert all(e.claim.stance == "reports" for e in violent), chains
    assert all(chain[-1] == speaker for chain in chains), chains


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # a toll is no source; a toll the source names gives it
        ("Rocket fire on the old city killed three people according to the latest toll 12 "
         "others were wounded.", None),
        ("Fighting near the airport claimed the lives of 40 fighters according to an "
         "Observatory toll.", "Observatory"),
    ],
)  # fmt: skip
def test_according_to_a_toll(domain_nlp: Language, sentence: str, speaker: str | None) -> None:
    events = extract_events("d", domain_nlp(sentence), "2016-05-04", "site", None).events
    violent = [e for e in events if e.type in ("ASSAULT", "DIE")]
    assert violent, [(e.type, e.trigger) for e in events]
    for event in violent:
        names = [link.name for link in event.claim.chain]
        assert names == (["site", speaker] if speaker else ["site"]), names
