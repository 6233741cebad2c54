"""The headline's toll for a lede that tells its happening without one.

A report's headline often carries the count its lede leaves to later ("Jets pound an offensive
near Hama, killing 50 fighters" over "Warplanes foiled an offensive east of Hama before it
began"). The headline tells the lede's happening (the same reading as `placerefine`'s headline
town): when it names one town and a toll, the article's first asserted violent happening at that
town, or placed nowhere more precise, takes the headline's toll where it tells none of its own.
A headline naming no town or several ("kills 80 in various provinces") sums up many happenings:
its count is no single one's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span

from sitrep.extract.casualties import find_casualties
from sitrep.extract.merge import without_compass
from sitrep.extract.placerefine import country_only, lede_index
from sitrep.records import EventMention


def toll_from_headline(
    mentions: Sequence[EventMention], headline: str, town: tuple[Span, str] | None
) -> list[EventMention]:
    """`mentions` with the lede given the headline's toll (module doc). `headline`: the
    headline's words as the text repeats them; `town`: its one town (`headline_town`)."""
    out = list(mentions)
    if town is None or not headline:
        return out
    i = lede_index(out)
    if i is None:
        return out
    lede = out[i]
    told = lede.casualties
    if told is not None and (told.killed is not None or told.wounded is not None):
        return out
    toll = find_casualties(headline)
    if toll is None or not _at_town(lede, town[0].text):
        return out
    out[i] = replace(lede, casualties=toll)
    return out


def _at_town(lede: EventMention, town: str) -> bool:
    """The lede is at the headline's town or a part of it ("east Hama"), inside it, or placed
    nowhere more precise."""
    place = lede.place
    if place is None or country_only(place):
        return True
    return town in (without_compass(place.text), place.within)
