"""A happening told first at the level of a country, placed by the retelling that names it.

News ledes place a strike in a region ("Air strikes on a market in northern Syria killed 29
people on Monday") and the next sentences say where it was ("The strikes hit the town of Atareb
west of Aleppo"). The retelling refers back with a definite determiner ("the strikes", "the
attack"): it tells the same happening, so the lede's mention takes its precise place. Without
that reference the next sentence may tell another strike, and the lede keeps its region.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract.happening import NEARBY_SENTENCES, VIOLENT_TYPES, refers_back, times_apart
from sitrep.extract.merge import is_country_region
from sitrep.records import EventMention, Participant


def country_only(place: Participant | None) -> bool:
    """No place, or a country or a part of one named by the compass ("northwest Syria")."""
    return place is None or is_country_region(place.text)


def from_retellings(mentions: Sequence[EventMention], text: str) -> list[EventMention]:
    """`mentions` with each asserted violent one placed only in a country (or nowhere) placed
    where a retelling of it a sentence or two later puts the happening (see module doc)."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.type not in VIOLENT_TYPES or m.modality is not None or not country_only(m.place):
            continue
        later = [
            d
            for d in mentions
            if d.type in VIOLENT_TYPES
            and d.modality is None
            and 0 < d.sentence - m.sentence <= NEARBY_SENTENCES
            and not country_only(d.place)
            and not _nationality(d.place)
            and refers_back(d, text)
            and not times_apart(m.time, d.time)
        ]
        if later:
            first = min(later, key=lambda d: (d.sentence, d.trigger_start))
            out[i] = replace(m, place=first.place)
    return out


def _nationality(place: Participant | None) -> bool:
    """ "Iraqi", "Syrian": a nationality the tagger took for a place."""
    from sitrep.extract.reference import load_roles

    return place is not None and place.text.lower() in load_roles().demonyms
