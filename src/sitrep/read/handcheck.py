"""A seeded random draw of event mentions, each with its sentence and what was read from it, for
a reader to judge by hand against the coding guidelines.

Figures measured on a gold set the extractor was tuned on flatter it; a fresh random draw of what
it reads on articles nobody coded is the honest check (`sitrep eval draw-events`). The draw is
seeded so a second reader, or the same reader after a change, judges the same mentions; the
documents of a gold set can be left out by the keys that name them (a FA-KES `unit_id`, a
Wikinews `doc_key`), so the draw stays outside what was tuned on.
"""

from __future__ import annotations

import json
import random
from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, select

from sitrep.read.columns import EVENT_MENTION_READING, rows
from sitrep.store import schema

EM, C, D, S = schema.event_mentions, schema.claims, schema.documents, schema.sentences


def draw_event_mentions(
    conn: Connection, sample: int, seed: int, leave_out: Collection[str] = ()
) -> list[dict[str, Any]]:
    """`sample` event mentions drawn at random (`seed`) from every document whose fields hold
    none of the keys in `leave_out`; each with its sentence, claim and document."""
    documents = {
        str(r["id"]): r
        for r in rows(conn, select(D.c.id, D.c.title, D.c.published, D.c.fields))
        if not _named_by(r["fields"], leave_out)
    }
    query = select(EM.c.id, EM.c.document_id, *EVENT_MENTION_READING, EM.c.casualties).order_by(
        EM.c.id
    )
    pool = [m for m in rows(conn, query) if str(m["document_id"]) in documents]
    drawn = random.Random(seed).sample(pool, min(sample, len(pool)))
    for m in drawn:
        doc = documents[str(m["document_id"])]
        m["document_title"], m["published"] = doc["title"], doc["published"]
        m["sentence_text"] = conn.execute(
            select(S.c.text).where(S.c.document_id == m["document_id"], S.c.idx == m["sentence"])
        ).scalar()
        claim = (
            conn.execute(
                select(C.c.stance, C.c.chain, C.c.hedged).where(C.c.event_mention_id == m["id"])
            )
            .mappings()
            .first()
        )
        m["claim"] = dict(claim) if claim else None
    return drawn


def _named_by(fields: Any, keys: Collection[str]) -> bool:
    """Whether a document's source fields (a table row's columns, a JSON line's keys) hold one
    of `keys` as a value."""
    if not keys or not fields:
        return False
    values = json.loads(fields) if isinstance(fields, str) else fields
    if not isinstance(values, dict):
        return False
    return any(str(v) in keys for v in values.values())


def as_text(mention: dict[str, Any]) -> list[str]:
    """The lines a reader judges one drawn mention by."""
    parts = [f"{p['role']}: {p['text']} [{p.get('label')}]" for p in mention["participants"] or []]
    place = mention["place"] or {}
    time = mention["time"] or {}
    claim = mention["claim"] or {}
    chain = [link.get("name") for link in claim.get("chain") or []]
    return [
        f"{mention['id']}  {mention['document_title']!r} (published {mention['published']}),"
        f" sentence {mention['sentence']}",
        f"  sentence: {mention['sentence_text']}",
        f"  {mention['type']}/{mention['mode']} trigger {mention['trigger']!r}"
        f" modality={mention['modality']} negated={bool(mention['negated'])}",
        f"  participants: {'; '.join(parts) or '-'}",
        f"  place: {place.get('text', '-')} (in {place.get('within') or '-'})"
        f"  time: {time.get('start', '-')}..{time.get('end', '-')} {time.get('precision', '')}"
        f" {time.get('text', '')!r}",
        f"  toll: {_toll(mention['casualties'])}",
        f"  claim: {claim.get('stance', '-')} by {' > '.join(map(str, chain)) or '-'}"
        f"{' (hedged)' if claim.get('hedged') else ''}",
    ]


def _toll(casualties: Any) -> str:
    if not isinstance(casualties, dict):
        return "-"
    return f"killed {casualties.get('killed')}, wounded {casualties.get('wounded')}"
