"""`sitrep eval clean`: score the cleaners on trafilatura's English evaluation pages.

Each page of `evaldata-en.json` lists snippets that must be in the main text ("with") and
snippets that must not ("without"), and often the page's reader comments. Per system, over
all pages: a "with" snippet found is a true positive, missing a false negative; a "without"
snippet found is a false positive. Comment recall: the share of comment snippets found in the
system's comments. Systems:

* html — our HTML cleaner (clean_document on the page as HTML);
* html-baseline — plain `trafilatura.extract(html)` with its defaults (comments land in its
  text, so its comment recall is read from that text);
* text — our plain-text cleaner on the page flattened by `flatten.flatten_html`;
* text-baseline — "keep every line" of the same flattened text (what a scrape gives you
  without cleaning; its comment recall is again read from its text).
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import trafilatura

from sitrep.clean import clean_document
from sitrep.clean.flatten import flatten_html
from sitrep.errors import DataMissingError, InputRejected
from sitrep.records import RawDocument

MIN_PAGE_BYTES = 500  # below this a page file is a stub (the set ships some empty ones)
SYSTEMS = ("html", "html-baseline", "text", "text-baseline")
_SPACE = re.compile(r"\s+")


@dataclass
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    comments_found: int = 0
    comments_total: int = 0
    rejected: int = 0

    def add(self, text: str, comments: str, page: dict[str, list[str]]) -> None:
        for snippet in page.get("with", []):
            found = _norm(snippet) in text
            self.tp += found
            self.fn += not found
        for snippet in page.get("without", []):
            found = _norm(snippet) in text
            self.fp += found
            self.tn += not found
        for snippet in page.get("comments", []):
            self.comments_total += 1
            self.comments_found += _norm(snippet) in comments

    def summary(self) -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        comment_recall = self.comments_found / self.comments_total if self.comments_total else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "comment_recall": round(comment_recall, 4),
            **asdict(self),
        }


@dataclass
class Report:
    pages: int = 0
    skipped: list[str] = field(default_factory=list)
    scores: dict[str, Score] = field(default_factory=lambda: {s: Score() for s in SYSTEMS})

    def rows(self) -> Iterator[dict[str, object]]:
        for system, score in self.scores.items():
            yield {"system": system, "pages": self.pages, "skipped": len(self.skipped),
                   **score.summary()}  # fmt: skip


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _load_page(pages_dir: Path, name: str) -> bytes | None:
    path = pages_dir / f"{name}.gz"
    if not path.is_file():
        return None
    try:
        content = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error):
        return None
    return content if len(content) >= MIN_PAGE_BYTES else None


def _ours(raw: RawDocument) -> tuple[str, str]:
    doc = clean_document(raw)
    return _norm(doc.text), _norm(" \n ".join(c.text for c in doc.comments))


def _score_page(report: Report, url: str, html: bytes, page: dict[str, list[str]]) -> None:
    flat = flatten_html(html)
    runs: dict[str, Callable[[], tuple[str, str]]] = {
        "html": lambda: _ours(RawDocument(content=html, origin=url, format="html", url=url)),
        "html-baseline": lambda: (_norm(trafilatura.extract(html) or ""),) * 2,
        "text": lambda: _ours(RawDocument(flat.encode(), origin=url, format="text", url=url)),
        "text-baseline": lambda: (_norm(flat),) * 2,
    }
    for system, run in runs.items():
        try:
            text, comments = run()
        except InputRejected:
            report.scores[system].rejected += 1
            text, comments = "", ""
        report.scores[system].add(text, comments, page)


def evaluate_clean(data_dir: Path, limit: int | None = None) -> Report:
    """Score all systems on the pages under `data_dir` (see the module docstring)."""
    gold_path = data_dir / "evaldata-en.json"
    if not gold_path.is_file():
        raise DataMissingError(
            f"no evaluation data at {gold_path}",
            hint="point DIR at a copy of trafilatura's web-extraction-en evaluation set",
        )
    gold: dict[str, dict[str, list[str]]] = json.loads(gold_path.read_text("utf-8"))
    report = Report()
    for url, page in list(gold.items())[:limit]:
        html = _load_page(data_dir / "pages", str(page["file"]))
        if html is None:
            report.skipped.append(str(page["file"]))
            continue
        report.pages += 1
        _score_page(report, url, html, page)
    return report
