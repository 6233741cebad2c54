"""A thing an attack hit, introduced with "a" and named again with "the", makes the attack told
at it the attack told before (`extract.definite`, through `happening.share_antecedents`).
Reports written for sitrep, read with the shipped pipeline."""

from __future__ import annotations

from spacy.language import Language

from eventreading import read_events


def _links(nlp: Language, text: str) -> dict[int, int | None]:
    events = read_events(nlp, text, "2016-10-18")
    return {m.sentence: m.retells for m in events if m.type in ("ASSAULT", "DIE")}


def test_the_convoy_struck_is_the_convoy_targeted(domain_nlp: Language) -> None:
    text = (
        "Warplanes targeted an international aid convoy near the town of Orem on Monday, "
        "killing 12 volunteers, a local activist said. "
        "According to a monitor the aid convoy was struck while driving to Orem in Aleppo province."
    )
    assert _links(domain_nlp, text)[1] == 0


def test_new_strikes_on_it_are_another_happening(domain_nlp: Language) -> None:
    text = (
        "Warplanes targeted an international aid convoy near the town of Orem on Monday, "
        "killing 12 volunteers, a local activist said. "
        "According to a monitor new strikes hit the aid convoy near Orem in Aleppo province."
    )
    links = _links(domain_nlp, text)
    assert 1 in links and links[1] is None


def test_a_place_named_in_full_may_be_its_first_naming(domain_nlp: Language) -> None:
    # "a village" and "the village of Kafr Ruma" may be two villages of one bulletin
    text = (
        "At least six people were killed in an airstrike on a village in Aleppo province, "
        "the ministry said. "
        "Rebels shelled the village of Kafr Ruma in Idlib province on Monday, killing two."
    )
    links = _links(domain_nlp, text)
    assert 1 in links and links[1] is None


def test_another_attack_on_it_is_another_happening(domain_nlp: Language) -> None:
    text = (
        "Warplanes targeted an international aid convoy near the town of Orem on Monday, "
        "killing 12 volunteers, a local activist said. "
        "Another strike hit the aid convoy while it was driving to Orem in Aleppo province."
    )
    links = _links(domain_nlp, text)
    assert 1 in links and links[1] is None


def test_a_thing_not_introduced_as_new_ties_nothing(domain_nlp: Language) -> None:
    text = (
        "Warplanes targeted the main market of the town of Orem on Monday, killing 12 people, "
        "a local activist said. "
        "According to a monitor rebels shelled the market of Kafr Ruma on Tuesday."
    )
    links = _links(domain_nlp, text)
    assert 1 in links and links[1] is None
