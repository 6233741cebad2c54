"""Relations through the real pipeline into a real SQLite store: one relation per fact, its
claims and independent origins, "former" ending it, the pack's claims beside, re-runs stable,
and an older store migrated to hold them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from sitrep.extract.pipeline import PACKAGE_MODEL
from sitrep.pipeline import Ingest
from sitrep.read.relations import list_relations
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store import schema as s

ARTICLES = Path(__file__).parent / "fixtures" / "relations" / "articles.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    if not (PACKAGE_MODEL / "meta.json").exists():
        pytest.skip("the trained pipeline has not shipped yet (src/sitrep/models/sitrep_en)")
    built = Store(str(tmp_path_factory.mktemp("rel") / "rel.db"))
    summary = Ingest(built, Settings()).run([str(ARTICLES)])
    assert summary.stored == 3, summary.as_dict()
    return built


def _commands(store: Store) -> list[dict[str, object]]:
    return [
        r
        for r in list_relations(store, types=("commands",))
        if "Aqil" in str(r["subject"]["name"]) and "Radwan" in str(r["object"]["name"])
    ]


def test_one_relation_from_three_reports_with_two_origins(store: Store) -> None:
    found = _commands(store)
    assert len(found) == 1, found
    rel = found[0]
    claims = rel["claims"]
    assert isinstance(claims, list) and len(claims) == 3
    assert {c["outlet"] for c in claims} == {"Wire One", "Daily Two"}
    assert rel["n_origins"] == 2 and rel["status"] == "corroborated"
    assert rel["sources"] == ["reports"]


def test_former_after_current_ends_the_relation(store: Store) -> None:
    rel = _commands(store)[0]
    assert rel["ended"] is True and rel["time_end"] == "2024-09-21"
    former = [c for c in rel["claims"] if c["qualifier"] == "former"]  # type: ignore[union-attr]
    assert former and "was killed in an Israeli strike" in former[0]["sentence"]


def test_presence_is_a_relation_to_a_place_entity(store: Store) -> None:
    present = [
        r
        for r in list_relations(store, types=("present-in",))
        if "Aqil" in str(r["subject"]["name"])
    ]
    places = {str(r["object"]["name"]) for r in present}
    assert {"Tyre", "Beirut"} & places, places


def test_rerun_adds_nothing(store: Store) -> None:
    with store.transaction() as conn:
        before = conn.execute(select(func.count()).select_from(s.relations)).scalar_one()
        mentions = conn.execute(select(func.count()).select_from(s.relation_mentions)).scalar_one()
    Ingest(store, Settings()).run([str(ARTICLES)])
    with store.transaction() as conn:
        assert conn.execute(select(func.count()).select_from(s.relations)).scalar_one() == before
        after = conn.execute(select(func.count()).select_from(s.relation_mentions)).scalar_one()
        assert after == mentions


def test_pack_claims_stand_beside_learned_ones(store: Store) -> None:
    pack = [r for r in list_relations(store) if r["status"] == "pack"]
    for rel in pack:
        assert rel["sources"] == ["pack"]
        assert all(c["source"] == "pack" and c["outlet"] for c in rel["claims"])  # type: ignore[union-attr]


def test_an_older_store_gains_the_relation_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    from sitrep.store.migrations import LATEST, MIGRATIONS

    with engine.begin() as conn:
        s.schema_version.create(conn)
        old = [t for name, t in s.metadata.tables.items() if not name.startswith("relation")]
        s.metadata.create_all(conn, tables=old)
        for number, description, _apply in MIGRATIONS[:2]:
            conn.execute(
                s.schema_version.insert().values(
                    version=number, applied_at="2026-01-01", description=description
                )
            )
    engine.dispose()
    Store(str(path))  # opening migrates
    with create_engine(f"sqlite:///{path}").connect() as conn:
        tables = {row[0] for row in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert {"relations", "relation_mentions"} <= tables
        assert conn.execute(text("SELECT max(version) FROM schema_version")).scalar_one() == LATEST


def test_an_analyst_merge_reaches_relations_on_a_full_rebuild(tmp_path: Path) -> None:
    from sitrep.corroborate.relations import run_relations
    from sitrep.pack import load_pack
    from sitrep.resolve import merge_entities

    if not (PACKAGE_MODEL / "meta.json").exists():
        pytest.skip("the trained pipeline has not shipped yet (src/sitrep/models/sitrep_en)")
    store = Store(str(tmp_path / "merge.db"))
    Ingest(store, Settings()).run([str(ARTICLES)])
    radwan = _commands(store)[0]["object"]["entity_id"]  # type: ignore[index]
    merge_entities(store, str(radwan), "pk_hezbollah", "the Radwan Force is Hezbollah's unit")
    run_relations(store, load_pack(Settings().pack), everything=True)
    found = [
        r for r in list_relations(store, types=("commands",)) if "Aqil" in str(r["subject"]["name"])
    ]
    assert [r["object"]["entity_id"] for r in found] == ["pk_hezbollah"]
    assert len(found[0]["claims"]) == 3 and found[0]["ended"]


def test_type_signatures_keep_cities_out_of_roles_and_alliances() -> None:
    from sitrep.corroborate.relations import fits

    assert not fits("member-of", "place", "group")  # "Baghdad joined Kata'ib Hezbollah"
    assert fits("commands", "person", "place")  # "the governor of Najaf": a place's office
    assert not fits("allied-with", "state", "place") and not fits("member-of", "group", "place")
    assert fits("controls", "group", "place") and fits("present-in", "org", "place")
    assert fits("present-in", "group", "state") and not fits("present-in", "group", "person")
    assert fits("commands", "person", "state")  # "the President of Russia"


def test_a_later_report_reopens_what_the_pack_ended() -> None:
    from sitrep.corroborate.relations import relation_row

    def member(published: str | None, end: str | None = None) -> dict[str, object]:
        return {
            "document_id": "d1" if published else None, "published": published, "title": None,
            "time_start": None, "time_end": end, "ended": False, "duplicate_of": None,
            "id": f"m-{published}", "claim": {"stance": "asserts", "outlet": "AP", "chain": []},
        }  # fmt: skip

    key = ("holds-position", "pk_vladimir-putin", "pk_russia")
    pack_only = relation_row(key, [member(None, end="2008-05-07")])
    assert pack_only["ended"] and pack_only["time_end"] == "2008-05-07"
    reported = relation_row(key, [member(None, end="2008-05-07"), member("2019-06-01")])
    assert not reported["ended"] and reported["time_end"] is None


def test_totals_kept_before_pooling_are_forgotten_when_opened(tmp_path: Path) -> None:
    # totals kept before they held each voice's described sources would pool only later
    # claims' sources; migration 11 forgets them so that a run counts them again from all
    path = str(tmp_path / "old.db")
    store = Store(path)
    with store.transaction() as conn:
        conn.execute(s.relation_aggregates.insert().values(relation_id="rel_x", state={"n": 1}))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 11"))
    store.close()
    reopened = Store(path)
    assert 11 in reopened.applied_migrations
    with reopened.read() as conn:
        assert conn.execute(select(func.count()).select_from(s.relation_aggregates)).scalar() == 0
    reopened.close()
