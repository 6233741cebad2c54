"""`/api/explore/events` and `/api/explore/export/{format}` over the fixture store: filters read
names by any spelling, facets count what the filter keeps, sorting, and an export of a view holds
exactly the view's events (the same as /api/events for the filters both know)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import BACKENDS, fresh_database
from sitrep.api import create_app
from sitrep.export.acled import cited_sources
from sitrep.store import Store
from storefixtures import ARTICLES, EVENTS, Built, build_store


@pytest.fixture(scope="module", params=BACKENDS)
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, Built]]:
    """The fixture store on SQLite, and on PostgreSQL where SITREP_TEST_PG_URL names one."""
    folder = tmp_path_factory.mktemp("api-explore")
    with fresh_database(request.param, folder) as url:
        store = Store(url)
        yield store, build_store(store, folder)
        store.close()


@pytest.fixture(scope="module")
def client(built: tuple[Store, Built]) -> Iterator[TestClient]:
    with TestClient(create_app(built[0]), base_url="http://127.0.0.1") as c:
        yield c


def get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def ids(page: dict[str, Any]) -> set[str]:
    return {item["id"] for item in page["items"]}


def csv_ids(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/api/explore/export/csv", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert response.headers["x-sitrep-records"] == str(len(rows))
    return [row["sitrep_event_id"] for row in rows]


def test_no_filter_lists_every_event_and_says_what_it_leaves_out(
    client: TestClient, built: tuple[Store, Built]
) -> None:
    page = get(client, "/api/explore/events")
    assert page["total"] == len(EVENTS) == len(page["items"])
    assert page["left_out"] == {"undated": 1, "unlocated": 1}  # the IRGC's silence
    assert page["items"][-1]["id"] == built[1].events["comment"]  # undated last
    statuses = {f["value"]: f["count"] for f in page["facets"]["status"]}
    assert statuses == {"corroborated": 1, "contested": 1, "single-source": 1}
    # the actor facet counts the doers; the IRGC struck in the strike is counted apart
    actors = {f["value"]: (f["label"], f["count"]) for f in page["facets"]["actor"]}
    assert actors["irgc"] == ("Islamic Revolutionary Guard Corps", 1)
    assert actors["esmail-ghaani"] == ("Esmail Ghaani", 1)
    assert "israel" not in actors
    targets = {f["value"]: f["count"] for f in page["facets"]["target"]}
    assert targets == {"irgc": 1, "israel": 1}


def test_actor_by_any_spelling(client: TestClient, built: tuple[Store, Built]) -> None:
    events = built[1].events
    for spelling in ("Ismail Qaani", "ghaani", "esmail-ghaani"):
        page = get(client, "/api/explore/events", actor=spelling)
        assert ids(page) == {events["visit"]}, spelling
        assert page["matched"]["actor"] == [
            {"id": "esmail-ghaani", "name": "Esmail Ghaani", "type": "person"}
        ]
    assert get(client, "/api/explore/events", actor="nobody at all")["total"] == 0


def test_actor_keeps_the_doers_target_the_other_side_and_entity_any_part(
    client: TestClient, built: tuple[Store, Built]
) -> None:
    """The IRGC does one event (its comment) and is struck in another: the actor filter keeps
    the first, the target filter the second, the entity filter (a dossier's events) both; each
    facet's count is the total its click gives. The actor filter kept both, so "Revolutionary
    Guards 2" under "Actor" counted the strike on them as theirs."""
    events = built[1].events
    by = get(client, "/api/explore/events", actor="Revolutionary Guards")
    assert ids(by) == {events["comment"]}
    to = get(client, "/api/explore/events", target="Revolutionary Guards")
    assert ids(to) == {events["strike"]}
    assert to["matched"]["target"][0]["id"] == "irgc"
    either = get(client, "/api/explore/events", entity="Revolutionary Guards")
    assert ids(either) == {events["strike"], events["comment"]}
    page = get(client, "/api/explore/events")
    for key in ("actor", "target"):
        for value in page["facets"][key]:
            kept = get(client, "/api/explore/events", **{key: value["value"]})
            assert kept["total"] == value["count"], (key, value)
    # a doer and a target together: who did what to whom
    assert get(client, "/api/explore/events", target="israel", actor="irgc")["total"] == 0
    assert ids(get(client, "/api/explore/events", target="israel")) == {events["strike"]}


def test_place_country_outlet_fatalities_and_dates(
    client: TestClient, built: tuple[Store, Built]
) -> None:
    events = built[1].events
    assert ids(get(client, "/api/explore/events", place="homs governorate")) == {events["strike"]}
    assert ids(get(client, "/api/explore/events", country="sy")) == {
        events["strike"],
        events["visit"],
    }
    assert ids(get(client, "/api/explore/events", admin1="Aleppo")) == {events["visit"]}
    assert ids(get(client, "/api/explore/events", min_fatalities=1)) == {events["strike"]}
    assert ids(get(client, "/api/explore/events", since="2019", until="2020-03")) == {
        events["visit"]
    }
    assert ids(get(client, "/api/explore/events", type=["assault", "CONSULT"])) == {
        events["strike"],
        events["visit"],
    }
    outlets = get(client, "/api/explore/events")["facets"]["outlet"]
    assert outlets, "no outlet facet"
    named = outlets[0]["value"]
    kept = get(client, "/api/explore/events", outlet=named.upper())
    assert kept["total"] == outlets[0]["count"]
    assert all(named in item["outlets"] for item in kept["items"])


def test_sorting_keeps_missing_values_last(client: TestClient, built: tuple[Store, Built]) -> None:
    events = built[1].events
    by_death = get(client, "/api/explore/events", sort="fatalities", order="desc")["items"]
    assert by_death[0]["id"] == events["strike"]
    newest = get(client, "/api/explore/events", sort="time", order="desc")["items"]
    assert [e["id"] for e in newest] == [events["visit"], events["strike"], events["comment"]]
    paged = get(client, "/api/explore/events", sort="time", limit=1, offset=1)
    assert paged["total"] == 3 and [e["id"] for e in paged["items"]] == [events["visit"]]


@pytest.mark.parametrize(
    "params",
    [{}, {"status": "contested"}, {"type": "CONSULT"}, {"type": "consult"}, {"entity": "irgc"},
     {"actor": "irgc"}, {"target": "irgc"}, {"since": "2020"}, {"until": "2019-12-31"},
     {"place": "geo-aleppo"}],
)  # fmt: skip
def test_export_of_a_view_holds_the_rows_api_events_returns(
    client: TestClient, params: dict[str, str]
) -> None:
    """The filters /api/events knows give the same events there, in the explorer and in its CSV,
    each key meaning the same: `actor` a doer, `target` the other side, `entity` any part or the
    place (until session 31 /api/events read `actor` as the explorer's `entity`)."""
    listed = ids(get(client, "/api/events", limit=500, **params))
    assert ids(get(client, "/api/explore/events", limit=500, **params)) == listed
    exported = csv_ids(client, **params)
    assert sorted(exported) == sorted(listed) and len(set(exported)) == len(exported)


def test_export_of_explorer_only_filters(client: TestClient) -> None:
    for params in ({"actor": "Qods Force"}, {"country": "SY", "min_fatalities": 5}):
        shown = ids(get(client, "/api/explore/events", limit=500, **params))
        assert shown and sorted(csv_ids(client, **params)) == sorted(shown), params
    geo = client.get("/api/explore/export/geojson", params={"country": "SY"}).json()
    assert len(geo["features"]) == 2 and all(f["geometry"] for f in geo["features"])


VIEWS = [
    {},
    {"status": "contested"},
    {"entity": "irgc"},
    {"actor": "irgc"},
    {"target": "irgc"},
    {"since": "2020"},
    {"place": "geo-aleppo"},
]


@pytest.mark.parametrize("params", VIEWS)
def test_jsonl_view_holds_the_events_api_events_returns_and_what_they_reference(
    client: TestClient, params: dict[str, str]
) -> None:
    listed = ids(get(client, "/api/events", limit=500, **params))
    response = client.get("/api/explore/export/jsonl", params=params)
    assert response.status_code == 200, response.text
    records = [json.loads(line) for line in response.text.splitlines()]
    assert response.headers["x-sitrep-records"] == str(len(records))
    events = [r for r in records if r["kind"] == "event"]
    assert sorted(e["id"] for e in events) == sorted(listed)
    docs = {r["id"] for r in records if r["kind"] == "document"}
    ents = {r["id"] for r in records if r["kind"] == "entity"}
    assert docs == {c["document_id"] for e in events for c in e["claims"]}
    referenced = {p["entity_id"] for e in events for p in e["participants"] if p.get("entity_id")}
    referenced |= {e["place_entity_id"] for e in events if e["place_entity_id"]}
    assert ents == referenced
    if params:  # a view leaves relations out; the whole store's export keeps them
        assert not [r for r in records if r["kind"] == "relation"]


def graph_of(client: TestClient, fmt: str, **params: str) -> tuple[set[str], list[Any]]:
    """The node ids and the edges of a view's graph export."""
    response = client.get(f"/api/explore/export/{fmt}", params=params)
    assert response.status_code == 200, response.text
    root = ET.fromstring(response.content)
    nodes = {n.get("id", "") for n in root.iter() if n.tag.endswith("}node")}
    edges = [e for e in root.iter() if e.tag.endswith("}edge")]
    assert response.headers["x-sitrep-records"] == str(len(nodes))
    return nodes, edges


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_a_filtered_graph_holds_only_its_events_participants(client: TestClient, fmt: str) -> None:
    everything, _ = graph_of(client, fmt)
    smaller = 0
    for params in ({"entity": "irgc"}, {"status": "contested"}, {"country": "SY"}):
        events = get(client, "/api/explore/events", limit=500, **params)["items"]
        taking_part = {a["entity_id"] for e in events for a in e["actors"] if a["entity_id"]}
        nodes, edges = graph_of(client, fmt, **params)
        assert nodes and nodes <= taking_part, params
        assert all({e.get("source"), e.get("target")} <= nodes for e in edges), params
        smaller += nodes < everything
    assert smaller, "some view leaves out entities the whole graph holds"
    dated = [
        e for e in graph_of(client, fmt, entity="irgc")[1]
        if any(v.get("for") == "first_event" or v.get("key") == "first_event" for v in e.iter())
    ]  # fmt: skip
    assert dated, "co-event edges carry the dates of their events"
    if fmt == "gexf":  # and a spell, for Gephi's timeline: whole days, first to last
        edges = graph_of(client, fmt)[1]
        timed = [
            e for e in edges
            if any(v.get("for") in ("first_event", "first_said") for v in e.iter())
        ]  # fmt: skip
        assert any(v.get("for") == "first_said" for e in timed for v in e.iter())
        spells = [s for e in timed for s in e.iter() if s.tag.endswith("}spell")]
        assert len(spells) == len(timed)
        dated = timed
        assert all(s.get("start", "") <= s.get("end", "") for s in spells)
        assert all(len(s.get("start", "")) == len(s.get("end", "")) == 10 for s in spells)


def test_day_bounds_of_partial_dates() -> None:
    from sitrep.export.graph import day_bounds

    assert day_bounds("2019", "2019") == ("2019-01-01", "2019-12-31")
    assert day_bounds("2020-02", "2020-02") == ("2020-02-01", "2020-02-29")
    assert day_bounds("2020-03-05", None) == ("2020-03-05", None)
    assert day_bounds("soon", "2019-13") == (None, None)


def test_unknown_view_format_is_one_json_error(client: TestClient) -> None:
    response = client.get("/api/explore/export/ftm")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not-found"
    bad = client.get("/api/explore/events", params={"since": "yesterday"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "validation"


@pytest.mark.parametrize("bad", ["2016-13-01", "2016-10-00", "2016-00", "yesterday"])
@pytest.mark.parametrize(
    "route",
    ["/api/explore/events", "/api/events", "/api/timeline", "/api/map", "/api/export/csv"],
)
def test_a_date_that_is_no_calendar_day_is_refused_in_words(
    client: TestClient, route: str, bad: str
) -> None:
    """Dates are compared as text: 2016-13-01 would silently mean "from 2017 on"; the
    message names the field and the value in words, not a regular expression."""
    response = client.get(route, params={"since": bad})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation"
    # the message the workbench shows names the field and says what is wrong, in words
    assert error["message"].startswith(f"the request is not valid: since: {bad!r} is not a date")


def test_the_read_model_refuses_an_impossible_date_and_keeps_partial_ones() -> None:
    from sitrep.errors import UsageError
    from sitrep.read.events import EventFilter

    assert EventFilter(since="2016", until="2016-02-29").until == "2016-02-29"
    with pytest.raises(UsageError, match="not a date"):
        EventFilter(until="2017-13")


def test_explorer_rows_match_the_csv_export(client: TestClient) -> None:
    """Place, country, fatalities and outlets read the same in the explorer and in the CSV."""
    rows = {r["id"]: r for r in get(client, "/api/explore/events")["items"]}
    response = client.get("/api/explore/export/csv")
    for line in csv.DictReader(io.StringIO(response.text)):
        row = rows[line["sitrep_event_id"]]
        assert line["location"] == (row["place_name"] or "")
        assert line["country"] == (row["country_name"] or "")
        assert int(line["fatalities"]) == row["fatalities"]
        assert line["source"] == "; ".join(row["outlets"])


def test_search_adds_an_entitys_other_spellings(client: TestClient) -> None:
    """'Ismail Qaani' (an alias, in no article) finds the articles that write 'Esmail Ghaani'."""
    words = get(client, "/api/search", q="Ismail Qaani")
    found = get(client, "/api/search/entities", q="ismail  QAANI")
    assert [e["id"] for e in found["entities"]] == ["esmail-ghaani"]
    dossier = {s["id"] for s in get(client, "/api/entities/esmail-ghaani")["sources"]}
    assert dossier and {d["id"] for d in found["items"]} >= dossier
    assert found["total"] == words["total"] + found["added"] and found["added"] >= 1
    assert any(s["text"] == "Esmail Ghaani" for s in found["spellings"])
    added = [d for d in found["items"] if d["via"]]
    assert all(any(p["match"] for p in d["snippet"]) for d in added)
    assert get(client, "/api/search/entities", q="airport")["entities"] == []  # names no one
    # narrowed to a day, the documents added and their spellings are those of that day's list
    days = sorted({d["published"][:10] for d in added})
    assert len(days) == 2, "the fixture adds reports of two days"
    one_day = get(client, "/api/search/entities", q="ismail  QAANI", since=days[1], until=days[1])
    listed = [d for d in one_day["items"] if d["via"]]
    assert (
        one_day["added"]
        == len(listed)
        == len(added) - sum(d["published"][:10] == days[0] for d in added)
    )
    written = Counter(w for d in listed for w in d["via"])
    assert {s["text"]: s["documents"] for s in one_day["spellings"]} == dict(written)


def test_ego_network_typed_links_with_evidence(
    client: TestClient, built: tuple[Store, Built]
) -> None:
    ego = get(client, "/api/network/ego/esmail-ghaani")
    assert {n["id"]: n["hop"] for n in ego["nodes"]}["esmail-ghaani"] == 0
    link = next(
        e for e in ego["edges"] if {e["source"], e["target"]} == {"esmail-ghaani", "quds-force"}
    )
    assert link["events"] == 1 and [e["id"] for e in link["event_list"]] == [
        built[1].events["visit"]
    ]
    assert link["weight"] == link["events"] + link["sentences"]
    for said in link["said"]:
        text = built[1].texts[said["document_id"]]
        assert (
            "Ghaani" in text[said["start"] : said["end"]]
            or "Quds" in text[said["start"] : said["end"]]
        )
    network = get(client, "/api/network")  # the same link definitions as the whole network
    whole = next(
        e for e in network["edges"] if {e["source"], e["target"]} == {"esmail-ghaani", "quds-force"}
    )
    assert (whole["events"], whole["sentences"]) == (link["events"], link["sentences"])
    later = get(client, "/api/network/ego/esmail-ghaani", since="2021")
    assert all(e["events"] == 0 for e in later["edges"])
    assert client.get("/api/network/ego/nobody").status_code == 404


def test_acled_coded_csv(client: TestClient, built: tuple[Store, Built]) -> None:
    """ACLED's event types, 'Unidentified Armed Group (Country)' for an attack's unnamed
    actor, numeric ISO, the first report's sentence as notes, a source always named."""
    response = client.get("/api/explore/export/acled")
    assert response.status_code == 200, response.text
    rows = {r["sitrep_event_id"]: r for r in csv.DictReader(io.StringIO(response.text))}
    events = built[1].events
    assert set(rows) == set(events.values())
    strike = rows[events["strike"]]
    assert (strike["event_type"], strike["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert strike["disorder_type"] == "Political violence"
    assert strike["actor1"] == "Unidentified Armed Group (Syria)"
    assert strike["actor2"] == "Islamic Revolutionary Guard Corps"
    assert (strike["iso"], strike["country"], strike["fatalities"]) == ("760", "Syria", "7")
    assert strike["event_id_cnty"].startswith("SYR") and "sitrep: contested" in strike["tags"]
    assert strike["notes"] and strike["notes"] in " ".join(built[1].texts.values())
    visit = rows[events["visit"]]
    assert (visit["event_type"], visit["sub_event_type"]) == ("Strategic developments", "Other")
    assert visit["actor1"] == "Esmail Ghaani"  # a named actor stays named
    assert all(r["source"] for r in rows.values())
    assert "no place known" in rows[events["comment"]]["tags"]
    only = client.get("/api/explore/export/acled", params={"min_fatalities": 1}).text
    assert [r["sitrep_event_id"] for r in csv.DictReader(io.StringIO(only))] == [events["strike"]]


def test_a_death_report_at_an_attacks_place_and_day_is_that_attack() -> None:
    from sitrep.export.acled import same_happening

    def event(key: str, kind: str, place: str | None, day: str | None) -> dict[str, Any]:
        return {"id": key, "type": kind, "place_entity_id": place, "time_start": day}

    events = [
        event("strike", "ASSAULT", "homs", "2018-04-09"),
        event("deaths", "DIE", "homs", "2018-04-09"),
        event("elsewhere", "DIE", "hama", "2018-04-09"),
        event("later", "DIE", "homs", "2018-04-10"),
        event("nowhere", "DIE", None, "2018-04-09"),
    ]
    assert same_happening(events, {}) == {"deaths"}


def test_search_phrases_want_their_words_in_order(
    client: TestClient, built: tuple[Store, Built]
) -> None:
    from sitrep.api.search_entities import fold

    texts = {d: " ".join(fold(t)) for d, t in built[1].texts.items()}
    words = fold(next(iter(built[1].texts.values())))[1:4]
    for phrase in (words, words[::-1]):
        found = get(client, "/api/search/entities", q='"' + " ".join(phrase) + '"')
        said = {d["id"] for d in found["items"] if not d["via"]}
        assert said == {d for d, t in texts.items() if f" {' '.join(phrase)} " in f" {t} "}

    def by_words(q: str) -> int:
        return sum(not d["via"] for d in get(client, "/api/search/entities", q=q)["items"])

    quoted = '"' + " ".join(words) + '"'
    assert by_words(quoted) >= 1
    assert by_words(" ".join(words[::-1])) > by_words('"' + " ".join(words[::-1]) + '"')


def test_search_type_facet_counts_each_kind_and_narrows_to_it(client: TestClient) -> None:
    """A document's type is its kind as acquired (html, text, feed-item, row, pdf)."""
    found = get(client, "/api/search/entities", q="Ghaani", limit=100)
    kinds = {f["value"]: f["count"] for f in found["facets"]["type"]}
    assert kinds and sum(kinds.values()) == found["total"]
    for kind, n in kinds.items():
        narrowed = get(client, "/api/search/entities", q="Ghaani", type=kind, limit=100)
        assert narrowed["total"] == n and {d["format"] for d in narrowed["items"]} == {kind}
    assert get(client, "/api/search/entities", q="Ghaani", type="pdf")["total"] == 0
    plain = get(client, "/api/search", q="Ghaani")["items"]  # the words' own hits say it too
    assert plain and all(d["format"] in kinds for d in plain)


def test_a_dossier_names_the_entities_its_positions_and_affiliations_give(
    client: TestClient,
) -> None:
    """The organisations come with the dossier: before, the page asked the explorer (a read of
    the whole store) once per organisation to link them."""
    dossier = get(client, "/api/entities/esmail-ghaani")
    assert dossier["organisations"] == {
        "quds-force": {"id": "quds-force", "name": "Quds Force", "type": "group"},
        "irgc": {"id": "irgc", "name": "Islamic Revolutionary Guard Corps", "type": "state_body"},
    }
    assert get(client, "/api/entities/israel")["organisations"] == {}


def test_the_map_and_timeline_get_every_event_in_few_requests(client: TestClient) -> None:
    """Each explorer request reads the whole store: the map and the timeline ask for up to
    5,000 events at once instead of pages of 500."""
    every = get(client, "/api/explore/events", limit=5000)
    assert every["limit"] == 5000 and len(every["items"]) == every["total"] == len(EVENTS)
    too_many = client.get("/api/explore/events", params={"limit": 5001})
    assert too_many.status_code == 422


def test_an_exported_view_is_named_after_its_filter(client: TestClient) -> None:
    """Views exported one after another arrive under names that say which view they are."""
    named = client.get(
        "/api/explore/export/geojson",
        params={"type": ["strike", "visit"], "place": "Aleppo", "since": "2020-01"},
    )
    assert named.headers["content-disposition"] == (
        'attachment; filename="sitrep-events-type-strike-visit-place-aleppo-since-2020-01.geojson"'
    )
    everything = client.get("/api/explore/export/csv")
    assert everything.headers["content-disposition"] == 'attachment; filename="sitrep-events.csv"'
    # a header is Latin-1: a name in Arabic script is left out of the file name, not a 500
    arabic = client.get("/api/explore/export/csv", params={"actor": "اسماعيل قاآني"})
    assert arabic.status_code == 200
    assert arabic.headers["content-disposition"] == (
        'attachment; filename="sitrep-events-actor.csv"'
    )


def test_near_lists_the_events_closest_in_time_first(client: TestClient) -> None:
    """What the event page offers to merge: events of about the same days, nearest first,
    undated last, whatever their place in time order."""
    from datetime import date

    def gap(item: dict[str, Any], day: date) -> int:
        start = item["time_start"]
        return abs((date.fromisoformat((start + "-01-01")[:10]) - day).days) if start else 10**9

    every = get(client, "/api/explore/events", limit=500)["items"]
    dated = sorted(i["time_start"] for i in every if i["time_start"])
    middle = dated[len(dated) // 2][:10]
    day = date.fromisoformat((middle + "-01-01")[:10])
    near = get(client, "/api/explore/events", near=middle, limit=500)["items"]
    assert {i["id"] for i in near} == {i["id"] for i in every}
    gaps = [gap(i, day) for i in near]
    assert gaps == sorted(gaps) and gaps[0] < gap(every[0], day)
    assert client.get("/api/explore/events", params={"near": "2016-13"}).status_code == 422


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_search_sorts_by_publication_with_the_undated_last(client: TestClient, sort: str) -> None:
    """The same documents as by relevance, in publication order, the undated last."""
    relevant = get(client, "/api/search/entities", q="Ghaani", limit=500)
    ordered = get(client, "/api/search/entities", q="Ghaani", sort=sort, limit=500)
    assert ordered["total"] == relevant["total"] >= 2
    assert {d["id"] for d in ordered["items"]} == {d["id"] for d in relevant["items"]}
    days = [d["published"] for d in ordered["items"]]
    dated = [d for d in days if d]
    assert dated == sorted(dated, reverse=sort == "newest")
    assert days == dated + [None] * (len(days) - len(dated))
    assert client.get("/api/search/entities", params={"q": "x", "sort": "best"}).status_code == 422


def test_search_narrows_to_a_period_of_publication(client: TestClient) -> None:
    """since/until keep the documents published in the period, both ends in it, whole or
    partial dates; undated documents fall out; the facets count the hits kept, as listed."""
    every = get(client, "/api/search/entities", q="Aleppo", limit=500)
    days = sorted(d["published"][:10] for d in every["items"] if d["published"])
    assert len(set(days)) >= 2, "the fixture's hits were all published on one day"
    first, last = days[0], days[-1]
    for since, until in ((first, first), (last, None), (None, first), (first[:7], last[:4])):
        params = {k: v for k, v in (("since", since), ("until", until)) if v}
        narrowed = get(client, "/api/search/entities", q="Aleppo", limit=500, **params)
        kept = sorted(d["published"][:10] for d in narrowed["items"])
        expected = [d for d in days if d >= (since or "") and d <= (until or "9999") + "\uffff"]
        assert kept == expected, params
        assert narrowed["facets"] == facets_of(narrowed["items"]), params
    assert every["facets"] == facets_of(every["items"])
    assert (
        client.get("/api/search/entities", params={"q": "x", "since": "2016-13"}).status_code == 422
    )


# the report each fixture event was first told in (the earliest published of its claims'
# documents) and how many documents tell it
FIRST_REPORTS = {"visit": ("visit", 2), "strike": ("strike", 2), "comment": ("visit-wire", 1)}


@pytest.mark.parametrize(
    "params", [{"country": "SY"}, {"status": "contested"}, {"actor": "irgc"}, {"since": "2020"}]
)
def test_a_views_csv_cites_each_rows_first_report(
    client: TestClient, built: tuple[Store, Built], params: dict[str, str]
) -> None:
    """Each row of a filtered view's CSV (both CSV formats) gives the title and address of the
    event's earliest report and how many documents report it; the explorer's rows and the JSON
    lines export cite the same document (one reading: `read.claims.event_sources`)."""
    by_id = {built[1].events[key]: key for key in FIRST_REPORTS}
    shown = {r["id"]: r for r in get(client, "/api/explore/events", limit=500, **params)["items"]}
    assert shown, params
    for fmt in ("csv", "acled"):
        response = client.get(f"/api/explore/export/{fmt}", params=params)
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert {r["sitrep_event_id"] for r in rows} <= set(shown), (fmt, params)
        for row in rows:
            article, documents = FIRST_REPORTS[by_id[row["sitrep_event_id"]]]
            assert row["first_report_title"] == ARTICLES[article]["title"], (fmt, row)
            assert row["first_report_url"] == ARTICLES[article]["url"], (fmt, row)
            assert int(row["n_documents"]) == documents, (fmt, row)
    lines = client.get("/api/explore/export/jsonl", params=params).text.splitlines()
    events = [e for e in map(json.loads, lines) if e["kind"] == "event"]
    for event_id, row in shown.items():
        article, documents = FIRST_REPORTS[by_id[event_id]]
        assert row["first_report"] == {
            "document_id": built[1].docs[article],
            "title": ARTICLES[article]["title"],
            "url": ARTICLES[article]["url"],
        }
        assert row["n_documents"] == documents
    assert {e["id"]: (e["first_report"], e["n_documents"]) for e in events} == {
        i: (r["first_report"], r["n_documents"]) for i, r in shown.items()
    }


def test_a_report_without_an_address_is_cited_by_its_document_id() -> None:
    """A file ingested from disk has no URL: the CSV cites its document id instead; an event
    with no claims cites nothing."""
    claims: list[Any] = [
        {"document_id": "doc-b", "document_title": "Shelling near Idlib", "document_url": None},
        {"document_id": "doc-b", "document_title": "Shelling near Idlib", "document_url": None},
        {"document_id": "doc-c", "document_title": None, "document_url": "https://x.test/c"},
    ]
    assert cited_sources(claims) == {
        "first_report_title": "Shelling near Idlib",
        "first_report_url": "doc-b",
        "n_documents": 2,
    }
    assert cited_sources([]) == {"first_report_title": "", "first_report_url": "", "n_documents": 0}


@pytest.mark.parametrize("params", [{}, {"country": "SY"}, {"since": "2018-04-10"}])
def test_a_weeks_bar_counts_the_events_of_that_weeks_view(
    client: TestClient, params: dict[str, str]
) -> None:
    """An event counts in each week its dates overlap (the fixture's month-long strike in the
    six weeks touching April 2018), so a bar's count is the total of the view narrowed to its
    week (since its Monday, until its Sunday, within the view's own period): the rule the date
    filter keeps events by."""
    weekly = get(client, "/api/explore/events", **params)["weekly"]
    assert weekly, params
    for bar in weekly:
        monday = date.fromisoformat(bar["week"])
        since = max(monday.isoformat(), params.get("since", ""))
        until = (monday + timedelta(days=6)).isoformat()
        narrowed = get(client, "/api/explore/events", **{**params, "since": since, "until": until})
        assert narrowed["total"] == bar["count"], (params, bar)
    if not params:
        april = [b for b in weekly if "2018-03-26" <= b["week"] <= "2018-04-30"]
        assert [b["count"] for b in april] == [1] * 6


def test_the_weeks_an_events_dates_overlap() -> None:
    from sitrep.api.explore import _weeks_overlapped

    def mondays(start: str | None, end: str | None) -> list[str]:
        return [d.isoformat() for d in _weeks_overlapped(start, end)]

    assert mondays("2017-05-07", None) == ["2017-05-01"]  # a Sunday: its Monday's week
    assert mondays("2017-05-08", "2017-05-08") == ["2017-05-08"]
    assert mondays("2017-02-01", "2017-02-28") == [
        "2017-01-30", "2017-02-06", "2017-02-13", "2017-02-20", "2017-02-27"
    ]  # fmt: skip
    assert mondays("2017-02", "2017-02") == mondays("2017-02-01", "2017-02-28")
    assert mondays("2017-05-10", "2017-05-09") == ["2017-05-08"]  # an end before, same week
    assert mondays("2017-05-10", "2017-04-01") == []
    assert mondays(None, None) == [] and mondays("soon", None) == []


def facets_of(items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The search's facets counted from the hits listed (most first, then by value)."""

    def counted(values: list[str]) -> list[dict[str, Any]]:
        found = Counter(v for v in values if v)
        return [
            {"value": v, "count": n} for v, n in sorted(found.items(), key=lambda x: (-x[1], x[0]))
        ]

    return {
        "site": counted([d["site"] for d in items]),
        "year": counted([(d["published"] or "")[:4] for d in items]),
        "type": counted([d["format"] for d in items]),
    }


@pytest.mark.parametrize(
    "params",
    [{"since": "2020-03-11"}, {"until": "2018"}, {"site": "Example Wire"},
     {"year": "2020", "since": "2020-03-10", "until": "2020-03-10"}],
)  # fmt: skip
def test_search_facets_count_what_the_list_holds(
    client: TestClient, params: dict[str, str]
) -> None:
    """Whatever narrows the hits (a period, an outlet, a year, a type), each facet counts the
    documents the list holds: a period's year facet names only years in it, and a facet's
    counts add up to the total (every fixture document has an outlet, a date and a type)."""
    every = get(client, "/api/search/entities", q="the", limit=500)  # each fixture report
    found = get(client, "/api/search/entities", q="the", limit=500, **params)
    assert 0 < found["total"] < every["total"], params
    assert found["facets"] == facets_of(found["items"]), params
    for key in ("site", "year", "type"):
        assert sum(f["count"] for f in found["facets"][key]) == found["total"], (key, params)


def test_the_trend_picks_its_bin_from_the_span_shown(client: TestClient) -> None:
    """A week's view is seven days (it drew three weekly bars: the weeks its events overlap),
    two years or less is weeks, longer is months. The span is the view's from/to, else its
    events'; each bar stays within it and its narrowed view lists as many events as it counts
    (the April 2018 strike, a month's event, counts in each day and week of April)."""
    week = get(client, "/api/explore/events", since="2018-04-09", until="2018-04-15")["trend"]
    assert week["bin"] == "day"
    assert [(b["start"], b["end"], b["count"]) for b in week["bars"]] == [
        (f"2018-04-{d:02d}", f"2018-04-{d:02d}", 1) for d in range(9, 16)
    ]
    spring = get(client, "/api/explore/events", since="2018-03-28", until="2018-06")["trend"]
    assert spring["bin"] == "week"
    first, last = spring["bars"][0], spring["bars"][-1]
    assert (first["start"], first["end"]) == ("2018-03-28", "2018-04-01")  # cut by the view
    assert (last["start"], last["end"]) == ("2018-06-25", "2018-06-30")
    assert [b["count"] for b in spring["bars"]][:7] == [1, 1, 1, 1, 1, 1, 0]  # 26 Mar-6 May
    assert get(client, "/api/explore/events")["trend"]["bin"] == "week"  # 2018-04 to 2020-03
    years = get(client, "/api/explore/events", since="2015", until="2020")["trend"]
    assert years["bin"] == "month" and years["bars"][0]["start"] == "2015-01-01"
    assert years["bars"][-1]["end"] == "2020-12-31"
    for trend in (week, spring, years):
        for bar in trend["bars"]:
            if bar["count"]:
                narrowed = {"since": bar["start"], "until": bar["end"]}
                assert get(client, "/api/explore/events", **narrowed)["total"] == bar["count"]
