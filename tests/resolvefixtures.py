"""Build a real SQLite store holding the hand-written resolution documents (our own sentences)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sitrep.records import Annotation, CleanDocument, DocResult, FoundDate, Mention, Sentence
from sitrep.store import Store
from sitrep.store.writer import write_batch

DOCS = Path(__file__).parent / "fixtures" / "names" / "resolve" / "docs.json"


def _annotation(doc: dict[str, Any]) -> Annotation:
    text: str = doc["text"]
    mentions, cursor = [], 0
    for surface, label, pack_id, title in doc["mentions"]:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        mentions.append(
            Mention(
                start, cursor, surface, label, 0, title, "alias" if pack_id else "model", pack_id
            )
        )
    return Annotation(doc["id"], (Sentence(0, 0, len(text), text),), tuple(mentions), "test")


def load_docs(store: Store, only: set[str] | None = None) -> list[str]:
    """Write the fixture documents (all, or those in `only`) and return their ids."""
    results = []
    for doc in json.loads(DOCS.read_text(encoding="utf-8")):
        if only is not None and doc["id"] not in only:
            continue
        clean = CleanDocument(
            doc["id"], f"fixture:{doc['id']}", "text", doc["text"],
            title=doc["id"], published=FoundDate(doc["published"], "dateline"),
        )  # fmt: skip
        results.append(DocResult(clean, _annotation(doc)))
    run_id = store.start_run("test", {})
    with store.transaction() as conn:
        write_batch(conn, results, run_id, {})
    return [r.document.id for r in results]
