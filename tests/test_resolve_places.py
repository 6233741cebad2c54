from __future__ import annotations

import pytest

from sitrep.resolve import resolve_place


@pytest.mark.parametrize(
    ("name", "geonames_id"),
    [
        ("Aleppo", 170063), ("Latakia", 173576), ("Idlib", 169389), ("Damascus", 170654),
        ("Homs", 169577), ("Albu Kamal", 174448), ("Abu Kamal", 174448), ("Al-Bukamal", 174448),
        ("Albu-Kamal", 174448), ("Tartus", 163345), ("Baghdad", 98182), ("Moscow", 524901),
    ],
)  # fmt: skip
def test_theatre_places(name: str, geonames_id: int) -> None:
    found = resolve_place(name, ["SY", "IQ", "IR"])
    assert found is not None and found.geonames_id == geonames_id, found
    assert found.precision == "city" and found.lat is not None


def test_namesakes_follow_country_context_then_population() -> None:
    homs = resolve_place("Homs")
    assert homs is not None and homs.country_code == "SY"
    oregon = resolve_place("Damascus", ["US"])
    assert oregon is not None and oregon.country_code == "US"
    assert "country context" in oregon.reason


def test_provinces_and_countries() -> None:
    province = resolve_place("Idlib Province")
    assert province is not None and province.precision == "region"
    assert province.region_id == "idlib-governorate"
    syria = resolve_place("Syria")
    assert syria is not None and syria.precision == "country" and syria.country_code == "SY"
    assert resolve_place("") is None
