"""A lede told in the outlet's own voice takes the source its retelling in the next sentence
names ("... killed 17 on Monday. The Observatory said the strikes hit ..."); a source further on,
or one the parse only guessed at, does not. Mentions written for sitrep."""

from __future__ import annotations

from dataclasses import replace

from sitrep.extract.ledesource import sourced_by_retelling
from sitrep.records import ClaimRecord, EventMention, SourceLink, Stance

OUTLET = SourceLink("examplenews", "outlet", "", 0, 0)
MONITOR = SourceLink("the Observatory", "official", "said", 90, 105)


def _mention(i: int, sentence: int, chain: tuple[SourceLink, ...], stance: Stance) -> EventMention:
    claim = ClaimRecord(f"c{i}", "d1", f"m{i}", "examplenews", chain, stance, False, (), None,
                        0, 8, sentence, "")  # fmt: skip
    return EventMention(
        f"m{i}", "d1", "ASSAULT", "air-strike", "strikes", 0, 8, sentence, (), None, None, None,
        False, None, claim,
    )  # fmt: skip


LEDE = _mention(1, 0, (OUTLET,), "asserts")
RETOLD = replace(_mention(2, 1, (OUTLET, MONITOR), "reports"), retells=0)


def test_the_next_sentence_s_source_is_the_lede_s() -> None:
    lede = sourced_by_retelling([LEDE, RETOLD])[0]
    assert lede.claim.stance == "reports"
    assert [link.name for link in lede.claim.chain] == ["examplenews", "the Observatory"]


def test_a_retelling_further_on_or_a_guessed_speaker_gives_nothing() -> None:
    later = replace(RETOLD, sentence=3)
    guessed = replace(
        RETOLD, claim=replace(RETOLD.claim, chain=(OUTLET, replace(MONITOR, kind="unknown")))
    )
    unlinked = replace(RETOLD, retells=None)
    for other in (later, guessed, unlinked):
        assert sourced_by_retelling([LEDE, other])[0] == LEDE


def test_a_lede_with_its_own_source_keeps_it() -> None:
    own = _mention(1, 0, (OUTLET, SourceLink("SANA", "agency", "reported", 40, 44)), "reports")
    assert sourced_by_retelling([own, RETOLD])[0] == own
