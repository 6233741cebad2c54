"""No actor or target is a piece of a date ("On 7 February 2017, X attacked ..."), a day told by
its place in the story ("On the same day") or a paragraph break the parse made a subject: the
shapes of well-edited histories. Sentences written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventreading import assault_with
from sitrep.extract.agents import typed_arguments
from sitrep.extract.events import extract_events
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.records import Participant

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def test_no_participant_is_a_day_number_a_story_day_or_a_paragraph_break(
    domain_nlp: Language,
) -> None:
    text = (
        "The Battle of Qasr Fendi was fought in 2017.\n\n"
        "On 9 March 2017, Liwa al-Haqq attacked the base of Jaysh al-Izza near the village of "
        "Tell Hamra, in southern Idlib.\n\n"
        "On the same day, the insurgents launched a major attack on the Tell Salem ridge and "
        "gained ground in the olive groves, and finally took the ridge itself.\n\n"
        "Turkish forces struck the Kurdish militia again on 12 June, when a Kurdish convoy "
        "moving near the town of Tell Abyad came under fire from Turkish drones."
    )
    events = extract_events("d", domain_nlp(text), "2023-06-24", None, None).events
    names = {p.text for e in events for p in e.participants if p.role != "place"}
    assert not names & {"7", "18", "the same day", "\n\n"}, names
    assert not any(not any(c.isalnum() for c in n) for n in names), names
    struck = next(e for e in events if e.trigger == "struck")
    assert ("actor", "Turkish forces") in {(p.role, p.text) for p in struck.participants}


def test_the_day_number_of_a_date_is_no_target() -> None:
    # as the parse may leave it: "7" of "On 7 February 2017" hung on the verb as its object
    text = "On 7 February 2017, Jund al-Haqq attacked the base of a rival faction."
    mention = assault_with(
        text,
        "attacked",
        Participant("target", "7", 3, 4, "NP"),
        Participant("actor", "Jund al-Haqq", 20, 32, "PERSON"),
        Participant("target", "7 soldiers", 200, 209, "NP"),  # no text there: kept
    )
    kept = typed_arguments(mention, text).participants
    assert [p.text for p in kept] == ["Jund al-Haqq", "7 soldiers"]
