"""The exporter extension point: a small Protocol and a registry filled from entry points.

A third party adds a format by declaring an entry point in the group `sitrep.exporters` that
points at an Exporter (an instance, or a class/factory called without arguments). Our built-in
formats load through the very same path: `BUILTINS` holds their entry points, so the built-ins
and a plug-in are found, loaded and checked by one function.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.metadata import EntryPoint, entry_points
from typing import Any, BinaryIO, Protocol, runtime_checkable

from sitrep.errors import ConfigError, UsageError
from sitrep.store import Store

ENTRY_POINT_GROUP = "sitrep.exporters"


@runtime_checkable
class Exporter(Protocol):
    """One export format: writes the store (or the part `options` select) to a binary stream."""

    name: str  # the FORMAT argument of `sitrep export`
    media_type: str  # for HTTP responses
    suffix: str  # file name suffix, with its dot

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        """Write the export; return how many records (lines, rows, features, nodes) it holds."""
        ...


BUILTINS: tuple[EntryPoint, ...] = tuple(
    EntryPoint(name, value, ENTRY_POINT_GROUP)
    for name, value in (
        ("jsonl", "sitrep.export.jsonl:JsonlExporter"),
        ("csv", "sitrep.export.acled:AcledCsvExporter"),
        ("acled", "sitrep.export.acled:AcledCodedCsvExporter"),
        ("geojson", "sitrep.export.geo:GeoJsonExporter"),
        ("gexf", "sitrep.export.graph:GexfExporter"),
        ("graphml", "sitrep.export.graph:GraphMlExporter"),
        ("ftm", "sitrep.export.ftm:FtmExporter"),
        ("dossier-md", "sitrep.export.dossier_render:DossierMarkdownExporter"),
        ("dossier-html", "sitrep.export.dossier_render:DossierHtmlExporter"),
    )
)

# What each built-in format is served as, for the API's documentation without loading every
# exporter at start-up (tests/test_export_formats.py checks it against each exporter's own).
BUILTIN_MEDIA_TYPES: dict[str, str] = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv",
    "acled": "text/csv",
    "geojson": "application/geo+json",
    "gexf": "application/gexf+xml",
    "graphml": "application/graphml+xml",
    "ftm": "application/x-ndjson",
    "dossier-md": "text/markdown",
    "dossier-html": "text/html",
}

_registry: dict[str, Exporter] = {}
_pending: dict[str, EntryPoint] = {}
_discovered = False


def register_exporter(exporter: Exporter, *, replace: bool = False) -> None:
    """Make a format available by its name (for code that registers without an entry point)."""
    if isinstance(exporter, type) or not isinstance(exporter, Exporter):
        raise ConfigError(
            f"{exporter!r} is not an Exporter (needs name, media_type, suffix, write)"
        )
    if exporter.name in _registry and not replace:
        raise ConfigError(f"an exporter named {exporter.name!r} is already registered")
    _registry[exporter.name] = exporter
    _pending.pop(exporter.name, None)


def _discover() -> None:
    """Collect entry points once; a plug-in of the same name as a built-in replaces it."""
    global _discovered
    if _discovered:
        return
    for point in (*BUILTINS, *entry_points(group=ENTRY_POINT_GROUP)):
        if point.name not in _registry:
            _pending[point.name] = point
    _discovered = True


def _load(point: EntryPoint) -> Exporter:
    try:
        loaded = point.load()
    except (ImportError, AttributeError) as error:
        raise ConfigError(
            f"exporter {point.name!r} ({point.value}) cannot be loaded: {error}"
        ) from error
    # A class passes the Protocol check too (it has the attributes): instantiate it.
    exporter = loaded() if isinstance(loaded, type) or not isinstance(loaded, Exporter) else loaded
    if isinstance(exporter, type) or not isinstance(exporter, Exporter):
        raise ConfigError(f"entry point {point.value!r} does not give an Exporter")
    return exporter


def get_exporter(name: str) -> Exporter:
    """The exporter for FORMAT `name`, loading it on first use."""
    _discover()
    if name not in _registry:
        point = _pending.get(name)
        if point is None:
            raise UsageError(
                f"unknown export format {name!r}",
                hint="choose one of " + ", ".join(exporter_names()),
            )
        register_exporter(_load(point), replace=True)
    return _registry[name]


def exporter_names() -> list[str]:
    """Every format known, loaded or not."""
    _discover()
    return sorted({*_registry, *_pending})
