"""RSS / Atom feeds → one document per item.

An item that carries its full text (RSS content:encoded, Atom <content>) becomes a "feed-item"
RawDocument holding that HTML. Otherwise the item's link is fetched (same rules as any URL) and
the page it returns carries the item's title, date and author in `fields`. An item with neither
falls back to its summary.
"""

from __future__ import annotations

import io
import time
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import feedparser

from sitrep.acquire.base import Items, LinkFetcher
from sitrep.records import RawDocument, Rejection


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)


def _web_link(entry: Any) -> str | None:
    """The item's http(s) link; feedparser fills `link` from a guid such as "urn:..." too."""
    link = entry.get("link")
    return link if link and urlsplit(link).scheme in ("http", "https") else None


def entry_fields(entry: Any, feed_title: str | None) -> dict[str, str]:
    """An item's metadata under the same names as table rows (title, url, date, author)."""
    date = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
    values = {
        "title": entry.get("title"),
        "url": _web_link(entry),
        "date": date or entry.get("published") or entry.get("updated"),
        "author": entry.get("author"),
        "feed": feed_title,
        "guid": entry.get("id"),
    }
    return {key: value.strip() for key, value in values.items() if value and value.strip()}


def _full_content(entry: Any) -> tuple[str, str] | None:
    """(text, content type) of the item's full content, if the feed carries it."""
    for part in entry.get("content") or ():
        value = (part.get("value") or "").strip()
        if value:
            return value, part.get("type") or "text/html"
    return None


def _entry_items(
    entry: Any, origin: str, fields: dict[str, str], fetch_link: LinkFetcher | None
) -> Items:
    full = _full_content(entry)
    link = fields.get("url")
    if full is None and link and fetch_link is not None:
        for item in fetch_link(link):
            if isinstance(item, RawDocument):
                item = replace(item, fields={**fields, **item.fields})
            yield item
        return
    if full is None:
        summary = (entry.get("summary") or "").strip()
        full = (
            (summary, entry.get("summary_detail", {}).get("type") or "text/html")
            if summary
            else None
        )
    if full is None:
        yield Rejection(origin, "no-text", "the feed item has no content, summary or link")
        return
    text, content_type = full
    yield RawDocument(
        content=text.encode("utf-8"),
        origin=origin,
        format="feed-item",
        url=link,
        fields={**fields, "content_type": content_type},
    )


def iter_feed(
    data: bytes,
    origin: str,
    fetch_link: LinkFetcher | None,
    base_url: str | None = None,
) -> Items:
    """The items of an RSS/Atom feed; `#record=N` numbers them from 1."""
    headers = {"content-location": base_url} if base_url else None
    # feedparser treats a str as a URL or path: always hand it a byte stream.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = str(parsed.get("bozo_exception"))
            if "amplification" in problem or "entit" in problem.lower():
                # billion laughs and the like: the parser refuses to expand them
                problem = "its XML entities expand past the parser's safety limit"
            detail = f"not a readable feed: {problem}"
            yield Rejection(origin, "malformed", detail)
        else:
            yield Rejection(origin, "no-text", "the feed has no items")
        return
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        fields = entry_fields(entry, feed_title)
        yield from _entry_items(entry, f"{origin}#record={number}", fields, fetch_link)
