"""A small, real sitrep store for tests: ingested articles plus entities, mentions and events.

The articles are our own sentences restating public reporting. They go through the real ingest
(acquire → clean → store, without NLP); the rows that resolution and corroboration would add
(entities, aliases, sentences, mentions, event mentions, claims, events) are inserted directly
with SQLAlchemy Core, with offsets computed against the stored document text.

    from storefixtures import build_store
    built = build_store(store, tmp_path)   # -> Built: doc ids by key, entity and event ids
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from sitrep.pipeline import Ingest
from sitrep.records import stable_id
from sitrep.settings import Settings
from sitrep.store import Store, insert_ignore, schema

# Sentences are joined with a space into each article's body; entity names found in them
# become mentions. The denial carries markup, to prove exports quote it inertly.
SCRIPT = "<script>alert('x')</script>"
ARTICLES: dict[str, dict[str, Any]] = {
    "visit": {
        "title": "Quds Force chief visits the Aleppo front",
        "url": "https://example.org/news/ghaani-aleppo",
        "date": "2020-03-10",
        "source": "Example Masdar",
        "sentences": [
            "Esmail Ghaani, the commander of the Quds Force, visited the front south-west of "
            "Aleppo on Sunday, a Syrian committee member said.",
            "It was reportedly his first trip to Syria since he took over the force in January.",
        ],
    },
    "visit-wire": {
        "title": "Iran's Ghaani seen near Aleppo",
        "url": "https://example.net/wire/ghaani",
        "date": "2020-03-11",
        "source": "Example Wire",
        "sentences": [
            "Esmail Ghaani toured positions near Aleppo, two officials in Damascus said.",
            "The Islamic Revolutionary Guard Corps did not comment on the visit.",
        ],
    },
    "strike": {
        "title": "Air strike hits the T4 air base",
        "url": "https://example.com/daily/t4-strike",
        "date": "2018-04-10",
        "source": "Example Daily",
        "sentences": [
            "An air strike hit the T4 air base in Homs province, killing seven members of the "
            "Islamic Revolutionary Guard Corps, a monitoring group said.",
            "Israel did not comment on the strike.",
        ],
    },
    "denial": {
        "title": "Tehran denies losses at T4",
        "url": "javascript:alert('not a link')",
        "date": "2018-04-11",
        "source": "Example Agency",
        "sentences": [
            "An Iranian official denied that members of the Islamic Revolutionary Guard Corps "
            f"were killed at the T4 base, calling the reports {SCRIPT} lies.",
        ],
    },
}

ENTITIES: list[dict[str, Any]] = [
    {"id": "esmail-ghaani", "type": "person", "name": "Esmail Ghaani", "country": "IR",
     "aliases": ["Ismail Qaani", "Ghaani", SCRIPT],
     "attributes": {"positions": [{"title": "Commander", "org": "quds-force",
                                   "start": "2020-01-03", "source": "pack"}],
                    "affiliations": [{"org": "irgc", "relation": "member-of"}]}},
    {"id": "quds-force", "type": "group", "name": "Quds Force", "country": "IR",
     "aliases": ["Qods Force"],
     "attributes": {"affiliations": [{"org": "irgc", "relation": "part-of"}]}},
    {"id": "irgc", "type": "state_body", "name": "Islamic Revolutionary Guard Corps",
     "country": "IR", "aliases": ["IRGC", "Revolutionary Guards"], "attributes": {}},
    {"id": "israel", "type": "state", "name": "Israel", "country": "IL", "aliases": [],
     "attributes": {}},
    {"id": "example-wire", "type": "media", "name": "Example Wire", "aliases": [],
     "attributes": {"scale": "International"}},
    {"id": "geo-aleppo", "type": "place", "name": "Aleppo", "country": "SY", "lat": 36.20124,
     "lon": 37.16117, "precision": "city", "geonames_id": 170063, "aliases": [],
     "attributes": {"admin1": "Aleppo"}},
    {"id": "geo-homs", "type": "place", "name": "Homs Governorate", "country": "SY", "lat": 34.7,
     "lon": 37.9, "precision": "region", "geonames_id": 169575, "aliases": [],
     "attributes": {"admin1": "Homs"}},
]  # fmt: skip

# Which entity each name in the articles resolves to (for mention rows).
MENTION_NAMES = {
    "Esmail Ghaani": "esmail-ghaani",
    "Ghaani": "esmail-ghaani",
    "Quds Force": "quds-force",
    "Islamic Revolutionary Guard Corps": "irgc",
    "Israel": "israel",
    "Aleppo": "geo-aleppo",
}

# (key, type, mode, summary, participants, place, time, casualties, status, claims)
# claims: (article key, sentence index, stance, hedged)
EVENTS: list[dict[str, Any]] = [
    {"key": "visit", "type": "CONSULT", "mode": "visit",
     "summary": "Esmail Ghaani visits the front near Aleppo",
     "participants": [("actor", "esmail-ghaani"), ("actor", "quds-force")],
     "place": "geo-aleppo", "time": ("2020-03-08", "2020-03-08", "day"), "casualties": None,
     "status": "corroborated",
     "claims": [("visit", 0, "reports", False), ("visit-wire", 0, "reports", False)]},
    {"key": "strike", "type": "ASSAULT", "mode": "air-strike",
     "summary": f"Air strike on the T4 base kills IRGC members {SCRIPT}",
     "participants": [("actor", None), ("target", "irgc"), ("counterpart", "israel")],
     "place": "geo-homs", "time": ("2018-04-01", "2018-04-30", "month"),
     "casualties": {"killed": 7, "text": "killing seven"}, "status": "contested",
     "claims": [("strike", 0, "reports", True), ("denial", 0, "denies", False)]},
    {"key": "comment", "type": "SUPPORT", "mode": None,
     "summary": "The IRGC stays silent on the Aleppo visit",
     "participants": [("actor", "irgc")], "place": None, "time": None, "casualties": None,
     "status": "single-source", "claims": [("visit-wire", 1, "reports", False)]},
]  # fmt: skip


@dataclass
class Built:
    docs: dict[str, str]  # article key -> document id
    texts: dict[str, str]  # document id -> stored text
    events: dict[str, str]  # event key -> event id


def write_articles(
    folder: Path, keys: list[str] | None = None, name: str = "articles.jsonl"
) -> Path:
    """The articles as a JSON-lines input file (one row per article)."""
    path = folder / name
    with path.open("w", encoding="utf-8") as out:
        for key in keys or list(ARTICLES):
            a = ARTICLES[key]
            row = {k: a[k] for k in ("title", "url", "date", "source")}
            out.write(json.dumps({**row, "text": " ".join(a["sentences"])}) + "\n")
    return path


def ingest(store: Store, *paths: Path) -> None:
    Ingest(store, Settings(), use_nlp=False).run([str(p) for p in paths])


def _stored(conn: Connection) -> tuple[dict[str, str], dict[str, str]]:
    docs = schema.documents
    rows = conn.execute(select(docs.c.id, docs.c.title, docs.c.text)).all()
    by_title = {title: doc_id for doc_id, title, _ in rows}
    ids = {key: by_title[a["title"]] for key, a in ARTICLES.items() if a["title"] in by_title}
    return ids, {doc_id: body for doc_id, _, body in rows}


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _sentences(docs: dict[str, str], texts: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for key, doc_id in docs.items():
        for index, sentence in enumerate(ARTICLES[key]["sentences"]):
            start, end = _span(texts[doc_id], sentence)
            rows.append({"document_id": doc_id, "idx": index, "start": start, "end": end,
                         "text": sentence})  # fmt: skip
    return rows


def _mentions(docs: dict[str, str], texts: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for key, doc_id in docs.items():
        for index, sentence in enumerate(ARTICLES[key]["sentences"]):
            offset = texts[doc_id].index(sentence)
            for name, entity_id in MENTION_NAMES.items():
                at = sentence.find(name)
                if at < 0 or (name == "Ghaani" and "Esmail Ghaani" in sentence):
                    continue
                start = offset + at
                rows.append({
                    "id": stable_id("men", doc_id, start, start + len(name), "X"),
                    "document_id": doc_id, "sentence": index, "start": start,
                    "end": start + len(name), "text": name, "label": "X", "title": None,
                    "source": "alias", "pack_id": entity_id, "entity_id": entity_id,
                    "resolution": "fixture",
                })  # fmt: skip
    return rows


def _entity_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    columns = {c.name for c in schema.entities.c}
    rows, aliases = [], []
    for spec in ENTITIES:
        row = {c: spec.get(c) for c in columns}
        rows.append({**row, "pack_id": spec["id"], "created_by": "pack"})
        aliases += [
            {"entity_id": spec["id"], "alias": a, "source": "pack"} for a in spec["aliases"]
        ]
    return rows, aliases


def _event_rows(
    docs: dict[str, str], texts: dict[str, str]
) -> tuple[list[Any], list[Any], list[Any]]:
    names = {e["id"]: e["name"] for e in ENTITIES}
    events, mentions, claims = [], [], []
    for spec in EVENTS:
        event_id = stable_id("evt", spec["key"])
        start, end, precision = spec["time"] or (None, None, "unresolved")
        parts = [{"role": r, "entity_id": e, "name": names.get(e or "", "unknown aircraft")}
                 for r, e in spec["participants"]]  # fmt: skip
        common = {"type": spec["type"], "mode": spec["mode"], "participants": parts,
                  "place_entity_id": spec["place"], "time_start": start, "time_end": end,
                  "time_precision": precision, "casualties": spec["casualties"]}  # fmt: skip
        origins = sorted({ARTICLES[k]["source"] for k, *_ in spec["claims"]})
        events.append({**common, "id": event_id, "summary": spec["summary"],
                       "place": {"text": names[spec["place"]]} if spec["place"] else
                       {"text": "eastern Syria", "precision": "region"},
                       "status": spec["status"], "status_reason": f"fixture: {spec['status']}",
                       "n_claims": len(spec["claims"]), "n_origins": len(origins),
                       "origins": origins})  # fmt: skip
        for key, index, stance, hedged in spec["claims"]:
            doc_id, sentence = docs[key], ARTICLES[key]["sentences"][index]
            s_start, s_end = _span(texts[doc_id], sentence)
            mention_id = stable_id("evm", doc_id, event_id, index)
            mentions.append({**common, "id": mention_id, "document_id": doc_id,
                             "event_id": event_id, "trigger": spec["mode"] or "comment",
                             "trigger_start": s_start, "trigger_end": s_start + 1,
                             "sentence": index, "place": None, "time": None,
                             "negated": stance == "denies", "modality": None})  # fmt: skip
            claims.append({"id": stable_id("clm", mention_id), "document_id": doc_id,
                           "event_mention_id": mention_id, "outlet": ARTICLES[key]["source"],
                           "chain": [{"name": ARTICLES[key]["source"], "kind": "outlet"}],
                           "stance": stance, "hedged": hedged,
                           "hedges": ["reportedly"] if hedged else [], "quote": None,
                           "start": s_start, "end": s_end, "sentence": index,
                           "sentence_text": sentence, "origin_key": ARTICLES[key]["source"],
                           "analyst_mark": None})  # fmt: skip
    return events, mentions, claims


def add_graph(store: Store) -> Built:
    """Insert entities, aliases, sentences, mentions, events and claims for the articles."""
    with store.transaction() as conn:
        docs, texts = _stored(conn)
        entity_rows, alias_rows = _entity_rows()
        insert_ignore(conn, schema.entities, entity_rows)
        insert_ignore(conn, schema.entity_aliases, alias_rows)
        insert_ignore(conn, schema.sentences, _sentences(docs, texts))
        insert_ignore(conn, schema.mentions, _mentions(docs, texts))
        events, mentions, claims = _event_rows(docs, texts)
        insert_ignore(conn, schema.events, events)
        insert_ignore(conn, schema.event_mentions, mentions)
        insert_ignore(conn, schema.claims, claims)
    return Built(docs, texts, {e["key"]: stable_id("evt", e["key"]) for e in EVENTS})


def build_store(store: Store, folder: Path) -> Built:
    """Ingest every article (no NLP), then add the resolved and corroborated rows."""
    ingest(store, write_articles(folder))
    return add_graph(store)


def id_snapshot(store: Store) -> dict[str, list[str]]:
    """What must be identical between two stores built from the same inputs: every record's id."""
    tables = {
        "documents": schema.documents.c.id,
        "comments": schema.comments.c.id,
        "mentions": schema.mentions.c.id,
        "entities": schema.entities.c.id,
        "event_mentions": schema.event_mentions.c.id,
        "events": schema.events.c.id,
        "claims": schema.claims.c.id,
        "near_duplicates": schema.documents.c.duplicate_of,
    }
    with store.read() as conn:
        return {
            name: sorted(str(v) for v in conn.execute(select(column)).scalars())
            for name, column in tables.items()
        }


def add_report(
    store: Store,
    folder: Path,
    title: str,
    sentence: str,
    event: dict[str, Any],
) -> str:
    """Ingest one more article of one sentence, then what corroboration would add for it: one
    event mention and its claim, in the event `event` names by its `id` (a new event is written
    with the fields given; a known one only gains the mention). Returns the document's id."""
    path = folder / f"{stable_id('art', title)}.jsonl"
    row = {"title": title, "url": f"https://example.org/more/{stable_id('u', title)}",
           "date": "2020-05-02", "source": "Example Later", "text": sentence}  # fmt: skip
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    ingest(store, path)
    fields = ("type", "mode", "participants", "place_entity_id", "time_start", "time_end",
              "time_precision", "casualties")  # fmt: skip
    common = {k: event.get(k) for k in fields}
    with store.transaction() as conn:
        doc_id = conn.execute(
            select(schema.documents.c.id).where(schema.documents.c.title == title)
        ).scalar_one()
        text = conn.execute(
            select(schema.documents.c.text).where(schema.documents.c.id == doc_id)
        ).scalar_one()
        start = text.index(sentence)
        known = conn.execute(
            select(schema.events.c.id).where(schema.events.c.id == event["id"])
        ).first()
        if known is None:
            insert_ignore(conn, schema.events, [{
                **common, "id": event["id"], "summary": event["summary"],
                "place": None, "status": "single-source", "status_reason": "fixture",
                "n_claims": 1, "n_origins": 1, "origins": ["Example Later"],
            }])  # fmt: skip
        mention_id = stable_id("evm", doc_id, event["id"], 0)
        insert_ignore(conn, schema.event_mentions, [{
            **common, "id": mention_id, "document_id": doc_id, "event_id": event["id"],
            "trigger": "visit", "trigger_start": start, "trigger_end": start + 1, "sentence": 0,
            "place": None, "time": None, "negated": False, "modality": None,
        }])  # fmt: skip
        insert_ignore(conn, schema.claims, [{
            "id": stable_id("clm", mention_id), "document_id": doc_id,
            "event_mention_id": mention_id, "outlet": "Example Later",
            "chain": [{"name": "Example Later", "kind": "outlet"}], "stance": "reports",
            "hedged": False, "hedges": [], "quote": None, "start": start,
            "end": start + len(sentence), "sentence": 0, "sentence_text": sentence,
            "origin_key": "Example Later", "analyst_mark": None,
        }])  # fmt: skip
    return str(doc_id)
