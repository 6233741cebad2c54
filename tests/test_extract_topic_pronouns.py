"""A pronoun opening its sentence refers to the subject of the sentence before (the topic a
reader carries on with), unless that sentence reports what someone said. Sentences written for
sitrep, read with the shipped pipeline."""

from __future__ import annotations

from spacy.language import Language

from eventreading import read_events


def _doers(nlp: Language, text: str) -> set[str]:
    events = read_events(nlp, text, "2017-04-10")
    return {p.text for e in events for p in e.participants if p.role in ("actor", "by")}


def test_they_carries_on_the_group_of_the_sentence_before(domain_nlp: Language) -> None:
    text = (
        "The Syrian Democratic Forces have for weeks been advancing on Raqqa. "
        "They stormed the village of Hazima on Sunday, killing six fighters."
    )
    assert _doers(domain_nlp, text) == {"Syrian Democratic Forces"}


def test_its_forces_are_those_of_the_group_before(domain_nlp: Language) -> None:
    text = (
        "The Syrian Democratic Forces have for weeks been advancing on Raqqa. "
        "Its fighters shelled the village of Hazima on Sunday."
    )
    assert _doers(domain_nlp, text) == {"Syrian Democratic Forces"}


def test_the_speaker_of_a_report_is_not_the_topic(domain_nlp: Language) -> None:
    # "They" might be the activists or the forces they spoke of: left unresolved
    text = (
        "The activists said regime forces shelled Douma on Monday. "
        "They shelled the town of Harasta on Tuesday."
    )
    assert "The activists" not in _doers(domain_nlp, text)
