"""The plain-text scrape cleaner on pages written for the project (same noise, other wording)."""

from __future__ import annotations

from pathlib import Path

from sitrep.clean.textscrape import ScrapeResult, clean_scrape
from sitrep.clean.textscrape.lines import split_lines

FIXTURES = Path(__file__).parent / "fixtures" / "clean"


def _clean(name: str) -> ScrapeResult:
    return clean_scrape((FIXTURES / name).read_text("utf-8"))


def test_news_page_body_metadata_and_says_comments() -> None:
    result = _clean("news_says_comments.txt")
    assert result.title == "IRGC delegation holds talks with militia leaders in Baghdad"
    assert result.author == "Lina Haddad"
    assert result.published is not None
    assert (result.published.value, result.published.source) == ("2019-06-02", "byline")
    assert result.page_date is not None and result.page_date.value == "2019-06-03"
    paragraphs = result.text.split("\n\n")
    assert paragraphs[0].startswith("BAGHDAD – A delegation of senior officers")
    assert paragraphs[-1].startswith('"The message was clear')
    # the glued "READ MORE:" is cut, the paragraph kept
    assert any(p.endswith("rivalry between them.") for p in paragraphs)
    assert sum(p.startswith("A convoy of armoured vehicles") for p in paragraphs) == 1
    for chrome in ("Read more", "electricity agreement", "Sponsored", "Shares", "Tweet",
                   "Comment policy", "moderated", "Home", "Post Comment", "kareem"):  # fmt: skip
        assert chrome not in result.text, chrome
    authors = [
        (c.author, c.posted.value if c.posted else None, c.reply_to) for c in result.comments
    ]
    assert authors == [
        ("kareem_observer", "2019-06-03", None),
        ("desert_fox", "2019-06-03", 0),
        ("Marta K.", "2019-06-04", None),
    ]
    assert result.comments[2].text == "Good reporting, thank you."
    assert result.comments[0].posted_text == "June 3, 2019 at 8:15 am"


def test_forum_thread() -> None:
    result = _clean("forum_thread.txt")
    assert result.title == "Militia convoys crossing at Al-Qaim - what do we know?"
    assert result.published is not None
    assert (result.published.value, result.published.source) == ("2018-03-04", "forum-post")
    assert result.text.startswith("Several local outlets are reporting")
    assert result.text.endswith("stayed on the Iraqi side of the border.")
    for chrome in ("Senior Member", "reopens after three years", "Joined", "Forum List"):
        assert chrome not in result.text, chrome
    assert dict(result.removed)["link-list"] == 2


def test_wire_story_with_bio_and_numbered_thread() -> None:
    result = _clean("wire_bio_numbered.txt")
    assert result.title == "Quds Force adviser reported killed near Deir ez-Zor"
    assert result.published is not None
    assert (result.published.value, result.published.source) == ("2019-03-18", "dateline")
    assert result.author == "Dana Roe"
    assert ("signoff", "AFP") in result.fields
    assert result.text.count("\n\n") == 3  # four article paragraphs
    for chrome in ("Breaking", "SEE ALSO", "Pakistani fighters", "covers security"):
        assert chrome not in result.text, chrome
    assert result.text.count("(AFP)") == 1  # in the dateline, not as a sign-off line
    assert [(c.author, c.reply_to) for c in result.comments] == [
        ("levant_watch", None),
        ("old_hand", 0),
        ("r.samir", None),
    ]


def test_comment_link_in_header_does_not_swallow_article() -> None:
    page = (
        "Comments (4)\n\nA headline about a meeting in Damascus\n\n"
        "Officials from both governments met on Sunday to discuss the security of the border "
        "crossings, according to a statement released after the talks.\n"
    )
    result = clean_scrape(page)
    assert result.text.startswith("Officials from both governments")
    assert result.comments == ()


def test_plain_note_without_paragraphs_is_kept() -> None:
    result = clean_scrape("Explosion reported at depot near Albu Kamal\n")
    assert result.text == "Explosion reported at depot near Albu Kamal"


def test_lines_keep_indent_and_gaps() -> None:
    lines = split_lines("a\n\n\n    b\u00a0 c\n")
    assert [(x.text, x.indent, x.gap) for x in lines] == [("a", 0, 0), ("b c", 4, 2)]
