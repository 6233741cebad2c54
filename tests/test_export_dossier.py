"""One entity's dossier in Markdown and HTML: content, citations with offsets, inert markup."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html as lxml_html

from sitrep.errors import NotFoundError, UsageError
from sitrep.export import export_bytes
from sitrep.store import Store
from storefixtures import SCRIPT, Built, build_store


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Built]]:
    folder = tmp_path_factory.mktemp("dossier")
    store = Store(str(folder / "sitrep.db"))
    yield store, build_store(store, folder)
    store.close()


def test_markdown_dossier_lists_names_positions_and_timeline(built: tuple[Store, Built]) -> None:
    store, fixture = built
    content, media_type, filename = export_bytes(store, "dossier-md", entity="Ismail Qaani")
    text = content.decode("utf-8")
    assert (media_type, filename) == ("text/markdown; charset=utf-8", "sitrep-Ismail-Qaani.md")
    assert text.startswith("# Esmail Ghaani\n")
    assert "- Commander, Quds Force (2020-01-03)" in text
    assert "- member-of Islamic Revolutionary Guard Corps" in text
    assert "### 2020-03-08 (day) — CONSULT / visit" in text
    assert "**corroborated** (2 independent origins)" in text
    assert fixture.events["visit"] in text and fixture.events["strike"] not in text


def test_citations_quote_the_exact_sentence_at_its_offsets(built: tuple[Store, Built]) -> None:
    store, fixture = built
    text = export_bytes(store, "dossier-md", entity="irgc")[0].decode("utf-8")
    cited = re.findall(r"document `(doc_\w+)`, characters (\d+)–(\d+)\):\n  > (.*)", text)
    assert len(cited) >= 3
    for doc_id, start, end, quoted in cited:
        sentence = fixture.texts[doc_id][int(start) : int(end)]
        if "<" not in sentence:  # (the markup one is escaped: checked below)
            assert quoted == sentence or sentence in quoted


def test_markup_from_sources_is_inert_in_html(built: tuple[Store, Built]) -> None:
    store, _ = built
    content, media_type, _ = export_bytes(store, "dossier-html", entity="irgc")
    page = content.decode("utf-8")
    assert media_type == "text/html; charset=utf-8"
    assert "<script" not in page.lower()
    assert page.count("&lt;script&gt;") >= 2  # the event summary and the denial's sentence
    tree = lxml_html.fromstring(content)
    assert not tree.xpath("//script")
    hrefs = tree.xpath("//a/@href")
    assert hrefs and all(h.startswith("https://") for h in hrefs)  # no javascript: link
    assert any(SCRIPT in q.text_content() for q in tree.xpath("//blockquote"))
    assert "Tehran denies losses at T4" in page  # the unsafe-URL source is still cited


def test_markup_from_sources_is_inert_in_markdown(built: tuple[Store, Built]) -> None:
    store, _ = built
    for entity in ("irgc", "esmail-ghaani"):  # a quoted sentence; an alias
        text = export_bytes(store, "dossier-md", entity=entity)[0].decode("utf-8")
        assert "<script" not in text and "&lt;script&gt;" in text
        assert "javascript:" not in text


def test_dossier_needs_a_known_entity(built: tuple[Store, Built], tmp_path: Path) -> None:
    store, _ = built
    with pytest.raises(UsageError, match="--entity"):
        export_bytes(store, "dossier-html")
    with pytest.raises(NotFoundError):
        export_bytes(store, "dossier-md", entity="Nobody Atall")
