"""Every event built from more than one document, written out for a person to read and judge.

A grouping's figures against a coding say how often reports were joined against that coding;
whether two reports tell one happening is finally read in their words. This writes, for each
event that joins documents, each document (title, outlet, date) and each of its mentions in
the event with the sentence, and the time, place and toll extraction read there, so that a
reader can mark each event "one happening" or not (`sitrep eval corroboration --read-out`).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sitrep.store import Store, chunked
from sitrep.store import schema as s

SENTENCE_CHARS = 450  # enough to judge by; a run-on page line is cut


def _mentions(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Each grouped event's mentions with their sentence, in document and text order."""
    m, t = s.event_mentions.c, s.sentences.c
    query = (
        select(
            m.event_id,
            m.document_id,
            m.sentence,
            m.type,
            m.time,
            m.place,
            m.casualties,
            m.retells,
            t.text.label("sentence_text"),
        )
        .join(s.sentences, (t.document_id == m.document_id) & (t.idx == m.sentence))
        .where(m.event_id.is_not(None))
        .order_by(m.event_id, m.document_id, m.sentence, m.trigger_start)
    )
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with store.read() as conn:
        for row in conn.execute(query).mappings():
            found[row["event_id"]].append(dict(row))
    return found


def _documents(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    d = s.documents.c
    query = select(d.id, d.title, d.site, d.published, d.fields)
    with store.read() as conn:
        return {
            r.id: dict(r._mapping)
            for chunk in chunked(sorted(ids))
            for r in conn.execute(query.where(d.id.in_(chunk)))
        }


def _events(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    e = s.events.c
    query = select(e.id, e.type, e.time_start, e.time_end, e.place, e.status, e.status_reason)
    with store.read() as conn:
        return {
            r.id: dict(r._mapping)
            for chunk in chunked(sorted(ids))
            for r in conn.execute(query.where(e.id.in_(chunk)))
        }


def _document_line(doc: dict[str, Any]) -> str:
    key = (doc.get("fields") or {}).get("unit_id")
    named = f"{doc.get('title') or '(no title)'}"
    return (
        f"- **{named}** — {doc.get('site') or 'no outlet'}, {doc.get('published') or 'undated'}"
        + (f" (row {key})" if key else "")
    )


def _mention_line(mention: dict[str, Any]) -> list[str]:
    time = mention.get("time") or {}
    place = (mention.get("place") or {}).get("text")
    toll = (mention.get("casualties") or {}).get("text")
    read = f"{mention['type']}, time {time.get('start') or '?'}..{time.get('end') or '?'}"
    read += f" ({time.get('text') or 'not in the text'}), place {place or '—'}"
    read += f", toll {toll}" if toll else ""
    read += (
        f", tells sentence {mention['retells']} again" if mention.get("retells") is not None else ""
    )
    sentence = " ".join(str(mention["sentence_text"]).split())[:SENTENCE_CHARS]
    return [f"  - sentence {mention['sentence']}: {read}", f"    > {sentence}"]


def write_readout(store: Store, out: Path) -> int:
    """Write the events that join two documents or more to `out` (Markdown); return how many."""
    mentions = _mentions(store)
    joined = {e: ms for e, ms in mentions.items() if len({m["document_id"] for m in ms}) > 1}
    docs = _documents(store, {m["document_id"] for ms in joined.values() for m in ms})
    events = _events(store, set(joined))
    lines = [
        "# Events built from more than one document",
        "",
        f"{len(joined)} events. For each: does every document tell one happening?",
        "",
    ]
    for number, (event_id, found) in enumerate(sorted(joined.items()), start=1):
        event = events.get(event_id, {})
        place = (event.get("place") or {}).get("name") or "no place"
        lines += [
            f"## {number}. {event.get('type', '')} {event.get('time_start') or 'undated'}"
            f"..{event.get('time_end') or ''}, {place} [{event.get('status', '')}] `{event_id}`",
            "",
            f"{event.get('status_reason', '')}",
            "",
        ]
        for doc_id in sorted({m["document_id"] for m in found}):
            lines.append(_document_line(docs.get(doc_id, {})))
            for mention in (m for m in found if m["document_id"] == doc_id):
                lines += _mention_line(mention)
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")
    return len(joined)
