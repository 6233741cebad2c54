"""Response models of the workbench's own routes (explorer, search by spellings, evidence, ego
network, map labels), in the manner of `sitrep.api.models`: the fields a client may rely on,
records free to carry more."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sitrep.api.models import Page, Record
from sitrep.read.dating import Dating
from sitrep.read.records import PairRelation, SearchHit


class FacetValue(Record):
    value: str
    label: str | None = None
    count: int


class ExplorerActor(Record):
    entity_id: str | None
    name: str
    role: str | None
    entity_type: str | None  # the entity's type (`sitrep.read.participants`), None if unnamed
    acting: bool = False  # its role is one of acting (actor, by): listed first


class FirstReport(Record):
    """The document an event was first reported in."""

    document_id: str
    title: str | None = None
    url: str | None = None


class ExplorerEvent(Record):
    id: str
    type: str
    mode: str | None = None
    summary: str | None = None
    time_start: str | None = None
    time_end: str | None = None
    time_precision: str | None = None
    dating: Dating | None = None  # how its date was worked out (`sitrep.read.dating`)
    status: str
    status_reason: str = ""  # corroboration's words for how it reached the status
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
    actors: list[ExplorerActor]
    outlets: list[str]
    # the earliest report (its document's id, title and address) and how many documents report
    # the event (`sitrep.read.claims.event_sources`, as the CSV and JSON exports cite them)
    first_report: FirstReport | None = None
    n_documents: int


class WeekCount(Record):
    week: str
    count: int


class TrendBar(Record):
    """A bin of the trend: its first and last day (within the view's period) and the events
    whose dates overlap them."""

    start: str
    end: str
    count: int


class Trend(Record):
    """The view's events over time, binned by day, week or month as its span asks."""

    bin: Literal["day", "week", "month"]
    bars: list[TrendBar]


class LeftOut(Record):
    undated: int
    unlocated: int


class EntityMatch(Record):
    """An entity a name filter was read as."""

    id: str
    name: str
    type: str


class ExplorerPage(Page):
    items: list[ExplorerEvent]
    facets: dict[str, list[FacetValue]]
    weekly: list[WeekCount]
    trend: Trend
    left_out: LeftOut
    matched: dict[str, list[EntityMatch]]


class PointColumns(BaseModel):
    """The fields of an explorer row that the map and the timeline draw, one list per field,
    the n-th of each list being the n-th event: a marker or dot needs its place, dates, status
    and toll and the label it shows, not the row's actors and outlets (a full row is about
    600 bytes of JSON, a point about 200)."""

    model_config = ConfigDict(extra="forbid")

    id: list[str]
    type: list[str]
    summary: list[str | None]
    time_start: list[str | None]
    time_precision: list[str | None]
    status: list[str]
    fatalities: list[int]
    place_name: list[str | None]
    precision: list[str | None]
    lat: list[float | None]
    lon: list[float | None]
    country_numeric: list[str | None]
    admin1_codes: list[list[str]]


class ExplorerPoints(Page):
    """Events through the explorer's filter, in time order (undated last), as points."""

    columns: PointColumns


class SpellingCount(Record):
    text: str
    documents: int


class EntitySearchHit(SearchHit):
    """A search hit; `via` lists the other spellings it was found by (None: by the words)."""

    via: list[str] | None


class NamedEntity(Record):
    id: str
    name: str
    type: str
    mentions: int


class SearchFacet(Record):
    value: str
    count: int


class EntitySearchPage(Page):
    query: str
    items: list[EntitySearchHit]
    entities: list[NamedEntity]
    spellings: list[SpellingCount]
    added: int
    phrases: list[str]
    facets: dict[str, list[SearchFacet]]


class ReadSpan(Record):
    """A participant or place as read: its words, where they stand in the document, the entity
    resolution linked them to, and the type they show (`sitrep.read.participants`): that
    entity's type, else the tagger's label, which `tagged_as` keeps."""

    role: str | None
    text: str | None
    start: int
    end: int
    entity_id: str | None
    type: str | None
    tagged_as: str | None


class ReadDate(Record):
    """The date as read: its words (span None where not found in the sentence), the dates
    it was read as, and the rule that read it."""

    text: str
    start_date: str | None
    end_date: str | None
    precision: str | None
    rule: str | None
    dating: Dating | None = None  # the rule in words (`sitrep.read.dating`)
    start: int | None
    end: int | None


class MentionClaim(Record):
    id: str
    start: int
    end: int
    stance: str
    outlet: str | None


class Span(Record):
    start: int
    end: int


class EvidenceMention(Record):
    """One report's mention of the event, with where each fact of it was read."""

    id: str
    document_id: str
    document_title: str | None
    site: str | None
    published: str | None
    type: str
    mode: str | None
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: int
    participants: list[ReadSpan]
    place: ReadSpan | None
    time: ReadDate | None
    negated: bool
    modality: str | None
    claim: MentionClaim | None
    sentence_span: Span | None


class Evidence(Record):
    event_id: str
    mentions: list[EvidenceMention]


class EgoNode(Record):
    id: str
    name: str
    type: str
    hop: int  # 0: the entity itself
    weight: int


class EgoEvent(Record):
    id: str
    type: str
    summary: str
    time_start: str | None
    status: str


class SaidTogether(Record):
    """A sentence naming both ends: the span covering both names in its document."""

    document_id: str
    sentence: int
    start: int
    end: int
    document_title: str | None


class EgoEdge(Record):
    source: str
    target: str
    weight: int
    events: int
    sentences: int
    event_list: list[EgoEvent]
    said: list[SaidTogether]
    relations: list[PairRelation]


class EgoNetwork(Record):
    focus: str
    hops: int
    nodes: list[EgoNode]
    edges: list[EgoEdge]
    left_out: int


class TownLabel(Record):
    name: str
    lat: float
    lon: float
    country: str
    population: int


class TownLabels(Record):
    items: list[TownLabel]


class WatchedView(Record):
    """An explorer filter an analyst saved under a name (`sitrep.read.watch`)."""

    name: str
    filter: str  # the explorer's URL query, "" for every event
    created_at: str
    seen_at: str  # when its analyst last opened it
    total: int  # events it keeps now
    new: int  # of those, first stored after seen_at
    updated: int  # of those, stored before seen_at but with a report ingested after it


class WatchedViews(Record):
    items: list[WatchedView]


class StatusChange(Record):
    """An event's status since a visit (`sitrep.read.status_history.NetChange`)."""

    old: str
    new: str
    at: str  # when it last changed
    why: str  # "run <run id>", "judgement <id>" or "corroboration"


class UpdatedEvent(ExplorerEvent):
    reported_again: bool  # a report joined it since the visit
    status_change: StatusChange | None = None  # its status since the visit, when not as it was


class OpenedView(Record):
    view: WatchedView  # as it stood before this visit
    new_events: list[ExplorerEvent]  # its events first stored since the last visit
    updated_events: list[UpdatedEvent]  # seen before, reported again or re-statused since


class SituationReport(Record):
    """The situation report of a period (`sitrep.read.brief.Brief`; its other fields are the
    lists it reports: by type, status and governorate, the corroborated and disputed events,
    every event day by day (`days`: each day's events with who took part, toll, status and
    sources), the actors, the previous period and the documents cited)."""

    since: str | None
    until: str | None
    filter: str
    events: int
    undated: int
    killed_low: int
    killed_high: int
    tolls_differ: int
    listed: int  # the most events the corroborated and the disputed list name each
    corroborated_total: int  # all the corroborated events (`corroborated` names the most told)
    corroborated_filter: str  # the explorer's URL query listing them all
    disputed_total: int
    disputed_filter: str
    days_listed: int  # the most events the day-by-day list names (the most told)
