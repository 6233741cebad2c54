"""What kind of input is this? Extension first, content second, magic bytes always.

`classify` looks at a name (file name or URL path), an optional HTTP Content-Type and the first
few kilobytes, and answers either a `Kind` (how to read it) or a `Refusal` (why not to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import charset_normalizer

from sitrep.records import RejectReason

Kind = Literal["text", "html", "pdf", "csv", "tsv", "jsonl", "json", "warc", "feed", "gzip"]

#: kinds that hold many documents and are read as a stream, row by row or record by record
STREAMED_KINDS: frozenset[Kind] = frozenset({"csv", "tsv", "jsonl", "warc"})

SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Refusal:
    """An input we will not read, with the reason and a sentence for the analyst."""

    reason: RejectReason
    detail: str


_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".warc": "warc",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".gz": "gzip",
}

# Magic numbers of formats that are never a text document. Order matters only for readability.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"BM", "BMP image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"PK\x03\x04", "zip archive (or an Office document)"),
    (b"PK\x05\x06", "zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xca\xfe\xba\xbe", "Mach-O or Java class file"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (old Office format)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
)

# Byte-order marks of the wide Unicode encodings; UTF-32's before UTF-16's (FF FE 00 00 starts
# with UTF-16 LE's FF FE). Python's "utf-16"/"utf-32" codecs read and drop the mark.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<!doctype\s+html", re.I | re.S)
_HTML_TAG = re.compile(rb"<(html|head|body|meta|title)[\s>/]", re.I)
_HTML_CLOSING = re.compile(rb"</(p|div|span|a|li|td|h[1-6])>", re.I)
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_BODY_COLUMNS = ("text", "content", "body", "article_content")


def kind_from_name(name: str) -> Kind | None:
    """The kind an extension promises (".warc.gz" is a WARC: warcio reads gzip itself)."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".warc")):
        return "warc"
    dot = lower.rfind(".")
    return _EXTENSIONS.get(lower[dot:]) if dot >= 0 else None


def kind_from_content_type(content_type: str | None) -> Kind | None:
    """The kind an HTTP Content-Type header promises; None when it says nothing useful."""
    if not content_type:
        return None
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if mime == "application/pdf":
        return "pdf"
    if mime in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if mime in ("text/xml", "application/xml"):
        return "feed"
    if mime == "text/csv":
        return "csv"
    if mime in ("application/x-ndjson", "application/jsonl"):
        return "jsonl"
    if mime in ("application/gzip", "application/x-gzip"):
        return "gzip"
    if mime == "text/plain":
        return "text"
    return None


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, lower-cased."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def wide_encoding(head: bytes) -> str | None:
    """UTF-16 or UTF-32 (either byte order), named by a byte-order mark or, without one, by the
    NUL bytes that mostly-Latin text leaves in every other (or three in four) byte position.

    Such text is full of NUL bytes, so without this it reads as binary. Text in other scripts
    without a mark has no such pattern and is left to charset detection."""
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            return name
    sample = head[: len(head) // 4 * 4][:4096]
    if len(sample) < 16:
        return None
    for width, order in ((4, ("le", "be")), (2, ("le", "be"))):
        zero_at = [sample[k::width].count(0) / (len(sample) // width) for k in range(width)]
        text_first, text_last = zero_at[0] < 0.1, zero_at[-1] < 0.1
        if text_first and all(z > 0.9 for z in zero_at[1:]):
            candidate = f"utf-{width * 8}-{order[0]}"
        elif text_last and all(z > 0.9 for z in zero_at[:-1]):
            candidate = f"utf-{width * 8}-{order[1]}"
        else:
            continue
        try:
            sample.decode(candidate)
        except UnicodeDecodeError:
            continue
        return candidate
    return None


def as_utf8(data: bytes) -> bytes:
    """UTF-16/32 bytes (or the first of them) as UTF-8, what byte-level rules read; other
    bytes as they are."""
    wide = wide_encoding(data[:SNIFF_BYTES])
    if wide is None:
        return data
    unit = 4 if "32" in wide else 2
    return data[: len(data) // unit * unit].decode(wide, errors="replace").encode("utf-8")


def magic_binary(head: bytes) -> str | None:
    """Name of a binary format recognised by its magic number, or None."""
    for magic, label in _MAGIC:
        if head.startswith(magic):
            return label
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if head[257:262] == b"ustar":
        return "tar archive"
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "RIFF media (WebP/WAV/AVI)"
    return None


def looks_binary(head: bytes) -> bool:
    """Text has no NUL bytes and few control characters; binary data has plenty of both."""
    if not head or wide_encoding(head) is not None:
        return False
    if head.count(0) / len(head) > 0.01:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def looks_html(head: bytes) -> bool:
    if _HTML_START.match(head) or _HTML_TAG.search(head[:4096]):
        return True
    # A scrape saved as .txt that kept its markup: many closing tags of common elements.
    return len(_HTML_CLOSING.findall(head)) >= 5


def looks_feed(head: bytes) -> bool:
    return _FEED_ROOT.search(head[:4096]) is not None


def _looks_table(head: bytes) -> Kind | None:
    """A CSV/TSV header line naming one of our body columns (how stdin tables are recognised)."""
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lower()
    for kind, sep in (("tsv", "\t"), ("csv", ",")):
        columns = [c.strip().strip('"') for c in first.split(sep)]
        if len(columns) > 1 and any(c in _BODY_COLUMNS for c in columns):
            return kind  # type: ignore[return-value]
    return None


def sniff_text_kind(head: bytes) -> Kind:
    """The kind of a text-like input with no (useful) name."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if looks_feed(stripped):
        return "feed"
    if looks_html(stripped):
        return "html"
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"["):
        return "json"
    return _looks_table(stripped) or "text"


def _by_magic(head: bytes) -> Kind | Refusal | None:
    if not head:
        return Refusal("empty", "the input is empty (0 bytes)")
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"WARC/"):
        return "warc"
    label = magic_binary(head)
    return Refusal("binary", f"this is a {label}, not a text document") if label else None


def _refine(promised: Kind, head: bytes) -> Kind:
    """Trust the extension or Content-Type, except where the bytes clearly say otherwise."""
    if promised == "text":
        sniffed = sniff_text_kind(head)
        return sniffed if sniffed in ("html", "feed") else "text"
    if promised == "feed" and not looks_feed(head) and looks_html(head):
        return "html"
    if promised in ("jsonl", "json"):  # JSON lines and JSON arrays are often misnamed
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        return "json" if stripped.startswith(b"[") else "jsonl"
    return promised


def classify(name: str, head: bytes, content_type: str | None = None) -> Kind | Refusal:
    """How to read an input, from its name, its Content-Type (if fetched) and its first bytes."""
    head = as_utf8(head)  # UTF-16/32 text is sniffed as the text it is
    by_magic = _by_magic(head)
    if by_magic is not None:
        return by_magic
    promised = kind_from_content_type(content_type) or kind_from_name(name)
    if promised in ("pdf", "gzip", "warc"):
        return Refusal(
            "malformed", f"named or served as {promised}, but its bytes are not {promised}"
        )
    if looks_binary(head):
        if promised is None:
            return Refusal("unsupported", "unknown extension and the content looks binary")
        return Refusal("binary", "the content looks binary (NUL or control bytes), not text")
    if promised is None:
        return sniff_text_kind(head)
    kind = _refine(promised, head)
    if kind == "feed" and not looks_feed(head):
        return Refusal("unsupported", "XML that is not an RSS or Atom feed")
    return kind


def undecodable(data: bytes) -> str | None:
    """Why `data` cannot be read as text in any encoding, or None when it can.

    Mostly-valid UTF-8 (a few stray bytes) passes: the cleaner repairs encodings. Otherwise
    charset-normalizer must find a legacy encoding under which the bytes read as language.
    """
    if not data or wide_encoding(data[:SNIFF_BYTES]) is not None:
        return None
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(2, len(text) // 200):
        return None
    if charset_normalizer.from_bytes(data[:65536]).best() is not None:
        return None
    return "the bytes are neither UTF-8 nor any known text encoding"


def guess_encoding(head: bytes) -> str | None:
    """An encoding to stream a table with: UTF-8 (with or without BOM) or a detected legacy one."""
    wide = wide_encoding(head)
    if wide is not None:
        return wide
    if undecodable(head) is not None:
        return None
    text = head.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= 2:  # the sample may end mid-character
        return "utf-8-sig"
    best = charset_normalizer.from_bytes(head).best()
    return best.encoding if best is not None else None
