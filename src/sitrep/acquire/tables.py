"""Tables (CSV / TSV), JSON lines and JSON arrays → one RawDocument per row, streamed.

Field names are documented in `sitrep.acquire`'s module docstring. A row's `content` is the UTF-8
of its title and body ("title\\n\\nbody", or the body alone), so re-ingesting a table is
idempotent and the same article under a different row number keeps its id.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import IO

from sitrep.acquire.base import Item, Items
from sitrep.records import RawDocument, Rejection
from sitrep.settings import Settings

BODY_KEYS = ("text", "content", "body", "article_content")
CANONICAL_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "article_title"),
    "url": ("url", "link"),
    "date": ("date", "published"),
    "source": ("source", "outlet", "site"),
    "author": ("author",),
}


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip()
    return json.dumps(value, ensure_ascii=False)


def normalise_fields(values: Mapping[str, object]) -> dict[str, str]:
    """Row values as clean strings under canonical names (`text`, `title`, `url` ...).

    The body goes under `text`; for each canonical name the first alias with a value wins and
    is renamed; every other column is kept under its own name. Empty values are dropped.
    """
    rest: dict[str, str] = {}
    lowered: dict[str, str] = {}
    for key, value in values.items():
        text = _as_text(value)
        if key is None or not text:
            continue
        rest[key] = text
        lowered.setdefault(key.strip().lower(), key)
    fields: dict[str, str] = {}
    for canonical, aliases in (("text", BODY_KEYS), *CANONICAL_KEYS.items()):
        for alias in aliases:
            if alias in lowered:
                fields[canonical] = rest.pop(lowered.pop(alias))
                break
    fields.update(rest)
    return fields


def row_document(values: Mapping[str, object], origin: str, settings: Settings) -> Item:
    """One row → a RawDocument of format "row", or a Rejection when it has no body text."""
    fields = normalise_fields(values)
    body = fields.get("text")
    if not body:
        return Rejection(origin, "no-text", f"no body text in {', '.join(BODY_KEYS)}")
    title = fields.get("title")
    content = (f"{title}\n\n{body}" if title else body).encode("utf-8")
    if len(content) > settings.max_input_bytes:
        detail = f"row text is {len(content)} bytes, over max_input_bytes"
        return Rejection(origin, "too-large", detail)
    return RawDocument(
        content=content, origin=origin, format="row", url=fields.get("url"), fields=fields
    )


def iter_csv(
    stream: IO[bytes], origin: str, settings: Settings, encoding: str, delimiter: str = ","
) -> Items:
    """Stream a CSV/TSV file with a header row; `#row=N` counts data rows from 1."""
    # Article bodies in CSV cells are far longer than csv's default 128 KiB cap on a field, but
    # not unbounded: the reader refuses a field as soon as it grows past the setting, so a
    # 100 MB field is never held whole (the limit is the csv module's, process-wide).
    csv.field_size_limit(settings.max_field_chars)
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    reader = csv.DictReader(text, delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or ()]
    if not any(key in header for key in BODY_KEYS):
        found = ", ".join(header) or "no header"
        detail = f"no body column (one of {', '.join(BODY_KEYS)}); columns: {found}"
        yield Rejection(origin, "no-text", detail)
        return
    count = 0
    try:
        for count, row in enumerate(reader, 1):
            yield row_document(row, f"{origin}#row={count}", settings)
    except csv.Error as err:
        where = f"{origin}#row={count + 1}"
        if "field limit" in str(err):
            detail = (
                f"a field longer than {settings.max_field_chars} characters (max_field_chars); "
                "the rest of the table is not read"
            )
            yield Rejection(where, "over-budget", detail)
        else:
            yield Rejection(where, "malformed", "the CSV is damaged here; the rest is not read")
        return
    if count == 0:
        yield Rejection(origin, "empty", "the table has a header but no rows")


def _lines(text: IO[str], limit: int) -> Iterator[tuple[int, str | None]]:
    """(line number, line) pairs; the line is None when it is longer than `limit` characters."""
    number = 0
    while line := text.readline(limit):
        number += 1
        if line.endswith("\n") or len(line) < limit:
            yield number, line
            continue
        while (more := text.readline(limit)) and not more.endswith("\n"):
            pass  # skip the rest of an over-long line without holding it
        yield number, None


def _json_row(line: str, origin: str, settings: Settings) -> Item:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as err:
        return Rejection(origin, "malformed", f"not valid JSON: {err}")
    if not isinstance(value, dict):
        return Rejection(origin, "malformed", f"a JSON {type(value).__name__}, not an object")
    return row_document(value, origin, settings)


def iter_jsonl(stream: IO[bytes], origin: str, settings: Settings, encoding: str) -> Items:
    """Stream JSON lines: one object per line; `#row=N` is the line number from 1."""
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace")
    seen = False
    for number, line in _lines(text, settings.max_input_bytes):
        row_origin = f"{origin}#row={number}"
        if line is None:
            yield Rejection(row_origin, "too-large", "JSON line over max_input_bytes")
        elif line.strip():
            seen = True
            yield _json_row(line, row_origin, settings)
    if not seen:
        yield Rejection(origin, "empty", "no JSON lines in the input")


def iter_json(data: bytes, origin: str, settings: Settings) -> Items:
    """A JSON array of objects (rows), or one object (one row)."""
    try:
        value = json.loads(data.decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError as err:
        yield Rejection(origin, "malformed", f"not valid JSON: {err}")
        return
    rows: Iterable[object] = value if isinstance(value, list) else [value]
    for number, row in enumerate(rows, 1):
        row_origin = f"{origin}#row={number}"
        if isinstance(row, dict):
            yield row_document(row, row_origin, settings)
        else:
            yield Rejection(row_origin, "malformed", f"a JSON {type(row).__name__}, not an object")
