"""One incident told by several outlets is one event (session 29): a toll revised between
reports, one town spelled two ways, a town inside the governorate another report names, an
undated lede on the day of a dated report, a copy with no date of its own. Each rule keeps its
guard (the cases that stay apart are tested beside it). Mention views are built by hand; the
last tests write our own reports to a store through the whole pipeline."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from outletreports import ingest_reports
from sitrep.corroborate.blocks import tie_keys
from sitrep.corroborate.cluster import cluster
from sitrep.corroborate.compat import MentionView, same_happening, skeleton, spelled_alike
from sitrep.corroborate.views import load_mentions
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store import schema as s

TOWN = {"place": "gn_1", "place_name": "Saraqib", "place_country": "SY", "place_region": "SY:Idlib"}


def attack(
    id_: str,
    doc: str,
    killed: int | None = None,
    *,
    published: str = "2017-04-04",
    day: str | None = "2017-04-04",
    mode: str = "chemical",
    wounded: int | None = None,
    sentence: int = 1,
    **place: object,
) -> MentionView:
    counts = {k: v for k, v in (("killed", killed), ("wounded", wounded)) if v is not None}
    where = {**TOWN, **place}
    return MentionView(
        id=id_, doc_id=doc, type="ASSAULT", mode=mode, entities=frozenset(),
        time_start=day, time_end=day, time_precision="day" if day else None,
        casualties=counts or None, published=published, sentence=sentence, family="violence",
        **where,  # type: ignore[arg-type]
    )  # fmt: skip


def together(views: list[MentionView], *ids: str) -> bool:
    groups, _links, _n = cluster(views)
    return any(set(ids) <= set(g) for g in groups)


# --- a toll revised between reports ------------------------------------------------------


def test_a_rising_toll_at_one_town_on_one_day_is_one_happening() -> None:
    first = attack("1", "d1", 58)
    later = attack("2", "d2", 72, published="2017-04-05", mode="unspecified")
    decision = same_happening(first, later)
    assert decision.same, decision.reason
    assert "toll revised" in decision.reason
    assert together([first, later], "1", "2")


def test_a_revised_toll_keeps_its_guards() -> None:
    first = attack("1", "d1", 58, published="2017-04-05")
    # a later report with fewer dead tells another happening
    assert not same_happening(first, attack("2", "d2", 40, published="2017-04-06")).same
    # many times the toll: another happening (a strike's 12 and a day's 40)
    assert not same_happening(attack("3", "d3", 12), attack("4", "d4", 40)).same
    # small tolls recur daily
    assert not same_happening(attack("5", "d5", 4), attack("6", "d6", 6)).same
    # two ways of attacking: a gas attack and a shelling
    assert not same_happening(first, attack("7", "d7", 72, mode="shelling")).same
    # a month-wide window is any of its happenings there
    month = attack("8", "d8", 72, day=None, published="2017-04-25")
    month = replace(month, time_start="2017-04-01", time_end="2017-04-30")
    assert not same_happening(first, month).same
    # a city, or the city named after its governorate, sees several deadly happenings a day
    city = {"place": "gn_2", "place_name": "Idlib", "place_names_region": True}
    assert not same_happening(attack("9", "d9", 58, **city), attack("10", "d10", 72, **city)).same


def test_a_rare_toll_at_a_town_is_found_by_a_later_run() -> None:
    keys = tie_keys(attack("1", "d1", 58))
    assert "violence|toll-at:gn_1" in keys
    assert "violence|toll-at:~" + skeleton("Saraqib") in keys
    assert not any("toll-at" in k for k in tie_keys(attack("2", "d2", 4)))


# --- one town spelled two ways -----------------------------------------------------------


def test_transliterations_share_a_skeleton() -> None:
    assert skeleton("Khan Shaykhun") == skeleton("Khan Sheikhoun") == skeleton("Khān Shaykhūn")
    assert skeleton("Al Kalassa") == skeleton("al-Kallaseh")
    assert skeleton("Salah al-Din") == skeleton("Salaheddin")
    assert skeleton("Hama") != skeleton("Homs")


def test_one_neighbourhood_spelled_two_ways_is_one_place() -> None:
    within = {"place_within": "gn_damascus", "place_country": "SY", "place_region": "SY:Dam"}
    one = attack("1", "d1", 6, mode="bombing", place="pl_a", place_name="Al Kalassa", **within)
    two = attack("2", "d2", 6, mode="bombing", place="pl_b", place_name="al-Kallaseh", **within)
    assert spelled_alike(one, two)
    assert same_happening(one, two).same
    # another container, or two gazetteer entries, are two places whatever their names
    elsewhere = replace(two, place_within="gn_aleppo")
    assert not same_happening(one, elsewhere).same
    entries = replace(one, place="gn_3"), replace(two, place="gn_4")
    assert not spelled_alike(*entries)


# --- a town inside the governorate another report names ------------------------------------


def test_a_town_joins_its_governorate_on_a_rare_toll_only() -> None:
    province = {
        "place": "rg_idlib-governorate", "place_name": "Idlib province",
        "place_names_region": True,
    }  # fmt: skip
    assert same_happening(attack("1", "d1", 58), attack("2", "d2", 58, **province)).same
    # a small toll recurs across a governorate, even within one report ("seven killed in
    # Khan Sheikhun ... another seven in Kafr Takharim further north in the province")
    assert not same_happening(attack("3", "d3", 7), attack("4", "d4", 7, **province)).same
    assert not same_happening(attack("5", "d5", 7), attack("6", "d5", 7, **province)).same
    # another governorate's town contradicts
    other = {**province, "place_region": "SY:Hama"}
    assert not same_happening(attack("7", "d7", 58), attack("8", "d8", 58, **other)).same


# --- an undated lede on the day of a dated report ----------------------------------------


def test_an_undated_lede_of_the_day_joins_on_a_rare_toll() -> None:
    nowhere = {"place": None, "place_name": None, "place_country": None, "place_region": None}
    dated = attack("1", "d1", 29, mode="clash", **nowhere)
    undated = attack("2", "d2", 29, mode="clash", day=None)
    assert same_happening(dated, undated).same
    # further down a report, an undated toll is background (a timeline of the war)
    assert not same_happening(dated, replace(undated, sentence=46)).same
    # a small toll recurs daily; wounded figures that differ tell two happenings
    assert not same_happening(
        replace(dated, casualties={"killed": 5}), attack("3", "d3", 5, day=None)
    ).same
    hurt = replace(dated, casualties={"killed": 29, "wounded": 13})
    assert not same_happening(hurt, replace(undated, casualties={"killed": 29, "wounded": 25})).same
    # a report out days later is no news of the day
    assert not same_happening(dated, replace(undated, published="2017-04-06")).same


# --- through the whole pipeline ------------------------------------------------------------

FILLER = "Residents said the market had been crowded before the attack. Schools were closed."


def _events_by_report(store: Store) -> dict[str, set[str]]:
    m = s.event_mentions.c
    with store.read() as conn:
        out: dict[str, set[str]] = {}
        for row in conn.execute(select(m.event_id, m.document_id).where(m.event_id.is_not(None))):
            out.setdefault(row.event_id, set()).add(row.document_id)
    return out


@pytest.mark.slow
def test_outlets_telling_a_rising_toll_of_one_gas_attack_make_one_event(tmp_path: Path) -> None:
    store = ingest_reports(
        tmp_path,
        [
            (
                "Ahram Daily",
                "A suspected gas attack killed at least 58 people in the town of Saraqib on "
                "Tuesday, a monitor said.",
            ),
            (
                "Gulf Wire",
                "At least 72 people were killed in a suspected gas attack on the town of "
                "Saraqib on Tuesday, rescuers said.",
            ),
        ],
        FILLER,
        "from Idlib",
        "rising-toll",
    )
    assert any(len(docs) == 2 for docs in _events_by_report(store).values())


@pytest.mark.slow
def test_a_copy_without_a_date_takes_its_first_copys(tmp_path: Path) -> None:
    text = (
        "A car bomb killed at least 17 people in the town of Azaz near the Turkish border, a "
        "monitor said. " + FILLER
    )
    # the first copy saved without its date line, the second (a little longer) with it
    rows = [
        {"title": "Car bomb in Azaz", "text": text, "source": "Gulf Wire",
         "url": "https://example.org/copy/1"},
        {"title": "Car bomb in Azaz", "text": text + " Shops stayed shut.", "date": "2017-03-08",
         "source": "Ahram Daily", "url": "https://example.org/copy/2"},
    ]  # fmt: skip
    corpus = tmp_path / "reports.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    store = Store(str(tmp_path / "sitrep.db"))
    Ingest(store, Settings()).run([str(corpus)])
    with store.read() as conn:
        dates = {
            d.id: d.published
            for d in conn.execute(select(s.documents.c.id, s.documents.c.published))
        }
        views = load_mentions(conn, None)
    assert None in dates.values()  # the first copy gives no date of its own
    assert views and all(v.published == "2017-03-08" for v in views)


# --- a person on one side, only states on the other ----------------------------------------


def test_a_person_and_states_do_not_tell_two_happenings() -> None:
    # "Assad's warplanes carried out a gas attack that killed 72" / "Syrian and Russian jets
    # ... killed 58": a state is a party to most happenings of its war, so it names none.
    assad = replace(
        attack("1", "d1", 58),
        entities=frozenset({"assad"}), people=frozenset({"assad"}), roles={"assad": "actor"},
    )  # fmt: skip
    states = replace(
        attack("2", "d2", 72, published="2017-04-05"),
        entities=frozenset({"syria", "russia"}), states=frozenset({"syria", "russia"}),
        roles={"syria": "actor", "russia": "actor"},
    )  # fmt: skip
    assert same_happening(assad, states).same
    assert together([assad, states], "1", "2")
    # two people named apart still tell two happenings, and so does a meeting with a state
    other = replace(
        states, entities=frozenset({"qaani"}), people=frozenset({"qaani"}), states=frozenset()
    )
    assert not same_happening(assad, other).same
    assert not together([assad, other], "1", "2")
    meeting = replace(assad, type="CONSULT", family="", mode="meeting")
    assert not same_happening(
        meeting, replace(states, type="CONSULT", family="", mode="meeting")
    ).same
