"""In one report, the very next sentence that tells a toll at the same town, undated and naming
no doer, tells more of the attack just told: one event, both claims. A sentence that names its
own kind of attack, its own doer or its own day, or lies further away, is a happening of its
own. Texts written for sitrep."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from sitrep.corroborate.compat import MentionView, same_happening
from sitrep.nlp.pipeline import shipped_model_path

STRIKE = MentionView(
    id="1", doc_id="d", type="ASSAULT", mode="air-strike", entities=frozenset({"pk_russia"}),
    names={"pk_russia": "Russian"}, roles={"pk_russia": "actor"}, states=frozenset({"pk_russia"}),
    place="geo:kafr-nabl", place_name="Kafr Nabl", place_country="SY", time_start="2016-05-02",
    time_end="2016-05-02", time_precision="day", family="violence", sentence=4,
)  # fmt: skip
TOLL = MentionView(
    id="2", doc_id="d", type="ASSAULT", mode="unspecified", entities=frozenset(),
    place="geo:kafr-nabl", place_name="Kafr Nabl", place_country="SY", family="violence",
    sentence=5, toll=True, casualties={"wounded": 30},
)  # fmt: skip


def test_the_next_sentences_toll_tells_more_of_the_attack() -> None:
    decision = same_happening(STRIKE, TOLL)
    assert decision.same and "the next sentence tells more of it" in decision.reason


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"sentence": 7}, "two sentences on: another happening may be told between"),
        ({"toll": False, "mode": "bombing"}, "a kind of attack of its own"),
        ({"entities": frozenset({"name:rebels"}), "roles": {"name:rebels": "actor"}}, "a doer"),
        ({"time_start": "2016-05-01", "time_end": "2016-05-01", "time_precision": "day"}, "a day"),
        ({"doc_id": "other"}, "another report"),
    ],
)
def test_a_sentence_with_more_of_its_own_is_not_an_elaboration(
    change: dict[str, object], why: str
) -> None:
    assert not same_happening(STRIKE, replace(TOLL, **change)).same, why  # type: ignore[arg-type]


def test_a_toll_with_its_own_day_is_not_an_elaboration() -> None:
    undated = replace(STRIKE, time_start=None, time_end=None, time_precision=None)
    dated = replace(TOLL, time_start="2016-05-02", time_end="2016-05-02", time_precision="day")
    assert not same_happening(undated, dated).same  # nothing contradicts, nothing ties them


REPORT = (
    "Air strikes hit the market of Kafr Nabl in Idlib province on Monday morning. "
    "At least nine people were killed and 30 wounded, a rescue worker said."
)


@pytest.mark.skipif(
    not (shipped_model_path() / "config.cfg").is_file(),
    reason="no trained pipeline in src/sitrep/models/sitrep_en",
)
def test_an_ingest_joins_the_toll_to_the_strike(
    ingest_report: Callable[[str], list[tuple[int, str, str | None]]],
) -> None:
    rows = ingest_report(REPORT)
    by_sentence: dict[int, set[str | None]] = {}
    for sentence, _trigger, event in rows:
        by_sentence.setdefault(sentence, set()).add(event)
    assert len(by_sentence) == 2, rows
    first, second = (by_sentence[k] for k in sorted(by_sentence))
    assert first == second and len(first) == 1, rows
