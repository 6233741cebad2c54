"""Issue 19 end to end: ingest the five seed pages, read the network the reports state.

Each test is one "done means" item: a relation between two resolved entities, with the sentence
and the source that state it (or, where the seed's text does not state it, what it does state
beside the domain pack's claim). Skipped where ../shared/seeds is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.pipeline import Ingest
from sitrep.read.relations import list_relations
from sitrep.settings import Settings
from sitrep.store import Store

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

Row = dict[str, Any]


@pytest.fixture(scope="module")
def relations(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Row]]:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"no seed pages at {SEEDS}")
    store = Store(str(tmp_path_factory.mktemp("seeds") / "seeds.db"))
    summary = Ingest(store, Settings()).run([str(SEEDS)])
    assert summary.stored == 5, summary.as_dict()
    yield list_relations(store)


def find(rels: list[Row], kind: str, subject: str, obj: str) -> Row:
    found = [
        r
        for r in rels
        if r["type"] == kind
        and subject in str(r["subject"]["name"])
        and obj in str(r["object"]["name"])
    ]
    assert found, sorted(
        (r["type"], str(r["subject"]["name"]), str(r["object"]["name"])) for r in rels
    )
    return found[0]


def reports(rel: Row) -> list[Row]:
    return [c for c in rel["claims"] if c["source"] == "report"]


def test_ghaani_commands_the_quds_force_new_in_2020(relations: list[Row]) -> None:
    rel = find(relations, "commands", "Ghaani", "Quds Force")
    said = reports(rel)
    assert said and said[0]["qualifier"] == "new" and said[0]["time_start"] == "2020"
    assert "The new commander of Iran’s Quds Force" in said[0]["sentence"]
    assert said[0]["hedged"]  # "has reportedly visited Aleppo"
    assert said[0]["document_id"] and said[0]["stance"] == "asserts"
    assert "pack" in rel["sources"] and "reports" in rel["sources"]  # shown beside the pack's
    assert rel["time_start"] == "2020" and not rel["ended"]


def test_ghaffari_commands_irgc_forces_in_syria(relations: list[Row]) -> None:
    rel = find(relations, "commands", "Ghaffari", "Revolutionary Guard")
    said = reports(rel)
    assert any("commander of IRGC forces in Syria" in c["sentence"] for c in said)
    assert any(c["object_text"] == "IRGC forces" and c["how"] == "copula" for c in said)


def test_baqeri_is_chief_of_general_staff(relations: list[Row]) -> None:
    rel = find(relations, "commands", "Baqeri", "Iranian Armed Forces")
    chief = [c for c in reports(rel) if c["title"] == "Chief of General Staff"]
    assert chief and chief[0]["object_text"] == "the Iranian Armed Forces"
    assert chief[0]["how"] == "title" and "Radiofarda" in chief[0]["sentence"]


def test_peskov_is_the_presidents_press_secretary(relations: list[Row]) -> None:
    # The seed calls him "press Secretary of the President of Russia Vladimir Putin" (the pack
    # says "of the Kremlin", an actor no seed names): a position, not a command.
    said = reports(find(relations, "holds-position", "Peskov", "Russia"))
    assert "press Secretary" in str(said[0]["title"])
    assert "Dmitry Peskov, press Secretary" in said[0]["sentence"]
    assert not [
        r for r in relations if r["type"] == "commands" and "Peskov" in str(r["subject"]["name"])
    ]


def test_fatemiyoun_and_zainebiyoun_under_the_irgc(relations: list[Row]) -> None:
    # The pack states it; the seeds' text recruits them through "the Islamic Republic" in a
    # sentence the parse does not yet carry to the two brigades (a known gap).
    for group in ("Fatemiyoun", "Zainebiyoun"):
        rel = find(relations, "under", group, "Revolutionary Guard")
        assert rel["claims"] and rel["claims"][0]["source"] == "pack"


def test_militias_present_around_albu_kamal(relations: list[Row]) -> None:
    present = [
        r for r in relations if r["type"] == "present-in" and "Kamāl" in str(r["object"]["name"])
    ]
    names = {str(r["subject"]["name"]) for r in present}
    assert any("Nujaba" in n for n in names), names
    assert any("Hezbollah" in n for n in names), names
    for rel in present:
        assert "present around the city of Albu-Kamal" in reports(rel)[0]["sentence"]


def test_alliance_and_backing_of_assad(relations: list[Row]) -> None:
    find(relations, "allied-with", "Iran", "Russia")
    rel = find(relations, "backs", "Iran", "Assad")
    assert any("banded together" in c["sentence"] for c in reports(rel))


def test_every_learned_relation_carries_its_evidence(relations: list[Row]) -> None:
    learned = [r for r in relations if "reports" in r["sources"]]
    assert len(learned) >= 20
    for rel in learned:
        assert rel["subject"]["entity_id"] != rel["object"]["entity_id"]
        for claim in reports(rel):
            assert claim["sentence"] and claim["document_id"] and claim["stance"]
