"""The explorer's query (`sitrep.api.explore.select_events`: filters in SQL, only the kept
events' outlets and entities read) gives exactly what a straightforward reference gives: read
every event, claim and entity, build every row, filter in Python. Checked on the fixture store
plus a hundred generated events of every kind (dated whole, partial or not at all; placed by an
entity, by text or nowhere; named and unnamed participants; claims with and without outlets,
quotes and sentences), through every filter, several together, each sort and pages, on SQLite
and PostgreSQL."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import BACKENDS, fresh_database
from sitrep.api import create_app, explore_points
from sitrep.api import explore as x
from sitrep.api import workbench_models as wm
from sitrep.read.claims import claims_by_event
from sitrep.read.entities import entities_named, entities_with_aliases
from sitrep.read.events import list_events
from sitrep.read.explore import event_row
from sitrep.records import stable_id
from sitrep.store import Store, insert_ignore, schema
from storefixtures import ENTITIES, Built, build_store

TYPES = ("ASSAULT", "CONSULT", "PROTEST", "COERCE")
MODES = (None, "air-strike", "shelling", "visit")
STATUSES = ("single-source", "corroborated", "contested", "denied")
WORDS = ("convoy", "market", "Bridge", "ceasefire", "hospital", "قافلة", "river")
OUTLETS = (None, "Example Daily", "Example Wire", "Other Post")
PLACES = ("geo-aleppo", "geo-homs")
ACTORS = ("esmail-ghaani", "quds-force", "irgc", "israel")


def _time(rng: random.Random) -> tuple[str | None, str | None, str]:
    year = rng.choice(("2017", "2018", "2019"))
    month, day = f"{rng.randint(1, 12):02d}", f"{rng.randint(1, 28):02d}"
    return rng.choice(
        [
            (None, None, "unresolved"),
            (year, year, "year"),
            (f"{year}-{month}", f"{year}-{month}", "month"),
            (f"{year}-{month}-{day}", f"{year}-{month}-{day}", "day"),
            (f"{year}-{month}-{day}", f"{year}-{month}-28", "range"),
        ]
    )


def add_generated_events(store: Store, built: Built, n: int, seed: int) -> None:
    """`n` events of random kinds, each with 0-3 claims from the fixture's documents."""
    rng = random.Random(seed)
    docs = sorted(built.docs.values())
    events, mentions, claims = [], [], []
    for i in range(n):
        event_id = stable_id("evt", "generated", i)
        start, end, precision = _time(rng)
        place = rng.choice((*PLACES, None, None))
        parts = [
            {"role": rng.choice(("actor", "target")), "entity_id": e, "name": e}
            for e in rng.sample(ACTORS, rng.randint(0, 2))
        ] + [{"role": "actor", "entity_id": None, "name": "gunmen"}] * rng.randint(0, 1)
        killed = rng.choice((None, 0, 3, 12))
        common = {"type": rng.choice(TYPES), "mode": rng.choice(MODES), "participants": parts,
                  "place_entity_id": place, "time_start": start, "time_end": end,
                  "time_precision": precision,
                  "casualties": None if killed is None else {"killed": killed}}  # fmt: skip
        n_claims = rng.randint(0, 3)
        events.append({**common, "id": event_id, "first_told": None,
                       "summary": " ".join(rng.sample(WORDS, 2)) + f" event {i}",
                       "place": None if place else {"text": "a village", "country": "SY"},
                       "status": rng.choice(STATUSES), "status_reason": "generated",
                       "n_claims": n_claims, "n_origins": n_claims, "origins": []})  # fmt: skip
        for j in range(n_claims):
            doc = rng.choice(docs)
            mention_id = stable_id("evm", event_id, j)
            mentions.append({**common, "id": mention_id, "document_id": doc,
                             "event_id": event_id, "trigger": "hit", "trigger_start": j,
                             "trigger_end": j + 1, "sentence": rng.randint(0, 1), "place": None,
                             "time": None, "negated": False, "modality": None})  # fmt: skip
            quote = rng.choice((None, " ".join(rng.sample(WORDS, 2)).upper()))
            claims.append({"id": stable_id("clm", mention_id), "document_id": doc,
                           "event_mention_id": mention_id, "outlet": rng.choice(OUTLETS),
                           "chain": [], "stance": "reports", "hedged": False, "hedges": [],
                           "quote": quote, "start": j, "end": j + 1, "sentence": 0,
                           "sentence_text": rng.choice(("", f"The {rng.choice(WORDS)} was hit.")),
                           "origin_key": None,
                           "analyst_mark": None})  # fmt: skip
    with store.transaction() as conn:
        insert_ignore(conn, schema.events, events)
        insert_ignore(conn, schema.event_mentions, mentions)
        insert_ignore(conn, schema.claims, claims)


@pytest.fixture(scope="module", params=BACKENDS)
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("explore-query")
    with fresh_database(request.param, folder) as url:
        built_store = Store(url)
        add_generated_events(built_store, build_store(built_store, folder), 120, seed=22)
        yield built_store
        built_store.close()


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store), base_url="http://127.0.0.1") as c:
        yield c


def reference_rows(store: Store, f: x.EventFilter) -> list[dict[str, Any]]:
    """Every event read, every row built, then filtered in Python, one check per filter."""
    with store.read() as conn:
        known = entities_with_aliases(conn)
        claims = claims_by_event(conn)
        events = list_events(conn)
        actors = entities_named(conn, f.actor) if f.actor else set()
        targets = entities_named(conn, f.target) if f.target else set()
        anyone = entities_named(conn, f.entity) if f.entity else set()
        places = entities_named(conn, f.place) if f.place else set()

    def said(event: dict[str, Any]) -> bool:
        told = claims.get(event["id"], [])
        texts = [event["summary"]] + [c["quote"] or "" for c in told]
        texts += [c["sentence_text"] for c in told]
        return all(any(w.lower() in t.lower() for t in texts) for w in (f.words or "").split())

    def overlaps(event: dict[str, Any]) -> bool:
        start, end = event["time_start"], event["time_end"] or event["time_start"]
        if f.since and (end is None or end + "\uffff" < f.since):
            return False
        return not (f.until and (start is None or start > f.until + "\uffff"))

    def acting(event: dict[str, Any], doers: bool) -> set[str]:
        return {
            p["entity_id"]
            for p in event["participants"]
            if p.get("entity_id") and (p.get("role") in ("actor", "by")) == doers
        }

    kept = []
    for event in events:
        row = event_row(event, claims.get(event["id"], []), known)
        involved = {event["place_entity_id"]} | {p.get("entity_id") for p in event["participants"]}
        checks = (
            not f.type or row["type"] in f.type,
            not f.mode or row["mode"] in f.mode,
            not f.status or row["status"] in f.status,
            # a doer (actor, by); the other side (any other role); any part or the place
            not f.actor or bool(acting(event, True) & actors),
            not f.target or bool(acting(event, False) & targets),
            not f.entity or bool(involved & anyone),
            not f.place or event["place_entity_id"] in places,
            overlaps(event),
            said(event),
            not f.country or (row["country"] or "") in f.country,
            not f.admin1 or f.admin1.casefold() == (row["admin1"] or "").casefold(),
            not f.outlet or f.outlet.casefold() in {o.casefold() for o in row["outlets"]},
            f.min_fatalities is None or row["fatalities"] >= f.min_fatalities,
        )
        if all(checks):
            kept.append(row)
    return kept


FILTERS: list[dict[str, Any]] = [
    {},
    {"type": ["assault"]},
    {"type": ["ASSAULT", "PROTEST"], "status": ["contested", "denied"]},
    {"mode": ["air-strike"]},
    {"status": ["single-source"], "since": "2018"},
    {"since": "2018-03", "until": "2018-10-15"},
    {"until": "2017"},
    {"actor": "IRGC"},
    {"actor": "Ismail Qaani", "type": ["CONSULT", "ASSAULT"]},
    {"target": "IRGC"},
    {"entity": "IRGC", "since": "2018"},
    {"actor": "IRGC", "target": "Quds Force"},
    {"place": "Aleppo", "since": "2018-01-01"},
    {"country": ["SY"], "min_fatalities": 3},
    {"admin1": "homs"},
    {"outlet": "example wire"},
    {"words": "convoy"},
    {"words": "MARKET  bridge"},
    {"words": "قافلة", "status": ["corroborated"]},
    {"words": "river ceasefire", "place": "Homs Governorate", "outlet": "Other Post"},
    {"words": "nothing-says-this"},
]


def as_filter(params: dict[str, Any]) -> x.EventFilter:
    many = {k: tuple(v) for k, v in params.items() if isinstance(v, list)}
    if "type" in many:
        many["type"] = tuple(t.upper() for t in many["type"])
    one = {k: v for k, v in params.items() if not isinstance(v, list)}
    if "words" in one:
        one["words"] = " ".join(one["words"].split())
    return x.EventFilter(**many, **one)


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: ",".join(p) or "none")
def test_the_explorer_query_gives_what_reading_everything_gives(
    client: TestClient, store: Store, params: dict[str, Any]
) -> None:
    rows = reference_rows(store, as_filter(params))
    assert rows or params.get("words") == "nothing-says-this", "a filter that tests nothing"
    for sort, order, offset in (("time", "asc", 0), ("fatalities", "desc", 5), ("place", "asc", 0),
                                ("outlets", "desc", 0), ("status", "asc", 3)):  # fmt: skip
        response = client.get(
            "/api/explore/events",
            params={**params, "sort": sort, "order": order, "limit": 7, "offset": offset},
        )
        assert response.status_code == 200, response.text
        page = response.json()
        ordered = x.sort_rows(rows, sort, order == "desc")
        assert page["total"] == len(rows)
        assert page["items"] == ordered[offset : offset + 7], (sort, order)
        assert page["facets"] == x.facets(ordered)
        assert page["weekly"] == x.weekly(ordered)
        assert page["trend"] == x.trend(ordered, params.get("since"), params.get("until"))
        # written without the response model (`_as_json`): what it would have written
        assert page == wm.ExplorerPage.model_validate(page).model_dump(mode="json")
    near = client.get("/api/explore/events", params={**params, "near": "2018-06-01"}).json()
    assert [r["id"] for r in near["items"]] == [
        r["id"] for r in x.nearest_first(rows, "2018-06-01")[:50]
    ]


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: ",".join(p) or "none")
def test_the_points_are_the_explorer_rows_fields_in_time_order(
    client: TestClient, store: Store, params: dict[str, Any]
) -> None:
    """`/api/explore/points` (the map's and the timeline's) gives the rows the explorer's query
    keeps, in its time order, with the point fields of each, page after page."""
    rows = x.sort_rows(reference_rows(store, as_filter(params)), "time", False)
    fields = tuple(wm.PointColumns.model_fields)
    assert {"id", "lat", "lon", "time_start", "status", "summary"} <= set(fields)
    pages = []
    for offset in range(0, len(rows) + 1, 11):
        response = client.get(
            "/api/explore/points", params={**params, "limit": 11, "offset": offset}
        )
        assert response.status_code == 200, response.text
        page = response.json()
        assert page == wm.ExplorerPoints.model_validate(page).model_dump(mode="json")
        assert (page["total"], page["limit"], page["offset"]) == (len(rows), 11, offset)
        assert set(page["columns"]) == set(fields)
        pages.append(page["columns"])
    points = [
        {name: value for name, value in zip(fields, values, strict=True)}
        for columns in pages
        for values in zip(*(columns[name] for name in fields), strict=True)
    ]
    assert points == [{name: row[name] for name in fields} for row in rows]
    whole = client.get("/api/explore/points", params=params).json()
    assert whole["columns"]["id"] == [r["id"] for r in rows]


ROW_FILTERS = [p for p in FILTERS if p and x._on_rows_only(as_filter(p))]


@pytest.mark.parametrize("params", ROW_FILTERS, ids=lambda p: ",".join(p))
def test_a_filter_on_rows_is_read_from_every_events_kept_rows(
    client: TestClient, store: Store, params: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With every event's rows kept (the explorer or the map seen unfiltered), a facet clicked
    or the event page's candidates of a type are those rows narrowed, not a new reading: the
    same answers as reading everything, and the store read once."""
    for kept in (x._SELECTIONS, x._VIEWS, explore_points._POINTS):
        kept.clear()
    read: list[x.EventFilter] = []
    real = x.select_events

    def counted(conn: Any, f: x.EventFilter) -> x.Selection:
        read.append(f)
        return real(conn, f)

    monkeypatch.setattr(x, "select_events", counted)
    assert client.get("/api/explore/events", params={"limit": 1}).status_code == 200
    rows = reference_rows(store, as_filter(params))
    assert rows, "a filter that tests nothing"
    for sort, order in (("time", "asc"), ("fatalities", "desc"), ("place", "asc")):
        page = client.get(
            "/api/explore/events", params={**params, "sort": sort, "order": order, "limit": 500}
        ).json()
        ordered = x.sort_rows(rows, sort, order == "desc")
        assert page["total"] == len(rows)
        assert page["items"] == ordered
        assert page["facets"] == x.facets(ordered)
        assert page["weekly"] == x.weekly(ordered)
        assert page["matched"] == {}
    points = client.get("/api/explore/points", params=params).json()["columns"]["id"]
    assert points == [r["id"] for r in x.sort_rows(rows, "time", False)]
    assert read == [x.EventFilter()]


def test_the_generated_store_has_every_kind_of_event(store: Store) -> None:
    """The comparison above means something only where the events vary."""
    rows = reference_rows(store, x.EventFilter())
    assert len(rows) > 100
    assert {r["type"] for r in rows} >= set(TYPES)
    assert {r["status"] for r in rows} == set(STATUSES)
    assert any(r["time_start"] is None for r in rows)
    assert any(r["time_start"] and len(r["time_start"]) == 4 for r in rows)
    assert any(r["place_entity_id"] is None and r["country"] == "SY" for r in rows)
    assert any(not r["outlets"] for r in rows) and any(len(r["outlets"]) > 1 for r in rows)
    assert len(ENTITIES) == 7  # the fixture's, which the generated events name
