"""The headline's toll goes to a lede that tells the happening without one, where the headline
names one town; a headline over several towns or none sums up many happenings, and a lede with
its own count keeps it. Texts written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.records import EventMention

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)

UNCOUNTED = "Warplanes struck an armed convoy on the road east of Saraqeb on Monday."


def _lede(nlp: Language, title: str, lede: str = UNCOUNTED) -> EventMention:
    text = f"{title}\n\n{lede} The monitor said rescue work went on into the night."
    events = extract_events("d", nlp(text), "2016-05-04", None, title).events
    violent = [e for e in events if e.type in ("ASSAULT", "DIE") and e.modality is None]
    return min(violent, key=lambda e: (e.sentence, e.trigger_start))


def _killed(nlp: Language, title: str, lede: str = UNCOUNTED) -> int | None:
    casualties = _lede(nlp, title, lede).casualties
    return casualties.killed if casualties else None


def test_the_headline_s_toll_counts_an_uncounted_lede(domain_nlp: Language) -> None:
    assert _killed(domain_nlp, "Jets strike convoy near Saraqeb killing 35 fighters") == 35


def test_a_lede_in_a_part_of_the_headline_s_town_takes_its_toll(domain_nlp: Language) -> None:
    lede = "Warplanes struck an armed convoy in east Saraqeb on Monday."
    assert _killed(domain_nlp, "Jets strike convoy in Saraqeb killing 35 fighters", lede) == 35


def test_a_headline_over_no_town_or_several_gives_no_toll(domain_nlp: Language) -> None:
    assert _killed(domain_nlp, "Army kills over 80 fighters in various provinces") is None
    assert _killed(domain_nlp, "Jets kill 35 fighters in Saraqeb and Ariha") is None


def test_a_lede_with_its_own_count_keeps_it(domain_nlp: Language) -> None:
    lede = "Warplanes struck a convoy east of Saraqeb on Monday killing 12 fighters."
    assert _killed(domain_nlp, "Jets strike convoy near Saraqeb killing 35 fighters", lede) == 12
