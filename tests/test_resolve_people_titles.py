"""Faiths and peoples are no actors, and a title alone is no person (issue 23b). The lexicon of
peoples is generated from data (`scripts/build-people-lexicon`); these cases are written for
the tests."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.nlp.types import names_people, people_words
from sitrep.pack import load_pack
from sitrep.resolve.retype import DROPPED, Retyper


@pytest.fixture(scope="module")
def retyper() -> Retyper:
    return Retyper(load_pack())


def _mention(text: str, label: str) -> dict[str, Any]:
    return {"id": "m1", "text": text, "label": label, "pack_id": None}


def test_the_lexicon_is_generated_and_small() -> None:
    words = people_words()
    assert {"shia", "sunni", "alawite", "druze", "kurdish"} <= words
    assert len(words) < 200 and not {"the", "community", "forces"} & words


@pytest.mark.parametrize(
    "name",
    ["Shia", "Sunnis", "Alawites", "Druze", "Kurds", "Uzbeks", "Lebanese Kurds", "Shia Muslims"],
)
def test_names_of_peoples_and_faiths(name: str) -> None:
    assert names_people(name)


@pytest.mark.parametrize(
    "name",
    ["Kurdi", "Kurdish Unity Party", "Islamic Front", "Sunni Ridge", "Druze Valley Council", ""],
)
def test_other_names_are_no_people(name: str) -> None:
    assert not names_people(name)


@pytest.mark.parametrize(
    ("text", "label"), [("Shia", "ORG"), ("Lebanese Kurds", "ORG"), ("Druze", "LOC")]
)
def test_a_people_is_retyped_norp(retyper: Retyper, text: str, label: str) -> None:
    out = retyper.retype(_mention(text, label), text)
    assert out["label"] == "NORP" and "people" in out["retype_reason"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("US Secretary", "PERSON"),
        ("Russian Foreign Minister", "ORG"),
        ("UN Secretary General", "PERSON"),
        ("Hezbollah Leader", "PERSON"),
        ("Supreme Commander", "ORG"),
    ],
)
def test_a_title_alone_is_dropped(retyper: Retyper, text: str, label: str) -> None:
    out = retyper.retype(_mention(text, label), text)
    assert out["label"] == DROPPED and "title with no name" in out["retype_reason"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Foreign Minister Karim Belhaj", "PERSON"),  # a title and a name: a person
        ("Armed Forces", "ORG"),  # words of a long title ("... of the Armed Forces")
        ("Ministry of Defence", "ORG"),
        ("General Command", "ORG"),
        ("Secretary", "PERSON"),  # no title of the pack alone
    ],
)
def test_a_title_with_a_name_or_no_title_is_kept(retyper: Retyper, text: str, label: str) -> None:
    out = retyper.retype(_mention(text, label), text)
    assert out.get("label") != DROPPED


@pytest.mark.parametrize(
    ("text", "label", "want"),
    [
        ("al-Qantara Street", "ORG", "LOC"),  # a street, not a group
        ("Tell Hamdun Camp", "ORG", "LOC"),
        ("Karam Suburb", "PERSON", "LOC"),
        ("Marwan Lake", "PERSON", "PERSON"),  # "lake" ends people's names too
        ("Camp", "ORG", "ORG"),  # the noun alone names no place
        ("Victory Brigade", "ORG", "ORG"),
    ],
)
def test_a_name_ending_in_a_kind_of_place_is_a_place(
    retyper: Retyper, text: str, label: str, want: str
) -> None:
    assert retyper.retype(_mention(text, label), text).get("label", label) == want


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("Foreign Secretary Tomas Reyvik", "PERSON", "Tomas Reyvik"),
        ("Hezbollah Leader Karim Haddadin", "PERSON", "Karim Haddadin"),
        ("Syrian Foreign Minister Nabil al-Harrouk", "ORG", "Nabil al-Harrouk"),
    ],
)
def test_a_title_before_a_name_leaves_the_person(
    retyper: Retyper, text: str, label: str, name: str
) -> None:
    out = retyper.retype(_mention(text, label), text)
    assert (out["label"], out["name"]) == ("PERSON", name)
    assert "is the title of" in out["retype_reason"]


@pytest.mark.parametrize(
    "text", ["General Command", "Major Offensive Takes Shape", "Tomas Reyvik", "President"]
)
def test_no_title_before_a_name_here(retyper: Retyper, text: str) -> None:
    out = retyper.retype(_mention(text, "ORG"), text)
    assert "is the title of" not in str(out.get("retype_reason"))
