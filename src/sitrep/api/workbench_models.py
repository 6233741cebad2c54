"""Response models of the workbench's own routes (explorer, search by spellings, evidence, ego
network, map labels), in the manner of `sitrep.api.models`: the fields a client may rely on,
records free to carry more."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from sitrep.api.models import Page, Record


class FacetValue(Record):
    value: str
    label: str | None = None
    count: int


class ExplorerEvent(Record):
    id: str
    type: str
    mode: str | None = None
    summary: str | None = None
    time_start: str | None = None
    time_end: str | None = None
    time_precision: str | None = None
    status: str
    n_claims: int
    n_origins: int
    fatalities: int
    place_entity_id: str | None = None
    place_name: str | None = None
    precision: str | None = None
    country: str | None = None
    country_name: str | None = None
    country_numeric: str | None = None
    admin1: str | None = None
    # a pack region's admin-1 areas (HASC codes), which the map draws for it
    admin1_codes: list[str] = Field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    actors: list[dict[str, Any]]
    outlets: list[str]


class WeekCount(Record):
    week: str
    count: int


class LeftOut(Record):
    undated: int
    unlocated: int


class ExplorerPage(Page):
    items: list[ExplorerEvent]
    facets: dict[str, list[FacetValue]]
    weekly: list[WeekCount]
    left_out: LeftOut
    matched: dict[str, list[dict[str, Any]]]


class SpellingCount(Record):
    text: str
    documents: int


class EntitySearchPage(Page):
    query: str
    items: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    spellings: list[SpellingCount]
    added: int
    phrases: list[str]
    facets: dict[str, list[dict[str, Any]]]


class Evidence(Record):
    event_id: str
    mentions: list[dict[str, Any]]


class EgoNetwork(Record):
    focus: str
    hops: int
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    left_out: int


class TownLabel(Record):
    name: str
    lat: float
    lon: float
    country: str
    population: int


class TownLabels(Record):
    items: list[TownLabel]
