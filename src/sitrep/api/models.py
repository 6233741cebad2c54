"""The API's response models: the OpenAPI document names every success shape, so clients (the
web UI's generated types, scripts) know the fields. Each model lists the fields a client may
rely on; records may carry more (`extra="allow"`), which are passed through untouched, so a
field added to a read query reaches clients without breaking this contract.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(Record):
    total: int
    limit: int
    offset: int


# -- documents -------------------------------------------------------------------------------


class DocumentBase(Record):
    id: str
    title: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    word_count: int | None = None
    duplicate_of: str | None = None
    format: str | None = None


class DocumentItem(DocumentBase):
    comments: int | None = None  # how many


class DocumentPage(Page):
    items: list[DocumentItem]


class Document(DocumentBase):
    text: str | None = None
    comments: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    event_mentions: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []


class SearchPage(Page):
    query: str
    items: list[dict[str, Any]]


# -- entities --------------------------------------------------------------------------------


class EntityItem(Record):
    id: str
    type: str
    name: str
    country: str | None = None
    wikidata: str | None = None
    precision: str | None = None
    mentions: int | None = None


class EntityPage(Page):
    items: list[EntityItem]


class Dossier(Record):
    id: str
    type: str
    name: str
    aliases: list[dict[str, Any]]
    n_mentions: int
    mentions: list[dict[str, Any]]
    events: list[dict[str, Any]]
    co_occurring: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    judgements: list[dict[str, Any]]


# -- events and claims -----------------------------------------------------------------------


class EventItem(Record):
    id: str
    type: str
    mode: str | None = None
    summary: str
    participants: list[dict[str, Any]]
    place_entity_id: str | None = None
    place: dict[str, Any] | None = None
    time_start: str | None = None
    time_end: str | None = None
    time_precision: str | None = None
    casualties: dict[str, Any] | None = None
    status: str
    status_reason: str
    n_claims: int
    n_origins: int


class EventPage(Page):
    items: list[EventItem]


class Event(EventItem):
    origins: list[str] = []
    place_entity: dict[str, Any] | None = None
    claims: list[dict[str, Any]] = []
    judgements: list[dict[str, Any]] = []


class ClaimItem(Record):
    id: str
    document_id: str
    event_mention_id: str
    event_id: str | None = None
    stance: str
    hedged: bool
    chain: list[Any]
    analyst_mark: str | None = None


class ClaimPage(Page):
    items: list[ClaimItem]


class JudgementItem(Record):
    id: str
    subject: str
    action: str
    targets: dict[str, Any]
    by: str
    actor: str | None = None
    reason: str
    created_at: str
    active: bool


class JudgementPage(Page):
    items: list[JudgementItem]


class Timeline(Record):
    total: int
    by_status: dict[str, int]
    items: list[EventItem]


# -- graph, map, exports, session --------------------------------------------------------------


class Network(Record):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


class FeatureCollection(Record):
    type: str
    features: list[dict[str, Any]]


class Formats(Record):
    formats: list[dict[str, str]]


class Session(Record):
    auth_required: bool
    user: str | None
    role: str | None
    csrf_token: str


# -- analyst actions ---------------------------------------------------------------------------


class Decided(Record):
    """What an analyst action did (ids made or kept, counts moved) and the logged judgement."""

    judgement: JudgementItem


class Ingested(Record):
    run_id: str
    stored: int
    rejected: dict[str, int]
    rejects: list[dict[str, Any]]


# -- vocabularies ------------------------------------------------------------------------------


class EventTypeInfo(Record):
    label: str
    plover: str | None
    description: str
    modes: list[str]
    roles: list[str]


class Vocabularies(Record):
    entity_types: list[str]
    mention_labels: list[str]
    roles: list[str]
    stances: list[str]
    statuses: list[str]
    marks: list[str]
    time_precisions: list[str]
    place_precisions: list[str]
    event_types: dict[str, EventTypeInfo]
