"""A lede sourced by the sentence after it.

News copy states the happening first and names who says so in the next sentence, telling the
happening again: "Seventeen civilians were killed in air raids on a market on Monday. The
Observatory said the strikes hit the town of X." The second sentence retells the first
(`happening.share_antecedents` links it: `retells`), or tells more of it (a violent mention at
no other place on no other day), so its source is the lede's too. Telling more counts only in
the very next sentence (a sentence printed again word for word, as scraped copy repeats its
lede, is no sentence between them); a linked retelling (directly or through retellings between:
"The bomb struck the town. Another 20 people were also wounded, SANA reported.") up to three
sentences on. A source further on may be telling a later detail.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from sitrep.extract.happening import VIOLENT_TYPES, times_apart
from sitrep.extract.schema import reach_differs
from sitrep.records import EventMention, Participant

ATTRIBUTED = frozenset({"reports", "confirms"})


def sourced_by_retelling(
    mentions: Sequence[EventMention], repeated: AbstractSet[int] = frozenset()
) -> list[EventMention]:
    """`mentions` with each lede told in the outlet's own voice given the source of its
    retelling (the next sentence's telling more of it, or a linked retelling a few sentences
    on), when that retelling is attributed. `repeated`: the sentences that repeat an earlier
    one word for word (passed over)."""
    out = list(mentions)
    # Last sentence first: a retelling sourced by its own next sentence passes the source on
    # ("A car bomb killed eight ... The bomb struck X ... 20 were wounded, SANA reported").
    for i in sorted(range(len(out)), key=lambda n: out[n].sentence, reverse=True):
        lede = out[i]
        if lede.claim.stance != "asserts" or len(lede.claim.chain) > 1:
            continue
        after = lede.sentence + 1
        while after in repeated:
            after += 1
        retelling = next(
            (
                m
                for m in out
                if (
                    (m.sentence == after and _tells_more(lede, m))
                    or _retells(m, lede.sentence, out)
                )
                and m.claim.stance in ATTRIBUTED
                and len(m.claim.chain) > len(lede.claim.chain)
            ),
            None,
        )
        if retelling is None:
            continue
        sources = retelling.claim.chain[len(lede.claim.chain) :]
        if any(link.kind == "unknown" for link in sources):
            continue  # "the martyrs reported": the parse's guess at a speaker, not a source
        claim = replace(lede.claim, chain=lede.claim.chain + sources, stance="reports")
        out[i] = replace(lede, claim=claim)
    return out


# How far a linked retelling may lie from its lede: "A car bomb killed eight people on Monday.
# [the same sentence printed again] The bomb struck Al-Diyabiyah ... Another 20 people were
# wounded, SANA reported." (each links the one before: `retells`)
RETELLING_SENTENCES = 3


def _retells(mention: EventMention, lede: int, mentions: Sequence[EventMention]) -> bool:
    """`mention` retells the lede's sentence, directly or through retellings in between, and
    lies at most RETELLING_SENTENCES after it."""
    if not 0 < mention.sentence - lede <= RETELLING_SENTENCES:
        return False
    told = mention.retells
    while told is not None and told > lede:
        told = next(
            (m.retells for m in mentions if m.sentence == told and m.retells is not None), None
        )
    return told == lede


def _tells_more(lede: EventMention, after: EventMention) -> bool:
    """The next sentence's violent mention tells more of the lede's violent happening: no other
    place, no other day ("Seven civilians were killed in shelling on Wednesday. A source told
    SANA that terrorists fired rocket shells on the neighbourhood ...")."""
    violent = lede.type in VIOLENT_TYPES and after.type in VIOLENT_TYPES
    places = lede.place is None or after.place is None or _one_place(lede.place, after.place)
    # "... clashes broke out in Hama. The deal was strained by coalition strikes, which
    # Washington said ...": a battle and an air raid are two happenings, as for antecedents
    kinds = not reach_differs(lede.mode, after.mode)
    return violent and places and kinds and not times_apart(lede.time, after.time)


def _one_place(a: Participant, b: Participant) -> bool:
    """The same place, or one named inside the other ("Aleppo city" / "Aleppo province",
    "Salah Eddin neighbourhood in Aleppo" / "Aleppo")."""
    if a.text == b.text or b.within == a.text or a.within == b.text:
        return True
    words_a, words_b = set(a.text.lower().split()), set(b.text.lower().split())
    return words_a <= words_b or words_b <= words_a
