"""Time normalisation: precision is never faked."""

from __future__ import annotations

import pytest

from sitrep.extract import find_time_expressions, normalize_time

CASES = [
    # text, anchor, precision, start, end
    ("March 18", "2019-04-01", "day", "2019-03-18", "2019-03-18"),
    ("March 18", "2019-03-01", "day", "2018-03-18", "2018-03-18"),
    ("January 3rd", "2020-03-10", "day", "2020-01-03", "2020-01-03"),
    ("September 5", "2018-09-20", "day", "2018-09-05", "2018-09-05"),
    ("18 March 2019", None, "day", "2019-03-18", "2019-03-18"),
    ("Wed 05 Apr 2017", None, "day", "2017-04-05", "2017-04-05"),
    ("Thursday", "2015-10-02", "day", "2015-10-01", "2015-10-01"),
    ("on Wednesday", "2017-04-05", "day", "2017-04-05", "2017-04-05"),
    ("on Sunday", "2019-03-19", "day", "2019-03-17", "2019-03-17"),
    ("last October", "2019-03-19", "month", "2018-10-01", "2018-10-31"),
    ("last October", "2019-11-19", "month", "2019-10-01", "2019-10-31"),
    ("in July", "2015-10-06", "month", "2015-07-01", "2015-07-31"),
    ("at the end of August", "2018-09-10", "range", "2018-08-21", "2018-08-31"),
    ("the past two weeks", "2015-10-01", "range", "2015-09-17", "2015-10-01"),
    ("earlier this year", "2019-05-01", "range", "2019-01-01", "2019-05-01"),
    ("In the summer of 2015", None, "range", "2015-06-01", "2015-08-31"),
    ("July 2015", None, "month", "2015-07-01", "2015-07-31"),
    ("since 1998", None, "year", "1998-01-01", "1998-12-31"),
    ("March 18", "2019", "day", "2019-03-18", "2019-03-18"),
    # a span between two told days is that span, never its first day alone; the first end is
    # read against the second ("March 30" is the one before April 2)
    ("between March 30 and April 2", "2018-04-10", "range", "2018-03-30", "2018-04-02"),
    ("between Monday and Wednesday", "2017-03-10", "range", "2017-03-06", "2017-03-08"),
    ("from May 2012 to July 9", "2014-08-01", "range", "2012-05-01", "2014-07-09"),
    ("between 3 May and 11 June 2015", None, "range", "2015-05-03", "2015-06-11"),
    ("Between March 30 and April 2", "2018-04-10", "range", "2018-03-30", "2018-04-02"),
]


@pytest.mark.parametrize(("text", "anchor", "precision", "start", "end"), CASES)
def test_normalize(text: str, anchor: str | None, precision: str, start: str, end: str) -> None:
    value = normalize_time(text, anchor)
    assert (value.precision, value.start, value.end) == (precision, start, end), value
    assert value.anchor == anchor


@pytest.mark.parametrize(
    "text",
    ["March 18", "Thursday", "on Sunday", "last October", "in July", "a few months ago",
     "the past two weeks", "earlier this year", "at the end of August", "yesterday"],
)  # fmt: skip
def test_relative_without_anchor_is_unresolved(text: str) -> None:
    value = normalize_time(text, None)
    assert value.precision == "unresolved"
    assert value.start is None and value.end is None


def test_few_months_ago_is_a_range_before_the_anchor() -> None:
    value = normalize_time("a few months ago", "2015-10-06")
    assert value.precision == "range"
    assert value.start is not None and value.end is not None
    assert value.start < value.end < "2015-10-06"


def test_truncated_year_keeps_its_candidates() -> None:
    """ "Monday, March 18, 201" fits 2013 and 2019: the year stays unresolved, not guessed."""
    value = normalize_time("Monday, March 18, 201", None)
    assert value.precision == "unresolved" and value.start is None
    assert "year-candidates:2013,2019" in value.method
    single = normalize_time("Tuesday, March 18, 201", None)
    assert (single.precision, single.start) == ("day", "2014-03-18")


def test_find_expressions_in_a_sentence() -> None:
    text = "Assad met them March 18 in Damascus; Baqeri visited Syria last October. We may go."
    found = [span.text for span in find_time_expressions(text)]
    assert found == ["March 18", "last October"]
    for span in find_time_expressions(text):
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a fortnight ago", "2016-04-20"),
        ("48 hours ago", "2016-05-02"),
        ("in 2 days", "2016-05-06"),
    ],
)
def test_what_only_dateparser_reads_is_counted_from_the_report_not_the_clock(
    text: str, expected: str
) -> None:
    assert normalize_time(text, "2016-05-04").start == expected
    # from a month or no anchor there is no day to count from: never the day the text was read
    for anchor in ("2016-05", None):
        value = normalize_time(text, anchor)
        assert value.precision == "unresolved" and value.start is None, (anchor, value)


def test_a_days_possessive_without_its_apostrophe_is_that_day() -> None:
    """Copy stripped of punctuation writes "Friday's strikes" as "Fridays strikes": the day;
    "on Fridays" and "every Friday" are a habit, no day."""
    found = find_time_expressions("The monitor said Fridays strikes hit the town.")
    assert [f.text for f in found] == ["Fridays"]
    assert normalize_time("Fridays", "2016-08-17").start == "2016-08-12"
    for habit in ("Prayers are held on Fridays in the mosque.", "on Fridays and Saturdays"):
        assert find_time_expressions(habit) == [], habit


def test_in_recent_weeks_is_a_few_weeks_up_to_the_report() -> None:
    found = find_time_expressions("In recent weeks the road has been shelled daily.")
    assert [f.text for f in found] == ["In recent weeks"]
    value = normalize_time("In recent weeks", "2016-08-17")
    assert (value.precision, value.start, value.end) == ("range", "2016-07-27", "2016-08-17")
