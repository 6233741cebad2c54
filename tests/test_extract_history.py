"""A history (an encyclopedia article, a chronology) tells the past by its own calendar: a day
told without its year is in the year the narrative has reached, not the year of the page's
date, and nothing is dated by the report or made its background. News keeps its report's
calendar. Sentences written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.extract.narrative import is_history, narrative_years
from sitrep.nlp.pipeline import shipped_model_path

HISTORY = (
    "The rebels began their advance on the town of Qasr Fendi in September 2016. "
    "On 3 October, rebel fighters attacked an army checkpoint near Qasr Fendi, killing 12 "
    "soldiers. Government aircraft bombed the town's market, killing 9 civilians. "
    "In March 2017, the army shelled the eastern villages. The town fell on 2 May 2017."
)


def test_a_text_dated_only_years_before_its_page_is_a_history() -> None:
    assert is_history(HISTORY, "2023-06-24")
    assert is_history(HISTORY, None)
    # the same text published within the year it tells, or telling days from its report, is news
    assert not is_history(HISTORY, "2017-04-02")
    assert not is_history(HISTORY + " On Tuesday the army shelled it again.", "2023-06-24")
    # a text with no dated time, or one old year recalled, has no calendar of its own
    assert not is_history("Rebels attacked a checkpoint, killing 12 soldiers.", "2023-06-24")
    recalls = "Rebels attacked a checkpoint in the town, held by the army since 2012."
    assert not is_history(recalls, "2016-10-06")


def test_a_long_history_may_quote_a_day_of_its_sources_but_news_dates_its_own_days() -> None:
    later = " ".join(
        f"In June {y}, the army shelled the villages again." for y in range(2010, 2016)
    )
    quoted = f'{HISTORY} {later} A commander said in 2016 that "today the town is ours".'
    assert quoted.index("today") > 600  # past the opening lines, where news tells its news
    assert is_history(quoted, "2023-06-24")
    # a story that recalls three old dates but tells its news on the day of its date line
    report = (
        "Posted on April 4 2017. Rebels attacked the town, which the army took in March 2013, "
        "lost in May 2014 and retook in June 2015."
    )
    assert not is_history(report, "2017-04-04")
    # an obituary: its news by a day from the report first, then a life told by its years
    life = "The retired general died Saturday, aged 81. " + HISTORY
    assert not is_history(life, "2019-01-22")


def test_the_narrative_year_is_the_last_one_told_before_the_sentence() -> None:
    starts = [0, HISTORY.index("On 3 October"), HISTORY.index("In March 2017")]
    assert narrative_years(HISTORY, starts) == [None, "2016", "2016"]
    assert narrative_years(HISTORY, starts, "2015 Qasr Fendi offensive")[0] == "2015"


if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def test_a_history_dates_days_in_its_own_year_and_recalls_nothing(domain_nlp: Language) -> None:
    events = extract_events("d", domain_nlp(HISTORY), "2023-06-24", None, None).events
    attack = next(e for e in events if e.trigger == "attacked")
    assert attack.time is not None and attack.time.start == "2016-10-03"
    assert attack.modality is None  # told by the history, not recalled by a 2023 report
    bombing = next(e for e in events if e.trigger == "bombed")
    # undated in the text: not "the days up to 24 June 2023"
    assert bombing.time is None or not bombing.time.start or bombing.time.start < "2017"
    assert all(e.time is None or not e.time.start or e.time.start < "2018" for e in events)


def test_news_keeps_its_report_calendar(domain_nlp: Language) -> None:
    news = "On Tuesday, rebel fighters attacked an army checkpoint near Qasr Fendi, killing 12."
    events = extract_events("d", domain_nlp(news), "2016-10-06", None, None).events
    attack = next(e for e in events if e.trigger == "attacked")
    assert attack.time is not None and attack.time.start == "2016-10-04"


def test_a_history_dates_an_undated_happening_by_its_paragraph(domain_nlp: Language) -> None:
    text = (
        "The army began its campaign on the town of Qasr Fendi in March 2016. "
        "It took the northern villages in May 2016.\n\n"
        "On 16 November 2016, the army stormed two districts of the town. "
        "Rebels shelled the army positions, killing 5 soldiers.\n\n"
        "Government aircraft bombed the market, killing 9 civilians."
    )
    events = extract_events("d", domain_nlp(text), "2023-06-24", None, None).events
    shelled = next(e for e in events if e.trigger == "shelled")
    assert shelled.time is not None and shelled.time.start == "2016-11-16"
    bombed = next(e for e in events if e.trigger == "bombed")
    assert bombed.time is None  # its paragraph tells no date: a new paragraph, a new time


def test_a_year_in_a_happenings_name_dates_it(domain_nlp: Language) -> None:
    text = "The 1994 Qasr Fendi massacre killed more than 300 villagers."
    events = extract_events("d", domain_nlp(text), "2016-05-06", None, None).events
    massacre = next(e for e in events if e.trigger == "massacre")
    assert massacre.time is not None and massacre.time.start == "1994-01-01"
    assert massacre.time.text == "1994"  # as the text writes it
    assert massacre.modality == "recalled"  # news recalls it, no longer dated by its report
