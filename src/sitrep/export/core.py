"""Running an export: to a path, to an open binary stream, or to bytes for an HTTP response."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

from sitrep.errors import UsageError
from sitrep.export.registry import Exporter, get_exporter
from sitrep.store import Store


def export(store: Store, fmt: str, out: BinaryIO | Path | str, **options: Any) -> int:
    """Write the store in format `fmt` to `out`; return how many records were written.

    A path is written through a temporary file in the same folder and renamed at the end, so a
    failed export never leaves a half-written file where the old one was."""
    exporter = get_exporter(fmt)
    if not isinstance(out, Path | str):
        return exporter.write(store, out, options)
    path = Path(out)
    if not path.parent.is_dir():
        raise UsageError(f"the folder for {str(path)!r} does not exist")
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            count = exporter.write(store, stream, options)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def export_bytes(store: Store, fmt: str, **options: Any) -> tuple[bytes, str, str]:
    """The export as (content, media type, file name): what an API response needs."""
    exporter = get_exporter(fmt)
    buffer = io.BytesIO()
    exporter.write(store, buffer, options)
    return buffer.getvalue(), exporter.media_type, export_filename(exporter, options.get("entity"))


def export_filename(exporter: Exporter, label: str | None) -> str:
    """The download name: `sitrep.<suffix>`, or `sitrep-<label>.<suffix>` where the label says
    what was exported (a dossier's entity, an explorer view's filter)."""
    stem = f"sitrep-{label}" if label else "sitrep"
    return safe_name(stem) + exporter.suffix


def safe_name(stem: str) -> str:
    """A file name safe in a Content-Disposition header and on any file system."""
    # ASCII only: a header value is Latin-1, so an Arabic or Cyrillic name would fail the response
    kept = "".join(c if (c.isascii() and c.isalnum()) or c in "-_." else "-" for c in stem)
    return kept.strip("-.")[:80] or "sitrep"
