"""A store of small documents with the model's mentions given by hand, resolved: for the tests
of resolution on names written for them."""

from __future__ import annotations

from pathlib import Path

from sitrep.records import Annotation, CleanDocument, DocResult, FoundDate, Mention, Sentence
from sitrep.resolve import run_resolution
from sitrep.store import Store
from sitrep.store.writer import write_batch

# (document id, its one sentence, the mentions in it: (surface as written, model label))
Doc = tuple[str, str, list[tuple[str, str]]]


def doc_result(doc_id: str, text: str, spans: list[tuple[str, str]]) -> DocResult:
    """One document with the mentions `spans` name, in order, as the model found them."""
    mentions, cursor = [], 0
    for surface, label in spans:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        mentions.append(Mention(start, cursor, surface, label, 0, None, "model", None))
    annotation = Annotation(doc_id, (Sentence(0, 0, len(text), text),), tuple(mentions), "test")
    clean = CleanDocument(
        doc_id, f"fixture:{doc_id}", "text", text, title=doc_id,
        published=FoundDate("2016-05-02", "dateline"),
    )  # fmt: skip
    return DocResult(clean, annotation)


def resolved_store(path: Path, docs: list[Doc]) -> Store:
    """A store at `path` holding `docs`, resolution run over them."""
    store = Store(str(path))
    run_id = store.start_run("test", {})
    with store.transaction() as conn:
        write_batch(conn, [doc_result(*doc) for doc in docs], run_id, {})
    run_resolution(store)
    return store
