"""Every data export, on a real store (both backends), read back with an independent parser."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geojson
import networkx as nx
import pytest
from followthemoney import model

from conftest import BACKENDS, fresh_database
from sitrep.export import export, export_bytes
from sitrep.export.acled import COLUMNS
from sitrep.export.ftm import ftm_id
from sitrep.store import Store
from storefixtures import ARTICLES, ENTITIES, EVENTS, Built, build_store


@pytest.fixture(scope="module", params=BACKENDS)
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, Built]]:
    folder = tmp_path_factory.mktemp("export")
    with fresh_database(request.param, folder) as url:
        store = Store(url)
        yield store, build_store(store, folder)
        store.close()


def _lines(content: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in content.decode("utf-8").splitlines()]


def test_jsonl_holds_documents_entities_and_events_with_claims(built: tuple[Store, Built]) -> None:
    store, fixture = built
    content, media_type, filename = export_bytes(store, "jsonl")
    records = _lines(content)
    kinds = Counter(r["kind"] for r in records)
    assert kinds == {"document": len(ARTICLES), "entity": len(ENTITIES), "event": len(EVENTS)}
    assert (media_type, filename) == ("application/x-ndjson", "sitrep.jsonl")
    by_id = {r["id"]: r for r in records}
    strike = by_id[fixture.events["strike"]]
    assert sorted(c["stance"] for c in strike["claims"]) == ["denies", "reports"]
    for claim in strike["claims"]:
        text = by_id[claim["document_id"]]["text"]  # the claim points at a document in the file
        assert text[claim["start"] : claim["end"]] == claim["sentence_text"]
    assert by_id["esmail-ghaani"]["attributes"]["positions"][0]["title"] == "Commander"
    assert "Ismail Qaani" in by_id["esmail-ghaani"]["aliases"]


def test_csv_has_acled_columns_and_codes(built: tuple[Store, Built], tmp_path: Path) -> None:
    store, fixture = built
    path = tmp_path / "events.csv"
    assert export(store, "csv", path) == len(EVENTS)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        rows = {r["sitrep_event_id"]: r for r in reader}
    visit = rows[fixture.events["visit"]]
    assert visit["event_id_cnty"].startswith("SYR")
    assert (visit["event_date"], visit["year"], visit["time_precision"]) == (
        "2020-03-08",
        "2020",
        "1",
    )
    assert (visit["actor1"], visit["assoc_actor_1"]) == ("Esmail Ghaani", "Quds Force")
    assert (visit["country"], visit["admin1"], visit["location"]) == ("Syria", "Aleppo", "Aleppo")
    assert (visit["latitude"], visit["longitude"], visit["geo_precision"]) == (
        "36.2012",
        "37.1612",
        "1",
    )
    assert visit["source"] == "Example Masdar; Example Wire"
    assert "International" in visit["source_scale"]
    assert (visit["status"], visit["n_origins"]) == ("corroborated", "2")
    strike = rows[fixture.events["strike"]]
    assert (strike["time_precision"], strike["geo_precision"], strike["fatalities"]) == (
        "2",
        "2",
        "7",
    )
    assert (strike["event_type"], strike["sub_event_type"]) == ("ASSAULT", "air-strike")
    assert strike["actor2"] == "Islamic Revolutionary Guard Corps"
    assert strike["status"] == "contested"
    undated = rows[fixture.events["comment"]]
    assert (undated["event_date"], undated["time_precision"], undated["latitude"]) == ("", "", "")


def test_geojson_is_valid_and_carries_precision(built: tuple[Store, Built]) -> None:
    store, fixture = built
    collection = geojson.loads(export_bytes(store, "geojson")[0])
    assert collection.is_valid, collection.errors()
    features = {f["id"]: f for f in collection["features"]}
    assert set(features) == {fixture.events["visit"], fixture.events["strike"]}  # located only
    visit = features[fixture.events["visit"]]
    assert visit["geometry"]["coordinates"] == pytest.approx([37.16117, 36.20124])  # lon, lat
    props = visit["properties"]
    assert (props["geo_precision"], props["time_precision"], props["status"]) == (
        "city", "day", "corroborated"
    )  # fmt: skip
    everything = geojson.loads(export_bytes(store, "geojson", places=True, unlocated=True)[0])
    assert everything.is_valid
    kinds = Counter(f["properties"]["kind"] for f in everything["features"])
    assert kinds == {"event": len(EVENTS), "place": 2}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graph_exports_parse_with_networkx(
    built: tuple[Store, Built], tmp_path: Path, fmt: str
) -> None:
    store, _ = built
    path = tmp_path / f"graph.{fmt}"
    export(store, fmt, path)
    graph = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    actors = {e["id"] for e in ENTITIES if e["type"] != "place"}
    assert set(graph.nodes) == actors
    assert graph.nodes["esmail-ghaani"]["type"] == "person"
    name_key = "label" if fmt == "gexf" else "name"
    assert graph.nodes["irgc"][name_key] == "Islamic Revolutionary Guard Corps"
    # Ghaani and the Quds Force: one event together, named together in one sentence.
    edge = graph.edges["esmail-ghaani", "quds-force"]
    assert (int(edge["co_events"]), int(edge["co_sentences"])) == (1, 1)
    assert float(edge["weight"]) == 2
    assert not graph.has_edge("esmail-ghaani", "israel")


def test_ftm_entities_read_back_with_followthemoney(built: tuple[Store, Built]) -> None:
    store, fixture = built
    proxies = [model.get_proxy(d, cleaned=False) for d in _lines(export_bytes(store, "ftm")[0])]
    schemata = Counter(p.schema.name for p in proxies)
    assert schemata["Person"] == 1 and schemata["PublicBody"] == 1 and schemata["Address"] == 2
    assert schemata["Organization"] == 2 and schemata["LegalEntity"] == 1
    assert schemata["Article"] == len(ARTICLES) and schemata["Event"] == len(EVENTS)
    assert schemata["Documentation"] == sum(len(e["claims"]) for e in EVENTS)
    assert schemata["Membership"] == 2 and schemata["Mention"] > 0
    assert schemata["Employment"] == 1  # the pack position at the Quds Force (no relations)
    ids = {p.id for p in proxies}
    assert len(ids) == len(proxies)
    for proxy in proxies:  # every entity reference resolves inside the export
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, (proxy.schema.name, prop.name)
    visit = next(p for p in proxies if p.id == ftm_id("event", fixture.events["visit"]))
    assert set(visit.get("involved")) == {
        ftm_id("entity", "esmail-ghaani"),
        ftm_id("entity", "quds-force"),
    }
    assert visit.get("startDate") == ["2020-03-08"]
    assert visit.get("addressEntity") == [ftm_id("entity", "geo-aleppo")]
    person = next(p for p in proxies if p.schema.name == "Person")
    assert "Ismail Qaani" in person.get("alias")


def test_the_api_documents_each_builtin_format_as_it_serves_it() -> None:
    from sitrep.export.registry import BUILTIN_MEDIA_TYPES, BUILTINS, get_exporter

    assert set(BUILTIN_MEDIA_TYPES) == {point.name for point in BUILTINS}
    for name, media_type in BUILTIN_MEDIA_TYPES.items():
        served = get_exporter(name).media_type.split(";")[0].strip()
        assert served == media_type, name
