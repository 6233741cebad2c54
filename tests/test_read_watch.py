"""Watched views (`sitrep.read.watch`) on the fixture store, on both backends: a saved filter's
count is the explorer's, and what is new since the last visit is what was first stored after
it, counted once."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.errors import NotFoundError, UsageError
from sitrep.read import watch
from sitrep.read.explore import EventFilter, filter_query, parse_filter
from sitrep.records import stable_id
from sitrep.store import Store, revision
from storefixtures import Built, add_report, ingest


def _views(store: Store) -> dict[str, tuple[int, int]]:
    with store.read() as conn:
        return {v["name"]: (v["total"], v["new"]) for v in watch.watched_views(conn)}


def _updated(store: Store) -> dict[str, int]:
    with store.read() as conn:
        return {v["name"]: v["updated"] for v in watch.watched_views(conn)}


# A second trip to the same city, written for this test (no article's words).
TRIP = {
    "id": stable_id("evt", "second-trip"),
    "type": "CONSULT",
    "mode": "visit",
    "summary": "Esmail Ghaani returns to Aleppo",
    "participants": [{"role": "actor", "entity_id": "esmail-ghaani", "name": "Esmail Ghaani"}],
    "place_entity_id": "geo-aleppo",
    "time_start": "2020-05-01",
    "time_end": "2020-05-01",
    "time_precision": "day",
}


def test_a_report_stored_after_the_visit_is_new_until_the_view_is_opened(
    built: tuple[Store, Built], tmp_path: Path
) -> None:
    store, fixture = built
    saved = watch.save_view(store, "Aleppo front", "#/events?place=aleppo&type=consult")
    assert saved["filter"] == "type=CONSULT&place=aleppo"
    assert (saved["total"], saved["new"]) == (1, 0)
    watch.save_view(store, "everything", "")
    assert _views(store) == {"Aleppo front": (1, 0), "everything": (3, 0)}

    add_report(
        store, tmp_path, "A second trip", "Esmail Ghaani was back in Aleppo on Friday.", TRIP
    )
    assert _views(store) == {"Aleppo front": (2, 1), "everything": (4, 1)}
    # a new event is new, not updated, however many reports it has
    assert _updated(store) == {"Aleppo front": 0, "everything": 0}

    # a later report on a known event merges into it: the event was seen, it is not new again,
    # but it is updated
    known = {**TRIP, "id": fixture.events["visit"]}
    add_report(
        store, tmp_path, "Ghaani at the front, again", "Ghaani toured the Aleppo front.", known
    )
    assert _views(store) == {"Aleppo front": (2, 1), "everything": (4, 1)}
    assert _updated(store) == {"Aleppo front": 1, "everything": 1}

    with store.read() as conn:
        before = revision(conn)
    opened = watch.open_view(store, "Aleppo front")
    assert (opened["view"]["total"], opened["view"]["new"]) == (2, 1)  # as it stood
    assert opened["view"]["updated"] == 1
    assert [r["id"] for r in opened["new_events"]] == [TRIP["id"]]
    assert [r["id"] for r in opened["updated_events"]] == [fixture.events["visit"]]
    assert _views(store) == {"Aleppo front": (2, 0), "everything": (4, 1)}
    assert _updated(store) == {"Aleppo front": 0, "everything": 1}  # seen now: as it was
    with store.read() as conn:
        assert revision(conn) == before  # opening a view leaves the explorer's kept views
    # the same file ingested again is the same document, stored when it first was
    ingest(store, *tmp_path.glob("*.jsonl"))
    assert _views(store) == {"Aleppo front": (2, 0), "everything": (4, 1)}


def test_an_event_read_again_under_another_id_is_not_new(
    built: tuple[Store, Built], tmp_path: Path
) -> None:
    """Corroboration run again may give an event another id: its documents are the same, so
    it was stored when they were, before the visit."""
    from sitrep.store import schema

    store, fixture = built
    watch.save_view(store, "strikes", "type=ASSAULT")
    old = fixture.events["strike"]
    with store.transaction() as conn:
        event = dict(
            conn.execute(schema.events.select().where(schema.events.c.id == old)).mappings().one()
        )
        conn.execute(schema.events.delete().where(schema.events.c.id == old))
        conn.execute(schema.events.insert().values({**event, "id": "evt-read-again"}))
        conn.execute(
            schema.event_mentions.update()
            .where(schema.event_mentions.c.event_id == old)
            .values(event_id="evt-read-again")
        )
    assert _views(store) == {"strikes": (1, 0)}
    assert _updated(store) == {"strikes": 0}  # no report came: nothing to see again


@pytest.mark.parametrize(
    ("first", "latest", "became"),
    [
        ("2026-01-02T06:00:00", "2026-01-03T00:00:00", "new"),
        ("2026-01-01T00:00:00", "2026-01-03T00:00:00", "updated"),
        ("2026-01-01T00:00:00", "2026-01-01T12:00:00", None),
    ],
)
def test_what_became_of_an_event_since_a_visit(first: str, latest: str, became: str) -> None:
    assert watch.since_visit((first, latest), "2026-01-02T00:00:00") == became
    assert watch.since_visit(None, "2026-01-02T00:00:00") is None


def test_a_views_count_is_the_explorers(built: tuple[Store, Built]) -> None:
    store, _ = built
    filters = ["", "status=contested", "admin1=Aleppo", "since=2019&until=2020-03", "actor=IRGC"]
    for number, query in enumerate(filters):
        watch.save_view(store, f"view {number}", query)
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        for number, query in enumerate(filters):
            answer = client.get(f"/api/explore/events?{query}").json()
            assert _views(store)[f"view {number}"][0] == answer["total"], query


def test_saving_a_name_again_replaces_its_filter(built: tuple[Store, Built]) -> None:
    store, _ = built
    watch.save_view(store, "mine", "status=contested")
    watch.save_view(store, "  mine ", "status=corroborated")
    assert _views(store) == {"mine": (1, 0)}
    with store.read() as conn:
        assert watch.watched_view(conn, "mine")["filter"] == "status=corroborated"
    watch.remove_view(store, "mine")
    assert _views(store) == {}
    with pytest.raises(NotFoundError):
        watch.open_view(store, "mine")


def test_another_analysts_views_are_apart(built: tuple[Store, Built]) -> None:
    store, _ = built
    watch.save_view(store, "mine", "", analyst="rana")
    assert _views(store) == {}
    with store.read() as conn:
        assert [v["name"] for v in watch.watched_views(conn, "rana")] == ["mine"]


@pytest.mark.parametrize(
    "query",
    ["colour=red", "since=2016-13", "min_fatalities=many", "actor=a&actor=b", "words=" + "w" * 121],
)
def test_a_filter_the_explorer_cannot_read_is_refused_in_words(query: str) -> None:
    with pytest.raises(UsageError):
        parse_filter(query)


def test_one_filter_is_always_written_the_same_way() -> None:
    f = parse_filter("?until=2016-10&country=sy&type=assault&type=shell&words=  two   words ")
    assert f == EventFilter(
        type=("ASSAULT", "SHELL"), country=("SY",), until="2016-10", words="two words"
    )
    assert filter_query(f) == "type=ASSAULT&type=SHELL&country=SY&until=2016-10&words=two+words"
    assert parse_filter(filter_query(f)) == f
    assert filter_query(EventFilter()) == ""
