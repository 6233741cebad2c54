"""An attack the text does not date is dated by its report: the report's day and the two days
before it (the month, for a report dated only to its month); corroboration treats such a time
as no evidence of when. Mentions written for sitrep."""

from __future__ import annotations

from sitrep.corroborate.compat import MentionView
from sitrep.corroborate.run import _event_time
from sitrep.corroborate.views import _compared_time
from sitrep.extract.dating import dated_by_report
from sitrep.records import (
    REPORTED_DAYS_METHOD,
    REPORTED_MONTH_METHOD,
    ClaimRecord,
    EventMention,
    TimeValue,
)


def _strike(time: TimeValue | None = None, modality: str | None = None) -> EventMention:
    claim = ClaimRecord("c1", "d1", "m1", None, (), "asserts", False, (), None, 0, 8, 0, "")
    return EventMention(
        "m1", "d1", "ASSAULT", None, "shelling", 0, 8, 0, (), None, time, None, False, modality,
        claim,
    )  # fmt: skip


def test_an_undated_attack_happened_in_the_days_up_to_its_report() -> None:
    time = dated_by_report(_strike(), "2016-05-04").time
    assert time is not None
    assert (time.start, time.end, time.precision) == ("2016-05-02", "2016-05-04", "range")
    assert time.method == REPORTED_DAYS_METHOD and time.anchor == "2016-05-04"


def test_a_report_dated_to_its_month_gives_the_month() -> None:
    time = dated_by_report(_strike(), "2016-05").time
    assert time is not None and (time.start, time.end) == ("2016-05-01", "2016-05-31")
    assert time.method == REPORTED_MONTH_METHOD


def test_the_text_s_own_time_and_an_unreal_happening_keep_theirs() -> None:
    own = TimeValue("on Monday", "day", "2016-05-02", "2016-05-02")
    assert dated_by_report(_strike(own), "2016-05-04").time == own
    assert dated_by_report(_strike(modality="planned"), "2016-05-04").time is None
    assert dated_by_report(_strike(), None).time is None


def test_corroboration_compares_no_time_the_report_gave() -> None:
    for method in (REPORTED_DAYS_METHOD, REPORTED_MONTH_METHOD):
        time = {"start": "2016-05-02", "end": "2016-05-04", "method": method}
        row = {"time": time, "time_start": "2016-05-02", "time_end": "2016-05-04",
               "time_precision": "range"}  # fmt: skip
        start, end, precision, reported = _compared_time(row)
        assert (start, end, precision) == (None, None, None)
        assert reported == ("2016-05-02", "2016-05-04")


def _undated(id_: str, reported: tuple[str, str]) -> MentionView:
    return MentionView(id=id_, doc_id=f"d{id_}", type="ASSAULT", mode="shelling",
                       entities=frozenset(), reported=reported)  # fmt: skip


def test_an_event_dated_only_by_its_reports_days_is_a_range_not_a_month() -> None:
    """The explorer and the brief show an event's precision ("month": known only to the
    month); the days up to a report are three days, and were called a month."""
    days = [
        _undated("2", ("2016-09-19", "2016-09-21")),
        _undated("1", ("2016-09-17", "2016-09-19")),
    ]
    assert _event_time(days, days[0]) == {
        "time_start": "2016-09-17", "time_end": "2016-09-19", "time_precision": "range",
        "time_method": REPORTED_DAYS_METHOD,
    }  # fmt: skip
    month = [_undated("3", ("2016-09-01", "2016-09-30"))]
    assert _event_time(month, month[0])["time_precision"] == "month"
    february = [_undated("4", ("2016-02-01", "2016-02-29"))]
    assert _event_time(february, february[0])["time_precision"] == "month"
