"""A real SQLite store for the API and web tests: our fixture pages ingested without NLP, then
the rows resolution and corroboration would add (entities, mentions, events, claims) written
with SQLAlchemy Core, with spans found in the stored text so highlights line up."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from sitrep.pipeline import Ingest
from sitrep.records import stable_id
from sitrep.settings import Settings
from sitrep.store import Store, schema

FIXTURES = Path(__file__).parent / "fixtures" / "api"
XSS_COMMENT = '<img src=x onerror=alert("comment")> nice try <script>alert(2)</script>'

ENTITIES: list[dict[str, Any]] = [
    {
        "id": "ent_soleimani",
        "type": "person",
        "name": "Qassem Soleimani",
        "attributes": {
            "positions": [{"value": "commander of the Quds Force", "until": "2020-01-03"}],
            "affiliations": [{"value": "Quds Force", "entity_id": "ent_quds"}],
        },
    },
    {
        "id": "ent_qaani",
        "type": "person",
        "name": "Esmail Qaani",
        "attributes": {"positions": [{"value": "commander of the Quds Force", "since": "2020-01"}]},
    },
    {"id": "ent_quds", "type": "group", "name": "Quds Force", "attributes": {}},
    {"id": "ent_kremlin", "type": "group", "name": "Kremlin", "attributes": {}},
    {
        "id": "ent_aleppo",
        "type": "place",
        "name": "Aleppo",
        "country": "SY",
        "lat": 36.2,
        "lon": 37.16,
        "precision": "city",
        "attributes": {},
    },
    {
        "id": "ent_baghdad",
        "type": "place",
        "name": "Baghdad",
        "country": "IQ",
        "lat": 33.34,
        "lon": 44.4,
        "precision": "city",
        "attributes": {},
    },
    {
        "id": "ent_russia",
        "type": "place",
        "name": "Russia",
        "country": "RU",
        "lat": 61.5,
        "lon": 105.3,
        "precision": "country",
        "attributes": {},
    },
]
# (document title word, mention text, label, entity id)
MENTIONS = [
    ("Aleppo", "Quds Force", "ORG", "ent_quds"),
    ("Aleppo", "Esmail Qaani", "PERSON", "ent_qaani"),
    ("Aleppo", "Aleppo", "GPE", "ent_aleppo"),
    ("Baghdad", "Baghdad", "GPE", "ent_baghdad"),
    ("Baghdad", "Qassem Soleimani", "PERSON", "ent_soleimani"),
    ("Baghdad", "Quds Force", "ORG", "ent_quds"),
    ("Moscow", "Kremlin", "ORG", "ent_kremlin"),
    ("Moscow", "Qassem Soleimani", "PERSON", "ent_soleimani"),
    ("Moscow", "Moscow", "GPE", "ent_russia"),
]
# event id, type, document word, trigger, status, place, time, participants, stances
EVENTS = [
    (
        "evt_visit",
        "CONSULT",
        "Aleppo",
        "visited",
        "corroborated",
        "ent_aleppo",
        "2020-03-01",
        [("actor", "ent_qaani", "Esmail Qaani")],
        ["reports"],
    ),
    (
        "evt_strike",
        "ASSAULT",
        "Baghdad",
        "strike",
        "single-source",
        "ent_baghdad",
        "2020-01-03",
        [("target", "ent_soleimani", "Qassem Soleimani")],
        ["asserts"],
    ),
    (
        "evt_moscow",
        "CONSULT",
        "Moscow",
        "travelled",
        "contested",
        "ent_russia",
        "2015-07",
        [("actor", "ent_soleimani", "Qassem Soleimani")],
        ["denies"],
    ),
]


@dataclass
class Built:
    store: Store
    docs: dict[str, str] = field(default_factory=dict)  # title word -> document id


def copy_store(template: Path, dest: Path) -> Built:
    """A fresh copy of a built store (building costs seconds; copying a file does not)."""
    source = Store(str(template))
    with source.read() as conn:
        rows = conn.execute(select(schema.documents.c.id, schema.documents.c.title)).all()
    source.close()
    shutil.copyfile(template, dest)
    built = Built(Store(str(dest)))
    for doc_id, title in rows:
        built.docs[next(w for w in ("Aleppo", "Baghdad", "Moscow") if w in title)] = doc_id
    return built


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    while start < len(text):
        end = text.find(". ", start)
        end = len(text) if end < 0 else end + 1
        spans.append((start, end))
        start = end + 1
    return spans


def _sentence_of(spans: list[tuple[int, int]], offset: int) -> int:
    return next(i for i, (s, e) in enumerate(spans) if s <= offset < e)


def build_store(path: Path) -> Built:
    store = Store(str(path))
    Ingest(store, Settings(), use_nlp=False).run([str(FIXTURES)])
    built = Built(store)
    with store.transaction() as conn:
        docs = conn.execute(
            select(schema.documents.c.id, schema.documents.c.title, schema.documents.c.text)
        ).all()
        texts = {}
        for doc_id, title, text in docs:
            word = next(w for w in ("Aleppo", "Baghdad", "Moscow") if w in title)
            built.docs[word] = doc_id
            texts[word] = text
            rows = [
                {"document_id": doc_id, "idx": i, "start": s, "end": e, "text": text[s:e]}
                for i, (s, e) in enumerate(_sentences(text))
            ]
            conn.execute(insert(schema.sentences), rows)
        _entities(conn)
        _mentions(conn, built, texts)
        _events(conn, built, texts)
        conn.execute(
            insert(schema.comments).values(
                id="cmt_xss",
                document_id=built.docs["Moscow"],
                ordinal=0,
                author="troll",
                posted="2015-07-20",
                text=XSS_COMMENT,
                user_generated=True,
            )
        )
    store.close()
    return Built(Store(str(path)), built.docs)


def _entities(conn: Any) -> None:
    for entity in ENTITIES:
        conn.execute(insert(schema.entities).values(created_by="rule", **entity))
    conn.execute(
        insert(schema.entity_aliases).values(
            entity_id="ent_soleimani", alias="Suleimani", source="pack"
        )
    )


def _mentions(conn: Any, built: Built, texts: dict[str, str]) -> None:
    for word, mention, label, entity_id in MENTIONS:
        text = texts[word]
        start = text.find(mention)
        assert start >= 0, (word, mention)
        conn.execute(
            insert(schema.mentions).values(
                id=stable_id("men", built.docs[word], start),
                document_id=built.docs[word],
                sentence=_sentence_of(_sentences(text), start),
                start=start,
                end=start + len(mention),
                text=mention,
                label=label,
                source="model",
                entity_id=entity_id,
                resolution="fixture",
            )
        )


def _events(conn: Any, built: Built, texts: dict[str, str]) -> None:
    for event_id, etype, word, trigger, status, place, when, people, stances in EVENTS:
        doc_id, text = built.docs[word], texts[word]
        start = text.find(trigger)
        sentence = _sentence_of(_sentences(text), start)
        participants = [{"role": r, "entity_id": e, "name": n} for r, e, n in people]
        conn.execute(
            insert(schema.events).values(
                id=event_id,
                type=etype,
                summary=f"{people[0][2]} {trigger}",
                participants=participants,
                place_entity_id=place,
                time_start=when,
                time_precision="day" if len(when) == 10 else "month",
                status=status,
                status_reason="fixture",
                n_claims=len(stances),
                n_origins=len(stances),
                origins=[doc_id],
            )
        )
        mention_id = f"em_{event_id}"
        conn.execute(
            insert(schema.event_mentions).values(
                id=mention_id,
                document_id=doc_id,
                event_id=event_id,
                type=etype,
                trigger=trigger,
                trigger_start=start,
                trigger_end=start + len(trigger),
                sentence=sentence,
                participants=[],
                negated=False,
            )
        )
        s, e = _sentences(text)[sentence]
        for n, stance in enumerate(stances):
            conn.execute(
                insert(schema.claims).values(
                    id=f"clm_{event_id}_{n}",
                    document_id=doc_id,
                    event_mention_id=mention_id,
                    outlet="Fixture Wire",
                    chain=[{"name": "Fixture Wire", "kind": "outlet"}],
                    stance=stance,
                    hedged=False,
                    hedges=[],
                    start=s,
                    end=e,
                    sentence=sentence,
                    sentence_text=text[s:e],
                    origin_key=doc_id,
                )
            )


def test_builder_makes_a_consistent_store(tmp_path: Path) -> None:
    built = build_store(tmp_path / "s.db")
    assert len(built.docs) == 3
    assert built.store.count(schema.mentions) == len(MENTIONS)
    assert built.store.count(schema.claims) == 3
