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
article's first violent happening, when it lies in the lede's country, or when the lede names
no place; and where the lede names a neighbourhood or village no gazetteer knows, the
headline's town is where it lies ("Barrel bomb attack kills 11 children in Syria's Aleppo"
over "... a barrel bomb attack on the Bab al-Nayrab neighbourhood").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from sitrep.extract.happening import NEARBY_SENTENCES, VIOLENT_TYPES, refers_back, times_apart
from sitrep.extract.merge import country_named, is_country_region, not_a_place
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


def _lies_in(place: Participant | None, region: Participant | None) -> bool:
    """Whether `place` may be in the country `region` names: always when no country is named
    or the place is none the gazetteer knows; otherwise only a place of that country ("an
    attack in Syria" is not placed in Washington by "Washington says ... the attack")."""
    from sitrep.resolve.places import resolve_place

    if place is None or region is None:
        return True
    country = resolve_place(country_named(region.text))
    found = resolve_place(place.text)
    if country is None or found is None:
        return True
    return found.country_code == country.country_code


def from_site_retold(mentions: Sequence[EventMention], doc: Doc) -> list[EventMention]:
    """`mentions` with each asserted violent one placed only in a country (or nowhere) placed
    where the next sentences put the site it struck, named again with "the": "An airstrike on
    a hospital in northwestern Syria killed 10 people ... The hospital in the town of Meles is
    about 15 km from Idlib city". The site told with "a" and then with "the" is one site (a
    definite description referring back), and the town in its phrase is where it is."""
    out = list(mentions)
    sents = list(doc.sents)
    for i, m in enumerate(out):
        if m.type not in VIOLENT_TYPES or m.modality is not None or not country_only(m.place):
            continue
        if m.sentence + 1 >= len(sents):
            continue
        sites = _indefinite_nouns(sents[m.sentence])
        later = sents[m.sentence + 1 : m.sentence + 1 + NEARBY_SENTENCES]
        place = next((p for s in later for p in _places_of_sites(s, sites)), None)
        if place is not None and _lies_in(place, m.place):
            out[i] = replace(m, place=place)
    return out


def _indefinite_nouns(sent: Span) -> set[str]:
    """The nouns told with "a" or "an" in the sentence ("a hospital", "a market")."""
    return {
        t.lower_
        for t in sent
        if t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
    }


def _places_of_sites(sent: Span, sites: set[str]) -> list[Participant]:
    """The places named inside the phrases of "the" + one of `sites` in the sentence ("The
    hospital in the town of Meles"), the first of each phrase that is no country."""
    found = []
    for t in sent:
        if t.lower_ not in sites or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in t.children
        ):
            continue
        for inner in t.subtree:
            # (only after the noun: "Washington says ... behind the attack", the parse making
            # "attack" its root, names no place of the attack's)
            if inner.ent_iob_ != "B" or inner.ent_type_ not in PLACE_LABELS or inner.i <= t.i:
                continue
            end = inner.i + 1
            while end < sent.end and sent.doc[end].ent_iob_ == "I":
                end += 1
            name = sent.doc[inner.i : end]
            if is_country_region(name.text) or not_a_place(
                sent.doc, name.start_char, name.end_char
            ):
                continue
            found.append(_place_participant(name))
            break
    return found


def _place_participant(name: Span) -> Participant:
    return Participant("place", name.text, name.start_char, name.end_char, name[0].ent_type_, None)


def _nationality(place: Participant | None) -> bool:
    """ "Iraqi", "Syrian": a nationality the tagger took for a place."""
    return place is not None and _nationality_text(place.text)


def from_headline(
    mentions: Sequence[EventMention],
    doc: Doc,
    town: tuple[Span, str] | None,
    placeless: bool = False,
) -> list[EventMention]:
    """`mentions` with the first asserted violent one placed where the headline puts the
    happening (module doc): when the lede gives only a country or a part of one, the
    headline's town in that country; when it names a place no gazetteer knows and the text
    does not say where that lies ("the Bab al-Nayrab neighbourhood"), the headline's town as
    where it lies. With `placeless`, only a lede that no sentence has placed (run after the
    places the text shares between sentences): the headline's town. `town`: the headline's
    one town and its country (`headline_town`)."""
    from sitrep.extract.within import container
    from sitrep.resolve.places import resolve_place

    out = list(mentions)
    if town is None:
        return out  # no headline, or none or two places: which one is the lede's is not said
    i = lede_index(out)
    if i is None:
        return out
    lede = out[i]
    ent, town_country = town
    place = Participant("place", ent.text, ent.start_char, ent.end_char, ent.label_, None)
    if placeless:
        if lede.place is None:
            out[i] = replace(lede, place=place)
    elif lede.place is None:
        pass  # the sentences around it may place it first (then the `placeless` pass)
    elif is_country_region(lede.place.text):
        country = resolve_place(country_named(lede.place.text))
        if country is not None and country.country_code == town_country:
            out[i] = replace(lede, place=place)
    elif (
        lede.place.within is None
        and resolve_place(lede.place.text) is None
        and container(doc, lede.place.start, lede.place.end) is None
    ):
        out[i] = replace(lede, place=replace(lede.place, within=ent.text))
    return out


def lede_index(mentions: Sequence[EventMention]) -> int | None:
    """Where the report's first asserted violent mention (the happening its headline tells)
    is in `mentions`, or None when it tells none."""
    violent = [
        i
        for i, m in enumerate(mentions)
        if m.type in VIOLENT_TYPES and m.modality is None and not m.negated
    ]
    if not violent:
        return None
    return min(violent, key=lambda i: (mentions[i].sentence, mentions[i].trigger_start))


def headline_town(doc: Doc, headline: tuple[int, int] | None) -> tuple[Span, str] | None:
    """The one town or region the headline names (not a country), with its country code; None
    when there is no headline or it names none or several."""
    from sitrep.resolve.places import resolve_place

    if headline is None:
        return None

    known: dict[str, tuple[Span, str]] = {}  # the headline's places, first of each name
    for e in doc.ents:
        inside = headline[0] <= e.start_char and e.end_char <= headline[1]
        if not inside or e.label_ not in PLACE_LABELS or e.text in known:
            continue
        if is_country_region(e.text) or _nationality_text(e.text):
            continue
        if not_a_place(doc, e.start_char, e.end_char):
            continue  # "... in ISIS Suicide Blast": a happening's name the tagger took for one
        found = resolve_place(e.text)
        if found is not None:
            known[e.text] = (e, found.country_code)
    return next(iter(known.values())) if len(known) == 1 else None


def _nationality_text(text: str) -> bool:
    from sitrep.extract.reference import load_roles

    return text.lower() in load_roles().demonyms
