"""A newer report never moves an older event to a later or vaguer date, nor merges a different
person's visit into it (issue 12): "Qaani visited Baghdad last week", published in 2021, against
Soleimani's arrival in Baghdad reported in January 2020. Fixtures are our own sentences."""

from __future__ import annotations

from pathlib import Path

from sitrep.corroborate.queries import get_event, list_events
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "corroborate"


def _baghdad_visits(store: Store, person: str) -> list[dict[str, object]]:
    return [
        e
        for e in list_events(store, type_="CONSULT", place="Baghdad")
        if any(person in str(p["name"]) for p in e["participants"])  # type: ignore[attr-defined]
    ]


def test_a_2021_report_of_qaani_in_baghdad_leaves_the_2020_soleimani_visit_alone(
    tmp_path: Path,
) -> None:
    store = Store(str(tmp_path / "sitrep.db"))
    Ingest(store, Settings()).run([str(FIXTURES / "soleimani-baghdad-2020.txt")])
    (before,) = _baghdad_visits(store, "Soleimani")
    assert str(before["time_start"]).startswith("2020-01")

    Ingest(store, Settings()).run([str(FIXTURES / "qaani-baghdad-2021.txt")])
    (after,) = _baghdad_visits(store, "Soleimani")
    for field in ("id", "time_start", "time_end", "time_precision", "participants"):
        assert after[field] == before[field], field
    assert not any("Qaani" in str(p["name"]) for p in after["participants"])  # type: ignore[attr-defined]
    claims = get_event(store, str(after["id"]))["claims"]
    assert {c["document_id"] for c in claims} == {
        c["document_id"] for c in get_event(store, str(before["id"]))["claims"]
    }
    (qaani,) = _baghdad_visits(store, "Qaani")
    assert qaani["id"] != after["id"]
    assert str(qaani["time_start"]) >= "2021-05"  # "last week" of a June 2021 report
