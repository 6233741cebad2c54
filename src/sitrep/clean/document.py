"""clean_document: one RawDocument in, one CleanDocument out, dispatched on its format."""

from __future__ import annotations

from dataclasses import replace

from lxml import etree  # type: ignore[import-untyped]

from sitrep.clean.encoding import decode_and_repair, repair_text, sniff_html_charset
from sitrep.clean.flatten import flatten_html
from sitrep.clean.html import clean_html
from sitrep.clean.language import detect_language
from sitrep.clean.markdown import is_markdown, read_markdown
from sitrep.clean.opening import opening_date
from sitrep.clean.pdf import pdf_text
from sitrep.clean.rows import looks_like_html, read_fields
from sitrep.clean.textscrape import clean_scrape
from sitrep.errors import InputRejected
from sitrep.records import CleanDocument, DateSource, RawDocument


def _from_html(raw: RawDocument, html: str, encoding: str | None) -> CleanDocument:
    try:
        result = clean_html(html, raw.url)
    except InputRejected:
        # trafilatura found no article or could not read the markup: the page's visible text,
        # flattened line by line, still goes through the plain-text cleaner before giving up.
        fallback = _from_flattened(raw, html, encoding)
        if fallback is None:
            raise
        return fallback
    return CleanDocument(
        id=raw.id,
        origin=raw.origin,
        format=raw.format,
        text=repair_text(result.text),
        title=result.title,
        author=result.author,
        site=result.site,
        url=raw.url,
        published=result.published,
        page_date=result.page_date,
        encoding=encoding,
        comments=result.comments,
    )


def _from_flattened(raw: RawDocument, html: str, encoding: str | None) -> CleanDocument | None:
    try:
        text = flatten_html(html)
    except (ValueError, etree.LxmlError):
        return None
    doc = _from_text(raw, repair_text(text), encoding)
    return doc if doc.text.strip() else None


def _from_text(raw: RawDocument, text: str, encoding: str | None) -> CleanDocument:
    result = clean_scrape(text)
    return CleanDocument(
        id=raw.id,
        origin=raw.origin,
        format=raw.format,
        text=result.text,
        title=result.title,
        author=result.author,
        url=raw.url,
        published=result.published,
        page_date=result.page_date,
        encoding=encoding,
        comments=result.comments,
        removed=result.removed,
        fields=result.fields,
    )


def _from_markdown(raw: RawDocument, text: str, encoding: str | None) -> CleanDocument:
    md = read_markdown(text)
    # The title goes on the first line, where the plain-text cleaner reads a page's headline.
    body = f"{md.title}\n\n{md.text}" if md.title else md.text
    doc = _from_text(raw, body, encoding)
    return replace(doc, title=md.title or doc.title, published=md.published or doc.published)


def _from_row(raw: RawDocument) -> CleanDocument:
    source: DateSource = "feed" if raw.format == "feed-item" else "row-field"
    row = read_fields({k: repair_text(v) for k, v in raw.fields.items()}, source)
    if row.body is not None:
        body, encoding = row.body, None
    else:
        body, encoding = decode_and_repair(raw.content, raw.declared_encoding)
    raw_with_url = replace(raw, url=raw.url or row.url)
    if looks_like_html(body):
        doc = _from_html(raw_with_url, body, encoding)
    else:
        doc = _from_text(raw_with_url, body, encoding)
    return replace(
        doc,
        title=row.title or doc.title,
        author=row.author or doc.author,
        site=row.site or doc.site,
        published=row.published or doc.published,
        fields=(*row.extra, *doc.fields),
    )


def _dispatch(raw: RawDocument) -> CleanDocument:
    if raw.format == "html":
        declared = raw.declared_encoding or sniff_html_charset(raw.content)
        html, encoding = decode_and_repair(raw.content, declared)
        return _from_html(raw, html, encoding)
    if raw.format == "pdf":
        return _from_text(raw, repair_text(pdf_text(raw.content)), None)
    if raw.format in ("row", "feed-item"):
        return _from_row(raw)
    text, encoding = decode_and_repair(raw.content, raw.declared_encoding)
    if is_markdown(raw.origin, text):
        return _from_markdown(raw, text, encoding)
    return _from_text(raw, text, encoding)


def clean_document(raw: RawDocument) -> CleanDocument:
    """Clean one acquired document.

    Raises InputRejected with reason "no-text", "undecodable" or "malformed".
    """
    if not raw.content.strip() and not raw.fields:
        raise InputRejected("no-text", f"{raw.origin} is empty")
    doc = _dispatch(raw)
    if doc.published is None:  # no metadata or column: the date line printed in the text
        doc = replace(doc, published=opening_date(doc.text, doc.title))
    if not doc.text.strip():
        raise InputRejected("no-text", f"nothing usable is left of {raw.origin} after cleaning")
    language, score = detect_language(doc.text)
    return replace(doc, language=language, language_score=score)
