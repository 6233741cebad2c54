"""What a second tenth-round draw of FA-KES articles outside the events gold taught (session
28, helper d): a noun the parse left as an unmarked oblique right before a clause's finite verb
is its subject ("A suicide bomber killed ..."); an attack a verb names or judges ("called the
attack a cowardly crime") happened, only "called for" asks. Sentences written for sitrep,
read with the shipped pipeline."""

from __future__ import annotations

from spacy.language import Language

from eventreading import doers, read_events
from sitrep.records import EventMention

PUBLISHED = "2016-10-13"  # a Thursday


def _violent(nlp: Language, text: str) -> list[EventMention]:
    return [e for e in read_events(nlp, text, PUBLISHED) if e.type in ("ASSAULT", "DIE")]


def test_a_bomber_before_the_verb_is_its_subject(domain_nlp: Language) -> None:
    events = _violent(domain_nlp, "A suicide bomber killed 12 soldiers at a checkpoint in Homs.")
    assert events and any("A suicide bomber" in doers(e) for e in events)


def test_a_motorcycle_bomber_killed_them(domain_nlp: Language) -> None:
    text = (
        "A motorcycle bomber killed at least nine people outside a mosque in Qamishli city on "
        "Friday a police officer said."
    )
    events = _violent(domain_nlp, text)
    assert events and any("A motorcycle bomber" in doers(e) for e in events)


def test_an_attack_called_a_crime_happened(domain_nlp: Language) -> None:
    text = "The opposition called the shelling of Douma a massacre."
    events = _violent(domain_nlp, text)
    assert events and all(e.modality is None for e in events)


def test_calling_an_attack_a_crime_after_its_toll_is_no_call(domain_nlp: Language) -> None:
    text = (
        "A car bomb in the market of Azaz killed at least seven people; the governor has "
        "called the attack a cowardly crime."
    )
    events = _violent(domain_nlp, text)
    assert events and not any(e.modality == "call" for e in events)


def test_the_attack_that_wounded_them_names_its_doer(domain_nlp: Language) -> None:
    # the attack is the cause of the casualty verb: its doer is the wounding's, not another's
    text = "Five people were wounded in terrorist attacks with mortar shells on Hama on Friday."
    events = _violent(domain_nlp, text)
    assert events and any("terrorist" in doers(e) for e in events)


def test_a_terrorist_attack_that_injured_children(domain_nlp: Language) -> None:
    text = (
        "On Thursday two children were injured in a terrorist attack with 13 rocket shells on a "
        "village in Quneitra."
    )
    events = _violent(domain_nlp, text)
    assert events and any("terrorist" in doers(e) for e in events)


def test_every_owner_of_the_planes_is_a_doer(domain_nlp: Language) -> None:
    text = (
        "The agency said Iraqi and coalition planes targeted militant positions in the south "
        "of the city."
    )
    events = _violent(domain_nlp, text)
    assert events and any({"Iraqi", "coalition"} <= doers(e) for e in events)


def test_both_owners_of_the_warplanes_bombarded_it(domain_nlp: Language) -> None:
    text = "The town is regularly bombarded by both Iraqi and allied Iranian warplanes."
    events = _violent(domain_nlp, text)
    assert events and any({"Iraqi", "Iranian"} <= doers(e) for e in events)


def test_one_owner_stays_one_doer(domain_nlp: Language) -> None:
    events = _violent(domain_nlp, "Regime warplanes bombed the town on Monday.")
    assert events and all(doers(e) == {"Regime"} for e in events)


def test_the_object_before_a_gerund_does_it(domain_nlp: Language) -> None:
    # "help X battling Y": the gerund after the verb's object tells what the object does
    text = (
        "The strikes are carried out to assist Kurdish and Arab fighters battling ISIL in "
        "areas along the border."
    )
    battles = [e for e in _violent(domain_nlp, text) if e.trigger == "battling"]
    assert battles and "Arab fighters" in doers(battles[0])


def test_the_name_given_to_an_attack_is_no_second_happening(domain_nlp: Language) -> None:
    text = (
        "A bus blast in the centre of Homs killed at least six people; the agency has called "
        'the attack a "terrorist explosion".'
    )
    events = _violent(domain_nlp, text)
    assert [e.trigger for e in events] == ["blast"]
