"""Times and places shared between mentions of one happening within a document.

A report often places and dates a happening once ("Soleimani's trip in July") and mentions it again
undated ("Soleimani flew to Moscow", "reports of Soleimani's travel were denied"). An undated
mention takes a time from another sentence of the same document only when that mention refers
to the same happening: same event type and mode, a shared named participant, and the same place
(a mention without a place stands for the place the document most often gives that
participant's events of that type). When the candidates disagree, or none qualifies, the mention
stays undated: a guess never poses as a date.

Places follow the same reading: an event mention with no place of its own ("the meeting of the
head of state with an Iranian General", in a report about Soleimani's travel to Moscow) takes
the one place the document gives its participant's events of that type, and only when that
place is unambiguous. The lent place keeps its own span, so it points at the sentence it is from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace
from itertools import combinations, pairwise

from spacy.tokens import Doc

from sitrep.extract.definite import described_before
from sitrep.extract.deps import dep
from sitrep.extract.schema import load_event_schema, reach, reach_differs
from sitrep.extract.within import names_a_province
from sitrep.records import (
    MAX_HAPPENING_DAYS,
    EventMention,
    Participant,
    Role,
    TimeValue,
    span_days,
)

NAMED_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
VIOLENT_TYPES = frozenset({"ASSAULT", "DIE"})


# In an attack, who strikes and who is struck are two sides: "the attack was claimed by
# Daesh" is one of Daesh's attacks, not one of the assaults on Daesh the report tells next (in
# another town), so a violent mention's keys carry its participant's side.
STRIKING_ROLES = frozenset({"actor", "by"})


def _keys(mention: EventMention) -> set[str]:
    keys = set()
    violent = mention.type in VIOLENT_TYPES
    for p in mention.participants:
        side = ("+" if p.role in STRIKING_ROLES else "-") if violent else ""
        if p.pack_id:
            keys.add(side + "id:" + p.pack_id)
        if p.label in NAMED_LABELS:
            words = re.findall(r"\w+", p.text.lower())
            if words:
                keys.add(side + "name:" + words[-1])
    return keys


def _place(mention: EventMention) -> str | None:
    return " ".join(mention.place.text.lower().split()) if mention.place else None


def _lendable(time: TimeValue | None) -> bool:
    if time is None or not time.start or time.precision == "unresolved":
        return False
    days = span_days(time.start, time.end or time.start)
    return days is not None and days <= MAX_HAPPENING_DAYS


def times_apart(a: TimeValue | None, b: TimeValue | None) -> bool:
    """Both dated, and the dates do not meet ("on Monday" and "on Friday" say two happenings)."""
    if a is None or b is None or not a.start or not b.start:
        return False
    a_end, b_end = (a.end or a.start)[:10], (b.end or b.start)[:10]
    return a_end < b.start[:10] or b_end < a.start[:10]


def _usual_places(mentions: Sequence[EventMention]) -> dict[tuple[str, str], str]:
    """(type, participant key) -> the one place the document gives those events most often."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for m in mentions:
        place = _place(m)
        if place is not None:
            for key in _keys(m):
                counts.setdefault((m.type, key), Counter())[place] += 1
    usual = {}
    for group, counter in counts.items():
        ranked = counter.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            usual[group] = ranked[0][0]
    return usual


def share_places(mentions: Sequence[EventMention]) -> list[EventMention]:
    """`mentions` with placeless ones placed where the document puts their participant's events
    of that type, when that is one place."""
    usual = _usual_places(mentions)
    # Each mention's place and keys once: a long text has thousands of mentions.
    places = [_place(m) for m in mentions]
    keys = [_keys(m) for m in mentions]
    out = []
    for m, m_keys in zip(mentions, keys, strict=True):
        found = {usual[(m.type, k)] for k in m_keys if (m.type, k) in usual}
        if m.place is not None or m.modality is not None or len(found) != 1:
            out.append(m)
            continue
        place = found.pop()
        donors = [
            d
            for d, d_place, d_keys in zip(mentions, places, keys, strict=True)
            if d_place == place and d_keys & m_keys
        ]
        donor = min(donors, key=lambda d: abs(d.sentence - m.sentence))
        out.append(replace(m, place=donor.place))
    return out


def share_times(mentions: Sequence[EventMention]) -> list[EventMention]:
    """`mentions` with undated ones dated from a mention of the same happening, where one is."""
    usual = _usual_places(mentions)

    def places(m: EventMention, key: str) -> str | None:
        return _place(m) or usual.get((m.type, key))

    # Each mention's keys once, and only dated mentions as donors: a long text has thousands.
    keys = [_keys(m) for m in mentions]
    donors = [(d, k) for d, k in zip(mentions, keys, strict=True)
              if d.modality is None and _lendable(d.time)]  # fmt: skip
    out = []
    for m, m_keys in zip(mentions, keys, strict=True):
        if m.time is not None or m.modality is not None:
            out.append(m)
            continue
        lent: dict[tuple[str | None, str | None, str], EventMention] = {}
        for donor, donor_keys in donors:
            if donor is m or donor.type != m.type or donor.mode != m.mode:
                continue
            shared = m_keys & donor_keys
            if not shared:
                continue
            if all(places(m, k) not in (None, places(donor, k)) for k in shared):
                continue  # "travelled to Syria" is not the trip to Moscow dated elsewhere
            assert donor.time is not None
            lent[(donor.time.start, donor.time.end, donor.time.precision)] = donor
        if len(lent) != 1:
            out.append(m)
            continue
        donor = next(iter(lent.values()))
        assert donor.time is not None
        how = f"{donor.time.method}; same happening as sentence {donor.sentence}"
        out.append(replace(m, time=replace(donor.time, method=how.lstrip("; "))))
    return out


# A report tells one attack over a few sentences: "An air strike hit Maaret al-Numan on Monday.
# It killed at least 16 people, the Observatory said." A violent mention with no place of its
# own takes the place of the nearest violent mention a sentence or two away (before first).
NEARBY_SENTENCES = 2
# A deed someone is accused of is no happening the report tells, but it says where it was
# charged to have happened: "accused rebel groups of firing mortars on Sheikh Maqsood. ... 13
# people were killed on Saturday in the Kurdish-run area by insurgents' mortars."
_PLACING_MODALITIES = frozenset({None, "alleged"})


def share_nearby_places(
    mentions: Sequence[EventMention], apart: Collection[str] = ()
) -> list[EventMention]:
    """`mentions` with placeless violent ones placed like a violent mention nearby. A mention
    of another happening told in the same sentence (`apart`, by id: "shelled rebel positions
    in retaliation for rockets that hit the town of X", "a day after rebels shelled X") lends
    no place to the sentence's own, nor takes one from it."""
    placed = [
        m
        for m in mentions
        if m.type in VIOLENT_TYPES and m.place and m.modality in _PLACING_MODALITIES
    ]
    out = []
    for m in mentions:
        if m.place is not None or m.type not in VIOLENT_TYPES or m.modality is not None:
            out.append(m)
            continue
        near = [
            d
            for d in placed
            if abs(d.sentence - m.sentence) <= NEARBY_SENTENCES
            and (d.sentence != m.sentence or (d.id in apart) == (m.id in apart))
        ]
        if not near:
            out.append(m)
            continue
        donor = min(near, key=lambda d: (abs(d.sentence - m.sentence), d.sentence > m.sentence))
        out.append(replace(m, place=donor.place))
    return out


# "A suspected Russian air raid hit the market of al-Asharah on Monday. ... An activist said the
# attack was most likely carried out by Russian warplanes." A violent mention named with a
# definite determiner ("the attack", "these strikes", "those killed") refers back to a happening
# the report has already told: it takes that happening's place and time where it gives none, so
# the two are grouped as one event (corroboration joins mentions of one document at one place
# and time) and the second sentence's source is a claim about the first's happening.
# "The killing of a contractor" names its own happening: a trigger followed by "of" is no
# reference back.
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


# Words between the determiner and the trigger that keep the reference: "the same strike",
# "the deadly air strikes", "this latest attack". A name between them ("the Israeli strike",
# "the 2006 war") tells which happening anew.
_MODIFIERS_BETWEEN = 2


def refers_back(mention: EventMention, text: str, doc: Doc | None = None) -> bool:
    """The trigger follows a definite determiner, perhaps with a word or two in lower case
    between them (only where the parse makes that determiner the trigger's own: "the army
    shelled" is a subject and its verb), and is not followed by "of"."""
    start, end = mention.trigger_start, mention.trigger_end
    before = text[max(0, start - 40) : start]
    if not before[-1:].isspace():
        return False
    # an opening quote or bracket is no word: '"The attack also wounded 19," the group said'
    words = [w.lstrip(_OPENERS) for w in before.split()[-(_MODIFIERS_BETWEEN + 1) :]]
    after = text[end : end + 4].split()
    if after[:1] == ["of"]:
        return False
    if words and _TIME_POSSESSIVE.fullmatch(words[-1]):
        return True  # "last night's attack", "Monday's bombing": definite by its day
    if _definite_participle(mention, doc):
        return True  # "nine people from the North Caucasus among the terrorists killed"
    if _caused_by_the_happening(mention, doc):
        return True  # "The accident in Salaheddin district killed eleven"
    for back, word in enumerate(reversed(words)):
        if word.lower() in DEFINITE:
            if _partitive(before) and not _is_toll(mention):
                return False  # "one of the airstrikes targeted X": a part, told anew
            return back == 0 or _determines(doc, start, end)
        if back >= _MODIFIERS_BETWEEN or not re.fullmatch(r"[a-z][a-z-]*", word):
            return False
    return False


_OPENERS = "\"'“‘(["


def _definite_participle(mention: EventMention, doc: Doc | None) -> bool:
    """A toll's participle after a definite noun, with no object of its own: "among the
    terrorists killed", "one of those killed in the attack". The dead are the ones a
    happening already told left (an active "the terrorists killed five soldiers" has an
    object and tells a happening anew)."""
    if doc is None or not _is_toll(mention):
        return False
    span = doc.char_span(mention.trigger_start, mention.trigger_end, alignment_mode="expand")
    if span is None or span.root.tag_ not in ("VBN", "VBD"):
        return False
    token = span.root
    if token.i > token.sent.start and doc[token.i - 1].lower_ == "those":
        return True  # "Of those killed six were children": "those killed" is the dead told
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.pos_ not in ("PUNCT", "ADP", "ADV"):
        return False  # "... killed five soldiers": an object, a happening told anew
    before = [t for t in doc[max(token.sent.start, token.i - 3) : token.i]]
    if not before or (
        before[-1].pos_ not in ("NOUN", "PRON", "DET") and before[-1].lower_ != "those"
    ):
        return False
    return any(t.lower_ in DEFINITE for t in before)


# Nouns that name a happening of any kind, which only its context says: "a block of flats
# collapsed ... The accident killed eleven", "the incident left three dead".
_GENERAL_HAPPENINGS = frozenset(
    {"accident", "incident", "disaster", "tragedy", "crash", "collapse"}
)


def _caused_by_the_happening(mention: EventMention, doc: Doc | None) -> bool:
    """A toll whose subject is a definite noun naming a happening in general ("The accident
    killed eleven"): the dead are those of the happening just told, which that noun refers to
    (a kind of attack as subject, "the strike killed", is a trigger of its own, read above).
    The subject is read as the parse's subject before the trigger in its sentence, as the
    parse may hang the toll elsewhere ("The accident in Salaheddin district killed eleven, with
    a child the sole survivor": "killed" a modifier, "accident" the subject of "survivor")."""
    if doc is None or not _is_toll(mention):
        return False
    span = doc.char_span(mention.trigger_start, mention.trigger_end, alignment_mode="expand")
    if span is None:
        return False
    trigger = span.root
    for subject in doc[trigger.sent.start : trigger.i]:
        if dep(subject) == "nsubj" and subject.lower_ in _GENERAL_HAPPENINGS:
            return any(dep(d) == "det" and d.lower_ in DEFINITE for d in subject.children)
    return False


# "one of the strikes", "two of these raids": a part of what was told, a happening of its own
_PARTITIVE = re.compile(
    r"\b(?:one|two|three|some|several|many|most|each|another|any|none|all)\s+of\s+"
    r"(?:the|this|that|these|those)\s+(?:[a-z-]+\s+){0,2}$",
    re.I,
)


def _partitive(before: str) -> bool:
    """The words right before the trigger are "one of the", "some of these deadly" ..."""
    return _PARTITIVE.search(before) is not None


def _is_toll(mention: EventMention) -> bool:
    return any(t.toll for t in load_event_schema().by_form(mention.trigger))


# A day or part of one in the possessive, which makes the attack after it a definite one.
_TIME_POSSESSIVE = re.compile(
    r"(?:night|yesterday|today|morning|evening|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)"
    r"day)['’]s",
    re.I,
)


def _determines(doc: Doc | None, start: int, end: int) -> bool:
    """A definite determiner hangs on the trigger itself."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    return span is not None and any(
        dep(c) == "det" and c.lower_ in DEFINITE for c in span.root.children
    )


def adds_victims(mention: EventMention, text: str) -> bool:
    """ "Nine others were also killed", "the strike also wounded 19": a toll told with "also"
    adds victims to the happening just told. (An attack told with "also" — "rebels also
    shelled the west of the city" — is another one.)"""
    before = text[max(0, mention.trigger_start - 30) : mention.trigger_start].split()[-2:]
    if "also" not in (w.lower() for w in before):
        return False
    return any(t.toll for t in load_event_schema().by_form(mention.trigger))


def bare_toll(mention: EventMention) -> bool:
    """ "At least 16 insurgents were killed, it added": a toll with no place, day or doer of its
    own adds to the happening told before it."""
    doers = any(p.role in ("actor", "by") for p in mention.participants)
    return mention.place is None and mention.time is None and not doers and _is_toll(mention)


def share_antecedents(
    mentions: Sequence[EventMention], text: str, doc: Doc | None = None
) -> list[EventMention]:
    """`mentions` with each violent one that refers back (or adds victims) placed and dated
    like the nearest violent mention told before it in an earlier sentence, and linked to it
    (`retells`: corroboration joins the two)."""
    out = list(mentions)
    said: list[EventMention] = []  # the asserted violent mentions so far, in text order
    for i in sorted(range(len(out)), key=lambda i: (out[i].sentence, out[i].trigger_start)):
        m = out[i]
        violent = m.type in VIOLENT_TYPES and m.modality is None and not m.negated
        told = antecedent(m, said)
        again = refers_back(m, text, doc) or adds_victims(m, text) or bare_toll(m)
        if violent and not (told and again):
            # "an airstrike on a village ... the village of Hassadjek suffered an air attack"
            named = described_before(m, said, doc)
            if named and not reach_differs(named.mode, m.mode) and not _one_more(m, text):
                told, again = named, True
        if violent and told and again:
            if m.time is not None and (told.time is None or times_apart(m.time, told.time)):
                # its own date where the happening told has none or another ("the strike
                # followed ... strikes on Sunday": the day is another phrase's): not linked
                said.append(m)
                continue
            time = m.time
            if time is None and _lendable(told.time):
                assert told.time is not None
                how = f"{told.time.method}; the same happening as sentence {told.sentence}"
                time = replace(told.time, method=how.lstrip("; "))
            place = m.place or told.place
            # a doer only to a definite retelling of the attack told just before ("Another
            # bomb attack was also reported" is a new one, whoever the linking took it for)
            close = m.sentence - told.sentence <= _DOER_SENTENCES_BACK
            definite = close and refers_back(m, text, doc) and not _one_more(m, text)
            lent = _lent_doers(m, told) if definite else m.participants
            out[i] = m = replace(
                m, place=place, time=time, retells=told.sentence, participants=lent
            )
        if violent:
            said.append(m)
    return out


# How far back a retelling takes its doer from: the sentence just before ("Russian jets
# struck X. The raids killed 12"). Further back the linking is less sure ("the blast in Homs"
# two sentences after a recalled bombing claimed by Daesh was another blast), and a doer lent
# there would be lent on again to "another bomb attack" (`share_doers`).
_DOER_SENTENCES_BACK = 1


def _lent_doers(mention: EventMention, told: EventMention) -> tuple[Participant, ...]:
    """The participants of an attack that refers back to `told` ("Russian jets struck Saraqeb.
    The raids killed 12"): its own, and where it names no doer, the doers of the attack it
    is, which the sentence before named (never one it names as struck). Only from attack to
    attack: a death told back ("were killed in the clashes") is coded with no doer."""
    own = mention.participants
    if mention.type != "ASSAULT" or told.type != "ASSAULT" or _doers(mention):
        return own
    # "the raids" after "rebels attacked": an air raid is no retelling of an attack of
    # unknown kind, whoever the linking took it for; "the attack" may retell any kind
    if mention.mode not in _VAGUE_MODES and mention.mode != told.mode:
        return own
    struck = {_head_word(p.text) for p in own if p.role not in STRIKING_ROLES}
    lent = tuple(replace(p, role="actor") for p in _doers(told) if _head_word(p.text) not in struck)
    return own + lent


def _head_word(text: str) -> str:
    words = re.findall(r"\w+", text.lower())
    return words[-1] if words else ""


# Words that tell one more happening of a series just told: "Other airstrikes also hit the
# towns of Rastan and Talbeesah", "elsewhere another child was killed in Harasta".
_ONE_MORE = frozenset({"other", "another", "further"})


def share_doers(mentions: Sequence[EventMention], text: str) -> list[EventMention]:
    """`mentions` with each violent one that tells one more of a series and names no doer
    given the doer of the series: that of its antecedent (`antecedent`), the latest violent
    mention of its kind told in an earlier sentence. Only the doer: it is another happening,
    with its own place and day."""
    out = list(mentions)
    said: list[EventMention] = []
    for i in sorted(range(len(out)), key=lambda i: (out[i].sentence, out[i].trigger_start)):
        m = out[i]
        if m.type not in VIOLENT_TYPES or m.modality is not None or m.negated:
            continue
        told = antecedent(m, said)
        if told is not None and not _doers(m) and _one_more(m, text):
            role: Role = "actor" if m.type == "ASSAULT" else "by"
            lent = tuple(replace(p, role=role) for p in _doers(told))
            out[i] = m = replace(m, participants=m.participants + lent)
        said.append(m)
    return out


def _doers(mention: EventMention) -> list[Participant]:
    return [p for p in mention.participants if p.role in STRIKING_ROLES]


def _one_more(mention: EventMention, text: str) -> bool:
    """A word of `_ONE_MORE` among the few words before the trigger."""
    before = text[max(0, mention.trigger_start - 40) : mention.trigger_start]
    return any(w.lower() in _ONE_MORE for w in re.findall(r"[A-Za-z]+", before)[-4:])


# Kinds of attack too vague to pick an antecedent by ("the attack", "the fighting").
_VAGUE_MODES = frozenset({None, "unspecified", "offensive"})


def antecedent(mention: EventMention, said: Sequence[EventMention]) -> EventMention | None:
    """What a definite reference in `mention` refers back to, among the violent mentions told
    in earlier sentences: the latest of its own kind of attack ("the air strikes" is the last
    air strike told, not the clash told since), else the latest that is not of another reach
    ("19 fighters were killed in the fighting" is no part of the air raids told before)."""
    earlier = [d for d in said if d.sentence < mention.sentence]
    if mention.type == "ASSAULT" and mention.mode not in _VAGUE_MODES:
        alike = [d for d in earlier if d.type == "ASSAULT" and d.mode == mention.mode]
        if alike:
            return alike[-1]
    told = {d.sentence: d for d in reversed(earlier)}  # each sentence's first mention
    earlier = [d for d in earlier if not reach_differs(_told_mode(d, told), mention.mode)]
    return earlier[-1] if earlier else None


def _told_mode(mention: EventMention, told: dict[int, EventMention]) -> str | None:
    """The mode of the happening `mention` tells: its own, else that of what it retells
    ("He was martyred", told after "air raids killed 13", is of the air raids)."""
    seen = {mention.sentence}
    while reach(mention.mode) is None and mention.retells is not None:
        if mention.retells in seen or mention.retells not in told:
            break
        seen.add(mention.retells)
        mention = told[mention.retells]
    return mention.mode


# "Fresh rocket attacks on Aleppo on Sunday killed 3 people and left 29 injured. ... two women
# were killed and 16 injured as rocket shells hit al-Sayyed Ali ... More shells later hit
# al-Hamidiyeh leaving one dead and 13 injured." A report often gives a total first and then
# breaks it down: when the tolls of later violent mentions at the total's own town add up to
# the total, each of those is a part of the happening the total tells, not a happening beside
# it. Parts in other towns are happenings of their own however their tolls add up ("42 killed
# in blasts that hit Tartous, Homs and Hasakeh": 30 in Tartous, 3 in Homs ...); a part at a
# neighbourhood no one places may be in the total's town, which its toll decides.
MAX_PARTS = 8  # later tolls tried as parts of one total (all their subsets: 2**8)


def share_parts(mentions: Sequence[EventMention], text: str = "") -> list[EventMention]:
    """`mentions` with the parts of a total linked to it (`retells`) and without their own
    counts, which the total's event carries (see above); a total over a province whose parts
    are in two or more of its towns is their summary instead (see `_province_summed`)."""
    out = list(mentions)
    for i in range(len(out)):
        total = out[i]  # as linked so far: a part is no total of its own
        if not _tolled(total) or total.retells is not None or total.place is None:
            continue
        later = [
            j
            for j, m in enumerate(out)
            if m.sentence > total.sentence
            and _tolled(m)
            and m.retells in (None, total.sentence)
            and not times_apart(m.time, total.time)
        ]
        if _province_summed(out, later, total, text):
            out[i] = replace(total, modality="summary")
            continue
        parts = [j for j in later if _same_town(out[j], total) or _somewhere_unknown(out[j])]
        found = _adding_up(out, parts[:MAX_PARTS], total)
        for j in found:
            out[j] = replace(out[j], retells=total.sentence, casualties=None)
    return out


# "Airstrikes in northern Aleppo province ... killing at least 18", then 2 killed at a hospital
# in one town, 6 at a market in another and 10 in a village: a province's total whose tolls
# add up from happenings in two or more of its towns sums them up, as a sentence listing the
# towns does (`mark_summaries`); each town's happening keeps its own toll.
def _province_summed(
    mentions: Sequence[EventMention], later: Sequence[int], total: EventMention, text: str
) -> bool:
    place = total.place
    if place is None or not text or not names_a_province(text, place):
        return False
    own = _folded(place.text)
    towns = [
        j
        for j in later
        if (town := mentions[j].place) is not None
        and _folded(town.text) != own
        and _counts_toward(mentions[j], total)
        and _may_lie_in(town.text, place.text)
    ][:MAX_PARTS]
    found = _adding_up(mentions, towns, total)
    return len({_folded(p.text) for j in found if (p := mentions[j].place)}) >= 2


def _counts_toward(part: EventMention, total: EventMention) -> bool:
    """The part gives each count the total gives (a wounded-only toll adds no dead to it)."""
    have, want = part.casualties, total.casualties
    if have is None or want is None:
        return False
    return all(
        getattr(have, key) is not None for key in ("killed", "wounded") if getattr(want, key)
    )


def _may_lie_in(town: str, province: str) -> bool:
    """Whether the gazetteer lets `town` lie in `province` (a town it does not know may)."""
    from sitrep.resolve.places import resolve_place

    words = province.split()
    found = resolve_place(town, small_towns=True)
    region = resolve_place(words[0]) if words else None
    if found is None or region is None:
        return True
    return (found.country_code, found.admin1) == (region.country_code, region.admin1)


def _tolled(mention: EventMention) -> bool:
    """An asserted violent mention with a count of the killed or the wounded."""
    toll = mention.casualties
    return (
        mention.type in VIOLENT_TYPES
        and mention.modality is None
        and not mention.negated
        and toll is not None
        and (toll.killed is not None or toll.wounded is not None)
    )


def _same_town(part: EventMention, total: EventMention) -> bool:
    """The part is placed at the total's town, or at a place the text puts in it."""
    if part.place is None or total.place is None:
        return False
    town = _folded(total.place.text)
    return town in (_folded(part.place.text), _folded(part.place.within))


def _somewhere_unknown(part: EventMention) -> bool:
    """A part placed at a neighbourhood that neither the text nor the gazetteer puts anywhere
    ("landed in al-Mohafazah neighborhood", in a bulletin's paragraph on Aleppo): it may lie in
    the total's town, and only tolls that add up to the total's make it a part."""
    from sitrep.resolve.places import resolve_place

    place = part.place
    if place is None or place.within is not None:
        return False
    return resolve_place(place.text, small_towns=True) is None


def _folded(name: str | None) -> str:
    return " ".join((name or "").lower().split())


def _adding_up(
    mentions: Sequence[EventMention], candidates: Sequence[int], total: EventMention
) -> tuple[int, ...]:
    """The fewest candidates (two or more) whose killed and wounded add up to the total's."""
    assert total.casualties is not None
    want = (total.casualties.killed, total.casualties.wounded)
    for size in range(2, len(candidates) + 1):
        for chosen in combinations(candidates, size):
            tolls = [mentions[j].casualties for j in chosen]
            sums = tuple(
                sum(getattr(t, key) or 0 for t in tolls if t is not None)
                for key in ("killed", "wounded")
            )
            if all(w is None or w == got for w, got in zip(want, sums, strict=True)):
                return chosen
    return ()


# "Two children were killed and 5 others were injured as terrorists fired a rocket shell on
# al-Sulaimaniyeh area. A source told SANA that a rocket shell fired on a school in al-Telifoun
# neighborhood claimed the lives of two children and injured five others." A toll told again
# later, the same killed and the same wounded, is the same happening told again, whatever
# else the second sentence names (a nearer place, the school): reports restate their lede with
# its source. One count alike is a fingerprint only when it is not small and nothing else
# differs (no other count, no other town).
SAME_TOLL_AT_LEAST = 3


def share_tolls(mentions: Sequence[EventMention]) -> list[EventMention]:
    """`mentions` with each violent one that repeats an earlier sentence's toll linked to it
    (`retells`): corroboration joins the two, and the lede takes the retelling's source."""
    out = list(mentions)
    told: list[EventMention] = []
    for i in sorted(range(len(out)), key=lambda i: (out[i].sentence, out[i].trigger_start)):
        m = out[i]
        if not _tolled(m):
            continue
        if m.retells is None:
            same = [
                d
                for d in told
                if d.sentence < m.sentence and _same_toll(d, m) and not times_apart(d.time, m.time)
            ]
            if same:
                out[i] = m = replace(m, retells=same[-1].sentence)
        told.append(m)
    return out


def _same_toll(a: EventMention, b: EventMention) -> bool:
    """The same killed and wounded, or one count of at least SAME_TOLL_AT_LEAST alike with
    the other not differing, at one town (or where one names none)."""
    assert a.casualties is not None and b.casualties is not None
    ka, wa = a.casualties.killed, a.casualties.wounded
    kb, wb = b.casualties.killed, b.casualties.wounded
    if ka is not None and wa is not None and (ka, wa) == (kb, wb):
        return max(ka, wa) >= 2
    for one, other, theirs, their_other in ((ka, wa, kb, wb), (wa, ka, wb, kb)):
        if one is not None and one == theirs and one >= SAME_TOLL_AT_LEAST:
            alike = other is None or their_other is None or other == their_other
            alike = alike or (_at_least(a, other) and _at_least(b, their_other))
            return alike and _same_or_unknown_town(a, b)
    return False


# "claiming the lives of 8 persons and injuring more than 58 others" and, told again, "killing 8
# persons injuring more than 55 persons": two lower bounds do not disagree.
_LOWER_BOUND = re.compile(r"\b(?:more\s+than|over|at\s+least|upwards\s+of)\s+$", re.I)


def _at_least(mention: EventMention, count: int | None) -> bool:
    """The mention's toll gives `count` as a lower bound ("more than 58")."""
    if count is None or mention.casualties is None:
        return False
    for part in mention.casualties.text.split(";"):
        at = re.search(rf"(?<!\d){count}(?!\d)", part)
        if at is not None and _LOWER_BOUND.search(part[: at.start()]):
            return True
    return False


def _same_or_unknown_town(a: EventMention, b: EventMention) -> bool:
    if a.place is None or b.place is None:
        return True
    return _same_town(a, b) or _same_town(b, a)


# "At least 42 people were killed in simultaneous bomb blasts that hit Tartous, Homs and
# Hasakeh", then a paragraph on each town; "terrorists targeted the cities of Damascus and
# Aleppo and al-Fouaa town", then the bulletin's news from each. A violent mention whose
# sentence lists two or more towns, where the report tells violent happenings of their own in
# other sentences, sums those happenings up: a coder records each town's, not the list's; and
# so does one that tells such a sum again (its toll, or a reference back to it).
SUMMED_TOWNS_AT_LEAST = 2
# What may stand between two towns of a list: commas, "and", "or", "the".
_LIST_GAP = re.compile(r"^[\s,]*(?:(?:and|or)\s+)?(?:the\s+)?$", re.I)


def mark_summaries(
    mentions: Sequence[EventMention], sentences: Sequence[str]
) -> list[EventMention]:
    """`mentions` with each violent one whose sentence lists towns told apart elsewhere in the
    report marked `modality="summary"` (see above). Each sentence is read once, and the towns
    told in other sentences come from one count per report (a long text has thousands of
    mentions: comparing each with every other was quadratic)."""
    told = [_told_violent(m) for m in mentions]
    towns_in: dict[int, set[str]] = {}
    inside: dict[str, str] = {}  # a place told -> the known town it lies in
    for m, asserted in zip(mentions, told, strict=True):
        if asserted and m.place is not None:
            # a blast at a district told apart is told in its town too ("Al-Zahraa", in Homs)
            places = {m.place.text}
            within = m.place.within
            if within and _known_town(within):
                inside[m.place.text] = within
                places.add(within)
            towns_in.setdefault(m.sentence, set()).update(places)
    sentences_naming = Counter(town for towns in towns_in.values() for town in towns)
    summed: dict[int, bool] = {}
    for m, asserted in zip(mentions, told, strict=True):
        if asserted and m.sentence not in summed:
            own = towns_in.get(m.sentence, set())
            elsewhere = {t for t, n in sentences_naming.items() if n > (t in own)}
            # "in Damascus and Ghouta, a suburb of the capital": a town and a place in it are
            # one place named twice, no list
            named_in = _towns_of_places_named(sentences[m.sentence], inside)
            listed = _listed_towns(sentences[m.sentence], elsewhere - named_in)
            summed[m.sentence] = listed >= SUMMED_TOWNS_AT_LEAST
    out = []
    for m, asserted in zip(mentions, told, strict=True):
        # the sum told again ("A string of bomb blasts hit ... killing at least 42", after "42
        # killed in blasts that hit Tartous, Homs and Hasakeh") sums them up too
        again = m.retells is not None and summed.get(m.retells, False)
        out.append(
            replace(m, modality="summary") if asserted and (summed[m.sentence] or again) else m
        )
    return out


def _towns_of_places_named(sentence: str, inside: dict[str, str]) -> set[str]:
    """The towns that places the sentence names lie in."""
    return {
        town
        for place, town in inside.items()
        if re.search(rf"(?<!\w){re.escape(place)}(?!\w)", sentence) is not None
    }


def _known_town(name: str) -> bool:
    """A container the gazetteer knows by that very name ("Homs"), not one it only reads as a
    spelling of another ("Muslim" of "the Autonomous Region in Muslim Mindanao" as Mosul)."""
    from sitrep.resolve.places import resolve_place

    found = resolve_place(name)
    return found is not None and found.name.lower() == name.lower()


def _told_violent(mention: EventMention) -> bool:
    """An asserted violent mention: the kind a summary sums, and the kind that is marked."""
    return mention.type in VIOLENT_TYPES and mention.modality is None and not mention.negated


def _listed_towns(sentence: str, towns: set[str]) -> int:
    """How many of `towns` the sentence names in one list ("Tartous, Homs and Hasakeh")."""
    from sitrep.extract.merge import is_country

    found = []
    for town in towns:
        if is_country(town) or len(town) < 3:
            continue
        at = re.search(rf"(?<!\w){re.escape(town)}(?!\w)", sentence)
        if at is not None:
            found.append((at.start(), at.end()))
    # one name inside another ("Aleppo" in "Aleppo province") is one town, not a list
    found.sort(key=lambda span: (span[0], -span[1]))
    found = [span for i, span in enumerate(found) if all(span[0] >= e for _, e in found[:i])]
    best = run = 1 if found else 0
    for (a_start, end), (start, b_end) in pairwise(found):
        gap = sentence[end:start]
        if not gap.strip() and _town_then_its_province(
            sentence[a_start:end], sentence[start:b_end]
        ):
            continue  # "in the city of Qamishli Hasaka": the town and its province, no list
        run = run + 1 if _LIST_GAP.match(gap) else 1
        best = max(best, run)
    return best


def _town_then_its_province(town: str, after: str) -> bool:
    """`after` names the province `town` lies in, by the name of its seat ("Qamishli Hasaka",
    the comma lost): one place, not two towns of a list."""
    from sitrep.resolve.places import resolve_place

    first, second = resolve_place(town), resolve_place(after)
    if first is None or second is None or first.admin1 is None:
        return False
    if (first.country_code, first.admin1) != (second.country_code, second.admin1):
        return False
    seat = resolve_place(second.admin1_name) if second.admin1_name else None
    return seat is not None and seat.geonames_id == second.geonames_id
