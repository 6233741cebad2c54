"""The place a village or a neighbourhood lies in, as the sentence says it.

Reports place attacks in villages, districts and landmarks that no offline gazetteer holds, and
usually say where those are: "the village of al-Bureij northeast of Aleppo", "Kanasba in
Lattakia countryside", "Salah Eddin neighborhood in Aleppo city", "a camp near Atmeh in Syria's
border province of Idlib". The container is read from the words right after the place: a few
place nouns ("neighbourhood", "refugee camp"), a connector ("in", "near", "outside", "north of",
"15 km from"), a few modifiers ("the", "rebel-held", "Syria's border province of"), then a name
the gazetteer knows that is not a country. Resolution places the village there (its governorate,
its coordinates at the container's precision), keeping the village's own name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitrep.names.phonetic import ARTICLES
from sitrep.nlp.spans import text_of
from sitrep.nlp.types import SETTLEMENT_NOUNS
from sitrep.records import EventMention, Participant

# nouns that name what kind of place the name is ("al-Mazzeh area", "Atmeh refugee camp")
PLACE_NOUNS = frozenset(
    {
        "neighbourhood", "neighborhood", "district", "village", "town", "city", "camp", "refugee",
        "hospital", "area", "areas", "mount", "mountain", "base", "airbase", "airport", "square",
        "road", "suburb", "quarter", "farms", "valley", "plain", "checkpoint", "crossing",
        "market", "prison", "school", "mosque", "bridge", "dam", "field", "fields", "hill",
        "hills", "region", "countryside", "outskirts", "villages", "towns", "camps",
        "mountains", "forest", "forests", "orchards",
    }
)  # fmt: skip
# Nouns of a place that a nationality right before them describes ("an eastern Syrian town",
# "the Syrian capital", "a Turkish border town", "Kurdish areas"): the nationality tells whose
# the place is and names no one taking part. One table for both readers of it: the phrase
# (`spans`: the noun phrase, not the nationality, is the participant) and a participant read
# otherwise (`agents._nationality_of_a_place` drops it). They once read two tables (this
# module's kinds of place, and the settlements with city, capital, region, territory, soil,
# port, coast). Not "border" alone: "Syrian border guards" are people.
NATIONALITY_PLACES = (
    PLACE_NOUNS
    | SETTLEMENT_NOUNS
    | frozenset({"cities", "capital", "region", "territory", "soil", "port", "coast"})
)
# Kinds of place English names after "of", with the place it lies in before them: "the
# Damascus suburb of Jaramana", "the Idlib town of Saraqeb". (A neighbourhood or a district is
# named the other way round: "the Midan neighbourhood of Aleppo".)
NAMED_AFTER_OF = frozenset({"suburb", "town", "village", "city"})
_CONNECTORS = frozenset({"in", "near", "outside", "around", "of", "from", "at"})
_COMPASS = re.compile(r"^(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?$|^(?:central)$")
# words between the connector and the container's name ("the", "rebel-held", "Syria's border
# province of"): lower-case words and possessive country names, never another name
_BETWEEN = frozenset(
    {
        "the", "a", "of", "province", "governorate", "city", "town", "countryside", "'s", "’s",
        "border", "provincial", "capital", "besieged", "nearby", "neighbouring", "neighboring",
        "rural", "eastern", "western", "northern", "southern", "central", "km", "kilometres",
        "kilometers", "miles", "some", "part", "parts", "areas",
    }
)  # fmt: skip
MAX_NOUNS = 3
MAX_BETWEEN = 6
MAX_NAME = 5  # tokens: "Deir", "al", "-", "Zor"


_PROVINCE_AFTER = re.compile(r"^\W{0,3}(?:province|governorate|countryside)\b", re.I)
_PROVINCE_BEFORE = re.compile(r"\b(?:province|governorate|countryside) of\W{0,3}$", re.I)


def names_a_province(text: str, place: Participant) -> bool:
    """The place as the text names it is a province or its countryside ("northern Aleppo
    province", "the Idlib countryside", "the province of Hama"), not the town of that name."""
    own_word = place.text.split()[-1].lower() if place.text.split() else ""
    return bool(
        own_word in ("province", "governorate", "countryside")
        or _PROVINCE_AFTER.search(text[place.end : place.end + 16])
        or _PROVINCE_BEFORE.search(text[max(0, place.start - 16) : place.start])
    )


def names_only_a_direction(text: str) -> bool:
    """ "Central", "Northern and Eastern" (of "the Central and Eastern parts of Hama province",
    which the tagger may take for a place): a direction, no place of its own."""
    words = text.lower().replace("-", " ").split()
    return bool(words) and all(_COMPASS.match(w) or w in ("and", "the") for w in words)


def with_containers(mentions: list[EventMention], doc: Doc) -> list[EventMention]:
    """Each mention with a place, with the place the sentence puts that place in, if any."""
    cache: dict[tuple[int, int], str | None] = {}
    # Where the text places each name anywhere, once per name: a long text names one town
    # hundreds of times, and each search reads the whole text.
    elsewhere: dict[str, str | None] = {}
    out = []
    for mention in mentions:
        place = mention.place
        if place is None or place.within is not None:
            out.append(mention)
            continue
        key = (place.start, place.end)
        if key not in cache:
            found = container(doc, place.start, place.end)
            if found is None:
                if place.text not in elsewhere:
                    elsewhere[place.text] = _said_elsewhere(doc, place)
                found = elsewhere[place.text]
            if found is None and _a_neighbourhood(doc, place):
                found = _city_told_before(doc, place)
            cache[key] = found
        found = cache[key]
        out.append(
            mention if found is None else replace(mention, place=replace(place, within=found))
        )
    return out


# Parts of a city: a report names them after the city it is about ("shells hit residential
# neighbourhoods in Damascus. ... terrorists targeted al-Salyhiah neighbourhood").
CITY_PARTS = frozenset(
    {"neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "district", "quarter"}
)
# How far back the city is looked for: the report's last few sentences, not its whole text.
CITY_BEFORE_CHARS = 600


def _a_neighbourhood(doc: Doc, place: Participant) -> bool:
    """The name is followed by a word for a part of a city ("al-Salyhiah neighborhood")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].lower_ in CITY_PARTS


def _city_told_before(doc: Doc, place: Participant) -> str | None:
    """The city the report named last before a neighbourhood it does not locate: the one it is
    telling about. Only a notable city the gazetteer knows as one (not a region such as the
    Eastern Ghouta, where attackers are often said to be), a few sentences back at most. Read
    from the words, not the tagger's entities ("in Damascus city" is often tagged "city")."""
    from sitrep.resolve.places import is_notable_place, resolve_place

    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    i = span.start - 1
    while i >= 0 and doc[i].idx >= place.start - CITY_BEFORE_CHARS:
        if _is_name_end(doc[i]):
            for first in range(max(0, i - MAX_NAME + 1), i + 1):
                name = doc[first : i + 1]
                if not all(_is_name_part(t) for t in name) or not _is_name_start(name[0]):
                    continue
                if name[0].lower_ == "the" or _glued_after(name):
                    continue  # "The Britain-based watchdog": a word of a description
                found = resolve_place(name.text)
                # (a notable city: "Police" in "Damascus Police Command" is a town in Poland)
                if found and found.precision == "city" and is_notable_place(name.text):
                    return str(name.text)
        i -= 1
    return None


def _glued_after(name: Span) -> bool:
    """The name runs on into a hyphenated word ("Britain-based", "Aleppo-born")."""
    doc = name.doc
    return name.end < len(doc) and doc[name.end].text in ("-", "–") and not name[-1].whitespace_


def _said_elsewhere(doc: Doc, place: Participant) -> str | None:
    """The container the text gives the same name at another mention of it: a report says
    once where a village lies ("Hass ... the village of Hass in southern Idlib")."""
    if len(place.text) < 3 or not place.text[:1].isupper():
        return None
    text, name = text_of(doc), place.text
    at = text.find(name)
    while at >= 0:  # str.find, not a regex: a long text is searched once per name
        end = at + len(name)
        whole = (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        )
        # (this very mention too: its own words gave nothing, or it would not be asked)
        found = container(doc, at, end) if whole else None
        if found is not None:
            return found
        at = text.find(name, at + 1)
    return None


def container(doc: Doc, start: int, end: int) -> str | None:
    """The known place the words after the span [start, end) put it in, or None. Also for a
    place the gazetteer knows: a namesake elsewhere (al-Bureij in Gaza) is told apart by it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    skipped = _skip_nouns(_skip_listed(span.end, sent.end, doc), sent.end, doc)
    kind = skipped > span.end or span[-1].lower_ in PLACE_NOUNS  # "the Midan neighbourhood of"
    after = _connector(skipped, sent.end, doc, named_kind=kind)
    if after is None:
        return _owner_before(span, sent) if kind else None
    return _known_name(after, sent, doc)


def _owner_before(span: Span, sent: Span) -> str | None:
    """ "Aleppos Salaheddin district", its apostrophe stripped by a table: the city whose
    district it is, told as a possessive right before the name and named as a place elsewhere
    in the report (a city's own possessive with its apostrophe is the tagger's place already).
    Not a country: no container worth keeping."""
    from sitrep.extract.merge import is_country
    from sitrep.resolve.places import resolve_place

    if span.start - 1 < sent.start:
        return None
    before = span.doc[span.start - 1]
    word = before.text
    if len(word) < 4 or not word.endswith("s") or not word[0].isupper():
        return None
    owner = word[:-1]
    # the report names the city as a place elsewhere: "Hamas" before a district is the group's
    if not any(e.text == owner and e.label_ in ("LOC", "GPE", "FAC") for e in span.doc.ents):
        return None
    place = None if is_country(owner) else resolve_place(owner)
    if place is None or "spelling variant" in place.reason:
        return None  # (a loose spelling of a name is no owner: "Hams" is not Homs')
    return owner


def _skip_listed(i: int, stop: int, doc: Doc) -> int:
    """Past the names listed after the first ("the neighborhoods of al-Hamadaniyeh and al-Midan
    in Aleppo city": every one of them lies in Aleppo): ", X" and "and X", each name a run of
    at most MAX_NAME proper nouns, entity words and hyphens."""
    while i + 1 < stop and doc[i].lower_ in (",", "and"):
        j = i + 1
        if doc[j].lower_ == "and":
            j += 1  # ", and X"
        end = j
        while end < stop and end - j < MAX_NAME and _a_name_word(doc[end]):
            end += 1
        if end == j:
            return i
        i = end
    return i


def _a_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" or bool(token.ent_type_) or token.text in ("-", "al")


def _skip_nouns(i: int, stop: int, doc: Doc) -> int:
    """Past the place nouns after a name ("Atmeh refugee camp"), and an apposition that says
    what kind of place it is ("Urum al-Kubra, a town in western Aleppo countryside")."""
    for _ in range(MAX_NOUNS):
        if i + 1 < stop and doc[i].lower_ in ("a", "an") and doc[i + 1].lower_ in PLACE_NOUNS:
            i += 1
        if i < stop and (doc[i].lower_ in PLACE_NOUNS or doc[i].text == ","):
            i += 1
    return i


def _connector(i: int, stop: int, doc: Doc, named_kind: bool = False) -> int | None:
    """The index after "in", "near", "north of", "15 km from", "is about 15 km from", or None.
    After a place noun, "of" too: "the Midan neighbourhood of the Syrian city of Aleppo"."""
    kind = doc[i - 1].lower_
    if named_kind and i < stop and doc[i].lower_ == "of" and kind in PLACE_NOUNS:
        return None if kind in NAMED_AFTER_OF else i + 1
    if i + 1 < stop and doc[i].lower_ in ("part", "parts") and doc[i + 1].lower_ == "of":
        return i + 2  # "the village of Tokhar, part of the city of Manbij"
    if i < stop and doc[i].lower_ in ("is", "was", "lies"):
        i += 1  # "the town of Meles is about 15 km from Idlib city"
        if i < stop and doc[i].lower_ in ("about", "some", "around", "nearly", "roughly"):
            i += 1
        if not (i < stop and doc[i].like_num):
            return None  # ("is in": a sentence's predicate, not where the name lies)
    if i < stop and doc[i].like_num:
        i += 1
    if i < stop and doc[i].lower_ in ("km", "kilometres", "kilometers", "miles"):
        i += 1
    if i < stop and _COMPASS.match(doc[i].lower_):
        i += 1
        return i + 1 if i < stop and doc[i].lower_ in ("of", "from") else None
    if i < stop and doc[i].lower_ in _CONNECTORS and doc[i].lower_ not in ("of", "from"):
        return i + 1
    if i < stop and doc[i].lower_ == "from" and i > 0 and doc[i - 1].lower_.startswith("k"):
        return i + 1  # "15 km from Idlib"
    return None


def _known_name(i: int, sent: Span, doc: Doc) -> str | None:
    from sitrep.extract.merge import is_country
    from sitrep.resolve.places import resolve_place

    for _ in range(MAX_BETWEEN + 1):
        if i >= sent.end:
            return None
        token = doc[i]
        if _is_name_start(token):
            for size in range(MAX_NAME, 0, -1):
                name = doc[i : min(i + size, sent.end)]
                if not all(_is_name_part(t) for t in name) or not _is_name_end(name[-1]):
                    continue  # "Deir al-" is the start of "Deir al-Zor", not a name
                if is_country(name.text) and (
                    _possessive_after(name, sent) or _bare_possessive(name)
                ):
                    break  # "Syria's border province of Idlib", "Syrias ...": read on
                if is_country(name.text):
                    return None  # a country is no container worth keeping
                if resolve_place(name.text) is not None:
                    return name.text
            if not is_country(token.text.rstrip("s")) and not _describes(token):
                return None  # another name, not a place: no container
            i += 1
            continue
        if token.lower_ not in _BETWEEN and not _modifier(token):
            return None
        i += 1
    return None


def _is_name_start(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_name_end(token: Token) -> bool:
    return _is_name_start(token) and token.lower_ not in ARTICLES


def _is_name_part(token: Token) -> bool:
    return token.text[:1].isupper() or token.text in ("-", "al", "el", "ez", "az", "ad", "as")


def _bare_possessive(name: Span) -> bool:
    """ "Syrias border province" (the apostrophe stripped): a country's possessive."""
    from sitrep.extract.merge import is_country_possessive

    return len(name) == 1 and is_country_possessive(name.text)


def _describes(token: Token) -> bool:
    """A capitalised word that only describes the place after it: a nationality ("the Syrian
    capital Damascus") or a place word written with a capital ("the Northeastern Parts of")."""
    from sitrep.extract.reference import load_roles

    low = token.lower_
    return low in _BETWEEN or bool(_COMPASS.match(low)) or low in load_roles().demonyms


def _possessive_after(name: Span, sent: Span) -> bool:
    nxt = name.doc[name.end] if name.end < sent.end else None
    return nxt is not None and nxt.text in ("'s", "’s", "'")


def _modifier(token: Token) -> bool:
    """ "rebel-held", "opposition-controlled", "mostly": a lower-case word that only describes."""
    if token.text in ("-", "–"):
        return True
    doc = token.doc
    glued = (token.i + 1 < len(doc) and doc[token.i + 1].text == "-") or (
        token.i > 0 and doc[token.i - 1].text == "-"
    )  # "rebel-held", split by the tokenizer
    return token.text.islower() and (
        token.pos_ in ("ADJ", "ADV") or token.tag_ == "VBN" or "-" in token.text or glued
    )
