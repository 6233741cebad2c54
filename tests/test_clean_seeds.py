"""The five seed pages: every article paragraph kept, every kind of chrome dropped, comments apart.

The seeds are third-party text, so these tests name their lines by number (1-based, as in the
file) instead of quoting them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitrep.clean import clean_document
from sitrep.clean.encoding import repair_text
from sitrep.records import CleanDocument, RawDocument

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

# seed prefix → (article paragraph lines, chrome lines that must not be in the body); the same
# hand labels the line model is fitted on (sitrep.clean.textscrape.fit).
_LABELS = json.loads((Path(__file__).parent / "fixtures" / "clean" / "seed-lines.json").read_text())
EXPECTED: dict[str, tuple[list[int], list[int]]] = {
    prefix: (labels["keep"], labels["drop"])
    for prefix, labels in _LABELS.items()
    if not prefix.startswith("_")
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", repair_text(text)).strip()


def _seed(prefix: str) -> tuple[list[str], CleanDocument]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed pages not found at {SEEDS}")
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    content = path.read_bytes()
    doc = clean_document(RawDocument(content=content, origin=str(path), format="text"))
    return content.decode("utf-8").split("\n"), doc


def _paragraphs(doc: CleanDocument) -> list[str]:
    return [_norm(p) for p in doc.text.split("\n\n")]


def _in_body(line: str, paragraphs: list[str]) -> bool:
    line = _norm(line)
    if len(line.split()) < 3:
        return line in paragraphs
    return any(line in p for p in paragraphs)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_article_paragraphs_kept_and_chrome_dropped(prefix: str) -> None:
    lines, doc = _seed(prefix)
    paragraphs = _paragraphs(doc)
    keep, drop = EXPECTED[prefix]
    for number in keep:
        # A related-link marker glued to a paragraph's end is cut off; the paragraph stays.
        line = re.split(r"SEE ALSO|ALSO READ", lines[number - 1])[0]
        assert _in_body(line, paragraphs), f"seed {prefix} line {number} missing from body"
    for number in drop:
        assert not _in_body(lines[number - 1], paragraphs), f"seed {prefix} line {number} in body"
    assert doc.language == "en"


def test_seed_000_comments_have_authors_dates_and_reply() -> None:
    lines, doc = _seed("000")
    assert [c.author for c in doc.comments] == ["Daeshbags-Sux", "Hayton"]
    assert [c.posted.value if c.posted else None for c in doc.comments] == [
        "2020-03-11",
        "2020-03-12",
    ]
    assert doc.comments[1].posted_text == _norm(lines[74])
    assert [c.reply_to for c in doc.comments] == [None, 0]
    assert _norm(doc.comments[0].text) == _norm(lines[70])
    assert _norm(doc.comments[1].text) == _norm(lines[77])
    assert all(c.user_generated for c in doc.comments)
    removed = dict(doc.removed)
    assert removed["comment-policy"] >= 10 and removed["share"] >= 15 and removed["related"] == 1


def test_seed_001_nested_responses() -> None:
    lines, doc = _seed("001")
    assert [c.author for c in doc.comments] == [
        "5thDrawer",
        "arzatna1",
        "5thDrawer",
        None,
        "5thDrawer",
        "nagy_michael2",
        "ahorvath",
    ]
    assert [c.reply_to for c in doc.comments] == [None, 0, 1, None, 3, None, None]
    assert _norm(lines[38]) == _norm(doc.comments[0].text)
    assert _norm(lines[50]) in _norm(doc.comments[3].text)  # second paragraph of the anonymous one
    assert doc.title == _norm(lines[0])
    assert ("signoff", _norm(lines[28])) in doc.fields
    # The photo caption is printed twice: exactly one copy stays.
    paragraphs = _paragraphs(doc)
    assert sum(_in_body(lines[n], paragraphs) for n in (3, 4)) == 1


def test_seed_002_page_date_is_not_publication_date() -> None:
    lines, doc = _seed("002")
    assert doc.page_date is not None and doc.page_date.source == "page-header"
    assert doc.page_date.value == "2024-04-18"
    assert doc.published is None
    assert doc.title == _norm(lines[2])
    paragraphs = _paragraphs(doc)
    assert sum(_in_body(lines[n], paragraphs) for n in (6, 8)) == 1
    assert not any("SEE ALSO" in p for p in paragraphs)


def test_seed_003_bio_and_ticker() -> None:
    _, doc = _seed("003")
    assert doc.author == "Siavosh Hosseini"
    assert {"author-bio", "reply-form", "ticker"} <= dict(doc.removed).keys()
    assert doc.comments == ()


def test_seed_004_forum_post_date() -> None:
    _, doc = _seed("004")
    assert doc.published is not None
    assert (doc.published.value, doc.published.source) == ("2015-12-21", "forum-post")
    assert dict(doc.removed)["link-list"] == 2
