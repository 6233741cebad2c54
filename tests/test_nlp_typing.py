"""Typing with knowledge: head words, the gazetteer and the pack overrule the model's label,
and names that are not names are repaired or dropped, each with its reason."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.names.junk import headline_verbs, junk_reason, repair_name
from sitrep.nlp.domain import AliasPattern, add_domain_components
from sitrep.nlp.types import pack_heads, shipped_heads
from sitrep.pack import load_pack
from sitrep.resolve.retype import DROPPED, Retyper


def _run(words: list[str], ents: list[str]) -> list[tuple[str, str, str]]:
    nlp = spacy.blank("en")
    aliases = [
        AliasPattern("Quds Force", "ORG", "quds-force"),
        AliasPattern("Foreign Ministry", "ORG", "mfa"),
        AliasPattern("Defence Ministry", "ORG", "mod"),
    ]
    add_domain_components(nlp, [], aliases)
    doc = Doc(nlp.vocab, words=words, ents=ents)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(e.text, e.label_, e._.mention_source or "model") for e in doc.ents]


def test_generated_lexicons_hold_heads_and_verbs_not_names() -> None:
    heads = shipped_heads()
    assert heads.get("police") == "ORG" and heads.get("province") == "LOC"
    assert "syria" not in heads and "assad" not in heads
    verbs = headline_verbs()
    assert {"kills", "insists", "says"} <= verbs
    assert not {"forces", "united", "guards", "states"} & verbs


def test_head_word_relabels_the_models_person_or_place() -> None:
    words = ["The", "Interior", "Ministry", "said", "Dubai", "Police", "acted", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "B-LOC", "I-LOC", "O", "O"]
    assert _run(words, ents) == [
        ("Interior Ministry", "ORG", "type-rule"),
        ("Dubai Police", "ORG", "type-rule"),
    ]


def test_pack_names_teach_their_heads_but_not_places_or_surnames() -> None:
    aliases = [
        {"text": "Quds Force", "label": "ORG"},  # a common noun
        {"text": "Imam Ali Brigades", "label": "ORG"},
        {"text": "Hassan Brigades", "label": "PERSON"},  # ends a person's name too
        {"text": "Islamic Resistance in Iraq", "label": "ORG"},  # a place
        {"text": "Interior Ministry", "label": "ORG"},  # ends two pack names
        {"text": "Foreign Ministry", "label": "ORG"},
        {"text": "Sons of Ali", "label": "ORG"},  # once, and no common noun
    ]
    assert pack_heads(aliases) == {"force": "ORG", "ministry": "ORG"}


def test_pack_heads_turn_only_persons_into_organisations() -> None:
    words = ["Iraqi", "Defence", "Ministry", "Street", "was", "closed"]
    ents = ["B-LOC", "I-LOC", "I-LOC", "I-LOC", "O", "O"]
    assert _run(words, ents)[0][1] == "LOC"


@pytest.mark.parametrize(
    ("name", "repaired"),
    [
        ("Syrian Army Kills", "Syrian Army"),
        ("Damascus Kills 3 Wounds 20 Militants", "Damascus"),
        ("7 Nusra Front", "Nusra Front"),
        ("Dozens Killed", ""),
        ("Bashar al-Assad Insists", "Bashar al-Assad"),
    ],
)
def test_headline_furniture_is_cut_from_names(name: str, repaired: str) -> None:
    result = repair_name(name)
    assert result is not None and result[0] == repaired and result[1]


@pytest.mark.parametrize(
    "name", ["Quds Force", "Popular Mobilization Forces", "United Nations", "Free Syrian Army"]
)
def test_real_names_are_left_alone(name: str) -> None:
    assert repair_name(name) is None and junk_reason(name) is None


@pytest.fixture(scope="module")
def retyper() -> Retyper:
    return Retyper(load_pack())


def _mention(text: str, label: str) -> dict[str, Any]:
    return {"id": "m1", "text": text, "label": label, "pack_id": None}


@pytest.mark.parametrize(
    ("text", "label", "want_label", "want_name"),
    [
        ("Tehran", "PERSON", "GPE", "Tehran"),
        ("Riyadh", "PERSON", "GPE", "Riyadh"),  # outside the theatre: a city of millions
        ("Syrias", "PERSON", "LOC", "Syria"),  # possessive without its apostrophe: a pack state
        ("Syrian Army Kills", "ORG", "ORG", "Syrian Army"),
        ("Bashar al Assads", "ORG", "PERSON", "Bashar al Assad"),  # a pack person
        ("Syrias Homs", "LOC", "LOC", "Homs"),  # the owner, then the name
        ("PYDs", "ORG", "ORG", "PYD"),  # an acronym's "s"
        ("Aleppo Damascus", "LOC", "LOC", "Aleppo"),  # a list without its commas
    ],
)
def test_retyper_uses_knowledge_and_says_why(
    retyper: Retyper, text: str, label: str, want_label: str, want_name: str
) -> None:
    out = retyper.retype(_mention(text, label), text)
    assert (out["label"], out.get("name", text)) == (want_label, want_name)
    assert out["retype_reason"]


def test_a_count_is_dropped_with_its_reason(retyper: Retyper) -> None:
    mention = _mention("Dozens Killed", "PERSON")
    assert retyper.retype(mention, "Dozens Killed")["label"] == DROPPED
    assert "count" in (retyper.dropped_reason(mention, "Dozens Killed") or "")


def test_a_small_town_outside_the_theatre_does_not_unmake_a_person(retyper: Retyper) -> None:
    out = retyper.retype(_mention("Jackson", "PERSON"), "Jackson")
    assert out["label"] == "PERSON"


def _shape(words: list[str], ents: list[str], starts: list[bool] | None = None) -> list[str]:
    nlp = spacy.blank("en")
    add_domain_components(nlp, ["Maj.", "Chief of General Staff", "Major", "Minister"], [])
    doc = Doc(nlp.vocab, words=words, ents=ents, sent_starts=starts)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [e.text for e in doc.ents]


def test_spans_take_a_names_shape() -> None:
    # an outlet's dateline before a dash is no participant
    words = ["Radiofarda", "–", "Syrian", "President", "Bashar", "al-Assad", "met", "envoys"]
    ents = ["B-LOC", "I-LOC", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    starts = [True] + [False] * 7
    assert _shape(words, ents, starts) == ["Bashar al-Assad"]
    # a place and its region before the dash: "ERBIL, Kurdistan Region — US warplanes struck"
    words = ["ERBIL", ",", "Kurdistan", "Region", "—", "US", "warplanes", "struck", "Erbil"]
    ents = ["B-LOC", "O", "B-LOC", "I-LOC", "O", "B-LOC", "O", "O", "B-LOC"]
    assert _shape(words, ents, [True] + [False] * 8) == ["US", "Erbil"]
    # running text is no dateline, whatever dash follows
    words = ["Troops", "left", "Homs", "—", "a", "city", "in", "ruins"]
    ents = ["O", "O", "B-LOC", "O", "O", "O", "O", "O"]
    assert _shape(words, ents, [True] + [False] * 7) == ["Homs"]
    # a span over an opening quote keeps the name after it
    words = ["the", "Iranian", "«", "al-Quds", "»", "force"]
    assert _shape(words, ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]) == ["al-Quds"]
    # an office without its holder is no person; a surname like a rank stays a person
    words = ["Chief", "of", "General", "Staff", "Maj.", "and", "John", "Major", "spoke"]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON",
            "I-PERSON", "O"]  # fmt: skip
    assert _shape(words, ents) == ["John Major"]


def test_a_place_named_like_a_month_is_a_misread_date(retyper: Retyper) -> None:
    out = retyper.retype(_mention("May", "GPE"), "May")
    assert out["label"] == DROPPED and "date word" in out["retype_reason"]
    assert retyper.retype(_mention("May", "PERSON"), "May")["label"] == "PERSON"


@pytest.mark.parametrize("name", ["Deir Ezzor", "Homs", "Hama"])
def test_real_place_names_are_not_lists(retyper: Retyper, name: str) -> None:
    out = retyper.retype(_mention(name, "LOC"), name)
    assert out.get("name", name) == name


def test_directions_possessive_owners_and_adjectives_are_not_names() -> None:
    nlp = spacy.blank("en")
    add_domain_components(nlp, [], [])
    words = ["strikes", "on", "Syrias", "Idlib", "province", "and", "Rityan", "north", "by",
             "Russian", "jets"]  # fmt: skip
    ents = ["O", "O", "B-LOC", "I-LOC", "I-LOC", "O", "B-LOC", "I-LOC", "O", "B-LOC", "O"]
    tags = ["NNS", "IN", "NNP", "NNP", "NN", "CC", "NNP", "RB", "IN", "JJ", "NNS"]
    doc = Doc(nlp.vocab, words=words, ents=ents, tags=tags)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Idlib province", "LOC"),
        ("Rityan", "LOC"),
        ("Russian", "NORP"),
    ]
