"""One voice is one origin (issue 12): a body and a person who speaks for it, and one body by
two of its names, never corroborate each other (`corroborate/origins.py` `aliases`,
`corroborate/views.py` `_Voices`). Fixtures are our own sentences, each written to a temporary
store through the whole pipeline; the event's status is read back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from outletreports import ingest_reports
from sitrep.corroborate.origins import ClaimView, event_status, origin
from sitrep.store import Store
from sitrep.store import schema as s


def _ingest(tmp_path: Path, reports: list[tuple[str, str]]) -> Store:
    return ingest_reports(tmp_path, reports, FILLER, "from Idlib", "one-voice")


def _joined(store: Store) -> list[tuple[str, str]]:
    """(status, reason) of each event told by more than one report."""
    e, m = s.events.c, s.event_mentions.c
    with store.read() as conn:
        docs: dict[str, set[str]] = {}
        for row in conn.execute(select(m.event_id, m.document_id).where(m.event_id.is_not(None))):
            docs.setdefault(row.event_id, set()).add(row.document_id)
        joined = sorted(k for k, found in docs.items() if len(found) > 1)
        return [
            (r.status, r.status_reason)
            for r in conn.execute(select(e.status, e.status_reason).where(e.id.in_(joined)))
        ]


# a second paragraph, so that no report is its headline alone
FILLER = "Residents said the market had been crowded before the strike. Schools were closed."
OBSERVATORY = (
    "Ahram Daily",
    "An air strike killed 14 civilians in the town of Saraqib in Idlib province on Tuesday, "
    "the Syrian Observatory for Human Rights said.",
)
ITS_DIRECTOR = (
    "Gulf Wire",
    "Observatory director Rami Abdel Rahman said an air strike killed 14 civilians in Saraqib "
    "in Idlib province on Tuesday. The Syrian Observatory for Human Rights relies on a network "
    "of sources on the ground.",
)
RESCUERS = (
    "Levant Post",
    "An air strike killed 14 civilians in Saraqib in Idlib province on Tuesday, the White "
    "Helmets rescue group said.",
)


@pytest.mark.slow
def test_a_body_and_its_director_are_one_origin(tmp_path: Path) -> None:
    store = _ingest(tmp_path, [OBSERVATORY, ITS_DIRECTOR])
    ((status, reason),) = _joined(store)
    assert status == "single-source", reason
    assert "Syrian Observatory for Human Rights (its director Rami Abdel Rahman" in reason


@pytest.mark.slow
def test_a_third_voice_still_corroborates(tmp_path: Path) -> None:
    store = _ingest(tmp_path, [OBSERVATORY, ITS_DIRECTOR, RESCUERS])
    ((status, reason),) = _joined(store)
    assert status == "corroborated", reason
    assert reason.startswith("2 independent origins"), reason


@pytest.mark.slow
def test_one_agency_by_two_of_its_names_is_one_origin(tmp_path: Path) -> None:
    store = _ingest(
        tmp_path,
        [
            (
                "Ahram Daily",
                "SANA said a car bomb killed 9 people in the city of Jableh on Tuesday.",
            ),
            (
                "Gulf Wire",
                "The Syrian Arab News Agency said a car bomb killed 9 people in Jableh on Tuesday.",
            ),
        ],
    )
    ((status, reason),) = _joined(store)
    assert status == "single-source", reason


@pytest.mark.slow
def test_two_bodies_of_one_state_stay_two_origins(tmp_path: Path) -> None:
    """The state agency and the army are separate voices (a separate policy would pool them)."""
    store = _ingest(
        tmp_path,
        [
            (
                "Ahram Daily",
                "SANA said a car bomb killed 9 people in the city of Jableh on Tuesday.",
            ),
            ("Gulf Wire", "The Syrian army said a car bomb killed 9 people in Jableh on Tuesday."),
        ],
    )
    ((status, reason),) = _joined(store)
    assert status == "corroborated", reason


@pytest.mark.slow
def test_a_monitor_the_report_names_later_is_that_body(tmp_path: Path) -> None:
    store = _ingest(
        tmp_path,
        [
            OBSERVATORY,
            (
                "Gulf Wire",
                "An air strike killed 14 civilians in Saraqib in Idlib province on Tuesday, a "
                "monitoring group said. The Syrian Observatory for Human Rights said three "
                "children were among the dead.",
            ),
        ],
    )
    ((status, reason),) = _joined(store)
    assert status == "single-source", reason


@pytest.mark.slow
def test_a_monitor_is_the_body_whatever_relays_it_and_however_short_its_name(
    tmp_path: Path,
) -> None:
    """The report cites the Observatory through AFP and by a short form: one body still."""
    store = _ingest(
        tmp_path,
        [
            OBSERVATORY,
            (
                "Gulf Wire",
                "An air strike killed 14 civilians in Saraqib in Idlib province on Tuesday, a "
                "monitoring group said. The Syrian Observatory for Human Rights told AFP that "
                "the strike killed 14 civilians. The Observatory said 20 people were wounded in "
                "the strike.",
            ),
        ],
    )
    ((status, reason),) = _joined(store)
    assert status == "single-source", reason


@pytest.mark.slow
def test_a_person_described_stays_a_voice_of_their_own(tmp_path: Path) -> None:
    """ "A senior opposition official" is no description of the Observatory the report names."""
    store = _ingest(
        tmp_path,
        [
            OBSERVATORY,
            (
                "Gulf Wire",
                "An air strike killed 14 civilians in Saraqib in Idlib province on Tuesday, a "
                "senior opposition official said. The Syrian Observatory for Human Rights said "
                "three children were among the dead.",
            ),
        ],
    )
    ((status, reason),) = _joined(store)
    assert status == "corroborated", reason


@pytest.mark.slow
def test_the_kremlin_and_its_press_secretary_are_one_origin(tmp_path: Path) -> None:
    """Through the pack's position (Dmitry Peskov, press secretary, the Kremlin)."""
    store = _ingest(
        tmp_path,
        [
            (
                "Ahram Daily",
                "The Kremlin said Russian jets struck 12 militant targets near Palmyra on Tuesday.",
            ),
            (
                "Gulf Wire",
                "Dmitry Peskov said Russian jets struck 12 militant targets near Palmyra on "
                "Tuesday.",
            ),
        ],
    )
    ((status, reason),) = _joined(store)
    assert status == "single-source", reason
    assert "Kremlin (its press secretary of the president Dmitry Peskov" in reason


def _claim(doc: str, link: dict[str, object]) -> ClaimView:
    return ClaimView(
        "c-" + doc, doc, doc, "Outlet " + doc, ({"kind": "person", **link},), "reports"
    )


def test_a_person_who_speaks_for_a_body_is_named_with_it() -> None:
    body = {"entity": "pk_sohr", "name": "Syrian Observatory for Human Rights", "title": "head"}
    told = origin(_claim("d1", {"name": "Rami Abdel Rahman", "speaks_for": body}))
    assert told.key == "source:syrian observatory for human rights"
    assert (
        told.label
        == "Syrian Observatory for Human Rights (its head Rami Abdel Rahman, via Outlet d1)"
    )


def test_origins_that_share_an_entity_are_pooled_into_one() -> None:
    first = _claim("d1", {"name": "the Observatory", "aka": ["entity:pk_sohr"]})
    second = _claim("d2", {"name": "SOHR", "aka": ["entity:pk_sohr"]})
    other = _claim("d3", {"name": "the White Helmets", "aka": ["entity:pk_white-helmets"]})
    assert event_status([first, second]).status == "single-source"
    assert event_status([first, second, other]).n_origins == 2
    # without the tokens, each name is an origin of its own
    bare = [
        replace(c, chain=({"kind": "person", "name": c.chain[0]["name"]},)) for c in (first, second)
    ]
    assert event_status(bare).status == "corroborated"


def test_a_description_tied_to_a_body_no_other_report_cites_stays_in_its_outlets_pool() -> None:
    """An outlet's described sources are one origin (`pool`); one the report ties to a body
    leaves that pool only to join the body's origin, never to stand as an origin of its own."""
    tied = replace(
        _claim("d1", {"name": "a military source", "kind": "anonymous", "aka": ["entity:pk_x"]}),
        outlet="Sputnik",
    )
    other = replace(_claim("d2", {"name": "local media", "kind": "anonymous"}), outlet="Sputnik")
    assert event_status([tied, other]).status == "single-source"
