"""Twins made one (session 31): where two readers answered the same question in different
words, one now reads the other's rule or table, so they cannot drift apart again. Sentences
written for sitrep.

- A place people came from is not where they were hit: the parse's reading
  (`merge.where_people_came_from`) for the sentence's places and for a participant taken for
  the place (`agents`); agents once read the words before the name, and missed "from the".
- A nationality before a place's noun names no one hit: one table of those nouns
  (`within.NATIONALITY_PLACES`) for the phrase reader (`spans`) and the participant filter
  (`agents`); they read two tables that differed (city, capital, territory, soil ... in one;
  camp, hospital, area ... in the other).
- "the X of Y" names a place Y: one table (`nlp.toponyms.PLACE_OF`) for the tagger's retyping
  and a violent mention's place (`merge`), which read two (region, capital, area in one;
  quarter, environs and the plurals in the other)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract import agents, merge, spans, within
from sitrep.extract.events import extract_events
from sitrep.nlp import toponyms
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.resolve.places import resolve_place

needs_model = pytest.mark.skipif(
    not (shipped_model_path() / "config.cfg").is_file(),
    reason="no trained pipeline in src/sitrep/models/sitrep_en",
)


def test_one_table_of_the_places_a_nationality_describes() -> None:
    assert spans.NATIONALITY_PLACES is within.NATIONALITY_PLACES
    assert agents.NATIONALITY_PLACES is within.NATIONALITY_PLACES
    # both former tables' nouns, and never a person's
    assert {"capital", "territory", "soil", "town", "camp", "hospital", "areas"} <= (
        within.NATIONALITY_PLACES
    )
    assert not {"guards", "border", "forces"} & within.NATIONALITY_PLACES


def test_one_table_of_the_nouns_whose_of_names_a_place() -> None:
    assert merge._KIND_OF_PLACE is toponyms.PLACE_OF
    assert {"town", "capital", "area", "region", "environs", "villages"} <= toponyms.PLACE_OF


def test_one_reading_of_where_people_came_from() -> None:
    assert not hasattr(agents, "_CAME_FROM")  # the words-before pattern is gone


@needs_model
def test_the_place_people_came_from_is_not_the_place_of_the_killing(
    domain_nlp: Language,
) -> None:
    # "from the": the old pattern read only "from X" and "from the towns of X"
    text = "The army said there were nine people from the Golan among the 30 fighters killed."
    events = extract_events("d", domain_nlp(text), "2017-10-07", None, None).events
    assert events, "the killing is read"
    assert all(e.place is None or "Golan" not in e.place.text for e in events)


@needs_model
def test_a_nationality_on_a_place_is_read_alike_by_both_readers(domain_nlp: Language) -> None:
    # "Turkish soil": the phrase reader took "Turkish" for the target and the participant
    # filter dropped it; neither the nationality nor the ground itself is anyone shelled (the
    # soil is where the shells fell, in the country the nationality names: round 13e)
    text = "The army shelled Turkish soil on Friday."
    events = extract_events("d", domain_nlp(text), "2017-10-07", None, None).events
    names = {p.text for e in events for p in e.participants}
    assert not {"Turkish", "Turkish soil"} & names, names
    # placed on the words as written, which resolution reads as the country
    assert [e.place.text if e.place else None for e in events] == ["Turkish soil"], events
    found = resolve_place("Turkish soil")
    assert found is not None and found.country_code == "TR" and found.precision == "country"


@needs_model
def test_a_countrys_territory_is_where_a_strike_fell_not_its_target(domain_nlp: Language) -> None:
    text = "Turkish forces struck Syrian territory near Kobani on Tuesday."
    events = extract_events("d", domain_nlp(text), "2017-10-07", None, None).events
    struck = next(e for e in events if e.trigger == "struck")
    assert not [p for p in struck.participants if p.role == "target"], struck.participants
    assert struck.place is not None and struck.place.text == "Kobani"


@needs_model
def test_a_name_after_the_area_of_is_a_place_not_a_target(domain_nlp: Language) -> None:
    # the tagger reads "Abu Kamal" as a person; "the area of" says it is a place (the events'
    # table knew "area", the tagger's retyping did not, so the town was struck as a person)
    text = "Jets struck the area of Abu Kamal on Friday, killing six."
    events = extract_events("d", domain_nlp(text), "2017-10-07", None, None).events
    struck = next(e for e in events if e.trigger == "struck")
    assert struck.place is not None and struck.place.text == "Abu Kamal"
    assert "Abu Kamal" not in {p.text for p in struck.participants}
