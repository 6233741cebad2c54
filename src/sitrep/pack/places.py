"""Known place names of a pack's theatre, for the NLP place matcher.

The statistical model misses some place names ("the central province of Homs"). The pack's
regions and the GeoNames cities of the theatre's countries above a population threshold are
matched case-sensitively after the NER, so a capitalised known place name becomes a mention.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sitrep.pack.loader import Pack

MIN_POPULATION = 100_000  # smaller towns' names collide too often with people and words
# Outside the theatre only the world's countries and its largest cities are matched: news
# names them often ("Tehran", "Riyadh") and few people are called like them.
MIN_WORLD_POPULATION = 1_000_000
_NAME_LIKE = re.compile(r"^[A-Z][a-z'’]+(?:[ -](?:al-|el-|as-|ash-|ad-)?[A-Z]?[a-z'’]+){0,2}$")
_REGION_WORD = re.compile(r"\s+(?:province|governorate)$", re.IGNORECASE)


def _casefold(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


def place_names(pack: Pack, min_population: int = MIN_POPULATION) -> list[str]:
    """Region names and aliases, and the main city names of the theatre (only the main name:
    GeoNames' alternate names include too many words and given names); none that a pack actor
    answers to (a person named like a town stays a person)."""
    taken = {
        _casefold(text)
        for actor in pack.actors.values()
        for text in (*actor.all_names, *actor.short_forms, *actor.demonyms)
    }
    names: list[str] = []
    for region in pack.regions:
        names.extend((region.name, *region.aliases))
    countries = frozenset(region.country for region in pack.regions)
    names.extend(_city_names(countries, min_population))
    names.extend(_world_names(MIN_WORLD_POPULATION))
    out: list[str] = []
    for name in names:
        if len(name) >= 4 and _casefold(name) not in taken and name not in out:
            out.append(name)
    return out


def _ascii(name: str) -> str:
    """The main name without diacritics ("Ţarţūs" -> "Tartus"): how English texts write it."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=2)
def _world_names(min_population: int) -> tuple[str, ...]:
    """Every country's name and the main names of the world's largest cities."""
    from sitrep.resolve.centroids import geonames  # one gazetteer per process

    cache = geonames()
    out = [str(c["name"]) for c in cache.get_countries().values()]
    for city in cache.get_cities().values():
        if int(city["population"] or 0) >= min_population:
            name = _ascii(city["name"])
            if _NAME_LIKE.match(name):
                out.append(name)
    return tuple(out)


@lru_cache(maxsize=4)
def _city_names(countries: frozenset[str], min_population: int) -> tuple[str, ...]:
    from sitrep.resolve.centroids import geonames  # one gazetteer per process

    cache = geonames()
    out: list[str] = []
    for city in cache.get_cities().values():
        if city["countrycode"] not in countries or int(city["population"] or 0) < min_population:
            continue
        name = _ascii(city["name"])
        if _NAME_LIKE.match(name) and not _REGION_WORD.search(name):
            out.append(name)
    return tuple(out)
