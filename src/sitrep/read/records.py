"""The read model's records: the shape of every answer `sitrep.read` gives, typed once.

They are TypedDicts, so the CLI, the API and the exports keep indexing records by key while mypy
checks every key, and so the API serves them as they are: FastAPI's response models use these
classes directly (`sitrep.api.models`), the OpenAPI document names them, and the web UI's
TypeScript types are generated from that document. One definition from the query to the browser.

Keys that come from a table column are always present (None where the column is null). The
JSON a pipeline stage wrote (a mention's time, a place as read, an entity's attributes) is typed
as far as every writer agrees on it, and left an open object beyond that.

`typing_extensions.TypedDict` because pydantic needs it on Python 3.11 to read the classes; no
`from __future__ import annotations`, so a class knows its optional keys at run time.
"""

from typing import Any, Literal, NotRequired

from typing_extensions import TypedDict

from sitrep.read.dating import Dating

JsonObject = dict[str, Any]


# -- pieces several records share ------------------------------------------------------------


class ChainLink(TypedDict):
    """One link of a claim's attribution chain, from the outlet outwards (JSON: the
    extractor writes every key; other writers may leave out the verb and the span)."""

    name: str
    kind: str  # outlet, agency, official, person, document, anonymous, unknown
    verb: NotRequired[str]  # "citing", "told", "said" ...
    start: NotRequired[int | None]
    end: NotRequired[int | None]


class Participant(TypedDict):
    """Who takes part in an event, in a role; `entity_id` None for an unnamed one (JSON:
    corroboration writes every key, an analyst's or a fixture's event may not)."""

    role: str
    entity_id: NotRequired[str | None]
    name: NotRequired[str | None]


class TypedParticipant(Participant):
    """A participant with its entity's type (None for an unnamed one)."""

    entity_type: str | None


class Segment(TypedDict):
    """A piece of a search snippet; `match` marks the words found."""

    text: str
    match: bool


# -- rows of one table -----------------------------------------------------------------------


class EntityRow(TypedDict):
    id: str
    type: str
    name: str
    pack_id: str | None
    wikidata: str | None
    geonames_id: int | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None  # places: city / region / country
    attributes: JsonObject  # positions, affiliations ... with provenance
    created_by: str


class EntityWithAliases(EntityRow):
    """An entity with every alias it has (sorted): what the exports write."""

    aliases: list[str]


class EntityBrief(TypedDict):
    id: str
    name: str
    type: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None


class _EventFields(TypedDict):
    id: str
    type: str
    mode: str | None
    summary: str
    place_entity_id: str | None
    place: JsonObject | None  # the place as reported: its key and the name read
    time_start: str | None
    time_end: str | None
    time_precision: str | None
    time_method: str | None  # how the date was worked out (extraction's method; `read.dating`)
    casualties: JsonObject | None  # killed, wounded ...: counts (None: not said), maybe the words
    status: str
    status_reason: str
    n_claims: int
    n_origins: int
    origins: list[str]
    first_told: str | None  # the earliest report's date, document and sentence (how a day sorts)


class EventRow(_EventFields):
    """An event as the events table holds it (the list of events, the timeline)."""

    participants: list[Participant]


class EventMentionRow(TypedDict):
    """One report's mention of an event, as extracted."""

    id: str
    document_id: str
    event_id: str | None
    type: str
    mode: str | None
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: int
    participants: list[JsonObject]  # role, text, span, pack id as read; entity_id, type, tagged_as
    place: JsonObject | None
    place_entity_id: str | None
    time: JsonObject | None  # text, precision, start, end, anchor, method
    time_start: str | None
    time_end: str | None
    time_precision: str | None
    casualties: JsonObject | None  # the counts read, and the words they were read from
    negated: bool
    modality: str | None
    retells: int | None  # the sentence of the happening it tells again, if it retells one


class ClaimSource(TypedDict):
    """Where one claim on an event comes from: its outlet, else its document's site, and its
    document (id, title, address) for the event's sources (`sitrep.read.claims.event_sources`)."""

    event_id: str
    outlet: str | None
    document_site: str | None
    document_id: str
    document_title: str | None
    document_url: str | None


class FirstReport(TypedDict):
    """The earliest report an event was read from: what a row cites to be checked against."""

    document_id: str
    title: str | None
    url: str | None


class EventSources(TypedDict):
    """Where an event comes from, as every view and export of it cites it: its first report
    (the earliest published document of its claims; None for an event without claims) and how
    many documents report it."""

    first_report: FirstReport | None
    n_documents: int


class JudgementRow(TypedDict):
    """One logged decision, by a rule or an analyst."""

    id: str
    subject: str  # entity / event / claim / mention
    action: str  # merge / split / relabel / mark / link
    targets: JsonObject
    by: str  # rule / analyst
    actor: str | None
    reason: str
    created_at: str
    active: bool


# -- documents and search --------------------------------------------------------------------


class DocumentItem(TypedDict):
    """A document in the list, with how many reader comments it has."""

    id: str
    title: str | None
    site: str | None
    url: str | None
    published: str | None
    language: str | None
    word_count: int
    duplicate_of: str | None
    format: str
    comments: int


class DocumentMention(TypedDict):
    """An entity mention in its document, with the entity it resolved to."""

    id: str
    start: int
    end: int
    text: str
    label: str
    title: str | None
    sentence: int
    source: str
    entity_id: str | None
    entity_name: str | None
    entity_type: str | None


class DocumentEventMention(TypedDict):
    """An event mention in its document, with its event's status."""

    id: str
    event_id: str | None
    type: str
    mode: str | None
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: int
    participants: list[JsonObject]
    place: JsonObject | None
    time: JsonObject | None
    negated: bool
    modality: str | None
    event_status: str | None


class _ClaimWording(TypedDict):
    outlet: str | None
    chain: list[ChainLink]
    stance: str
    hedged: bool
    hedges: list[str]
    quote: str | None
    start: int
    end: int


class DocumentClaim(_ClaimWording):
    """A claim in its document (the document is the context)."""

    id: str
    event_mention_id: str
    event_id: str | None
    sentence: int
    analyst_mark: str | None


class Findings(TypedDict):
    """What the pipeline found in one document, each in text order."""

    mentions: list[DocumentMention]
    event_mentions: list[DocumentEventMention]
    claims: list[DocumentClaim]


class SearchHit(TypedDict):
    id: str
    title: str | None
    site: str | None
    published: str | None
    duplicate_of: str | None
    format: str  # the document's kind as acquired: html, text, pdf, row, feed-item
    snippet: list[Segment]


# -- claims and events -----------------------------------------------------------------------


class ClaimRecord(_ClaimWording):
    """A claim on its own: its source document and the event it speaks to."""

    id: str
    document_id: str
    document_title: str | None
    site: str | None
    published: str | None
    url: str | None
    duplicate_of: str | None
    event_mention_id: str
    event_id: str | None
    event_status: str | None
    event_type: str | None
    event_summary: str | None
    sentence: int
    sentence_text: str
    origin_key: str | None
    analyst_mark: str | None


class ListedClaim(ClaimRecord):
    """A claim as `sitrep claims` lists it: its event's summary and status again, short."""

    summary: str | None
    status: str | None


# -- entities and the dossier ----------------------------------------------------------------


class EntityListItem(TypedDict):
    """An entity in the workbench's list (mentioned or not), most mentioned first."""

    id: str
    type: str
    name: str
    country: str | None
    wikidata: str | None
    precision: str | None
    mentions: int
    # with a name filter, the alias it holds when the name does not (else null): why it is listed
    matched_alias: str | None


class EntitySummary(TypedDict):
    """An entity as `sitrep entities` lists it, with the spellings seen."""

    id: str
    name: str
    type: str
    pack_id: str | None
    geonames_id: int | None
    mentions: int
    documents: int
    aliases_seen: list[str]


class Alias(TypedDict):
    alias: str
    source: str  # pack / seen


class MentionInContext(TypedDict):
    """A mention with its sentence and document, for reading it where it was said."""

    id: str
    document_id: str
    start: int
    end: int
    text: str
    label: str
    title: str | None
    sentence_text: str | None
    sentence_start: int | None
    document_title: str | None
    site: str | None
    published: str | None


class EntityEvent(TypedDict):
    """An event an entity takes part in (or is the place of), with its roles in it."""

    id: str
    type: str
    summary: str
    time_start: str | None
    time_end: str | None
    time_precision: str | None
    status: str
    n_origins: int
    participants: list[Participant]
    place_entity_id: str | None
    roles: list[str]


class CoOccurring(TypedDict):
    """An entity named in the same sentences or taking part in the same events."""

    id: str
    name: str
    type: str | None
    sentences: int
    events: int


class DossierSource(TypedDict):
    """A document that mentions the entity, with how often."""

    id: str
    title: str | None
    site: str | None
    published: str | None
    url: str | None
    mentions: int


class DocumentRef(TypedDict):
    id: str
    title: str | None


class AppearsWith(TypedDict):
    id: str
    name: str
    mentions: int


# -- relations -------------------------------------------------------------------------------


class RelationEnd(TypedDict):
    entity_id: str
    name: str | None


class RelationClaim(TypedDict):
    """One statement of a relation: a report's sentence, or the domain pack's record."""

    mention_id: str
    source: str  # "report" or "pack"
    document_id: str | None
    document_title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    chain: list[ChainLink]
    stance: str | None
    hedged: bool
    sentence: str | None
    start: int | None  # the sentence's span in its document
    end: int | None
    title: str | None
    how: str
    qualifier: str | None
    time_start: str | None
    time_end: str | None
    time_precision: str | None  # day / month / year / range / unresolved, as the text gave it
    ended: bool
    origin: str | None
    subject_text: str | None
    object_text: str | None


class RelationReport(TypedDict):
    """The report that last stated a relation: what an analyst opens to see if it still holds."""

    document_id: str
    title: str | None
    published: str | None
    outlet: str | None


class Relation(TypedDict):
    """A typed relation between two entities, with its ends' names and its claims."""

    id: str
    type: str
    subject_entity_id: str
    object_entity_id: str
    title: str | None
    time_start: str | None
    time_end: str | None
    ended: bool
    status: str
    status_reason: str
    n_claims: int
    n_origins: int
    origins: list[str]
    sources: list[str]  # "pack" and/or "reports"
    subject: RelationEnd
    object: RelationEnd
    claims: list[RelationClaim]
    family: str  # command / membership / alliance / hostility / presence
    time_precision: str | None  # of the claim that gave its start (else its end)
    n_reports: int  # the report documents that state it (the pack is no report)
    latest_report: RelationReport | None  # the last published of them


class DossierRelation(TypedDict):
    """A relation seen from one entity's side, as its dossier lists it."""

    id: str
    type: str
    direction: str  # outgoing / incoming
    other: RelationEnd
    title: str | None
    time_start: str | None
    time_end: str | None
    ended: bool
    status: str
    status_reason: str
    learned: bool
    from_pack: bool
    n_origins: int
    claims: list[RelationClaim]


class EventParticipant(TypedParticipant):
    """A participant with the positions its entity holds: the positions section of its
    dossier, the ones it holds itself (title, organisation, dates, pack or learned)."""

    positions: list[DossierRelation]


# (defined after the relations: a participant carries its positions)
class EventDetail(_EventFields):
    """One event with everything behind it: typed participants with their positions, the
    place entity, its mentions, every claim and the decisions about it."""

    participants: list[EventParticipant]
    place_entity: EntityBrief | None
    admin1: str | None  # the governorate its place is in, as the explorer's filter reads it
    dating: Dating | None  # how its date was worked out, in words (`read.dating`)
    mentions: list[EventMentionRow]
    claims: list[ClaimRecord]
    judgements: list[JudgementRow]


class PairRelation(TypedDict):
    """A typed relation on a network edge; `subject` says its direction."""

    id: str
    type: str
    subject: str
    title: str | None
    time_start: str | None
    time_end: str | None
    ended: bool
    status: str
    claims: int
    sources: list[str]


class NamedOrganisation(TypedDict):
    """The entity an organisation in a position or affiliation (`org`, a pack id) is."""

    id: str
    name: str
    type: str


class Dossier(EntityRow):
    """An entity's dossier: its row, names, mentions in context, events, neighbours, sources,
    decisions and relations (by dossier section), and the entities its positions and
    affiliations name (`organisations`, by the `org` they give)."""

    aliases: list[Alias]
    n_mentions: int
    mentions: list[MentionInContext]
    events: list[EntityEvent]
    co_occurring: list[CoOccurring]
    sources: list[DossierSource]
    judgements: list[JudgementRow]
    relations: dict[str, list[DossierRelation]]
    organisations: dict[str, NamedOrganisation]


class DossierNamed(Dossier):
    """The dossier with the summary the terminal shows (`sitrep entity`)."""

    documents: list[DocumentRef]
    first_seen: str | None
    last_seen: str | None
    appears_with: list[AppearsWith]


# -- search that knows entities, an event's evidence, the ego network --------------------------


class NamedEntity(TypedDict):
    """An entity a search's words name, with how often it is mentioned."""

    id: str
    name: str
    type: str
    mentions: int


class EntityMentionSpan(TypedDict):
    """Where an entity is mentioned, and the words it was written with."""

    document_id: str
    text: str
    start: int
    end: int
    entity_id: str


class MentionCitation(TypedDict):
    """Where an entity is named, as the dossier export cites it: the sentence (or, where no
    sentence was stored, the mention's words) and its document."""

    document_id: str
    start: int
    end: int
    title: str | None
    url: str | None
    published: str | None
    site: str | None
    sentence: str


class ReadSpan(TypedDict):
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


class ReadDate(TypedDict):
    """The date as read: its words (span None where not found in the sentence), the dates
    it was read as, and the rule that read it."""

    text: str
    start_date: str | None
    end_date: str | None
    precision: str | None
    rule: str | None
    dating: Dating | None  # the rule in words (`read.dating`), as the event's own date says it
    start: int | None
    end: int | None


class MentionClaim(TypedDict):
    id: str
    start: int
    end: int
    stance: str
    outlet: str | None


class Span(TypedDict):
    start: int
    end: int


class EvidenceMention(TypedDict):
    """One report's mention of an event, with where each fact of it was read."""

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


class EgoNode(TypedDict):
    id: str
    name: str
    type: str
    hop: int  # 0: the entity itself
    weight: int


class EgoEvent(TypedDict):
    id: str
    type: str
    summary: str
    time_start: str | None
    status: str


class SaidTogether(TypedDict):
    """A sentence naming both ends: the span covering both names in its document."""

    document_id: str
    sentence: int
    start: int
    end: int
    document_title: str | None


class EgoEdge(TypedDict):
    source: str
    target: str
    weight: int
    events: int
    sentences: int
    event_list: list[EgoEvent]
    said: list[SaidTogether]
    relations: list[PairRelation]


class EgoNetwork(TypedDict):
    """One entity's network: `left_out`, the direct neighbours not drawn (max_nodes)."""

    focus: str
    hops: int
    nodes: list[EgoNode]
    edges: list[EgoEdge]
    left_out: int


# -- the rows the exports write ---------------------------------------------------------------


class EventClaim(_ClaimWording):
    """A claim as the exports write it: every column, the event it was corroborated into, and
    its document's title, URL, site and publication date."""

    id: str
    document_id: str
    event_mention_id: str
    sentence: int
    sentence_text: str
    origin_key: str | None
    analyst_mark: str | None
    event_id: str
    document_title: str | None
    document_url: str | None
    document_site: str | None
    document_published: str | None


class DocumentRow(TypedDict):
    """A stored document, every column but its near-duplicate signature (binary); `text` only
    when asked for."""

    id: str
    origin: str
    format: str
    url: str | None
    title: str | None
    author: str | None
    site: str | None
    published: str | None
    published_source: str | None
    published_text: str | None
    page_date: str | None  # a date in the page chrome: NOT the publication date
    page_date_source: str | None
    language: str | None
    language_score: float | None
    encoding: str | None
    text: NotRequired[str]
    word_count: int
    duplicate_of: str | None
    duplicate_score: float | None
    removed: list[Any]  # [kind, lines] pairs of the boilerplate removed
    fields: JsonObject  # extra row/feed fields kept as provenance
    model: str | None
    run_id: str
    ingested_at: str


class MentionRow(TypedDict):
    """A mention resolved to an entity, every column."""

    id: str
    document_id: str
    sentence: int
    start: int
    end: int
    text: str
    label: str
    title: str | None
    source: str
    pack_id: str | None
    entity_id: str
    resolution: str | None
    type_reason: str | None  # why a type rule labelled it (`nlp.toponyms`)


# -- the network and the map -----------------------------------------------------------------


class NetworkNode(TypedDict):
    id: str
    name: str
    type: str
    weight: int


class NetworkEdge(TypedDict):
    """Two entities linked by taking part in events, being named in one sentence, and the
    typed relations between them; `weight` sums the links counted."""

    source: str
    target: str
    weight: int
    sentences: int
    events: int
    relations: list[PairRelation]


class Network(TypedDict):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    min_weight: int  # the links drawn weigh this much or more (asked, or chosen to fit)


class LocatedEvent(EventRow):
    """An event whose place has coordinates, with the place's fields."""

    place_name: str
    place_lat: float
    place_lon: float
    place_precision: str | None
    place_country: str | None


class Point(TypedDict):
    type: str  # "Point"
    coordinates: list[float]  # longitude, latitude


class EventProperties(TypedDict):
    kind: str  # "event"
    event_id: str
    type: str
    summary: str
    status: str
    time_start: str | None
    time_precision: str | None
    place_id: str | None
    place_name: str
    country: str | None
    precision: str  # city / region / country / unknown


class EventFeature(TypedDict):
    type: str  # "Feature"
    id: str
    geometry: Point
    properties: EventProperties


class EventFeatures(TypedDict):
    type: str  # "FeatureCollection"
    features: list[EventFeature]


# JSON a stage wrote may carry keys beyond those typed here: the API passes them through (as it
# does for every record inside its own models) rather than dropping them. A plain dict, so this
# module needs no pydantic (the CLI reads records without loading it).
for _open in (ChainLink, Participant, TypedParticipant, EventParticipant):
    setattr(_open, "__pydantic_config__", {"extra": "allow"})  # noqa: B010 (a TypedDict: no attributes for mypy)


# -- what came of an ingest run, input by input (the workbench's "Add reports") ----------------


class IntakeEvent(TypedDict):
    id: str
    type: str
    summary: str
    status: str
    other_documents: int  # 0: the document added it; more: it joined an event others tell


class IntakeEntity(TypedDict):
    id: str
    name: str
    type: str
    other_documents: int  # 0: named by this document alone so far


class IntakeItem(TypedDict):
    """One document an input gave (a file or page gives one, a table or feed one per row)."""

    origin: str
    outcome: Literal["stored", "duplicate", "rejected"]  # duplicate: already in the store
    document_id: str | None
    title: str | None
    near_copy_of: str | None  # stored, but a near-duplicate of this earlier document
    reason: str | None  # a rejection's reason code ...
    detail: str | None  # ... and what it means, in words
    events: list[IntakeEvent]
    entities: list[IntakeEntity]


class IntakeInput(TypedDict):
    input: str  # as the analyst knows it: a URL, a file's name, "pasted text 1 (...)"
    items: list[IntakeItem]
