"""A name right before a kind of building names that building, not the body, person or place
it was named after (issue 25a). Sentences and names written for these tests."""

from __future__ import annotations

import pytest

from resolvedstore import resolved_store
from sitrep.resolve.cluster import building_after
from sitrep.store import Store, schema


@pytest.mark.parametrize(
    ("text", "name", "noun"),
    [
        ("Nine wounded reached Al-Quds hospital on Monday.", "Al-Quds", "hospital"),
        ("Shells hit the Omar Saleh school in the village.", "Omar Saleh", "school"),
        ("Quds fighters entered the town.", "Quds", ""),  # the group's own people
        ("She works at Al-Quds Hospital.", "Al-Quds", "hospital"),  # left out of the mention
        ("Quds schooling was praised.", "Quds", ""),  # a whole word only
        ("Rockets hit Al-Quds, a hospital said.", "Al-Quds", ""),  # not right after it
    ],
)
def test_a_building_noun_right_after_a_name_is_read(text: str, name: str, noun: str) -> None:
    assert building_after(text, text.index(name) + len(name)) == noun


_DOCS = [
    ("doc_b1", "Nine wounded men reached Al-Quds hospital in Hama on Monday.",
     [("Al-Quds", "ORG"), ("Hama", "GPE")]),
    ("doc_b2", "Officers of Al-Quds flew to Tehran on Monday.", [("Al-Quds", "ORG")]),
    # initials of a pack group's acronym (HTS), before a building noun
    ("doc_b3", "Shells hit the Hadi Tal Sakr school in the village.", [("Hadi Tal Sakr", "ORG")]),
    ("doc_b4", "Hadi Tal Sakr fighters entered the village.", [("Hadi Tal Sakr", "ORG")]),
]  # fmt: skip


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return resolved_store(tmp_path_factory.mktemp("buildings") / "b.db", _DOCS)


def _entities(store: Store, document: str) -> list[tuple[str, str, str]]:
    men, ents = schema.mentions, schema.entities
    with store.read() as conn:
        query = (
            men.select()
            .with_only_columns(men.c.text, ents.c.id, ents.c.name)
            .join(ents, ents.c.id == men.c.entity_id)
            .where(men.c.document_id == document)
            .order_by(men.c.start)
        )
        return [(str(t), str(i), str(n)) for t, i, n in conn.execute(query)]


def test_a_hospital_named_after_a_body_is_the_hospital(resolved: Store) -> None:
    text, entity, name = _entities(resolved, "doc_b1")[0]
    assert text == "Al-Quds"
    assert not entity.startswith("pk_") and name == "Al-Quds hospital"


def test_the_name_alone_still_names_the_body(resolved: Store) -> None:
    assert _entities(resolved, "doc_b2")[0][1] == "pk_quds-force"


def test_a_building_takes_no_pack_actor_by_its_initials(resolved: Store) -> None:
    assert _entities(resolved, "doc_b3")[0][2] == "Hadi Tal Sakr school"
    assert _entities(resolved, "doc_b4")[0][1] == "pk_hayat-tahrir-al-sham"  # the control
