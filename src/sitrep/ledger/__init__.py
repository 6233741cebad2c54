"""The ledger of analyst decisions: one typed judgement (`judgement`), one writer
(`decide.record`, run by `decide.decide`), one re-applier every run applies (`reapply`), and
undo. The CLI, the API and the web UI all act through it.

    decide(store, actor, reason, merge_entities, into, [other, ...]) -> {result..., judgement}
    reapply(conn) -> count          # resolution ends with it
    event_groupings(conn)           # corroboration keeps these together / apart
"""

from sitrep.ledger.decide import (
    Outcome,
    decide,
    mark_claim,
    merge_entities,
    merge_event_mentions,
    merge_events,
    record,
    relabel_mention,
    split_entity,
    split_event,
    split_event_mentions,
)
from sitrep.ledger.judgement import Judgement, parse
from sitrep.ledger.reapply import active, event_groupings, reapply, unknown
from sitrep.ledger.undo import undo

__all__ = [
    "Judgement",
    "Outcome",
    "active",
    "decide",
    "event_groupings",
    "mark_claim",
    "merge_entities",
    "merge_event_mentions",
    "merge_events",
    "parse",
    "reapply",
    "record",
    "relabel_mention",
    "split_entity",
    "split_event",
    "split_event_mentions",
    "undo",
    "unknown",
]
