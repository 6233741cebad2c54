"""Relation mentions as the store's `relation_mentions` rows (the writer's part for relations)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sitrep.records import ClaimRecord, RelationMention


def claim_values(claim: ClaimRecord) -> dict[str, Any]:
    """Who says so, as stored for an event's claim (a `claims` row) and a relation's (its
    `claim` column): outlet, source chain, stance, hedging, quote and span."""
    return {
        "outlet": claim.outlet,
        "chain": [asdict(link) for link in claim.chain],
        "stance": claim.stance,
        "hedged": claim.hedged,
        "hedges": list(claim.hedges),
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "sentence_text": claim.sentence_text,
    }


def relation_mention_row(rel: RelationMention) -> dict[str, Any]:
    time, claim = rel.time, rel.claim
    return {
        "id": rel.id,
        "document_id": rel.doc_id,
        "relation_id": None,
        "type": rel.type,
        "subject": asdict(rel.subject),
        "object": asdict(rel.object),
        "subject_entity_id": None,
        "object_entity_id": None,
        "title": rel.title,
        "cue": rel.cue,
        "cue_start": rel.cue_start,
        "cue_end": rel.cue_end,
        "how": rel.how,
        "qualifier": rel.qualifier,
        "time": asdict(time) if time else None,
        "time_start": time.start if time else None,
        "time_end": time.end if time else None,
        "time_precision": time.precision if time else None,
        "ended": rel.ended,
        "anchor": time.anchor if time else None,
        "sentence": rel.sentence,
        "claim": {"id": claim.id, **claim_values(claim)},
        "origin_key": None,
    }
