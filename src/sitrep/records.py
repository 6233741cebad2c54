"""The records that flow between pipeline stages.

Plain frozen dataclasses: every stage is a function from records to records, and records
only ever hold clean values (the stage that produces a value owns cleaning it). Nothing here
imports spaCy or the store, so the map half of the pipeline can ship these across processes
(or to a distributed engine) as plain data.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

# --------------------------------------------------------------------------------------------
# ids


def stable_id(prefix: str, *parts: object, length: int = 16) -> str:
    """A deterministic id from its parts: re-running the pipeline never mints new ids."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:length]}"


def content_id(content: bytes) -> str:
    """A document's id is a hash of its content, so the same page ingested twice is stored once."""
    return "doc_" + hashlib.sha256(content).hexdigest()[:20]


# --------------------------------------------------------------------------------------------
# acquire

InputFormat = Literal["text", "html", "pdf", "row", "feed-item"]


@dataclass(frozen=True)
class RawDocument:
    """One unit of input, as acquired: bytes plus where it came from.

    `content` is what the id is hashed from. For table rows (CSV / JSON lines) the content is the
    row's text fields encoded, and `fields` carries the row's named values (title, date, url ...).
    """

    content: bytes
    origin: str  # path, URL, or "path#row=N" / "path#record=N" for multi-document containers
    format: InputFormat
    url: str | None = None
    fetched_at: str | None = None  # ISO-8601 UTC, for network fetches
    declared_encoding: str | None = None  # from HTTP headers or a WARC record
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return content_id(self.content)


RejectReason = Literal[
    "empty",
    "binary",
    "too-large",
    "truncated",
    "undecodable",
    "unsupported",
    "unreachable",
    "blocked-address",
    "http-error",
    "malformed",
    "no-text",
    "not-found",
    "unreadable",
    "over-budget",
]


@dataclass(frozen=True)
class Rejection:
    """An input that could not be turned into a document, with the reason why."""

    origin: str
    reason: RejectReason
    detail: str
    stage: str = "acquire"


# --------------------------------------------------------------------------------------------
# clean

DateSource = Literal[
    "html-metadata",  # trafilatura / htmldate found it in the page's markup
    "dateline",  # a date in the article's own first lines ("March 18, 2019 -")
    "byline",  # a date next to the author or headline
    "row-field",  # a CSV / JSON-lines column
    "front-matter",  # a Markdown file's YAML header
    "feed",  # an RSS/Atom item's date
    "url",  # /2019/03/18/ in the URL
    "page-header",  # a date printed in the site chrome (today's date): NOT the publication date
    "forum-post",  # the date of the first post in a thread
]


@dataclass(frozen=True)
class FoundDate:
    """A date and where it was found; `value` is ISO-8601 (YYYY-MM-DD, or YYYY-MM / YYYY)."""

    value: str
    source: DateSource
    text: str = ""  # the text it was read from


@dataclass(frozen=True)
class Comment:
    """A reader comment split off a page. Always user-generated, never part of the body."""

    ordinal: int  # 0-based position in the page's comment thread
    text: str
    author: str | None = None
    posted: FoundDate | None = None
    posted_text: str | None = None  # the raw date string as printed
    reply_to: int | None = None  # ordinal of the comment this one answers
    user_generated: bool = True


@dataclass(frozen=True)
class CleanDocument:
    """One cleaned page: the article body with its metadata, comments kept apart."""

    id: str
    origin: str
    format: InputFormat
    text: str
    title: str | None = None
    author: str | None = None
    site: str | None = None  # site / outlet name as the page gives it
    url: str | None = None
    published: FoundDate | None = None  # the article's publication date
    page_date: FoundDate | None = None  # a date in the page chrome, kept apart from `published`
    language: str | None = None
    language_score: float | None = None
    encoding: str | None = None
    comments: tuple[Comment, ...] = ()
    removed: tuple[tuple[str, int], ...] = ()  # (kind of boilerplate, line count) for audit
    fields: tuple[tuple[str, str], ...] = ()  # extra row fields kept as provenance

    @property
    def word_count(self) -> int:
        return len(self.text.split())


# --------------------------------------------------------------------------------------------
# annotate


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


MentionSource = Literal["model", "alias", "title-rule", "type-rule"]


@dataclass(frozen=True)
class Mention:
    """A span of a document's text that names something."""

    start: int  # character offsets into CleanDocument.text
    end: int
    text: str
    label: str  # PERSON, ORG, LOC, NORP, WEAPON, VEHICLE, DATE ...
    sentence: int
    title: str | None = None  # "Maj. Gen.", "Supreme Leader" attached to a PERSON
    source: MentionSource = "model"
    pack_id: str | None = None  # the domain-pack actor an alias match points at
    type_reason: str | None = None  # why a type rule gave its label ("... is a place: ...")


@dataclass(frozen=True)
class Annotation:
    doc_id: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    model: str  # name and version of the pipeline that produced it


# --------------------------------------------------------------------------------------------
# extract

TimePrecision = Literal["day", "month", "year", "range", "unresolved"]


@dataclass(frozen=True)
class TimeValue:
    """A time with its precision. `start`/`end` are ISO dates; both None when unresolved."""

    text: str
    precision: TimePrecision
    start: str | None = None
    end: str | None = None
    anchor: str | None = None  # the date it was resolved against (publication date)
    method: str = ""  # how: "absolute", "weekday-before-anchor", "last-month-name" ...


# A time spanning more than this ("several trips over the last decade") dates a pattern of
# activity, not one happening: extraction never lends it to another mention, and corroboration
# joins it only to mentions with the very same span.
MAX_HAPPENING_DAYS = 366

# The methods of a time the text does not give (`extract.dating.dated_by_report`): a bound, not
# a date. Corroboration treats such a mention as undated (two attacks reported on one day are
# not one happening). The month is what a report dated only to its month gives, and what
# stores written before the days were used hold.
# A report that does not say when tells the news of its last days: the day it was published
# and this many days before (ACLED dates such an event by its report, at a week's precision).
# Extraction dates such a mention so, and corroboration compares it so: two undated mentions
# from reports further apart than this lie in windows that do not meet.
REPORT_WINDOW_DAYS = 2
REPORTED_DAYS_METHOD = "undated in the text: the days up to its report"
REPORTED_MONTH_METHOD = "undated in the text: the month it was reported"
REPORT_DATED_METHODS = frozenset({REPORTED_DAYS_METHOD, REPORTED_MONTH_METHOD})


def span_days(start: str, end: str) -> int | None:
    """Days from `start` to `end` (ISO dates), or None when either is not a date."""
    try:
        return (date.fromisoformat(end) - date.fromisoformat(start)).days
    except ValueError:
        return None


# A time that lasts this many days or more is a period ("in 2014", "in March", "early November
# 2014"), not a day or a few: it holds what happened some unsaid time before a day inside it.
PERIOD_DAYS = 7


def is_period(value: TimeValue | None) -> bool:
    """A time of PERIOD_DAYS or more."""
    if value is None or not value.start:
        return False
    length = span_days(value.start[:10], (value.end or value.start)[:10])
    return length is not None and length >= PERIOD_DAYS


PlacePrecision = Literal["exact", "city", "region", "country", "unresolved"]


Role = Literal["actor", "target", "counterpart", "by", "recipient", "item", "place"]


@dataclass(frozen=True)
class Participant:
    role: Role
    text: str
    start: int
    end: int
    label: str
    pack_id: str | None = None
    within: str | None = None  # a place: the known place the text puts it in ("in Idlib")


@dataclass(frozen=True)
class Casualties:
    killed: int | None = None
    wounded: int | None = None
    civilians: int | None = None
    children: int | None = None
    women: int | None = None
    text: str = ""


Stance = Literal["asserts", "reports", "confirms", "denies", "retracts"]


# The name of the link a report without a speaker adds ("was reported to have killed"): a
# source the text does not name, which is never an origin of its own (`corroborate.origins`).
UNNAMED_SOURCE = "an unnamed source"


@dataclass(frozen=True)
class SourceLink:
    """One link of an attribution chain: who said it, and how it reached the next link."""

    name: str
    kind: Literal["outlet", "agency", "official", "person", "document", "anonymous", "unknown"]
    verb: str = ""  # "citing", "told", "quoted", "said", "according to"
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class ClaimRecord:
    """One document's statement about an event: by whom, citing whom, how sure, which span."""

    id: str
    doc_id: str
    event_mention_id: str
    outlet: str | None
    chain: tuple[SourceLink, ...]  # from the outlet outwards to the original source
    stance: Stance
    hedged: bool
    hedges: tuple[str, ...]
    quote: str | None
    start: int
    end: int
    sentence: int
    sentence_text: str


@dataclass(frozen=True)
class EventMention:
    id: str
    doc_id: str
    type: str  # PLOVER-aligned type from the event schema (data)
    mode: str | None
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: int
    participants: tuple[Participant, ...]
    place: Participant | None
    time: TimeValue | None
    casualties: Casualties | None
    negated: bool
    modality: str | None  # "would", "may", "plan" ...: not a fact that it happened
    claim: ClaimRecord
    # The sentence of the happening this mention tells again ("the attack was carried out by
    # ...", "19 others were also wounded"): corroboration joins the two (`corroborate.compat`).
    retells: int | None = None

    def at_trigger(self, offset: int) -> bool:
        """Whether the character at `offset` is part of the mention's own trigger word(s)."""
        return self.trigger_start <= offset < self.trigger_end


RelationType = Literal[
    "holds-position",
    "commands",
    "controls",
    "member-of",
    "under",
    "allied-with",
    "backs",
    "fights",
    "present-in",
]


@dataclass(frozen=True)
class RelationEnd:
    """One end of a relation as the text names it: an entity, or a phrase with one inside."""

    text: str
    start: int
    end: int
    label: str  # the entity label, or "NP" for a plain noun phrase
    pack_id: str | None = None


@dataclass(frozen=True)
class RelationMention:
    """One document's statement that two actors (or an actor and a place) stand in a relation.

    `how` names the construction it was read from (apposition, copula, title, possessive,
    verb, relative, preposition); `qualifier` the word that dates it ("new", "former");
    `time` the date it gives (the start for "new" and "since", the end for "former").
    """

    id: str
    doc_id: str
    type: RelationType
    subject: RelationEnd
    object: RelationEnd
    title: str | None
    cue: str
    cue_start: int
    cue_end: int
    how: str
    qualifier: str | None
    time: TimeValue | None
    ended: bool
    sentence: int
    claim: ClaimRecord  # claim.event_mention_id holds this relation mention's id


@dataclass(frozen=True)
class Extraction:
    doc_id: str
    events: tuple[EventMention, ...]
    relations: tuple[RelationMention, ...] = ()


@dataclass(frozen=True)
class DocResult:
    """Everything the map half produces for one document: what the store's writer consumes."""

    document: CleanDocument
    annotation: Annotation | None = None
    extraction: Extraction | None = None
    stage_seconds: tuple[tuple[str, float], ...] = ()
