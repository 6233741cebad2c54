"""The FollowTheMoney export of the demo store links people to their organisations the way
Aleph draws them: a position at an organisation is an Employment (and an Occupancy of a
Position), an affiliation a Membership, the domain pack's as well as the reports', each with
its dates; every reference resolves inside the export and fits FtM's ranges."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from sitrep.export.registry import get_exporter
from sitrep.pipeline import Ingest
from sitrep.read.relations import relations_of
from sitrep.settings import Settings
from sitrep.store import Store

model = pytest.importorskip("followthemoney").model
DEMO = Path(__file__).resolve().parents[1] / "demo" / "pages"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, list[dict[str, Any]]]:
    if not DEMO.is_dir():
        pytest.skip(f"no demo corpus at {DEMO}")
    store = Store(str(tmp_path_factory.mktemp("ftm") / "demo.db"))
    Ingest(store, Settings()).run([str(DEMO)])
    out = io.BytesIO()
    get_exporter("ftm").write(store, out, {})
    return store, [json.loads(line) for line in out.getvalue().splitlines()]


def _ids(store: Store) -> dict[str, str]:
    """FtM id -> store entity id, for the entities."""
    from sitrep.export.ftm import ftm_id
    from sitrep.read.entities import list_entities

    with store.read() as conn:
        return {ftm_id("entity", e["id"]): e["id"] for e in list_entities(conn)}


def _named(proxies: list[dict[str, Any]], name: str) -> str:
    actors = ("Person", "Organization", "PublicBody", "LegalEntity")
    found = [
        p["id"]
        for p in proxies
        if p["schema"] in actors and name in p["properties"].get("name", [])
    ]
    assert len(found) == 1, (name, found)
    return str(found[0])


def test_a_commander_is_employed_by_his_force_and_occupies_its_post(
    built: tuple[Store, list[dict[str, Any]]],
) -> None:
    _, proxies = built
    by_id = {p["id"]: p for p in proxies}
    soleimani, quds = _named(proxies, "Qassem Soleimani"), _named(proxies, "Quds Force")
    jobs = [
        p["properties"]
        for p in proxies
        if p["schema"] == "Employment" and p["properties"]["employee"] == [soleimani]
    ]
    at_quds = [j for j in jobs if j["employer"] == [quds]]
    assert at_quds and "commander" in at_quds[0]["role"][0].lower()
    assert at_quds[0]["endDate"] == ["2020-01-03"]
    posts = [
        by_id[p["properties"]["post"][0]]["properties"]
        for p in proxies
        if p["schema"] == "Occupancy" and p["properties"]["holder"] == [soleimani]
    ]
    assert any(post.get("organization") == [quds] for post in posts)
    # the pack's affiliation of him to the Revolutionary Guards, a Membership with its dates
    irgc = _named(proxies, "Islamic Revolutionary Guard Corps")
    member = [
        p["properties"]
        for p in proxies
        if p["schema"] == "Membership" and p["properties"]["member"] == [soleimani]
    ]
    assert any(m["organization"] == [irgc] and m.get("endDate") for m in member)


def test_every_position_and_affiliation_with_an_organisation_is_linked_once(
    built: tuple[Store, list[dict[str, Any]]],
) -> None:
    store, proxies = built
    entity_of = _ids(store)
    links: Counter[tuple[str, str, str]] = Counter()
    for p in proxies:
        props = p["properties"]
        if p["schema"] == "Employment":
            pair = entity_of[props["employee"][0]], entity_of[props["employer"][0]]
            links["employment", *pair] += 1
        elif p["schema"] == "Membership":
            pair = entity_of[props["member"][0]], entity_of[props["organization"][0]]
            links["membership", *pair] += 1
    schema_of = {entity_of[p["id"]]: p["schema"] for p in proxies if p["id"] in entity_of}
    organisation = model.get("Organization")
    expected: Counter[tuple[str, str, str]] = Counter()
    sources = set()
    with store.read() as conn:
        for rel in relations_of(conn, types=("holds-position", "commands", "member-of", "under")):
            a, b = rel["subject_entity_id"], rel["object_entity_id"]
            if not model.get(schema_of[b]).is_a(organisation):
                continue  # a state is no employer in FtM: the post's country says it
            if rel["type"] in ("member-of", "under") and schema_of[a] != "Address":
                expected["membership", a, b] += 1
                sources.add(tuple(rel["sources"]))
            elif rel["type"] in ("holds-position", "commands") and schema_of[a] == "Person":
                expected["employment", a, b] += 1
                sources.add(tuple(rel["sources"]))
    assert expected and links == expected
    assert ("pack",) in sources and any("reports" in s for s in sources)


def test_links_resolve_inside_the_export_and_fit_ftms_ranges(
    built: tuple[Store, list[dict[str, Any]]],
) -> None:
    _, proxies = built
    by_id = {p["id"]: p for p in proxies}
    assert len(by_id) == len(proxies)
    kinds = ("Employment", "Membership", "Occupancy", "Position", "UnknownLink")
    checked = 0
    for data in proxies:
        if data["schema"] not in kinds:
            continue
        proxy = model.get_proxy(data, cleaned=False)
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in by_id, (data["schema"], prop.name)
                assert model.get(by_id[value]["schema"]).is_a(prop.range), (
                    data["schema"],
                    prop.name,
                    by_id[value]["schema"],
                )
                checked += 1
    assert checked > 0
