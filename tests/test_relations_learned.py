"""The learned relation model: candidate pairs and their features on a hand-built parse, the
tree fitting, the shipped model on a clear sentence, and its ends never minting entities."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc
from sqlalchemy import create_engine

from sitrep.clean.textscrape.boost import Boosting
from sitrep.corroborate.relations import _minted
from sitrep.extract.relations import extract_relations
from sitrep.extract.relboost import fit_sparse_ensemble
from sitrep.extract.relcand import NUMERIC, candidates, mentions
from sitrep.extract.relcues import load_relation_cues
from sitrep.extract.relmodel import (
    HOW,
    PHRASE,
    RelationModel,
    choose,
    learned_relations,
    load_relation_model,
    named,
)
from sitrep.extract.spans import entity_index

NLP = spacy.blank("en")


def _doc(rows: list[tuple[str, str, str, int]], ents: list[str]) -> Doc:
    """A parsed Doc from (word, POS, dependency, head index) rows and BIO entity tags."""
    words = [r[0] for r in rows]
    return Doc(
        NLP.vocab,
        words=words,
        spaces=[i + 1 < len(words) and words[i + 1] not in (".", ",") for i in range(len(words))],
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        ents=ents,
    )


def _militants() -> Doc:
    # "Militants from ISIL attacked a checkpoint near Mosul."
    return _doc(
        [
            ("Militants", "NOUN", "nsubj", 3),
            ("from", "ADP", "case", 2),
            ("ISIL", "PROPN", "nmod", 0),
            ("attacked", "VERB", "ROOT", 3),
            ("a", "DET", "det", 5),
            ("checkpoint", "NOUN", "obj", 3),
            ("near", "ADP", "case", 7),
            ("Mosul", "PROPN", "nmod", 5),
            ("yesterday", "NOUN", "obl", 3),
            (".", "PUNCT", "punct", 3),
        ],
        ["O", "O", "B-ORG", "O", "O", "O", "O", "B-LOC", "O", "O"],
    )


def test_phrases_are_entities_and_common_nouns_but_not_times() -> None:
    doc = _militants()
    sent = next(iter(doc.sents))
    found = mentions(sent, entity_index(doc))
    assert [(m.phrase.text, m.phrase.label) for m in found] == [
        ("Militants", "NP"),
        ("ISIL", "ORG"),
        ("a checkpoint", "NP"),
        ("Mosul", "LOC"),
    ]


def test_pair_features_read_the_path_the_words_between_and_the_ends() -> None:
    doc = _militants()
    sent = next(iter(doc.sents))
    found = candidates(sent, entity_index(doc), load_relation_cues())
    pairs = {(c.a.phrase.text, c.b.phrase.text): c for c in found}
    from_isil = pairs[("Militants", "ISIL")]
    assert {"path=vnmod", "case_b=from", "between_all=from", "lab_a=NP", "lab_b=ORG",
            "h_a=militants", "h_b=isil"} <= from_isil.features  # fmt: skip
    numbers = dict(zip(NUMERIC, from_isil.numbers, strict=True))
    assert numbers["forward"] == 1 and numbers["tokens_between"] == 1
    assert numbers["path_length"] == 1 and numbers["b_is_entity"] == 1
    assert numbers["a_is_entity"] == 0
    # the reverse pair reads the same path upwards
    assert "path=nmod^" in pairs[("ISIL", "Militants")].features
    assert pairs[("ISIL", "Militants")].numbers[0] == 0  # backwards
    # across the verb: up to it, down to the object (ClearNLP names) and its modifier
    far = pairs[("Militants", "Mosul")]
    assert "path=nsubj^ vdobj vnmod" in far.features and "lca=attacked" in far.features
    assert "on_path=checkpoint" in far.features and "case_b=near" in far.features
    assert dict(zip(NUMERIC, far.numbers, strict=True))["phrases_between"] == 2


def test_fitting_is_deterministic_and_keeps_a_rare_indicator() -> None:
    rng = np.random.default_rng(0)
    x = np.zeros((2000, 3), dtype=np.float32)
    x[:, 0] = rng.integers(0, 10, 2000)  # noise
    x[:30, 1] = 1.0  # a rare indicator: present in 1.5% of the rows, and says yes
    x[:, 2] = rng.random(2000)
    y = x[:, 1].astype(np.float64)
    settings = Boosting(trees=20, depth=2, rate=0.3, min_leaf=0.5, l2=1.0, bins=16)
    first = fit_sparse_ensemble(x, y, np.ones(2000), settings)
    again = fit_sparse_ensemble(x, y, np.ones(2000), settings)
    assert first.to_json() == again.to_json()
    assert first.score([3.0, 1.0, 0.5]) > 0.9 and first.score([3.0, 0.0, 0.5]) < 0.1


def _forces() -> Doc:
    # "Coalition forces in Syria struck ISIL targets."
    return _doc(
        [
            ("Coalition", "NOUN", "compound", 1),
            ("forces", "NOUN", "nsubj", 4),
            ("in", "ADP", "case", 3),
            ("Syria", "PROPN", "nmod", 1),
            ("struck", "VERB", "ROOT", 4),
            ("ISIL", "PROPN", "compound", 6),
            ("targets", "NOUN", "obj", 4),
            (".", "PUNCT", "punct", 4),
        ],
        ["O", "O", "O", "B-LOC", "O", "B-ORG", "O", "O"],
    )


def _met() -> Doc:
    # "Carter met Abadi in Baghdad."
    return _doc(
        [
            ("Carter", "PROPN", "nsubj", 1),
            ("met", "VERB", "ROOT", 1),
            ("Abadi", "PROPN", "obj", 1),
            ("in", "ADP", "case", 4),
            ("Baghdad", "PROPN", "obl", 1),
            (".", "PUNCT", "punct", 1),
        ],
        ["B-PERSON", "O", "B-PERSON", "O", "B-LOC", "O"],
    )


def _at_half() -> RelationModel:
    """The shipped ensembles with a threshold of 0.5 for a pair of entities: relfit chooses the
    shipped thresholds by cross-validation, and they may rise above what one clear sentence
    scores (0.75 since the rules of session 29, where the learned pairs stopped adding to them);
    these tests are of the ensembles' scores and their plumbing, not of that choice."""
    model = load_relation_model()
    assert model is not None, "src/sitrep/extract/relmodel.json is missing: run relfit"
    return replace(model, thresholds=(0.5, model.thresholds[1]))


def test_the_shipped_model_finds_presence_in_a_clear_sentence() -> None:
    model = _at_half()
    doc = _met()
    found = learned_relations(next(iter(doc.sents)), entity_index(doc), load_relation_cues(), model)
    assert {(f.type, f.subject.text, f.object.text) for f in found} >= {
        ("present-in", "Carter", "Baghdad"),
        ("present-in", "Abadi", "Baghdad"),
    }, found
    assert all(f.how == HOW for f in found)
    assert not any(f.object.text == "Carter" for f in found)  # Baghdad is not in Carter


def test_a_phrase_end_is_labelled_and_held_to_its_own_threshold() -> None:
    model = load_relation_model()
    assert model is not None
    doc = _forces()
    sent = next(iter(doc.sents))
    scored = [(c, model.probabilities(c)) for c in candidates(sent, entity_index(doc),
                                                               load_relation_cues())]  # fmt: skip
    forces = [(c, p) for c, p in scored if c.a.phrase.text == "Coalition forces"
              and c.b.phrase.text == "Syria"]  # fmt: skip
    assert forces and not named(forces[0][0])
    probability = forces[0][1]["CoLocated"]
    below = choose(forces, (0.0, probability + 0.01))
    above = choose(forces, (1.0, probability - 0.01))  # the named threshold does not apply
    assert below == [] and [(f.type, f.subject.label, f.object.label) for f in above] == [
        ("present-in", PHRASE, "LOC")
    ]


def test_extract_relations_adds_the_learned_ones_to_the_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sitrep.extract.relations.load_relation_model", _at_half)
    # "The Computer Society is an organization in Syria.": no rule reads the copula's "in"
    doc = _doc(
        [
            ("The", "DET", "det", 2),
            ("Computer", "PROPN", "compound", 2),
            ("Society", "PROPN", "nsubj", 5),
            ("is", "AUX", "cop", 5),
            ("an", "DET", "det", 5),
            ("organization", "NOUN", "ROOT", 5),
            ("in", "ADP", "case", 7),
            ("Syria", "PROPN", "nmod", 5),
            (".", "PUNCT", "punct", 5),
        ],
        ["O", "B-ORG", "I-ORG", "O", "O", "O", "O", "B-LOC", "O"],
    )
    rules = extract_relations("d", doc, None, None, learned=False)
    both = extract_relations("d", doc, None, None)
    assert {r.id for r in rules} <= {r.id for r in both}
    learned = [(r.type, r.subject.text, r.object.text) for r in both if r.how == HOW]
    assert learned == [("present-in", "Computer Society", "Syria")]
    assert all(r.claim.sentence_text == doc.text for r in both)
    # where a rule relates the two phrases, its reading stands alone
    met = _met()
    assert all(r.how != HOW for r in extract_relations("d", met, None, None))


def test_a_learned_phrase_end_never_mints_an_entity() -> None:
    # A capitalised phrase with no entity in it would be minted as an organisation if the rules
    # had found it ("the Iranian Armed Forces"); the learned model's ends are never minted.
    engine = create_engine("sqlite://")
    end = {"text": "the Coalition Ground Forces", "start": 0, "end": 27}
    with engine.connect() as conn:
        learned = {"type": "member-of", "subject": {**end, "label": PHRASE}}
        assert _minted(conn, learned, "subject") is None


def test_the_map_adds_learned_relations_only_when_the_setting_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The learned model costs five times the rules' CPU (and reads about 57 % right on FA-KES):
    an ingest asks for its relations only with `learned_relations` (SITREP_LEARNED_RELATIONS)."""
    import sitrep.extract.relations as relations_module
    from sitrep.context import StageContext
    from sitrep.pipeline import _map_batch
    from sitrep.records import RawDocument
    from sitrep.settings import Settings

    asked: list[bool] = []
    real = relations_module.extract_relations

    def spy(*args: Any, learned: bool = True, **kwargs: Any) -> Any:
        asked.append(learned)
        return real(*args, learned=learned, **kwargs)

    monkeypatch.setattr(relations_module, "extract_relations", spy)
    raw = RawDocument(b"Ashton Carter met Haider al-Abadi in Baghdad on Monday.", "t.txt", "text")
    for setting in (False, True):
        context = StageContext.load(Settings(learned_relations=setting))
        _map_batch([raw], context)
    assert asked == [False, True]
