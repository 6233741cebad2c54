"""A hostile corpus: every kind of broken or malicious input sitrep has met, mixed with good
files, all generated here (no third-party files).

    python tests/hostile.py OUT_FOLDER      # writes the corpus, prints what each file expects

`make_corpus(folder)` returns, for every input it wrote, what should become of it: "stored", or
the reason it should be rejected with. The settings the expectations assume are `SETTINGS`
(smaller caps than the defaults, so the traps stay small enough for CI).
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Caps for the corpus run (as SITREP_* environment variables), small enough that each trap is a
# few megabytes at most.
SETTINGS = {
    "SITREP_MAX_INPUT_BYTES": str(4 * 1024 * 1024),
    "SITREP_MAX_FIELD_CHARS": "200000",
}
MAX_INPUT_BYTES = 4 * 1024 * 1024

SENTENCES = [
    "Officials in Baghdad said on Monday that talks with Ankara on water rights had ended.",
    "A convoy of the Popular Mobilization Forces was hit by a drone near Al-Qaim, they said.",
    "The Syrian foreign ministry said a delegation from Tehran arrived in Damascus on Tuesday.",
    "Residents of Deir ez-Zor reported military trucks on the road to Albu Kamal overnight.",
    "A Lebanese daily said an Afghan brigade commander had been replaced after losses.",
    "Two fighters were wounded in the strike, a local official told reporters on Wednesday.",
]

Expect = dict[str, str]  # file name (relative to the corpus folder) -> "stored" or a reason
Kind = Callable[[Path], Expect]


def _article(n: int, sentences: int = 6) -> str:
    lines = [SENTENCES[(n + k) % len(SENTENCES)] for k in range(sentences)]
    return f"Report {n}: " + " ".join(lines)


def _page(title: str, body: str) -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{body}</p><p>{_article(99, 3)}</p></article></body></html>"
    )


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# -- good inputs ------------------------------------------------------------------------------


def good_files(folder: Path) -> Expect:
    out: Expect = {}
    for n in range(3):
        out[_write(folder, f"good/page-{n}.html", _page(f"Page {n}", _article(n))).name] = "stored"
    for n in range(3, 5):
        out[_write(folder, f"good/note-{n}.txt", _article(n) + "\n").name] = "stored"
    table = "title,text\n" + "".join(f'Row {n},"{_article(n + 10)}"\n' for n in range(3))
    _write(folder, "good/rows.csv", table)
    out.update({f"rows.csv#row={n}": "stored" for n in (1, 2, 3)})
    return out


def good_in_wide_encodings(folder: Path) -> Expect:
    _write(folder, "good/utf16-nobom.txt", (_article(20) + "\n").encode("utf-16-le"))
    _write(folder, "good/utf32-bom.html", _page("Wide", _article(21)).encode("utf-32"))
    return {"utf16-nobom.txt": "stored", "utf32-bom.html": "stored"}


def good_with_hostile_title(folder: Path) -> Expect:
    title = "Talks end [/red] [bold]x[/] \x1b]0;owned\x07\x1b[2J =cmd|' /C calc'!A0"
    _write(folder, "good/markup-title.html", _page(title, _article(30)))
    return {"markup-title.html": "stored"}


def plain_text(chars: int) -> str:
    """Reports of five sentences each, just over `chars` characters in all."""
    paragraphs, size, n = [], 0, 40
    while size <= chars:
        paragraphs.append(_article(n, 5))
        size += len(paragraphs[-1]) + 2
        n += 1
    return "\n\n".join(paragraphs) + "\n"


def good_long_document(folder: Path) -> Expect:
    """Over spaCy's 1,000,000-character limit: annotated in pieces, never refused."""
    _write(folder, "good/long.txt", plain_text(1_000_000))
    return {"long.txt": "stored"}


# -- bad inputs -------------------------------------------------------------------------------


def empty_files(folder: Path) -> Expect:
    _write(folder, "bad/empty.txt", b"")
    _write(folder, "bad/blank.html", b"   \n\t\n  ")
    return {"empty.txt": "empty", "blank.html": "empty"}


def binary_files(folder: Path) -> Expect:
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(64)
    _write(folder, "bad/photo.html", png)
    _write(folder, "bad/nuls.txt", bytes(4096))
    _write(folder, "bad/blob.bin", bytes(range(256)) * 16)
    _write(folder, "bad/program.txt", b"\x7fELF\x02\x01\x01" + bytes(200))
    return {"photo.html": "binary", "nuls.txt": "binary", "blob.bin": "unsupported",
            "program.txt": "binary"}  # fmt: skip


def broken_gzip(folder: Path) -> Expect:
    whole = gzip.compress(_page("Cut", _article(50) * 40).encode())
    _write(folder, "bad/cut.html.gz", whole[: len(whole) // 2])
    _write(folder, "bad/corrupt.html.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 200)
    _write(folder, "bad/nested.gz", gzip.compress(gzip.compress(b"hello")))
    return {"cut.html.gz": "truncated", "corrupt.html.gz": "malformed", "nested.gz": "unsupported"}


def gzip_bomb(folder: Path) -> Expect:
    # Over the size cap, but first over the ratio budget (a thousand times its compressed size).
    _write(folder, "bad/bomb.txt.gz", gzip.compress(b"a" * (MAX_INPUT_BYTES + 1024), 9))
    # A streamed table: no cap on the whole, only the ratio stops it (blank lines are no rows).
    table = b"title,text\n" + b"\n" * 8 * 1024 * 1024
    _write(folder, "bad/bomb.csv.gz", gzip.compress(table, 9))
    return {"bomb.txt.gz": "over-budget", "bomb.csv.gz": "over-budget"}


def warc_gzip_bomb(folder: Path) -> Expect:
    """A .warc.gz whose middle record (one gzip member, which warcio inflates itself) is 64 MB
    of zeros in about 64 KB; the pages before and after it are read."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in (1, 3):
        body = _page(f"Crawl bomb {n}", _article(90 + n)).encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"http://example.org/bomb/{n}", "response", payload=io.BytesIO(body),
            http_headers=headers,
        )  # fmt: skip
        writer.write_record(record)
        if n == 1:
            buffer.write(_zeros_member(64 * 1024 * 1024))
    _write(folder, "bad/bomb.warc.gz", buffer.getvalue())
    return {"bomb.warc.gz#record=1": "stored", "bomb.warc.gz#record=2": "over-budget",
            "bomb.warc.gz#record=3": "stored"}  # fmt: skip


def _zeros_member(size: int) -> bytes:
    head = (
        "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:0-bomb>\r\n"
        "WARC-Target-URI: http://example.org/bomb.png\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n"
        f"Content-Type: image/png\r\nContent-Length: {size}\r\n\r\n"
    )
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(head.encode())]
    parts += [packer.compress(bytes(1024 * 1024)) for _ in range(size // (1024 * 1024))]
    return b"".join([*parts, packer.compress(b"\r\n\r\n"), packer.flush()])


def too_large(folder: Path) -> Expect:
    line = b"A text file far too large to be one document. "
    _write(folder, "bad/huge.txt", line * (MAX_INPUT_BYTES // len(line) + 1))
    return {"huge.txt": "too-large"}


def broken_pdf(folder: Path) -> Expect:
    _write(folder, "bad/cut.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    _write(folder, "bad/fake.pdf", b"This is not a PDF at all, only words.\n")
    return {"cut.pdf": "truncated", "fake.pdf": "malformed"}


def _warc_bytes(pages: int, page_type: str = "response") -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for n in range(pages):
        body = _page(f"Crawl {n}", _article(60 + n)).encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"http://example.org/{n}",
            page_type,
            payload=io.BytesIO(body if page_type == "response" else b"GET / HTTP/1.1\r\n\r\n"),
            http_headers=headers if page_type == "response" else None,
        )
        writer.write_record(record)
    return buffer.getvalue()


def broken_warcs(folder: Path) -> Expect:
    whole = _warc_bytes(2)
    _write(folder, "bad/cut.warc", whole[: len(whole) - 300])
    _write(folder, "bad/garbage.warc", b"WARC/1.0\r\nthis is not a record\r\n" * 30)
    _write(folder, "bad/requests.warc", _warc_bytes(2, "request"))
    # The cut crawl's first record is whole: it is stored, and the cut reported.
    return {"cut.warc#record=1": "stored", "cut.warc#record=2": "truncated",
            "garbage.warc#record=1": "malformed", "requests.warc": "no-text"}  # fmt: skip


def broken_tables(folder: Path) -> Expect:
    _write(folder, "bad/header-only.csv", "title,text\n")
    _write(folder, "bad/no-body.csv", "title,author\nA,B\n")
    _write(folder, "bad/huge-field.csv", 'title,text\nBig,"' + "word " * 60_000 + '"\n')
    _write(folder, "bad/broken.jsonl", '{"text": "not closed\n')
    _write(folder, "bad/numbers.json", "[1, 2, 3]")
    return {"header-only.csv": "empty", "no-body.csv": "no-text",
            "huge-field.csv#row=1": "over-budget", "broken.jsonl#row=1": "malformed",
            **{f"numbers.json#row={n}": "malformed" for n in (1, 2, 3)}}  # fmt: skip


def hostile_xml(folder: Path) -> Expect:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
            for n in range(1, 10)
        )
        + ']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>'
    )
    _write(folder, "bad/laughs.xml", laughs)
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<rss version="2.0"><channel><title>&x;</title><item><title>&x;</title></item>'
        "</channel></rss>"
    )
    _write(folder, "bad/xxe.rss", xxe)
    _write(folder, "bad/not-a-feed.xml", "<?xml version='1.0'?><catalog><book/></catalog>")
    # The entity bomb is refused by the XML parser; the external entity is never read, which
    # leaves an item with nothing in it.
    return {"laughs.xml": "malformed", "xxe.rss#record=1": "no-text",
            "not-a-feed.xml": "unsupported"}  # fmt: skip


def markup_traps(folder: Path) -> Expect:
    attributes = " ".join(f'a{n}="v"' for n in range(300_000))
    _write(folder, "bad/attributes.html", f"<html><body><div {attributes}>x</div></body></html>")
    _write(folder, "bad/deep.html", "<html><body>" + "<div>" * 20_000 + "x</body></html>")
    _write(folder, "bad/elements.html", "<html><body>" + "<b>x</b>" * 210_000 + "</body></html>")
    return {"attributes.html": "over-budget", "deep.html": "over-budget",
            "elements.html": "over-budget"}  # fmt: skip


def pages_without_text(folder: Path) -> Expect:
    _write(folder, "bad/scripts-only.html", "<html><body><script>var a = 1;</script></body></html>")
    return {"scripts-only.html": "no-text"}


def odd_names(folder: Path) -> Expect:
    (folder / "bad" / "odd [").mkdir(parents=True, exist_ok=True)
    _write(folder, "bad/odd [/] name.txt", b"")  # its path reads "odd [/] name.txt"
    _write(folder, "bad/esc\x1b[31mred.txt", b"")
    return {"] name.txt": "empty", "esc\x1b[31mred.txt": "empty"}


def walk_traps(folder: Path) -> Expect:
    bad = folder / "bad"
    bad.mkdir(parents=True, exist_ok=True)
    (bad / "loop-a").symlink_to("loop-b")
    (bad / "loop-b").symlink_to("loop-a")
    (bad / "dangling").symlink_to("nowhere")
    (bad / "to-folder").symlink_to(".")
    (bad / "null-device").symlink_to(os.devnull)
    os.mkfifo(bad / "pipe")
    return {"loop-a": "unreadable", "loop-b": "unreadable", "dangling": "not-found",
            "to-folder": "unsupported", "null-device": "unsupported",
            "pipe": "unsupported"}  # fmt: skip


KINDS: list[Kind] = [
    good_files,
    good_in_wide_encodings,
    good_with_hostile_title,
    good_long_document,
    empty_files,
    binary_files,
    broken_gzip,
    gzip_bomb,
    warc_gzip_bomb,
    too_large,
    broken_pdf,
    broken_warcs,
    broken_tables,
    hostile_xml,
    markup_traps,
    pages_without_text,
    odd_names,
    walk_traps,
]


def make_corpus(folder: Path, long_document: bool = True) -> Expect:
    """Write every kind under `folder`; what should become of each input."""
    expected: Expect = {}
    for kind in KINDS:
        if kind is good_long_document and not long_document:
            continue
        expected.update(kind(folder))
    return expected


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python tests/hostile.py OUT_FOLDER", file=sys.stderr)
        return 2
    expected = make_corpus(Path(argv[1]))
    for name, outcome in sorted(expected.items()):
        print(f"{outcome:12} {name!r}")
    bad = sum(1 for outcome in expected.values() if outcome != "stored")
    print(f"{len(expected)} inputs: {len(expected) - bad} good, {bad} hostile", file=sys.stderr)
    print("ingest with: " + " ".join(f"{k}={v}" for k, v in SETTINGS.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
