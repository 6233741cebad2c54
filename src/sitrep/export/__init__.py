"""Exports for the tools analysts already use: JSON lines, ACLED-like CSV, GeoJSON, GEXF and
GraphML (Gephi), FollowTheMoney (Aleph), and one entity's dossier in Markdown or HTML.

    export(store, "csv", Path("events.csv"))
    content, media_type, filename = export_bytes(store, "dossier-html", entity="esmail-ghaani")

Formats are Exporters found through the entry-point group `sitrep.exporters`
(see `sitrep.export.registry`); the built-ins load through that same path.
"""

from sitrep.export.core import export, export_bytes
from sitrep.export.registry import (
    ENTRY_POINT_GROUP,
    Exporter,
    exporter_names,
    get_exporter,
    register_exporter,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "Exporter",
    "export",
    "export_bytes",
    "exporter_names",
    "get_exporter",
    "register_exporter",
]
