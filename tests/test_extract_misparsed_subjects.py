"""Subjects the parse hangs in the wrong place: read from hand-built parses of sentences
written for sitrep, so the test holds whatever the shipped model does with them; and what
someone died of, which is no victim (read with the shipped pipeline)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.extract.arguments import subject_slots
from sitrep.extract.events import extract_events
from sitrep.extract.spans import entity_index, phrases_for


def _doc(rows: list[tuple[str, str, int, str]], ents: list[str] | None = None) -> Doc:
    """rows: (word, POS, head index, dep label)."""
    words = [r[0] for r in rows]
    return Doc(
        Vocab(),
        words=words,
        pos=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        ents=ents,
    )


def test_words_between_said_and_its_clause_are_the_clause_subject() -> None:
    # "witnesses said Turkish and Iraqi drones struck the camp": the parse made "Turkish" the
    # object of "said" and "drones" its conjunct, leaving "struck" without a subject
    doc = _doc(
        [
            ("witnesses", "NOUN", 1, "nsubj"),
            ("said", "VERB", 1, "ROOT"),
            ("Turkish", "ADJ", 1, "xcomp"),
            ("and", "CCONJ", 5, "cc"),
            ("Iraqi", "ADJ", 5, "amod"),
            ("drones", "NOUN", 2, "conj"),
            ("struck", "VERB", 1, "ccomp"),
            ("the", "DET", 8, "det"),
            ("camp", "NOUN", 6, "obj"),
        ],
        ents=["O", "O", "B-NORP", "O", "B-NORP", "O", "O", "O", "O"],
    )
    slots = subject_slots(doc[6])
    assert [(s.name, s.head.text) for s in slots] == [("subject", "Turkish"), ("subject", "drones")]


def test_a_passive_clause_takes_the_stray_words_as_who_it_happened_to() -> None:
    # "the ministry said Abu Omar, cousin of the emir, has been killed": "cousin" is an
    # apposition the parse took for a conjunct; it names no second victim
    doc = _doc(
        [
            ("ministry", "NOUN", 1, "nsubj"),
            ("said", "VERB", 1, "ROOT"),
            ("Abu", "PROPN", 1, "obj"),
            ("Omar", "PROPN", 2, "flat"),
            (",", "PUNCT", 5, "punct"),
            ("cousin", "NOUN", 2, "conj"),
            ("has", "AUX", 8, "aux"),
            ("been", "AUX", 8, "aux:pass"),
            ("killed", "VERB", 1, "ccomp"),
        ]
    )
    slots = subject_slots(doc[8])
    assert [(s.name, s.head.text) for s in slots] == [("passive_subject", "Abu")]


def test_a_clause_with_its_own_subject_keeps_it() -> None:
    doc = _doc(
        [
            ("officials", "NOUN", 1, "nsubj"),
            ("said", "VERB", 1, "ROOT"),
            ("reporters", "NOUN", 1, "obj"),
            ("jets", "NOUN", 4, "nsubj"),
            ("bombed", "VERB", 1, "ccomp"),
            ("Idlib", "PROPN", 4, "obj"),
        ]
    )
    assert [s.head.text for s in subject_slots(doc[4])] == ["jets"]


def test_a_person_described_by_a_country_is_the_person() -> None:
    # "Former Canadian navy officer Jane Roe died": the parse made the country the head
    doc = _doc(
        [
            ("Former", "ADJ", 1, "amod"),
            ("Canada", "PROPN", 5, "nsubj"),
            ("navy", "NOUN", 3, "compound"),
            ("Jane", "PROPN", 1, "list"),
            ("Roe", "PROPN", 3, "flat"),
            ("died", "VERB", 5, "ROOT"),
        ],
        ents=["O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O"],
    )
    phrases = phrases_for(doc[1], entity_index(doc))
    assert [p.text for p in phrases] == ["Jane Roe"]


def test_a_country_with_no_person_in_its_phrase_stays_the_country() -> None:
    doc = _doc(
        [("Canada", "PROPN", 1, "nsubj"), ("protested", "VERB", 1, "ROOT")],
        ents=["B-GPE", "O"],
    )
    assert [p.text for p in phrases_for(doc[0], entity_index(doc))] == ["Canada"]


def test_a_person_joined_to_a_place_by_and_is_another_argument() -> None:
    # "in Kafr Nabl and Abu Zaid": the tagger took the second town for a person
    doc = _doc(
        [
            ("Kafrnabl", "PROPN", 0, "ROOT"),
            ("and", "CCONJ", 2, "cc"),
            ("Zaid", "PROPN", 0, "conj"),
        ],
        ents=["B-GPE", "O", "B-PERSON"],
    )
    assert [p.text for p in phrases_for(doc[0], entity_index(doc))] == ["Kafrnabl"]


def test_a_past_form_modifying_a_noun_is_passive() -> None:
    # "about 80 fighters killed": the tagger wrote "killed" as a finite past, yet a noun's
    # modifier is a participle, so the fighters are who was killed
    doc = _doc(
        [
            ("about", "ADP", 2, "case"),
            ("80", "NUM", 2, "nummod"),
            ("fighters", "NOUN", 2, "ROOT"),
            ("killed", "VERB", 2, "acl"),
        ]
    )
    doc[3].tag_ = "VBD"
    assert [(s.name, s.head.text) for s in subject_slots(doc[3])] == [
        ("passive_subject", "fighters")
    ]


def test_what_someone_died_of_is_no_victim(domain_nlp: Language) -> None:
    text = "The former envoy Omar Haddad died of Parkinson's disease on Sunday."
    events = extract_events("d", domain_nlp(text), "2019-01-22", None, None).events
    victims = [p.text for e in events if e.type == "DIE" for p in e.participants]
    assert "Omar Haddad" in victims and not any("Parkinson" in v for v in victims), victims


def test_a_speaker_is_not_the_subject_of_a_clause_hung_as_its_xcomp() -> None:
    # "a monitor said air raids killed civilians", parsed with "raids" as a complement of
    # "said" and "killed" as its xcomp: "said" controls no subject, the raids did the killing
    doc = _doc(
        [
            ("monitor", "NOUN", 1, "nsubj"),
            ("said", "VERB", 1, "ROOT"),
            ("air", "NOUN", 3, "compound"),
            ("raids", "NOUN", 1, "ccomp"),
            ("killed", "VERB", 1, "xcomp"),
            ("civilians", "NOUN", 4, "obj"),
        ]
    )
    slots = subject_slots(doc[4])
    assert [(s.name, s.head.text) for s in slots] == [("subject", "raids")]
    # A verb that does control its xcomp's subject still lends it ("rebels tried to storm").
    tried = _doc(
        [
            ("rebels", "NOUN", 1, "nsubj"),
            ("tried", "VERB", 1, "ROOT"),
            ("to", "PART", 3, "mark"),
            ("storm", "VERB", 1, "xcomp"),
            ("base", "NOUN", 3, "obj"),
        ]
    )
    assert [(s.name, s.head.text) for s in subject_slots(tried[3])] == [("subject", "rebels")]
