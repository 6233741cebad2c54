"""Who an argument names: the entity before its head ("Daesh militants in Raqqa"), a place after
it, never a group after another preposition ("gunmen on the Al-Noor school"); a country that
is the object of an accusation is a party, not where it happened. Sentences written for
sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.records import EventMention

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def _event(nlp: Language, text: str, trigger: str) -> EventMention:
    events = extract_events("d", nlp(text), "2016-05-04", None, None).events
    return next(e for e in events if e.trigger == trigger)


def test_airstrikes_on_a_group_have_it_as_target(domain_nlp: Language) -> None:
    text = "Warplanes carried out four airstrikes on Daesh positions in Raqqa overnight."
    strikes = _event(domain_nlp, text, "airstrikes")
    assert ("target", "Daesh") in {(p.role, p.text) for p in strikes.participants}
    assert strikes.place is not None and strikes.place.text == "Raqqa"


def test_a_group_after_another_preposition_names_nobody(domain_nlp: Language) -> None:
    text = (
        "A police source said that a rocket shell fired by the terrorist groups on the Al-Noor"
        " Institute killed two children."
    )
    fired = _event(domain_nlp, text, "fired")
    assert all("Noor" not in p.text for p in fired.participants), fired.participants


def test_the_country_blamed_is_a_party_not_the_place(domain_nlp: Language) -> None:
    text = "In a speech on Monday the minister went further, blaming Iran for the drone attacks."
    blamed = _event(domain_nlp, text, "blaming")
    assert "Iran" in {p.text for p in blamed.participants}
    assert blamed.place is None or blamed.place.text != "Iran"


def test_it_is_the_body_that_says_it_did(domain_nlp: Language) -> None:
    text = "The alliance said on Friday that it had carried out six strikes near Hama."
    strikes = _event(domain_nlp, text, "strikes")
    assert ("actor", "The alliance") in {(p.role, p.text) for p in strikes.participants}


def test_a_name_described_after_a_comma_is_one_victim(domain_nlp: Language) -> None:
    # the parse makes "the ... commander and son of ..." conjuncts of the name
    text = (
        'Trump said: "Hamza Karimi, the senior al-Qaeda commander and son of Ali Karimi, was'
        " killed in an operation near Kandahar."
    )
    killed = _event(domain_nlp, text, "killed")
    targets = [p.text for p in killed.participants if p.role == "target"]
    assert targets == ["Hamza Karimi"], killed.participants
    assert killed.casualties is not None and killed.casualties.killed == 1


def test_people_counted_after_a_described_name_are_still_victims(domain_nlp: Language) -> None:
    text = (
        'Trump said: "Hamza Karimi, the senior al-Qaeda commander and three of his guards were'
        " killed in an operation near Kandahar."
    )
    killed = _event(domain_nlp, text, "killed")
    assert killed.casualties is not None and killed.casualties.killed == 4


@pytest.mark.parametrize(
    ("text", "trigger", "site_name"),
    [
        (
            "A car bomb killed eight people near the holy shrine of Sayyeda Zeinab south of "
            "Damascus on Monday.",
            "bomb",
            "Sayyeda Zeinab",
        ),
        (
            "There was an assault on an inmate on Friday at Richard J. Donovan Correctional "
            "Facility in San Diego.",
            "assault",
            "Richard J. Donovan",
        ),
    ],
)
def test_a_person_a_site_is_named_after_takes_no_part(
    domain_nlp: Language, text: str, trigger: str, site_name: str
) -> None:
    event = _event(domain_nlp, text, trigger)
    assert site_name not in {p.text for p in event.participants}


def test_a_person_killed_beside_a_named_site_still_takes_part(domain_nlp: Language) -> None:
    text = "Gunmen killed the journalist Ahmed Hassan outside the Al-Razi Hospital in Aleppo."
    killed = _event(domain_nlp, text, "killed")
    assert "Ahmed Hassan" in {p.text for p in killed.participants}


def test_a_days_possessive_is_no_attacker(domain_nlp: Language) -> None:
    """ "Fridays strikes" (a day's, the apostrophe lost; the tagger reads a group) dates the
    strikes and is no actor; "Friday's" leaves no "'s" behind as one."""
    for day in ("Fridays", "Friday's"):
        text = f"The monitor said {day} strikes on Hasakeh were conducted by regime jets."
        strikes = _event(domain_nlp, text, "strikes")
        assert strikes.time is not None and strikes.time.start == "2016-04-29", day
        actors = {p.text for p in strikes.participants if p.role == "actor"}
        assert not actors & {day, "'s"}, actors


def test_aircraft_are_no_actor_their_force_is(domain_nlp: Language) -> None:
    text = "Regime jets bombed the town of Atareb on Monday."
    actors = {p.text for p in _event(domain_nlp, text, "bombed").participants if p.role == "actor"}
    assert actors == {"Regime"}, actors


def test_an_attack_cut_short_by_the_parse_is_no_actor(domain_nlp: Language) -> None:
    """ "killed by airstrikes and shelling on opposition areas": the shelling is no actor, and
    the opposition whose areas were shelled is none either."""
    text = (
        "A monitor said that 40 civilians have been killed by airstrikes and shelling on "
        "opposition areas in and around Aleppo since Monday evening."
    )
    parts = _event(domain_nlp, text, "airstrikes").participants
    actors = {p.text for p in parts if p.role == "actor"}
    assert not any("shelling" in a or a == "opposition" for a in actors), actors


def test_the_doer_in_a_clause_describing_the_target_is_not_the_attacker(
    domain_nlp: Language,
) -> None:
    text = (
        "The strikes on Monday largely targeted oil facilities captured by the Islamic State "
        "group in Hasakeh province."
    )
    strikes = next(
        e for e in extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
        if e.type == "ASSAULT"
    )  # fmt: skip
    actors = {p.text for p in strikes.participants if p.role in ("actor", "by")}
    assert not any("Islamic State" in a for a in actors), actors


def test_a_direction_is_no_place_the_province_is(domain_nlp: Language) -> None:
    text = (
        "Syrian jets struck Nusra Front positions in the Central and Eastern parts of Hama "
        "province on Monday."
    )
    place = _event(domain_nlp, text, "struck").place
    assert place is not None and "Hama" in place.text, place


def test_a_participle_describing_the_attack_itself_names_its_doer(domain_nlp: Language) -> None:
    text = "Bomb blasts claimed by Daesh hit the northeastern city of Qamishli on Wednesday."
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    doers = {
        p.text for e in events if e.type == "ASSAULT" for p in e.participants if p.role == "actor"
    }
    assert "Daesh" in doers, [(e.trigger, e.participants) for e in events]


def test_a_headline_run_into_the_sentence_is_not_part_of_the_place(domain_nlp: Language) -> None:
    text = (
        "Paramedic killed in Russian airstrikes in Idlib A paramedic from the White Helmets was "
        "killed in a Russian airstrike in a town near the northwestern province of Idlib on "
        "Monday the group said."
    )
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    places = {e.place.text for e in events if e.place is not None}
    assert places and not any(p.endswith(" A") for p in places), places


def test_a_day_parsed_as_the_speaker_is_no_source(domain_nlp: Language) -> None:
    text = (
        "Syrian jets struck the town of Khan Touman on Monday killing five military sources "
        "said Wednesday."
    )
    struck = _event(domain_nlp, text, "struck")
    assert "Wednesday" not in [link.name for link in struck.claim.chain], struck.claim.chain


@pytest.mark.parametrize(
    ("text", "trigger", "not_doer"),
    [
        # a happening noun is what is done, not who does it
        ("A blast hit the Sukari district on Monday, and Jaish al-Fatah has been targeted by "
         "assassinations before.", "blast", "assassinations"),
        # towns hit are no attacker, whatever the parse made of "opposition-held"
        ("Jet strikes blamed on the regime hit the opposition-held towns killing 40 people.",
         "strikes", "held towns"),
    ],
)  # fmt: skip
def test_no_happening_or_town_is_the_doer(
    domain_nlp: Language, text: str, trigger: str, not_doer: str
) -> None:
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    doers = {p.text for e in events if e.trigger == trigger for p in e.participants
             if p.role in ("actor", "by")}  # fmt: skip
    assert not_doer not in doers, doers


def test_the_one_who_tells_it_is_no_sentence_agent(domain_nlp: Language) -> None:
    """The agent a sentence offers an attack with none is never the subject of its verb of
    saying: "Khaled Ansari said the warplanes targeted ...": he tells it."""
    from sitrep.extract.agents import _speaker

    doc = domain_nlp("Khaled Ansari said the warplanes targeted the town. Khaled Ansari fled.")
    told, fled = (next(e for e in doc.ents if e.sent == s) for s in doc.sents)
    assert _speaker(told) and not _speaker(fled)


def test_a_life_claimed_is_one_dead(domain_nlp: Language) -> None:
    text = (
        "Terrorists fired rocket shells on Aleppo claiming the life of a man and injuring 16 "
        "others."
    )
    fired = _event(domain_nlp, text, "fired")
    assert fired.casualties is not None and fired.casualties.killed == 1, fired.casualties


def test_towns_in_the_plural_and_the_capital_are_sites() -> None:
    """A violent event's "actor" that is towns or the capital is where it happened."""
    from sitrep.extract.agents import _is_site
    from sitrep.records import Participant

    for text in ("the capital", "the opposition-held cities", "rebel-held districts"):
        assert _is_site(Participant("actor", text, 0, len(text), "NP", None)), text
    assert not _is_site(Participant("actor", "regime forces", 0, 13, "NP", None))


def test_the_holder_of_the_ground_hit_is_no_participant(domain_nlp: Language) -> None:
    text = (
        "The toll includes 84 people killed by opposition shelling of government-held parts "
        "of Homs city."
    )
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    named = {p.text for e in events for p in e.participants}
    assert events and "government" not in named, named
