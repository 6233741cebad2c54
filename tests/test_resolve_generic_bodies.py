"""A generic body's name ("Army", "Armed Forces") names the body of the state the report
means, or nothing (issue 26a); and acronyms spelt with other letters are other entities.
Sentences and names written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from resolvedstore import resolved_store
from sitrep.pack import load_pack
from sitrep.read.entities import entities_named
from sitrep.resolve.generic import GenericBodies, owner_word
from sitrep.settings import get_settings
from sitrep.store import Store, schema

_DOCS = [
    # the report names the Syrian army in full, then writes "Army" alone
    ("doc_g1", "The Syrian army shelled Tell Warda. Army units then entered Tell Warda.",
     [("Syrian army", "ORG"), ("Army", "ORG")]),
    # a report on Syria alone: its army
    ("doc_g2", "In Homs and Hama the Army opened the road to Damascus.",
     [("Homs", "GPE"), ("Hama", "GPE"), ("Army", "ORG"), ("Damascus", "GPE")]),
    # an owner word that is no state: whose, the name does not say
    ("doc_g3", "Near Homs the coalition's Armed Forces struck a depot in Hama.",
     [("Homs", "GPE"), ("Armed Forces", "ORG"), ("Hama", "GPE")]),
    # a state named after "of the": Turkey's, not the report's Syria
    ("doc_g4", "In Aleppo and Idlib the Armed Forces of the Republic of Turkey advanced.",
     [("Aleppo", "GPE"), ("Idlib", "GPE"), ("Armed Forces of the", "ORG"),
      ("Republic of Turkey", "GPE")]),
    # two countries as much: no guess
    ("doc_g5", "Envoys from Turkey and Iraq met as the Army waited.",
     [("Turkey", "GPE"), ("Iraq", "GPE"), ("Army", "ORG")]),
    # two acronyms whose phonetic keys are one ("u")
    ("doc_g6", "The EU sent aid to Homs.", [("EU", "ORG"), ("Homs", "GPE")]),
    ("doc_g7", "The OA sent aid to Hama.", [("OA", "ORG"), ("Hama", "GPE")]),
    # a report ties two letters to a name in brackets; another writes the letters alone
    ("doc_g8", "The Tellian Union (TU) sent envoys to Homs.",
     [("Tellian Union", "ORG"), ("TU", "ORG"), ("Homs", "GPE")]),
    ("doc_g9", "The TU said the road was open.", [("TU", "ORG")]),
    # the same letters, no report ties them
    ("doc_g10", "The Warda Union sent aid to Hama.", [("Warda Union", "ORG"), ("Hama", "GPE")]),
    ("doc_g11", "The WU said so.", [("WU", "ORG")]),
]  # fmt: skip


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return resolved_store(tmp_path_factory.mktemp("generic") / "g.db", _DOCS)


def _entity(store: Store, document: str, text: str) -> str | None:
    men = schema.mentions
    with store.read() as conn:
        query = men.select().with_only_columns(men.c.entity_id)
        row = conn.execute(query.where(men.c.document_id == document, men.c.text == text)).one()
        return None if row.entity_id is None else str(row.entity_id)


def test_a_generic_name_after_the_full_name_is_that_body(resolved: Store) -> None:
    assert _entity(resolved, "doc_g1", "Army") == "pk_syrian-arab-army"


def test_a_generic_name_in_a_report_on_one_state_is_its_body(resolved: Store) -> None:
    assert _entity(resolved, "doc_g2", "Army") == "pk_syrian-arab-army"


def test_a_generic_name_owned_by_no_state_is_left_unresolved(resolved: Store) -> None:
    assert _entity(resolved, "doc_g3", "Armed Forces") is None


def test_a_state_named_after_of_the_owns_the_name(resolved: Store) -> None:
    assert _entity(resolved, "doc_g4", "Armed Forces of the") == "pk_turkish-armed-forces"


def test_no_guess_between_two_states(resolved: Store) -> None:
    assert _entity(resolved, "doc_g5", "Army") is None


def test_acronyms_with_one_phonetic_key_are_two_entities(resolved: Store) -> None:
    eu, oa = _entity(resolved, "doc_g6", "EU"), _entity(resolved, "doc_g7", "OA")
    assert eu and oa and eu != oa


def test_an_acronym_a_report_ties_to_a_name_is_that_name(resolved: Store) -> None:
    union = _entity(resolved, "doc_g8", "Tellian Union")
    assert _entity(resolved, "doc_g8", "TU") == union
    assert _entity(resolved, "doc_g9", "TU") == union  # a later report, by the alias
    assert _entity(resolved, "doc_g11", "WU") != _entity(resolved, "doc_g10", "Warda Union")
    with resolved.read() as conn:  # the read layer finds the name by the letters
        assert entities_named(conn, "TU") == {union}


def test_the_pack_says_which_names_are_generic() -> None:
    bodies = GenericBodies(load_pack(get_settings().pack))
    assert bodies.head("the Army") == "army"
    assert bodies.head("Armed Force") == "armed forces"
    assert bodies.head("Republican Guard") == ""  # a pack name of its own, no generic one
    assert bodies.state_of("Turkeys") == "TR" and bodies.state_of("Assads") is None
    assert bodies.state_of("Republic of Turkey advanced") == "TR"


@pytest.mark.parametrize(
    ("text", "name", "owner"),
    [
        ("Then Turkeys Army moved.", "Army", "Turkeys"),
        ("Then the Army moved.", "Army", ""),
        ("We asked what my Ministry of Defence thinks.", "Ministry of Defence", "my"),
        ("Shelling. Army units moved.", "Army", ""),  # another sentence's word
        ("The Armed Forces of Iraq moved.", "Armed Forces", "Iraq moved"),  # state_of reads it
    ],
)
def test_the_word_that_says_whose(text: str, name: str, owner: str) -> None:
    start = text.index(name)
    assert owner_word(text, start, start + len(name)) == owner


def test_the_dominant_country_owns_a_generic_name_only_without_a_rival() -> None:
    # A report mostly on Syria that also names Russia: its "Defense Ministry" may be Russia's.
    generic = GenericBodies(load_pack(get_settings().pack))
    alone = generic.owner("defense ministry", "", (), set(), Counter({"SY": 5}))
    assert alone[0] == "syria-ministry-of-defence"
    rival = generic.owner("defense ministry", "", (), set(), Counter({"SY": 5, "RU": 2}))
    assert rival[0] is None
    # a country with no such body is no rival ("Jordan" beside Syria)
    other = generic.owner("defense ministry", "", (), set(), Counter({"SY": 5, "JO": 2}))
    assert other[0] == "syria-ministry-of-defence"
