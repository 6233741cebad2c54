"""Corroboration at scale: bounded comparisons in large blocks, incremental runs on a store."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from sitrep.corroborate import run_corroboration
from sitrep.corroborate.cluster import WINDOW, cluster
from sitrep.corroborate.compat import MentionView
from sitrep.store import Store
from sitrep.store import schema as s
from sitrep.store.writer import write_batch
from test_corroborate_events import _result

PLACES = ("gn_damascus", "gn_aleppo", "gn_moscow")


def visits(n: int) -> list[MentionView]:
    """`n` visits by one man: two reports of each (day, place), a new day every six."""
    out = []
    for i in range(n):
        day = (date(2015, 1, 1) + timedelta(days=i // 6)).isoformat()
        place = PLACES[(i // 2) % 3]
        out.append(
            MentionView(
                id=f"m{i:06d}", doc_id=f"d{i}", type="CONSULT", mode="visit",
                entities=frozenset({"pk_soleimani"}), names={"pk_soleimani": "Soleimani"},
                place=place, place_name=place, time_start=day, time_end=day,
                time_precision="day", published=day,
            )
        )  # fmt: skip
    return out


def test_one_crowded_block_is_compared_linearly_and_still_grouped() -> None:
    small_groups, _, small_pairs = cluster(visits(600))
    groups, _, pairs = cluster(visits(2400))
    # One type, one participant: a single block of 2,400 mentions. All pairs would be 2.9 M.
    assert pairs <= 2400 * 2 * WINDOW
    assert pairs / small_pairs < 4 * 1.2  # four times the mentions, about four times the work
    assert len(groups) == 1200 and all(len(g) == 2 for g in groups)
    assert len(small_groups) == 300


def test_an_undated_mention_meets_the_same_place_in_a_crowded_block() -> None:
    # Undated, it may join a visit only from a report published days from its own.
    views = visits(1200)
    undated = MentionView(
        id="z-undated", doc_id="dz", type="CONSULT", mode="visit",
        entities=frozenset({"pk_soleimani"}), names={"pk_soleimani": "Soleimani"},
        place="gn_moscow", place_name="gn_moscow", published="2015-03-01",
    )  # fmt: skip
    groups, _, _ = cluster([*views, undated])
    (joined,) = [g for g in groups if "z-undated" in g]
    assert len(joined) == 3  # it joined one Moscow visit, not none and not every one


def _add(store: Store, run_id: str, name: str, doc_id: str, site: str) -> None:
    with store.transaction() as conn:
        write_batch(conn, [_result(name, doc_id, site)], run_id, {})


def _event_ids(store: Store) -> list[str]:
    with store.read() as conn:
        return sorted(conn.execute(select(s.events.c.id)).scalars())


def test_a_later_run_regroups_only_the_blocks_its_documents_touch(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "sitrep.db"))
    run_id = store.start_run("test", {})
    _add(store, run_id, "visit_hedged", "a1", "AMN")
    _add(store, run_id, "casualties", "c1", "Outlet C")
    assert run_corroboration(store).mentions == 2  # the visit and the strike
    assert run_corroboration(store).mentions == 0  # nothing new: nothing re-grouped
    _add(store, run_id, "visit_hedged", "a2", "Other Outlet")
    second = run_corroboration(store)
    assert (second.mentions, second.events) == (2, 1)  # both visits; the strike is left alone
    incremental = _event_ids(store)
    run_corroboration(store, everything=True)
    assert _event_ids(store) == incremental  # the same events as re-grouping everything
    with store.read() as conn:
        pending = conn.execute(
            select(s.event_mentions.c.id)
            .where(s.event_mentions.c.event_id.is_(None))
            .where(s.event_mentions.c.modality.is_(None))
        ).all()
    assert pending == []


def test_an_event_keeps_the_lowest_count_reported_and_the_range() -> None:
    from sitrep.corroborate.run import event_row

    def strike(mid: str, killed: int) -> MentionView:
        return MentionView(
            id=mid, doc_id=mid, type="ASSAULT", mode="airstrike",
            entities=frozenset({"pk_hezbollah"}), names={"pk_hezbollah": "Hezbollah"},
            casualties={"killed": killed, "wounded": None, "text": f"{killed} killed"},
        )  # fmt: skip

    row = event_row([strike("m1", 21), strike("m2", 9)], [])
    assert row["casualties"] == {"killed": 9, "killed_reported": [9, 21]}
    assert row["summary"].endswith(", 9 killed")


def test_an_event_keeps_its_id_when_a_later_report_joins_it(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "sitrep.db"))
    run_id = store.start_run("test", {})
    # The later report's mention id sorts first here, which once renamed the event after it.
    _add(store, run_id, "visit_hedged", "z9", "AMN")
    run_corroboration(store)
    (before,) = _event_ids(store)
    _add(store, run_id, "visit_hedged", "a0", "Other Outlet")
    assert run_corroboration(store).events == 1
    assert _event_ids(store) == [before]
    run_corroboration(store, everything=True)
    assert _event_ids(store) == [before]


def test_a_store_grouped_before_the_block_index_is_regrouped_once(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "sitrep.db"))
    run_id = store.start_run("test", {})
    _add(store, run_id, "visit_hedged", "a1", "AMN")
    _add(store, run_id, "casualties", "c1", "Outlet C")
    run_corroboration(store)
    before = _event_ids(store)
    with store.transaction() as conn:  # as a store written before migration 3 left it
        conn.execute(s.event_blocks.delete())
    _add(store, run_id, "visit_hedged", "a2", "Other Outlet")
    regrouped = run_corroboration(store)
    assert regrouped.mentions == 3  # everything, once, which fills the index again ...
    assert _event_ids(store) == before
    with store.read() as conn:
        assert conn.execute(select(s.event_blocks.c.mention_id)).first() is not None
    _add(store, run_id, "casualties", "c2", "Outlet D")
    assert run_corroboration(store).mentions < 4  # ... and later runs read only what they touch


def test_an_event_shows_who_no_entity_stands_for_once() -> None:
    from sitrep.corroborate.run import event_row

    def report(mid: str, unnamed: tuple[tuple[str, str], ...]) -> MentionView:
        return MentionView(
            id=mid, doc_id=mid, type="ASSAULT", mode="shelling",
            entities=frozenset({"pk_hezbollah"}), names={"pk_hezbollah": "Hezbollah"},
            roles={"pk_hezbollah": "actor"}, unnamed=unnamed,
        )  # fmt: skip

    row = event_row(
        [report("m1", (("target", "civilians"),)), report("m2", (("target", "Civilians"),))], []
    )
    assert row["participants"] == [
        {"role": "actor", "entity_id": "pk_hezbollah", "name": "Hezbollah"},
        {"role": "target", "entity_id": None, "name": "civilians"},
    ]
    assert row["summary"].startswith("ASSAULT/shelling: Hezbollah, civilians")


def test_a_place_resolution_knows_as_a_person_is_no_place() -> None:
    from sitrep.corroborate.views import _view

    def row(place_id: str) -> dict[str, object]:
        return {
            "id": "m1", "document_id": "d1", "type": "DIE", "mode": None, "participants": [],
            "place": {"text": "Soleimani", "start": 10, "end": 19}, "place_entity_id": place_id,
            "time": None, "time_start": None, "time_end": None, "time_precision": None,
            "casualties": None, "published": None, "denies": False, "family": "violence",
        }  # fmt: skip

    people = {"pk_qassem-soleimani": {"type": "person", "country": None, "precision": None}}
    assert _view(row("pk_qassem-soleimani"), {}, people, {}).place is None
    towns = {"gn_1": {"type": "place", "country": "SY", "precision": "city"}}
    assert _view(row("gn_1"), {}, towns, {}).place == "gn_1"
