"""Bytes → clean unicode: decoding, mojibake repair, NFC, control characters.

Decoding order: the declared encoding when it decodes cleanly, then strict UTF-8 (the web's
default, and the cheapest test), then charset-normalizer's best guess. ftfy then repairs text
that was decoded with the wrong codec somewhere upstream ("Iranâ€™s" → "Iran’s").
"""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

from sitrep.acquire.sniff import SNIFF_BYTES, wide_encoding
from sitrep.errors import InputRejected

# Curly quotes and full-width forms are real content in news text: keep them.
_FIX_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_character_width=False, unescape_html=False, explain=False
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# ftfy keeps tabs and newlines; anything else below U+0020 (and DEL) is noise.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _normal_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def sniff_html_charset(content: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    match = _META_CHARSET.search(content[:4096])
    return _normal_codec(match.group(1).decode("ascii", "ignore")) if match else None


def decode_bytes(content: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode `content`, returning (text, encoding name). Raises InputRejected("undecodable")."""
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8) :].decode("utf-8", "replace"), "utf-8-sig"
    wide = wide_encoding(content[:SNIFF_BYTES])
    if wide is not None:  # UTF-16/32: NUL bytes would pass as UTF-8 and be dropped as controls
        return content.decode(wide, "replace"), wide
    for codec in (_normal_codec(declared), "utf-8"):
        if codec is None:
            continue
        try:
            return content.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(content).best()
    if best is None:
        raise InputRejected("undecodable", "no text encoding decodes this input")
    return str(best), best.encoding


def repair_text(text: str) -> str:
    """Fix mojibake, normalise to NFC and drop control characters."""
    fixed = ftfy.fix_text(text, _FIX_CONFIG)
    fixed = fixed.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", fixed)


def decode_and_repair(content: bytes, declared: str | None = None) -> tuple[str, str]:
    """decode_bytes then repair_text: the one call the cleaners use."""
    text, encoding = decode_bytes(content, declared)
    return repair_text(text), encoding
