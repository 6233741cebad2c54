"""What a fourth round of FA-KES articles outside the events gold taught (session 22): places,
doers and sources a coder would not record. Sentences written for sitrep, read with the shipped
pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventreading import read_events, roles
from sitrep.extract.agents import _not_agent
from sitrep.extract.merge import not_a_place
from sitrep.records import UNNAMED_SOURCE, EventMention, Participant

PUBLISHED = "2016-11-21"


def _asserted(nlp: Language, text: str, type_name: str = "ASSAULT") -> list[EventMention]:
    events = read_events(nlp, text, PUBLISHED)
    return [e for e in events if e.type == type_name and e.modality is None]


@pytest.mark.parametrize(
    "text",
    [
        "Four farmers were killed on Tuesday when jets struck a hamlet near the border with "
        "Lebanon, the monitor said.",
        "Four farmers were killed on Tuesday when gunmen attacked a checkpoint along the "
        "frontier with Jordan, the monitor said.",
    ],
)
def test_the_country_across_a_frontier_is_not_the_place(domain_nlp: Language, text: str) -> None:
    attacks = _asserted(domain_nlp, text)
    assert attacks
    assert all(e.place is None or e.place.text not in ("Lebanon", "Jordan") for e in attacks)
    assert not {t for e in attacks for _, t in roles(e)} & {"Lebanon", "Jordan"}


def test_a_country_the_happening_is_in_stays_its_place(domain_nlp: Language) -> None:
    text = (
        "Four farmers were killed on Tuesday when gunmen attacked a checkpoint in Lebanon near "
        "the border with Syria, the monitor said."
    )
    places = {e.place.text for e in _asserted(domain_nlp, text) if e.place}
    assert places == {"Lebanon"}


def _sides(events: list[EventMention]) -> set[str]:
    return {text for e in events for _, text in roles(e)}


@pytest.mark.parametrize(
    "text",
    [
        "Army units shelled hideouts of the gunmen near Tadif on Monday, killing a big number "
        "of them.",
        "In under an hour the jets had killed more than 30 people near Tadif and injured more.",
        "Commandos stormed a farm near Tadif on Monday and killed one of the gang's leaders.",
    ],
)
def test_a_bare_quantity_is_no_side(domain_nlp: Language, text: str) -> None:
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.modality is None]
    assert events
    assert not _sides(events) & {"a big number", "more", "one"}


@pytest.mark.parametrize(("name", "side"), [("Syrias", False), ("Syria", True)])
def test_a_country_s_possessive_without_its_apostrophe_is_no_side(name: str, side: bool) -> None:
    # copy stripped of apostrophes: "in Syrias third city", the parse taking the owner alone
    actor = Participant("actor", name, 40, 40 + len(name), "GPE")
    assert _not_agent(actor, "ASSAULT") is not side


def test_the_people_a_district_is_populated_by_are_no_side(domain_nlp: Language) -> None:
    text = (
        "A truck bomber killed at least 12 people and wounded 30 Sunday in a suicide attack on an "
        "Assyrian-populated quarter of the northeastern town of Qamishli an official said."
    )
    events = _asserted(domain_nlp, text)
    assert events
    assert "Assyrian" not in _sides(events)


def test_a_monitor_based_in_a_country_speaks_not_the_country(domain_nlp: Language) -> None:
    text = (
        "Heavy clashes broke out overnight in the Qaboun district of Damascus, the Britain-based "
        "monitor said."
    )
    events = _asserted(domain_nlp, text)
    assert events
    names = {link.name for e in events for link in e.claim.chain}
    assert "Britain" not in names
    assert any("monitor" in name for name in names)


def test_the_dead_confirmed_in_a_passive_are_not_a_source(domain_nlp: Language) -> None:
    text = "The doctor said at least 23 people have been confirmed dead in the town of Kafr Zita."
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.casualties]
    assert events
    for event in events:
        names = [link.name for link in event.claim.chain]
        assert not any("people" in name for name in names), names


def test_a_dateline_with_its_filing_day_is_furniture(domain_nlp: Language) -> None:
    text = (
        "AMMAN March 3 (The Associated Press) Government forces pounded the eastern outskirts "
        "of Deraa on Tuesday, killing six fighters."
    )
    events = _asserted(domain_nlp, text)
    assert events
    assert not any("Associated" in t or "AMMAN" in t for t in _sides(events))
    assert "Government forces" in _sides(events)


def test_what_was_fired_is_no_target(domain_nlp: Language) -> None:
    text = (
        "Government troops fired intense artillery and rocket barrages on Wednesday on the "
        "western suburbs of Hama."
    )
    events = _asserted(domain_nlp, text)
    assert events
    assert not any("barrages" in t for t in _sides(events))


def test_victims_a_toll_counts_before_its_day_are_not_the_doers(domain_nlp: Language) -> None:
    # "killed Friday": the day parsed as the participle's object made it active
    text = (
        "Seven children were among 21 civilians killed Friday in regime bombing of "
        "opposition-held districts in the third city of Homs the rescuers said."
    )
    events = _asserted(domain_nlp, text)
    assert events
    doers = {t for e in events for role, t in roles(e) if role in ("actor", "by")}
    assert not any("civilians" in t for t in doers), doers


def test_a_bomber_who_killed_a_counted_many_is_the_doer(domain_nlp: Language) -> None:
    # "at least" read as the count's preposition left the participle without an object
    text = (
        "A truck bomber killed at least 12 people and wounded 30 Sunday in a suicide attack on "
        "a quarter of Qamishli an official said."
    )
    events = _asserted(domain_nlp, text)
    assert events
    assert all(("target", "A truck bomber") not in roles(e) for e in events)


def _told(nlp: Language, text: str) -> list[EventMention]:
    return [e for e in read_events(nlp, text, PUBLISHED) if e.modality is None]


@pytest.mark.parametrize(
    "text",
    [
        # what a place is: a frequent target, no one strike
        "Raqqa has been a main target of strikes against the militants by the Western "
        "coalition fighting the group in Syria and Iraq.",
        # a tally: everyone counted so far
        "The crash raised the total number of Iranian officers killed in Syria to 25.",
        # a habit, rarely or often
        "Ministers have rarely attacked their rivals so openly over events like bombings.",
        # backing up to now is a standing relation
        "The brigade has been backed by Turkish artillery along with special forces.",
    ],
)
def test_what_is_so_up_to_now_is_no_happening(domain_nlp: Language, text: str) -> None:
    assert not [e for e in _told(domain_nlp, text) if e.type in ("ASSAULT", "DIE", "SUPPORT")]


def test_a_scene_of_a_dated_clash_is_still_told(domain_nlp: Language) -> None:
    text = "Rebels and troops clashed in Manbij on Monday, killing six, the monitor said."
    assert _told(domain_nlp, text)


def test_a_report_in_the_passive_without_its_speaker_is_an_unnamed_source(
    domain_nlp: Language,
) -> None:
    text = "A car bomb was reported to have killed five guards at a checkpoint near Azaz."
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.casualties]
    assert events
    for event in events:
        assert event.claim.stance == "reports"
        assert [(link.name, link.kind) for link in event.claim.chain] == [
            (UNNAMED_SOURCE, "anonymous")
        ]


def test_the_sides_between_whom_a_clash_broke_out_overnight_are_its_actors(
    domain_nlp: Language,
) -> None:
    text = (
        "Heavy fighting also broke out during the night between army units and insurgents in "
        "the Jobar district of Damascus."
    )
    events = _asserted(domain_nlp, text)
    assert events
    assert {"army units", "insurgents"} <= {t for e in events for r, t in roles(e) if r == "actor"}


@pytest.mark.parametrize(
    "text",
    [
        "No claims of responsibility were reported, but jets struck Houthi positions near Saada "
        "on Monday, killing four.",
        "No casualties were reported after jets struck Houthi positions near Saada on Monday.",
    ],
)
def test_nothing_reported_is_no_report(domain_nlp: Language, text: str) -> None:
    events = _asserted(domain_nlp, text)
    assert events
    assert all(e.claim.stance == "asserts" and not e.claim.chain for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Jets pounded districts held by an Islamist coalition battling to seize the city of Hama.",
        "Kurdish fighters are fighting to push the militants out of the town of Manbij.",
    ],
)
def test_fighting_to_reach_an_aim_is_a_course_not_a_happening(
    domain_nlp: Language, text: str
) -> None:
    clashes = [e for e in _asserted(domain_nlp, text) if e.mode == "clash"]
    assert not clashes


def test_a_doer_cut_after_its_hyphen_is_read_whole(domain_nlp: Language) -> None:
    text = (
        "The talks came a day after US-led coalition forces killed dozens of regime fighters "
        "south of Raqqa."
    )
    doers = {t for e in read_events(domain_nlp, text, PUBLISHED) for r, t in roles(e)}
    assert "US-led coalition forces" in doers
    assert "led coalition forces" not in doers


def test_a_happening_said_to_begin_in_weeks_is_not_yet(domain_nlp: Language) -> None:
    text = (
        "The minister said an offensive to drive the militants out of their stronghold of Sirte "
        "would begin in the next few weeks."
    )
    assert not [e for e in _told(domain_nlp, text) if e.type == "ASSAULT"]


def test_acting_in_support_of_a_force_is_no_support_given(domain_nlp: Language) -> None:
    text = (
        "The towns are often shelled by gunmen trying to break the resolve of the residents in "
        "support of the Lebanese Army."
    )
    assert not [e for e in _told(domain_nlp, text) if e.type == "SUPPORT"]


def test_an_attack_claimed_by_a_group_is_told_in_the_article_s_voice(
    domain_nlp: Language,
) -> None:
    text = (
        "On Friday two gunmen killed at least three people near the central bank in Kabul in an "
        "attack claimed by the Taliban."
    )
    events = _asserted(domain_nlp, text)
    assert events
    assert all(not e.claim.chain for e in events), [e.claim.chain for e in events]


@pytest.mark.parametrize(("name", "agency"), [("SANA", True), ("Sanaa", False), ("Homs", False)])
def test_a_news_agency_is_never_a_place(domain_nlp: Language, name: str, agency: bool) -> None:
    doc = domain_nlp(f"In the capital {name} said two people were killed.")
    start = doc.text.index(name)
    assert not_a_place(doc, start, start + len(name)) is agency


@pytest.mark.parametrize(
    ("text", "recalled"),
    [
        (
            "The militia has carried out several bombings in Kurdish towns in Syria in the past.",
            True,
        ),
        ("Jets struck the town of Tadif in the past week, killing nine.", False),
    ],
)
def test_what_was_done_in_the_past_is_recalled(
    domain_nlp: Language, text: str, recalled: bool
) -> None:
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.type == "ASSAULT"]
    assert events
    assert all((e.modality == "recalled") is recalled for e in events)


@pytest.mark.parametrize("owner", ["regime", "regimes"])
def test_whoever_flies_the_aircraft_that_dropped_the_bombs_did_it(
    domain_nlp: Language, owner: str
) -> None:
    # "regimes": the possessive of copy stripped of its apostrophes
    text = f"Three women were killed when {owner} helicopters dropped barrel bombs on Anadan."
    events = _asserted(domain_nlp, text)
    assert events
    assert {t for e in events for r, t in roles(e) if r in ("actor", "by")} == {"regime"}


def test_a_report_without_a_speaker_is_the_named_source_s_when_the_sentence_names_one(
    domain_nlp: Language,
) -> None:
    text = (
        "Four civilians were reported killed by shells in the al-Jamiliyeh district of Aleppo on "
        "Monday, according to a SANA reporter."
    )
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.casualties]
    assert events
    for event in events:
        assert [link.name for link in event.claim.chain] == ["SANA"]
