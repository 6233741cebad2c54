"""The CLI's decisions go through the same ledger as the API's: each is logged once, shows in
`sitrep judgements`, and `sitrep undo` puts the store back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from sitrep.cli.app import app
from sitrep.store import schema
from test_api_store_builder import Built, build_store, copy_store


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "store.db"
    build_store(path).store.close()
    return path


@pytest.fixture
def built(template: Path, tmp_path: Path) -> Built:
    return copy_store(template, tmp_path / "store.db")


def run(built: Built, *args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, [*args, "--db", built.store.db, "--json"])
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return found


def logged(built: Built) -> list[tuple[str, str, bool]]:
    with built.store.read() as conn:
        rows = conn.execute(select(schema.judgements).order_by(schema.judgements.c.created_at))
        return [(r.subject, r.action, r.active) for r in rows]


def test_event_merge_and_split_from_the_cli(built: Built) -> None:
    merged = run(built, "merge-events", "evt_visit", "evt_moscow", "--reason", "one trip")
    assert merged["event_id"] == "evt_visit" and merged["event_mentions_moved"] == 1
    split = run(built, "split-event", "evt_visit", "--mention", "em_evt_moscow")
    with built.store.read() as conn:
        owner = conn.execute(
            select(schema.event_mentions.c.event_id).where(
                schema.event_mentions.c.id == "em_evt_moscow"
            )
        ).scalar_one()
    assert owner == split["event_id"] != "evt_visit"
    assert logged(built) == [("event", "merge", True), ("event", "split", True)]


def test_relabel_mark_and_undo_from_the_cli(built: Built) -> None:
    with built.store.read() as conn:
        mention = conn.execute(
            select(schema.mentions.c.id).where(schema.mentions.c.text == "Kremlin")
        ).scalar_one()
    relabelled = run(built, "relabel", mention, "gpe", "--reason", "a place here")
    run(built, "mark", "clm_evt_moscow_0", "doubtful")
    undone = run(built, "undo", relabelled["judgement"]["id"])
    assert undone["undone"] == relabelled["judgement"]["id"]
    with built.store.read() as conn:
        label = conn.execute(
            select(schema.mentions.c.label).where(schema.mentions.c.id == mention)
        ).scalar_one()
        mark = conn.execute(
            select(schema.claims.c.analyst_mark).where(schema.claims.c.id == "clm_evt_moscow_0")
        ).scalar_one()
    assert (label, mark) == ("ORG", "doubtful")
    assert logged(built) == [
        ("mention", "relabel", False),
        ("claim", "mark", True),
        ("mention", "undo", True),
    ]
    listed = CliRunner().invoke(app, ["judgements", "--json", "--db", built.store.db])
    assert len(listed.stdout.splitlines()) == 3


def test_a_bad_decision_is_a_usage_error_in_words(built: Built) -> None:
    result = CliRunner().invoke(app, ["mark", "clm_evt_moscow_0", "true", "--db", built.store.db])
    assert result.exit_code == 2 and "unknown mark" in result.output
    missing = CliRunner().invoke(app, ["undo", "jdg_nothing", "--db", built.store.db])
    assert missing.exit_code == 2 and "no judgement" in missing.output
    assert logged(built) == []
