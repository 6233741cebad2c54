"""Pack the pages in demo/warc-src/ into demo/crawl/crawl.warc.gz, deterministically.

The demo needs one WARC so that `sitrep ingest` exercises its WARC reader. A real crawl
writes random record ids and the current time; here both are derived from fixed inputs
(the target URL and a fixed crawl date), so re-running this script gives byte-identical
output and the committed file never churns.

Run from the repository root:  .venv/bin/python demo/make_warc.py
"""

from __future__ import annotations

import hashlib
import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE / "warc-src"
OUTPUT = HERE / "crawl" / "crawl.warc.gz"

# (file in warc-src, URL it was "crawled" from, WARC-Date of the capture)
PAGES: tuple[tuple[str, str, str], ...] = (
    (
        "ap-bagheri-appointed-2016.html",
        "https://apnews.com/demo-iran-new-chief-of-staff-20160628",
        "2016-06-29T08:00:00Z",
    ),
    (
        "farsnews-aleppo-liberated-2016.html",
        "https://en.farsnews.ir/demo/13951002000123",
        "2016-12-23T08:00:00Z",
    ),
    (
        "mehr-bagheri-damascus-2017.html",
        "https://en.mehrnews.com/news/demo-4117000/",
        "2017-10-18T12:00:00Z",
    ),
    (
        "alalam-albukamal-soleimani-letter-2017.html",
        "https://en.alalam.ir/news/demo-3276001",
        "2017-11-21T18:00:00Z",
    ),
)

# One UUID namespace for the demo crawl: record ids are uuid5(namespace, url + record type).
NAMESPACE = uuid.UUID("6f1d3a4e-2b7c-4d15-9a0e-51a7e3c0de00")
WARCINFO_DATE = "2016-06-29T07:59:00Z"


def record_id(*parts: str) -> str:
    """A fixed WARC-Record-ID for the given parts (instead of warcio's random uuid4)."""
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, '|'.join(parts))}>"


def write_warcinfo(writer: WARCWriter) -> None:
    body = (
        b"software: sitrep demo/make_warc.py\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"description: demo crawl written for sitrep; all article text is the project's own\r\n"
    )
    record = writer.create_warc_record(
        "",
        "warcinfo",
        payload=io.BytesIO(body),
        length=len(body),
        warc_content_type="application/warc-fields",
        warc_headers_dict={
            "WARC-Record-ID": record_id("warcinfo"),
            "WARC-Date": WARCINFO_DATE,
            "WARC-Filename": OUTPUT.name,
        },
    )
    writer.write_record(record)


def write_page(writer: WARCWriter, name: str, url: str, date: str) -> None:
    """A request record (which readers must skip) followed by the response that carries the page."""
    host = url.split("/")[2]
    request_headers = StatusAndHeaders(
        "GET /" + url.split("/", 3)[3] + " HTTP/1.1",
        [("Host", host), ("User-Agent", "sitrep-demo-crawler/1.0")],
        is_http_request=True,
    )
    request = writer.create_warc_record(
        url,
        "request",
        payload=io.BytesIO(b""),
        length=0,
        http_headers=request_headers,
        warc_headers_dict={"WARC-Record-ID": record_id(url, "request"), "WARC-Date": date},
    )
    body = (SOURCE_DIR / name).read_bytes()
    response_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("ETag", '"' + hashlib.sha1(body).hexdigest()[:16] + '"'),
        ],
        protocol="HTTP/1.1",
    )
    response = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=response_headers,
        warc_headers_dict={"WARC-Record-ID": record_id(url, "response"), "WARC-Date": date},
    )
    writer.write_record(request)
    writer.write_record(response)


def main() -> None:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        write_warcinfo(writer)
        for name, url, date in PAGES:
            write_page(writer, name, url, date)
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes, {len(PAGES)} responses)")


if __name__ == "__main__":
    main()
