"""Namesakes the gazetteer lacks, in two governorates, stay two places (issue 25a): a name-key
link of one spelling to another needs the reports to agree on where it is. Sentences and names
written for these tests."""

from __future__ import annotations

from pathlib import Path

from resolvedstore import resolved_store
from sitrep.resolve.governorates import NEAR_CHARACTERS, near
from sitrep.store import schema


def test_near_reads_the_governorates_within_reach() -> None:
    located = [(10, "SY:Aleppo"), (10 + NEAR_CHARACTERS + 50, "SY:Homs")]
    assert near(40, located) == {"SY:Aleppo"}
    assert near(10 + NEAR_CHARACTERS, located) == {"SY:Aleppo", "SY:Homs"}


_DOCS = [
    ("doc_g1", "Shells hit al-Qarmoun west of Aleppo.", [("al-Qarmoun", "GPE"), ("Aleppo", "GPE")]),
    ("doc_g2", "Families fled Qarmouna near Aleppo.", [("Qarmouna", "GPE"), ("Aleppo", "GPE")]),
    ("doc_g3", "Jets struck Qarmouna east of Deir ez-Zor.",
     [("Qarmouna", "GPE"), ("Deir ez-Zor", "GPE")]),
    ("doc_g4", "Families fled Qarmouna.", [("Qarmouna", "GPE")]),
]  # fmt: skip


def test_a_spelling_links_only_where_the_reports_place_it(tmp_path: Path) -> None:
    store = resolved_store(tmp_path / "g.db", _DOCS)
    men = schema.mentions
    with store.read() as conn:
        rows = conn.execute(
            men.select()
            .with_only_columns(men.c.document_id, men.c.entity_id)
            .where(men.c.text.in_(["al-Qarmoun", "Qarmouna"]))
        ).all()
    entity = dict(rows)
    assert entity["doc_g2"] == entity["doc_g1"]  # both near Aleppo places: one village
    assert entity["doc_g3"] != entity["doc_g1"]  # near Deir ez-Zor places: a namesake
    # nowhere located, the same spelling is the same entity (a name outside the gazetteer is
    # its id): namesakes spelt alike stay together, a limit of name-keyed ids
    assert entity["doc_g4"] == entity["doc_g3"]
