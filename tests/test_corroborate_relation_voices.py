"""One voice is one origin for relations too (issue 28e): a relation told by a body in one
report and by the person speaking for it in another, or by the body under its customary short
form ("the Observatory", `pack` short form of `sohr`), is told once (`corroborate/relations.py`
reads its claims' sources through `views.VoiceMarks`, as events do; `relation_aggregate` pools
them with `origins.one_voice`). Fixtures are our own sentences, each written to a temporary
store through the whole pipeline; the relation's status is read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from outletreports import ingest_reports
from sitrep.resolve.ids import pack_entity_id
from sitrep.store import Store
from sitrep.store import schema as s

FILLER = "Residents said the roads had been quiet before the visit. Schools were closed."
BODY = (
    "Ahram Daily",
    "The commander of the Radwan Force, Ibrahim Aqil, inspected positions near Saraqib on "
    "Monday, the Syrian Observatory for Human Rights said.",
)
ITS_DIRECTOR = (
    "Gulf Wire",
    "Observatory director Rami Abdel Rahman said that Ibrahim Aqil, the commander of the Radwan "
    "Force, toured the front north of Hama at the weekend. The Syrian Observatory for Human "
    "Rights relies on a network of sources on the ground.",
)
SHORT_FORM = (
    "Levant Post",
    "Ibrahim Aqil, the commander of the Radwan Force, met local officers in Aleppo last week, "
    "the Observatory said.",
)
RESCUERS = (
    "Levant Post",
    "Ibrahim Aqil, the commander of the Radwan Force, met local officers in Aleppo last week, "
    "the White Helmets rescue group said.",
)


def _ingest(tmp_path: Path, reports: list[tuple[str, str]]) -> Store:
    return ingest_reports(tmp_path, reports, FILLER, "from the north", "relation-voices")


def _commands(store: Store) -> tuple[str, str, int]:
    """(status, reason, origins) of the one relation whose object is the Radwan Force."""
    r, e = s.relations.c, s.entities.c
    with store.read() as conn:
        found = conn.execute(
            select(r.status, r.status_reason, r.n_origins)
            .join(s.entities, e.id == r.object_entity_id)
            .where(r.type == "commands", e.name.like("%Radwan%"))
        ).all()
    assert len(found) == 1, found
    return found[0].status, found[0].status_reason, found[0].n_origins


@pytest.mark.slow
def test_a_relation_told_by_a_body_and_its_director_is_one_origin(tmp_path: Path) -> None:
    status, reason, origins = _commands(_ingest(tmp_path, [BODY, ITS_DIRECTOR]))
    assert (status, origins) == ("single-source", 1), reason
    assert "Syrian Observatory for Human Rights" in reason and "2 reports collapse" in reason


@pytest.mark.slow
def test_the_observatory_alone_is_the_packs_body(tmp_path: Path) -> None:
    store = _ingest(tmp_path, [BODY, SHORT_FORM])
    m = s.mentions.c
    with store.read() as conn:
        short = conn.execute(select(m.entity_id).where(m.text == "Observatory")).scalars().all()
    assert short and set(short) == {pack_entity_id("sohr")}
    status, reason, origins = _commands(store)
    assert (status, origins) == ("single-source", 1), reason


@pytest.mark.slow
def test_two_bodies_still_corroborate_a_relation(tmp_path: Path) -> None:
    """The guard against pooling too much: the Observatory and the rescuers are two voices."""
    status, reason, origins = _commands(_ingest(tmp_path, [BODY, RESCUERS]))
    assert (status, origins) == ("corroborated", 2), reason
