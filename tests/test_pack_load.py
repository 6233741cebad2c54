from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sitrep.errors import ConfigError
from sitrep.pack import load_pack


def test_shipped_pack_has_the_theatre() -> None:
    pack = load_pack()
    counts = Counter(a.type for a in pack.actors.values())
    assert len(pack.actors) >= 150
    assert set(counts) == {"person", "group", "state_body", "state", "media"}
    soleimani = pack.actors["qassem-soleimani"]
    assert any(p.org == "quds-force" and p.start == "1998" for p in soleimani.positions)
    assert pack.lookup("Qods Force")[0].id == "quds-force"
    assert pack.lookup("hizballah")[0].id == "hezbollah"
    assert pack.actors["tasnim"].affiliation == "IRGC-affiliated"
    assert "Maj. Gen." in pack.title_forms


def test_every_org_reference_is_a_pack_id_or_free_text() -> None:
    pack = load_pack()
    ids = set(pack.actors)
    refs = {p.org for a in pack.actors.values() for p in (*a.positions, *a.affiliations) if p.org}
    assert refs <= ids


def test_alias_patterns_feed_the_ruler() -> None:
    patterns = load_pack().alias_patterns()
    assert ("Qods Force", "ORG", "quds-force") in patterns
    assert ("Iranian", "NORP", "iran") in patterns
    assert ("Qasem Soleimani", "PERSON", "qassem-soleimani") in patterns
    assert not any(text == "Soleimani" for text, _, _ in patterns)  # short forms stay out
    assert {label for _, label, i in patterns if i} == {"PERSON", "ORG", "LOC", "NORP"}
    places = {text for text, label, i in patterns if not i and label == "GPE"}
    assert {"Homs", "Tartus", "Idlib Province"} <= places  # pack regions + GeoNames cities
    assert "Soleimani" not in places and "Syria" not in places


def test_a_second_pack_is_a_folder_of_yaml(tmp_path: Path) -> None:
    (tmp_path / "people.yaml").write_text(
        "- {id: jane-roe, name: Jane Roe, aliases: [J. Roe], country: FR}\n", encoding="utf-8"
    )
    (tmp_path / "titles.yaml").write_text("- {text: Colonel, variants: [Col.]}\n", encoding="utf-8")
    pack = load_pack(str(tmp_path))
    assert list(pack.actors) == ["jane-roe"]
    assert pack.titles[0].forms == ("Colonel", "Col.")
    patterns = pack.alias_patterns()
    assert patterns[:2] == [("Jane Roe", "PERSON", "jane-roe"), ("J. Roe", "PERSON", "jane-roe")]
    # then place names from the gazetteer: every country and the world's largest cities
    places = {text for text, label, pack_id in patterns[2:] if label == "GPE" and not pack_id}
    assert len(places) == len(patterns) - 2 and {"France", "Syria", "Tehran"} <= places


def test_bad_packs_fail_with_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no domain pack"):
        load_pack("no-such-theatre")
    (tmp_path / "groups.yaml").write_text("- {id: Bad Id, name: X}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"groups\.yaml, record 0"):
        load_pack(str(tmp_path))
