"""`csv`: one row per event in ACLED-like columns, plus sitrep's own status and origin count.

Codes follow ACLED's conventions where ACLED has one: time_precision 1 day / 2 month (or a
short range) / 3 year; geo_precision 1 city (or an exact point) / 2 region / 3 country.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from datetime import date
from typing import Any, BinaryIO

from sitrep.export import data
from sitrep.store import Store

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "status", "n_origins", "n_claims", "sitrep_event_id",
)  # fmt: skip

GEO_PRECISION = {"exact": 1, "city": 1, "region": 2, "country": 3}
TIME_PRECISION = {"day": 1, "month": 2, "year": 3}
ACTOR_ROLES = ("actor", "by")
OTHER_ROLES = ("target", "counterpart", "recipient")


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
    }


def _source_scale(claims: list[data.ClaimRow], known: dict[str, data.EntityRow]) -> str:
    """ACLED's source scale where a media entity records one (attribute `scale`), else 'Other'."""
    by_name = {e["name"]: e for e in known.values() if e["type"] == "media"}
    scales: dict[str, None] = {}
    for outlet in data.outlets(claims):
        attributes = (by_name.get(outlet) or {}).get("attributes") or {}
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
            known = data.entities(conn)
            claims = data.claims_by_event(conn)
            for event in data.events(conn):
                if only is not None and event["id"] not in only:
                    continue
                row = event_row(event, claims.get(event["id"], []), known)
                writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
                count += 1
        text.detach()  # leave the caller's stream open
        return count
