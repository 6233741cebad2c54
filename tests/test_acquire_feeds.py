"""acquire: RSS/Atom feeds, local and served, with full content or links to fetch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from httpserver import LocalServer
from sitrep.acquire import iter_inputs
from sitrep.records import RawDocument, Rejection
from sitrep.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "acquire"
LOCAL = Settings(allow_private_addresses=True, fetch_timeout_s=2.0)
ARTICLE = (
    b"<html><body><article><p>%s, a page written for the feed tests.</p></article></body></html>"
)

LINK_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Linked Test Feed</title>
  <id>urn:test:feed</id>
  <updated>2021-04-02T10:00:00Z</updated>
  <entry><title>First linked item</title><id>urn:test:1</id>
    <link href="{base}/articles/one.html"/><updated>2021-04-01T09:15:00Z</updated>
    <author><name>Desk One</name></author><summary>Teaser one.</summary></entry>
  <entry><title>Second linked item</title><id>urn:test:2</id>
    <link href="{base}/articles/missing.html"/><updated>2021-04-02T10:00:00Z</updated></entry>
  <entry><title>Item with only a summary</title><id>urn:test:3</id>
    <updated>2021-04-02T11:00:00Z</updated><summary>The summary is all there is.</summary></entry>
</feed>
"""


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as local:
        local.route("/articles/one.html", ARTICLE % b"Article one")
        yield local


def label(item: RawDocument | Rejection) -> str:
    return item.format if isinstance(item, RawDocument) else item.reason


def test_local_feed_with_full_content() -> None:
    path = FIXTURES / "feed-full.xml"
    first, second = list(iter_inputs([str(path)], Settings()))
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.format == "feed-item" and first.origin == f"{path}#record=1"
    assert b"military advisers arrived in Latakia" in first.content
    assert b"Short summary only" not in first.content
    assert first.url == "https://example.org/2019/advisers-latakia"
    assert first.fields["title"] == "Advisers said to arrive in Latakia"
    assert first.fields["date"] == "2019-03-05T08:30:00Z"
    assert first.fields["author"] == "Test Desk"
    assert first.fields["feed"] == "Test Conflict Monitor"
    assert first.fields["content_type"] == "text/html"
    assert (
        second.fields["title"] == "Statement on border crossing" and "author" not in second.fields
    )


def test_local_feed_items_link_to_pages_that_are_fetched(
    server: LocalServer, tmp_path: Path
) -> None:
    path = tmp_path / "links.atom"
    path.write_text(LINK_FEED.format(base=server.base))
    items = list(iter_inputs([str(path)], LOCAL))
    assert [label(i) for i in items] == ["html", "http-error", "feed-item"]
    page, missing, summary = items
    assert isinstance(page, RawDocument) and page.content == ARTICLE % b"Article one"
    assert page.origin == server.url("/articles/one.html") and page.fetched_at
    assert page.fields["title"] == "First linked item" and page.fields["author"] == "Desk One"
    assert page.fields["date"] == "2021-04-01T09:15:00Z"
    assert missing.origin == server.url("/articles/missing.html")
    assert isinstance(summary, RawDocument) and summary.content == b"The summary is all there is."
    # the default settings refuse the loopback links, item by item, and the run goes on
    refused = list(iter_inputs([str(path)], Settings()))
    assert [label(i) for i in refused] == ["blocked-address", "blocked-address", "feed-item"]


def test_served_feed_is_expanded(server: LocalServer) -> None:
    feed = LINK_FEED.format(base=server.base).encode()
    url = server.route("/feed", feed, content_type="application/atom+xml")
    items = list(iter_inputs([url], LOCAL))
    assert [label(i) for i in items] == ["html", "http-error", "feed-item"]
    assert items[2].origin == f"{url}#record=3"


def test_feed_ids_are_stable_and_bad_feeds_rejected(tmp_path: Path) -> None:
    path = FIXTURES / "feed-full.xml"
    ids = [[d.id for d in iter_inputs([str(path)], Settings())] for _ in range(2)]
    assert ids[0] == ids[1] and len(set(ids[0])) == 2
    empty = tmp_path / "empty.rss"
    empty.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    )
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><item><title>unclosed")
    assert [label(i) for i in iter_inputs([str(empty)], Settings())] == ["no-text"]
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.org/</loc></url></urlset>')
    # a cut-off feed still yields the items feedparser recovers; this one has no text
    assert [label(i) for i in iter_inputs([str(broken)], Settings())] == ["no-text"]
    assert [label(i) for i in iter_inputs([str(sitemap)], Settings())] == ["unsupported"]
