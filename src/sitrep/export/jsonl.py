"""`jsonl`: the whole store as JSON lines, one object per line with a `kind` field.

Documents first, then entities, then events each carrying its claims, then relations with
theirs, so a reader streaming the file has met every id a record points at before the record. An
event filter among the options (type, actor, place, since, until, status) narrows the events, as
in `sitrep events`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, BinaryIO

from sitrep.export import data
from sitrep.export.relations import relation_records
from sitrep.store import Store

_CLAIM_FIELDS = (
    "id", "document_id", "event_mention_id", "outlet", "chain", "stance", "hedged", "hedges",
    "quote", "start", "end", "sentence", "sentence_text", "origin_key", "analyst_mark",
    "document_title", "document_url", "document_published",
)  # fmt: skip


def json_line(record: Mapping[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


class JsonlExporter:
    name = "jsonl"
    media_type = "application/x-ndjson"
    suffix = ".jsonl"

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        with_text = bool(options.get("text", True))
        count = 0
        with store.read() as conn:
            for document in data.documents(conn, with_text=with_text):
                out.write(json_line({"kind": "document", **document}))
                count += 1
            for entity in data.entities(conn).values():
                out.write(json_line({"kind": "entity", **entity}))
                count += 1
            claims = data.claims_by_event(conn)
            for event in data.events(conn, options):
                found = [{k: c.get(k) for k in _CLAIM_FIELDS} for c in claims.get(event["id"], [])]
                out.write(json_line({"kind": "event", **event, "claims": found}))
                count += 1
            for relation in relation_records(conn):
                out.write(json_line({"kind": "relation", **relation}))
                count += 1
        return count
