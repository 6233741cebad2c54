"""An event's status history (`corroborate.status_history`, `read.status_history`) and what a
watched view makes of it, on both backends: a status changed with no new report (an analyst's
split) makes the event updated, with old -> new status and the judgement that changed it;
opening the view clears it; a decision or a re-run that leaves a status as it was writes
nothing."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, select, text

from sitrep import ledger
from sitrep.api import create_app
from sitrep.corroborate.status_history import StatusChange, changes
from sitrep.read import watch
from sitrep.read.status_history import changed_since, status_history
from sitrep.store import Store, schema
from sitrep.store.migrations import LATEST, MIGRATIONS
from storefixtures import Built


def _counts(store: Store) -> dict[str, tuple[int, int, int]]:
    with store.read() as conn:
        return {v["name"]: (v["total"], v["new"], v["updated"]) for v in watch.watched_views(conn)}


def _mentions(store: Store, event_id: str) -> list[str]:
    em = schema.event_mentions.c
    with store.read() as conn:
        query = select(em.id).where(em.event_id == event_id).order_by(em.document_id, em.id)
        return list(conn.execute(query).scalars())


def _history_rows(store: Store) -> int:
    with store.read() as conn:
        return len(conn.execute(select(schema.event_status_changes.c.id)).all())


def test_a_split_that_changes_a_status_makes_the_event_updated_until_opened(
    built: tuple[Store, Built],
) -> None:
    store, fixture = built
    visit = fixture.events["visit"]  # corroborated: two outlets report it
    watch.save_view(store, "everything", "")
    watch.save_view(store, "visits", "type=CONSULT")
    assert _counts(store) == {"everything": (3, 0, 0), "visits": (1, 0, 0)}

    # the analyst reads the two reports as two trips: each is one outlet's now
    second = _mentions(store, visit)[1]
    done = ledger.decide(
        store, "rana", "two trips", ledger.split_event, visit, [second], "rana", "two trips"
    )
    part, judgement = done["event_id"], done["judgement"]["id"]
    # no report came, yet both the event and the part split off changed status since the visit
    assert _counts(store) == {"everything": (4, 0, 2), "visits": (2, 0, 2)}

    with TestClient(create_app(store), base_url="http://127.0.0.1:8000") as client:
        client.headers["X-CSRF-Token"] = client.get("/api/session").json()["csrf_token"]
        listed = client.get("/api/watch").json()["items"]
        assert [(v["name"], v["updated"]) for v in listed] == [("everything", 2), ("visits", 2)]
        answer = client.post("/api/watch/everything/open")
        assert answer.status_code == 200, answer.text
        said = {r["id"]: r["status_change"] for r in answer.json()["updated_events"]}
        assert said[visit]["old"] == "corroborated"
        assert said[visit]["new"] == "single-source"

    opened = watch.open_view(store, "visits")
    assert opened["new_events"] == []
    changed = {r["id"]: r for r in opened["updated_events"]}
    assert set(changed) == {visit, part}
    for row in changed.values():
        assert row["status"] == "single-source"
        assert row["reported_again"] is False
        change = row["status_change"]
        assert change is not None
        assert (change["old"], change["new"]) == ("corroborated", "single-source")
        assert change["why"] == f"judgement {judgement}"
    assert _counts(store) == {"everything": (4, 0, 0), "visits": (2, 0, 0)}  # opened: seen

    with store.read() as conn:
        kept = status_history(conn, visit)
        split_off = status_history(conn, part)
    assert [(h["old_status"], h["new_status"], h["was_event"]) for h in kept] == [
        ("corroborated", "single-source", visit)
    ]
    # the part split off started as a copy of the event it came out of
    assert [(h["old_status"], h["new_status"], h["was_event"]) for h in split_off] == [
        ("corroborated", "single-source", visit)
    ]

    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        answer = client.get(f"/api/events/{visit}/status-history").json()
        assert answer["event_id"] == visit
        assert [(i["old_status"], i["new_status"], i["why"]) for i in answer["items"]] == [
            ("corroborated", "single-source", f"judgement {judgement}")
        ]
        quiet = client.get(f"/api/events/{fixture.events['comment']}/status-history").json()
        assert quiet["items"] == []
        assert client.get("/api/events/evt-nowhere/status-history").status_code == 404


def test_a_decision_that_leaves_a_status_as_it_was_writes_nothing(
    built: tuple[Store, Built],
) -> None:
    store, fixture = built
    watch.save_view(store, "everything", "")
    # the comment's one report joins the visit: still two outlets, still corroborated
    ledger.decide(
        store, "rana", "same trip", ledger.merge_events, fixture.events["visit"],
        [fixture.events["comment"]],
    )  # fmt: skip
    assert _history_rows(store) == 0
    assert _counts(store) == {"everything": (2, 0, 0)}


def test_a_rebuilt_event_is_compared_with_the_event_it_was_read_from() -> None:
    before = {"evt-old": "corroborated", "evt-other": "contested"}
    after = {"evt-old": "contested", "evt-part": "single-source", "evt-fresh": "single-source"}
    # evt-old kept its id, evt-part came out of evt-old under a new id, evt-fresh is new reports
    found = changes(before, after, {"evt-old": "evt-old", "evt-part": "evt-old"})
    assert found == [
        StatusChange("evt-old", "corroborated", "contested", "evt-old"),
        StatusChange("evt-part", "corroborated", "single-source", "evt-old"),
    ]
    # read again under another id with the status it had: nothing to log
    assert changes({"evt-a": "denied"}, {"evt-b": "denied"}, {"evt-b": "evt-a"}) == []


def test_the_net_change_since_a_visit_folds_changes_and_back(built: tuple[Store, Built]) -> None:
    from sitrep.corroborate.status_history import log_changes

    store, fixture = built
    strike, visit = fixture.events["strike"], fixture.events["visit"]
    with store.read() as conn:
        seen = str(conn.execute(select(schema.documents.c.ingested_at)).scalars().first())
    with store.transaction() as conn:
        log_changes(conn, [StatusChange(strike, "contested", "denied", strike)], "run one")
        log_changes(conn, [StatusChange(visit, "corroborated", "contested", visit)], "run one")
    with store.transaction() as conn:
        log_changes(conn, [StatusChange(strike, "denied", "contested", strike)], "run two")
        log_changes(conn, [StatusChange(visit, "contested", "denied", visit)], "run two")
    with store.read() as conn:
        net = changed_since(conn, seen, [strike, visit])
        assert changed_since(conn, seen, [strike]) == {}
    assert list(net) == [visit]
    assert (net[visit]["old"], net[visit]["new"], net[visit]["why"]) == (
        "corroborated",
        "denied",
        "run two",
    )


def test_an_older_store_gains_the_status_history(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        schema.metadata.create_all(conn)
        conn.execute(text("DROP TABLE event_status_changes"))
        for number, description, _apply in MIGRATIONS:
            if number < 13:
                conn.execute(
                    schema.schema_version.insert().values(
                        version=number, applied_at="2026-01-01", description=description
                    )
                )
    engine.dispose()
    store = Store(str(path))  # opening migrates
    assert store.applied_migrations[0] == 13
    with store.read() as conn:
        assert inspect(conn).has_table("event_status_changes")
        found = conn.execute(text("SELECT max(version) FROM schema_version")).scalar_one()
    assert found == LATEST
    store.close()
