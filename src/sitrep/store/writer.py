"""Turning the map half's records into rows: one batch, one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection

from sitrep.records import (
    Annotation,
    CleanDocument,
    DocResult,
    EventMention,
    Extraction,
    Participant,
    stable_id,
)
from sitrep.store import schema
from sitrep.store.relrows import claim_values, relation_mention_row
from sitrep.store.store import insert_ignore, insert_new, utc_now


@dataclass(frozen=True)
class DuplicateInfo:
    """What near-duplicate detection decided for one document."""

    duplicate_of: str | None
    score: float | None
    signature: bytes | None


def document_row(doc: CleanDocument, run_id: str, dup: DuplicateInfo) -> dict[str, Any]:
    published, page_date = doc.published, doc.page_date
    return {
        "id": doc.id,
        "origin": doc.origin,
        "format": doc.format,
        "url": doc.url,
        "title": doc.title,
        "author": doc.author,
        "site": doc.site,
        "published": published.value if published else None,
        "published_source": published.source if published else None,
        "published_text": published.text if published else None,
        "page_date": page_date.value if page_date else None,
        "page_date_source": page_date.source if page_date else None,
        "language": doc.language,
        "language_score": doc.language_score,
        "encoding": doc.encoding,
        "text": doc.text,
        "word_count": doc.word_count,
        "duplicate_of": dup.duplicate_of,
        "duplicate_score": dup.score,
        "minhash": dup.signature,
        "removed": [list(item) for item in doc.removed],
        "fields": dict(doc.fields),
        "model": None,
        "run_id": run_id,
        "ingested_at": utc_now(),
    }


def comment_rows(doc: CleanDocument) -> list[dict[str, Any]]:
    return [
        {
            "id": stable_id("cmt", doc.id, c.ordinal),
            "document_id": doc.id,
            "ordinal": c.ordinal,
            "author": c.author,
            "posted": c.posted.value if c.posted else None,
            "posted_text": c.posted_text,
            "reply_to": c.reply_to,
            "text": c.text,
            "user_generated": c.user_generated,
        }
        for c in doc.comments
    ]


def annotation_rows(ann: Annotation) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    sentence_rows = [
        {"document_id": ann.doc_id, "idx": s.index, "start": s.start, "end": s.end, "text": s.text}
        for s in ann.sentences
    ]
    mention_rows = [
        {
            "id": stable_id("men", ann.doc_id, m.start, m.end, m.label),
            "document_id": ann.doc_id,
            "sentence": m.sentence,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "label": m.label,
            "title": m.title,
            "source": m.source,
            "pack_id": m.pack_id,
            "type_reason": m.type_reason,
            "entity_id": None,
            "resolution": None,
        }
        for m in ann.mentions
    ]
    return sentence_rows, mention_rows


def participant_row(participant: Participant) -> dict[str, Any]:
    """A participant as stored: `within` only where the text gave a place one."""
    row = asdict(participant)
    if row["within"] is None:
        del row["within"]
    return row


def event_rows(event: EventMention) -> tuple[dict[str, Any], dict[str, Any]]:
    time = event.time
    mention = {
        "id": event.id,
        "document_id": event.doc_id,
        "event_id": None,
        "type": event.type,
        "mode": event.mode,
        "trigger": event.trigger,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "sentence": event.sentence,
        "participants": [participant_row(p) for p in event.participants],
        "place": participant_row(event.place) if event.place else None,
        "place_entity_id": None,
        "time": asdict(time) if time else None,
        "time_start": time.start if time else None,
        "time_end": time.end if time else None,
        "time_precision": time.precision if time else None,
        "casualties": asdict(event.casualties) if event.casualties else None,
        "negated": event.negated,
        "modality": event.modality,
        "retells": event.retells,
    }
    claim = event.claim
    claim_row = {
        "id": claim.id,
        "document_id": claim.doc_id,
        "event_mention_id": claim.event_mention_id,
        **claim_values(claim),
        "sentence": claim.sentence,
        "origin_key": None,
        "analyst_mark": None,
    }
    return mention, claim_row


def extraction_rows(extraction: Extraction) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    pairs = [event_rows(e) for e in extraction.events]
    return [m for m, _ in pairs], [c for _, c in pairs]


def write_batch(
    conn: Connection,
    results: Sequence[DocResult],
    run_id: str,
    duplicates: dict[str, DuplicateInfo],
) -> int:
    """Write one batch of documents with everything the map produced; return how many were new."""
    doc_rows, comments, origins, search = [], [], [], []
    sentence_rows, mention_rows, event_mention_rows, claim_rows = [], [], [], []
    relation_rows: list[dict[str, Any]] = []
    for result in results:
        doc = result.document
        row = document_row(doc, run_id, duplicates.get(doc.id, DuplicateInfo(None, None, None)))
        if result.annotation is not None:
            row["model"] = result.annotation.model
            sents, ments = annotation_rows(result.annotation)
            sentence_rows += sents
            mention_rows += ments
        if result.extraction is not None:
            ems, cls = extraction_rows(result.extraction)
            event_mention_rows += ems
            claim_rows += cls
            relation_rows += [relation_mention_row(r) for r in result.extraction.relations]
        doc_rows.append(row)
        comments += comment_rows(doc)
        origins.append({"document_id": doc.id, "origin": doc.origin, "run_id": run_id})
        search.append({"document_id": doc.id, "title": doc.title or "", "text": doc.text})
    inserted = insert_new(conn, schema.documents, doc_rows)
    insert_ignore(conn, schema.document_origins, origins)
    insert_ignore(conn, schema.comments, comments)
    insert_ignore(conn, schema.sentences, sentence_rows)
    insert_ignore(conn, schema.mentions, mention_rows)
    insert_ignore(conn, schema.event_mentions, event_mention_rows)
    insert_ignore(conn, schema.claims, claim_rows)
    insert_ignore(conn, schema.relation_mentions, relation_rows)
    search = [row for row in search if row["document_id"] in inserted]
    if conn.dialect.name == "sqlite" and search:
        index_for_search(conn, search)
    return len(inserted)


def index_for_search(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Add new documents to the SQLite FTS5 index.

    The caller passes only documents this batch inserted: asking the index whether a document
    is there would scan it (document_id is UNINDEXED), which made writing quadratic."""
    from sqlalchemy import text

    conn.execute(
        text("INSERT INTO documents_fts (document_id, title, text) VALUES (:d, :t, :x)"),
        [{"d": row["document_id"], "t": row["title"], "x": row["text"]} for row in rows],
    )


def record_origin(conn: Connection, doc_id: str, origin: str, run_id: str) -> None:
    """An exact duplicate seen again from another place: keep where it was seen."""
    insert_ignore(
        conn, schema.document_origins, [{"document_id": doc_id, "origin": origin, "run_id": run_id}]
    )
