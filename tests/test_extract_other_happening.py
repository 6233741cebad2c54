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


def test_an_attack_dated_otherwise_in_the_sentence_is_another_happening(
    domain_nlp: Language,
) -> None:
    """ "Tuesday's attack the deadliest since an assault in Kunduz in August 2017": the two
    attacks of one sentence carry two dates, so they are two happenings, not one merged."""
    text = (
        "Reuters reported Tuesday's attack the deadliest since an assault in Kunduz in August "
        "2017, with officials reporting at the time 40 killed."
    )
    events = extract_events("d", domain_nlp(text), "2018-01-24", None, None).events
    dated = {e.trigger: e.time.start[:7] for e in events if e.time is not None}
    assert dated.get("attack") == "2018-01" and dated.get("assault") == "2017-08", dated


def test_attacks_of_one_day_in_one_sentence_stay_one_happening(domain_nlp: Language) -> None:
    text = "Jets bombed the town of Kafr Nabl on Monday, and the raids on Monday killed five."
    events = extract_events("d", domain_nlp(text), "2016-07-05", None, None).events
    violent = [e for e in events if e.type in ("ASSAULT", "DIE")]
    assert len(violent) == 1, [(e.trigger, e.time) for e in violent]
