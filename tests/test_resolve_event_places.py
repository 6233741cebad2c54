"""Where an event's place lies when the text puts it in another (`resolve.eventplaces`): the
container the text names, never a namesake in a country the report does not name."""

from __future__ import annotations

from sitrep.resolve.eventplaces import _decide


def test_a_place_the_gazetteer_lacks_takes_its_containers_position() -> None:
    found = _decide("al-Qatirji", "Aleppo", None, ("SY",))
    assert found is not None
    _entity_id, row = found
    assert row["country"] == "SY" and row["attributes"]["within"] == "Aleppo"


def test_a_container_abroad_is_a_namesake_not_where_it_lies() -> None:
    """ "a school in al-Telifoun neighbourhood in al-Sulaymaniyah area in Aleppo city": the
    gazetteer's Sulaymaniyah is Iraq's, and the report names Syria only."""
    assert _decide("al-Telifoun al-Hawaei", "Sulaymaniyah", None, ("SY",)) is None
    # a report that names Iraq may mean it
    found = _decide("al-Tayran", "Sulaymaniyah", None, ("IQ", "SY"))
    assert found is not None and found[1]["country"] == "IQ"
