"""The event's governorate (`admin1` in GET /api/events/{id}) is the one the explorer's rows and
its `admin1` filter read, so the event page's "other events in the same governorate within two
days" asks the explorer for them; on both backends."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.store import Store
from storefixtures import Built


def test_an_events_governorate_is_the_explorers(built: tuple[Store, Built]) -> None:
    store, fixture = built
    with TestClient(create_app(store), base_url="http://127.0.0.1:8000") as client:
        rows = client.get("/api/explore/events").json()["items"]
        assert {r["id"] for r in rows} == set(fixture.events.values())
        for row in rows:
            detail = client.get(f"/api/events/{row['id']}").json()
            assert detail["admin1"] == row["admin1"]
        # the explorer's filter by it finds the event again
        visit = client.get(f"/api/events/{fixture.events['visit']}").json()
        assert visit["admin1"] == "Aleppo"
        near = client.get("/api/explore/events", params={"admin1": visit["admin1"]}).json()
        assert fixture.events["visit"] in {r["id"] for r in near["items"]}
        # an event placed only by its words has none
        assert client.get(f"/api/events/{fixture.events['comment']}").json()["admin1"] is None
