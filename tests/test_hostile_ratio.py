"""The decompressed-size ratio budget: a gzip (a file, a table, an HTTP body, a WARC record)
that grows more than `max_decompression_ratio` times past the floor is rejected in words, its
neighbours read."""

from __future__ import annotations

import gzip
import io
import random
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from httpserver import LocalServer, Route
from sitrep.acquire import iter_inputs
from sitrep.acquire.fetch import fetch
from sitrep.errors import FetchError
from sitrep.records import RawDocument, Rejection
from sitrep.settings import Settings

WORDS = [
    "talks",
    "water",
    "rights",
    "convoy",
    "drone",
    "strike",
    "ministry",
    "delegation",
    "brigade",
    "residents",
]
GOOD = "A good note: talks in Baghdad ended on Monday without a deal, officials said.\n"


def _prose(size: int) -> bytes:
    """Varied words, which compress a few times, like real text."""
    pick = random.Random(7).choice
    return " ".join(pick(WORDS) + str(n % 997) for n in range(size // 8)).encode()[:size]


def _by_name(items: list[RawDocument | Rejection]) -> dict[str, RawDocument | Rejection]:
    return {Path(item.origin).name: item for item in items}


def _over(item: RawDocument | Rejection) -> str:
    assert isinstance(item, Rejection) and item.reason == "over-budget", item
    assert "decompressed size is more than 100 times the compressed size" in item.detail
    return item.detail


def test_a_gzip_bomb_is_rejected_for_its_ratio_and_its_neighbours_read(tmp_path: Path) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 8_000_000, 9))
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "prose.txt.gz").write_bytes(gzip.compress(_prose(3_000_000)))  # ~3x, over floor
    (tmp_path / "small.txt.gz").write_bytes(gzip.compress(b"tiny repetitive " * 30_000))
    items = _by_name(list(iter_inputs([str(tmp_path)], Settings())))
    _over(items["bomb.txt.gz"])
    for name in ("good.txt", "prose.txt.gz", "small.txt.gz"):  # under the ratio or the floor
        assert isinstance(items[name], RawDocument), items[name]


def test_a_streamed_table_in_a_bomb_stops_at_the_budget(tmp_path: Path) -> None:
    table = b"title,text\nFirst,A first row about talks in Baghdad.\n" + b"\n" * 20_000_000
    (tmp_path / "rows.csv.gz").write_bytes(gzip.compress(table, 9))
    items = list(iter_inputs([str(tmp_path)], Settings()))
    assert isinstance(items[0], RawDocument) and items[0].origin.endswith("#row=1")
    assert len(items) == 2 and Path(items[1].origin).name == "rows.csv.gz"
    _over(items[1])


def test_the_ratio_and_its_floor_are_settings(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt.gz"
    path.write_bytes(gzip.compress(_prose(300_000)))  # about 3 times
    strict = Settings(max_decompression_ratio=2, decompression_floor_bytes=1000)
    item = next(iter(iter_inputs([str(path)], strict)))
    assert isinstance(item, Rejection) and "more than 2 times" in item.detail
    assert isinstance(next(iter(iter_inputs([str(path)], Settings()))), RawDocument)


def test_an_http_body_that_decodes_into_a_bomb_is_refused() -> None:
    settings = Settings(allow_private_addresses=True)
    with LocalServer() as server:
        headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
        server._server.routes["/bomb"] = Route(
            body=gzip.compress(b" " * 10_000_000), headers=headers
        )
        with pytest.raises(FetchError) as caught:
            fetch(server.url("/bomb"), settings)
    assert caught.value.reason == "over-budget"
    assert "more than 100 times the compressed size" in caught.value.message


def _warc(payload: bytes, encoding: str | None) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    fields = [("Content-Type", "text/html")] + (
        [("Content-Encoding", encoding)] if encoding else []
    )
    headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "http://example.org/", "response", payload=io.BytesIO(payload), http_headers=headers
    )
    writer.write_record(record)
    return buffer.getvalue()


def test_a_warc_record_whose_encoding_is_a_bomb_is_refused(tmp_path: Path) -> None:
    bomb = b"<html><body><p>" + b"x" * 5_000_000 + b"</p></body></html>"
    (tmp_path / "bomb.warc").write_bytes(_warc(gzip.compress(bomb, 9), "gzip"))
    page = b"<html><body><p>" + _prose(2_000_000) + b"</p></body></html>"
    (tmp_path / "page.warc").write_bytes(_warc(gzip.compress(page), "gzip"))
    items = _by_name(list(iter_inputs([str(tmp_path)], Settings())))
    _over(items["bomb.warc#record=1"])
    assert isinstance(items["page.warc#record=1"], RawDocument)
