"""A country's capital that speaks is its state, a capital is never a person, and the pack's
state forces take the generic names of their states' reports (issue 27a). Sentences and names
written for these tests."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from resolvedstore import resolved_store
from sitrep.corroborate.relations import _minted
from sitrep.pack import load_pack
from sitrep.resolve.generic import GenericBodies
from sitrep.resolve.places import capital_country
from sitrep.settings import get_settings
from sitrep.store import Store, schema

_DOCS = [
    # the tagger took the capital for a person; it speaks, then is a place in the same report
    ("doc_c1", "Ankara warned that the crossing at Kilis would stay shut. Envoys met in Ankara.",
     [("Ankara", "PERSON"), ("Kilis", "GPE"), ("Ankara", "GPE")]),
    # a capital of under a million people, which the world-city rule did not reach
    ("doc_c2", "Washington has accused the militia of shelling Tell Warda.",
     [("Washington", "PERSON"), ("Tell Warda", "GPE")]),
    # a capital that does not speak stays a place, whatever the tagger said
    ("doc_c3", "Crowds gathered outside the embassy as Washington prepared a reply.",
     [("Washington", "PERSON")]),
    # a city that is no capital and speaks: a place still (a governorate's council is not it)
    ("doc_c4", "Mosul said the bridge was repaired.", [("Mosul", "GPE")]),
    # after a preposition the one who speaks is another
    ("doc_c5", "A delegation from Moscow said the talks were over.", [("Moscow", "GPE")]),
    # the pack's state forces: the generic head in a report on each state
    ("doc_c6", "In Homs and Hama the Air Force struck two depots near Aleppo.",
     [("Homs", "GPE"), ("Hama", "GPE"), ("Air Force", "ORG"), ("Aleppo", "GPE")]),
    ("doc_c7", "The Russian Armed Forces moved jets to Latakia.",
     [("Russian Armed Forces", "ORG"), ("Latakia", "GPE")]),
]  # fmt: skip


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return resolved_store(tmp_path_factory.mktemp("capitals") / "c.db", _DOCS)


def _entities(store: Store, document: str, text: str) -> list[str | None]:
    men = schema.mentions
    with store.read() as conn:
        query = men.select().with_only_columns(men.c.entity_id).order_by(men.c.start)
        rows = conn.execute(query.where(men.c.document_id == document, men.c.text == text))
        return [None if r.entity_id is None else str(r.entity_id) for r in rows]


def _type(store: Store, entity_id: str | None) -> str | None:
    ents = schema.entities
    with store.read() as conn:
        query = ents.select().with_only_columns(ents.c.type).where(ents.c.id == entity_id)
        return conn.execute(query).scalar()


def test_the_gazetteer_names_capitals_of_some_size() -> None:
    assert capital_country("Washington") == "US"
    assert capital_country("Damascus") == "SY"
    assert capital_country("Aleppo") is None  # a great city, no capital
    assert capital_country("Stanley") is None  # a dependency's hamlet, and a given name
    assert capital_country("Male") is None  # a common noun


def test_a_capital_that_speaks_is_its_state_and_elsewhere_the_city(resolved: Store) -> None:
    speaks, place = _entities(resolved, "doc_c1", "Ankara")
    assert speaks == "pk_turkey"
    assert place is not None and place.startswith("gn_")


def test_a_smaller_capital_that_speaks_is_its_state(resolved: Store) -> None:
    assert _entities(resolved, "doc_c2", "Washington") == ["pk_united-states"]


def test_a_capital_is_never_a_person(resolved: Store) -> None:
    (found,) = _entities(resolved, "doc_c3", "Washington")
    assert _type(resolved, found) == "place"


def test_a_city_that_is_no_capital_stays_a_place(resolved: Store) -> None:
    (found,) = _entities(resolved, "doc_c4", "Mosul")
    assert found is not None and found.startswith("gn_")


def test_a_capital_after_a_preposition_stays_a_place(resolved: Store) -> None:
    (found,) = _entities(resolved, "doc_c5", "Moscow")
    assert found is not None and found.startswith("gn_")


def test_the_air_force_of_a_report_on_syria_is_syrias(resolved: Store) -> None:
    assert _entities(resolved, "doc_c6", "Air Force") == ["pk_syrian-arab-air-force"]


def test_the_pack_names_russias_armed_forces(resolved: Store) -> None:
    assert _entities(resolved, "doc_c7", "Russian Armed Forces") == ["pk_russian-armed-forces"]


def test_a_relation_never_mints_a_generic_body() -> None:
    generic = GenericBodies(load_pack(get_settings().pack))
    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        schema.metadata.create_all(conn)

        def end(text: str) -> dict[str, object]:
            row = {"text": text, "label": "NP", "start": 0, "end": len(text)}
            return {"type": "member-of", "subject": row}

        assert _minted(conn, end("the Air Force"), "subject", generic) is None
        assert _minted(conn, end("Armed Forces"), "subject", generic) is None
        assert _minted(conn, end("the Warda Border Guard"), "subject", generic) is not None
