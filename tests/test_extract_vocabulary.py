"""Happenings the schema had no word for: withdrawals (RETREAT, placed where they leave),
protests, phone conversations, bans; a sanction someone failed to persuade others into is not
one. And the ACLED export codes the new types. Sentences written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.export.acled import acled_type
from sitrep.extract.events import extract_events
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.records import EventMention

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def _events(nlp: Language, text: str) -> list[EventMention]:
    return list(extract_events("d", nlp(text), "2016-05-04", None, None).events)


def test_a_withdrawal_from_a_town_is_a_retreat_placed_there(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Kurdish fighters withdrew from Manbij on Tuesday.")
    retreats = [e for e in events if e.type == "RETREAT" and e.modality is None]
    assert retreats and retreats[0].place is not None and retreats[0].place.text == "Manbij"


def test_leaving_a_treaty_is_no_retreat(domain_nlp: Language) -> None:
    text = "Last year President Jones withdrew the country from a nuclear treaty with Iran."
    assert not [e for e in _events(domain_nlp, text) if e.type == "RETREAT"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The president had a phone conversation with Turkish President Ali Demir on Sunday.",
         "CONSULT"),
        ("France on Monday banned the Iranian airline Mahan Air from its airports.", "SANCTION"),
        ("Moscow announced the withdrawal of its troops from Syria on Monday.", "RETREAT"),
    ],
)  # fmt: skip
def test_the_new_words_tell_their_type(domain_nlp: Language, text: str, kind: str) -> None:
    assert kind in {e.type for e in _events(domain_nlp, text) if e.modality is None}, text


def test_a_sanction_others_were_not_persuaded_into_is_not_asserted(domain_nlp: Language) -> None:
    text = "The campaign did not persuade European leaders to sanction Saudi Arabia."
    sanctions = [e for e in _events(domain_nlp, text) if e.type == "SANCTION"]
    assert all(e.modality is not None or e.negated for e in sanctions)


def test_acled_codes_the_new_types() -> None:
    assert acled_type({"type": "PROTEST", "mode": None}) == ("Protests", "Peaceful protest")
    assert acled_type({"type": "RETREAT", "mode": None})[0] == "Strategic developments"
