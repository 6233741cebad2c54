"""A participant shows the type resolution gave its mention, not the tagger's stale label: the
read layer (evidence, the event's and the document's event mentions), the API and the JSONL
export agree. Sentences and names written for sitrep."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import insert

from sitrep.api import create_app
from sitrep.export import export
from sitrep.read.documents import findings
from sitrep.read.events import event_mentions
from sitrep.read.evidence import mention_evidence
from sitrep.read.participants import shown_type
from sitrep.store import Store, schema

TEXT = "Shelling hit Kafr Selim on Monday, and Omar Haddad said the Dawn Brigade fired."
EVENT = "evt_kafr_selim"


def _span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _reading(role: str, words: str, label: str) -> dict[str, Any]:
    start, end = _span(words)
    return {"role": role, "text": words, "start": start, "end": end, "label": label}


def _build(store: Store) -> str:
    """One document whose event mention's target the tagger read as a PERSON while resolution
    linked it to a place; the actor ("Dawn Brigade", ORG) stays unlinked."""
    run = store.start_run("test", {})
    doc = "doc_kafr_selim"
    with store.transaction() as conn:
        conn.execute(
            insert(schema.documents).values(
                id=doc, origin="test", format="text", text=TEXT, word_count=14, removed=[],
                fields={}, run_id=run, ingested_at="2026-01-01T00:00:00",
            )
        )  # fmt: skip
        conn.execute(
            insert(schema.entities).values(
                id="ent_kafr_selim", type="place", name="Kafr Selim", attributes={},
                created_by="rule",
            )
        )  # fmt: skip
        conn.execute(
            insert(schema.entities).values(
                id="ent_selim_district", type="place", name="Selim district", attributes={},
                created_by="rule",
            )
        )  # fmt: skip
        start, end = _span("Kafr Selim")
        conn.execute(
            insert(schema.mentions).values(
                id="men_kafr_selim", document_id=doc, sentence=0, start=start, end=end,
                text="Kafr Selim", label="PERSON", source="model", entity_id="ent_kafr_selim",
                resolution="test",
            )
        )  # fmt: skip
        conn.execute(
            insert(schema.events).values(
                id=EVENT, type="attack", summary="Shelling of Kafr Selim",
                participants=[{"role": "target", "entity_id": "ent_kafr_selim",
                               "name": "Kafr Selim"}],
                status="single", status_reason="test", n_claims=0, n_origins=1, origins=[doc],
            )
        )  # fmt: skip
        t_start, t_end = _span("Shelling")
        conn.execute(
            insert(schema.event_mentions).values(
                id="em_kafr_selim", document_id=doc, event_id=EVENT, type="attack",
                trigger="Shelling", trigger_start=t_start, trigger_end=t_end, sentence=0,
                participants=[_reading("target", "Kafr Selim", "PERSON"),
                              _reading("actor", "Dawn Brigade", "ORG")],
                place=_reading("place", "Kafr Selim", "PERSON"),
                place_entity_id="ent_selim_district", negated=False,
            )
        )  # fmt: skip
    return doc


def _by_role(participants: list[Any]) -> dict[str, Any]:
    return {p["role"]: p for p in participants}


def test_the_entity_type_wins_over_the_label_and_an_unlinked_one_keeps_its_label() -> None:
    assert shown_type("place", "PERSON") == "place"
    assert shown_type(None, "ORG") == "ORG"
    assert shown_type(None, None) is None


def test_read_layer_shows_the_resolved_type_and_keeps_the_label(store: Store) -> None:
    doc = _build(store)
    with store.read() as conn:
        evidence = mention_evidence(conn, EVENT)
        mentions = event_mentions(conn, EVENT)
        in_document = findings(conn, doc)["event_mentions"]
    for participants in (
        evidence[0]["participants"],
        mentions[0]["participants"],
        in_document[0]["participants"],
    ):
        target, actor = _by_role(participants)["target"], _by_role(participants)["actor"]
        assert (target["type"], target["tagged_as"]) == ("place", "PERSON")
        assert target["entity_id"] == "ent_kafr_selim"
        assert (actor["type"], actor["tagged_as"], actor["entity_id"]) == ("ORG", "ORG", None)
        assert "label" not in target
    # the place the event mention names itself wins over its span's entity
    place = evidence[0]["place"]
    assert place is not None
    assert (place["entity_id"], place["type"], place["tagged_as"]) == (
        "ent_selim_district", "place", "PERSON",
    )  # fmt: skip


def test_api_evidence_and_event_show_the_resolved_type(store: Store) -> None:
    _build(store)
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        evidence = client.get(f"/api/events/{EVENT}/evidence").json()
        event = client.get(f"/api/events/{EVENT}").json()
        explored = client.get("/api/explore/events").json()
    target = _by_role(evidence["mentions"][0]["participants"])["target"]
    assert (target["type"], target["tagged_as"]) == ("place", "PERSON")
    assert _by_role(event["mentions"][0]["participants"])["target"]["type"] == "place"
    assert _by_role(event["participants"])["target"]["entity_type"] == "place"
    assert _by_role(explored["items"][0]["actors"])["target"]["entity_type"] == "place"


def test_jsonl_export_gives_each_participant_its_entity_type(store: Store, tmp_path: Path) -> None:
    _build(store)
    path = tmp_path / "out.jsonl"
    export(store, "jsonl", path, text=False)
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    event = next(r for r in lines if r["kind"] == "event")
    assert event["participants"] == [
        {"role": "target", "entity_id": "ent_kafr_selim", "name": "Kafr Selim",
         "entity_type": "place"}
    ]  # fmt: skip
