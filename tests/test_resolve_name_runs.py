"""Names run together without commas (FA-KES drops them): one actor per run, and no list of
places kept as an entity's alias. The sentences are our own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from resolvedstore import resolved_store
from sitrep.pack import load_pack
from sitrep.read.entities import entities_with_aliases
from sitrep.read.entities import list_entities as search_entities
from sitrep.resolve import list_entities
from sitrep.resolve.retype import Retyper
from sitrep.resolve.split_eval import split_report
from sitrep.settings import get_settings
from sitrep.store import Store


@pytest.fixture(scope="module")
def retyper() -> Retyper:
    return Retyper(load_pack())


@pytest.mark.parametrize(
    ("text", "label", "want_label", "want_name"),
    [
        ("Hama Nusra Front", "ORG", "ORG", "Nusra Front"),  # a dateline run into the group
        ("Syria Jabhat al-Nusra", "LOC", "ORG", "Jabhat al-Nusra"),  # a group typed place
        ("Jabhat al-Nusra Al-Qaeda", "ORG", "ORG", "Jabhat al-Nusra"),  # two groups: the first
        ("Nusra Front Commanders", "PERSON", "ORG", "Nusra Front"),  # a noun after a group
        ("Homs Reuters", "ORG", "ORG", "Reuters"),  # a dateline before an outlet
        ("Jordan Lebanon", "LOC", "LOC", "Jordan"),  # two states: a list, the first
        ("Nusra Front Idlibs", "ORG", "ORG", "Nusra Front"),  # a possessive whose stem is a run
        ("Latakia Damascus", "PERSON", "GPE", "Latakia"),  # places typed a person: the first
        ("Nusra Front Offensive", "ORG", "ORG", "Nusra Front"),  # the group's act (an event
        ("Hezbollah Shelling", "LOC", "ORG", "Hezbollah"),  # noun) after it in a headline
    ],
)
def test_a_run_of_names_is_read_as_its_actor(
    retyper: Retyper, text: str, label: str, want_label: str, want_name: str
) -> None:
    out = retyper.retype({"id": "m1", "text": text, "label": label, "pack_id": None}, text)
    assert (out["label"], out.get("name")) == (want_label, want_name)
    assert "run together" in out["retype_reason"]


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah al-Nujaba",  # a lower-case article word goes on the name before it
        "Syria Times",  # a state and a noun may be an outlet's name
        "Homs University",  # a place and a noun: no actor in it
        "Idlib Khaled Rami",  # a word that is no known name
        "Hama Homs Tartus",  # places only: the place-list rule's case
        "Homs Syria",  # a place and its country: the place, as the gazetteer reads it
        "Tartus Russia",  # a place and a state after it: the place is named first
        "Hezbollah Charter",  # a singular noun after a group names another thing
        "Hezbollah Checkpoint",  # (no act of the event schema)
        "Syria Offensive",  # an act after a state: a place and an event
    ],
)
def test_other_names_are_no_run(retyper: Retyper, text: str) -> None:
    assert retyper.name_run(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Jackson Hamilton",  # towns somewhere, none a theatre town of size, country, world city
        "Bab Idlib",  # "Bab" is Al Bab only with its article: bare, it opens a place's name
    ],
)
def test_a_person_is_no_list_of_small_or_faraway_places(retyper: Retyper, text: str) -> None:
    mention = {"id": "m1", "text": text, "label": "PERSON", "pack_id": None}
    assert retyper.retype(mention, text).get("name") in (None, text)  # not its first word


# Our own reports: one group named four ways, and a dateline listing governorates.
_DOCS = [
    (
        "doc_run_one",
        "Hama Nusra Front fighters shelled a village on Monday, monitors said.",
        [("Hama Nusra Front", "ORG")],
    ),
    (
        "doc_run_two",
        "Jabhat al-Nusra denied the report. Nusra Front Commanders met in Idlib.",
        [("Jabhat al-Nusra", "ORG"), ("Nusra Front Commanders", "PERSON"), ("Idlib", "GPE")],
    ),
    (
        "doc_run_three",
        "Syria Al-Nusra Front seized a hill near Homs on Friday.",
        [("Syria Al-Nusra Front", "LOC"), ("Homs", "GPE")],
    ),
    (
        "doc_run_four",
        "Homs Hama Tartus: prices of bread rose again in Homs this week.",
        [("Homs Hama Tartus", "LOC"), ("Homs", "GPE")],
    ),
]


@pytest.fixture
def resolved(tmp_path: Path) -> Store:
    return resolved_store(tmp_path / "runs.db", _DOCS)


def _entities(store: Store) -> list[dict[str, Any]]:
    return list_entities(store)


def test_one_group_under_four_spellings_is_one_entity(resolved: Store) -> None:
    nusra = [
        e for e in _entities(resolved) if "Nusra" in str(e["name"]) or e["id"].endswith("sham")
    ]
    assert [e["id"] for e in nusra] == ["pk_hayat-tahrir-al-sham"]
    assert nusra[0]["documents"] == 3


def test_a_place_list_is_no_alias(resolved: Store) -> None:
    with resolved.read() as conn:
        aliases = {a for e in entities_with_aliases(conn).values() for a in e["aliases"]}
        found_by_tartus = [e["name"] for e in search_entities(conn, q="Tartus")]
    assert "Homs Hama Tartus" not in aliases
    assert found_by_tartus == []  # the list read as Homs: searching Tartus does not find Homs


def test_the_measure_finds_no_split_and_no_list_here(resolved: Store) -> None:
    counts = split_report(resolved, get_settings().pack).counts()
    assert counts["split"] == 0 and counts["list_aliases"] == 0
