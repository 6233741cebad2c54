"""The retyper: mislabelled mentions get the label of what the pack or gazetteer says they are."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.pack import load_pack
from sitrep.resolve.retype import Retyper


@pytest.fixture(scope="module")
def retyper() -> Retyper:
    return Retyper(load_pack())


def _mention(text: str, label: str, pack_id: str | None = None) -> dict[str, Any]:
    return {"id": "m1", "text": text, "label": label, "pack_id": pack_id}


@pytest.mark.parametrize(
    ("text", "label", "want_label", "want_name"),
    [
        ("Khamenei", "LOC", "PERSON", "Khamenei"),  # a pack person's short form
        ("Suleimani", "ORG", "PERSON", "Suleimani"),
        ("Lebanese Hezbollah forces", "PERSON", "ORG", "Hezbollah"),  # nationality + noun
        ("Idlib", "PERSON", "GPE", "Idlib"),  # a theatre city
        ("Albu-Kamal", "PERSON", "GPE", "Albu-Kamal"),
        ("Syrian Latakia", "LOC", "LOC", "Latakia"),
    ],
)
def test_mislabelled_mentions_are_retyped(
    retyper: Retyper, text: str, label: str, want_label: str, want_name: str
) -> None:
    out = retyper.retype(_mention(text, label), text)
    assert (out["label"], out.get("name", text)) == (want_label, want_name)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Russian air", "LOC"),  # "air" is no theatre place
        ("Ali", "PERSON"),  # a town in India is not the theatre
        ("Kata’ib", "ORG"),
    ],
)
def test_other_mentions_are_left_alone(retyper: Retyper, text: str, label: str) -> None:
    mention = _mention(text, label)
    assert retyper.retype(mention, text) is mention


def test_a_mention_the_ruler_tied_to_the_pack_is_not_retyped(retyper: Retyper) -> None:
    mention = _mention("Idlib", "PERSON", "some-actor")
    assert retyper.retype(mention, "Idlib") is mention
