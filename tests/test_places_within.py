"""A village the gazetteer lacks is placed where the text puts it ("al-Bureij northeast of
Aleppo"): the extractor keeps the container, resolution gives the event a place entity with the
village's name at the container's position and governorate. Sentences written for sitrep."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from sqlalchemy import select

from sitrep.extract.events import extract_events
from sitrep.extract.within import container
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store, schema

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


@pytest.mark.parametrize(
    ("sentence", "place", "within"),
    [
        ("Barrel bombs killed 18 civilians in the village of al-Bureij northeast of Aleppo on "
         "Wednesday.", "al-Bureij", "Aleppo"),
        ("Shelling killed 6 civilians in the district of Alwaer in Homs on Sunday.",
         "Alwaer", "Homs"),
        ("Air strikes killed 12 people in Kafr Nabl in rebel-held Idlib province on Tuesday.",
         "Kafr Nabl", "Idlib"),
        ("A car bomb killed 9 people near the Atmeh refugee camp in Syria's border province of "
         "Idlib on Sunday.", "Atmeh", "Idlib"),
        ("An air strike killed 10 people in the town of Meles, 15 km from Idlib, on Saturday.",
         "Meles", "Idlib"),
        # where the place lies told by a copula (a table stripped the full stop before it)
        ("An air strike on a clinic killed 8 people on Friday the monitor said The clinic in the "
         "town of Kafr Jales is about 12 km from Idlib city.", "Kafr Jales", "Idlib"),
        # a possessive whose apostrophe was lost, a nationality, a neighbourhood "of" its city
        ("A car bomb killed 9 people near the Qah camp in Syrias border province of Idlib.",
         "Qah", "Idlib"),
        ("A blast killed 4 people in the Kafr Souseh district in the Syrian capital Damascus.",
         "Kafr Souseh", "Damascus"),
        # a part of a town; an apposition saying what kind of place it is
        ("Air strikes killed 73 civilians in the village of Tokhar, part of the city of Manbij, "
         "on Tuesday.", "Tokhar", "Manbij"),
        ("An air strike killed 20 civilians in Urum al-Kubra, a town in western Aleppo "
         "countryside, on Monday.", "Urum al-Kubra", "Aleppo"),
    ],
)  # fmt: skip
def test_the_sentence_puts_the_place_in_a_known_one(
    domain_nlp: Language, sentence: str, place: str, within: str
) -> None:
    events = extract_events("d", domain_nlp(sentence), "2016-05-04", None, None).events
    placed = [e.place for e in events if e.place is not None]
    assert placed and placed[0].text == place, placed
    assert placed[0].within == within


@pytest.mark.parametrize(
    "sentence",
    [
        "Air strikes killed 12 people in Aleppo on Tuesday.",  # no container said
        "Gunmen killed 4 soldiers in Hazano near the Turkish border on Monday.",  # no name
        "Gunmen killed 4 soldiers in Hazano near Ahmed's farm on Monday.",  # a person's, no place
        "Clashes killed 7 fighters in Marea in northern Syria on Friday.",  # a country only
    ],
)
def test_no_container_where_the_text_names_none(domain_nlp: Language, sentence: str) -> None:
    doc = domain_nlp(sentence)
    for event in extract_events("d", doc, "2016-05-04", None, None).events:
        if event.place is not None:
            assert event.place.within is None, (sentence, event.place)
            assert container(doc, event.place.start, event.place.end) is None


REPORT = """Regime barrel bombs hit a village near Aleppo

Barrel bombs killed 18 civilians in the village of al-Bureij northeast of Aleppo on Wednesday,
a monitoring group said.

Shelling killed 6 civilians in the district of Alwaer in Homs on Thursday, activists said.
"""


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    page = tmp_path / "report.txt"
    page.write_text(REPORT, encoding="utf-8")
    store = Store(str(tmp_path / "s.db"))
    try:
        Ingest(store, Settings()).run([str(page)])
        yield store
    finally:
        store.close()


def _event_places(store: Store) -> dict[str, dict[str, Any]]:
    ev, ent = schema.events, schema.entities
    with store.read() as conn:
        rows = conn.execute(
            select(ent.c.name, ent.c.lat, ent.c.lon, ent.c.precision, ent.c.attributes).join(
                ev, ev.c.place_entity_id == ent.c.id
            )
        ).mappings()
        return {str(r["name"]): dict(r) for r in rows}


def test_an_ingested_village_is_placed_in_its_container(store: Store) -> None:
    places = _event_places(store)
    bureij = places.get("al-Bureij")
    assert bureij is not None, places
    assert bureij["attributes"]["within"] == "Aleppo"
    assert bureij["attributes"]["admin1"] == "Aleppo"
    assert bureij["lat"] == pytest.approx(36.2, abs=0.1) and bureij["precision"] == "city"
    alwaer = places.get("Alwaer")
    assert alwaer is not None and alwaer["attributes"]["admin1"] == "Homs"


def test_a_word_of_a_longer_name_is_no_place(tmp_path: Path) -> None:
    # the extractor may take "Quds" of "Quds Force" for a place: the gazetteer's Jerusalem
    # ("al-Quds") must not become where the strike happened
    page = tmp_path / "strike.txt"
    page.write_text(
        "Strike near Baghdad airport\n\nA US drone strike killed 5 members of the Quds Force in "
        "Quds on Friday, officials said.\n",
        encoding="utf-8",
    )
    store = Store(str(tmp_path / "q.db"))
    try:
        Ingest(store, Settings()).run([str(page)])
        assert "Jerusalem" not in _event_places(store)
    finally:
        store.close()


def test_a_neighbourhood_of_its_city(domain_nlp: Language) -> None:
    """ "of" after a place noun says where the place lies, whatever the tagger calls it."""
    doc = domain_nlp(
        "Rockets killed 3 people in the Midan neighbourhood of the Syrian city of Aleppo."
    )
    start = doc.text.index("Midan")
    assert container(doc, start, start + len("Midan")) == "Aleppo"
    # the place noun inside the place's own span ("the Midan neighbourhood" tagged whole)
    assert container(doc, start, start + len("Midan neighbourhood")) == "Aleppo"


def test_the_container_said_at_another_mention_of_the_name(domain_nlp: Language) -> None:
    """A report says once where a village lies; the event told elsewhere is placed there."""
    text = (
        "Air strikes killed 11 people in Kafr Dael on Tuesday. "
        "Rescue teams worked through the night in Kafr Dael near Aleppo, activists said."
    )
    doc = domain_nlp(text)
    events = extract_events("d", doc, "2016-05-04", None, None).events
    placed = [e.place for e in events if e.place is not None and e.place.text == "Kafr Dael"]
    assert placed and placed[0].within == "Aleppo", placed


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        # a city's possessive whose apostrophe a table stripped, before its district, the city
        # named as a place elsewhere in the report
        ("Shells hit Aleppo again. Mortars killed 5 people in Aleppos Bab Sbaa district.",
         "Aleppo"),
        # ... not where the report names no such place: "Hamas" is the group's
        ("Mortars killed 5 people in Hamas Bab Sbaa district on Sunday.", None),
        # a country is no container worth keeping
        ("Shells hit Syria again. Mortars killed 5 people in Syrias Bab Sbaa district.", None),
    ],
)  # fmt: skip
def test_a_district_after_its_citys_possessive(
    domain_nlp: Language, sentence: str, owner: str | None
) -> None:
    doc = domain_nlp(sentence)
    start = doc.text.index("Bab Sbaa")
    assert container(doc, start, start + len("Bab Sbaa")) == owner
