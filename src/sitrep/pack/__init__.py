"""Domain packs: the theatre-specific data (actors, titles, regions) as validated YAML."""

from sitrep.pack.loader import Pack, load_pack, resolve_pack_path
from sitrep.pack.schema import Actor, Affiliation, Position, Region, Title

__all__ = [
    "Actor",
    "Affiliation",
    "Pack",
    "Position",
    "Region",
    "Title",
    "load_pack",
    "resolve_pack_path",
]
