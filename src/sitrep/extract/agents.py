"""Who attacked and who was hit, by type, when the trigger's own parse does not say.

Actors and targets are agents: people, groups, forces, organisations, state bodies, states, or
noun phrases for people and forces ("terrorist organizations", "civilians"). A town, district or
building is never the attacker or the victim of a violent event: the parser hangs "terrorists
located in Binnish" or "rocket attacks in Aleppo" off the trigger, and such a place is the
event's place instead (when it has none). A country can act ("Israel", "Turkey"), so countries
stay.

A violent mention left without an actor takes the sentence's agent that is introduced by "by"
("attacks by insurgents", "killed by the Syrian Democratic Forces") or that is the subject of an
attack verb ("the terrorist organizations fired a rocket shell"); one without a target takes the
victims its casualty count names ("two civilians were killed"). Sources are never agents: the
subject of a reporting verb ("the Observatory said") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from sitrep.extract.casualties import is_count
from sitrep.extract.deps import NOMINAL_SUBJECT_DEPS, after_days, case_word, dep
from sitrep.extract.furniture import inside, is_agency_name
from sitrep.extract.merge import (
    VIOLENT,
    WHERE_SOMEONE_IS,
    across_a_border,
    country_of_its_ground,
    is_country,
    is_country_possessive,
    where_people_came_from,
)
from sitrep.extract.nouns import (
    AGENT_MODIFIERS,
    ATTACK_NOUNS,
    CRAFT_NOUNS,
    MILITARY_ACTION_NOUNS,
)
from sitrep.extract.reference import load_roles
from sitrep.extract.schema import load_claim_cues, load_event_schema, verb_lemma
from sitrep.extract.time import find_time_expressions
from sitrep.extract.within import NATIONALITY_PLACES
from sitrep.records import EventMention, Participant

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
AGENT_LABELS = frozenset({"ORG", "NORP", "PERSON"})
# Heads of noun phrases that name people or forces.
AGENT_HEADS = frozenset(
    {
        "forces", "force", "army", "troops", "soldiers", "rebels", "militants", "terrorists",
        "insurgents", "jihadists", "regime", "government", "coalition", "militia", "militias",
        "group", "groups", "organizations", "organisations", "fighters", "gunmen", "police",
        "extremists", "opposition", "military", "guards", "units", "brigade", "brigades",
    }
)  # fmt: skip
ATTACK_VERBS = frozenset(
    {
        "fire", "shell", "strike", "bomb", "target", "attack", "launch", "pound", "hit", "kill",
        "execute", "raid", "storm", "shoot", "carry", "conduct", "assassinate", "ambush",
    }
)  # fmt: skip
# Things that are never actors or victims: weapons, vehicles, and what an attack is made of.
NON_AGENT_HEADS = frozenset(
    {
        "rocket", "rockets", "missile", "missiles", "shell", "shells", "mortar", "mortars",
        "bomb", "bombs", "gas", "tank", "tanks", "bombardment", "shelling", "strike", "strikes",
        "airstrike", "airstrikes", "raid", "raids", "fire", "explosion", "blast", "barrel",
        "weapons", "weapon", "artillery", "car", "vehicle", "drone", "drones", "ammunition",
        "attack", "attacks", "air", "violence", "war", "bombing", "bombings", "shellings",
        "clashes", "fighting", "offensive", "operation", "operations", "campaign",
        "shrapnel", "bullet", "bullets", "gunfire", "wave", "waves", "explosives", "explosive",
        "device", "devices", "belt", "vest", "shot", "shots", "round", "rounds", "barrage",
        "barrages", "salvo", "salvos", "volley", "volleys", "munition", "munitions",
        "ordnance", "canister", "canisters",
        # flights flown, not who flies them ("carried out 468 sorties targeting ...")
        "sortie", "sorties",
        # what tells of it ("hit the towns of Rastan and Talbeesah with reports of casualties")
        "report", "reports", "footage",
        # aircraft: the force that flies them is the agent ("regime jets": the regime)
        "aircraft", "warplane", "warplanes", "jet", "jets", "plane", "planes", "helicopter",
        "helicopters", "gunship", "gunships",
        # a span of time: "Seven days of airstrikes had left 75 dead", "in over a year firing
        # 38 rockets" (the parse hung the participle on "year")
        "days", "weeks", "months", "years", "hours", "day", "week", "month", "year", "hour",
        "decade", "decades",
    }
)  # fmt: skip
# Where a phrase's own words end and what it is about begins ("shelling on opposition areas").
_PHRASE_BREAK = frozenset({"on", "in", "of", "at", "against", "across", "around", "near", "by"})
AGENT_ROLES = frozenset({"actor", "target", "by", "counterpart"})
# Words that say how many attacks there were, which the tagger may take for a name.
HOW_MANY = frozenset({"twin", "double", "triple", "simultaneous", "multiple", "several"})
_VICTIMS = re.compile(
    r"\b(civilians|people|persons|children|women|soldiers|troops|fighters|militants|rebels|"
    r"terrorists|insurgents|jihadists|policemen|servicemen|residents|citizens|members)\b",
    re.I,
)


NON_AGENT_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)


def _not_agent(p: Participant, event_type: str) -> bool:
    """A weapon, vehicle, attack, date or number named as an actor ("Toxic gas", "Rocket",
    "Heavy air", "Friday"); an arms transfer's item may be a weapon."""
    if p.role not in AGENT_ROLES and (p.role != "item" or event_type == "AID"):
        return False
    if p.label in NON_AGENT_LABELS or is_time(p.text) or _DAY_POSSESSIVE.fullmatch(p.text):
        return True
    if p.text.lower() in HOW_MANY:
        return True  # "Twin bombings struck the cathedral": "Twin" tagged as a group
    if p.role in ("actor", "by") and _BARE_COUNT.fullmatch(p.text):
        return True  # "one of the airstrikes targeted the town": the count of the strikes
    if is_country_possessive(p.text):
        return True  # "in Syrias second city": the possessive's owner, cut from its noun
    if _only_a_quantity(p.text):
        return True  # "killing more", "a big number of them": how many, not who
    if p.label in AGENT_LABELS or p.label in PLACE_LABELS:
        return False
    words = p.text.lower().replace('"', " ").split()
    head = next((i for i, w in enumerate(words) if w in _PHRASE_BREAK), len(words))
    # the head noun is the last word before a preposition: "shelling on opposition areas in"
    # (a phrase the parse cut short) is the shelling
    modal = load_claim_cues().modal_nouns  # "the aim", "a plan": what is meant, never who
    return bool(words) and any(
        w in NON_AGENT_HEADS or _happening_noun(w) or w in modal or w.removesuffix("s") in modal
        for w in {words[-1], words[head - 1]}
    )


# Words of a quantity with no noun of who it counts: "more", "tens", "a big number", "one".
_QUANTITY_WORDS = frozenset(
    {
        "a", "an", "the", "big", "large", "great", "huge", "small", "number", "more", "most",
        "than", "at", "least", "some", "many", "several", "tens", "others", "other", "another",
        "few", "all", "both", "dozens", "scores", "hundreds", "thousands",
    }
)  # fmt: skip


def _only_a_quantity(text: str) -> bool:
    """A phrase that only says how many ("more", "tens", "a big number", "two others"): the
    parse cut off what it counts, and no coder records a count as a side."""
    words = text.lower().split()
    if not words:
        return False
    if all(w in _QUANTITY_WORDS or is_count(w) for w in words):
        return True
    # "wounded 25" of "killed eight civilians and wounded 25": a toll the parse made a phrase
    counted = any(is_count(w) for w in words)
    return counted and all(w in _QUANTITY_WORDS or w in _TOLL_WORDS or is_count(w) for w in words)


_TOLL_WORDS = frozenset({"wounded", "injured", "killed", "dead", "hurt"})


def _happening_noun(word: str) -> bool:
    """A noun the event schema reads as a happening ("assassinations", "massacre", "siege"):
    what is done, never who does it ("has been targeted by assassinations")."""
    return load_event_schema().names_a_happening(word)


def _weapon_owner(p: Participant) -> Participant | None:
    """Whose the weapon is, when its phrase names them: "pounded by the terrorists mortars"
    (the apostrophe lost), "regime artillery", "rebel rockets": the owner is the agent, the
    weapon is none. Only a phrase of the parser's own (a name is never cut)."""
    if p.label != "NP" or p.role not in ("actor", "by"):
        return None
    words = list(re.finditer(r"[\w-]+", p.text))
    head = next((i for i, w in enumerate(words) if w.group(0).lower() in _PHRASE_BREAK), 0)
    # only the words before the head: in "shelling on opposition areas" the areas are hit
    for word in reversed(words[: head - 1] if head else words[:-1]):
        bare = re.sub(r"['’]s?$", "", word.group(0).lower())
        # "Russian warplanes": a nationality flies them, as "regime jets" the regime
        if bare in AGENT_HEADS or bare in AGENT_MODIFIERS or bare in load_roles().demonyms:
            start = p.start + word.start()
            return replace(p, text=word.group(0), start=start, end=start + len(word.group(0)))
        if _lost_possessive_of_a_side(bare):
            start = p.start + word.start()
            owner = word.group(0)[:-1]
            return replace(p, text=owner, start=start, end=start + len(owner))
    return None


# A count and nothing else: what it counts is elsewhere ("one of the airstrikes").
_BARE_COUNT = re.compile(
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|"
    r"hundreds|thousands",
    re.I,
)


# "last night's attack", "Monday's strike": the possessive is the day's, not an attacker's
# (also with its apostrophe lost, as in copy stripped of punctuation: "Mondays attack").
_DAY_POSSESSIVE = re.compile(
    r"(?:(?:last|this|early|late)\s+)?(?:night|morning|evening|weekend|\w*day)['’]?s", re.I
)
_TIME_FILLERS = frozenset({"last", "next", "this", "early", "late", "on", "the", "of"})
_PARTS_OF_A_DAY = frozenset(
    {
        "morning", "afternoon", "evening", "night", "dawn", "dusk", "midnight", "noon", "midday",
        "overnight",
    }
)  # fmt: skip
# A day told by its place in the story, as histories tell them: "the same day", "the next
# morning", "the following week" (no date of its own, so `find_time_expressions` has none).
_STORY_DAY = re.compile(
    r"(?:on\s+)?(?:the\s+)?(?:same|next|following|previous|preceding|that)\s+"
    r"(?:day|night|morning|afternoon|evening|week|weekend|month|year)",
    re.I,
)


# A time of day by the clock: "2000 GMT", "(0100 UTC)", "4:00 A.M.", "11 pm".
_CLOCK = re.compile(
    r"\(?\s*(?:\d{3,4}|\d{1,2}(?::\d{2})?)\s*(?:GMT|UTC|[ap]\.?m\.?)\s*\)?"
    r"(?:\s+local\s+time)?",
    re.I,
)


def is_time(text: str) -> bool:
    """The whole of `text` is a time ("Friday", "Last Monday", "12 March", "2000 GMT", "the
    evening" of "on Friday evening", which the parse may hang apart from its day)."""
    if _CLOCK.fullmatch(text.strip()) or _STORY_DAY.fullmatch(text.strip()):
        return True
    if text.strip().lower().removeprefix("the ") in _PARTS_OF_A_DAY:
        return True
    found = find_time_expressions(text)
    if not found:
        return False
    rest = text[: found[0].start] + text[found[0].end :]
    return all(w.lower() in _TIME_FILLERS for w in rest.split())


# A stretch of time glued before a phrase: "For nearly a week regime troops have been ..."
_DURATION_BEFORE = re.compile(
    r"(?:for\s+)?(?:nearly|almost|about|around|over|some|more\s+than|less\s+than)?\s*"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+"
    r"(?:hours?|days?|weeks?|months?|years?)\s+",
    re.I,
)


def _without_time(p: Participant) -> Participant:
    """ "Last Monday regime forces": the phrase without the time the parser glued to it."""
    if p.label != "NP":
        return p
    lasting = _DURATION_BEFORE.match(p.text)
    if lasting is not None and p.text[lasting.end() :].strip():
        return replace(p, text=p.text[lasting.end() :], start=p.start + lasting.end())
    found = find_time_expressions(p.text)
    if not found or p.text[: found[0].start].strip().lower() not in ("", *_TIME_FILLERS):
        return p
    rest = p.text[found[0].end :]
    cut = len(p.text) - len(rest.lstrip())
    if not rest.strip() or rest.strip() in ("'s", "’s"):
        return p  # all of it a time, or a day's ("Friday's"): no phrase left to keep
    return replace(p, text=p.text[cut:], start=p.start + cut)


# Head nouns of places and buildings: "al-Sayyed Ali neighborhood", "Deir Ezzor city".
SITE_HEADS = frozenset(
    {
        "neighborhood", "neighbourhood", "city", "town", "village", "district", "area", "areas",
        "province", "governorate", "countryside", "suburb", "suburbs", "camp", "market",
        "hospital", "school", "mosque", "clinic", "airport", "road", "highway", "square",
        "cities", "towns", "villages", "neighborhoods", "neighbourhoods", "districts",
        "capital", "line", "lines", "frontline", "frontlines", "checkpoint", "checkpoints",
        # ground and buildings told by their lie or use ("the bombing on the outskirts of the
        # capital", "airstrikes on rebel-held parts of Aleppo", "hit a bakery")
        "outskirts", "parts", "edges", "building", "buildings", "bakery",
        # a country's ground ("shelled Turkish soil", "struck Syrian territory"): where it fell
        "soil", "territory", "territories", "region", "regions", "port", "coast", "coastline",
        "airspace",
    }
)  # fmt: skip


def _is_site(p: Participant, trigger_start: int = 0, doc: Doc | None = None) -> bool:
    """A town, district or building named as a violent event's actor or target (the trigger at
    `trigger_start`: a capital after it may be a side, one before it modifies it unless it is
    a clause's subject, read in `doc`)."""
    if p.role == "place":
        return False
    if p.label in PLACE_LABELS:
        # a country acts; so does a capital named as a side after the trigger, for its
        # government ("clashes between Ankara and the PKK"; "a Kabul car bombing" is placed),
        # or as the subject of the clause that tells it ("Ankara launched an offensive",
        # "Moscow has been carrying out air strikes")
        # (relcheck reads the relation readers, which read this module)
        from sitrep.extract.relcheck import is_state

        told = p.start > trigger_start or _a_clause_subject(p, doc)
        side = p.role in ("actor", "by") and told and is_state(p.text)
        return not is_country(p.text) and not side
    words = p.text.lower().split()
    return p.label != "PERSON" and bool(words) and words[-1] in SITE_HEADS


def _a_clause_subject(p: Participant, doc: Doc | None) -> bool:
    """The participant's words are a verb's subject in the parse `doc` (none: not known)."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand") if doc is not None else None
    return span is not None and len(span) > 0 and dep(span.root) in NOMINAL_SUBJECT_DEPS


# "government-held parts", "rebel-controlled areas", "a Kurdish-populated district": whose
# the ground is or who lives there, glued to it by a hyphen; the ground is hit, and the word
# before the hyphen is no participant (the parse may take it alone).
_HELD = re.compile(
    r"-(?:held|controlled|run|besieged|dominated|administered|populated|inhabited|majority)\b",
    re.I,
)


def _holder_of_territory(p: Participant, text: str) -> bool:
    return p.role in AGENT_ROLES and p.label in ("NP", "NORP") and bool(_HELD.match(text, p.end))


# A pronoun the parse left as it was names no one an analyst can code ("capturing it": the
# place, said elsewhere); the people a pronoun stands for are resolved before this (`spans`).
_UNRESOLVED_PRONOUNS = frozenset({"it", "its", "they", "them", "this", "that", "these", "those"})
# The window of text around a participant read for the time expression it may be part of.
_TIME_WINDOW = 40


def _whole_hyphenated(p: Participant, text: str) -> Participant:
    """ "US-led coalition forces" cut after its hyphen by the parse ("led coalition forces"):
    the phrase begins with the word the hyphen joins to it."""
    if p.role not in AGENT_ROLES or text[max(0, p.start - 1) : p.start] != "-" or p.start < 2:
        return p
    begin = p.start - 1
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in ".'’"):
        begin -= 1
    if begin == p.start - 1:
        return p  # a dash standing alone, not a word's hyphen
    return replace(p, text=text[begin : p.end], start=begin)


def _part_of_a_time(p: Participant, text: str) -> bool:
    """The participant is a piece of a date the text tells: the day number of "On 7 February
    2017, Jund al-Aqsa attacked ..." or "struck ... again on 18 May", which the parse may hang
    on the verb as its subject or object."""
    if p.role not in AGENT_ROLES or not text:
        return False
    lo = max(0, p.start - _TIME_WINDOW)
    return any(
        lo + t.start <= p.start and p.end <= lo + t.end
        for t in find_time_expressions(text[lo : p.end + _TIME_WINDOW])
    )


def without_own_phrase(mention: EventMention) -> EventMention:
    """The mention without a participant whose phrase holds its own trigger: "The attack only
    targeted civilians" merges the verb into the noun, and the verb's subject, the attack, takes
    no part in itself."""
    kept = tuple(p for p in mention.participants if not p.start <= mention.trigger_start < p.end)
    return mention if kept == mention.participants else replace(mention, participants=kept)


def typed_arguments(mention: EventMention, text: str = "", doc: Doc | None = None) -> EventMention:
    """A violent mention's towns and buildings out of its actors and targets, and no event's
    actor a weapon or a vehicle (see module doc). A town where the attackers are ("terrorists
    located in Binnish", read in `text`) is no place of the attack. A participant without a
    word (a paragraph break the parse made a subject) or inside a date is none, and a news
    agency's name ("... Aleppo Monitor AFP Eleven children were killed", a credit run into the
    lede) is neither side of a violent happening: it files the report. `doc`, the parse of
    `text`, tells a place people came from (`_where_people_came_from`)."""
    trimmed = tuple(
        _without_time(_whole_hyphenated(p, text))
        for p in map(lambda p: _owner_of_a_lost_possessive(p, text), mention.participants)
        if not _eponym(p, text)
        and not _holder_of_territory(p, text)
        and p.text.lower() not in _UNRESOLVED_PRONOUNS
        and any(c.isalnum() for c in p.text)
        and not _part_of_a_time(p, text)
        and not across_a_border(text, p)
        and not _glued_before_a_count(p, text)
        and not _opens_with_a_happening(p)
        and not (mention.type in VIOLENT and is_agency_name(p.text))
        and not _nationality_of_a_place(p, text)
    )
    kept = tuple(
        owner
        for p in trimmed
        for owner in ([_weapon_owner(p)] if _not_agent(p, mention.type) else [p])
        if owner is not None
    )
    # a town read as a group is a place name, placed below as any other town is
    if mention.type in VIOLENT:
        kept = tuple(replace(p, label="GPE") if _town_taken_for_a_group(p) else p for p in kept)
    if kept != mention.participants:
        mention = replace(mention, participants=kept)
    if mention.type not in VIOLENT:
        return mention
    places = [
        p
        for p in mention.participants
        if _is_site(p, mention.trigger_start, doc)
        or _named_as_a_place(p, text)
        or _part_of_a_country(p, text)
    ]
    if not places:
        return mention
    kept = tuple(p for p in mention.participants if p not in places)
    named = [  # a bare "market" places nothing; nor does a country after a compass word
        p
        for p in places
        if (p.label in PLACE_LABELS or _named_as_a_place(p, text))
        and not _where_someone_is(text, p.start)
        and not _where_people_came_from(p, mention, doc)
        and not _names_a_force(text, p.end)
        and not _part_of_a_country(p, text)
    ]
    if not named:
        named = [g for g in map(_country_of_its_ground, places) if g is not None][:1]
    place = mention.place or (replace(named[0], role="place") if named else None)
    return replace(mention, participants=kept, place=place)


def _country_of_its_ground(p: Participant) -> Participant | None:
    """A nationality before a country's ground ("Turkish soil"), as a place on the phrase as
    written (resolution reads it as that country: `resolve.places`); None for any other."""
    return None if country_of_its_ground(p.text) is None else replace(p, label="GPE")


# Buildings and sites named after a person: "the holy shrine of Sayyeda Zeinab", "Richard J.
# Donovan Correctional Facility". The name is the site's, and the person no participant.
_NAMED_SITES = (
    "shrine|tomb|mausoleum|mosque|church|hospital|school|university|airport|square|street"
    "|bridge|stadium|facility|prison|centre|center|academy|base"
)
_SITE_OF_BEFORE = re.compile(rf"\b(?:{_NAMED_SITES})\s+of\s+(?:the\s+)?$", re.I)
_SITE_AFTER = re.compile(
    rf"^\s+(?:[A-Z][a-z]+\s+){{0,2}}(?:{_NAMED_SITES.title()}|{_NAMED_SITES})\b"
)


def _opens_with_a_happening(p: Participant) -> bool:
    """ "killing 18 people and injuring scores more": the parse made "injuring" a modifier of
    the second conjunct, so "injuring scores more" came out as a target. A participant opening
    with a happening's gerund is that verb's clause, no one taking part."""
    words = p.text.split(maxsplit=1)
    first = words[0].lower() if words else ""
    return (
        p.label == "NP"
        and first.endswith("ing")
        and any(t.pos == "verb" for t in load_event_schema().by_form(first))
    )


def _eponym(p: Participant, text: str) -> bool:
    """A person's name that names a building or site ("the shrine of X", "X Correctional
    Facility"), not the person taking part."""
    if p.label != "PERSON" or not text or p.role not in AGENT_ROLES:
        return False
    before, after = text[max(0, p.start - 40) : p.start], text[p.end : p.end + 40]
    return _SITE_OF_BEFORE.search(before) is not None or _SITE_AFTER.match(after) is not None


_SOMEONE_IS_IN = re.compile(
    rf"\b(\w+)\s+(?:{'|'.join(sorted(WHERE_SOMEONE_IS))})\s+(?:in|at|inside|near)\s+(?:the\s+)?$",
    re.I,
)


# "the neighborhoods of X and Y", "the town of X": a name after a kind of place and "of" is a
# place whatever the tagger took it for ("Halap al-Jadideh" read as an organisation).
_KIND_OF_BEFORE = re.compile(
    r"\b(?:neighbou?rhoods?|villages?|towns?|city|cities|districts?|suburbs?|quarters?)"
    r"\s+of\s+(?:the\s+)?$",
    re.I,
)


def _named_as_a_place(p: Participant, text: str) -> bool:
    return (
        p.role != "place"
        and _KIND_OF_BEFORE.search(text[max(0, p.start - 30) : p.start]) is not None
    )


_COMPASS_BEFORE = re.compile(
    r"\b(?:(?:north|south|east|west|(?:north|south)-?(?:east|west))(?:ern)?|central)\s+$", re.I
)


def _town_taken_for_a_group(p: Participant) -> bool:
    """A target the tagger read as an organisation whose name the gazetteer knows, by that
    name, as a town or city of the pack's theatre ("jets struck Jisr al-Shughour", tagged ORG):
    the place struck, not a party. An actor keeps the name: the sentence makes it an agent.
    Only a name read as an organisation: a person's name may spell a town ("Soleimani" is a
    variant of Sulaymaniyah), and variants do not count for the same reason."""
    if p.role != "target" or p.label != "ORG":
        return False
    from sitrep.resolve.places import gazetteer, resolve_place  # (resolve imports extract)

    found = resolve_place(p.text, small_towns=True)
    return (
        found is not None
        and found.precision == "city"
        and found.country_code in gazetteer().theatre
        and "variant" not in found.reason
    )


_PLACE_NOUN_AFTER = re.compile(r"\s+(?:border\s+)?([a-z]+)\b")


def _nationality_of_a_place(p: Participant, text: str) -> bool:
    """A nationality right before a place's noun ("air strikes on the northern Syrian city of
    Aleppo") says whose the place is: it is no one taking part (before, "Syrian" the target).
    The nouns are the phrase reader's (`within.NATIONALITY_PLACES`, read by `spans`)."""
    if p.label != "NORP" or not text:
        return False
    after = _PLACE_NOUN_AFTER.match(text, p.end)
    return after is not None and after.group(1) in NATIONALITY_PLACES


def _part_of_a_country(p: Participant, text: str) -> bool:
    """ "airstrikes on northwestern Syria": a part of the country, where the strikes fell, not
    the state struck."""
    before = text[max(0, p.start - 16) : p.start]
    return p.label in PLACE_LABELS and _COMPASS_BEFORE.search(before) is not None


_NEXT_WORD = re.compile(r"\s+([\w-]+)")


def _names_a_force(text: str, end: int) -> bool:
    """The "place" is a word before a force's noun ("attacks by the Takfiri terrorists", the
    tagger taking "Takfiri" for a place): it tells what the force is, not where it struck."""
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1).lower() in AGENT_HEADS


def _where_people_came_from(p: Participant, mention: EventMention, doc: Doc | None) -> bool:
    """The participant names where the people hit came from ("a convoy of families from
    Madaya", "evacuees from the towns of Fuaa and Kafraya"), not where the attack on them was:
    the parse's reading (`merge.where_people_came_from`), which the sentence's places get too.
    No parse (a caller with the text alone): no one is read as coming from anywhere."""
    if doc is None:
        return False
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and where_people_came_from(span.root, mention)


def _where_someone_is(text: str, start: int) -> bool:
    """The words before `start` are an agent and "located in", "positioned at the" ... (gas
    fields located somewhere are placed there)."""
    found = _SOMEONE_IS_IN.search(text[max(0, start - 60) : start])
    return found is not None and found.group(1).lower() in AGENT_HEADS


def fill_agents(
    mention: EventMention,
    doc: Doc,
    sent: Span,
    mask: Sequence[tuple[int, int]],
    others: frozenset[int] = frozenset(),
) -> EventMention:
    """A violent mention's missing actor and target from its sentence (see module doc);
    `others` are where the document's other mentions' triggers start (their doers are theirs)."""
    if mention.type not in VIOLENT:
        return mention
    roles = {p.role for p in mention.participants}
    actor_role = "actor" if mention.type == "ASSAULT" else "by"
    added: list[Participant] = []
    if not roles & {"actor", "by"}:
        agent = _sentence_agent(sent, mask, mention, others)
        if agent is not None:
            text = doc.text
            added.append(_owner_of_a_lost_possessive(_participant(actor_role, agent), text))
    if not _people_targeted(mention) and mention.casualties is not None:
        victims = _toll_victims(mention.casualties.text or "", sent)
        if victims is not None:
            added.append(victims)
    added.extend(_co_owners(mention.participants + tuple(added), doc))
    if not added:
        return mention
    return replace(mention, participants=mention.participants + tuple(added))


def _co_owners(participants: tuple[Participant, ...], doc: Doc) -> list[Participant]:
    """The other owners joined by "and" before a weapon or craft whose one owner is a doer:
    "Russian and government planes targeted", "bombarded by both Syrian and allied Russian
    warplanes" (the parse keeps the first modifier as the doer and hangs the rest on the
    weapon, not on it). Each side that flies or fires them did it."""
    doers = [p for p in participants if p.role in ("actor", "by")]
    taken = {(p.start, p.end) for p in participants}
    found: list[Participant] = []
    for doer in doers:
        span = doc.char_span(doer.start, doer.end, alignment_mode="expand")
        if span is None or dep(span.root) not in ("amod", "compound"):
            continue
        weapon = span.root.head
        if weapon.lower_ not in NON_AGENT_HEADS or weapon.i <= span.root.i:
            continue
        before = doc[weapon.left_edge.i : weapon.i]
        if not any(t.lower_ == "and" and dep(t) == "cc" for t in before):
            continue
        for token in before:
            if span.start <= token.i < span.end:
                continue
            owner: Span | None = None
            if token.ent_iob_ == "B" and token.ent_type_ == "NORP":
                owner = _entity_at(token)
            elif token.lower_ in AGENT_MODIFIERS and not token.ent_type_:
                owner = doc[token.i : token.i + 1]
            if owner is None or owner.end > weapon.i:
                continue
            key = (owner.start_char, owner.end_char)
            if key not in taken:
                taken.add(key)
                found.append(_participant(doer.role, owner))
    return found


def _toll_victims(toll: str, sent: Span) -> Participant | None:
    """The people a casualty count names ("around 20 civilians"), found in the sentence; a toll
    read from several places of it is told as its parts joined by "; "."""
    for part in toll.split("; "):
        victims = _VICTIMS.search(part)
        at = sent.text.find(part) if victims is not None else -1
        if victims is not None and at >= 0:
            start = sent.start_char + at + victims.start()
            return Participant(
                "target", victims.group(0), start, start + len(victims.group(0)), "NP", None
            )
    return None


def _people_targeted(mention: EventMention) -> bool:
    """Some target names people: a name, or a phrase whose head is a word for people or
    forces. "An attack on aid trucks and a warehouse killed 20 civilians": the trucks were
    hit, the civilians are the victims the toll names."""
    for p in mention.participants:
        if p.role != "target":
            continue
        words = p.text.lower().split()
        # the head is the last word, or the word before "of"/"from" in a phrase for members
        # of a body ("three fighters from the Popular committees")
        heads = words[-1:] + [w for w, nxt in pairwise(words) if nxt in ("of", "from")]
        if p.label != "NP" or any(_VICTIMS.fullmatch(h) or h in AGENT_HEADS for h in heads):
            return True
    return False


def _participant(role: str, span: Span) -> Participant:
    label = span.label_ if span.label_ else "NP"
    return Participant(role, span.text, span.start_char, span.end_char, label, None)  # type: ignore[arg-type]


def _sentence_agent(
    sent: Span, mask: Sequence[tuple[int, int]], mention: EventMention, others: frozenset[int]
) -> Span | None:
    taken = {(p.start, p.end) for p in mention.participants}
    if mention.place is not None:
        taken.add((mention.place.start, mention.place.end))
    clause = _after_clause_at(sent, mention.trigger_start)
    for token in sent:
        span = _agent_span(token)
        if span is None or inside(mask, span.start_char, span.end_char):
            continue
        if clause is not None and not clause.left_edge.i <= span.start <= clause.right_edge.i:
            continue  # "Rebels hit a school a day after airstrikes killed 35": not the rebels
        if (span.start_char, span.end_char) in taken or not _agent_position(span):
            continue
        if _doer_of_another_happening(span, mention, others):
            continue
        if _not_agent(
            _owner_of_a_lost_possessive(_participant("actor", span), sent.doc.text), mention.type
        ):
            continue  # "Fridays strikes" (a day's, its apostrophe lost) tagged as a group
        if _speaker(span) or _cited(span):
            continue  # "X said the warplanes targeted ...": X tells it, the planes did it
        return span
    return None


def _after_clause_at(sent: Span, char: int) -> Token | None:
    """The "a day after" clause the trigger starting at `char` is in (`deps.after_days`): what
    it tells is an earlier happening, whose doer the clause names or leaves unnamed."""
    trigger = next((t for t in sent if t.idx == char), None)
    return after_days(trigger) if trigger is not None else None


def _cited(span: Span) -> bool:
    """Named after "according to" ("wounded in the attack according to the London-based
    Observatory"): the source, never the doer."""
    doc = span.doc
    for i in range(max(span.sent.start, span.start - 7), span.start - 1):
        if doc[i].lower_ != "according" or doc[i + 1].lower_ != "to":
            continue
        between = doc[i + 2 : span.start]
        if any(t.text == "," or t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in between):
            return False
        # "According to reports the Coalitions airstrikes ...", the comma stripped: an article
        # right after a noun opens a phrase of its own, past the source's ("according to the
        # head of the council" keeps its articles after "to" and "of")
        return not any(t.tag_ == "DT" and doc[t.i - 1].tag_ in ("NN", "NNS") for t in between[1:])
    return False


def _speaker(span: Span) -> bool:
    """The subject of a verb of saying ("Najib Ansari said ...", "the monitor reported")."""
    root = span.root
    if dep(root) != "nsubj" or root.head.i == root.i or root.head.pos_ not in ("VERB", "AUX"):
        return False
    cues = load_claim_cues()
    verbs = (cues.reporting_verbs, cues.deny_verbs, cues.confirm_verbs)
    return any(verb_lemma(root.head.text, vocab) is not None for vocab in verbs)


def _describing_participle(verb: Token) -> bool:
    """ "oil facilities captured by IS": a bare participle describing a noun (a clause with an
    auxiliary or a subject of its own is not: the parse may hang "that the attack was carried
    out by ..." on a noun)."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBN", "VBG"):
        return False
    if dep(verb) not in ("acl", "relcl", "acl:relcl"):
        return False
    return not any(dep(c).startswith(("aux", "nsubj")) for c in verb.children)


def _subject_of_another_object(span: Span, mention: EventMention, others: frozenset[int]) -> bool:
    """The subject of a verb whose object is another happening: "ISIS launched attacks on army
    positions minutes after the coalition's airstrikes" (ISIS made the attacks, not the
    airstrikes). An object of the mention's own kind is another happening where it is another
    mention's trigger ("no claim for the attack, but X has carried out similar attacks")."""
    root = span.root
    if dep(root) != "nsubj" or root.head.i == root.i:
        return False
    for obj in root.head.children:
        if dep(obj) not in ("dobj", "obj") or not _happening_noun(obj.text):
            continue
        own = mention.at_trigger(obj.idx)
        if not own and (obj.idx in others or not _names_its_kind(obj, mention)):
            return True
    return False


def _names_its_kind(word: Token, mention: EventMention) -> bool:
    """A noun the lexicon reads as a happening of the mention's own type and mode: "killed in
    airstrikes carried out by the regime" tells the doer of the strikes the toll was merged
    into, whichever word the mention kept as its trigger."""
    return any(
        t.pos == "noun" and t.type == mention.type and t.mode == mention.mode
        for t in load_event_schema().by_form(word.text)
    )


def _doer_of_another_happening(
    span: Span, mention: EventMention, others: frozenset[int] = frozenset()
) -> bool:
    """ "by X" in the phrase of another happening's noun names that happening's doer: "the
    strikes are in retaliation against the execution of the pilot by Nusra Front" (Nusra
    executed the pilot; the strikes were not theirs), and so does the doer in a clause that
    describes a noun ("the strikes targeted oil facilities captured by IS"). Read up the noun
    phrase, to its clause."""
    if _by_another_verb(span, mention) or _subject_of_another_object(span, mention, others):
        return True
    if _modifies_another_action(span, mention):
        return True
    root = span.root
    verb = root.head
    if dep(root) == "nsubj" and verb.idx in others and not mention.at_trigger(verb.idx):
        return True  # "... where rebels killed a pilot": the doer of that killing
    node = span.root
    for _ in range(3):
        node = node.head
        noun = node.head  # (its compound may be the trigger: "bomb" of "bomb blasts")
        own = any(
            mention.at_trigger(t.idx) or _names_its_kind(t, mention)
            for t in (noun, *(c for c in noun.children if dep(c) == "compound"))
        )
        if _describing_participle(node) and not own:
            # "oil facilities captured by IS": the capture's doer, not the strikes'; "bomb
            # blasts claimed by Daesh" describes the blasts themselves, whose doer it names
            return True
        if node.pos_ != "NOUN" or node.i == node.head.i:
            return False  # a verb or the root: the clause, not a noun phrase
        if mention.at_trigger(node.idx):
            return False  # the mention's own noun: "attacks by insurgents"
        if _cause_of_trigger(node, mention):
            return False  # "wounded in terrorist attacks": the wounding's own attack
        if _happening_noun(node.text):
            return True
    return False


def _modifies_another_action(span: Span, mention: EventMention) -> bool:
    """A force's word on a noun of military action that is neither the mention's trigger nor
    near it: "US Central Command, which oversees US military operations in the region, said a
    strike ..." (the command's operations in general, not the strike's doer). "Army operations
    killed five" and "killed as army operations continued" stay: the operations are the
    trigger's subject or its clause's."""
    root = span.root
    if dep(root) not in ("compound", "amod", "nmod:poss", "poss"):
        return False
    noun = _modified_noun(root)
    if noun.lower_ not in MILITARY_ACTION_NOUNS:
        return False
    if mention.at_trigger(noun.idx) or _names_its_kind(noun, mention):
        return False
    near = (noun.head, noun.head.head, *noun.children)
    return not any(mention.at_trigger(t.idx) for t in near)


# Prepositions of an attack that caused a casualty verb's toll ("killed in", "wounded by").
_CAUSE_PREPS = frozenset({"in", "by", "during"})


def _cause_of_trigger(noun: Token, mention: EventMention) -> bool:
    """An attack noun hung on the mention's own casualty verb as its cause ("two children were
    injured in a terrorist attack with rocket shells"): the same happening, whose doer is the
    mention's, not another's."""
    head = noun.head
    return (
        head.i != noun.i
        and mention.at_trigger(head.idx)
        and head.pos_ in ("VERB", "ADJ", "AUX")
        and case_word(noun) in _CAUSE_PREPS
    )


# What a name stands in for inside its phrase: "by Al-Qaeda's former Syrian branch" is the
# branch's "by".
_INSIDE_PHRASE = frozenset({"compound", "amod", "nmod:poss", "poss", "flat", "appos"})


def _by_another_verb(span: Span, mention: EventMention) -> bool:
    """ "by X" on a verb that is neither the trigger, nor an attack or event verb, nor said of
    the trigger's noun: "the raids targeted the town ... which is controlled by a rebel
    alliance led by X" (X leads, the raids are not its), "backed by Russia". "The attack was
    perpetrated by X" says who did the attack itself."""
    phrase = span.root
    while dep(phrase) in _INSIDE_PHRASE and phrase.head.i != phrase.i:
        phrase = phrase.head
    doc = span.doc
    after_by = span.start > 0 and doc[span.start - 1].lower_ == "by"
    if not after_by and not any(c.lower_ == "by" and dep(c) == "case" for c in phrase.children):
        return False
    verb = phrase.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == phrase.i:
        return False

    if mention.at_trigger(verb.idx) or _attack_verb(verb) or load_event_schema().by_form(verb.text):
        return False
    # what the verb is said of: its subject, or what it hangs on ("a bomb planted by Daesh")
    said_of = [c for c in verb.children if dep(c).startswith("nsubj")]
    if verb.head.i != verb.i:
        said_of.append(verb.head)
    return not any(mention.at_trigger(t.idx) for t in said_of)


def _entity_at(token: Token) -> Span | None:
    """The entity `token` begins, within its sentence, read from the tokens' IOB tags.

    Not `token.sent.ents`: `Span.ents` walks the whole Doc's entities on every call, which
    made this quadratic in a document's length (165 s of CPU for a 1.3M-character text)."""
    doc, end = token.doc, token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end > token.sent.end:  # crosses the sentence's end: not one of its entities
        return None
    return Span(
        doc, token.i, end, label=token.ent_type, kb_id=token.ent_kb_id, span_id=token.ent_id
    )


# A name run into the count that follows it: "... provided by a source at Aleppo Police Command
# 5 people were killed" (no noun takes a name, then a number, as its modifiers).
_BEFORE_A_COUNT = re.compile(r"\s+\d[\d,.]*\s+[a-z]")


def _glued_before_a_count(p: Participant, text: str) -> bool:
    """A name the parse made part of the counted phrase after it, which it never modifies: the
    end of another phrase (a source's, a place's) that copy without commas ran into the count."""
    return p.label != "NP" and _BEFORE_A_COUNT.match(text, p.end) is not None


# What a side owns or carries out, after its possessive: "Russias jets", "the regimes shelling".
_OWNED_BY_A_SIDE = MILITARY_ACTION_NOUNS | CRAFT_NOUNS | AGENT_HEADS


def _owner_of_a_lost_possessive(p: Participant, text: str) -> Participant:
    """A doer whose last word is a side's or a country's possessive with its apostrophe lost,
    before what the side owns or does ("Russias jets", "The regimes shelling", "the Coalitions
    airstrikes"): the side itself, without the "s" (a possessive is never a name of its own:
    "Russias" was dropped as no one, "The regimes" kept whole)."""
    if p.role not in ("actor", "by") or not text:
        return p
    words = list(re.finditer(r"\S+", p.text))
    after = _NEXT_WORD.match(text, p.end)
    if not words or after is None or after.group(1).lower() not in _OWNED_BY_A_SIDE:
        return p
    last = words[-1]
    word = last.group(0)
    country = is_country_possessive(word)
    if not (country or _lost_possessive_of_a_side(word.lower())):
        return p
    start = p.start + last.start()
    label = "GPE" if country else "NP"
    return replace(
        p, text=word[:-1], start=start, end=start + len(word) - 1, label=label, pack_id=None
    )


def _lost_possessive_of_a_side(word: str) -> bool:
    """ "regimes helicopters", "rebels shelling": a side's possessive whose apostrophe copy
    stripped of punctuation lost (FA-KES), read as the side without its "s"."""
    return word.endswith("s") and word[:-1] in AGENT_MODIFIERS


def _agent_span(token: Token) -> Span | None:
    """The entity or compact noun phrase `token` starts or heads, when it names an agent."""
    doc = token.doc
    if token.ent_iob_ == "B":
        ent = _entity_at(token)
        if ent is None or _describes_a_side(ent):
            return None  # "Syrian rebel shelling": the rebels shelled, "Syrian" tells whose
        if ent.label_ in AGENT_LABELS or (ent.label_ == "GPE" and is_country(ent.text)):
            return ent
        if ent.label_ in ("GPE", "LOC") and is_country(ent.text) and _leads(ent):
            return ent  # "US-led air strikes"
        return None
    if (
        (token.lower_ in AGENT_MODIFIERS or _lost_possessive_of_a_side(token.lower_))
        and not token.ent_type_
        and _modifies_an_attack(token)
    ):
        # "terrorist rocket attacks", "rebel shelling"; "Syrian regime airstrikes": the side
        # with the nationality that tells whose it is
        return doc[_nationality_before(token) : token.i + 1]
    if token.lower_ in AGENT_HEADS and token.pos_ in ("NOUN", "PROPN") and not token.ent_type_:
        left = token.i
        while left > token.sent.start:
            before = doc[left - 1]
            glued = before.text == "-" and not before.whitespace_ and left - 2 >= token.sent.start
            if glued:  # "US-led coalition": the hyphenated word belongs to the phrase
                left -= 2
            elif dep(before) in ("amod", "compound", "flat"):
                left -= 1  # ("flat": the rest of a name before it, "the Bashar al-Assad regime")
            else:
                break
        return doc[left : token.i + 1]
    return None


def _describes_a_side(ent: Span) -> bool:
    """A nationality that modifies a side's word ("Syrian rebel", "Russian army"): the side is
    the agent, the nationality only tells whose it is. Also where the parse hung both on the
    noun after them ("Syrian regime airstrikes": "Syrian" and "regime" both on the strikes)."""
    head = ent.root.head
    if ent.label_ != "NORP" or dep(ent.root) not in ("amod", "compound"):
        return False
    if head.i == ent.end and head.lower_ in AGENT_MODIFIERS:
        return True
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (
        after is not None
        and after.lower_ in AGENT_MODIFIERS
        and not after.ent_type_
        and after.head.i == head.i
        and dep(after) in ("amod", "compound")
    )


def _nationality_before(side: Token) -> int:
    """Where the phrase of a side's word starts: at a nationality right before it that
    describes it ("Syrian regime"), else at the word."""
    doc = side.doc
    before = doc[side.i - 1] if side.i > side.sent.start else None
    if before is None or before.ent_type_ != "NORP" or before.ent_iob_ == "O":
        return side.i
    ent = _entity_at(doc[before.i - _inside(before)])
    return ent.start if ent is not None and ent.end == side.i and _describes_a_side(ent) else side.i


def _inside(token: Token) -> int:
    """How many tokens of its entity come before `token`."""
    n = 0
    while token.i - n > 0 and token.doc[token.i - n].ent_iob_ == "I":
        n += 1
    return n


def _leads(ent: Span) -> bool:
    """A country glued to "led" by a hyphen ("US-led", "Saudi-led"): it leads what follows."""
    doc = ent.doc
    return (
        ent.end + 1 < len(doc)
        and doc[ent.end].text == "-"
        and not doc[ent.end - 1].whitespace_
        and doc[ent.end + 1].lower_ == "led"
    )


def _modifies_an_attack(token: Token) -> bool:
    """A word that modifies an attack noun ("rebel shelling", "regime air raids", "army
    operations"), also where the parse made it the subject of the noun right after it ("The
    regime airstrikes killed")."""
    if dep(token) in ("amod", "compound"):
        return _modified_noun(token).lower_ in MILITARY_ACTION_NOUNS
    head = token.head
    return dep(token) == "nsubj" and head.i == token.i + 1 and head.lower_ in ATTACK_NOUNS


def _force_before_an_action(noun: Token) -> bool:
    """A force's word right before a noun of military action that the parse hung on it ("in
    Syrian Army troops offensive": "offensive" made a clause of "troops"): the force acts."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return (
        noun.lower_ in AGENT_HEADS
        and after is not None
        and after.lower_ in MILITARY_ACTION_NOUNS
        and (after.head.i == noun.i or noun.head.i == after.i)
    )


def _placed_then_acts(root: Token) -> bool:
    """The subject of a verb of where a force is, whose words go on to an attack: "the
    terrorist organizations positioned in the forests targeted the village with rocket shells"
    (the parse made "targeted" a participle of "forests"; the organizations fired)."""
    head = root.head
    return (
        dep(root) == "nsubj"
        and head.lower_ in WHERE_SOMEONE_IS
        and any(t.i > head.i and _attack_verb(t) for t in head.subtree)
    )


def _modified_noun(token: Token) -> Token:
    """The noun a modifier belongs to, through a chain of compounds ("regime air raids")."""
    head = token.head
    while dep(head) == "compound" and head.head.i > head.i:
        head = head.head
    return head


def _agent_position(span: Span) -> bool:
    """After "by", or the subject of an attack verb (never of a reporting verb)."""
    root = span.root
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    by_case = any(c.lower_ == "by" and c.dep_ == "case" for c in root.children)
    if root.head.lower_ == "by" or before == "by" or by_case:
        return True
    if dep(root) in ("compound", "amod", "nmod:poss", "poss"):
        modified = _modified_noun(root)
        # "coalition strikes", "regime raids", "army operations"; "missiles fired from a
        # Syrian warplane" (the craft told as where the fire came from, never as what was hit)
        fired_from = modified.lower_ in CRAFT_NOUNS and case_word(modified) in ("from", "by")
        return (
            modified.lower_ in MILITARY_ACTION_NOUNS
            or _force_before_an_action(modified)
            or fired_from
        )
    if root.head.lower_ == "led" and root.head.i == span.end + 1:  # "US-led air strikes"
        return _modified_noun(root.head).lower_ in ATTACK_NOUNS
    if _modifies_an_attack(root):
        return True  # "The regime airstrikes killed ...": the parse made the modifier a subject
    if _lost_possessive_before_an_action(span):
        return True  # "the Coalitions airstrikes destroyed": the parse made "airstrikes" a verb
    if any(dep(c) == "acl" and _active_attack(c) for c in root.children):
        return True  # "Terrorist organizations fired tens of shells", parsed as a participle
    if _opens_clause(root) or _placed_then_acts(root):
        return True  # "... were injured when terrorist organizations located in X fired ..."
    return dep(root) == "nsubj" and _attack_verb(root.head) and not _bare_predicate(root.head)


def _lost_possessive_before_an_action(span: Span) -> bool:
    """One word, a side's or a country's possessive with its apostrophe lost, right before an
    attack's noun ("Coalitions airstrikes"): whoever the parse made it, it owns the attack."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    word = span.text
    return (
        len(span) == 1
        and after is not None
        and after.lower_ in MILITARY_ACTION_NOUNS
        and (is_country_possessive(word) or _lost_possessive_of_a_side(word.lower()))
    )


def _bare_predicate(word: Token) -> bool:
    """A copula's predicate with no preposition of its own: "X was shot in Amman", the
    participle tagged a noun with "was" as its copula. Its subject suffered it ("was behind
    the attack" has a preposition, and is read as the attack's doer in `arguments`)."""
    children = list(word.children)
    return any(dep(c) == "cop" for c in children) and not any(
        dep(c) == "case" and c.i < word.i for c in children
    )


# Words that open a clause and never a noun phrase: a noun after one is its clause's subject.
_CLAUSE_OPENERS = frozenset({"when", "while", "whereas"})


def _opens_clause(root: Token) -> bool:
    """The noun is the subject of a clause the parse flattened into a phrase: it is introduced
    by "when" or "while" and an attack verb follows within what the parse hung on it ("two
    persons were injured when terrorist organizations located in Binnish fired mortar
    shells": "fired" was read as an adjective of "shells")."""
    if not any(_opener(c) and c.i < root.i for c in root.children):
        return False
    return any(t.i > root.i and _attack_verb(t) for t in root.subtree)


def _opener(word: Token) -> bool:
    """A word that opens a clause here: "when", "while", or "as" of time ("have been killed as
    Russian and Syrian jets continued to pound ...", the parse reading "as Russian" as a
    phrase), never "as" of "as well as" or "such as", which list more nouns."""
    if word.lower_ in _CLAUSE_OPENERS:
        return True
    doc = word.doc
    listing = (word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "well") or (
        word.i > 0 and doc[word.i - 1].lower_ in ("such", "well")
    )
    return word.lower_ == "as" and not listing


def _attack_verb(verb: Token) -> bool:
    """An attack verb in any form (the trained pipeline has no lemmatizer)."""
    return verb_lemma(verb.text, ATTACK_VERBS) is not None


def _active_attack(verb: Token) -> bool:
    """An attack verb with a direct object: "fired tens of shells", "shelled the town"."""
    return _attack_verb(verb) and any(dep(c) == "dobj" for c in verb.children)
