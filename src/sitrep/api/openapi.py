"""The API's OpenAPI document, as the same text every time: what `sitrep openapi` prints and
what the web UI's TypeScript types are generated from (`scripts/gen-api-types` writes
`src/sitrep/web/src/generated/api-types.ts` with this text's digest in its first line, and
tests/test_web_api_types.py fails when the two differ).

`python -m sitrep.api.openapi PATH` writes the document to PATH and prints its digest.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any


def document() -> dict[str, Any]:
    """The document of an app over an empty store: it needs only the routes, no data."""
    from sitrep.api import create_app
    from sitrep.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store(str(Path(folder) / "empty.db"))
        try:
            return create_app(store).openapi()
        finally:
            store.close()


def text() -> str:
    """The document as JSON, keys sorted, ending in a newline."""
    return json.dumps(document(), indent=1, sort_keys=True) + "\n"


def digest(document_text: str) -> str:
    return hashlib.sha256(document_text.encode()).hexdigest()


if __name__ == "__main__":
    written = text()
    Path(sys.argv[1]).write_text(written, encoding="utf-8")
    print(digest(written))
