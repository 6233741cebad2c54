"""The publication date at an article's opening (`clean.opening`): after a standfirst that
ends with an agency's credit, and after a headline with a dash and a byline. Texts written for
sitrep."""

from __future__ import annotations

import pytest

from sitrep.clean.opening import after_title, opening_date, opening_date_span


@pytest.mark.parametrize(
    ("text", "title", "want"),
    [
        # a standfirst closed by the agency's credit, then the day and the date
        (
            "Blast kills nine in market Rockets hit the old market in the afternoon and wounded "
            "twelve says a monitoring group AFP Tuesday 4 Mar 2014 A rocket hit the market.",
            "Blast kills nine in market",
            "2014-03-04",
        ),
        # the headline not repeated word for word ("UPDATED" before it)
        (
            "UPDATED Clashes kill 12 near the border Medical source AP Sunday 9 Oct 2016 "
            "Clashes broke out at dawn.",
            "Clashes kill 12 near the border",
            "2016-10-09",
        ),
        # a dash between the headline and its byline
        (
            "Rockets Hit Town Centre - Reports Agency Jane Doe Middle East 1130 11.03.2017 "
            "Rockets hit the centre.",
            "Rockets Hit Town Centre",
            "2017-03-11",
        ),
    ],
)
def test_the_date_line_after_a_standfirst_or_a_byline(text: str, title: str, want: str) -> None:
    found = opening_date(text, title)
    assert found is not None and found.value == want


def test_the_standfirst_stays_text() -> None:
    """Only the credit and the date line are the dateline; the standfirst before them is text
    (it may tell the event)."""
    text = (
        "Blast kills nine in market Rockets hit the old market and wounded twelve AFP Tuesday "
        "4 Mar 2014 A rocket hit the market."
    )
    span = opening_date_span(text, "Blast kills nine in market")
    assert span is not None and text[span[0] :].startswith("AFP")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels said they told AFP on Friday 3 March 2016 that the town fell.",
        "The group said the town fell on Friday 3 March 2016 after a long siege.",
    ],
)
def test_a_date_in_running_text_is_still_none(text: str) -> None:
    assert opening_date(text, "Some other headline here") is None


def test_a_lede_that_opens_with_the_headlines_words_is_no_headline() -> None:
    # the lede shares the headline's first four words, then goes its own way: it is the
    # story's first sentence, not the headline printed again (which extraction would mask)
    text = "More than 60 residents were killed in shelling of the old town in May, officials said."
    assert after_title(text, "More than 60 residents killed 200 injured in May shelling") == 0


def test_a_headline_repeated_without_its_site_name_is_still_the_headline() -> None:
    text = "Car bomb kills nine near the port NGO AFP Monday 17 Mar 2014 Nine people died."
    title = "Car bomb kills nine near the port NGO - Region - World - Daily Wire"
    assert text[: after_title(text, title)] == "Car bomb kills nine near the port NGO"
    found = opening_date(text, title)
    assert found is not None and found.value == "2014-03-17"
