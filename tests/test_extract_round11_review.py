"""A second reading of round 11's rules (review 29f): where they misfired on sentences of their
own kind. A town right after "in" places even when a common noun follows it (a comma before
the source lost: "exploded in Homs police said"; "the Geneva process" names a process); a
country before an attack noun is whose the attack was only with an adjective between ("the US
latest airstrike"), not with a word that opens another phrase ("killed in Syria when airstrikes
hit"); "the last week of March" is a week of March, never the week before the report, while
"the past week of fighting" is the past week. Sentences written for sitrep, read with the
shipped pipeline."""

from __future__ import annotations

from spacy.language import Language

from eventreading import read_events
from sitrep.extract.time import find_time_expressions, normalize_time

PUBLISHED = "2016-07-02"  # a Saturday


def test_a_town_after_in_places_before_a_common_noun(domain_nlp: Language) -> None:
    events = read_events(domain_nlp, "A car bomb exploded in Homs police said.", PUBLISHED)
    assert any(e.place is not None and e.place.text == "Homs" for e in events), [
        (e.trigger, e.place) for e in events
    ]


def test_a_country_before_a_clause_of_attack_still_places(domain_nlp: Language) -> None:
    events = read_events(
        domain_nlp, "Twelve people were killed in Syria when airstrikes hit a market.", PUBLISHED
    )
    assert any(e.place is not None and e.place.text == "Syria" for e in events), [
        (e.trigger, e.place) for e in events
    ]


def test_a_country_with_an_adjective_before_its_attack_is_whose(domain_nlp: Language) -> None:
    events = read_events(
        domain_nlp, "Five people were killed in the US latest airstrike on Raqqa.", PUBLISHED
    )
    assert events
    assert all(e.place is None or e.place.text != "US" for e in events), [
        (e.trigger, e.place) for e in events
    ]


def _times(text: str) -> list[tuple[str, str | None, str | None]]:
    out = []
    for span in find_time_expressions(text):
        value = normalize_time(span.text, PUBLISHED)
        out.append((span.text, value.start, value.end))
    return out


def test_the_last_week_of_a_month_is_not_the_week_before_the_report() -> None:
    times = _times("Rebels killed five soldiers in the last week of March.")
    assert not any("week" in text.lower() for text, _, _ in times), times
    assert not any(start is not None and start >= "2016-06-01" for _, start, _ in times), times


def test_the_past_week_of_fighting_is_the_past_week() -> None:
    times = _times("The past week of fighting killed 50 people.")
    assert ("The past week", "2016-06-25", "2016-07-02") in times, times
