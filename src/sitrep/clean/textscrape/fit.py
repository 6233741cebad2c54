"""Fit the line model (`line_model.json`) from labelled pages. Reproducible: same data, same file.

    python -m sitrep.clean.textscrape.fit [--data ../shared/data/web-extraction-en]
        [--seeds ../shared/seeds] [--demo demo] [--out src/sitrep/clean/textscrape/line_model.json]

Where the labels come from:

* trafilatura's English evaluation pages, flattened to text as a scrape would be (only the pages
  outside the held-out split, `evaluate.is_held_out`): a line holding a "with" snippet is body,
  one holding a "without" or a comment snippet is not (strong labels); every other line is body
  when trafilatura's own extraction from the HTML keeps it (weak labels, lower weight);
* the seed pages, by the hand labels in `tests/fixtures/clean/seed-lines.json`, and the project's
  own plain-text fixtures by `tests/fixtures/clean/fixture-lines.json`;
* the demo corpus's plain-text pages, written by the project, as the rule passes label them.

Only lines the model decides on (`features.DECIDABLE`) are rows. Three parts are fitted, each on
what the one before gives for pages it did not see (three folds), so each learns what the
earlier part is worth on unseen pages: the vocabulary's word weights (`vocabulary.py`), stage
one's boosted trees on the line's features and word weights, stage two's trees with the stage-one
scores of the neighbours added (`boost.py`). The thresholds (to take a line out of the body the
rules kept, to bring back a line they guessed was chrome, to bring back a line they took for a
list of links) are chosen on the fitting pages scored by models that did not see them (four
folds: the cross-validated snippet F1 printed and stored), as those with the best F1 that keep
every hand-labelled line right.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import trafilatura

from sitrep.clean.evaluate import in_split, load_page
from sitrep.clean.flatten import flatten_html
from sitrep.clean.textscrape import read_page
from sitrep.clean.textscrape.linemodel import MODEL_FILE, LineModel, model_from_json
from sitrep.clean.textscrape.train import (
    FitPage,
    choose_thresholds,
    cross_validated_scores,
    fit_parts,
    reshuffled,
)

STRONG = 5.0  # weight of a hand or snippet label against a label read off trafilatura's output
WEAK = 0.3  # a label read off trafilatura's extraction
HAND = 20.0  # a seed line labelled by hand: few of them, from the project's own domain
CV_FOLDS = 4  # of the fitting web pages, to score each with a model that did not see it
_SPACE = re.compile(r"\s+")
_REPO = Path(__file__).resolve().parents[4]


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _page(
    name: str, text: str, label_of: dict[int, tuple[float, float]], hand: bool = False
) -> FitPage:
    read = read_page(text)
    n = len(read.labels.lines)
    labels: list[float | None] = [label_of[i][0] if i in label_of else None for i in range(n)]
    weights = [label_of[i][1] if i in label_of else 0.0 for i in range(n)]
    return FitPage(name, read, labels, weights, hand=hand)


def _snippet_label(line: str, page: dict[str, list[str]]) -> float | None:
    for key, value in (("with", 1.0), ("without", 0.0), ("comments", 0.0)):
        for snippet in page.get(key, []):
            snippet = _norm(snippet)
            if snippet and (snippet in line or (len(line.split()) >= 4 and line in snippet)):
                return value
    return None


def web_pages(data_dir: Path, split: str) -> list[FitPage]:
    gold: dict[str, dict[str, list[str]]] = json.loads((data_dir / "evaldata-en.json").read_text())
    pages = []
    for page in gold.values():
        name = str(page["file"])
        html = load_page(data_dir / "pages", name) if in_split(name, split) else None
        if html is None:
            continue
        flat = flatten_html(html)
        # Without its comments: trafilatura appends them to its text by default, and a reader's
        # comment is not article.
        extracted = trafilatura.extract(html, include_comments=False) or ""
        kept = _norm(extracted)
        kept_lines = {_norm(t) for t in extracted.split("\n")}
        label_of: dict[int, tuple[float, float]] = {}
        for line in read_page(flat).labels.lines:
            strong = _snippet_label(line.text, page)
            if strong is not None:
                label_of[line.index] = (strong, STRONG)
            else:
                weak = line.text in kept_lines or (line.words >= 5 and line.text in kept)
                label_of[line.index] = (float(weak), WEAK)
        fit_page = _page(name, flat, label_of)
        fit_page.gold = page
        pages.append(fit_page)
    return pages


def _raw_to_line(text: str) -> dict[int, int]:
    """1-based file line number → index among the non-blank lines (as `split_lines` counts)."""
    mapping, index = {}, 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if _norm(raw):
            mapping[number] = index
            index += 1
    return mapping


def hand_pages(pages_dir: Path, labels_file: Path) -> list[FitPage]:
    """Pages labelled by hand, line by line: `labels_file` maps a file name (or a seed's
    numeric prefix) in `pages_dir` to the 1-based numbers of its lines to keep and to drop."""
    hand: dict[str, dict[str, list[int]]] = json.loads(labels_file.read_text("utf-8"))
    pages = []
    for key, marks in hand.items():
        if key.startswith("_"):
            continue
        named = pages_dir / key
        found = [named] if named.is_file() else sorted(pages_dir.glob(f"{key}_*.txt"))
        if not found:
            continue
        text = found[0].read_text("utf-8")
        to_line = _raw_to_line(text)
        label_of = {to_line[n]: (1.0, HAND) for n in marks["keep"] if n in to_line}
        label_of |= {to_line[n]: (0.0, HAND) for n in marks["drop"] if n in to_line}
        pages.append(_page(found[0].name, text, label_of, hand=True))
    return pages


def demo_pages(demo_dir: Path) -> list[FitPage]:
    pages = []
    for path in sorted(demo_dir.glob("pages/*.txt")):
        text = path.read_text("utf-8")
        kinds = read_page(text).labels.kinds
        label_of = {i: (float(kind == "body"), WEAK) for i, kind in enumerate(kinds)}
        pages.append(_page(path.name, text, label_of))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    data_default = _REPO.parent / "shared" / "data" / "web-extraction-en"
    parser.add_argument("--data", type=Path, default=data_default)
    parser.add_argument("--seeds", type=Path, default=_REPO.parent / "shared" / "seeds")
    seed_labels = _REPO / "tests" / "fixtures" / "clean" / "seed-lines.json"
    parser.add_argument("--seed-labels", type=Path, default=seed_labels)
    parser.add_argument("--fixtures", type=Path, default=seed_labels.parent)
    parser.add_argument("--demo", type=Path, default=_REPO / "demo")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(MODEL_FILE))
    parser.add_argument(
        "--second-partition",
        action="store_true",
        help="also print the cross-validated F1 with the pages grouped into other folds "
        "(doubles the time; the model written is the same)",
    )
    args = parser.parse_args()
    web = web_pages(args.data, "fit")
    seeds = hand_pages(args.seeds, args.seed_labels)
    seeds += hand_pages(args.fixtures, args.fixtures / "fixture-lines.json")
    others = seeds + demo_pages(args.demo)
    web_scores = cross_validated_scores(web, others, CV_FOLDS)
    full = LineModel(
        *fit_parts(web + others), threshold=0.5, keep_threshold=0.5, list_threshold=0.5
    )
    model, f1 = choose_thresholds(full, web, web_scores, seeds)
    data = {
        "about": "Line model of the plain-text cleaner, written by sitrep.clean.textscrape.fit; "
        "do not edit by hand.",
        "pages": {"web-fit": len(web), "all": len(web) + len(others)},
        "cross_validated_snippet_f1": f1,
        "threshold": model.threshold,
        "keep_threshold": model.keep_threshold,
        "list_threshold": model.list_threshold,
        "vocabulary": model.vocabulary.to_json(),
        "first": model.first.to_json(),
        "second": model.second.to_json(),
    }
    if args.second_partition:
        other = cross_validated_scores(reshuffled(web), others, CV_FOLDS)
        _, other_f1 = choose_thresholds(full, web, other, seeds)
        print(f"snippet F1 {other_f1} with the pages in other folds (not stored)")
    model_from_json(data)  # the file must load as written
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", "utf-8")
    print(
        f"{len(web) + len(others)} pages ({len(web)} web), thresholds {model.threshold} "
        f"(revive) {model.keep_threshold} (keep) {model.list_threshold} (lists), snippet F1 "
        f"{f1} on the fitting pages ({CV_FOLDS}-fold cross-validated)"
    )


if __name__ == "__main__":
    main()
