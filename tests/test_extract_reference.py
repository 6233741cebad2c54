"""Within-document repairs on hand-built parses: described participants, split quotations,
glued reporting verbs, report dates and times shared by mentions of one happening."""

from __future__ import annotations

from sitrep.records import EventMention, Extraction
from test_extract_events import run


def by_trigger(extraction: Extraction, trigger: str) -> EventMention:
    found = [m for m in extraction.events if m.trigger == trigger]
    assert len(found) == 1, [(m.type, m.trigger) for m in extraction.events]
    return found[0]


def test_a_no_to_the_question_denies_the_described_meeting() -> None:
    meeting = by_trigger(run("denial_answered_no"), "meeting")
    assert meeting.claim.stance == "denies"
    # The speaker stood in the fragment the splitter cut off at the opening «.
    assert [link.name for link in meeting.claim.chain] == ["Wire", "Dmitry Peskov"]
    names = {p.text for p in meeting.participants}
    # "the head of state" -> the president named before; "an Iranian General" -> the general.
    assert names == {"Vladimir Putin", "Qassem Soleimani"}


def test_an_undated_mention_takes_the_date_of_the_same_happening() -> None:
    extraction = run("denial_answered_no")
    flew, trip = by_trigger(extraction, "flew"), by_trigger(extraction, "trip")
    assert trip.time is not None and (trip.time.start, trip.time.end) == (
        "2015-07-01",
        "2015-07-31",
    )
    assert flew.time is not None and flew.time.start == "2015-07-01"
    assert "same happening as sentence 1" in flew.time.method
    # The trip names no place: the document puts Soleimani's visits in Moscow.
    assert trip.place is not None and trip.place.text == "Moscow"
    # A meeting is not the trip's mode: it is placed, but keeps no borrowed date.
    assert by_trigger(extraction, "meeting").time is None


def test_a_reporting_verb_glued_to_that_keeps_its_speaker() -> None:
    visited = by_trigger(run("glued_argued"), "visited")
    assert [(link.name, link.verb) for link in visited.claim.chain][-1] == ("As-Safir", "argued")
    assert visited.claim.stance == "reports"
    assert [p.text for p in visited.participants] == ["Qassem Soleimani"]


def test_the_month_of_a_report_does_not_date_the_visit_it_reports() -> None:
    visit = by_trigger(run("report_date"), "visit")
    assert visit.time is None
    assert visit.claim.stance == "reports"
