"""A capital the extractor read as a party to an event outside the violence family stands for its
state (session 27): "accused Ankara of", "backed by Moscow", "a deal with Tehran". A capital in an
attack's roles stays the city: its roles say nothing of who acts ("shelling of an area outside
Ankara"). Sentences written for these tests, with the events given by hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest

from resolvedstore import doc_result
from sitrep.records import ClaimRecord, EventMention, Extraction, Participant, Role
from sitrep.resolve import run_resolution
from sitrep.store import Store, schema
from sitrep.store.writer import write_batch

# (document, sentence, the mentions the model found, the event: type, trigger, role of the
# capital)
_DOCS = [
    ("doc_p1", "The council accused Ankara of arming the militia.",
     [("Ankara", "GPE")], ("ACCUSE", "accused", "target")),
    ("doc_p2", "The offensive was backed by Moscow last week.",
     [("Moscow", "GPE")], ("SUPPORT", "backed", "actor")),
    ("doc_p3", "The militia signed a deal with Tehran on Monday.",
     [("Tehran", "GPE")], ("COOPERATE", "deal", "counterpart")),
    # an attack's roles: the extractor took the town near the shelling for its actor
    ("doc_p4", "Army shelling of an area outside Ankara killed four.",
     [("Ankara", "GPE")], ("ASSAULT", "shelling", "actor")),
    # a visit's counterpart may be where it is held; a siege's target is the town
    ("doc_p6", "The envoy paid a visit to officials in Moscow.",
     [("Moscow", "GPE")], ("CONSULT", "visit", "counterpart")),
    ("doc_p7", "The militia laid siege to Tehran for a week.",
     [("Tehran", "GPE")], ("COERCE", "siege", "target")),
    # a party, but in apposition to a settlement noun: the city
    ("doc_p5", "The militia signed a deal with the capital Tehran.",
     [("Tehran", "GPE")], ("COOPERATE", "deal", "counterpart")),
]  # fmt: skip


def _event(doc_id: str, text: str, name: str, event: tuple[str, str, str]) -> EventMention:
    kind, trigger, role = event
    start = text.index(name)
    at = text.index(trigger)
    claim = ClaimRecord(
        f"cl_{doc_id}", doc_id, f"evm_{doc_id}", None, (), "asserts", False, (), None,
        0, len(text), 0, text,
    )  # fmt: skip
    party = Participant(cast(Role, role), name, start, start + len(name), "GPE")
    return EventMention(
        f"evm_{doc_id}", doc_id, kind, None, trigger, at, at + len(trigger), 0, (party,),
        None, None, None, False, None, claim,
    )  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path: Path = tmp_path_factory.mktemp("parties") / "p.db"
    store = Store(str(path))
    run_id = store.start_run("test", {})
    results = []
    for doc_id, text, spans, event in _DOCS:
        extraction = Extraction(doc_id, (_event(doc_id, text, spans[0][0], event),))
        results.append(replace(doc_result(doc_id, text, spans), extraction=extraction))
    with store.transaction() as conn:
        write_batch(conn, results, run_id, {})
    run_resolution(store)
    return store


def _entity_type(store: Store, doc_id: str) -> str | None:
    men, ents = schema.mentions, schema.entities
    with store.read() as conn:
        query = (
            ents.select()
            .with_only_columns(ents.c.type)
            .join_from(men, ents, men.c.entity_id == ents.c.id)
            .where(men.c.document_id == doc_id)
        )
        return conn.execute(query).scalar()


@pytest.mark.parametrize("doc_id", ["doc_p1", "doc_p2", "doc_p3"])
def test_a_capital_that_is_a_party_to_a_political_event_is_its_state(
    store: Store, doc_id: str
) -> None:
    assert _entity_type(store, doc_id) == "state"


@pytest.mark.parametrize("doc_id", ["doc_p4", "doc_p5", "doc_p6", "doc_p7"])
def test_a_capital_in_an_attack_a_visit_a_siege_or_apposed_to_a_settlement_stays_the_city(
    store: Store, doc_id: str
) -> None:
    assert _entity_type(store, doc_id) == "place"
