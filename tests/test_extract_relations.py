"""Relations read from the parse, on sentences written for these tests, with the shipped model.

Each test is one construction (apposition, copula, title before the name, possessive, verb,
presence, a list before the predicate) and the provenance a relation carries (dates, hedging,
the source chain). Skipped until the trained pipeline ships.
"""

from __future__ import annotations

from functools import cache

import pytest
from spacy.language import Language

from sitrep.extract.pipeline import PACKAGE_MODEL
from sitrep.extract.relations import extract_relations
from sitrep.records import RelationMention


@cache
def _nlp() -> Language:
    if not (PACKAGE_MODEL / "meta.json").exists():
        pytest.skip("the trained pipeline has not shipped yet (src/sitrep/models/sitrep_en)")
    from sitrep.pipeline import load_domain_pipeline

    return load_domain_pipeline(None, "syria-iraq")


def relations(text: str, published: str | None = "2021-05-10") -> list[RelationMention]:
    return list(extract_relations("doc", _nlp()(text), published, "Test Wire"))


def find(rels: list[RelationMention], kind: str, subject: str, obj: str) -> RelationMention:
    found = [
        r for r in rels if r.type == kind and subject in r.subject.text and obj in r.object.text
    ]
    assert found, [(r.type, r.subject.text, r.object.text) for r in rels]
    return found[0]


def test_apposition_new_commander_is_dated_by_the_publication() -> None:
    rels = relations("The new commander of Iran's Quds Force, General Esmail Ghaani, toured Homs.")
    rel = find(rels, "commands", "Ghaani", "Quds Force")
    assert rel.how == "apposition" and rel.title == "commander" and rel.qualifier == "new"
    assert rel.time is not None and rel.time.start == "2021" and not rel.ended
    assert find(rels, "under", "Quds Force", "Iran").how == "possessive"


def test_copula_with_a_pronoun_resolves_to_the_person() -> None:
    rels = relations(
        "Colonel Ahmad Vahidi arrived in Damascus. He is the commander of IRGC units in Syria."
    )
    rel = find(rels, "commands", "Vahidi", "IRGC")
    assert rel.how == "copula"
    assert "IRGC units" in rel.object.text and "Syria" not in rel.object.text


def test_title_before_the_name_with_its_body() -> None:
    rels = relations(
        "The talks were led by Chief of General Staff of the Iranian Armed Forces "
        "Maj. Gen. Mohammad Hossein Baqeri in Damascus."
    )
    rel = find(rels, "commands", "Baqeri", "Armed Forces")
    assert rel.how == "title" and rel.title == "Chief of General Staff"


def test_press_secretary_is_a_position_not_a_command() -> None:
    rels = relations("Dmitry Peskov, press secretary of the Kremlin, declined to comment.")
    rel = find(rels, "holds-position", "Peskov", "Kremlin")
    assert rel.title is not None and "secretary" in rel.title.lower()
    assert not [r for r in rels if r.type == "commands" and "Peskov" in r.subject.text]


def test_former_ends_and_since_starts() -> None:
    former = relations("The former head of the Quds Force, Qassem Soleimani, was buried in Kerman.")
    rel = find(former, "commands", "Soleimani", "Quds Force")
    assert rel.ended and rel.qualifier == "former"
    since = relations(
        "Ali Shamkhani has been the secretary of the Supreme National Security Council since 2013."
    )
    rel = find(since, "holds-position", "Shamkhani", "Supreme National Security Council")
    assert rel.time is not None and rel.time.start == "2013-01-01" and rel.time.precision == "year"
    assert not rel.ended


def test_verbs_of_alliance_backing_membership_and_fighting() -> None:
    rels = relations(
        "Venezuela, Belarus and Iran have teamed up to help the Syrian president Bashar al-Assad."
    )
    find(rels, "allied-with", "Venezuela", "Belarus")
    find(rels, "backs", "Iran", "Bashar al-Assad")
    joined = relations(
        "In 2014 the militia Kata'ib Hezbollah joined the Popular Mobilization Forces."
    )
    find(joined, "member-of", "Kata'ib Hezbollah", "Popular Mobilization Forces")
    fought = relations("Hezbollah fought the Islamic State near Qusayr.")
    find(fought, "fights", "Hezbollah", "Islamic State")
    find(fought, "present-in", "Hezbollah", "Qusayr")


def test_a_list_before_a_presence_predicate_is_its_subject() -> None:
    rels = relations(
        "Hundreds of fighters, including Harakat al-Nujaba, Kata'ib Sayyid al-Shuhada and "
        "Lebanese Hezbollah units, are present around the city of Deir ez-Zor."
    )
    subjects = {r.subject.text for r in rels if r.type == "present-in" and "Deir" in r.object.text}
    assert any("Nujaba" in s for s in subjects), subjects
    assert any("Hezbollah" in s for s in subjects), subjects


def test_claim_provenance_hedging_and_source_chain() -> None:
    rels = relations(
        "According to Reuters, the new commander of the Quds Force, Esmail Ghaani, "
        "reportedly visited Baghdad."
    )
    rel = find(rels, "commands", "Ghaani", "Quds Force")
    assert rel.claim.hedged and "reportedly" in rel.claim.hedges
    assert rel.claim.chain[0].name == "Test Wire"
    assert any("Reuters" in link.name for link in rel.claim.chain[1:])
    assert rel.claim.sentence_text.startswith("According to Reuters")
    assert rel.claim.event_mention_id == rel.id


def test_no_relation_from_a_bare_mention() -> None:
    assert relations("Officials met on Tuesday to discuss the weather.") == []


def test_a_denial_of_the_event_is_not_a_denial_of_the_role() -> None:
    rels = relations(
        "The Kremlin denied that Qassem Soleimani, the commander of the Quds Force, met Putin."
    )
    rel = find(rels, "commands", "Soleimani", "Quds Force")
    assert rel.claim.stance == "reports"


def rules_only(text: str) -> list[RelationMention]:
    return list(extract_relations("doc", _nlp()(text), "2021-05-10", "Test Wire", learned=False))


def test_a_group_noun_lists_its_named_members() -> None:
    rels = rules_only(
        "Coalition nations that have carried out strikes in Syria include Canada, Jordan and "
        "Bahrain."
    )
    for member in ("Canada", "Jordan", "Bahrain"):
        assert find(rels, "member-of", member, "Coalition nations").how == "verb"
    # a noun that names no group is no container: "insurgents which include ..."
    rels = rules_only("Insurgents which include Ahrar al-Sham fighters shelled the town.")
    assert not [r for r in rels if r.type == "member-of"]


def test_a_state_as_part_of_a_coalition() -> None:
    rels = rules_only(
        "Norway, as part of the Global Coalition, remains committed to training Iraqi forces."
    )
    assert find(rels, "member-of", "Norway", "Global Coalition").title == "part"


def test_name_role_and_body_listed_with_commas() -> None:
    rels = rules_only(
        "Lieutenant General Paul Funk, commander, Combined Joint Task Force, visited Baghdad on "
        "Monday."
    )
    assert find(rels, "commands", "Paul Funk", "Combined Joint Task Force").how == "apposition"
