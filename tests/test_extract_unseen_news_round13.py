"""What a fresh draw of FA-KES events outside the events gold (session 31, seed 2050) taught:
a time word before a happening's noun ("Overnight airstrikes") is no subject and the noun no
verb in the present; a time told on a noun the parse coordinated with the trigger's verb still
dates it; where the doers are positioned, told in a relative clause, is not where they struck.
Sentences written for sitrep, read with the shipped pipeline; FA-KES strips commas, so they are
written without them."""

from __future__ import annotations

from spacy.language import Language

from eventreading import read_events, roles
from sitrep.records import EventMention

PUBLISHED = "2016-06-01"  # a Wednesday


def _violent(nlp: Language, text: str) -> list[EventMention]:
    return [e for e in read_events(nlp, text, PUBLISHED) if e.type in ("ASSAULT", "DIE")]


def test_overnight_airstrikes_are_one_dated_happening_with_no_time_for_a_doer(
    domain_nlp: Language,
) -> None:
    text = (
        "Overnight airstrikes on the rebel-held town of Saraqeb killed 25 civilians a "
        "monitoring group said on Wednesday."
    )
    events = _violent(domain_nlp, text)
    assert events
    for event in events:
        assert event.modality is None, (event.trigger, event.modality)  # no habit
        assert "Overnight" not in {p.text for p in event.participants}, roles(event)
        assert event.time is not None and event.time.start == "2016-06-01"


def test_a_time_on_a_noun_the_parse_coordinated_with_the_verb_dates_the_happening(
    domain_nlp: Language,
) -> None:
    text = (
        "A total of 14 Daesh terrorists were killed in northern Syria during an operation by "
        "Turkish Armed Forces and the U.S.-led coalition on Tuesday the Turkish military said "
        "Wednesday."
    )
    [killed] = [e for e in _violent(domain_nlp, text) if e.trigger == "killed"]
    assert killed.time is not None
    assert (killed.time.start, killed.time.end) == ("2016-05-31", "2016-05-31")


def test_where_the_shooters_are_positioned_is_not_where_the_shells_fell(
    domain_nlp: Language,
) -> None:
    text = (
        "The attacks left also 20 other civilians injured noting that the shells were fired by "
        "terrorists who are positioned in Bani Zaid neighborhood."
    )
    events = _violent(domain_nlp, text)
    assert events
    assert all(e.place is None or "Bani Zaid" not in e.place.text for e in events), [
        (e.trigger, e.place) for e in events
    ]


def test_a_capital_that_is_the_clauses_subject_is_the_side_not_the_place(
    domain_nlp: Language,
) -> None:
    # a capital before the trigger used to be taken for a modifier ("a Kabul car bombing"):
    # dropped as a doer, and made the attack's place
    launched = _violent(
        domain_nlp, "Ankara launched an offensive against Kurdish fighters in Afrin on Saturday."
    )
    [offensive] = [e for e in launched if e.trigger == "offensive"]
    assert ("actor", "Ankara") in roles(offensive)
    assert offensive.place is not None and offensive.place.text == "Afrin"
    carried = _violent(
        domain_nlp,
        "Moscow has been carrying out air strikes in support of its ally Damascus in Deir "
        "Ezzor province.",
    )
    [strikes] = [e for e in carried if e.trigger == "strikes"]
    assert ("actor", "Moscow") in roles(strikes)
    # the ally is a side named by its capital, not where the strikes were
    assert strikes.place is not None and strikes.place.text == "Deir Ezzor province"


def test_a_capital_modifying_the_attack_still_places_it(domain_nlp: Language) -> None:
    [bombing] = [
        e
        for e in _violent(domain_nlp, "A Kabul car bombing killed nine people on Monday.")
        if e.trigger == "bombing"
    ]
    assert "Kabul" not in {p.text for p in bombing.participants}
    assert bombing.place is not None and bombing.place.text == "Kabul"


def test_the_subject_of_a_clause_set_in_a_call_with_someone_is_the_other_party(
    domain_nlp: Language,
) -> None:
    text = "In a phone call with Erdogan, Putin discussed the situation in Idlib."
    [call] = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.type == "CONSULT"]
    assert {("counterpart", "Erdogan"), ("actor", "Putin")} <= roles(call)


def test_talks_held_with_someone_are_a_happening_not_a_partnering_phrase(
    domain_nlp: Language,
) -> None:
    # "in cooperation with X" names a partner in the act it modifies; "in talks with X" tells
    # talks that were held
    text = "In talks with Lavrov in Geneva on Friday, Kerry pressed for a ceasefire."
    [talks] = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.trigger == "talks"]
    assert talks.modality is None
    assert {("counterpart", "Lavrov"), ("actor", "Kerry")} <= roles(talks)


def test_an_attack_prevented_or_still_to_come_is_not_told_as_done(domain_nlp: Language) -> None:
    for text in (
        "The army said it had prevented an attack on Homs on Monday.",
        "Officials warned of an imminent attack on the airport in Erbil.",
    ):
        attacks = [e for e in _violent(domain_nlp, text) if e.trigger == "attack"]
        assert attacks and all(e.modality is not None for e in attacks), [
            (e.trigger, e.modality) for e in attacks
        ]


def test_every_name_of_a_list_lies_in_the_place_after_the_list(domain_nlp: Language) -> None:
    # the first name, which becomes the place, used to get no container: "and al-Midan" stood
    # between it and "in Aleppo"
    text = (
        "Rebel shells hit the neighborhoods of al-Hamadaniyeh and al-Midan in Aleppo city on "
        "Monday killing five civilians."
    )
    [shells] = [e for e in _violent(domain_nlp, text) if e.place is not None]
    assert shells.place is not None
    assert (shells.place.text, shells.place.within) == ("al-Hamadaniyeh", "Aleppo")
