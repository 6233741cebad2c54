"""The learned relation model: candidate pairs (`relcand`) scored by boosted trees.

Fitted on re3d's development sources by `relfit` (never on the held-out one) and stored as plain
data beside the code (`relmodel.json`): the vocabulary of indicator features, one boosted-tree
ensemble per re3d type (one against the rest), and two probability thresholds chosen by
cross-validation across sources: one for a pair of entities, one for a pair with a common-noun
phrase at an end (a reading the model is less often right about, so it may need more). Read
with the cleaner's tree reader (`trees.Ensemble`), no machine-learning library.

What it adds to the rule readers: relations between phrases with no name in them ("strikes near
Mosul", "militants from ISIL"), which the rules never draw. An end with no entity in it is
labelled `PHRASE`, so that the store never mints an entity from it: such a relation is kept as
a mention but reaches the network only when both its ends resolve to entities.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span

from sitrep.clean.textscrape.trees import LEAF, Ensemble, Tree
from sitrep.extract.relcand import NUMERIC, Candidate, Mention, candidates
from sitrep.extract.relcues import RelationCues
from sitrep.extract.relroles import Found
from sitrep.extract.spans import Phrase

MODEL_FILE = Path(__file__).with_name("relmodel.json")
# The re3d types the model learns, as our relation types (the ends keep their sides).
LEARNED: dict[str, str] = {
    "BelongsTo": "member-of",
    "InChargeOf": "commands",
    "CoLocated": "present-in",
}
PHRASE = "phrase"  # the label of a learned end that holds no entity: never minted into one
HOW = "learned"
BLOCK = 4096  # pairs scored at once: (pairs x trees) arrays stay small on a long document
NEVER = 1.01  # a threshold no probability reaches
Limits = tuple[float, float]  # the thresholds for a pair of entities, for a pair with a phrase


@dataclass(frozen=True)
class PackedTrees:
    """An ensemble as arrays (tree x node), to score many rows at once: a sentence's pairs are
    hundreds, and walking 150 trees per pair in Python cost more than parsing the sentence.
    A leaf points to itself, so every row takes `depth` steps in every tree."""

    bias: float
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    depth: int

    def margins(self, x: np.ndarray) -> np.ndarray:
        trees = np.arange(self.feature.shape[0])[None, :]
        rows = np.arange(len(x))[:, None]
        node = np.zeros((len(x), self.feature.shape[0]), dtype=np.int64)
        for _ in range(self.depth):
            goes_left = x[rows, self.feature[trees, node]] < self.threshold[trees, node]
            node = np.where(goes_left, self.left[trees, node], self.right[trees, node])
        margin: np.ndarray = self.bias + self.value[trees, node].sum(axis=1)
        return margin


def pack(ensemble: Ensemble, position: dict[int, int]) -> PackedTrees:
    """The ensemble as arrays, reading column `position[f]` where a tree reads feature `f`."""
    width = max(len(t.feature) for t in ensemble.trees)
    shape = (len(ensemble.trees), width)
    feature, left, right = (np.zeros(shape, dtype=np.int64) for _ in range(3))
    threshold, value = np.zeros(shape), np.zeros(shape)
    depth = 0
    for n, tree in enumerate(ensemble.trees):
        left[n], right[n] = np.arange(width), np.arange(width)  # padding and leaves stay put
        for i, f in enumerate(tree.feature):
            if f == LEAF:
                value[n, i] = tree.value[i]
            else:
                feature[n, i], threshold[n, i] = position[f], tree.threshold[i]
                left[n, i], right[n, i] = tree.left[i], tree.right[i]
        depth = max(depth, _depth(tree, 0))
    return PackedTrees(ensemble.bias, feature, threshold, left, right, value, depth)


def _depth(tree: Tree, node: int) -> int:
    if tree.feature[node] == LEAF:
        return 0
    return 1 + max(_depth(tree, tree.left[node]), _depth(tree, tree.right[node]))


@dataclass(frozen=True)
class RelationModel:
    columns: dict[str, int]  # indicator feature -> column (after the numeric ones)
    ensembles: dict[str, Ensemble]  # re3d type -> its one-against-the-rest ensemble
    thresholds: Limits
    packed: dict[str, PackedTrees] = field(init=False, repr=False, compare=False)
    # Scoring reads only the columns some tree splits on (a few hundred of the vocabulary's).
    used_numbers: list[tuple[int, int]] = field(init=False, repr=False, compare=False)
    used_columns: dict[str, int] = field(init=False, repr=False, compare=False)
    n_used: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        used = sorted(
            {f for e in self.ensembles.values() for t in e.trees for f in t.feature if f != LEAF}
        )
        position = {f: i for i, f in enumerate(used)}
        setattr_ = object.__setattr__
        setattr_(self, "packed", {k: pack(e, position) for k, e in self.ensembles.items()})
        setattr_(
            self, "used_numbers", [(j, position[j]) for j in range(len(NUMERIC)) if j in position]
        )
        setattr_(self, "used_columns", {
            name: position[col] for name, col in self.columns.items() if col in position
        })  # fmt: skip
        setattr_(self, "n_used", len(used))

    @property
    def width(self) -> int:
        return len(NUMERIC) + len(self.columns)

    def matrix(self, cands: Sequence[Candidate]) -> np.ndarray:
        """The pairs as rows: their numbers, then a 1 in the column of each known feature."""
        x = np.zeros((len(cands), self.width), dtype=np.float32)
        for i, cand in enumerate(cands):
            x[i, : len(NUMERIC)] = cand.numbers
            x[i, [self.columns[f] for f in cand.features if f in self.columns]] = 1.0
        return x

    def _used_matrix(self, cands: Sequence[Candidate]) -> np.ndarray:
        x = np.zeros((len(cands), self.n_used), dtype=np.float32)
        for i, cand in enumerate(cands):
            for j, at in self.used_numbers:
                x[i, at] = cand.numbers[j]
            x[i, [self.used_columns[f] for f in cand.features if f in self.used_columns]] = 1.0
        return x

    def probability_rows(self, cands: Sequence[Candidate]) -> list[dict[str, float]]:
        """Each pair's probability per type; scored in blocks, a document's pairs at once."""
        out: list[dict[str, float]] = []
        for lo in range(0, len(cands), BLOCK):
            x = self._used_matrix(cands[lo : lo + BLOCK])
            by_kind = {
                kind: 1.0 / (1.0 + np.exp(-np.clip(packed.margins(x), -30.0, 30.0)))
                for kind, packed in self.packed.items()
            }
            out += [{k: float(p[i]) for k, p in by_kind.items()} for i in range(len(x))]
        return out

    def probabilities(self, cand: Candidate) -> dict[str, float]:
        return self.probability_rows([cand])[0]

    def to_json(self) -> dict[str, object]:
        return {
            "thresholds": {"named": self.thresholds[0], "phrase": self.thresholds[1]},
            "numeric": list(NUMERIC),
            "vocabulary": sorted(self.columns, key=self.columns.__getitem__),
            "ensembles": {k: e.to_json() for k, e in sorted(self.ensembles.items())},
        }


def model_from_json(data: dict[str, object]) -> RelationModel:
    vocabulary, ensembles, limits = data["vocabulary"], data["ensembles"], data["thresholds"]
    assert isinstance(vocabulary, list) and isinstance(ensembles, dict)
    assert isinstance(limits, dict)
    if data.get("numeric") != list(NUMERIC):
        raise ValueError("relmodel.json was fitted on other numeric features: refit it")
    columns = {str(f): len(NUMERIC) + n for n, f in enumerate(vocabulary)}
    return RelationModel(
        columns,
        {str(k): Ensemble.from_json(v) for k, v in ensembles.items()},
        (float(limits["named"]), float(limits["phrase"])),
    )


@lru_cache(maxsize=1)
def load_relation_model() -> RelationModel | None:
    """The shipped model, or None where it has not been fitted (the rules still run)."""
    if not MODEL_FILE.exists():
        return None
    return model_from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def _end(mention: Mention) -> Phrase:
    p = mention.phrase
    return p if mention.entity else Phrase(p.text, p.start, p.end, PHRASE, p.pack_id)


def learned_relations(
    sent: Span, ents: dict[int, Span], cues: RelationCues, model: RelationModel
) -> list[Found]:
    """The relations the model finds in a sentence."""
    found = candidates(sent, ents, cues)
    return choose(list(zip(found, model.probability_rows(found), strict=True)), model.thresholds)


SENTENCE_BLOCK = 64


def learned_in_sentences(
    sents: Sequence[Span], ents: dict[int, Span], cues: RelationCues, model: RelationModel
) -> list[list[Found]]:
    """`learned_relations` for each of a document's sentences, the pairs of SENTENCE_BLOCK
    sentences scored together (a whole long document's pairs at once took 1.6 GB more)."""
    out: list[list[Found]] = []
    for first in range(0, len(sents), SENTENCE_BLOCK):
        found = [candidates(sent, ents, cues) for sent in sents[first : first + SENTENCE_BLOCK]]
        probs = model.probability_rows([c for cands in found for c in cands])
        k = 0
        for cands in found:
            scored = list(zip(cands, probs[k : k + len(cands)], strict=True))
            out.append(choose(scored, model.thresholds))
            k += len(cands)
    return out


def named(cand: Candidate) -> bool:
    """Whether both ends of the pair are entities (the first threshold applies)."""
    return cand.a.entity and cand.b.entity


def choose(scored: list[tuple[Candidate, dict[str, float]]], limits: Limits) -> list[Found]:
    """Per pair of phrases, its likeliest type when that type's probability reaches the pair's
    threshold (`limits`: for two entities, for a pair with a common-noun phrase); of a pair
    found both ways round, the likelier reading."""
    best: dict[tuple[int, int, int, int], tuple[float, str, Candidate]] = {}
    for cand, probs in scored:
        kind = max(probs, key=lambda k: (probs[k], k))
        if probs[kind] < limits[0 if named(cand) else 1]:
            continue
        a, b = cand.a.phrase, cand.b.phrase
        key = (min(a.start, b.start), max(a.start, b.start), min(a.end, b.end), max(a.end, b.end))
        if key not in best or probs[kind] > best[key][0]:
            best[key] = (probs[kind], kind, cand)
    return [
        Found(LEARNED[kind], _end(cand.a), _end(cand.b), cand.cue, HOW)
        for _, kind, cand in sorted(best.values(), key=lambda v: (v[2].a.phrase.start, v[1]))
    ]
