"""`sitrep eval clean`: score the cleaners on trafilatura's English evaluation pages.

Each page of `evaldata-en.json` lists snippets that must be in the main text ("with") and
snippets that must not ("without"), and often the page's reader comments. Per system, over
all pages: a "with" snippet found is a true positive, missing a false negative; a "without"
snippet found is a false positive. Comment recall: the share of comment snippets found in the
system's comments; "on page" counts only the comments the saved page holds at all (about half of
the set's comments were loaded by scripts after the page was saved, so no cleaner can find them).
Pages are split by a hash of their file name: one in four is held out of the line model's
fitting (`is_held_out`), and `split` scores either part alone. Systems:

* html — our HTML cleaner (clean_document on the page as HTML);
* html-baseline — plain `trafilatura.extract(html)` with its defaults (comments land in its
  text, so its comment recall is read from that text);
* text — our plain-text cleaner on the page flattened by `flatten.flatten_html`;
* text-baseline — "keep every line" of the same flattened text (what a scrape gives you
  without cleaning; its comment recall is again read from its text).
"""

from __future__ import annotations

import gzip
import hashlib
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

HELD_OUT_BUCKETS = 4  # one page in four (by a hash of its file name) is kept out of fitting
SPLITS = ("all", "fit", "held-out")
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
    comments_on_page: int = 0  # comment snippets that are in the page's own text at all
    comments_found_on_page: int = 0
    rejected: int = 0

    def add(self, text: str, comments: str, page: dict[str, list[str]], visible: str = "") -> None:
        """Score one system's body `text` and `comments` against a page's snippets; `visible`
        is the page's flattened text, to tell comments a cleaner could find from comments the
        saved page never held (loaded by a script after the page was saved)."""
        for snippet in page.get("with", []):
            found = _norm(snippet) in text
            self.tp += found
            self.fn += not found
        for snippet in page.get("without", []):
            found = _norm(snippet) in text
            self.fp += found
            self.tn += not found
        for snippet in page.get("comments", []):
            found = _norm(snippet) in comments
            on_page = _norm(snippet) in visible
            self.comments_total += 1
            self.comments_found += found
            self.comments_on_page += on_page
            self.comments_found_on_page += found and on_page

    def summary(self) -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        comment_recall = self.comments_found / self.comments_total if self.comments_total else 0.0
        on_page = self.comments_on_page
        on_page_recall = self.comments_found_on_page / on_page if on_page else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "comment_recall": round(comment_recall, 4),
            "comment_recall_on_page": round(on_page_recall, 4),
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


def is_held_out(name: str) -> bool:
    """The fixed split of the pages: held-out pages are never used to fit the line model."""
    return hashlib.sha1(name.encode("utf-8")).digest()[0] % HELD_OUT_BUCKETS == 0


def in_split(name: str, split: str) -> bool:
    return split == "all" or (split == "held-out") == is_held_out(name)


def load_page(pages_dir: Path, name: str) -> bytes | None:
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
        report.scores[system].add(text, comments, page, _norm(flat))


def evaluate_clean(data_dir: Path, limit: int | None = None, split: str = "all") -> Report:
    """Score all systems on the pages under `data_dir` (see the module docstring); `split`
    scores only the pages the line model was fitted on ("fit") or only those it never saw
    ("held-out")."""
    gold_path = data_dir / "evaldata-en.json"
    if not gold_path.is_file():
        raise DataMissingError(
            f"no evaluation data at {gold_path}",
            hint="point DIR at a copy of trafilatura's web-extraction-en evaluation set",
        )
    gold: dict[str, dict[str, list[str]]] = json.loads(gold_path.read_text("utf-8"))
    report = Report()
    for url, page in list(gold.items())[:limit]:
        if not in_split(str(page["file"]), split):
            continue
        html = load_page(data_dir / "pages", str(page["file"]))
        if html is None:
            report.skipped.append(str(page["file"]))
            continue
        report.pages += 1
        _score_page(report, url, html, page)
    return report
