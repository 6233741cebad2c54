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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from sitrep.clean.textscrape.trees import Ensemble
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
NEVER = 1.01  # a threshold no probability reaches
Limits = tuple[float, float]  # the thresholds for a pair of entities, for a pair with a phrase


@dataclass(frozen=True)
class RelationModel:
    columns: dict[str, int]  # indicator feature -> column (after the numeric ones)
    ensembles: dict[str, Ensemble]  # re3d type -> its one-against-the-rest ensemble
    thresholds: Limits

    @property
    def width(self) -> int:
        return len(NUMERIC) + len(self.columns)

    def row(self, cand: Candidate) -> list[float]:
        row = [*cand.numbers, *([0.0] * len(self.columns))]
        for feature in cand.features:
            column = self.columns.get(feature)
            if column is not None:
                row[column] = 1.0
        return row

    def probabilities(self, cand: Candidate) -> dict[str, float]:
        row = self.row(cand)
        return {kind: ensemble.score(row) for kind, ensemble in self.ensembles.items()}

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
    scored = [(cand, model.probabilities(cand)) for cand in candidates(sent, ents, cues)]
    return choose(scored, model.thresholds)


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
