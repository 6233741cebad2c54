"""A standfirst printed between the date line and the tag list teases the story's lede: it is
linked to the lede's telling (`extract.standfirst`), corroboration joins the two, and the event
reads the story's own telling first (`read.claims.claims_by_event`). Reports written for
sitrep, read with the shipped pipeline."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from eventreading import read_events
from sitrep.corroborate.compat import MentionView, retold
from sitrep.extract.standfirst import standfirst_span
from sitrep.pipeline import Ingest
from sitrep.read.claims import claims_by_event
from sitrep.settings import Settings
from sitrep.store import Store

TEASER = (
    "At least 12 civilians have been killed by an air raid on a market in the town of "
    "Kafr Nabl in Idlib province."
)
LEDE = (
    "Twelve civilians including four children were killed in air raids on a crowded market "
    "in northern Syria on Monday, a monitor said."
)
REPORT = (
    f"Date of publication 6 June 2016 {TEASER} Tags Syria air strike Idlib civilians\n\n"
    f"{LEDE} Rescue workers pulled the bodies from the rubble of the shops."
)


def test_the_standfirst_runs_from_the_date_line_to_the_tag_list() -> None:
    span = standfirst_span(REPORT)
    assert span is not None
    assert REPORT[span[0] : span[1]].strip() == TEASER


def test_a_tag_list_that_closes_the_story_marks_no_standfirst() -> None:
    story = (
        "Date of publication 6 June 2016 Rebels shelled the town on Monday. "
        "Two people were wounded. The army answered with artillery fire. "
        "Tags Syria Idlib shelling"
    )
    assert standfirst_span(story) is None  # three sentences are the story itself
    assert standfirst_span("Rebels shelled the town on Monday, a monitor said.") is None


def _retold(nlp: Language, text: str) -> dict[int, int | None]:
    events = read_events(nlp, text, "2016-06-06")
    return {m.sentence: m.retells for m in events if m.type in ("ASSAULT", "DIE")}


def test_the_standfirst_is_linked_to_the_lede_it_teases(domain_nlp: Language) -> None:
    links = _retold(domain_nlp, REPORT)
    teaser, lede = min(links), sorted(links)[1]
    assert links[teaser] == lede  # the teaser points forward to the story's telling
    assert links[lede] is None  # and the lede does not point back: no loop


def test_a_standfirst_with_another_toll_tells_something_else(domain_nlp: Language) -> None:
    text = REPORT.replace("At least 12 civilians", "At least 30 civilians")
    links = _retold(domain_nlp, text)
    assert links[min(links)] is None


def test_a_link_either_way_is_a_retelling() -> None:
    def view(sentence: int, retells: int | None) -> MentionView:
        return MentionView(
            id=f"m{sentence}", doc_id="d", type="ASSAULT", mode=None, entities=frozenset(),
            sentence=sentence, retells=retells,
        )  # fmt: skip

    assert retold(view(0, 2), view(2, None))  # a standfirst teasing the lede
    assert retold(view(2, 0), view(0, None))  # a retelling of the lede
    assert not retold(view(0, None), view(2, None))


def test_the_event_reads_the_story_before_its_teaser(tmp_path: Path) -> None:
    page = tmp_path / "report.txt"
    page.write_text(REPORT + "\n", "utf-8")
    store = Store(str(tmp_path / "report.db"))
    try:
        Ingest(store, Settings(workers=1)).run([str(page)])
        with store.read() as conn:
            claims = claims_by_event(conn)
    finally:
        store.close()
    told = [c for cs in claims.values() for c in cs if "Kafr Nabl" in c["sentence_text"]]
    assert len(told) == 1
    event = next(cs for cs in claims.values() if told[0] in cs)
    assert [c["sentence_text"].startswith("Twelve civilians") for c in event][:2] == [True, False]
