"""The queries that moved into the read model from the API and the exporters (the ego network, an
event's evidence, search by an entity's other spellings, the exports' rows, the dossier export's
citations, the timeline) answer exactly their records (`sitrep.read.records`), on a built store
that has rows of every kind they read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, select, update

from sitrep.read import claims, documents, dossier, ego, entities, events, evidence, network, search
from sitrep.read import records as r
from sitrep.store import Store, schema
from test_api_store_builder import build_store
from test_read_records import conforms


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connection]:
    built = build_store(tmp_path_factory.mktemp("moved") / "store.db")
    _read_with_spans(built.store)
    with built.store.read() as connection:
        yield connection


def _read_with_spans(store: Store) -> None:
    """The builder's event mentions keep no spans; give each the spans an extractor keeps (its
    document's first two mentions as a participant and the place, the trigger as the date's
    words), so the evidence's nested records are read too."""
    em, men = schema.event_mentions, schema.mentions
    with store.transaction() as conn:
        for mention_id, doc, trigger in conn.execute(
            select(em.c.id, em.c.document_id, em.c.trigger)
        ).all():
            found = conn.execute(
                select(men.c.text, men.c.label, men.c.start, men.c.end)
                .where(men.c.document_id == doc)
                .order_by(men.c.start)
            ).all()
            spans = [
                {"role": "actor", "text": t, "label": label, "start": a, "end": b}
                for t, label, a, b in found[:2]
            ]
            time = {"text": trigger, "start": "2020-01-03", "end": "2020-01-03",
                    "precision": "day", "method": "publication date"}  # fmt: skip
            conn.execute(
                update(em)
                .where(em.c.id == mention_id)
                .values(participants=spans, place=spans[-1] if spans else None, time=time)
            )


def answers(conn: Connection) -> Iterator[tuple[str, Any, Any]]:
    everyone = [e["id"] for e in entities.list_entities(conn)]
    for entity_id in everyone:
        network_ = ego.ego_network(conn, entity_id, 2, 30, None, None, network.KINDS)
        yield "ego_network", network_, r.EgoNetwork
        yield (
            "mention_citations",
            dossier.mention_citations(conn, entity_id),
            list[r.MentionCitation],
        )
    for event in events.list_events(conn):
        yield (
            "mention_evidence",
            evidence.mention_evidence(conn, event["id"]),
            list[r.EvidenceMention],
        )
    named = search.named_entities(conn, "Soleimani")
    yield "named_entities", named, list[r.NamedEntity]
    mentioned = search.mentioned_in(conn, [e["id"] for e in named])
    yield "mentioned_in", mentioned, list[r.EntityMentionSpan]
    yield (
        "entities_with_aliases",
        entities.entities_with_aliases(conn),
        dict[str, r.EntityWithAliases],
    )
    yield "claims_by_event", claims.claims_by_event(conn), dict[str, list[r.EventClaim]]
    yield "document_rows", list(documents.document_rows(conn)), list[r.DocumentRow]
    texts = list(documents.document_rows(conn, with_text=True))
    yield "document_rows_with_text", texts, list[r.DocumentRow]
    yield "resolved_mentions", entities.resolved_mentions(conn), list[r.MentionRow]
    yield "dated_events", events.dated_events(conn, events.EventFilter(), 5000), list[r.EventRow]


def test_each_moved_query_answers_exactly_its_record(conn: Connection) -> None:
    problems = []
    for what, answer, record in answers(conn):
        problems += [f"{what}{p}" for p in conforms(answer, record)]
    assert not problems, "\n".join(problems[:20])


def test_the_built_store_fills_what_the_check_reads(conn: Connection) -> None:
    """The check above means something only where each answer has rows, nested ones too."""
    found = {what: answer for what, answer, _ in answers(conn) if answer}
    assert set(found) >= {"ego_network", "mention_citations", "mention_evidence", "named_entities"}
    assert set(found) >= {
        "mentioned_in",
        "entities_with_aliases",
        "dated_events",
        "claims_by_event",
    }
    egos = [a for w, a, _ in answers(conn) if w == "ego_network"]
    edges = [e for n in egos for e in n["edges"]]
    assert any(e["event_list"] for e in edges) and any(e["said"] for e in edges)
    said = [m for w, a, _ in answers(conn) if w == "mention_evidence" for m in a]
    assert any(m["participants"] for m in said) and any(m["claim"] for m in said)
    assert any(m["place"] for m in said) and any(m["time"] and m["time"]["start"] for m in said)
