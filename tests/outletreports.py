"""Reports of several outlets on one day, written to a temporary store through the whole
pipeline: how the corroboration tests tell one happening from several voices."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store


def ingest_reports(
    tmp_path: Path, reports: list[tuple[str, str]], filler: str, title: str, url_stem: str
) -> Store:
    """Each report (outlet, text), with `filler` after its text, as a row published the same
    day, titled `title` and numbered."""
    rows = [
        {
            "title": f"Report {number} {title}",
            "text": text + " " + filler,
            "date": "2017-03-08",
            "source": outlet,
            "url": f"https://example.org/{url_stem}/{number}",
        }
        for number, (outlet, text) in enumerate(reports)
    ]
    corpus = tmp_path / "reports.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    store = Store(str(tmp_path / "sitrep.db"))
    Ingest(store, Settings()).run([str(corpus)])
    return store
