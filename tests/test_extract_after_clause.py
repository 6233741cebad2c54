"""A happening told in an "after" clause ("the shelling comes a day after eight civilians were
killed in a similar attack") came before the sentence's own happening: the sentence's day is
not its day (it is counted back by the days the text gives, or left to other evidence), and
its toll is not the later happening's."""

from __future__ import annotations

from spacy.language import Language

from eventreading import read_events
from sitrep.extract.dating import DAYS_BEFORE_METHOD

PUBLISHED = "2016-08-17"  # a Wednesday


def _by_trigger(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None, int | None]]:
    out = {}
    for event in read_events(nlp, text, PUBLISHED):
        killed = event.casualties.killed if event.casualties else None
        start = event.time.start if event.time else None
        method = event.time.method if event.time else None
        out[event.trigger] = (start, method, killed)
    return out


def test_the_earlier_attack_is_counted_back_from_the_later_ones_day(domain_nlp: Language) -> None:
    found = _by_trigger(
        domain_nlp,
        "Wednesday shelling on the Midan district comes a day after eight civilians were killed "
        "in a similar attack by insurgents on the Salah Eddin neighbourhood.",
    )
    # (the shelling has a place of its own: the earlier attack's neighbourhood is not where
    # the shelling was, and a shelling told with nothing else is not kept)
    assert found["shelling"] == ("2016-08-17", "weekday-on-or-before-anchor", None)
    assert found["attack"] == ("2016-08-16", DAYS_BEFORE_METHOD, 8)


def test_a_toll_with_a_happening_that_follows_it_is_that_happenings(domain_nlp: Language) -> None:
    found = _by_trigger(domain_nlp, "Five people were killed after a car bomb exploded in Azaz.")
    assert [killed for _, _, killed in found.values()] == [5] * len(found)
