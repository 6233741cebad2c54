"""The plain-text cleaner on pages it has never seen (issue 17): the fitted line model, comments
that cannot swallow the article, nothing usable rejected. Fixtures are written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.clean import clean_document
from sitrep.clean.evaluate import evaluate_clean, is_held_out
from sitrep.clean.html import MAX_DEPTH, _max_depth
from sitrep.clean.textscrape import clean_scrape
from sitrep.clean.textscrape.features import NEIGHBOUR_WIDTH
from sitrep.clean.textscrape.linemodel import MODEL_FILE, model_from_json, shipped_model
from sitrep.records import RawDocument

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "web-extraction-en"
HELD_OUT_TEXT_F1_FLOOR = 0.885  # plain-text cleaner, flattened held-out pages
ALL_PAGES_TEXT_F1_FLOOR = 0.92  # the same on all 142 pages (112 of them fitted on)
COMMENT_RECALL_ON_PAGE_FLOOR = 0.75  # plain-text cleaner, comments the saved pages hold

PROSE = (
    "Officials from both governments met on Sunday to discuss the security of the border "
    "crossings, according to a statement released by the ministry after the talks ended."
)
MORE = [
    "The delegation included senior customs officers, who asked that trucks carrying food be "
    "allowed through without the long queues seen last winter.",
    "Residents of the two towns on either side of the river have waited months for a decision, "
    "and many of them said they would believe it when the gates actually opened.",
    "A second round of meetings is planned for next week in the capital, where the two sides "
    "expect to sign a short written agreement on opening hours and inspections.",
    "Traders said that the closure had doubled the price of fuel in the border towns, because "
    "every tanker now had to take the long road through the mountains to the north.",
    "Neither government gave a date for the reopening, but both said that the technical teams "
    "would stay in contact over the coming days to settle the remaining questions.",
]
MENU = ["Home", "World", "Politics", "Business", "Sport", "Contact us"]


def _page(paragraphs: list[str], footer: list[str] | None = None) -> str:
    top = "\n".join(MENU) + "\n\nTalks on the border crossings resume\n\n"
    return top + "\n\n".join(paragraphs) + "\n\n" + "\n".join(footer or MENU) + "\n"


def test_shipped_model_is_generated_data_that_loads() -> None:
    text = (Path(__file__).parents[1] / "src/sitrep/clean/textscrape" / MODEL_FILE).read_text()
    data = json.loads(text)
    assert "fit" in data["about"]  # written by the fitting module, not by hand
    model = model_from_json(data)
    assert 0 < model.keep_threshold < 1 and 0 < model.threshold <= 1
    assert model.second.width == model.first.width + NEIGHBOUR_WIDTH
    assert model.vocabulary.weights


def test_model_keeps_prose_and_drops_menus() -> None:
    paragraphs = [PROSE, *MORE[:3]]
    result = clean_scrape(_page(paragraphs))
    assert result.text.split("\n\n") == paragraphs
    assert "Politics" not in result.text


def test_unstructured_comments_that_outweigh_the_body_go_back_to_the_body() -> None:
    # A "Comments" heading near the top (after a short teaser paragraph) must not file the
    # article as reader comments: the "thread" has no authors or dates and outweighs the body.
    body = [PROSE, *MORE]
    page = "Talks resume\n\nA short teaser on the border talks for the front page.\n\nComments\n\n"
    page += "\n\n".join(body) + "\n"
    result = clean_scrape(page)
    assert result.comments == ()
    assert all(p in result.text for p in body)


def test_structured_thread_stays_comments() -> None:
    page = _page([PROSE, *MORE[:2]])
    page += "\n3 Comments\n\n"
    for name, day in (("marta_k", 3), ("sam_r", 4), ("ali_r", 5)):
        page += f"{name}\nMarch {day}, 2020\nI doubt the crossings will open before the summer.\n\n"
    result = clean_scrape(page)
    assert [c.author for c in result.comments] == ["marta_k", "sam_r", "ali_r"]
    assert len(result.text.split()) > sum(len(c.text.split()) for c in result.comments)


def test_a_dateline_is_not_a_commenter() -> None:
    # Teasers for other stories under the article's reply form, each over a "Posted on DATE"
    # line: the dateline's label is no reader's name, so they are no thread by "Posted".
    teasers = "Leave a Reply\nYour email address will not be published.\nRELATED NEWS\n"
    for day, story in ((20, "Port traffic rises"), (21, "New housing plan"), (22, "Fuel prices")):
        teasers += f"Posted on April {day}, 2022\n{story}\nShare\n{MORE[day % 5]}\n\n"
    result = clean_scrape(_page([PROSE, *MORE[:3]], footer=[teasers]))
    assert all(c.author != "Posted" for c in result.comments)
    assert PROSE in result.text


def test_one_line_article_that_mentions_cookies_is_an_article() -> None:
    sentence = (
        "The ministry said traders would accept the new customs rules, and that bakers selling "
        "cookies at the crossing had agreed to the privacy terms of the new permit system. "
    )
    text = sentence * 12  # about 330 words, no line break
    doc = clean_document(RawDocument(text.encode(), origin="one-line", format="text"))
    assert len(doc.text.split()) == len(text.split())


def test_also_read_never_stays_in_the_body() -> None:
    page = _page(
        [
            PROSE,
            "Also Read: Ministers from three neighbouring countries agree on a plan to reopen "
            "the main crossing point next month",
            "ALSO READ:\nBorder crossing reopens after three years",
            MORE[0] + " ALSO READ: Crossing reopens",
            MORE[1],
        ]
    )
    result = clean_scrape(page)
    assert "also read" not in result.text.casefold()
    assert "Ministers from three" not in result.text
    assert MORE[0] in result.text


def test_forum_opening_post_keeps_its_author() -> None:
    page = (
        "Topic: Convoy seen near the crossing?\n\nriver_watch\nSenior Member\nMessages: 120\n"
        "Mar 4, 2018\n" + PROSE + "\n\nfar_observer\nJunior Member\nMarch 5, 2018\n"
        "I saw the same convoy from the other side of the river that evening.\n"
    )
    result = clean_scrape(page)
    assert result.author == "river_watch"
    assert [c.author for c in result.comments] == ["far_observer"]


def test_html_with_open_tags_past_the_depth_limit_is_extracted() -> None:
    # 450 list items left open: a cheap scan counts them as nesting, the parser closes them.
    items = "".join(f"<li><a href='/s/{n}'>Section {n}</a>" for n in range(450))
    article = "".join(f"<p>{PROSE.replace('Sunday', f'day {n}')}" for n in range(4))
    html = f"<html><body><h1>Talks</h1><ul>{items}</ul><article>{article}</article></body></html>"
    assert _max_depth(html) > MAX_DEPTH
    doc = clean_document(RawDocument(html.encode(), origin="open-tags", format="html"))
    assert PROSE.replace("Sunday", "day 2") in doc.text


def test_held_out_split_is_fixed_and_a_quarter() -> None:
    names = [f"site{n}.example.html" for n in range(400)]
    held = [n for n in names if is_held_out(n)]
    assert held == [n for n in names if is_held_out(n)]  # deterministic
    assert 60 < len(held) < 140


@pytest.fixture(scope="module")
def data_dir() -> Path:
    if not (DATA / "evaldata-en.json").is_file():
        pytest.skip(f"web-extraction-en evaluation data not found at {DATA}")
    return DATA


def test_no_flattened_page_has_a_body_smaller_than_unstructured_comments(data_dir: Path) -> None:
    from sitrep.clean.evaluate import load_page
    from sitrep.clean.flatten import flatten_html
    from sitrep.clean.textscrape.thread import is_structured

    gold = json.loads((data_dir / "evaldata-en.json").read_text())
    for page in gold.values():
        html = load_page(data_dir / "pages", page["file"])
        if html is None:
            continue
        result = clean_scrape(flatten_html(html))
        comment_words = sum(len(c.text.split()) for c in result.comments)
        if comment_words > len(result.text.split()):
            assert is_structured(list(result.comments)), page["file"]


def test_no_page_trafilatura_extracts_is_rejected(data_dir: Path) -> None:
    """Issue 17's "nothing usable rejected": every page trafilatura gets text from is cleaned,
    as HTML and flattened to text."""
    import trafilatura

    from sitrep.clean.evaluate import load_page
    from sitrep.clean.flatten import flatten_html
    from sitrep.errors import InputRejected

    gold = json.loads((data_dir / "evaldata-en.json").read_text())
    extracted, rejected = 0, []
    for page in gold.values():
        html = load_page(data_dir / "pages", page["file"])
        if html is None or not (trafilatura.extract(html) or "").strip():
            continue
        extracted += 1
        for content, fmt in ((html, "html"), (flatten_html(html).encode(), "text")):
            try:
                clean_document(RawDocument(content, origin=page["file"], format=fmt))  # type: ignore[arg-type]
            except InputRejected:
                rejected.append(f"{page['file']} ({fmt})")
    assert extracted > 100
    assert rejected == []


def test_all_pages_report(data_dir: Path) -> None:
    report = evaluate_clean(data_dir)
    rows = {str(r["system"]): r for r in report.rows()}
    # Measured 0.930 (HTML) against trafilatura's 0.926, and 27 of the 34 comment snippets the
    # saved pages hold (0.794; docs/quality.md): issue 17 asks for HTML >= trafilatura and
    # comment recall >= 0.60.
    assert float(rows["html"]["f1"]) >= float(rows["html-baseline"]["f1"])  # type: ignore[arg-type]
    assert float(rows["text"]["comment_recall_on_page"]) >= COMMENT_RECALL_ON_PAGE_FLOOR  # type: ignore[arg-type]
    assert float(rows["text"]["f1"]) >= ALL_PAGES_TEXT_F1_FLOOR  # type: ignore[arg-type]


def test_held_out_report(data_dir: Path) -> None:
    report = evaluate_clean(data_dir, split="held-out")
    assert 20 < report.pages < 60
    rows = {str(r["system"]): r for r in report.rows()}
    text, keep_all = rows["text"], rows["text-baseline"]
    assert float(text["f1"]) > float(keep_all["f1"])  # type: ignore[arg-type]
    # Pinned a little under the measured 0.895 (docs/quality.md); only ever raised.
    assert float(text["f1"]) >= HELD_OUT_TEXT_F1_FLOOR  # type: ignore[arg-type]
    assert float(rows["html"]["f1"]) >= float(rows["html-baseline"]["f1"])  # type: ignore[arg-type]
    assert shipped_model().threshold > 0


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "pdf"),  # a PDF cut short
        (b"<html><body>" + b"<div>" * 60_000 + b"</body></html>", "html"),
        (b"<html><head><script>var a = 1;</script></head><body><nav></nav></body></html>", "html"),
    ],
)
def test_rejection_reasons_are_sentences(content: bytes, fmt: str) -> None:
    from sitrep.errors import InputRejected

    with pytest.raises(InputRejected) as caught:
        clean_document(RawDocument(content, origin="bad", format=fmt))  # type: ignore[arg-type]
    detail = str(caught.value)
    assert detail and not any(word in detail for word in ("Error", "NoneType", "attribute"))
