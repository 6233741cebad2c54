"""An entity's display name is the form most of its mentions write, not the first document's
(issue 26a). Sentences and names written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from resolvedstore import resolved_store
from sitrep.resolve.display import most_written
from sitrep.store import Store, schema

_DOCS = [
    # met first by a rarer spelling, then twice by another
    ("doc_n1", "Kataeb Harun fighters shelled the road.", [("Kataeb Harun", "ORG")]),
    ("doc_n2", "Kataib Harun said the road was closed.", [("Kataib Harun", "ORG")]),
    ("doc_n3", "A commander of Kataib Harun was seen.", [("Kataib Harun", "ORG")]),
    # a person named in full once and by surname twice
    ("doc_n4", "Samir Haddad spoke. Haddad said the road was open. Haddad left.",
     [("Samir Haddad", "PERSON"), ("Haddad", "PERSON"), ("Haddad", "PERSON")]),
]  # fmt: skip


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return resolved_store(tmp_path_factory.mktemp("display") / "d.db", _DOCS)


def _name(store: Store, document: str) -> str:
    men, ents = schema.mentions, schema.entities
    with store.read() as conn:
        query = (
            men.select()
            .with_only_columns(ents.c.name)
            .join(ents, ents.c.id == men.c.entity_id)
            .where(men.c.document_id == document)
        )
        return str(conn.execute(query).scalars().first())


def test_the_most_written_form_names_the_entity(resolved: Store) -> None:
    assert _name(resolved, "doc_n1") == _name(resolved, "doc_n2") == "Kataib Harun"


def test_a_person_keeps_the_fuller_form(resolved: Store) -> None:
    assert _name(resolved, "doc_n4") == "Samir Haddad"


def test_ties_keep_the_current_name_and_acronyms_yield_to_full_names() -> None:
    assert most_written(Counter({"Tell Abyad": 2, "Tal Abyad": 2}), "Tal Abyad", "place") == (
        "Tal Abyad"
    )
    forms = Counter({"KHR": 5, "Kataib Harun": 1})
    assert most_written(forms, "KHR", "org") == "Kataib Harun"
    assert most_written(Counter(), "Kataib Harun", "org") == "Kataib Harun"
