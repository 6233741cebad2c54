"""A visit is someone's: a copula's presence needs its predicate to be the place ("Soleimani was
in Moscow"), and a visit or a journey needs a visitor that names someone. Sentences written for
sitrep; each is checked with the shipped pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.nlp.pipeline import shipped_model_path

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def _visits(nlp: Language, text: str) -> list[tuple[str, list[str], str | None]]:
    events = extract_events("d", nlp(text), "2016-05-04", None, None).events
    return [
        (e.trigger, [p.text for p in e.participants], e.place.text if e.place else None)
        for e in events
        if e.type == "CONSULT" and e.mode == "visit"
    ]


@pytest.mark.parametrize(
    ("text", "visitor", "place"),
    [
        ("Qassem Soleimani visited Moscow in July 2015.", "Qassem Soleimani", "Moscow"),
        ("Soleimani was in Moscow last week, a newspaper said.", "Soleimani", "Moscow"),
        ("Russian President Vladimir Putin flew to Tehran on Tuesday.", "Vladimir Putin", "Tehran"),
        ("The Iraqi envoy Ali Hassan travelled to Amman on Sunday.", "Ali Hassan", "Amman"),
        # (the leaders, whom "Syrian" describes: round 12a, a nationality is not the people)
        (
            "Syrian opposition leaders flew to Riyadh on Friday for the talks.",
            "Syrian opposition leaders",
            "Riyadh",
        ),
    ],
)
def test_a_named_visitor_at_a_place_is_a_visit(
    domain_nlp: Language, text: str, visitor: str, place: str
) -> None:
    found = _visits(domain_nlp, text)
    assert found, text
    _, who, where = found[0]
    assert visitor in who and where == place


@pytest.mark.parametrize(
    "text",
    [
        # the "visitors" name nobody: a crowd of believers, a band of fighters
        "The village is a stop for the many pilgrims from across the region who visit the Shiite"
        " shrine.",
        "The group said the pro-government fighters were travelling by bus to Lebanon and later"
        " back into Syria.",
        # a copula whose predicate is no place: an idiom; a passive the parser takes for one
        "For months Ahmed Karimi and Omar Haddad have been at odds over how to talk with Jordan.",
        "Wounded in the blast, Ahmed Karimi was flown to a clinic in Amman by army helicopter.",
        # where a place lies, the tagger having taken the place for a person: nobody's stay
        "Omar Haddad is near Tal Rifaat the town where a mortar hit a school on Monday.",
        # craft on a mission: their flight is part of the strikes, no one's visit
        "Four Sukhoi bombers flew out of a base in Iran on Monday and struck targets near Deir"
        " ez-Zor, the ministry said.",
        "Six Russian jets flew to the Hmeimim base on Friday from Mozdok, the ministry said.",
    ],
)
def test_no_visit_without_a_visitor_at_a_place(domain_nlp: Language, text: str) -> None:
    assert _visits(domain_nlp, text) == [], text
