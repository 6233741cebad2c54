"""PDF: the text layer, read with pypdf (scanned PDFs without one are rejected)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from sitrep.errors import InputRejected


def pdf_text(content: bytes) -> str:
    """All pages' text, pages separated by a blank line. Raises InputRejected."""
    try:
        reader = PdfReader(io.BytesIO(content))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise InputRejected("malformed", f"PDF could not be read: {error}") from error
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise InputRejected("no-text", "PDF has no text layer (scanned image?)")
    return text
