"""The event schema's role slots are words: YAML reads an unquoted `on:` as true, and the slot
then never matched ("airstrikes on Daesh militants" lost their target)."""

from __future__ import annotations

import pytest

from sitrep.errors import ConfigError
from sitrep.extract.schema import _check_slots, load_event_schema


def test_every_slot_is_a_word_and_on_names_the_target() -> None:
    loaded = load_event_schema()
    for etype in loaded.types.values():
        assert all(isinstance(slot, str) for slot in etype.roles), etype.name
    assert loaded.types["ASSAULT"].roles["on"] == "target"


def test_a_boolean_slot_is_refused_in_words() -> None:
    with pytest.raises(ConfigError, match="quote"):
        _check_slots("ASSAULT", {"subject": "actor", True: "target"})
