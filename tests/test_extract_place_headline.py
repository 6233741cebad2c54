"""The headline places the lede's happening where the lede names only a region (the one town
the headline names, in the lede's country) or no place at all, and says where a neighbourhood
no gazetteer knows lies. Texts written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.records import EventMention

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)

LEDE = "Air strikes on a crowded market in northern Syria killed at least 20 people on Monday."


def _lede(nlp: Language, title: str, lede: str) -> EventMention:
    text = f"{title}\n\n{lede} The monitor said rescue work went on into the night."
    events = extract_events("d", nlp(text), "2016-05-04", None, title).events
    violent = [e for e in events if e.type in ("ASSAULT", "DIE")]
    return min(violent, key=lambda e: (e.sentence, e.trigger_start))


def _lede_place(nlp: Language, title: str, lede: str = LEDE) -> str | None:
    first = _lede(nlp, title, lede)
    return first.place.text if first.place else None


def test_the_headline_s_town_places_the_lede(domain_nlp: Language) -> None:
    assert _lede_place(domain_nlp, "Air strikes kill 20 at a market in Saraqeb") == "Saraqeb"


def test_two_towns_or_another_country_place_nothing(domain_nlp: Language) -> None:
    two = _lede_place(domain_nlp, "Strikes hit Saraqeb and Maarat al-Numan markets")
    abroad = _lede_place(domain_nlp, "Air strikes kill 20 as talks open in Geneva")
    assert two not in ("Saraqeb", "Maarat al-Numan")
    assert abroad != "Geneva"


def test_a_lede_with_its_own_town_keeps_it(domain_nlp: Language) -> None:
    lede = "Air strikes on a crowded market in Ariha killed at least 20 people on Monday."
    assert _lede_place(domain_nlp, "Air strikes kill 20 at a market in Saraqeb", lede) == "Ariha"


def test_a_lede_placed_nowhere_takes_the_headline_s_town(domain_nlp: Language) -> None:
    lede = "At least 20 people were killed on Monday when rockets hit a crowded market."
    assert _lede_place(domain_nlp, "Rockets kill 20 at a market in Saraqeb", lede) == "Saraqeb"


def test_an_unknown_neighbourhood_lies_in_the_headline_s_town(domain_nlp: Language) -> None:
    lede = "Rockets killed at least 20 people in Karm al-Jabal neighbourhood on Monday."
    first = _lede(domain_nlp, "Rockets kill 20 in Syria's Aleppo", lede)
    assert first.place is not None and first.place.within == "Aleppo", first.place
