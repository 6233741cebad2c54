"""clean_document on each input format, with encoding repair, language and rejections."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sitrep.clean import clean_document
from sitrep.errors import InputRejected
from sitrep.records import RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "clean"


def _raw(content: bytes, fmt: str = "text", **kwargs: object) -> RawDocument:
    return RawDocument(content=content, origin="test", format=fmt, **kwargs)  # type: ignore[arg-type]


def test_html_article_metadata_and_comments() -> None:
    content = (FIXTURES / "article_with_comments.html").read_bytes()
    doc = clean_document(_raw(content, "html", url="https://example.org/news/factions"))
    assert doc.id == _raw(content).id
    assert doc.title == "Iraqi factions reject call to disarm"
    assert doc.author == "Sami Nouri"
    assert doc.site == "Example Monitor"
    assert doc.published is not None and doc.published.value == "2021-07-14"
    assert doc.published.source == "html-metadata"
    assert "would not hand over their heavy weapons" in doc.text
    assert "gradual and agreed" in doc.text
    assert "Privacy" not in doc.text and "Copyright" not in doc.text
    assert "Nobody expected" not in doc.text
    assert [c.text for c in doc.comments] == [
        "Nobody expected a different answer from them.",
        "The elections will decide more than any statement.",
    ]
    assert doc.language == "en" and doc.encoding == "utf-8"


def test_html_date_from_url_is_marked_as_such() -> None:
    html = (FIXTURES / "article_with_comments.html").read_text("utf-8")
    html = html.replace('<meta property="article:published_time"', '<meta name="x"')
    html = html.replace("By Sami Nouri, July 14, 2021", "By Sami Nouri")
    doc = clean_document(_raw(html.encode(), "html", url="https://example.org/2021/07/14/x.html"))
    assert doc.published is not None
    assert (doc.published.value, doc.published.source) == ("2021-07-14", "url")


def test_deeply_nested_html_is_rejected_quickly() -> None:
    # The HTML parser gives up on the text 50,000 elements down: nothing usable is left, and the
    # rejection says so in words, quickly.
    html = b"<html><body>" + b"<div>" * 50_000 + b"text" + b"</div>" * 50_000 + b"</body></html>"
    started = time.perf_counter()
    with pytest.raises(InputRejected) as caught:
        clean_document(_raw(html, "html"))
    assert caught.value.reason in ("malformed", "no-text")
    assert "Error" not in str(caught.value) and "object" not in str(caught.value)
    assert time.perf_counter() - started < 5


def test_html_without_text_is_rejected() -> None:
    html = b"<html><head><script>var a = 1;</script></head><body><nav></nav></body></html>"
    with pytest.raises(InputRejected) as caught:
        clean_document(_raw(html, "html"))
    assert caught.value.reason == "no-text"


def test_empty_input_is_rejected() -> None:
    with pytest.raises(InputRejected) as caught:
        clean_document(_raw(b"  \n "))
    assert caught.value.reason == "no-text"


def test_chrome_only_text_is_rejected() -> None:
    with pytest.raises(InputRejected) as caught:
        clean_document(_raw("Share this article:\n•\n•\n2 Shares\n".encode()))
    assert caught.value.reason == "no-text"


def test_mojibake_is_repaired_and_declared_encoding_used() -> None:
    sentence = "The commander’s visit to Aleppo was confirmed by officials on Monday evening."
    garbled = sentence.encode("utf-8").decode("cp1252").encode("utf-8")
    doc = clean_document(_raw(garbled))
    assert doc.text == sentence
    latin = "Le général a visité Alep lundi soir selon plusieurs responsables locaux."
    doc = clean_document(_raw(latin.encode("latin-1"), declared_encoding="ISO-8859-1"))
    assert doc.text == latin
    assert doc.encoding == "iso8859-1"
    assert doc.language == "fr"


def test_undeclared_legacy_encoding_is_detected() -> None:
    text = "Le général a visité Alep lundi soir, selon plusieurs responsables locaux présents. " * 3
    doc = clean_document(_raw(text.encode("cp1252")))
    assert "général a visité" in doc.text


def test_control_characters_are_stripped() -> None:
    doc = clean_document(_raw(b"The delegation\x07 arrived in Damascus on Sunday for two days."))
    assert doc.text == "The delegation arrived in Damascus on Sunday for two days."


def test_pdf_text_layer() -> None:
    doc = clean_document(_raw((FIXTURES / "report.pdf").read_bytes(), "pdf"))
    assert doc.title == "Militia commander appointed to border post"
    assert doc.text.startswith("A commander of an Iraqi armed faction was named head")
    assert "on Sunday, according to an order" in doc.text  # wrapped lines joined
    assert "Share" not in doc.text and dict(doc.removed) == {"advertisement": 1, "share": 1}


def test_broken_pdf_is_rejected() -> None:
    with pytest.raises(InputRejected) as caught:
        clean_document(_raw(b"%PDF-1.4\nthis is not really a pdf", "pdf"))
    assert caught.value.reason in {"malformed", "no-text"}


def test_row_fields() -> None:
    body = "Two Quds Force advisers were killed in an air strike near the airport, a monitor said."
    raw = _raw(
        body.encode(),
        "row",
        fields={
            "title": "Advisers killed near airport",
            "date": "3/18/2019",
            "source": "Example Wire",
            "text": body,
            "label": "1",
        },
    )
    doc = clean_document(raw)
    assert doc.text == body
    assert doc.title == "Advisers killed near airport"
    assert doc.site == "Example Wire"
    assert doc.published is not None
    assert (doc.published.value, doc.published.source) == ("2019-03-18", "row-field")
    assert doc.fields == (("label", "1"),)


def test_feed_item_with_html_body() -> None:
    html = (
        "<p>The ministry confirmed on Friday that the delegation had returned from Damascus "
        "after three days of talks with Syrian officials.</p><p>No statement was issued.</p>"
    )
    raw = _raw(html.encode(), "feed-item", fields={"title": "Delegation returns",
               "content": html, "published": "Fri, 05 Apr 2019 10:00:00 GMT"})  # fmt: skip
    doc = clean_document(raw)
    assert "<p>" not in doc.text and "delegation had returned from Damascus" in doc.text
    assert doc.published is not None
    assert (doc.published.value, doc.published.source) == ("2019-04-05", "feed")
