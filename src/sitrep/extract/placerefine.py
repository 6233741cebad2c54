"""A happening told first at the level of a country, placed by the retelling that names it,
or by the headline over it.

News ledes place a strike in a region ("Air strikes on a market in northern Syria killed 29
people on Monday") and the next sentences say where it was ("The strikes hit the town of Atareb
west of Aleppo"). The retelling refers back with a definite determiner ("the strikes", "the
attack"): it tells the same happening, so the lede's mention takes its precise place. Without
that reference the next sentence may tell another strike, and the lede keeps its region.

The headline tells the lede's happening too, often where the lede gives only the region
("Coalition airstrikes kill 85 civilians in villages near Manbij" over "Airstrikes on villages in
northern Syria killed at least 85 civilians"): the one town the headline names places the
article's first violent happening, when it lies in the lede's country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from sitrep.extract.happening import NEARBY_SENTENCES, VIOLENT_TYPES, refers_back, times_apart
from sitrep.extract.merge import country_named, is_country_region
from sitrep.records import EventMention, Participant

PLACE_LABELS = ("GPE", "LOC", "FAC")


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
    return place is not None and _nationality_text(place.text)


def from_headline(
    mentions: Sequence[EventMention], doc: Doc, headline: tuple[int, int] | None
) -> list[EventMention]:
    """`mentions` with the first asserted violent one, when it is placed only in a country or a
    part of one, placed where the headline puts the happening in that country (module doc)."""
    from sitrep.resolve.places import PlaceMatch, resolve_place

    out = list(mentions)
    if headline is None:
        return out
    violent = [
        (i, m)
        for i, m in enumerate(out)
        if m.type in VIOLENT_TYPES and m.modality is None and not m.negated
    ]
    if not violent:
        return out
    i, lede = min(violent, key=lambda pair: (pair[1].sentence, pair[1].trigger_start))
    if lede.place is None or not is_country_region(lede.place.text):
        return out  # a town of its own, or no place to say which country the headline is in
    known: dict[str, tuple[Span, PlaceMatch]] = {}  # the headline's places, first of each name
    for e in doc.ents:
        inside = headline[0] <= e.start_char and e.end_char <= headline[1]
        if not inside or e.label_ not in PLACE_LABELS or e.text in known:
            continue
        if is_country_region(e.text) or _nationality_text(e.text):
            continue
        found = resolve_place(e.text)
        if found is not None:
            known[e.text] = (e, found)
    if len(known) != 1:
        return out  # none, or two places: which one is the lede's is not said
    ((ent, found),) = known.values()
    country = resolve_place(country_named(lede.place.text))
    if country is None or country.country_code != found.country_code:
        return out
    place = Participant("place", ent.text, ent.start_char, ent.end_char, ent.label_, None)
    out[i] = replace(lede, place=place)
    return out


def _nationality_text(text: str) -> bool:
    from sitrep.extract.reference import load_roles

    return text.lower() in load_roles().demonyms
