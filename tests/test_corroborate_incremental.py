"""A store fed by later runs holds the events and relations a rebuild would give.

A later run leaves the events it does not change as they are, adds its new claims to the
totals each relation keeps and writes only the relation claims whose relation or origin changed
(`corroborate/run.py`, `corroborate/relations.py`, `corroborate/relation_aggregate.py`).
These tests feed the project's synthetic corpus (`sitrep.bench.synthetic`, written by the
project) in batches through the whole pipeline, each batch a later run, then check that every
event's and every relation's stored aggregates (claim counts, origins, status and its reason,
time, place, casualties) equal what is built again from their mentions and claims (and a
relation's kept totals those of all its claims), and that a full re-run (`reduce --all`) gives
the same store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import delete, select

from conftest import BACKENDS, fresh_database
from relation_oracle import direct_row
from sitrep.bench.synthetic import write_synthetic_corpus
from sitrep.corroborate import relation_aggregate as aggregate
from sitrep.corroborate.relations import _members, relation_row
from sitrep.corroborate.run import event_row
from sitrep.corroborate.views import load_claims, load_mentions
from sitrep.loader import reduce_store
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store import schema as s

pytestmark = pytest.mark.slow

BATCHES = 4
PER_BATCH = 40
DAYS = 60  # dense enough that later reports join (and bridge) events of earlier batches


@pytest.fixture(scope="module", params=BACKENDS)
def fed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("incremental")
    corpus = write_synthetic_corpus(folder / "all.jsonl", BATCHES * PER_BATCH, seed=5, days=DAYS)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    with fresh_database(request.param, folder) as path:
        store = Store(path)
        for n in range(BATCHES):
            batch = folder / f"batch-{n}.jsonl"
            batch.write_text("".join(lines[n * PER_BATCH : (n + 1) * PER_BATCH]), "utf-8")
            Ingest(store, Settings(), use_nlp=True).run([str(batch)])
            if n == 1:
                _forget_some_totals(store)
        store.close()
        yield path


def _forget_some_totals(store: Store) -> None:
    """Every other relation loses its kept totals, as in a store made before they were kept:
    the later runs that touch it count it once from all its claims, then keep adding."""
    with store.transaction() as conn:
        a = s.relation_aggregates.c
        ids = sorted(conn.execute(select(a.relation_id)).scalars())
        assert ids
        conn.execute(delete(s.relation_aggregates).where(a.relation_id.in_(ids[::2])))


EVENT_COLUMNS = (
    "type", "mode", "summary", "participants", "place_entity_id", "place", "time_start",
    "time_end", "time_precision", "casualties", "status", "status_reason", "n_claims",
    "n_origins", "origins",
)  # fmt: skip


def _events(store: Store) -> dict[str, dict[str, Any]]:
    with store.read() as conn:
        members: dict[str, list[str]] = defaultdict(list)
        m = s.event_mentions.c
        for mention, event in conn.execute(select(m.id, m.event_id).where(m.event_id.is_not(None))):
            members[event].append(mention)
        out = {}
        for row in conn.execute(select(s.events)).mappings():
            out[row["id"]] = {
                "members": sorted(members[row["id"]]),
                **{k: row[k] for k in EVENT_COLUMNS},
            }
        return out


def _relations(store: Store) -> dict[str, dict[str, Any]]:
    with store.read() as conn:
        return {row["id"]: dict(row) for row in conn.execute(select(s.relations)).mappings()}


def _totals(store: Store) -> dict[str, Any]:
    with store.read() as conn:
        a = s.relation_aggregates.c
        return {r.relation_id: r.state for r in conn.execute(select(a.relation_id, a.state))}


def _claim_marks(store: Store) -> dict[str, tuple[Any, ...]]:
    with store.read() as conn:
        rm, c = s.relation_mentions.c, s.claims.c
        marks = {
            r.id: (r.relation_id, r.origin_key)
            for r in conn.execute(select(rm.id, rm.relation_id, rm.origin_key))
        }
        marks |= {r.id: (r.origin_key,) for r in conn.execute(select(c.id, c.origin_key))}
        return marks


def test_every_event_holds_what_its_mentions_and_claims_give(fed: str) -> None:
    store = Store(fed)
    events = _events(store)
    assert sum(len(e["members"]) > 1 for e in events.values()) >= 5  # reports were joined
    with store.read() as conn:
        for event_id, stored in events.items():
            # in member order, as the run builds them (ties, such as two modes as common, fall
            # to the first)
            views = sorted(load_mentions(conn, None, stored["members"]), key=lambda v: v.id)
            claims = load_claims(conn, stored["members"])
            rebuilt = event_row(views, [c for m in stored["members"] for c in claims.get(m, [])])
            assert {k: rebuilt[k] for k in EVENT_COLUMNS} == {
                k: stored[k] for k in EVENT_COLUMNS
            }, event_id
    store.close()


def test_every_relation_holds_what_its_claims_give(fed: str) -> None:
    store = Store(fed)
    relations = _relations(store)
    assert any(r["n_claims"] > BATCHES for r in relations.values())  # claims of every batch
    keys = {(r["type"], r["subject_entity_id"], r["object_entity_id"]) for r in relations.values()}
    with store.read() as conn:
        members: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in _members(conn, keys, []):
            members[(row["type"], row["subject_entity_id"], row["object_entity_id"])].append(row)
            assert row["origin_key"] == row["stored_origin_key"], row["id"]
        totals = aggregate.load(conn, relations)
    for key, claims in members.items():
        rebuilt = direct_row(key, claims)  # read off every claim, apart from the totals
        assert rebuilt == relations[rebuilt["id"]]
        assert relation_row(key, claims) == rebuilt
        # the totals later runs extended are those of all the claims counted at once
        folded = aggregate.empty()
        for claim in claims:
            aggregate.add(folded, claim, claim.get("view"))
        assert totals.get(rebuilt["id"], folded) == folded, rebuilt["id"]
    assert len(members) == len(relations)
    # half lost their totals after the second run; the later runs gave some of those back
    assert len(relations) > len(totals) > len(relations) // 2 + 1
    store.close()


def test_a_full_rerun_gives_the_same_store(fed: str) -> None:
    store = Store(fed)
    events, relations, marks = _events(store), _relations(store), _claim_marks(store)
    totals = _totals(store)
    history = _status_changes(store)
    reduce_store(store, everything=True)
    assert _events(store) == events
    # the same statuses again: a re-run that changes none writes no status history
    assert _status_changes(store) == history
    assert _relations(store) == relations
    again = _totals(store)
    assert {k: v for k, v in again.items() if k in totals} == totals
    assert len(again) == len(relations)  # a full re-run counts every relation's totals
    assert _claim_marks(store) == marks
    store.close()


def test_a_later_report_that_changes_a_status_is_logged_as_its_runs_doing(fed: str) -> None:
    """Later batches join earlier events: the statuses they change are in the history, each
    the doing of the run that ingested the batch, and each the event's status now or one a later
    change took up again."""
    store = Store(fed)
    history = _status_changes(store)
    with store.read() as conn:
        runs = {f"run {r}" for r in conn.execute(select(s.runs.c.id)).scalars()}
        now = {r.id: r.status for r in conn.execute(select(s.events.c.id, s.events.c.status))}
    assert history, "no later report changed a status: the corpus no longer tests this"
    assert {why for *_, why in history} <= runs
    last: dict[str, str] = {}
    for event_id, old, new, _why in history:
        assert old != new
        last[event_id] = new
    assert all(now[e] == status for e, status in last.items() if e in now)
    store.close()


def _status_changes(store: Store) -> list[tuple[str, str, str, str]]:
    h = s.event_status_changes.c
    query = select(h.event_id, h.old_status, h.new_status, h.why).order_by(h.changed_at, h.id)
    with store.read() as conn:
        return [tuple(r) for r in conn.execute(query)]
