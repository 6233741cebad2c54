"""sitrep.corroborate: event mentions from many documents -> events with independent origins.

Public API:
    run_corroboration(store, doc_ids=None) -> CorroborationStats
    record_judgement(store, action, mention_ids, reason, analyst) -> judgement id
    same_happening(a, b) -> Decision ; event_status(claims) -> Status ; origin_key(claim) -> str
"""

from sitrep.corroborate.compat import Decision, MentionView, same_happening
from sitrep.corroborate.origins import ClaimView, Status, event_status, origin_key
from sitrep.corroborate.run import CorroborationStats, record_judgement, run_corroboration

__all__ = [
    "ClaimView",
    "CorroborationStats",
    "Decision",
    "MentionView",
    "Status",
    "event_status",
    "origin_key",
    "record_judgement",
    "run_corroboration",
    "same_happening",
]
