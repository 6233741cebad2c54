"""Entity names without the function words an NER span ran into ("Kremlin nor" -> Kremlin), and
places known to country precision with an approximate centroid, through the real resolution."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sitrep.records import Annotation, CleanDocument, DocResult, FoundDate, Mention, Sentence
from sitrep.resolve import list_entities, run_resolution
from sitrep.resolve.trim import trim_function_words
from sitrep.store import Store, schema
from sitrep.store.writer import write_batch

# Our own sentences; each mention is (surface as the model cut it, label).
TEXT = (
    "Neither the Kremlin nor Tehran commented on the report. "
    "Qassem Soleimani was seen near Aleppo, and aides said Soleimani of the Quds Force had left. "
    "Washington accused the IRGC of directing the attacks. "
    "The strike hit the T4 base near Tiyas, east of Homs, and Syria protested. "
    "The Ministry of Foreign Affairs of Iran denied it."
)
MENTIONS = [
    ("Kremlin nor", "LOC"),
    ("Qassem Soleimani", "PERSON"),
    ("Aleppo", "GPE"),
    ("Soleimani of", "PERSON"),
    ("IRGC of directing", "ORG"),
    ("Tiyas, east", "LOC"),
    ("Syria", "GPE"),
    ("Ministry of Foreign Affairs of Iran", "ORG"),
]


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Kremlin nor", "Kremlin"), ("Soleimani of", "Soleimani"), ("the Kremlin", "Kremlin"),
        ("IRGC of directing", "IRGC"), ("US Treasury on", "US Treasury"), ("Tiyas, east", "Tiyas"),
        ("Damascus and", "Damascus"),
        # kept: particles inside capitalised names, content words, a name of function words only
        ("Ministry of Foreign Affairs of Iran", "Ministry of Foreign Affairs of Iran"),
        ("Abu Mahdi al-Muhandis", "Abu Mahdi al-Muhandis"), ("Osama bin Laden", "Osama bin Laden"),
        ("Russian side", "Russian side"), ("Homs, Syria", "Homs, Syria"), ("of", "of"),
    ],
)  # fmt: skip
def test_trim_function_words(raw: str, name: str) -> None:
    assert trim_function_words(raw) == name


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(str(tmp_path_factory.mktemp("trim") / "trim.db"))
    mentions, cursor = [], 0
    for surface, label in MENTIONS:
        start = TEXT.index(surface, cursor)
        cursor = start + len(surface)
        mentions.append(Mention(start, cursor, surface, label, 0, None, "model", None))
    annotation = Annotation("doc_trim", (Sentence(0, 0, len(TEXT), TEXT),), tuple(mentions), "t")
    clean = CleanDocument(
        "doc_trim", "fixture:doc_trim", "text", TEXT, title="trim",
        published=FoundDate("2020-01-01", "dateline"),
    )  # fmt: skip
    run_id = store.start_run("test", {})
    with store.transaction() as conn:
        write_batch(conn, [DocResult(clean, annotation)], run_id, {})
    run_resolution(store)
    return store


def _entity_of(store: Store) -> dict[str, str]:
    M = schema.mentions
    with store.read() as conn:
        return {text: eid for text, eid in conn.execute(select(M.c.text, M.c.entity_id))}


def test_overlong_spans_resolve_to_the_pack_actor(store: Store) -> None:
    entity_of = _entity_of(store)
    assert entity_of["Kremlin nor"] == "pk_kremlin"
    assert entity_of["Soleimani of"] == entity_of["Qassem Soleimani"] == "pk_qassem-soleimani"
    assert entity_of["IRGC of directing"] == "pk_irgc"
    assert entity_of["Ministry of Foreign Affairs of Iran"] == "pk_iran-foreign-ministry"


def test_no_entity_name_starts_or_ends_with_a_function_word(store: Store) -> None:
    names = {e["name"] for e in list_entities(store)}
    assert "Tiyas" in names
    for name in names:
        words = name.replace(",", " ").split()
        assert words[0] not in {"the", "of", "nor", "and"}, name
        assert words[-1] not in {"of", "nor", "on", "and", "east", "directing"}, name


def test_a_country_gets_an_approximate_centroid(store: Store) -> None:
    E = schema.entities
    entity_of = _entity_of(store)
    with store.read() as conn:
        syria = conn.execute(select(E).where(E.c.id == entity_of["Syria"])).mappings().one()
    assert syria["precision"] == "country" and syria["country"] == "SY"
    assert 32 <= syria["lat"] <= 37.5 and 35.5 <= syria["lon"] <= 42.5
