"""A sentence's one dated time dates an attack the parse tied to no time, unless that time only
bounds the happening ("since Wednesday"). Sentences written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.dating import sentence_time
from sitrep.extract.events import _sentence_times, extract_events
from sitrep.extract.schema import load_claim_cues
from sitrep.nlp.pipeline import shipped_model_path

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def _time(nlp: Language, sentence: str, trigger: str) -> str | None:
    doc = nlp(sentence)
    sent = next(iter(doc.sents))
    token = next(t for t in doc if t.text == trigger)
    found = sentence_time(token, _sentence_times(doc, sent, "2016-05-06"), load_claim_cues())
    return found.start if found else None


def test_the_sentence_day_dates_the_attack(domain_nlp: Language) -> None:
    assert _time(domain_nlp, "Shelling hit the market on Tuesday, killing 4.", "Shelling") == (
        "2016-05-03"
    )


def test_a_bound_is_not_the_day(domain_nlp: Language) -> None:
    sentence = "Since Tuesday shelling has hit the market, leaving 9 people dead."
    assert _time(domain_nlp, sentence, "shelling") is None


def test_a_bound_is_not_the_day_where_the_marker_hangs_on_the_day_number(
    domain_nlp: Language,
) -> None:
    # the parser hangs "since" on "14" and makes "March" the head of the time: the marker is
    # still the time's, so the shelling is not dated to 14 March (it may run from 14 March to
    # the report: a count since a day, session 30b)
    text = "Insurgents have shelled the district of Jobar since 14 March killing 9 civilians."
    events = extract_events("d", domain_nlp(text), "2016-05-06", None, None).events
    shelling = [e for e in events if e.trigger == "shelled"]
    assert shelling and all(
        e.time is None or (e.time.start, e.time.end) != ("2016-03-14", "2016-03-14")
        for e in shelling
    )
