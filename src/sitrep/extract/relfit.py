"""Fit the learned relation model (`relmodel.json`) on re3d. Reproducible: same data, same file.

    python -m sitrep.extract.relfit [--data ../shared/data] [--model PIPELINE]
        [--cache /tmp/relcand.pkl] [--out src/sitrep/extract/relmodel.json]

Rows are the candidate pairs of phrases (`relcand`) in every sentence of re3d's fitting sources:
the development sources of `relations_eval.DEV` and re3d's Wikipedia pages (which the NER model
was trained on as well), never the held-out `relations_eval.HELD_OUT`. A pair's label is the gold
relation of a learned type (`relmodel.LEARNED`) whose source overlaps its first phrase and whose
target overlaps its second, as `relations_eval` matches them; a pair on a relation the annotators
were unsure of weighs nothing. One ensemble per type, each against all other pairs.

The thresholds (one for a pair of entities, one for a pair with a common-noun phrase at an end)
are chosen by leave-one-source-out cross-validation: each fitting source is scored by models
(vocabulary included) fitted on the others, and its relations, the rule readers' and the learned
ones above the thresholds together, are scored as `sitrep eval relations` scores them. Kept: the
pair whose pooled precision over BelongsTo, InChargeOf and CoLocated reaches `MIN_PRECISION` with
the best recall, or where none does, the best pooled F0.5; the cross-validated figures are
printed and stored in the model file.

The parsed documents and the rule readers' relations are cached (`--cache`), keyed by the
pipeline path and the sources only: delete the cache after changing the rule readers or
retraining the pipeline in place.
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.tokens import Doc, DocBin

from sitrep.clean.textscrape.boost import Boosting, predict
from sitrep.extract.furniture import furniture_spans
from sitrep.extract.newsworthy import is_headline
from sitrep.extract.relations import extract_relations, unmasked_entities
from sitrep.extract.relations_eval import (
    DEV,
    TARGET,
    Counts,
    GoldRelation,
    predicted,
    read_source,
    score_document,
)
from sitrep.extract.relboost import fit_sparse_ensemble
from sitrep.extract.relcand import NUMERIC, Candidate, candidates
from sitrep.extract.relcues import load_relation_cues
from sitrep.extract.relmodel import (
    LEARNED,
    MODEL_FILE,
    NEVER,
    Limits,
    RelationModel,
    choose,
    named,
)
from sitrep.nlp.spans import text_of

FIT_SOURCES = (*DEV, "wikipedia")
MIN_PRECISION = 0.75  # pooled cross-validated precision the threshold must keep (target 0.70)
MIN_POSITIVE = 3  # an indicator feature is a column when this many positive pairs carry it
MIN_ANY = 60  # or when this many pairs of any label do
SETTINGS = Boosting(trees=150, depth=3, rate=0.1, min_leaf=0.5, l2=1.0, bins=32)
THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.1, 0.91, 0.05))

Triple = tuple[str, tuple[int, int], tuple[int, int]]


@dataclass
class ParsedDoc:
    source: str
    doc_id: str
    text: str
    gold: list[GoldRelation]
    rules: set[Triple]  # the rule readers' relations, as re3d triples
    doc: Doc | None = None


def parse_sources(
    data: Path, sources: Sequence[str], model: str | None, cache: Path | None
) -> list[ParsedDoc]:
    """re3d's documents of `sources`, parsed by the shipped pipeline (from the cache if there)."""
    from sitrep.extract.pipeline import find_pipeline

    pipeline = str(find_pipeline(model))
    key = {"pipeline": pipeline, "sources": list(sources)}
    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored["key"] == key:
            # English lexical attributes (lower case forms) are the language's, not the file's
            parsed = DocBin().from_bytes(stored["bin"]).get_docs(spacy.blank("en").vocab)
            return [
                ParsedDoc(source, doc_id, text, gold, rules, doc)
                for (source, doc_id, text, gold, rules), doc in zip(
                    stored["docs"], parsed, strict=True
                )
            ]
    from sitrep.pipeline import load_domain_pipeline

    nlp = load_domain_pipeline(pipeline, "syria-iraq")
    docs, bin_ = [], DocBin()
    for source in sources:
        rows = list(read_source(data / "re3d" / source))
        for (doc_id, text, gold), doc in zip(rows, nlp.pipe([r[1] for r in rows]), strict=True):
            rules = predicted(extract_relations(doc_id, doc, None, None, learned=False))
            docs.append(ParsedDoc(source, doc_id, text, gold, rules, doc))
            bin_.add(doc)
    if cache is not None:
        plain = [(d.source, d.doc_id, d.text, d.gold, d.rules) for d in docs]
        cache.write_bytes(pickle.dumps({"key": key, "docs": plain, "bin": bin_.to_bytes()}))
    return docs


@dataclass
class Row:
    source: str
    doc: int  # index into the parsed documents
    cand: Candidate
    label: str  # a learned re3d type, or "" for none
    weight: float


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def label_of(cand: Candidate, gold: list[GoldRelation]) -> tuple[str, float]:
    a = (cand.a.phrase.start, cand.a.phrase.end)
    b = (cand.b.phrase.start, cand.b.phrase.end)
    hits = [
        g for g in gold if g.type in LEARNED and _overlaps(a, g.source) and _overlaps(b, g.target)
    ]
    sure = sorted(g.type for g in hits if g.sure)
    if sure:
        return sure[0], 1.0
    return "", 0.0 if hits else 1.0


def rows_of(docs: list[ParsedDoc]) -> list[Row]:
    cues = load_relation_cues()
    out = []
    for n, parsed in enumerate(docs):
        assert parsed.doc is not None
        ents = unmasked_entities(parsed.doc, furniture_spans(text_of(parsed.doc), None))
        for sent in parsed.doc.sents:
            if is_headline(sent):
                continue
            for cand in candidates(sent, ents, cues):
                label, weight = label_of(cand, parsed.gold)
                out.append(Row(parsed.source, n, cand, label, weight))
    return out


def vocabulary(rows: list[Row]) -> dict[str, int]:
    """Indicator columns: features common among the positive pairs, or among all pairs."""
    positive: Counter[str] = Counter()
    every: Counter[str] = Counter()
    for row in rows:
        every.update(row.cand.features)
        if row.label:
            positive.update(row.cand.features)
    kept = sorted(f for f in every if positive[f] >= MIN_POSITIVE or every[f] >= MIN_ANY)
    return {f: len(NUMERIC) + n for n, f in enumerate(kept)}


def fit_model(rows: list[Row], limits: Limits = (0.5, 0.5)) -> RelationModel:
    columns = vocabulary(rows)
    shell = RelationModel(columns, {}, limits)
    x = shell.matrix([r.cand for r in rows])
    w = np.array([r.weight for r in rows])
    ensembles = {}
    for kind in sorted(LEARNED):
        y = np.array([float(r.label == kind) for r in rows])
        ensembles[kind] = fit_sparse_ensemble(x, y, w, SETTINGS)
    return RelationModel(columns, ensembles, limits)


def _learned_triples(found: list[Any]) -> set[Triple]:
    from sitrep.extract.relations_eval import AS_RE3D

    return {
        (AS_RE3D[f.type][0], (f.subject.start, f.subject.end), (f.object.start, f.object.end))
        for f in found
    }


def _new(triple: Triple, rules: set[Triple]) -> bool:
    """Whether no rule relation already relates the triple's two phrases (either way)."""
    _, a, b = triple
    return not any(
        (_overlaps(a, r[1]) and _overlaps(b, r[2])) or (_overlaps(a, r[2]) and _overlaps(b, r[1]))
        for r in rules
    )


def fold_probabilities(rows: list[Row]) -> list[dict[str, float]]:
    """Each row's probabilities by the models fitted without its source (vocabulary too)."""
    out: list[dict[str, float]] = [{} for _ in rows]
    for source in sorted({r.source for r in rows}):
        model = fit_model([r for r in rows if r.source != source])
        held = [n for n, r in enumerate(rows) if r.source == source]
        x = model.matrix([rows[n].cand for n in held])
        for kind, ensemble in model.ensembles.items():
            for n, p in zip(held, predict(ensemble, x), strict=True):
                out[n][kind] = float(p)
        print(f"  fold {source}: fitted on {len(rows) - len(held)} pairs", flush=True)
    return out


def cross_validate(docs: list[ParsedDoc], rows: list[Row]) -> dict[Limits, dict[str, Counts]]:
    """Counts per pair of thresholds and type, each source scored by models fitted on the others.

    A pair of entities and a pair with a phrase never share a candidate, so each kind's relations
    are chosen once per threshold and the two are joined for every pair of thresholds."""
    scored: dict[int, list[tuple[Candidate, dict[str, float]]]] = {}
    for row, probs in zip(rows, fold_probabilities(rows), strict=True):
        scored.setdefault(row.doc, []).append((row.cand, probs))
    phrase_limits = (*THRESHOLDS, NEVER)
    curve = {(a, b): {k: Counts() for k in (*LEARNED, "AlliesOf", "FightingAgainst")}
             for a in THRESHOLDS for b in phrase_limits}  # fmt: skip
    for n, parsed in enumerate(docs):
        pairs = scored.get(n, [])
        entities = [p for p in pairs if named(p[0])]
        phrases = [p for p in pairs if not named(p[0])]
        by_named = {t: _learned_triples(choose(entities, (t, NEVER))) for t in THRESHOLDS}
        by_phrase = {t: _learned_triples(choose(phrases, (NEVER, t))) for t in phrase_limits}
        for (a, b), counts in curve.items():
            learned = by_named[a] | by_phrase[b]
            preds = parsed.rules | {x for x in learned if _new(x, parsed.rules)}
            score_document(parsed.text, preds, parsed.gold, counts)
    return curve


def pooled(counts: dict[str, Counts]) -> dict[str, float | int]:
    return Counts(
        sum(counts[k].tp for k in TARGET),
        sum(counts[k].fp for k in TARGET),
        sum(counts[k].fn for k in TARGET),
    ).scores()


def f_half(scores: dict[str, float | int]) -> float:
    """F0.5: precision weighs twice recall, as the issue's target puts precision first."""
    p, r = float(scores["precision"]), float(scores["recall"])
    return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0


def choose_limits(curve: dict[Limits, dict[str, Counts]]) -> Limits:
    """The thresholds with the best pooled recall among those whose pooled precision reaches
    `MIN_PRECISION`; where none does (re3d leaves many true relations unannotated, which count
    against any reader), those with the best pooled F0.5. Ties go to the higher thresholds."""
    fine = [t for t in curve if pooled(curve[t])["precision"] >= MIN_PRECISION]
    if fine:
        return max(fine, key=lambda t: (pooled(curve[t])["recall"], t))
    return max(curve, key=lambda t: (round(f_half(pooled(curve[t])), 6), t))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", default=None, help="spaCy pipeline path")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/relcand.pkl"))
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    docs = parse_sources(args.data, FIT_SOURCES, args.model, args.cache)
    rows = rows_of(docs)
    print(f"{len(docs)} documents, {len(rows)} pairs, "
          f"{Counter(r.label for r in rows if r.label)} positive", flush=True)  # fmt: skip
    curve = cross_validate(docs, rows)
    for t, counts in curve.items():
        if t[1] in (t[0], NEVER):  # the diagonal and the named pairs alone, of the grid
            print(t, pooled(counts), flush=True)
    limits = choose_limits(curve)
    rules_only = {k: Counts() for k in (*LEARNED, "AlliesOf", "FightingAgainst")}
    for parsed in docs:
        score_document(parsed.text, parsed.rules, parsed.gold, rules_only)
    print("rules only:", pooled(rules_only), flush=True)
    model = fit_model(rows, limits)
    body = {
        "about": "Learned relation model, written by sitrep.extract.relfit; do not edit by hand.",
        "sources": list(sorted({d.source for d in docs})),
        "pairs": len(rows),
        "cross_validated": {
            "thresholds": {"named": limits[0], "phrase": limits[1]},
            "rules_only": pooled(rules_only),
            "combined": pooled(curve[limits]),
            "per_type": {k: v.scores() for k, v in curve[limits].items()},
        },
        **model.to_json(),
    }
    args.out.write_text(json.dumps(body, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"thresholds {limits}: cross-validated {pooled(curve[limits])}; wrote {args.out}")


if __name__ == "__main__":
    main()
