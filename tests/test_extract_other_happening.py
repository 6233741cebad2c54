"""A happening a sentence names as another's occasion or cause ("after the attack by X", "in
retaliation for the execution of the pilot by X") is a happening of its own: it is not merged
into the sentence's attack, and its doer is not that attack's. Sentences written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.nlp.pipeline import shipped_model_path

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def _doers(nlp: Language, text: str) -> dict[str, set[str]]:
    events = extract_events("d", nlp(text), "2016-07-04", None, None).events
    return {
        e.trigger: {p.text for p in e.participants if p.role in ("actor", "by")} for e in events
    }


def test_the_attack_after_which_jets_struck_is_another_happening(domain_nlp: Language) -> None:
    text = "Russian jets struck the village of Kafr Nabl after the ambush by Nusra Front on Monday."
    doers = _doers(domain_nlp, text)
    assert "struck" in doers and "Nusra Front" not in doers["struck"], doers
    assert "Nusra Front" in doers.get("ambush", set()), doers


def test_the_doer_of_the_happening_answered_is_not_the_striker(domain_nlp: Language) -> None:
    text = (
        "The air raids on the town were revenge for the execution of a captured soldier by "
        "Nusra Front, a monitor said."
    )
    doers = _doers(domain_nlp, text)
    assert "Nusra Front" not in doers.get("raids", set()), doers


def test_a_doer_named_in_the_attacks_own_phrase_stays(domain_nlp: Language) -> None:
    doers = _doers(domain_nlp, "Shelling by rebels killed five people in Aleppo on Monday.")
    assert any("rebels" in found for found in doers.values()), doers
    doers = _doers(domain_nlp, "Five civilians were killed in an attack by rebels on Monday.")
    assert any("rebels" in found for found in doers.values()), doers
