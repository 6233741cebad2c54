"""`jsonl`: the whole store as JSON lines, one object per line with a `kind` field.

Documents first, then entities, then events each carrying its claims (each participant with its
entity's type, `sitrep.read.participants`), then relations with theirs, so a reader streaming
the file has met every id a record points at before the record. An event filter among the
options (type, actor, place, since, until, status) narrows the events, as in `sitrep events`.
With `event_ids` (an explorer view) the file holds those events and what they reference: the
documents of their claims and the entities taking part or their places; no relation (an event
does not point at one).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, BinaryIO

from sitrep.export import data
from sitrep.export.relations import relation_records
from sitrep.read.claims import claims_by_event, event_sources
from sitrep.read.documents import document_rows
from sitrep.read.entities import entities_with_aliases
from sitrep.read.events import EventFilter, list_events
from sitrep.read.participants import typed_participants
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
        only = options.get("event_ids")
        count = 0
        with store.read() as conn:
            claims = claims_by_event(conn)
            events = [
                e
                for e in list_events(conn, EventFilter.of(dict(options)))
                if only is None or e["id"] in only
            ]
            docs, ents = _referenced(events, claims) if only is not None else (None, None)
            for document in document_rows(conn, with_text=with_text):
                if docs is None or document["id"] in docs:
                    out.write(json_line({"kind": "document", **document}))
                    count += 1
            entities = entities_with_aliases(conn)
            for entity in entities.values():
                if ents is None or entity["id"] in ents:
                    out.write(json_line({"kind": "entity", **entity}))
                    count += 1
            for event in events:
                told = claims.get(event["id"], [])
                found = [{k: c.get(k) for k in _CLAIM_FIELDS} for c in told]
                cited = event_sources(told)
                shown = typed_participants(event["participants"] or [], entities)
                record = {"kind": "event", **event, "participants": shown, **cited}
                out.write(json_line({**record, "claims": found}))
                count += 1
            for relation in relation_records(conn) if only is None else ():
                out.write(json_line({"kind": "relation", **relation}))
                count += 1
        return count


def _referenced(
    events: list[data.EventRow], claims: dict[str, list[data.ClaimRow]]
) -> tuple[set[str], set[str]]:
    """The documents behind the events' claims and the entities taking part or their places."""
    from sitrep.read.dossier import participant_ids

    docs = {c["document_id"] for e in events for c in claims.get(e["id"], [])}
    ents = {i for e in events for i in participant_ids(e)}
    ents |= {p for e in events if (p := e["place_entity_id"])}
    return docs, ents
