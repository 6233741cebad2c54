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
        # The library's own message ("'NoneType' object has no attribute ...") means nothing to
        # a reader; the chained exception keeps it for whoever debugs.
        raise InputRejected(
            "malformed", "the PDF is damaged or cut short and its text could not be read"
        ) from error
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise InputRejected("no-text", "the PDF has no text layer (it is probably a scanned image)")
    return text
