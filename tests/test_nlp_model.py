"""The shipped pipeline: held-out floors (CI guard) and the seeds' key names.

Reads ../shared/data and ../shared/seeds; skips with a reason where they (or the model) are
absent. Floors live in tests/nlp_floors.json, a little under the measured figures.
"""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest
from spacy.language import Language

from sitrep.nlp import conllu, gold
from sitrep.nlp.domain import DEFAULT_TITLES, AliasPattern, add_domain_components
from sitrep.nlp.ner_eval import score_ner
from sitrep.nlp.parse_eval import score_sentences
from sitrep.nlp.pipeline import load_pipeline, shipped_model_path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "data"
FLOORS = json.loads((Path(__file__).parent / "nlp_floors.json").read_text())["nlp"]
SAMPLE = 300

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(shipped_model_path())


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"third-party data absent: {path}")
    return path


def test_uner_test_sample_floor(nlp: Language) -> None:
    _need(DATA / "uner-english-ewt")
    sample = list(islice(gold.uner_gold(DATA, "test"), SAMPLE))
    scores = score_ner(nlp, sample)
    floors = FLOORS["uner_test_300"]
    assert scores.overall.f1 >= floors["overall_f1"], scores.as_dict()
    for label in ("PERSON", "ORG", "LOC"):
        assert scores.per_label[label].f1 >= floors[f"{label}_f1"], scores.as_dict()


def test_pud_sample_floor(nlp: Language) -> None:
    _need(DATA / "uner-english-pud")
    scores = score_ner(nlp, list(islice(gold.pud_gold(DATA), SAMPLE)))
    floors = FLOORS["pud_300"]
    assert scores.overall.f1 >= floors["overall_f1"], scores.as_dict()
    for label in ("PERSON", "ORG", "LOC"):
        assert scores.per_label[label].f1 >= floors[f"{label}_f1"], scores.as_dict()


def test_ewt_test_sample_floor(nlp: Language) -> None:
    path = _need(DATA / "ud-english-ewt" / "en_ewt-ud-test.conllu")
    scores = score_sentences(nlp, list(islice(conllu.read_conllu(path), SAMPLE)))
    floors = FLOORS["ewt_test_300"]
    for key in ("upos", "xpos", "uas", "las"):
        assert getattr(scores, key) >= floors[key], scores.as_dict()


# Names the seeds must come out with. The aliases are the few the domain pack would supply;
# persons and places must come from the model (plus the title rule).
SEED_NAMES = {
    "Qassem Soleimani": {"PERSON"},
    "Esmail Ghaani": {"PERSON"},
    "Mohammad Hossein Baqeri": {"PERSON"},
    "Bashar al-Assad": {"PERSON"},
    "Quds Force": {"ORG"},
    "Hezbollah": {"ORG"},
    "Islamic Revolutionary Guards Corps": {"ORG"},
    "Aleppo": {"LOC"},
    "Latakia": {"LOC"},
    "Idlib": {"LOC"},
    "Damascus": {"LOC"},
    "Moscow": {"LOC"},
    "Mi-28": {"VEHICLE", "WEAPON"},
    "T-90": {"VEHICLE", "WEAPON"},
}
SEED_ALIASES = [
    AliasPattern("Quds Force", "ORG", "quds-force"),
    AliasPattern("Hezbollah", "ORG", "hezbollah"),
    AliasPattern("Islamic Revolutionary Guards Corps", "ORG", "irgc"),
    AliasPattern("Mi-28", "VEHICLE", "mi-28"),
    AliasPattern("T-90", "VEHICLE", "t-90"),
]


def seed_mentions(nlp: Language) -> set[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(_need(SHARED / "seeds").glob("*.txt"))]
    return {(e.text, e.label_) for doc in nlp.pipe(texts) for e in doc.ents}


def test_seed_key_names(nlp: Language) -> None:
    add_domain_components(nlp, DEFAULT_TITLES, SEED_ALIASES)
    try:
        found = seed_mentions(nlp)
    finally:
        for name in (
            "sitrep_toponyms",
            "sitrep_types",
            "sitrep_titles",
            "sitrep_aliases",
            "sitrep_names",
        ):
            nlp.remove_pipe(name)
    missing = {
        name: labels
        for name, labels in SEED_NAMES.items()
        if not any((name, label) in found for label in labels)
    }
    assert not missing, f"not found as expected: {missing}"


# Sentences written for sitrep in the style of regional newswire: each name must come out with
# its type in context, through the ingest's pipeline (model, pack aliases, gazetteer, rules).
CONTEXT_TEXTS = [
    "Khatib said Tehran had foiled the plot before the talks.",
    "Officials in Riyadh said the delegation would return on Sunday.",
    "Government forces shelled eastern Aleppo overnight, activists said.",
    "The Interior Ministry said two suspects were arrested at the border.",
    "Kataib Hezbollah denied any role in the rocket attack on the base.",
    "Fighters of Hayat Tahrir al-Sham withdrew from the villages.",
    "The Quds Force has expanded its operations in the region.",
    "Brigadier General Esmail Ghaani met Iraqi officials in Baghdad.",
    # a name right before a kind of settlement names a place (the model read a person)
    "Gunmen fired mortar rounds on Saif al-Dawleh neighborhood in the city.",
    # a known actor's possessive whose apostrophe was lost is the actor (the model read a place)
    "Riyadh has long been one of Assads most vocal critics.",
]
CONTEXT_TYPES = {
    "Tehran": {"LOC", "GPE"},
    "Riyadh": {"LOC", "GPE"},
    "Aleppo": {"LOC", "GPE"},
    "Interior Ministry": {"ORG"},
    "Kataib Hezbollah": {"ORG"},
    "Hayat Tahrir al-Sham": {"ORG"},
    "Quds Force": {"ORG"},
    "Esmail Ghaani": {"PERSON"},
    "Saif al-Dawleh": {"LOC", "GPE"},
    "Assads": {"PERSON"},
}


def test_names_are_typed_right_in_context() -> None:
    from sitrep.pipeline import load_domain_pipeline
    from sitrep.settings import get_settings

    domain = load_domain_pipeline(None, get_settings().pack)
    found = {(e.text, e.label_) for doc in domain.pipe(CONTEXT_TEXTS) for e in doc.ents}
    wrong = {
        name: sorted(label for text, label in found if text == name)
        for name, labels in CONTEXT_TYPES.items()
        if not any((name, label) in found for label in labels)
    }
    assert not wrong, f"typed wrong or missed (name: labels found): {wrong}"
