"""A mention that tells again a happening already told ("the attack was carried out by ...",
"nine other people were also killed") is linked to that happening's sentence by extraction
(`retells`), and corroboration joins the two; a store made before the link gains its column.
Texts written for sitrep."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from migrationfixtures import open_older_store
from sitrep.corroborate.compat import MentionView, same_happening
from sitrep.extract.events import extract_events
from sitrep.nlp.pipeline import shipped_model_path
from sitrep.store.migrations import LATEST

REPORT = (
    "Jets struck the vegetable market of Kafr Nabl on Monday, a monitor said. "
    "Shops burned until the evening. "
    "Nine other people were also killed, according to a local medic."
)
needs_model = pytest.mark.skipif(
    not (shipped_model_path() / "config.cfg").is_file(),
    reason="no trained pipeline in src/sitrep/models/sitrep_en",
)


@needs_model
def test_victims_added_with_also_retell_the_strike(domain_nlp: Language) -> None:
    events = extract_events("d", domain_nlp(REPORT), "2016-05-04", None, None).events
    struck = next(e for e in events if e.trigger == "struck")
    killed = next(e for e in events if e.trigger == "killed")
    assert killed.retells == struck.sentence and struck.retells is None


@needs_model
def test_an_attack_told_with_also_is_another_one(domain_nlp: Language) -> None:
    report = "Jets struck Kafr Nabl on Monday. Rebels also shelled the west of Aleppo on Monday."
    events = extract_events("d", domain_nlp(report), "2016-05-04", None, None).events
    assert all(e.retells is None for e in events)


FIRST = MentionView(
    id="1", doc_id="d", type="ASSAULT", mode="air-strike", entities=frozenset(),
    family="violence", sentence=2,
)  # fmt: skip


def test_corroboration_joins_a_retelling_to_what_it_retells() -> None:
    again = replace(FIRST, id="2", mode="unspecified", sentence=6, retells=2)
    decision = same_happening(FIRST, again)
    assert decision.same and "tells the same happening again" in decision.reason
    assert not same_happening(FIRST, replace(again, retells=None)).same  # nothing ties them
    assert not same_happening(FIRST, replace(again, retells=3)).same  # another sentence's


RETELLS_VERSION = 7  # the migration that adds event_mentions.retells


def test_an_older_store_gains_the_retells_column(tmp_path: Path) -> None:
    columns, version = open_older_store(tmp_path, "event_mentions", "retells", RETELLS_VERSION)
    assert "retells" in columns and version == LATEST


def test_a_retelling_joins_whatever_place_and_kind_each_sentence_names() -> None:
    # "The strikes hit the hamlet of X" after "air strikes killed 30 in a province": a village
    # of the province, a vaguer kind of attack; still the happening told before.
    told = replace(FIRST, place="p:province", place_name="Deir ez-Zor", place_country="SY")
    again = replace(
        told, id="2", mode="unspecified", sentence=6, retells=2,
        place="p:village", place_name="Hamlet", casualties={"killed": 32},
    )  # fmt: skip
    assert same_happening(told, again).same
    abroad = replace(again, place="p:x", place_name="Mosul", place_country="IQ")
    assert not same_happening(told, abroad).same  # another country is another happening


def test_a_retelling_joins_its_group_despite_a_revised_toll() -> None:
    from sitrep.corroborate.cluster import cluster

    told = replace(FIRST, casualties={"killed": 30}, place="p:idlib", place_name="Idlib")
    again = replace(told, id="2", sentence=6, retells=2, casualties={"killed": 32})
    groups, _, _ = cluster([told, again])
    assert sorted(map(len, groups)) == [2]
    without_link = replace(again, retells=None)
    assert sorted(map(len, cluster([told, without_link])[0])) == [1, 1]


def test_a_retellings_other_place_does_not_keep_another_report_apart() -> None:
    # "Daesh claimed the attack, a response to the coalition's crimes in Manbij": the claim
    # retells the Qamishli bombing, and its sentence also names Manbij. Another report of the
    # bombing (same day, same toll) still joins it.
    from sitrep.corroborate.cluster import cluster

    bombing = replace(
        FIRST, mode="bombing", place="p:qamishli", place_name="Qamishli", place_country="SY",
        time_start="2016-07-27", time_end="2016-07-27", time_precision="day",
        casualties={"killed": 44}, published="2016-07-28",
    )  # fmt: skip
    claimed = replace(
        bombing, id="2", mode="unspecified", sentence=6, retells=2, casualties=None,
        place="p:manbij", place_name="Manbij",
    )  # fmt: skip
    elsewhere = replace(bombing, id="3", doc_id="d2", sentence=0)
    # the report and its retelling are one event already (an earlier run); the other comes new
    groups, _, _ = cluster([bombing, claimed, elsewhere], settled=[["1", "2"]], fresh={"3"})
    assert sorted(map(len, groups)) == [3], groups


@needs_model
def test_the_air_strikes_refer_back_to_the_air_strike_told_not_the_clash(
    domain_nlp: Language,
) -> None:
    report = (
        "Air strikes hit the town of Saraqeb on Monday. "
        "Rebels clashed with soldiers near Hama on Monday. "
        "At least twelve people were killed in the air strikes, a medic said."
    )
    events = extract_events("d", domain_nlp(report), "2016-05-04", None, None).events
    later = [e for e in events if e.sentence == 2 and e.retells is not None]
    assert later and all(e.retells == 0 for e in later)


@needs_model
def test_one_of_the_strikes_is_a_part_told_anew(domain_nlp: Language) -> None:
    report = (
        "Jets pounded the countryside of Idlib on Monday. "
        "One of the airstrikes hit the village of Kafr Nabl, killing four people."
    )
    events = extract_events("d", domain_nlp(report), "2016-05-04", None, None).events
    assert all(e.retells is None for e in events if e.sentence == 1)


@needs_model
def test_a_bare_toll_adds_to_the_happening_told_before(domain_nlp: Language) -> None:
    report = (
        "Government jets bombed the village of Kafr Zita north of Hama on Tuesday, a monitor "
        "said. Rescue teams worked through the night. "
        "It added that at least 14 people were killed."
    )
    events = extract_events("d", domain_nlp(report), "2016-05-04", None, None).events
    toll = [e for e in events if e.sentence == 2]
    assert toll and all(e.retells is not None for e in toll)
    placed = "Two more people were killed in Homs on Monday."
    events = extract_events("d", domain_nlp(report + " " + placed), "2016-05-04", None, None)
    assert all(e.retells is None for e in events.events if e.sentence == 3)  # its own place


@needs_model
def test_a_part_named_earlier_in_the_sentence_leaves_the_reference(domain_nlp: Language) -> None:
    # "Most of the" governs "fighters", not "attacks": "the attacks" still refers back.
    report = (
        "Jets killed 40 militants near Idlib on Tuesday, a monitor said. "
        "Most of the 40 militants killed in the attacks west of the city were foreigners."
    )
    events = extract_events("d", domain_nlp(report), "2016-05-04", None, None).events
    assert any(e.retells == 0 for e in events if e.sentence == 1)


@needs_model
def test_last_nights_attack_refers_back(domain_nlp: Language) -> None:
    report = (
        "A car bomb killed a reporter in the port of Mokha on Monday. "
        "Four other people also died in last night's attack, a medic said."
    )
    events = extract_events("d", domain_nlp(report), "2019-01-29", None, None).events
    later = [e for e in events if e.sentence == 1]
    assert later and all(e.retells == 0 for e in later)
    assert all("night" not in p.text for e in later for p in e.participants)
