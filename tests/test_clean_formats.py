"""Date, byline and comment formats beyond the demo's: pages written for these tests, and the
`sitrep clean` command that shows a cleaned document for checking by hand."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.clean.dates import parse_date_line
from sitrep.clean.html import clean_html
from sitrep.clean.rows import parse_field_date
from sitrep.clean.textscrape import clean_scrape
from sitrep.clean.textscrape.meta import read_meta
from sitrep.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures" / "clean"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("October 14, 2015 | 6:52 PM", "2015-10-14"),
        ("9 April 2018 - 19:22", "2018-04-09"),
        ("Fri Jan 3, 2020 08:21AM", "2020-01-03"),
        ("Tuesday, 10 Apr 2018 | 12:04 AM Beirut", "2018-04-10"),
        ("Sat 14 Sep 2019 - 10:05 GMT", "2019-09-14"),
        ("Sep 15, 2019 at 9:02 PM", "2019-09-15"),
        ("On Sep 15, 2019 the army said", None),
    ],
)
def test_date_lines_with_times(line: str, value: str | None) -> None:
    assert parse_date_line(line) == value


@pytest.fixture
def far_time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """UTC+14, where a UTC evening is already the next day."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("March 5th, 2019", "2019-03-05"),
        ("Tue, 05 Mar 2019 23:30:00 EST", "2019-03-05"),  # the day as written, not UTC's
        ("March 2019", "2019-03-01"),
        ("1551830000", "2019-03-05"),  # 23:53 UTC: a day in UTC, not in the machine's zone
        ("1551830000123", "2019-03-05"),
        # Nothing here says which day: the machine's clock would have filled it in.
        ("yesterday", None),
        ("3 days ago", None),
        ("Monday", None),
        ("5 March", None),
        ("2019", None),
    ],
)
def test_a_row_date_is_what_its_text_says_whatever_the_clock(
    far_time_zone: None, text: str, value: str | None
) -> None:
    found = parse_field_date(text, "row-field")
    assert (found.value if found else None) == value


def test_metadata_lines_tell_stamped_dates_from_bare_ones() -> None:
    posted = read_meta("May 2, 2021 | No comments | Posted by Omar Saleh")
    assert posted is not None and posted.date is not None
    assert (posted.date[0], posted.author, posted.stamped) == ("2021-05-02", "Omar Saleh", True)
    labelled = read_meta("First published: 3 May 2021 [Last updated: 4 May 2021]")
    assert labelled is not None and labelled.date is not None
    assert labelled.date[0] == "2021-05-03" and labelled.labelled
    bare = read_meta("Sunday, 6 October 2024")
    assert bare is not None and not bare.stamped
    assert read_meta("On May 2, 2021 the council met in Baghdad to discuss the budget.") is None


def test_timestamped_date_above_headline_is_the_publication_date() -> None:
    result = clean_scrape((FIXTURES / "stamped_header_thread.txt").read_text("utf-8"))
    assert result.title == "Drone attack sets fire to Saudi oil plant at Abqaiq"
    assert result.author == "Nadia Farouk"
    assert result.published is not None and result.published.value == "2019-09-14"
    assert result.page_date is None
    assert result.text.startswith("Drones struck the Aramco processing plant")
    assert result.text.endswith("which denied any role.")
    for chrome in ("Share", "Similar stories", "Who are the Houthis", "Post a comment"):
        assert chrome not in result.text, chrome
    # a reply form above the thread, "@handle — date" authors, a "Replying to" line above a reply
    assert [(c.author, c.reply_to) for c in result.comments] == [
        ("gulfwatcher", None),
        ("maps_and_more", 0),
        ("oil_trader", None),
    ]
    assert result.comments[2].posted is not None
    assert result.comments[2].posted.value == "2019-09-14"
    assert all("Reply" not in c.text for c in result.comments)


def test_forum_replies_are_comments_and_bare_top_date_is_the_page_date() -> None:
    result = clean_scrape((FIXTURES / "registered_forum_thread.txt").read_text("utf-8"))
    assert result.title == "Kataib Hezbollah blamed for drone strike on Abqaiq?"
    assert result.published is not None
    assert (result.published.value, result.published.source) == ("2019-09-15", "forum-post")
    assert result.page_date is not None and result.page_date.value == "2024-10-06"
    assert result.text.startswith("Some Iraqi outlets are asking")
    assert "Jurf al-Sakhar" not in result.text
    assert [(c.author, c.posted.value if c.posted else None) for c in result.comments] == [
        ("desert_fox_77", "2019-09-15"),
        ("baghdad_obs", "2019-09-16"),
    ]
    assert all("Messages" not in c.text and "Member" not in c.text for c in result.comments)


def test_wordpress_comment_markup_gives_authors_dates_and_replies() -> None:
    result = clean_html((FIXTURES / "wordpress_comments.html").read_text("utf-8"))
    assert [(c.author, c.reply_to) for c in result.comments] == [
        ("gulfwatcher", None),
        ("maps_and_more", 0),
        ("oil_trader", None),
    ]
    first = result.comments[0]
    assert first.posted is not None and first.posted.value == "2019-09-14"
    assert first.posted_text == "September 14, 2019 at 11:20 am"
    assert (
        first.text
        == "The smoke could be seen from Bahrain this morning, people are posting videos."
    )
    assert result.page_date is not None and result.page_date.value == "2024-10-06"
    assert result.published is not None and result.published.value.startswith("2019-09-14")


def test_comment_text_without_markup_drops_the_section_heading() -> None:
    paragraph = (
        "<p>The council met in Baghdad on Tuesday and agreed a budget for the year after weeks "
        "of talks between the blocs.</p>"
    )
    page = (
        "<html><body><article><h1>Budget agreed in Baghdad after long talks</h1>"
        f"{paragraph * 4}</article><section id='comments'><h3>2 comments</h3>"
        "<div class='entry'><p>About time they agreed on something.</p></div>"
        "<div class='entry'><p>It will not last past the summer.</p></div></section>"
        "</body></html>"
    )
    comments = clean_html(page).comments
    assert [c.text for c in comments] == [
        "About time they agreed on something.",
        "It will not last past the summer.",
    ]
    assert all(c.author is None for c in comments)


def test_cli_clean_prints_document_and_json() -> None:
    page = str(FIXTURES / "registered_forum_thread.txt")
    shown = CliRunner().invoke(app, ["clean", page])
    assert shown.exit_code == 0, shown.output
    assert "published: 2019-09-15 (from forum-post: 'Sep 15, 2019 at 9:02 PM')" in shown.output
    assert "== comments (2)" in shown.output and "#1 baghdad_obs" in shown.output
    assert "forum-chrome" in shown.output
    as_json = CliRunner().invoke(app, ["clean", page, "--json"])
    assert as_json.exit_code == 0
    row = json.loads(as_json.output.splitlines()[0])
    assert row["page_date"]["source"] == "page-header"
    assert [c["author"] for c in row["comments"]] == ["desert_fox_77", "baghdad_obs"]


def test_cli_clean_reports_rejected_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(app, ["clean", str(empty), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output.splitlines()[0])["reason"] == "empty"
