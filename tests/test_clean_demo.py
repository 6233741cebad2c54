"""The clean stage on the demo corpus, checked against the hand-written key demo/expected.json.

Every input the README's ingest command names is acquired and cleaned; each document's
publication date, page-header date and number of reader comments must match the key (and the
comment authors, where the key names them), and the three bad inputs must be rejected.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from sitrep.acquire import iter_inputs
from sitrep.clean import clean_document
from sitrep.errors import InputRejected
from sitrep.records import CleanDocument, RawDocument, Rejection
from sitrep.settings import Settings

DEMO = Path(__file__).resolve().parents[1] / "demo"
INPUT_DIRS = ("pages", "feed", "crawl", "wire", "bad")


def _key_of(raw: RawDocument) -> str:
    """The answer key's name for an input: its path under demo/, or a WARC response's URL."""
    relative = raw.origin.split("demo/", 1)[-1]
    if "crawl.warc" in relative and raw.url:
        return raw.url
    return relative.replace("xml#record=", "xml#item=")


@cache
def _cleaned() -> tuple[dict[str, CleanDocument], dict[str, str]]:
    docs: dict[str, CleanDocument] = {}
    rejected: dict[str, str] = {}
    specs = [str(DEMO / name) for name in INPUT_DIRS]
    for item in iter_inputs(specs, Settings()):
        if isinstance(item, Rejection):
            rejected[item.origin.split("demo/", 1)[-1]] = item.reason
            continue
        try:
            docs[_key_of(item)] = clean_document(item)
        except InputRejected as error:
            rejected[_key_of(item)] = error.reason
    return docs, rejected


def _expected() -> dict[str, Any]:
    key: dict[str, Any] = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))
    return key


def _answers() -> dict[str, dict[str, Any]]:
    key = _expected()
    return {
        name: answer
        for part in ("pages", "feed", "crawl", "wire")
        for name, answer in key[part].items()
    }


def _mismatches(name: str, answer: dict[str, Any], doc: CleanDocument) -> list[str]:
    wrong: list[str] = []
    published = doc.published.value[:10] if doc.published else None
    if published != answer["published"]:
        wrong.append(f"published {published} != {answer['published']}")
    page_date = doc.page_date.value[:10] if doc.page_date else None
    if page_date != answer.get("page_date"):
        wrong.append(f"page_date {page_date} != {answer.get('page_date')}")
    if len(doc.comments) != answer["comments"]:
        wrong.append(f"comments {len(doc.comments)} != {answer['comments']}")
    authors = answer.get("comment_authors")
    if authors is not None and [c.author for c in doc.comments] != authors:
        wrong.append(f"comment authors {[c.author for c in doc.comments]} != {authors}")
    return [f"{name}: {w}" for w in wrong]


@pytest.fixture(scope="module")
def cleaned() -> tuple[dict[str, CleanDocument], dict[str, str]]:
    if not (DEMO / "expected.json").is_file():
        pytest.skip("demo corpus not present (demo/expected.json missing)")
    return _cleaned()


def test_every_input_is_cleaned_or_rejected_as_the_key_says(
    cleaned: tuple[dict[str, CleanDocument], dict[str, str]],
) -> None:
    docs, rejected = cleaned
    assert sorted(docs) == sorted(_answers())
    assert rejected == _expected()["rejected"]


def test_dates_and_comment_counts_match_the_key(
    cleaned: tuple[dict[str, CleanDocument], dict[str, str]],
) -> None:
    docs, _ = cleaned
    wrong = [
        w for name, answer in _answers().items() for w in _mismatches(name, answer, docs[name])
    ]
    assert wrong == []


def test_dates_say_where_they_were_read(
    cleaned: tuple[dict[str, CleanDocument], dict[str, str]],
) -> None:
    docs, _ = cleaned
    for name, doc in docs.items():
        assert doc.published is not None, name
        assert doc.published.source != "page-header", name
        assert doc.published.text, name
        if doc.page_date is not None:
            assert doc.page_date.source == "page-header", name


def test_comments_stay_out_of_the_body(
    cleaned: tuple[dict[str, CleanDocument], dict[str, str]],
) -> None:
    docs, _ = cleaned
    for name, doc in docs.items():
        for comment in doc.comments:
            first = comment.text.split("\n")[0][:60]
            assert first not in doc.text, f"{name}: comment {comment.ordinal} left in the body"


def test_ingest_links_each_syndicated_copy_to_its_original(tmp_path: Path) -> None:
    from sqlalchemy import select

    from sitrep.pipeline import Ingest
    from sitrep.store import Store, schema

    store = Store(str(tmp_path / "demo.db"))
    summary = Ingest(store, Settings(), use_nlp=False).run(
        [str(DEMO / name) for name in INPUT_DIRS]
    )
    with store.read() as conn:
        origin_of = {
            row.id: row.origin
            for row in conn.execute(select(schema.documents.c.id, schema.documents.c.origin))
        }
        linked = {
            origin_of[doc].split("demo/", 1)[-1]: origin_of[original].split("demo/", 1)[-1]
            for doc, original in conn.execute(
                select(schema.documents.c.id, schema.documents.c.duplicate_of).where(
                    schema.documents.c.duplicate_of.is_not(None)
                )
            )
        }
    expected = {
        name: answer["syndicated_copy_of"]
        for name, answer in _expected()["pages"].items()
        if "syndicated_copy_of" in answer
    }
    assert len(expected) == 3 and linked == expected
    assert summary.near_duplicates == 3
