from __future__ import annotations

import pytest

from sitrep.pack import load_pack
from sitrep.resolve import resolve_place
from sitrep.resolve.centroids import country_centroid
from sitrep.resolve.rows import pack_entity_row


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


def test_countries_have_an_approximate_centroid_inside_them() -> None:
    syria = resolve_place("Syria")
    assert syria is not None and syria.precision == "country"
    assert syria.lat is not None and syria.lon is not None
    assert 32 <= syria.lat <= 37.5 and 35.5 <= syria.lon <= 42.5
    iraq = country_centroid("iq")
    assert iraq is not None and 29 <= iraq[0] <= 37.5 and 38.5 <= iraq[1] <= 48.5
    fiji = country_centroid("FJ")  # astride the antimeridian: averaged on the circle
    assert fiji is not None and abs(fiji[1]) > 170
    assert country_centroid("XX") is None and country_centroid(None) is None


def test_pack_states_are_places_with_a_centroid() -> None:
    pack = load_pack()
    row = pack_entity_row(pack.actors["syria"], pack)
    assert row["precision"] == "country" and 32 <= row["lat"] <= 37.5
    person = pack_entity_row(pack.actors["qassem-soleimani"], pack)
    assert person["lat"] is None and person["precision"] is None


def test_lowercase_common_words_are_not_places() -> None:
    # "Russian side" -> "side" once the demonym is dropped: not a Turkish town
    assert resolve_place("side") is None and resolve_place("top") is None
    assert resolve_place("Damascus") is not None
