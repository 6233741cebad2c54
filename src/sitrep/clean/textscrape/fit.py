"""Fit the line model (`line_model.json`) from labelled pages. Reproducible: same data, same file.

    python -m sitrep.clean.textscrape.fit [--data ../shared/data/web-extraction-en]
        [--seeds ../shared/seeds] [--demo demo] [--out src/sitrep/clean/textscrape/line_model.json]

Where the labels come from:

* trafilatura's English evaluation pages, flattened to text as a scrape would be (only the pages
  outside the held-out split, `evaluate.is_held_out`): a line holding a "with" snippet is body,
  one holding a "without" or a comment snippet is not (strong labels); every other line is body
  when trafilatura's own extraction from the HTML keeps it (weak labels, lower weight);
* the seed pages, by the hand labels in `tests/fixtures/clean/seed-lines.json`;
* the demo corpus's plain-text pages, written by the project, as the rule passes label them.

Only lines the model decides on (`features.DECIDABLE`) are rows. Both stages are L2-regularised
logistic regressions fitted by Newton's method; stage two is fitted on stage-one scores from
models that did not see the page (three folds), so it learns what neighbours' scores are worth on
unseen pages. The two thresholds (to take a line out of the body the rules kept, to bring back a
line they took out) are the pair that gives the best snippet F1 on the fitting pages.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import trafilatura

from sitrep.clean.evaluate import Score, in_split, load_page
from sitrep.clean.flatten import flatten_html
from sitrep.clean.textscrape import join_body, read_page
from sitrep.clean.textscrape.classify import Labels
from sitrep.clean.textscrape.features import DECIDABLE, neighbour_features, page_features
from sitrep.clean.textscrape.linemodel import (
    MODEL_FILE,
    LineModel,
    Stage,
    decide,
    model_from_json,
)

STRONG = 5.0  # weight of a hand or snippet label against a label read off trafilatura's output
WEAK = 0.3  # chosen by the fitting pages' snippet F1 (0.1: 0.871, 0.3: 0.871, 1: 0.867, 3: 0.861)
HAND = 20.0  # a seed line labelled by hand: few of them, from the project's own domain
L2 = 1.0
FOLDS = 3
THRESHOLDS = tuple(round(0.1 + 0.05 * k, 2) for k in range(17))
_SPACE = re.compile(r"\s+")
_REPO = Path(__file__).resolve().parents[4]


@dataclass
class FitPage:
    """One page's rows: features, labels, weights, and which rows are decidable lines."""

    name: str
    rows: list[list[float]]
    labels: list[float | None]
    weights: list[float]
    decidable: list[bool]
    text: str = ""
    gold: dict[str, list[str]] = field(default_factory=dict)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _page(name: str, text: str, label_of: dict[int, tuple[float, float]]) -> FitPage:
    page = read_page(text)
    lines, kinds = page.labels.lines, page.labels.kinds
    rows = page_features(lines, kinds, page.header.title)
    labels: list[float | None] = [
        label_of[i][0] if i in label_of else None for i in range(len(lines))
    ]
    weights = [label_of[i][1] if i in label_of else 0.0 for i in range(len(lines))]
    return FitPage(name, rows, labels, weights, [k in DECIDABLE for k in kinds], text)


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
        kept = _norm(trafilatura.extract(html, include_comments=False) or "")
        kept_lines = {_norm(t) for t in (trafilatura.extract(html) or "").split("\n")}
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


def seed_pages(seeds_dir: Path, labels_file: Path) -> list[FitPage]:
    hand: dict[str, dict[str, list[int]]] = json.loads(labels_file.read_text("utf-8"))
    pages = []
    for prefix, marks in hand.items():
        found = sorted(seeds_dir.glob(f"{prefix}_*.txt")) if not prefix.startswith("_") else []
        if not found:
            continue
        text = found[0].read_text("utf-8")
        to_line = _raw_to_line(text)
        label_of = {to_line[n]: (1.0, HAND) for n in marks["keep"] if n in to_line}
        label_of |= {to_line[n]: (0.0, HAND) for n in marks["drop"] if n in to_line}
        pages.append(_page(found[0].name, text, label_of))
    return pages


def demo_pages(demo_dir: Path) -> list[FitPage]:
    pages = []
    for path in sorted(demo_dir.glob("pages/*.txt")):
        text = path.read_text("utf-8")
        kinds = read_page(text).labels.kinds
        label_of = {i: (float(kind == "body"), WEAK) for i, kind in enumerate(kinds)}
        pages.append(_page(path.name, text, label_of))
    return pages


def fit_stage(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> Stage:
    """L2-regularised logistic regression on standardised features (Newton's method)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -30, 30)))
        gradient = z.T @ (w * (p - y)) + penalty * beta
        hessian = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return Stage(
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in beta[1:]),
        float(beta[0]),
    )


def _rows(
    pages: list[FitPage], extra: dict[str, list[list[float]]] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs, ys, ws = [], [], []
    for page in pages:
        for i, row in enumerate(page.rows):
            label = page.labels[i]
            if label is None or not page.decidable[i] or page.weights[i] <= 0:
                continue
            xs.append(row + (extra[page.name][i] if extra else []))
            ys.append(label)
            ws.append(page.weights[i])
    return np.array(xs), np.array(ys), np.array(ws)


def _first_scores(stage: Stage, page: FitPage) -> list[float]:
    return [stage.score(r) if d else 0.0 for r, d in zip(page.rows, page.decidable, strict=True)]


def fit_model(pages: list[FitPage]) -> tuple[Stage, Stage]:
    first = fit_stage(*_rows(pages))
    # Stage two learns from stage-one scores of pages the stage-one model did not see.
    extra: dict[str, list[list[float]]] = {}
    for fold in range(FOLDS):
        held = [p for n, p in enumerate(pages) if n % FOLDS == fold]
        model = fit_stage(*_rows([p for n, p in enumerate(pages) if n % FOLDS != fold]))
        for page in held:
            scores = _first_scores(model, page)
            extra[page.name] = [neighbour_features(scores, i) for i in range(len(page.rows))]
    second = fit_stage(*_rows(pages, extra))
    return first, second


@dataclass
class Trial:
    """A fitting page read once, scored once: thresholds are tried on its scores."""

    page: FitPage
    labels: Labels
    scores: list[float]


def _trials(model: LineModel, pages: list[FitPage]) -> list[Trial]:
    trials = []
    for page in pages:
        read = read_page(page.text)
        scores = model.scores(read.labels.lines, read.labels.kinds, read.header.title)
        trials.append(Trial(page, read.labels, scores))
    return trials


def _decided(model: LineModel, trial: Trial) -> Labels:
    labels = copy.copy(trial.labels)
    labels.kinds = list(trial.labels.kinds)
    decide(model, trial.scores, labels.kinds)
    return labels


def hand_labels_hold(model: LineModel, trials: list[Trial]) -> bool:
    """Every hand-labelled line (the seeds) ends up where its label says."""
    for trial in trials:
        kinds = _decided(model, trial).kinds
        for i, label in enumerate(trial.page.labels):
            if trial.page.weights[i] == HAND and (kinds[i] == "body") != (label == 1.0):
                return False
    return True


def snippet_f1(model: LineModel, trials: list[Trial]) -> float:
    score = Score()
    for trial in trials:
        if trial.page.gold:
            score.add(_norm(join_body(_decided(model, trial))), "", trial.page.gold)
    return float(score.summary()["f1"])


def choose_thresholds(
    first: Stage, second: Stage, web: list[FitPage], hand: list[FitPage]
) -> tuple[LineModel, float]:
    """The pair of thresholds with the best snippet F1 on the fitting pages, among those that
    keep every hand-labelled seed line right; on a tie, the pair that overrules the rules least
    (the highest bar to bring a line back, the lowest to take one out)."""
    web_trials = _trials(LineModel(first, second, 0.5, 0.5), web)
    hand_trials = _trials(LineModel(first, second, 0.5, 0.5), hand)
    models = [LineModel(first, second, t, k) for t in THRESHOLDS for k in THRESHOLDS]
    allowed = [m for m in models if hand_labels_hold(m, hand_trials)] or models
    scored = [(snippet_f1(m, web_trials), m.threshold, -m.keep_threshold, m) for m in allowed]
    best = max(scored, key=lambda row: row[:3])
    return best[3], best[0]


def _stage_json(stage: Stage) -> dict[str, object]:
    return {
        "mean": [round(v, 6) for v in stage.mean],
        "scale": [round(v, 6) for v in stage.scale],
        "weights": [round(v, 6) for v in stage.weights],
        "bias": round(stage.bias, 6),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    data_default = _REPO.parent / "shared" / "data" / "web-extraction-en"
    parser.add_argument("--data", type=Path, default=data_default)
    parser.add_argument("--seeds", type=Path, default=_REPO.parent / "shared" / "seeds")
    seed_labels = _REPO / "tests" / "fixtures" / "clean" / "seed-lines.json"
    parser.add_argument("--seed-labels", type=Path, default=seed_labels)
    parser.add_argument("--demo", type=Path, default=_REPO / "demo")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(MODEL_FILE))
    args = parser.parse_args()
    web = web_pages(args.data, "fit")
    seeds = seed_pages(args.seeds, args.seed_labels)
    pages = web + seeds + demo_pages(args.demo)
    first, second = fit_model(pages)
    model, f1 = choose_thresholds(first, second, web, seeds)
    data = {
        "about": "Line model of the plain-text cleaner, written by sitrep.clean.textscrape.fit; "
        "do not edit by hand.",
        "pages": {"web-fit": len(web), "all": len(pages)},
        "fit_snippet_f1": f1,
        "threshold": model.threshold,
        "keep_threshold": model.keep_threshold,
        "first": _stage_json(first),
        "second": _stage_json(second),
    }
    model_from_json(data)  # the file must load as written
    args.out.write_text(json.dumps(data, indent=1) + "\n", "utf-8")
    print(
        f"{len(pages)} pages ({len(web)} web), thresholds {model.threshold} (revive) "
        f"{model.keep_threshold} (keep), fit snippet F1 {f1}"
    )


if __name__ == "__main__":
    main()
