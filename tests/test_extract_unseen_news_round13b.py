"""What a thirteenth-round draw of FA-KES articles outside the events gold taught about places
and dates (session 31, helper b): a town opening the sentence as what was captured is a place
(the typer read no context for a text's first word); the subject of a passive attack or
capture is where it happened, as the active's object is; what was fired "from" somewhere
landed elsewhere; a name struck in the passive places the weapon's mention; two weekdays told
together are the days between them. Sentences written for sitrep, read with the shipped
pipeline; FA-KES strips commas, so several are written without them."""

from __future__ import annotations

from spacy.language import Language

from eventreading import events_of, places_of, roles
from sitrep.records import EventMention

PUBLISHED = "2016-10-13"  # a Thursday


def _events(
    nlp: Language, text: str, types: tuple[str, ...] = ("ASSAULT", "DIE")
) -> list[EventMention]:
    return events_of(nlp, text, PUBLISHED, types)


_places = places_of


def _participants(events: list[EventMention]) -> list[str]:
    return [text for e in events for _role, text in roles(e)]


def _labels(nlp: Language, text: str) -> dict[str, str]:
    return {ent.text: ent.label_ for ent in nlp(text).ents}


# --- a town taken as a person where the sentence uses it as ground ---------------------------


def test_a_town_opening_a_passive_capture_is_typed_a_place(domain_nlp: Language) -> None:
    # before: "Palmyra" stayed PERSON (no word before it to read), so no capture at all
    assert (
        _labels(domain_nlp, "Palmyra was captured by jihadist fighters on Monday.").get("Palmyra")
        == "GPE"
    )


def test_a_passive_capture_of_a_town_opening_the_sentence_is_placed_there(
    domain_nlp: Language,
) -> None:
    events = _events(domain_nlp, "Palmyra was captured by jihadist fighters on Monday.")
    assert events and _places(events) == ["Palmyra"] * len(events)
    assert "Palmyra" not in _participants(events)


def test_a_town_that_fell_to_a_side_is_typed_a_place(domain_nlp: Language) -> None:
    labels = _labels(domain_nlp, "Morek fell to the rebels on Monday after heavy fighting.")
    assert labels.get("Morek") == "GPE"


def test_a_person_who_fell_is_not_retyped(domain_nlp: Language) -> None:
    # a fall with no side it fell "to" says nothing of ground
    labels = _labels(domain_nlp, "Khalil Hamdan fell ill on Monday.")
    assert labels.get("Khalil Hamdan", "PERSON") == "PERSON"


# --- the subject of a passive is where, as the active's object is ------------------------------


def test_a_recaptured_town_in_the_passive_is_the_place_not_a_target(
    domain_nlp: Language,
) -> None:
    # before: "Palmyra" a target typed PERSON, no place
    events = _events(domain_nlp, "Palmyra was recaptured by government troops on Sunday.")
    assert events and _places(events) == ["Palmyra"] * len(events)
    assert "Palmyra" not in _participants(events)


def test_a_state_attacked_in_the_passive_reads_as_in_the_active(domain_nlp: Language) -> None:
    active = _events(domain_nlp, "Hezbollah attacked Israel on Monday.")
    passive = _events(domain_nlp, "Israel was attacked by Hezbollah on Monday.")
    assert active and passive
    assert _places(passive) == _places(active) == ["Israel"]
    assert "Israel" not in _participants(passive)


def test_a_besieged_town_stays_what_the_siege_holds(domain_nlp: Language) -> None:
    # a siege keeps its ground as its target (that is what keeps the mention), in the passive too
    events = _events(domain_nlp, "Madaya was besieged by regime forces in July.", ("COERCE",))
    assert events and "Madaya" in _participants(events)


# --- where it was fired from is not where it landed ---------------------------------------------


def test_shells_fired_by_fighters_from_a_district_are_one_attack_where_they_landed(
    domain_nlp: Language,
) -> None:
    # before: a second attack "fired" at Jobar with the same four dead
    text = (
        "Four people were killed in Damascus on Monday by mortar shells fired by rebels from Jobar."
    )
    events = _events(domain_nlp, text)
    assert events and _places(events) == ["Damascus"] * len(events)


def test_shells_fired_by_terrorists_from_a_town_hit_a_square(domain_nlp: Language) -> None:
    text = (
        "Rocket shells fired by terrorists from Harasta hit al-Abbasiyin Square on Tuesday "
        "injuring five civilians."
    )
    events = _events(domain_nlp, text)
    assert events and "Harasta" not in _places(events)


def test_a_city_hit_in_the_passive_by_shells_places_the_shelling(domain_nlp: Language) -> None:
    # before: no place (nothing such as "in" before "Damascus")
    text = "Damascus was hit by mortar shells fired from Jobar on Monday killing four people."
    events = _events(domain_nlp, text)
    assert events and _places(events) == ["Damascus"] * len(events)


def test_evacuees_from_towns_still_came_from_them(domain_nlp: Language) -> None:
    text = (
        "A car bomb hit buses carrying evacuees from the towns of Fuaa and Kafraya at Rashidin "
        "on Saturday killing 43 people."
    )
    events = _events(domain_nlp, text)
    assert events and _places(events) == ["Rashidin"] * len(events)


# --- two weekdays told together ---------------------------------------------------------------


def test_strikes_on_two_weekdays_span_both(domain_nlp: Language) -> None:
    # before: dated Saturday only
    text = (
        "At least 14 people were killed in air strikes on Raqqa on Saturday and Sunday a "
        "monitor said."
    )
    events = _events(domain_nlp, text)
    assert events
    for event in events:
        assert event.time is not None
        assert (event.time.start, event.time.end) == ("2016-10-08", "2016-10-09")


def test_one_weekday_is_still_one_day(domain_nlp: Language) -> None:
    events = _events(domain_nlp, "Air strikes on Raqqa killed 14 people on Saturday.")
    assert events and all(
        e.time is not None and (e.time.start, e.time.end) == ("2016-10-08", "2016-10-08")
        for e in events
    )


# --- a caption in the present before a picture's credit ---------------------------------------


def test_a_present_caption_before_a_credit_gives_no_event(domain_nlp: Language) -> None:
    # before: an air strike at Tal Abyad, dated by the report
    text = (
        "A car bomb killed 12 people in Qamishli on Wednesday a monitor said. Smoke rises over "
        "the town of Tal Abyad after an air strike. (TRT World and Agencies) Kurdish officials "
        "said the blast hit a checkpoint."
    )
    events = _events(domain_nlp, text)
    assert events and "Tal Abyad" not in _places(events)
    assert "Qamishli" in _places(events)


def test_a_scene_in_the_present_before_a_credit_is_a_caption(domain_nlp: Language) -> None:
    from sitrep.extract.newsworthy import is_caption

    doc = domain_nlp(
        "Syrian soldiers drive past a burnt tank near Homs. (TRT World and Agencies) The army "
        "said it had retaken the area."
    )
    sents = list(doc.sents)
    assert is_caption(sents[0])
    assert not is_caption(sents[-1])


def test_a_story_sentence_in_the_past_before_a_credit_stays(domain_nlp: Language) -> None:
    text = (
        "Four civilians were killed in an air strike on Saraqeb on Monday. (TRT World and "
        "Agencies) Rescuers searched the rubble."
    )
    events = _events(domain_nlp, text)
    assert events and "Saraqeb" in _places(events)


def test_a_present_sentence_without_a_credit_is_no_caption(domain_nlp: Language) -> None:
    from sitrep.extract.newsworthy import is_caption

    doc = domain_nlp("Smoke rises over the town of Tal Abyad after an air strike.")
    assert not is_caption(next(doc.sents))


# --- a "where" clause places its happening at its antecedent --------------------------------


def test_a_where_clause_after_the_town_of_is_placed_at_that_town(domain_nlp: Language) -> None:
    # before: no place in the sentence (the article lent the subject, the other town)
    text = "Hama is close to the town of Morek where an air strike killed 12 people on March 3."
    events = _events(domain_nlp, text)
    assert events and _places(events) == ["Morek"] * len(events)


def test_a_where_clause_after_a_bare_name_is_placed_at_that_name(domain_nlp: Language) -> None:
    # before: no place ("Saraqeb" typed PERSON, the clause a complement of "close")
    text = "Idlib city is close to Saraqeb where an air strike killed nine people on Monday."
    events = _events(domain_nlp, text)
    assert events and _places(events) == ["Saraqeb"] * len(events)


def test_a_province_inside_the_passive_subject_does_not_place_the_attack(
    domain_nlp: Language,
) -> None:
    # the people's province, not where the attack on them was (a first version took it)
    text = (
        "Two farmers in Hama countryside were wounded in a rocket attack on the town of "
        "Morek on Friday."
    )
    events = _events(domain_nlp, text)
    assert events and "Hama" not in _places(events)
