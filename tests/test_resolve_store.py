"""Resolution against a real SQLite store holding hand-written documents."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sitrep.resolve import (
    entity_dossier,
    list_entities,
    list_judgements,
    merge_entities,
    run_resolution,
    split_entity,
)
from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from resolvefixtures import load_docs


@pytest.fixture
def resolved(tmp_path: Path) -> Store:
    store = Store(str(tmp_path / "res.db"))
    load_docs(store)
    run_resolution(store)
    return store


def _by_id(store: Store) -> dict[str, dict[str, object]]:
    return {e["id"]: e for e in list_entities(store)}


def test_one_entity_per_actor_with_its_spellings(resolved: Store) -> None:
    ents = _by_id(resolved)
    soleimani = ents["pk_qassem-soleimani"]
    assert set(soleimani["aliases_seen"]) >= {"Qassem Soleimani", "Qasem Suleimani", "Sulejmani"}  # type: ignore[operator]
    assert soleimani["documents"] == 2
    assert set(ents["pk_mohammad-hossein-baqeri"]["aliases_seen"]) == {
        "Mohammad Hossein Bagheri",
        "Baqeri",
    }  # type: ignore[arg-type]
    assert "Osman Ghanemi" in ents["pk_othman-al-ghanimi"]["aliases_seen"]  # type: ignore[operator]
    expected = "bashar-al-assad ali-khamenei quds-force irgc hezbollah hayat-tahrir-al-sham"
    for pack_id in [*expected.split(), "fatemiyoun", "zainebiyoun", "esmail-ghaani"]:
        assert f"pk_{pack_id}" in ents
    assert ents["pk_kataib-hezbollah"]["aliases_seen"] == ["Kata'ib Hezbollah"]
    names = [e["name"] for e in ents.values()]
    assert len(names) == len(set(names))


def test_places_resolve_to_geonames(resolved: Store) -> None:
    ents = _by_id(resolved)
    for geonames_id in (170063, 173576, 169389, 170654, 169577, 174448, 163345, 98182, 524901):
        assert f"gn_{geonames_id}" in ents


def test_names_outside_the_pack_join_by_name_key(resolved: Store) -> None:
    haddad = [e for e in list_entities(resolved, "person") if "Haddad" in e["aliases_seen"]]
    assert len(haddad) == 1 and haddad[0]["documents"] == 2
    assert any(j["by"] == "rule" for j in list_judgements(resolved))


def test_incremental_and_deterministic(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "inc.db"))
    load_docs(store, {"doc_res_one"})
    first = run_resolution(store)
    load_docs(store, {"doc_res_two"})
    second = run_resolution(store)
    assert first.documents == 1 and second.documents == 1  # only the new document
    assert _by_id(store)["pk_qassem-soleimani"]["documents"] == 2


def test_analyst_merge_and_split_survive_a_full_rerun(resolved: Store) -> None:
    split_entity(resolved, "pk_qassem-soleimani", ["Sulejmani"], reason="test split")
    merge_entities(resolved, "Latakia", "Aleppo", reason="test merge")
    run_resolution(resolved, ["doc_res_one", "doc_res_two", "doc_res_three"])
    ents = _by_id(resolved)
    assert "Sulejmani" not in ents["pk_qassem-soleimani"]["aliases_seen"]  # type: ignore[operator]
    assert [e for e in ents.values() if e["aliases_seen"] == ["Sulejmani"]]
    assert "gn_173576" not in ents and "Latakia" in ents["gn_170063"]["aliases_seen"]  # type: ignore[operator]
    dossier = entity_dossier(resolved, "Qassem Soleimani")
    assert dossier["attributes"]["positions"][0]["source"]
    assert dossier["first_seen"] == "2015-09-20" and dossier["appears_with"]


def test_cli_lists_entities_and_shows_a_dossier(resolved: Store) -> None:
    import json

    from typer.testing import CliRunner

    from sitrep.cli.app import app

    runner = CliRunner()
    listed = runner.invoke(app, ["entities", "--type", "person", "--json", "--db", resolved.db])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert {r["type"] for r in rows} == {"person"}
    shown = runner.invoke(app, ["entity", "Baqeri", "--db", resolved.db])
    assert shown.exit_code == 0 and "Chief of General Staff" in shown.output
    pairs = Path(__file__).parent / "fixtures" / "names" / "pairs.csv"
    scored = runner.invoke(app, ["eval", "names", str(pairs), "--json"])
    assert json.loads(scored.output)["threshold"] == 0.85
