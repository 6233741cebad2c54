"""Resolution: mentions -> canonical entities (pack, name keys, gazetteer), with judgements."""

from sitrep.resolve.judgements import list_judgements, merge_entities, split_entity
from sitrep.resolve.places import PlaceMatch, resolve_place
from sitrep.resolve.queries import entity_dossier, list_entities
from sitrep.resolve.run import ResolutionStats, run_resolution

__all__ = [
    "PlaceMatch",
    "ResolutionStats",
    "entity_dossier",
    "list_entities",
    "list_judgements",
    "merge_entities",
    "resolve_place",
    "run_resolution",
    "split_entity",
]
