"""How an attack told in general words was made (`extract.modes`), attacks the parse mangles,
and words around a happening that are none of its participants: a date's day number, the frame
of a quotation, the other side of a clash. Sentences written for sitrep; the parse-dependent
ones are read with the shipped pipeline, the misparse from a hand-built parse."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventreading import read_events, roles
from sitrep.export.acled import acled_type
from sitrep.extract.events import extract_events
from sitrep.extract.schema import load_event_schema
from sitrep.records import EventMention


def _attacks(nlp: Language, text: str) -> list[EventMention]:
    return [e for e in read_events(nlp, text, "2017-04-05") if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("The chemical attack killed 80 people in the town of Kafr Zita.", "chemical"),
        ("Government forces attacked Douma with chemical weapons on Saturday.", "chemical"),
        ("A suicide attack killed five people at a checkpoint in Homs.", "bombing"),
        ("An air attack killed five people in the village of Kafr Nabl.", "air-strike"),
        ("Rocket attacks hit Kilis on Monday.", "shelling"),
    ],
)
def test_the_words_around_an_attack_tell_how_it_was_made(
    domain_nlp: Language, text: str, mode: str
) -> None:
    assert [e.mode for e in _attacks(domain_nlp, text)] == [mode]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the chemical plant near Aleppo on Monday.",
        "Police fired tear gas at protesters in Baghdad on Monday.",
    ],
)
def test_a_chemical_word_that_is_no_weapon_makes_no_chemical_attack(
    domain_nlp: Language, text: str
) -> None:
    assert "chemical" not in {e.mode for e in _attacks(domain_nlp, text)}


def test_an_attack_that_hit_a_named_town_is_placed_there(domain_nlp: Language) -> None:
    (attack,) = _attacks(domain_nlp, "Rocket attacks hit Kilis on Monday.")
    assert attack.place is not None and attack.place.text == "Kilis"


def test_mode_words_name_only_modes_of_their_type() -> None:
    schema = load_event_schema()
    for type_name, table in schema.mode_words.items():
        assert {mode for mode, _ in table} <= set(schema.types[type_name].modes)


def test_a_chemical_attack_is_acled_s_chemical_weapon() -> None:
    assert acled_type({"type": "ASSAULT", "mode": "chemical"}) == (
        "Explosions/Remote violence",
        "Chemical weapon",
    )


def test_a_bomb_the_parse_took_for_an_auxiliary_is_still_the_attack() -> None:
    # "A car bomb killed 34 people in Hama": the parse hung "bomb" on "killed" as its auxiliary
    rows = [
        ("A", "DET", 1, "det"),
        ("car", "NOUN", 3, "nsubj"),
        ("bomb", "VERB", 3, "aux"),
        ("killed", "VERB", 3, "ROOT"),
        ("34", "NUM", 5, "nummod"),
        ("people", "NOUN", 3, "obj"),
        ("in", "ADP", 7, "case"),
        ("Hama", "PROPN", 3, "obl"),
        (".", "PUNCT", 3, "punct"),
    ]
    doc = Doc(
        Vocab(),
        words=[r[0] for r in rows],
        spaces=[True] * 7 + [False, False],
        pos=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        ents=["O"] * 7 + ["B-GPE", "O"],
    )
    events = extract_events("d", doc, "2017-04-05", None, None).events
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "bombing")]
    assert events[0].casualties is not None and events[0].casualties.killed == 34


def test_the_day_of_a_date_is_no_one_attacked(domain_nlp: Language) -> None:
    text = "The regime shelled Ghouta on August 21 2013 killing at least 14 civilians."
    (attack,) = _attacks(domain_nlp, text)
    assert not any(p.text.strip() in ("21", "21 2013") for p in attack.participants)
    assert attack.time is not None and attack.time.start == "2013-08-21"


def test_who_speaks_after_a_quotation_takes_no_part_in_it() -> None:
    # '"Syrian helicopters struck Shaar neighbourhood with barrel bombs" Karim Haddad a rescue
    # worker said': the parse hung the speaker on "bombs" as its apposition
    rows = [
        ('"', "PUNCT", 3, "punct"),
        ("Syrian", "ADJ", 2, "amod"),
        ("helicopters", "NOUN", 3, "nsubj"),
        ("struck", "VERB", 15, "ccomp"),
        ("Shaar", "PROPN", 5, "compound"),
        ("neighbourhood", "NOUN", 3, "obj"),
        ("with", "ADP", 8, "case"),
        ("barrel", "NOUN", 8, "compound"),
        ("bombs", "NOUN", 5, "nmod"),
        ('"', "PUNCT", 11, "punct"),
        ("Karim", "PROPN", 11, "compound"),
        ("Haddad", "PROPN", 8, "appos"),
        ("a", "DET", 14, "det"),
        ("rescue", "NOUN", 14, "compound"),
        ("worker", "NOUN", 15, "nsubj"),
        ("said", "VERB", 15, "ROOT"),
        (".", "PUNCT", 15, "punct"),
    ]
    spaces = [False] + [True] * 7 + [False] + [True] * 6 + [False, False]
    ents = ["O", "B-NORP", "O", "O", "B-LOC"] + ["O"] * 5 + ["B-PERSON", "I-PERSON"] + ["O"] * 5
    doc = Doc(
        Vocab(),
        words=[r[0] for r in rows],
        spaces=spaces,
        pos=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        ents=ents,
    )
    events = extract_events("d", doc, "2016-06-08", None, None).events
    attacks = [e for e in events if e.type == "ASSAULT" and e.trigger == "struck"]
    assert attacks
    assert not any("Haddad" in p.text for e in attacks for p in e.participants)


def test_the_side_the_dead_clashed_with_is_the_clash_s_actor(domain_nlp: Language) -> None:
    text = "Five soldiers were killed in clashes with Daesh near Palmyra on Monday."
    (clash,) = _attacks(domain_nlp, text)
    assert ("actor", "Daesh") in roles(clash)
    assert ("target", "Daesh") not in roles(clash)


def test_a_yes_or_no_question_asserts_no_attack(domain_nlp: Language) -> None:
    asked = _attacks(domain_nlp, "Did army jets bomb the hospital in Aleppo on Monday?")
    assert asked and all(e.modality == "question" for e in asked)
    # a question for who did it takes the attack as known
    known = _attacks(domain_nlp, "Who bombed the hospital in Aleppo on Monday?")
    assert known and all(e.modality is None for e in known)


def test_a_span_of_time_and_a_month_are_neither_doer_nor_place(domain_nlp: Language) -> None:
    text = (
        "On Feb. 12 the militia mounted one of the heaviest attacks on Homs in over a year "
        "firing at least 40 rockets and killing nine people the monitor said."
    )
    attacks = _attacks(domain_nlp, text)
    assert attacks
    assert not any("year" in p.text for e in attacks for p in e.participants)
    assert {e.place.text for e in attacks if e.place} <= {"Homs"}


def _hand_parsed(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    """rows: (word, POS, head index, dep label, entity IOB tag); a space after every word but
    the last two ("... Homs .")."""
    return Doc(
        Vocab(),
        words=[r[0] for r in rows],
        spaces=[True] * (len(rows) - 2) + [False, False],
        pos=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        ents=[r[4] for r in rows],
    )


def _chains(doc: Doc) -> list[list[str]]:
    events = extract_events("d", doc, "2017-10-23", None, None).events
    return [[link.name for link in e.claim.chain] for e in events]


def test_a_view_count_glued_before_the_speaker_is_no_source() -> None:
    # "548 A rights group has claimed that gunmen killed nine villagers in Sukhna": the count
    # a page printed before its lede, parsed as a second subject of "claimed"
    doc = _hand_parsed(
        [
            ("548", "NUM", 5, "nsubj", "O"),
            ("A", "DET", 3, "det", "O"),
            ("rights", "NOUN", 3, "compound", "O"),
            ("group", "NOUN", 5, "nsubj", "O"),
            ("has", "AUX", 5, "aux", "O"),
            ("claimed", "VERB", 5, "ROOT", "O"),
            ("that", "SCONJ", 8, "mark", "O"),
            ("gunmen", "NOUN", 8, "nsubj", "O"),
            ("killed", "VERB", 5, "ccomp", "O"),
            ("nine", "NUM", 10, "nummod", "O"),
            ("villagers", "NOUN", 8, "obj", "O"),
            ("in", "ADP", 12, "case", "O"),
            ("Sukhna", "PROPN", 8, "obl", "B-GPE"),
            (".", "PUNCT", 5, "punct", "O"),
        ]
    )
    chains = _chains(doc)
    assert chains and all("548" not in chain for chain in chains)
    assert all(chain[-1] == "A rights group" for chain in chains)


def test_the_name_after_an_agency_is_the_source_not_its_country() -> None:
    # "Syrias official news agency SANA said a car bomb killed five people in Homs": the
    # possessive lost its apostrophe, and the parse hung the agency's name on "agency"
    doc = _hand_parsed(
        [
            ("Syrias", "PROPN", 3, "compound", "B-ORG"),
            ("official", "ADJ", 3, "amod", "O"),
            ("news", "NOUN", 3, "compound", "O"),
            ("agency", "NOUN", 5, "nsubj", "O"),
            ("SANA", "PROPN", 3, "advmod", "B-ORG"),
            ("said", "VERB", 5, "ROOT", "O"),
            ("a", "DET", 8, "det", "O"),
            ("car", "NOUN", 8, "compound", "O"),
            ("bomb", "NOUN", 9, "nsubj", "O"),
            ("killed", "VERB", 5, "ccomp", "O"),
            ("five", "NUM", 11, "nummod", "O"),
            ("people", "NOUN", 9, "obj", "O"),
            ("in", "ADP", 13, "case", "O"),
            ("Homs", "PROPN", 9, "obl", "B-GPE"),
            (".", "PUNCT", 5, "punct", "O"),
        ]
    )
    chains = _chains(doc)
    assert chains and all(chain[-1] == "SANA" for chain in chains)


def test_when_a_siege_began_does_not_date_the_assault_on_it(domain_nlp: Language) -> None:
    text = (
        "The new deaths come as the rebels press on with an assault intended to break a "
        "government siege of opposition-held Homs that began on May 9 and has raised fears of "
        "famine."
    )
    assaults = [e for e in _attacks(domain_nlp, text) if e.trigger == "assault"]
    assert assaults
    assert all(e.time is None or "May" not in e.time.text for e in assaults)


def test_a_time_in_a_relative_clause_on_the_victims_still_dates_the_attack(
    domain_nlp: Language,
) -> None:
    (attack,) = _attacks(
        domain_nlp, "Air strikes killed 12 people who were fleeing Homs on Monday."
    )
    assert attack.time is not None and attack.time.start == "2017-04-03"


def test_sides_locked_in_fighting_are_its_actors(domain_nlp: Language) -> None:
    text = "Government troops and rebels were locked in heavy clashes near Daraa on Monday."
    (clash,) = _attacks(domain_nlp, text)
    assert {("actor", "Government troops"), ("actor", "rebels")} <= roles(clash)


def test_dead_told_with_an_earlier_clash_are_its_toll(domain_nlp: Language) -> None:
    text = (
        "The advances came after clashes that killed at least 30 fighters from rebel groups as "
        "well as 9 IS fighters according to the monitor."
    )
    events = read_events(domain_nlp, text, "2014-08-15")
    assert [(e.type, e.casualties.killed if e.casualties else None) for e in events] == [
        ("ASSAULT", 39)
    ]


def test_delivering_relief_is_no_arms_transfer(domain_nlp: Language) -> None:
    relief = "A cargo helicopter was shot down after delivering humanitarian aid to Aleppo."
    assert not [e for e in read_events(domain_nlp, relief, "2016-08-01") if e.type == "AID"]
    arms = "Iran delivered weapons to the Houthis last month."
    assert [e.type for e in read_events(domain_nlp, arms, "2016-08-01")] == ["AID"]


def test_an_unnamed_source_after_the_toll_is_no_victim(domain_nlp: Language) -> None:
    text = (
        "In Homs a mortar hit the central clock square killing one soldier a security source "
        "told AFP."
    )
    events = read_events(domain_nlp, text, "2014-03-17")
    assert events
    assert not any("source" in p.text for e in events for p in e.participants)


def test_a_place_after_the_speaker_s_noun_is_not_who_speaks(domain_nlp: Language) -> None:
    text = (
        "Activists in rural Hama said that government jets carried out intense airstrikes on "
        "the town of Kafr Zita over the past two days."
    )
    chains = [
        [link.name for link in e.claim.chain] for e in read_events(domain_nlp, text, "2016-12-24")
    ]
    assert chains and all(chain[-1] == "Activists" for chain in chains)


def test_assigning_blame_is_no_appointment(domain_nlp: Language) -> None:
    text = (
        "The U.N. says the strike could be a war crime though it has not assigned "
        "responsibility yet."
    )
    assert not [e for e in read_events(domain_nlp, text, "2016-09-25") if e.type == "APPOINT"]


def test_talks_two_ministers_were_to_hold_are_planned(domain_nlp: Language) -> None:
    text = "Foreign Minister Ahmed Saleh and his Turkish counterpart were to hold talks in Ankara."
    (talks,) = [e for e in read_events(domain_nlp, text, "2013-09-12") if e.type == "CONSULT"]
    assert talks.modality == "planned"


def test_fighting_told_as_now_is_no_habit(domain_nlp: Language) -> None:
    text = '"There are fierce clashes now and at least six soldiers were killed" the monitor said.'
    (clash,) = _attacks(domain_nlp, text)
    assert clash.modality is None


def test_who_stormed_a_base_is_who_captured_it(domain_nlp: Language) -> None:
    text = (
        "Islamic State militants stormed an air base in northeast Syria on Sunday capturing it "
        "from government forces."
    )
    attacks = _attacks(domain_nlp, text)
    assert attacks
    assert all(("actor", "Syria") not in roles(e) for e in attacks)
    assert all(("target", "it") not in roles(e) for e in attacks)


def test_the_toll_of_an_earlier_attack_told_beside_a_new_one_is_kept(
    domain_nlp: Language,
) -> None:
    text = (
        "The government also carried out renewed barrel bomb attacks on rebel districts of Hama "
        "a day after bombardments killed at least 19 people the monitor said."
    )
    tolls = [e.casualties.killed for e in _attacks(domain_nlp, text) if e.casualties]
    assert tolls == [19]


def test_a_war_s_toll_told_after_its_onset_is_no_happening(domain_nlp: Language) -> None:
    text = (
        "The civil war which began with street protests has killed more than 300000 people and "
        "driven millions from their homes."
    )
    assert not [e for e in read_events(domain_nlp, text, "2016-07-02") if e.modality is None]


def test_strikes_a_state_has_been_carrying_out_are_a_course(domain_nlp: Language) -> None:
    text = "Moscow has been carrying out air strikes in support of its ally Damascus."
    strikes = [e for e in _attacks(domain_nlp, text) if e.trigger == "strikes"]
    assert [e.modality for e in strikes] == ["ongoing"]


def test_the_agency_told_is_no_doer(domain_nlp: Language) -> None:
    text = (
        "A source at Homs Police Command told SANA that terrorists fired mortar shells at "
        "residential neighborhoods in the city killing five people."
    )
    attacks = _attacks(domain_nlp, text)
    assert attacks
    assert not any(p.text == "SANA" for e in attacks for p in e.participants)


def test_a_nationality_before_rebels_does_not_make_them_the_state(domain_nlp: Language) -> None:
    text = "At least 12 Syrian rebels were killed in clashes near Aleppo city."
    (clash,) = _attacks(domain_nlp, text)
    assert ("target", "Syrian") not in roles(clash)
    assert any("rebels" in p.text for p in clash.participants)


def test_a_verb_tagged_an_adjective_still_attacks(domain_nlp: Language) -> None:
    (attack,) = _attacks(domain_nlp, "Russian jets bombed Idlib on Monday.")
    assert attack.place is not None and attack.place.text == "Idlib"


def test_a_police_officer_by_rank_is_an_official_source() -> None:
    from sitrep.extract.attribution import source_kind
    from sitrep.extract.schema import load_claim_cues
    from sitrep.extract.spans import Phrase

    phrase = Phrase("Chief Superintendent Ali Rahman", 0, 31, "NP")
    assert source_kind(phrase, load_claim_cues()) == "official"


def test_the_sides_a_clash_is_between_are_its_actors(domain_nlp: Language) -> None:
    (clash,) = _attacks(
        domain_nlp, "Clashes between the army and rebels killed 12 people in Daraa."
    )
    assert {("actor", "the army"), ("actor", "rebels")} <= roles(clash)
    text = (
        "Fierce clashes broke out between Kurdish fighters and Islamic State militants near "
        "Kobani on Monday."
    )
    (clash,) = _attacks(domain_nlp, text)
    assert ("actor", "Kurdish fighters") in roles(clash)
    assert not any(p.text == "Fierce" for p in clash.participants)


def test_a_capital_before_the_attack_places_it(domain_nlp: Language) -> None:
    text = (
        "Last week a Kabul car bombing killed five and wounded 110, another attack ascribed to "
        "the Taliban."
    )
    (attack,) = _attacks(domain_nlp, text)
    assert attack.place is not None and attack.place.text == "Kabul"
    assert ("actor", "Kabul") not in roles(attack)


@pytest.mark.parametrize(
    ("sentence", "wounded"),
    [
        ("Six civilians were killed and 12 received wounds of different severity.", 12),
    ],
)
def test_wounded_told_otherwise(sentence: str, wounded: int) -> None:
    from sitrep.extract.casualties import find_casualties

    toll = find_casualties(sentence)
    assert toll is not None and toll.wounded == wounded


def test_any_strikes_are_no_strikes_told(domain_nlp: Language) -> None:
    (strikes,) = _attacks(domain_nlp, "The ministry made no mention of any strikes in Idlib.")
    assert strikes.modality == "question"


def test_explosives_are_no_doer() -> None:
    from sitrep.extract.agents import NON_AGENT_HEADS

    assert {"explosives", "device"} <= NON_AGENT_HEADS
