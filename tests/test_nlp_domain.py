"""Title and alias components on hand-built Docs (no trained model needed)."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.nlp.annotate import to_annotation
from sitrep.nlp.domain import AliasPattern, add_domain_components

TITLES = [
    "Maj. Gen.", "Maj.", "Brigadier General", "Lt. General", "Gen.", "Ayatollah", "Supreme Leader",
    "Chief of General Staff", "President", "Commander",
]  # fmt: skip
ALIASES = [
    AliasPattern("Quds Force", "ORG", "quds-force"),
    AliasPattern("Hezbollah", "ORG", "hezbollah"),
    AliasPattern("IRGC", "ORG", "irgc"),
    AliasPattern("T-90", "VEHICLE", "t-90"),
]


def _nlp() -> Language:
    nlp = spacy.blank("en")
    add_domain_components(nlp, TITLES, ALIASES)
    return nlp


def _run(nlp: Language, words: list[str], ents: list[str]) -> Doc:
    doc = Doc(nlp.vocab, words=words, ents=ents)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _ents(doc: Doc) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.text, e.label_, e._.title, e.id_ or None) for e in doc.ents]


def test_title_before_person_is_attached_and_name_stays_bare() -> None:
    words = ["Maj.", "Gen.", "Qassem", "Soleimani", "arrived", "."]
    doc = _run(_nlp(), words, ["O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert _ents(doc) == [("Qassem Soleimani", "PERSON", "Maj. Gen.", None)]


def test_swallowed_title_is_split_off() -> None:
    words = ["Supreme", "Leader", "Ali", "Khamenei", "spoke"]
    doc = _run(_nlp(), words, ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert _ents(doc) == [("Ali Khamenei", "PERSON", "Supreme Leader", None)]
    annotation = to_annotation("d1", doc, "test")
    (mention,) = annotation.mentions
    assert (mention.start, mention.end, mention.title) == (15, 27, "Supreme Leader")
    assert mention.source == "model"


def test_chained_titles_and_multiword_title() -> None:
    words = ["Chief", "of", "General", "Staff", "Mohammad", "Baqeri", "and", "Ayatollah", "Ali"]
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON"]
    doc = _run(_nlp(), words, ents)
    assert [e._.title for e in doc.ents] == ["Chief of General Staff", "Ayatollah"]


def test_title_is_not_attached_to_other_labels_or_across_words() -> None:
    words = ["President", "said", "Damascus", "is", "calm"]
    doc = _run(_nlp(), words, ["O", "O", "B-LOC", "O", "O"])
    assert _ents(doc) == [("Damascus", "LOC", None, None)]


def test_missed_name_after_title_becomes_person_from_title_rule() -> None:
    words = ["Brigadier", "General", "Esmail", "Ghaani", "left", "."]
    doc = _run(_nlp(), words, ["O"] * 6)
    assert _ents(doc) == [("Esmail Ghaani", "PERSON", "Brigadier General", None)]
    assert to_annotation("d", doc, "t").mentions[0].source == "title-rule"


def test_alias_overrides_a_wrong_label_and_carries_the_pack_id() -> None:
    words = ["the", "Quds", "Force", "moved", "T-90", "tanks"]
    doc = _run(_nlp(), words, ["O", "B-PERSON", "I-PERSON", "O", "O", "O"])
    assert _ents(doc) == [
        ("Quds Force", "ORG", None, "quds-force"),
        ("T-90", "VEHICLE", None, "t-90"),
    ]
    sources = [m.source for m in to_annotation("d", doc, "t").mentions]
    assert sources == ["alias", "alias"]


def test_an_alias_with_al_before_a_sun_letter_matches_the_article_as_said() -> None:
    # "al-Nusra" is said and often written "an-Nusra", "al-Sham" "ash-Sham"; "al-Assad"
    # (a moon letter) keeps its "al"
    nlp = spacy.blank("en")
    aliases = [
        AliasPattern("Jabhat al-Nusra", "ORG", "nusra"),
        AliasPattern("Hayat Tahrir al-Sham", "ORG", "hts"),
        AliasPattern("Bashar al-Assad", "PERSON", "assad"),
    ]
    add_domain_components(nlp, TITLES, aliases)
    words = ["Jabhat", "an", "-", "Nusra", "and", "Hayat", "Tahrir", "ash", "-", "Sham", "met"]
    doc = _run(nlp, words, ["O"] * len(words))
    assert [(e.start, e.end, e.label_, e.id_) for e in doc.ents] == [
        (0, 4, "ORG", "nusra"),
        (5, 10, "ORG", "hts"),
    ]
    words = ["Bashar", "an", "-", "Assad", "spoke"]
    assert list(_run(nlp, words, ["O"] * len(words)).ents) == []


def test_alias_inside_a_longer_entity_leaves_it_alone() -> None:
    words = ["Kata'ib", "Hezbollah", "and", "Hezbollah", "fought"]
    doc = _run(_nlp(), words, ["B-ORG", "I-ORG", "O", "O", "O"])
    assert _ents(doc) == [
        ("Kata'ib Hezbollah", "ORG", None, None),
        ("Hezbollah", "ORG", None, "hezbollah"),
    ]


def test_alias_agreeing_with_the_model_stays_a_model_mention() -> None:
    doc = _run(_nlp(), ["IRGC", "said", "is", "irgc"], ["B-ORG", "O", "O", "O"])
    # acronyms match case-sensitively: "irgc" and "is" are not names
    assert _ents(doc) == [("IRGC", "ORG", None, "irgc")]
    assert to_annotation("d", doc, "t").mentions[0].source == "model"


def test_components_are_replaced_not_duplicated() -> None:
    nlp = _nlp()
    add_domain_components(nlp, ["Gen."], [])
    assert nlp.pipe_names == [
        "sitrep_names", "sitrep_aliases", "sitrep_titles", "sitrep_types", "sitrep_toponyms"
    ]  # fmt: skip


def test_title_swallowed_into_another_label_yields_the_person() -> None:
    words = ["Syrian", "President", "Bashar", "Assad", "spoke"]
    doc = _run(_nlp(), words, ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"])
    assert _ents(doc) == [("Bashar Assad", "PERSON", "President", None)]
    assert to_annotation("d", doc, "t").mentions[0].source == "title-rule"


def test_entity_running_into_a_title_is_cut_for_the_missed_person() -> None:
    words = ["the", "Armed", "Forces", "Maj.", "Gen.", "Mohammad", "Baqeri", "came"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"]
    doc = _run(_nlp(), words, ents)
    assert _ents(doc) == [
        ("Armed Forces", "ORG", None, None),
        ("Mohammad Baqeri", "PERSON", "Maj. Gen.", None),
    ]


def test_particle_names_split_by_the_tokenizer_are_joined() -> None:
    words = ["Bashar", "al", "-", "Assad", "and", "Abu", "Bakr", "al", "-", "Baghdadi"]
    spaces = [True, False, False, True, True, True, True, False, False, False]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    nlp = _nlp()
    doc = Doc(nlp.vocab, words=words, spaces=spaces, ents=ents)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [e.text for e in doc.ents] == ["Bashar al-Assad", "Abu Bakr al-Baghdadi"]


def test_person_cut_short_after_a_title_is_completed() -> None:
    words = ["Gen.", "Mohammad", "Hossein", "Baqeri", "came"]
    doc = _run(_nlp(), words, ["O", "B-PERSON", "O", "O", "O"])
    assert _ents(doc) == [("Mohammad Hossein Baqeri", "PERSON", "Gen.", None)]


def test_title_only_entity_is_dropped_and_the_chain_attached() -> None:
    words = ["Maj.", "Gen.", "Qassem", "Soleimani", "left"]
    doc = _run(_nlp(), words, ["B-PERSON", "O", "B-PERSON", "I-PERSON", "O"])
    assert _ents(doc) == [("Qassem Soleimani", "PERSON", "Maj. Gen.", None)]


def test_titles_on_both_sides_of_the_entity_start_are_joined() -> None:
    words = ["Maj.", "Gen.", "Qassem", "Soleimani", "left"]
    doc = _run(_nlp(), words, ["O", "B-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert _ents(doc) == [("Qassem Soleimani", "PERSON", "Maj. Gen.", None)]


def test_a_name_run_into_a_date_loses_the_date() -> None:
    words = ["Iraqi", "Armed", "Forces", "Gen.", "Othman", "Ghanimi", "March", "18", "said", "so"]
    doc = _run(
        _nlp(),
        words,
        ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"],
    )
    assert ("Othman Ghanimi", "PERSON", "Gen.", None) in _ents(doc)
    assert not any("March" in text for text, *_ in _ents(doc))


def test_a_surname_like_a_month_word_stays() -> None:
    doc = _run(_nlp(), ["Theresa", "May", "spoke"], ["B-PERSON", "I-PERSON", "O"])
    assert _ents(doc) == [("Theresa May", "PERSON", None, None)]


def test_known_place_names_are_matched_case_sensitively_and_fix_a_wrong_label() -> None:
    nlp = spacy.blank("en")
    places = [AliasPattern("Homs", "GPE", ""), AliasPattern("Idlib", "GPE", "")]
    add_domain_components(nlp, TITLES, [*ALIASES, *places])
    words = ["Fighting", "in", "Homs", "and", "Idlib", ";", "homs", "lower"]
    doc = _run(nlp, words, ["O", "O", "O", "O", "B-PERSON", "O", "O", "O"])
    assert _ents(doc) == [("Homs", "GPE", None, None), ("Idlib", "GPE", None, None)]
    kept = _run(nlp, ["in", "Homs"], ["O", "B-LOC"])
    assert _ents(kept) == [("Homs", "LOC", None, None)]  # the model's place label stays
