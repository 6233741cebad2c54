"""One place, one entity across transliterations (issue 24a): spellings of one Arabic place
name join where the reports agree on where it is. Sentences and most names written for these
tests."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from resolvedstore import resolved_store
from sitrep.resolve.spellings import (
    _join_into,
    _Place,
    _Whereabouts,
    close_spellings,
    transliteration_key,
)
from sitrep.store import Store, schema


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kfar Dubbin", "Kafr Dubbin"),  # a short vowel before or after a consonant
        ("Jubrin", "Jobrin"),
        ("al-Qarmoun", "Qarmon"),  # the article, ou/o
        ("Tell Sharaf village", "Tell Sharaf"),  # a settlement noun ending the name
        ("Mazraat Hilweh", "Mazraat Hilwa"),  # -eh / -a
        ("Qasabiyeh", "Kasabiyeh"),  # q / k
    ],
)
def test_spellings_of_one_name_share_a_key(a: str, b: str) -> None:
    assert transliteration_key(a) == transliteration_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zabrud", "Zabrudiyeh"),  # a name ending in a vowel is another
        ("Kafr Dubbin Governorate", "Kafr Dubbin"),  # a region is not its town
        ("Harbal", "Hurba"),
    ],
)
def test_other_names_keep_other_keys(a: str, b: str) -> None:
    assert transliteration_key(a) != transliteration_key(b)


def test_close_spellings_need_the_same_direction_and_a_near_spelling() -> None:
    assert close_spellings("Kfar Dubbin", "Kafr Dubbin")
    assert not close_spellings("Western Qarmoun", "Eastern Qarmoun")
    assert close_spellings("Jubrin", "Jobrin")
    assert not close_spellings("Jubrin", "Jobrin", floor=85)


_DOCS = [
    # two spellings, each near an Aleppo place: one village
    ("doc_s1", "Shells hit Kfar Dubbin west of Aleppo.",
     [("Kfar Dubbin", "GPE"), ("Aleppo", "GPE")]),
    ("doc_s2", "Families fled Kafr Dubbin near Aleppo.",
     [("Kafr Dubbin", "GPE"), ("Aleppo", "GPE")]),
    ("doc_s3", "Rebels held Kafr Dubbin in the Aleppo countryside.",
     [("Kafr Dubbin", "GPE"), ("Aleppo", "GPE")]),
    # one spelling near a Hama place, the other near a Deir ez-Zor one: namesakes, kept apart
    ("doc_s4", "Jets struck Tell Sharaf north of Hama.", [("Tell Sharaf", "GPE"), ("Hama", "GPE")]),
    ("doc_s5", "Jets struck Tall Sharaf east of Deir ez-Zor.",
     [("Tall Sharaf", "GPE"), ("Deir ez-Zor", "GPE")]),
    # a settlement noun added to the name, nowhere located: the same name, so joined
    ("doc_s6", "Troops entered Bir Qasabin village.", [("Bir Qasabin village", "GPE")]),
    ("doc_s7", "Troops left Bir Qasabin.", [("Bir Qasabin", "GPE")]),
    # nowhere located and not close enough to tell: kept apart
    ("doc_s8", "A mortar fell on Btabo.", [("Btabo", "GPE")]),
    ("doc_s9", "A mortar fell on Bataboo.", [("Bataboo", "GPE")]),
]  # fmt: skip


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return resolved_store(tmp_path_factory.mktemp("spellings") / "s.db", _DOCS)


def _entity_of(store: Store, text: str) -> str:
    men = schema.mentions
    with store.read() as conn:
        query = men.select().with_only_columns(men.c.entity_id).where(men.c.text == text)
        return str(conn.execute(query).scalars().first())


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Kfar Dubbin", "Kafr Dubbin", True),
        ("Tell Sharaf", "Tall Sharaf", False),
        ("Bir Qasabin village", "Bir Qasabin", True),
        ("Btabo", "Bataboo", False),
    ],
)
def test_spellings_join_where_the_reports_agree(
    resolved: Store, a: str, b: str, same: bool
) -> None:
    assert (_entity_of(resolved, a) == _entity_of(resolved, b)) is same


def test_a_join_says_why_and_is_logged(resolved: Store) -> None:
    men, judgements = schema.mentions, schema.judgements
    with resolved.read() as conn:
        why = conn.execute(
            men.select().with_only_columns(men.c.resolution).where(men.c.text == "Kfar Dubbin")
        ).scalar_one()
        logged = conn.execute(
            judgements.select().where(judgements.c.actor == "resolve.spellings")
        ).all()
    assert "one place across spellings: 'Kfar Dubbin' ~ 'Kafr Dubbin'" in str(why)
    assert len(logged) == 2  # Kfar Dubbin, Bir Qasabin village


def test_a_part_of_a_city_joins_no_gazetteer_city(tmp_path: Path) -> None:
    docs = [
        ("doc_c1", "Shells hit the Homs neighborhood in Syria.",
         [("Homs neighborhood", "LOC"), ("Syria", "GPE")]),
        ("doc_c2", "Aid reached Homs in Syria.", [("Homs", "GPE"), ("Syria", "GPE")]),
    ]  # fmt: skip
    store = resolved_store(tmp_path / "c.db", docs)
    assert _entity_of(store, "Homs neighborhood") != _entity_of(store, "Homs")


def test_a_place_abroad_stands_aside_and_two_theatre_places_stop_a_join() -> None:
    from sitrep.resolve.spellings import _Place, _target

    theatre = frozenset({"SY"})
    abroad = _Place("gn_1", "Zahrun", "LY", 9)
    a, b = _Place("pl_a", "al-Zahrun", None, 5), _Place("pl_b", "Zahroun", None, 2)
    assert _target([abroad, a, b], theatre) is a  # the unlinked spellings join each other
    assert _target([abroad, a], theatre) is None  # one spelling alone joins nothing abroad
    home = _Place("gn_2", "Zahrun", "SY", 1)
    assert _target([home, a, b], theatre) is home
    assert _target([home, _Place("gn_3", "Zahrun", "SY", 1), a], theatre) is None


def _whereabouts() -> tuple[_Whereabouts, _Place, list[_Place]]:
    """Four spellings of a name the gazetteer places in Aleppo: two reported near Quneitra
    places, one near Aleppo ones, one near none."""
    where = _Whereabouts(
        countries=defaultdict(set, {"d1": {"SY"}, "d2": {"SY"}, "d3": {"SY"}, "d4": {"SY"}}),
        governorates=defaultdict(set, {
            "pl_a": {"SY:Quneitra"}, "pl_b": {"SY:Quneitra", "SY:Daraa"}, "pl_c": {"SY:Aleppo"},
        }),
    )  # fmt: skip
    target = _Place("gn_1", "Tell Rumman", "SY", 4, "Aleppo")
    places = [
        _Place("pl_a", "Tal Rumman", None, 3, documents={"d1"}),
        _Place("pl_b", "Tal Rumman village", None, 1, documents={"d2"}),
        _Place("pl_c", "Tel Rumman", None, 2, documents={"d3"}),
        _Place("pl_d", "Tall Rumman", None, 1, documents={"d4"}),
    ]
    return where, target, places


def test_a_namesake_in_another_governorate_joins_no_gazetteer_place() -> None:
    """Issue 25a: spellings whose reports name places of another governorate near them are a
    namesake of the gazetteer's place; where nothing near says, the country decides as before."""
    where, target, places = _whereabouts()
    assert [where.agree(p, target) for p in places] == [False, False, True, True]


def test_the_namesakes_spellings_still_join_each_other() -> None:
    where, target, places = _whereabouts()
    merges: list[tuple[_Place, _Place, str]] = []
    elsewhere = _join_into(target, places, where, merges)
    assert [p.id for p in elsewhere] == ["pl_a", "pl_b"]
    assert sorted(p.id for p, _, _ in merges) == ["pl_c", "pl_d"]
    _join_into(elsewhere[0], elsewhere[1:], where, merges)
    assert (merges[-1][0].id, merges[-1][1].id) == ("pl_b", "pl_a")
