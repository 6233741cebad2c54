"""A lede told in the outlet's own voice takes the source its retelling in the next sentence
names ("... killed 17 on Monday. The Observatory said the strikes hit ..."); a source further on,
or one the parse only guessed at, does not. Mentions written for sitrep."""

from __future__ import annotations

from dataclasses import replace

from sitrep.extract.ledesource import sourced_by_retelling
from sitrep.records import ClaimRecord, EventMention, Participant, SourceLink, Stance

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


def test_the_next_sentence_telling_more_of_it_gives_its_source() -> None:
    more = replace(RETOLD, retells=None)  # no reference back, but no other place or day
    assert sourced_by_retelling([LEDE, more])[0].claim.stance == "reports"
    elsewhere = replace(more, place=Participant("place", "Homs", 120, 124, "GPE"))
    lede = replace(LEDE, place=Participant("place", "Aleppo", 40, 46, "GPE"))
    visit = replace(more, type="CONSULT")
    for other, first in ((elsewhere, lede), (visit, LEDE)):
        assert sourced_by_retelling([first, other])[0] == first


def test_a_retelling_linked_through_another_a_few_sentences_on_gives_its_source() -> None:
    # "A car bomb killed eight on Monday. [the lede printed again] The bomb struck the town.
    # Another 20 were wounded, SANA reported.": each links the one before it
    between = replace(_mention(3, 2, (OUTLET,), "asserts"), retells=0)
    sourced = replace(RETOLD, sentence=3, retells=2)
    lede = sourced_by_retelling([LEDE, between, sourced])[0]
    assert [link.name for link in lede.claim.chain] == ["examplenews", "the Observatory"]


def test_a_retelling_further_on_or_a_guessed_speaker_gives_nothing() -> None:
    later = replace(RETOLD, sentence=5)
    guessed = replace(
        RETOLD, claim=replace(RETOLD.claim, chain=(OUTLET, replace(MONITOR, kind="unknown")))
    )
    for other in (later, guessed):
        assert sourced_by_retelling([LEDE, other])[0] == LEDE


def test_a_lede_with_its_own_source_keeps_it() -> None:
    own = _mention(1, 0, (OUTLET, SourceLink("SANA", "agency", "reported", 40, 44)), "reports")
    assert sourced_by_retelling([own, RETOLD])[0] == own


def test_a_lede_printed_twice_stands_not_between_it_and_the_next_sentence() -> None:
    # sentence 1 repeats the lede word for word; sentence 2 tells more of it (no link back)
    # and names the source
    more = replace(RETOLD, sentence=2, retells=None)
    assert sourced_by_retelling([LEDE, more], repeated={1})[0].claim.stance == "reports"
    assert sourced_by_retelling([LEDE, more])[0] == LEDE  # a sentence of its own between


def test_a_chain_of_retellings_passes_the_source_back() -> None:
    # sentence 1 retells the lede in the outlet's voice; sentence 2 tells more of that one
    # (no link back) and names the source: sentence 1 takes it first, then the lede
    middle = replace(_mention(2, 1, (OUTLET,), "asserts"), retells=0)
    more = replace(RETOLD, sentence=2, retells=None)
    out = sourced_by_retelling([LEDE, middle, more])
    assert [m.claim.stance for m in out] == ["reports", "reports", "reports"]


def test_a_place_named_inside_the_other_is_no_other_place() -> None:
    lede = replace(LEDE, place=Participant("place", "Aleppo", 40, 46, "GPE"))
    for text, within in (("Aleppo province", None), ("Salah Eddin", "Aleppo")):
        place = Participant("place", text, 120, 120 + len(text), "GPE", None, within)
        more = replace(RETOLD, retells=None, place=place)
        assert sourced_by_retelling([lede, more])[0].claim.stance == "reports"
