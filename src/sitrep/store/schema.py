"""The store's tables, in SQLAlchemy Core so SQLite and PostgreSQL share one definition.

Append-only by habit: rows are keyed by deterministic ids (content hashes, `stable_id`), so a
re-run inserts nothing new and overwrites nothing an analyst decided. Nested values that are
read whole (participants, source chains, casualty counts) are JSON columns.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# -- bookkeeping -----------------------------------------------------------------------------

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String(32), nullable=False),
    Column("description", Text, nullable=False),
)

# One row: which store this is (a random id given when it was made) and how many write
# transactions it has committed. A reader that keeps what it computed from the store (the
# explorer's views, `sitrep.api.explore`) keys it by both, so any commit makes it stale.
store_revision = Table(
    "store_revision",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("store", String(40), nullable=False),
    Column("commits", Integer, nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("command", String(40), nullable=False),
    Column("args", JSON, nullable=False),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("status", String(16), nullable=False),  # running / done / interrupted / failed
    Column("stats", JSON),
)

rejects = Table(
    "rejects",
    metadata,
    Column("id", String(40), primary_key=True),  # stable_id(run, origin, reason)
    Column("run_id", String(40), ForeignKey("runs.id"), nullable=False, index=True),
    Column("origin", Text, nullable=False),
    Column("reason", String(32), nullable=False),
    Column("detail", Text, nullable=False),
    Column("stage", String(16), nullable=False),
    Column("at", String(32), nullable=False),
)

# -- documents -------------------------------------------------------------------------------

documents = Table(
    "documents",
    metadata,
    Column("id", String(40), primary_key=True),  # content hash of the raw input
    Column("origin", Text, nullable=False),  # where it was first seen
    Column("format", String(16), nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("site", Text),
    Column("published", String(10)),  # ISO date, or None when unknown
    Column("published_source", String(16)),
    Column("published_text", Text),
    Column("page_date", String(10)),  # a date in the page chrome: NOT the publication date
    Column("page_date_source", String(16)),
    Column("language", String(8)),
    Column("language_score", Float),
    Column("encoding", String(32)),
    Column("text", Text, nullable=False),
    Column("word_count", Integer, nullable=False),
    Column("duplicate_of", String(40), index=True),  # first copy of a near-duplicate
    Column("duplicate_score", Float),
    Column("minhash", LargeBinary),  # signature, to keep detecting near-duplicates across runs
    Column("removed", JSON, nullable=False),  # boilerplate kinds removed, with line counts
    Column("fields", JSON, nullable=False),  # extra row/feed fields kept as provenance
    Column("model", String(64)),  # NLP pipeline that annotated it (None: not annotated)
    Column("run_id", String(40), ForeignKey("runs.id"), nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

document_origins = Table(
    "document_origins",
    metadata,
    Column("document_id", String(40), ForeignKey("documents.id"), primary_key=True),
    Column("origin", Text, primary_key=True),
    Column("run_id", String(40), nullable=False),
)

comments = Table(
    "comments",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("document_id", String(40), ForeignKey("documents.id"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),
    Column("author", Text),
    Column("posted", String(10)),
    Column("posted_text", Text),
    Column("reply_to", Integer),  # ordinal of the comment answered
    Column("text", Text, nullable=False),
    Column("user_generated", Boolean, nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    Column("document_id", String(40), ForeignKey("documents.id"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

# -- entities --------------------------------------------------------------------------------

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("document_id", String(40), ForeignKey("documents.id"), nullable=False, index=True),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("title", Text),
    Column("source", String(16), nullable=False),
    Column("pack_id", String(80)),
    Column("entity_id", String(80), index=True),  # set by resolution
    Column("resolution", Text),  # why it joined that entity
    Column("type_reason", Text),  # why a type rule labelled it (see `nlp.toponyms`)
)

# The mentions resolution has not reached yet (a later run's new ones): a partial index, so a
# run finds them without reading every mention of the store.
Index(
    "ix_mentions_pending",
    mentions.c.document_id,
    sqlite_where=mentions.c.resolution.is_(None),
    postgresql_where=mentions.c.resolution.is_(None),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("type", String(16), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("pack_id", String(80)),
    Column("wikidata", String(16)),
    Column("geonames_id", Integer),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("precision", String(16)),  # places: city / region / country
    Column("attributes", JSON, nullable=False),  # positions, affiliations ... with provenance
    Column("created_by", String(16), nullable=False),  # pack / rule / analyst
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", String(80), ForeignKey("entities.id"), primary_key=True),
    Column("alias", Text, primary_key=True),
    Column("source", String(16), nullable=False),  # pack / seen
)

judgements = Table(
    "judgements",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("subject", String(16), nullable=False),  # entity / event / claim / mention
    Column("action", String(16), nullable=False),  # merge / split / relabel / mark / link
    Column("targets", JSON, nullable=False),
    Column("by", String(16), nullable=False),  # rule / analyst
    Column("actor", Text),  # who (analyst name or rule name)
    Column("reason", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("active", Boolean, nullable=False),
)

# -- events and claims -----------------------------------------------------------------------

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("document_id", String(40), ForeignKey("documents.id"), nullable=False, index=True),
    Column("event_id", String(40), index=True),  # set by corroboration
    Column("type", String(24), nullable=False),
    Column("mode", String(24)),
    Column("trigger", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("participants", JSON, nullable=False),
    Column("place", JSON),
    Column("place_entity_id", String(80)),
    Column("time", JSON),
    Column("time_start", String(10)),
    Column("time_end", String(10)),
    Column("time_precision", String(12)),
    Column("casualties", JSON),
    Column("negated", Boolean, nullable=False),
    Column("modality", String(24)),
    Column("retells", Integer),  # the sentence of the happening it tells again (migration 7)
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("document_id", String(40), ForeignKey("documents.id"), nullable=False, index=True),
    Column("event_mention_id", String(40), nullable=False, index=True),
    Column("outlet", Text),
    Column("chain", JSON, nullable=False),
    Column("stance", String(12), nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("hedges", JSON, nullable=False),
    Column("quote", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("sentence_text", Text, nullable=False),
    Column("origin_key", Text),  # the independent origin it collapses to (set by corroboration)
    Column("analyst_mark", String(24)),  # e.g. verified / doubtful, set through the API
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("type", String(24), nullable=False, index=True),
    Column("mode", String(24)),
    Column("summary", Text, nullable=False),
    Column("participants", JSON, nullable=False),  # [{"role", "entity_id", "name"}]
    Column("place_entity_id", String(80)),
    Column("place", JSON),
    Column("time_start", String(10)),
    Column("time_end", String(10)),
    Column("time_precision", String(12)),
    # How the date was worked out: the method of the time extraction read it by ("absolute",
    # "weekday-on-or-before-anchor", "days-ago", "undated in the text: the days up to its
    # report", ...; `sitrep.read.dating` says each in words). None on events reduced before it.
    Column("time_method", Text),
    Column("casualties", JSON),
    Column("status", String(16), nullable=False),  # single-source/corroborated/contested/denied
    Column("status_reason", Text, nullable=False),
    Column("n_claims", Integer, nullable=False),
    Column("n_origins", Integer, nullable=False),
    Column("origins", JSON, nullable=False),
    # Where the event was first told: its earliest report's date, document and sentence
    # ("2016-08-10|doc_...|000003"), so a day's events list in the order reports told them.
    Column("first_told", String(80)),
)

# When and why an event's status changed (`corroborate.status_history`): a row per change, none
# when a run leaves the status as it was. Kept across re-runs (it is the event's history, not
# derived from its reports now); `was_event` is the id the event had when a re-grouping gave it
# another (a part split off), else the same id.
event_status_changes = Table(
    "event_status_changes",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("event_id", String(40), nullable=False, index=True),
    Column("was_event", String(40), nullable=False),
    Column("old_status", String(16), nullable=False),
    Column("new_status", String(16), nullable=False),
    Column("changed_at", String(32), nullable=False, index=True),
    Column("why", Text, nullable=False),  # "run <run id>", "judgement <id>", "corroboration"
)

# Where corroboration finds the mentions a new one may join without reading the store: one row
# per block a grouped mention sits in (type family and participant, place, toll, document; see
# `corroborate.cluster.block_keys`), with when it happened or was reported. Derived, rebuilt by
# a full re-grouping.
event_blocks = Table(
    "event_blocks",
    metadata,
    Column("key", Text, primary_key=True),
    Column("mention_id", String(40), primary_key=True),
    Column("start", String(10)),  # the happening's first day, when dated
    Column("end", String(10)),
    Column("published", String(10)),  # the report's date
    # How wide its time is: 0 a few days, 1 up to a month, 2 up to a year, 3 a day with no
    # year (`corroborate.blocks.width_class`): each class is looked up with its own margin.
    Column("width", Integer, nullable=False),
    Column("denies", Boolean, nullable=False),  # a denial, dated after what it denies
)
Index("ix_event_blocks_start", event_blocks.c.key, event_blocks.c.width, event_blocks.c.start)
Index("ix_event_blocks_published", event_blocks.c.key, event_blocks.c.published)
Index("ix_event_blocks_mention", event_blocks.c.mention_id)

Index("ix_event_mentions_type_time", event_mentions.c.type, event_mentions.c.time_start)
Index("ix_events_time", events.c.time_start)

# -- relations (roles, affiliations, alliances, presence) -----------------------------------

relation_mentions = Table(
    "relation_mentions",
    metadata,
    Column("id", String(40), primary_key=True),
    # the document that states it; None for the domain pack's own positions and affiliations
    Column("document_id", String(40), index=True),
    Column("relation_id", String(40), index=True),  # set by the relations reduce
    Column("type", String(24), nullable=False),
    Column("subject", JSON, nullable=False),  # {"text", "start", "end", "label", "pack_id"}
    Column("object", JSON, nullable=False),
    Column("subject_entity_id", String(80), index=True),  # set by the relations reduce
    Column("object_entity_id", String(80), index=True),
    Column("title", Text),
    Column("cue", Text, nullable=False),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("how", String(16), nullable=False),  # apposition / copula / title / verb / pack ...
    Column("qualifier", String(24)),  # "new", "former" ...
    Column("time", JSON),
    Column("time_start", String(10)),
    Column("time_end", String(10)),
    Column("time_precision", String(12)),
    Column("ended", Boolean, nullable=False),
    Column("anchor", String(10)),  # the publication date it was read against
    Column("sentence", Integer),
    Column("claim", JSON, nullable=False),  # outlet, chain, stance, hedged, hedges, quote, span
    Column("origin_key", Text),
)

relations = Table(
    "relations",
    metadata,
    Column("id", String(40), primary_key=True),  # stable_id(type, subject entity, object entity)
    Column("type", String(24), nullable=False, index=True),
    Column("subject_entity_id", String(80), nullable=False, index=True),
    Column("object_entity_id", String(80), nullable=False, index=True),
    Column("title", Text),
    Column("time_start", String(10)),
    Column("time_end", String(10)),
    Column("ended", Boolean, nullable=False),
    Column("status", String(16), nullable=False),  # single-source / corroborated / ... / pack
    Column("status_reason", Text, nullable=False),
    Column("n_claims", Integer, nullable=False),
    Column("n_origins", Integer, nullable=False),
    Column("origins", JSON, nullable=False),
    Column("sources", JSON, nullable=False),  # "pack" and/or "reports"
)

# A relation's running totals (`corroborate/relation_aggregate.py`): a later run adds its new
# claims to them rather than counting all the relation's claims again.
relation_aggregates = Table(
    "relation_aggregates",
    metadata,
    Column("relation_id", String(40), primary_key=True),
    Column("state", JSON, nullable=False),
)

# -- the analysts' own bookkeeping -----------------------------------------------------------

# An explorer filter an analyst saved under a name (`sitrep.read.watch`), with when they last
# opened it: what the watchlist counts as new since then. Not data any reader keeps, so writing
# it does not move the store's revision (`Store.bookkeeping`).
watched_views = Table(
    "watched_views",
    metadata,
    Column("analyst", String(80), primary_key=True),  # whose list ("local" for one local user)
    Column("name", String(120), primary_key=True),
    Column("filter", Text, nullable=False),  # the explorer's URL filter, keys in a fixed order
    Column("created_at", String(32), nullable=False),
    Column("seen_at", String(32), nullable=False),  # last opened (saving it is opening it)
)

# The workbench's "Add reports" jobs (`sitrep.read.add_jobs`): each request's inputs, its
# ingest run and what the run reported so far, kept so the list outlives the server and a job
# whose server stopped mid-run is seen as interrupted (its process gone) rather than running
# for ever. The request itself (pasted texts, files) is kept only until the job is done, so an
# interrupted or failed job can be run again. Bookkeeping, not data a reader keeps.
add_jobs = Table(
    "add_jobs",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("analyst", String(80), nullable=False),
    Column("state", String(16), nullable=False),  # running / done / failed / interrupted
    Column("inputs", Integer, nullable=False),  # how many inputs the request gave
    Column("given", JSON, nullable=False),  # the inputs by the names their documents keep
    Column("request", JSON),  # the request's body, until the job is done
    Column("run_id", String(40)),  # its ingest run, once started
    Column("reported", JSON, nullable=False),  # [outcome, origin] pairs written so far
    Column("started_at", String(32), nullable=False, index=True),
    Column("updated_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("seconds", Float),
    Column("error", Text),
    Column("host", String(255), nullable=False),  # the server's machine and process: a job
    Column("pid", Integer, nullable=False),  # whose process is gone was interrupted
    Column("again_of", String(40)),  # the interrupted or failed job this one runs again
    Column("run_again_as", String(40)),  # the job that ran this one's inputs again
)
