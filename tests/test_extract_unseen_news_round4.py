"""What a fourth round of FA-KES articles outside the events gold taught (session 22): places,
doers and sources a coder would not record. Sentences written for sitrep, read with the shipped
pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventreading import read_events, roles
from sitrep.records import EventMention

PUBLISHED = "2016-11-21"


def _asserted(nlp: Language, text: str, type_name: str = "ASSAULT") -> list[EventMention]:
    events = read_events(nlp, text, PUBLISHED)
    return [e for e in events if e.type == type_name and e.modality is None]


@pytest.mark.parametrize(
    "text",
    [
        "Four farmers were killed on Tuesday when jets struck a hamlet near the border with "
        "Lebanon, the monitor said.",
        "Four farmers were killed on Tuesday when gunmen attacked a checkpoint along the "
        "frontier with Jordan, the monitor said.",
    ],
)
def test_the_country_across_a_frontier_is_not_the_place(domain_nlp: Language, text: str) -> None:
    attacks = _asserted(domain_nlp, text)
    assert attacks
    assert all(e.place is None or e.place.text not in ("Lebanon", "Jordan") for e in attacks)
    assert not {t for e in attacks for _, t in roles(e)} & {"Lebanon", "Jordan"}


def test_a_country_the_happening_is_in_stays_its_place(domain_nlp: Language) -> None:
    text = (
        "Four farmers were killed on Tuesday when gunmen attacked a checkpoint in Lebanon near "
        "the border with Syria, the monitor said."
    )
    places = {e.place.text for e in _asserted(domain_nlp, text) if e.place}
    assert places == {"Lebanon"}
