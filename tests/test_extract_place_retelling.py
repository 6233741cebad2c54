"""A lede placed only in a country takes the place its retelling names ("The strikes hit the
town of X ..."); a sentence that does not refer back tells another happening and lends nothing.
Sentences written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.extract.placerefine import country_only
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.records import Participant

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def _lede_place(nlp: Language, text: str) -> str | None:
    events = extract_events("d", nlp(text), "2016-05-04", None, None).events
    lede = [e for e in events if e.sentence == 0 and e.type in ("ASSAULT", "DIE")]
    assert lede, events
    return lede[0].place.text if lede[0].place else None


def test_the_retelling_places_the_lede(domain_nlp: Language) -> None:
    text = (
        "Air strikes on a market killed at least 19 civilians in northern Syria on Monday. "
        "The strikes hit the town of Atareb west of Aleppo, a monitor said."
    )
    assert _lede_place(domain_nlp, text) == "Atareb"


def test_another_happening_lends_no_place(domain_nlp: Language) -> None:
    text = (
        "Air strikes on a market killed at least 19 civilians in northern Syria on Monday. "
        "Separately, rebels shelled Hama on Friday, killing 3 soldiers."
    )
    assert _lede_place(domain_nlp, text) in (None, "Syria", "northern Syria")


@pytest.mark.parametrize(
    ("text", "only"),
    [("Syria", True), ("northern Syria", True), ("north-west Syria", True), ("Aleppo", False)],
)
def test_country_only(text: str, only: bool) -> None:
    assert country_only(Participant("place", text, 0, len(text), "GPE", None)) is only
