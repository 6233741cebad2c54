"""sitrep.extract: events, time normalisation and claims/attribution from the parse.

Public API:
    extract_events(doc_id, doc, published, outlet) -> Extraction
    normalize_time(text, anchor) -> TimeValue
    find_time_expressions(text) -> list[TimeSpan]
    find_casualties(sentence) -> Casualties | None
    load_event_schema() -> EventSchema ; load_claim_cues() -> ClaimCues
"""

from sitrep.extract.casualties import find_casualties
from sitrep.extract.events import extract_events
from sitrep.extract.schema import load_claim_cues, load_event_schema
from sitrep.extract.time import find_time_expressions, normalize_time

__all__ = [
    "extract_events",
    "find_casualties",
    "find_time_expressions",
    "load_claim_cues",
    "load_event_schema",
    "normalize_time",
]
