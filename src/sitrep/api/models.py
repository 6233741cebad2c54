"""The API's response models: the OpenAPI document names every success shape, so clients (the
web UI's generated types, scripts) know the fields.

What the read model answers is served as its records (`sitrep.read.records`, TypedDicts that
pydantic reads as they are): one definition from the query to the client, never a copy here
to drift. The models below wrap them (pages) or describe the shapes only the API makes; they
list the fields a client may rely on and pass more through (`extra="allow"`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from sitrep.read import records as r


class Record(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(Record):
    total: int
    limit: int
    offset: int


# -- documents -------------------------------------------------------------------------------


class DocumentPage(Page):
    items: list[r.DocumentItem]


class Comment(Record):
    """A reader comment, kept apart from the article's body."""

    id: str
    document_id: str
    ordinal: int
    author: str | None
    posted: str | None
    posted_text: str | None
    reply_to: int | None  # the ordinal of the comment answered
    text: str
    user_generated: bool


class Document(Record):
    """One document: its row (without the near-duplicate signature), its reader comments,
    where it was seen, and what was found in it (`sitrep.read.documents.findings`)."""

    id: str
    title: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    word_count: int | None = None
    duplicate_of: str | None = None
    format: str | None = None
    origin: str | None = None  # where it was first seen
    author: str | None = None
    published_source: str | None = None  # where the publication date was found
    page_date: str | None = None  # a date in the page chrome: NOT the publication date
    page_date_source: str | None = None
    text: str
    comments: list[Comment] = []
    origins: list[str] = []
    mentions: list[r.DocumentMention] = []
    event_mentions: list[r.DocumentEventMention] = []
    claims: list[r.DocumentClaim] = []


class SearchPage(Page):
    query: str
    items: list[r.SearchHit]


# -- entities, events, claims, decisions: the read model's records ----------------------------


class EntityPage(Page):
    items: list[r.EntityListItem]


class EventPage(Page):
    items: list[r.EventRow]


class ClaimPage(Page):
    items: list[r.ClaimRecord]


class JudgementPage(Page):
    items: list[r.JudgementRow]


class Timeline(Record):
    total: int
    by_status: dict[str, int]
    items: list[r.EventRow]


# -- exports, session --------------------------------------------------------------------------


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

    judgement: r.JudgementRow


class Reject(Record):
    """An input the pipeline turned down, and why (in words)."""

    id: str
    run_id: str
    origin: str
    reason: str
    detail: str
    stage: str
    at: str


class Ingested(Record):
    run_id: str
    stored: int
    rejected: dict[str, int]
    rejects: list[Reject]


class AddLimits(Record):
    max_inputs: int
    max_request_bytes: int


class Added(Record):
    """What came of one "Add reports" request: the run's counts, then each input in turn."""

    run_id: str
    stored: int
    already_stored: int
    near_duplicates: int
    rejected_total: int
    seconds: float
    inputs: list[r.IntakeInput]


class AddJob(Record):
    """An add job, as the store keeps it (`sitrep.read.add_jobs`): how far its run is
    (documents read, by outcome), then its answer; an interrupted or failed one says what to do
    (`advice`) and whether it can be run again from the request it kept."""

    id: str
    by: str
    state: str  # running, done, failed, interrupted
    inputs: int
    given: list[str]  # the inputs, by the names their documents keep
    read: int
    stored: int
    already_stored: int
    rejected: int
    seconds: float
    started_at: str
    finished_at: str | None
    run_id: str | None
    error: str | None
    advice: str | None
    can_run_again: bool
    again_of: str | None
    run_again_as: str | None
    answer: Added | None  # a done job's; for an interrupted one, what its run had done


class AddJobs(Record):
    items: list[AddJob]  # newest first, without their answers


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
