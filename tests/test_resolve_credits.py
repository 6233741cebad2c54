"""Credit lines name a report's writers, who are no actors in it (issue 24a). Sentences and
names written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolvedstore import resolved_store
from sitrep.resolve.credits import credit_spans, in_credit
from sitrep.store import schema


def _credited(text: str) -> list[str]:
    return [text[a:b] for a, b in credit_spans(text)]


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        (
            "Two shops burned. Reporting by Omar Kadri and Lina Sami; Editing by Tom Bell",
            ["Reporting by Omar Kadri and Lina Sami", "Editing by Tom Bell"],
        ),
        (
            "Talks stalled. Additional reporting by Sam Dore in Tunis; editing by Al Ray\nMore",
            ["Additional reporting by Sam Dore in Tunis", "editing by Al Ray"],
        ),
        ("Windows shattered in the old market. Hadi Nour / Rima", ["Hadi Nour / Rima"]),
        ("No one was hurt. K. al-Sayegh/F. Dib", ["K. al-Sayegh/F. Dib"]),
        # a story's last place is no credit: the slash tail starts after its full stop
        ("A shell fell in Tell Bazan. Hadi Nour/Rima", ["Hadi Nour/Rima"]),
    ],
)
def test_credit_lines_are_found(text: str, credits: list[str]) -> None:
    assert _credited(text) == credits


@pytest.mark.parametrize(
    "text",
    [
        "The blast was reported by state television in Tartus.",  # a source, not a credit
        "He praised the reporting by Radio Wadi.",
        "The council approved it by a 2/3 vote on Monday.",
        "A shell fell in Tell Bazan.",
    ],
)
def test_stories_hold_no_credit_line(text: str) -> None:
    assert credit_spans(text) == []


def test_in_credit_needs_the_whole_mention_inside() -> None:
    spans = [(10, 20)]
    assert in_credit(12, 18, spans)
    assert not in_credit(8, 14, spans)


def test_a_writer_named_in_a_credit_is_no_entity(tmp_path: Path) -> None:
    text = "Hadi Nour fled the shelling in Tell Bazan. Hadi Nour / Rima Saleh"
    second = text.index("Hadi Nour", 5)
    spans = [("Hadi Nour", "PERSON"), ("Hadi Nour", "PERSON"), ("Rima Saleh", "PERSON")]
    docs = [("doc_c1", text, spans)]
    store = resolved_store(tmp_path / "c.db", docs)
    men = schema.mentions
    with store.read() as conn:
        rows = conn.execute(
            men.select().with_only_columns(men.c.start, men.c.entity_id, men.c.resolution)
        ).all()
    by_start = {start: (entity, why) for start, entity, why in rows}
    assert by_start[0][0] is not None  # the man in the story is an entity
    for writer in (second, text.index("Rima Saleh")):  # the same man, as the writer: none
        assert by_start[writer][0] is None
        assert "credit line" in str(by_start[writer][1])
