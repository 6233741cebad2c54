"""`sitrep eval clean` on a few pages of trafilatura's evaluation set (skipped where absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.clean.evaluate import SYSTEMS, evaluate_clean
from sitrep.clean.flatten import flatten_html

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "web-extraction-en"


def test_flatten_keeps_block_lines_and_drops_invisible() -> None:
    html = "<html><head><title>t</title><style>p{}</style></head><body><div>One <b>two</b></div>"
    html += "<p>Three</p><script>x()</script><ul><li>Four</li></ul></body></html>"
    assert flatten_html(html) == "One two\n\nThree\n\nFour"


@pytest.fixture(scope="module")
def data_dir() -> Path:
    if not (DATA / "evaldata-en.json").is_file():
        pytest.skip(f"web-extraction-en evaluation data not found at {DATA}")
    return DATA


def test_report_on_first_pages(data_dir: Path) -> None:
    report = evaluate_clean(data_dir, limit=12)
    rows = {str(r["system"]): r for r in report.rows()}
    assert set(rows) == set(SYSTEMS)
    assert report.pages + len(report.skipped) == 12
    assert report.skipped  # the set ships empty page files; they are counted, not scored
    html = rows["html"]
    assert float(html["recall"]) > 0.8 and float(html["precision"]) > 0.7  # type: ignore[arg-type]
    # the naive baseline keeps everything: our text cleaner must be more precise
    assert float(rows["text"]["precision"]) > float(rows["text-baseline"]["precision"])  # type: ignore[arg-type]


def test_cli_json(data_dir: Path) -> None:
    from sitrep.cli.app import app

    result = CliRunner().invoke(app, ["eval", "clean", str(data_dir), "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["system"] for r in rows] == list(SYSTEMS)
