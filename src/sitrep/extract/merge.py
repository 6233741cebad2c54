"""One violent happening per sentence, placed as precisely as the sentence allows.

A news sentence names one attack through several words: "Air strikes by the coalition killed at
least 21 civilians in Manbij" holds an ASSAULT ("strikes") and a DIE ("killed"). Coded as ACLED
or the event gold code it, that is one event: the attack, with its actor, its victims, its place
and its toll. Asserted ASSAULT and DIE mentions of one sentence are therefore merged into one,
whose arguments are the union of theirs (the killer of a DIE is the attack's actor).

A sentence's place often hangs where the parser does not tie it to a trigger ("... killed 3
people in Aleppo city on Sunday"): a violent mention without a place, or placed only in a
country, takes the sentence's first location under a place preposition that is more precise
than a country, outside page furniture, and not a modifier of another noun ("a US drone
strike" is not placed in the US).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.extract.deps import case_word, dep, describes_someone
from sitrep.extract.furniture import inside
from sitrep.extract.happening import STRIKING_ROLES, times_apart
from sitrep.extract.nouns import MILITARY_ACTION_NOUNS
from sitrep.extract.schema import is_reporting_verb, load_event_schema, verb_lemma
from sitrep.extract.time import MONTHS
from sitrep.extract.within import (
    NAMED_AFTER_OF,
    PLACE_NOUNS,
    container,
    names_a_province,
    names_only_a_direction,
)
from sitrep.nlp.spans import text_of
from sitrep.nlp.toponyms import FIGHTS_FOR, PLACE_OF, first_word_key, toponym_words
from sitrep.nlp.types import BUILDING_NOUNS
from sitrep.nlp.types import KIND_WORDS as PLACE_KINDS
from sitrep.records import EventMention, Participant

VIOLENT = frozenset({"ASSAULT", "DIE"})
ROLE_AS_ASSAULT = {"by": "actor", "actor": "actor", "target": "target", "counterpart": "target"}
# "between": "the frontline between Al Tabqah and the dam" runs at the places it joins
# (`_joins_places`)
PLACE_WORDS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "on", "of", "across", "between"}
)
VAGUE_MODES = frozenset({"unspecified", "offensive", None})


def merge_sentences(
    mentions: Sequence[EventMention], text: str = "", told_apart: Collection[str] = ()
) -> list[EventMention]:
    """`mentions` with each sentence's asserted ASSAULT/DIE mentions merged into happenings.

    Attacks of one sentence placed in different places stay apart ("an offensive in Homs ...
    an airstrike near Damascus"), unless the text puts one place in the other ("on X street
    in Y neighbourhood in Aleppo city": one place, told down to the street); each death joins
    the nearest attack. Mentions in `told_apart` (by id) are happenings of their own: "shelled
    the village which the army had recaptured in February" tells two."""
    groups: dict[int, list[EventMention]] = {}
    for m in mentions:
        if m.type in VIOLENT and m.modality is None and not m.negated:
            groups.setdefault(m.sentence, []).append(m)
    merged: dict[str, EventMention] = {}  # first member's id -> the merged mention
    members: set[str] = set()
    for group in groups.values():
        for cluster in _happenings(group, text, told_apart):
            merged[cluster[0].id] = _merge(cluster)
            members.update(m.id for m in cluster)
    out = []
    for m in mentions:
        if m.id in merged:
            out.append(merged[m.id])
        elif m.id not in members:
            out.append(m)
    return out


def _happenings(
    group: list[EventMention], text: str = "", told_apart: Collection[str] = ()
) -> list[list[EventMention]]:
    """A sentence's violent mentions as happenings: attacks joined unless placed apart, each
    death with the nearest attack (all deaths together when there is no attack)."""
    clusters: list[list[EventMention]] = []
    occasions = {g.id for g in group if g.id in told_apart or _occasion_of_another(g, text)}
    apart = [[g] for g in group if g.id in occasions]  # happenings of their own
    rest = [g for g in group if g.id not in occasions]
    for m in (g for g in rest if g.type == "ASSAULT"):
        home = next(
            (c for c in clusters if _same_place(c, m, text) and not _dated_apart(c, m)), None
        )
        if home is None:
            clusters.append([m])
        else:
            home.append(m)
    deaths = [g for g in rest if g.type != "ASSAULT"]
    apart = _deaths_with_their_occasion(apart)
    if not clusters:
        return ([deaths] if deaths else []) + apart
    for d in deaths:
        nearest = min(
            clusters, key=lambda c: min(abs(x.trigger_start - d.trigger_start) for x in c)
        )
        nearest.append(d)
    return [sorted(c, key=lambda x: x.trigger_start) for c in clusters] + apart


def _deaths_with_their_occasion(apart: list[list[EventMention]]) -> list[list[EventMention]]:
    """A death told inside another happening's occasion is that occasion's toll: "the advances
    came after clashes that killed 40 fighters" is one clash with its dead, not two."""
    joined: list[list[EventMention]] = []
    for group in sorted(apart, key=lambda g: g[0].trigger_start):
        attack = next((j for j in reversed(joined) if j[0].type == "ASSAULT"), None)
        if group[0].type != "ASSAULT" and attack is not None:
            attack.extend(group)
        elif group[0].type == "ASSAULT" and joined and _deaths_only(joined[-1]):
            # "... after eight civilians were killed in a similar attack": the attack told
            # after its dead
            joined[-1] = [*group, *joined[-1]]
        else:
            joined.append(list(group))
    return joined


def _deaths_only(group: list[EventMention]) -> bool:
    return all(m.type != "ASSAULT" for m in group)


# A happening named as another's occasion or cause: "struck the town after the attack by
# Nusra", "the strikes are in retaliation against the execution of the pilot by Nusra". It is
# told in the same sentence, but it is another happening with its own doers.
_OCCASION = re.compile(
    r"\b(?:after|following|in (?:retaliation|response|revenge) (?:for|to|against)|against)"
    r"\s+(?:(?:the|a|an|this|that|his|her|its|their)\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)


def _occasion_of_another(mention: EventMention, text: str) -> bool:
    before = text[max(0, mention.trigger_start - 60) : mention.trigger_start].lower()
    return _OCCASION.search(before) is not None


# The nouns that name a happening as the occasion of another: "targeted positions inside Syria
# in retaliation for mortar fire that hit the Golan Heights".
OCCASION_NOUNS = frozenset({"retaliation", "response", "revenge", "reprisal", "reprisals"})


def in_occasion(token: Token, trigger: Token) -> bool:
    """Whether `token` lies in the phrase of the happening `trigger`'s answers ("in retaliation
    for mortar fire that hit the Golan Heights"): a place there is where that other happening
    was, not where this one is."""
    for node in token.ancestors:
        if node.i == trigger.i:
            return False
        if node.lower_ in OCCASION_NOUNS and node.pos_ == "NOUN":
            return not any(t.i == trigger.i for t in node.subtree)
    return False


def _dated_apart(cluster: list[EventMention], m: EventMention) -> bool:
    """An attack dated otherwise than one of the cluster's: "Monday's attack, the deadliest
    since an assault in Ghazni in August 2018" tells two attacks, however they are placed."""
    return any(times_apart(x.time, m.time) for x in cluster)


def _same_place(cluster: list[EventMention], m: EventMention, text: str = "") -> bool:
    places = {x.place.text.lower() for x in cluster if x.place}
    if m.place is None or not places or m.place.text.lower() in places:
        return True
    return any(x.place is not None and _nested(x.place, m.place, text) for x in cluster)


# The words that put one place in the next: "al-Jamilyeh neighbourhood in Aleppo city",
# "the Midan district of the city of Homs".
_NESTING = (
    frozenset({"in", "of", "the", "a", "at", "on", "inside", "within", "near", "outside", ","})
    | PLACE_NOUNS
)


_NESTING_CHARS = 60


def _nested(a: Participant, b: Participant, text: str) -> bool:
    """The text puts one place in the other: after the one, only place nouns and "in", "of"
    before the other's name ("X neighborhood in Y area in Aleppo city"), wherever the
    sentence named the other first ("a reporter in Aleppo said ... al-Jamilyeh neighborhood in
    Aleppo city")."""
    for inner, outer in ((a, b), (b, a)):
        after = text[inner.end : inner.end + _NESTING_CHARS]
        at = after.find(outer.text)
        words = after[: max(at, 0)].replace(",", " , ").lower().split()
        if at > 0 and words and all(w in _NESTING for w in words):
            return True
    return False


def _merge(group: list[EventMention]) -> EventMention:
    if len(group) == 1:
        return group[0]
    assaults = [m for m in group if m.type == "ASSAULT"]
    first = (assaults or group)[0]
    mode = next((m.mode for m in assaults if m.mode not in VAGUE_MODES), first.mode)
    participants: list[Participant] = []
    seen: set[tuple[int, int]] = set()
    other_side_acted = _killed_by_the_other_side(first, group)
    for m in [first, *[g for g in group if g is not first]]:
        for p in m.participants:
            role = ROLE_AS_ASSAULT.get(p.role, p.role) if first.type == "ASSAULT" else p.role
            if other_side_acted and m is first and p.role == "counterpart":
                role = "actor"
            if (p.start, p.end) not in seen:
                seen.add((p.start, p.end))
                participants.append(replace(p, role=role))  # type: ignore[arg-type]
    # The attributed reading of the sentence wins, bound to the surviving mention.
    claim = next((m.claim for m in group if m.claim.stance != "asserts"), first.claim)
    claim = replace(claim, id=first.claim.id, event_mention_id=first.id)
    return replace(
        first,
        mode=mode,
        participants=tuple(participants),
        place=first.place or next((m.place for m in group if m.place), None),
        time=first.time or next((m.time for m in group if m.time), None),
        casualties=first.casualties or next((m.casualties for m in group if m.casualties), None),
        claim=claim,
    )


def _killed_by_the_other_side(first: EventMention, group: list[EventMention]) -> bool:
    """ "29 rebels were killed in clashes with regime troops": the dead are one side of the
    clash, so the side they clashed with, the only one named as doing anything, is its actor
    (not a second target)."""
    if first.type != "ASSAULT" or first.mode != "clash":
        return False
    if any(p.role in STRIKING_ROLES for m in group for p in m.participants):
        return False
    return any(p.role == "target" for m in group if m.type == "DIE" for p in m.participants)


# Words that may stand between a place word and the place: "in the small town of Maasaran",
# "from Syria's Raqqa", "in the Al Mayadin district".
_BETWEEN = frozenset(
    {
        "the", "a", "small", "northern", "southern", "eastern", "western", "central", "nearby",
        "town", "city", "village", "district", "province", "area", "neighbourhood",
        "neighborhood", "countryside", "suburb", "outskirts", "region", "of", "divided",
        "besieged", "rebel-held", "government-held", "syrias", "syria's", "'s", "rural",
        "capital",
    }
)  # fmt: skip
LOOK_BACK = 5
# Nouns that say the name after their "of" is a place of that kind: "the city of Qamishli",
# "the province of Hasakeh", "the capital of X" (the tagger's table: `toponyms.PLACE_OF`).
_KIND_OF_PLACE = PLACE_OF


def _named_kind(doc: Doc, start: int) -> bool:
    """ "the city of" just before `start`: the name is a place of that kind."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _KIND_OF_PLACE


def _without_trailing_words(doc: Doc, place: Participant) -> Participant:
    """A tagged place that ran on into the next words where commas were stripped ("in Deir
    Ezzor SANA news agency reported", "Aleppo Syrian activists"): without a last word that is
    an acronym or a nationality, when the rest is still a name."""
    from sitrep.extract.reference import load_roles

    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return place
    last = span[-1]
    acronym = len(last.text) >= 2 and last.text.isupper() and last.text.isalpha()
    if not (acronym or last.lower_ in load_roles().demonyms) or not span[-2].text[:1].isupper():
        return place
    end = span[-2].idx + len(span[-2].text)
    return replace(place, text=text_of(doc)[place.start : end], end=end)


# A word opened by a name's article ("al-Midan", "ash-Shaar", "Al-Atareb").
_WITH_ARTICLE = re.compile(r"^(?:al|el|ez|es|ed|ad|as|az|ash|ar|an|at|ul)-\w", re.I)
# "and" and the first word of the name after it: the place is an item of a list.
_AND_NEXT_NAME = re.compile(r"\s+and\s+((?:(?:al|el|ash|ad|as|ar|an|at)-)?[A-Z][\w'-]*)")


def _first_of_a_list(doc: Doc, place: Participant) -> Participant:
    """The first of several place names run together where a list's commas were stripped
    ("in al-Reshidiya al-Hamidiya and Sheikh Yassin", "rocket attacks on Aleppo Damascus",
    "in the area of Akhtarin Turkmen Bari and Dabiq"): the tagger read one name, which the
    gazetteer does not know. A new name begins (1) at a word with an article right after
    another such word, in a list ("and" and a name follow); (2) at a word that the gazetteer
    knows as a town of the country of the town the words before it name ("Aleppo Damascus");
    (3) in a list whose next item is a town of one country, after a first word the gazetteer
    knows as a town of that country ("Akhtarin Turkmen Bari and Dabiq"). A word that begins
    many of the theatre's place names ("Bab", "Tal", "Khan") names no town alone, so "Bab
    Touma" stays whole; and "X al-Y" is one name ("Sulaiman al-Halabi")."""
    from sitrep.resolve.places import resolve_place

    words = place.text.split()
    if len(words) < 2 or resolve_place(place.text, small_towns=True) is not None:
        return place
    after = _AND_NEXT_NAME.match(text_of(doc), place.end)
    listed = _town_country(after.group(1)) if after is not None else None
    for i in range(1, len(words)):
        word, before = words[i], words[i - 1]
        if not word[:1].isupper() and not _WITH_ARTICLE.match(word):
            return place  # "Tabqa dam": a lower-case word of the name's own
        if word.lower() in _PLACE_KIND_WORDS:
            return place  # "al-Rastan Lake", "Deir ez-Zor Province": the name's own kind
        if _WITH_ARTICLE.match(word):
            if after is not None and _WITH_ARTICLE.match(before):
                return _cut(place, " ".join(words[:i]))
            continue  # "Sulaiman al-Halabi": a word and its article's word are one name
        first = _town_country(" ".join(words[:i]))
        if first is not None and first in (_town_country(word), listed):
            return _cut(place, " ".join(words[:i]))
    return place


_PLACE_KIND_WORDS = (
    PLACE_KINDS
    | BUILDING_NOUNS
    | frozenset(
        {"hill", "mountain", "mount", "lake", "castle", "camp", "bridge", "hall", "dam", "airport"}
    )
)


def _cut(place: Participant, text: str) -> Participant:
    return replace(place, text=text, end=place.start + len(text))


def _town_country(name: str) -> str | None:
    """The country of the town the gazetteer knows by this exact name (not a spelling
    variant), or None; None too for a single word that begins many of its country's place
    names ("Bab", "Tal"): alone it is only the start of a name."""
    from sitrep.resolve.places import resolve_place

    found = resolve_place(name, small_towns=True)
    if found is None or found.precision == "country" or "spelling variant" in found.reason:
        return None
    if " " not in name and first_word_key(name) in _theatre_toponym_words():
        return None
    return found.country_code.upper()


@cache
def _theatre_toponym_words() -> frozenset[str]:
    """The words that begin many place names of the pack's theatre (as the toponym typer
    reads them: "tal", "khan", "kafr", "deir")."""
    from sitrep.pack.active import active_pack

    countries = frozenset(r.country.upper() for r in active_pack().regions if r.country)
    return toponym_words(countries, _OPENS_NAMES)


# Names a word begins for it to be only the start of a name here: fewer than the toponym
# typer's evidence asks ("Bab" begins two or more theatre towns' names, "Bab Tadmur" and "Bab
# al-Hawa", too few for the typer, and is a town alone: al-Bab), since here a wrong cut loses
# the place, where the typer's wrong word only adds one piece of evidence.
_OPENS_NAMES = 2


# Nouns of time whose "of" names a time, never a place.
_TIMES_OF = re.compile(r"^(?:month|day|days|week|weeks|year|years|night|eve|feast|festival)$")


def _after_place_word(doc: Doc, start: int, sent_start: int) -> bool:
    """Whether a place word ("in", "near") stands a few words before `start`, with only words
    that describe a place between ("in the small town of", "in the mostly Kurdish-held city
    of"). "the city of" says the name is a place by itself, unless the phrase is where
    something goes or comes from ("advancing towards the town of X")."""
    kind = False
    i = start - 1
    while i >= max(sent_start, start - (LOOK_BACK_KIND if kind else LOOK_BACK)):
        token = doc[i]
        word = token.lower_
        if word == "of" and i > sent_start and doc[i - 1].lower_ in _KIND_OF_PLACE:
            kind = True  # "the city of Qamishli": read on to the phrase's place word
        elif word == "of" and i > sent_start and _TIMES_OF.match(doc[i - 1].lower_):
            return False  # "the holy month of Ramadan", "the day of Ashura": a time's name
        elif word == "between":
            return _joins_places(doc, start)
        elif word == "for" and i > sent_start and doc[i - 1].lower_ in FIGHTS_FOR:
            return True  # "the battle for Zabadani": the ground fought over is where
        elif word in PLACE_WORDS and not (word == "of" and doc[i - 1].lower_ in _BETWEEN):
            # "terrorists positioned in the Eastern Ghouta targeted al-Salyhiah": where the
            # attackers are, not where the attack happened; "calling on Washington to weigh
            # in": whom someone calls on, no place at all
            return not (
                i > sent_start and (_where_agents_are(doc[i - 1]) or _calls_on(doc[i - 1], word))
            )
        elif (
            word not in _BETWEEN
            and token.pos_ != "ADJ"
            and not _hyphenated(token)
            and not (kind and _describes(token))
        ):
            return kind and word not in _AWAY  # "defending the city of X": there
        i -= 1
    return kind


LOOK_BACK_KIND = 10


def _joins_places(doc: Doc, start: int) -> bool:
    """ "between X and Y" places a happening only when Y is a place too ("the frontline between
    Al Tabqah and the dam", "the road between al-Gajar and al-Rastan"); "tensions between Ankara
    and the PKK" are between parties, whatever the tagger calls Ankara."""
    for i in range(start + 1, min(start + LOOK_BACK_KIND, len(doc))):
        if doc[i].lower_ != "and":
            continue
        for token in doc[i + 1 : min(i + 1 + LOOK_BACK, len(doc))]:
            if token.ent_type_ in ("GPE", "LOC", "FAC") or token.lower_ in PLACE_NOUNS:
                return True
            if token.ent_type_ or token.pos_ in ("NOUN", "PROPN", "VERB"):
                return False  # the other side is a group or a thing
        return False
    return False


def _where_agents_are(word: Token) -> bool:
    """ "located" in "terrorist groups located in": a participle of place on an agent noun (a
    thing located somewhere, "gas fields located on the outskirts of Homs", is placed there,
    and so is what happens to it)."""
    from sitrep.extract.agents import AGENT_HEADS, AGENT_LABELS

    if word.lower_ not in WHERE_SOMEONE_IS or word.i == 0:
        return False
    # read in text order: the parse hangs the participle anywhere; over a relative clause's
    # opening ("terrorists who are positioned in", "groups that were based in")
    i = word.i - 1
    while i > word.sent.start and word.i - i <= 4 and _opens_a_relative_be(word.doc[i]):
        i -= 1
    noun = word.doc[i]
    return noun.lower_ in AGENT_HEADS or noun.ent_type_ in AGENT_LABELS


def _opens_a_relative_be(token: Token) -> bool:
    """A relative pronoun, a form of "be" or an adverb between a noun and its participle."""
    return token.lower_ in _RELATIVE_BE or token.pos_ == "ADV"


_RELATIVE_BE = frozenset({"who", "which", "that", "are", "is", "were", "was", "been", "being"})


def _calls_on(verb: Token, word: str) -> bool:
    """ "called on Russia to ...", "calling on Washington": "on" after a verb whose "on" names
    whom it addresses or leans on, not where anything happens."""

    return word == "on" and verb_lemma(verb.text, _VERBS_ON_SOMEONE) is not None


_VERBS_ON_SOMEONE = frozenset({"call", "urge", "rely", "depend", "insist", "prevail"})


# Participles that tell where someone is or comes from ("groups located in Binnish fired
# shells on al-Fouaa"), not where a happening is.
WHERE_SOMEONE_IS = frozenset(
    {"positioned", "located", "stationed", "based", "deployed", "entrenched", "holed"}
)


def _hyphenated(token: Token) -> bool:
    """A lower-case part of a hyphenated modifier ("rebel-held", split by the tokenizer), not
    the article of a name ("al-Hamadaniyeh")."""
    from sitrep.names.phonetic import ARTICLES

    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    if token.text in ("-", "–"):
        return before is not None and before.lower_ not in ARTICLES
    glued = (after is not None and after.text == "-") or (before is not None and before.text == "-")
    return glued and token.text.islower() and token.lower_ not in ARTICLES


# Words that name a place the happening is not in: "advancing towards the town of X"
_AWAY = frozenset({"towards", "toward", "from", "reach", "reaching", "to"})


def _describes(token: Token) -> bool:
    """A word that may describe a place before its noun: "largely", "Kurdish-held", "Syrian"."""
    return (
        token.pos_ in ("ADV", "DET", "ADJ")
        or token.tag_ == "VBN"
        or "-" in token.text
        or (token.text == "-" or token.ent_type_ == "NORP")
    )


_COMPASS_WORD = re.compile(r"^(?:(?:north|south)(?:east|west)?|east|west)(?:ern)?$")


def _modifier(doc: Doc, start: int, end: int) -> bool:
    """A place that modifies a noun: "US-led", "a US drone strike", "Idlib's governor"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.text in ("-", "–") or after.text.startswith("-")):
        return True
    if text_of(doc)[end : end + 1] == "-":
        return True
    root = span.root
    if root.head.lower_ in _BETWEEN or root.head.i in range(span.start, span.end):
        return False  # "Aleppo city", "Idlib province": the place itself
    head = root.head
    while head.dep_ == "compound" and head.lower_ not in PLACE_NOUNS and head.head.i != head.i:
        head = head.head
    if root.dep_ == "compound" and head.lower_ in PLACE_NOUNS:
        return False  # "the Atmeh refugee camp", "the Midan neighbourhood": the place itself
    if _COMPASS_WORD.match(root.head.lower_):
        return False  # "al-Bureij northeast of Aleppo", parsed as a compound: the place itself
    return root.dep_ in ("compound", "amod", "nmod:poss", "poss")


_NOT_PLACE_HEADS = frozenset(
    {
        "jets", "militants", "forces", "fighters", "troops", "army", "rebels", "bombing",
        "attack", "attacks", "strikes", "strike", "raids", "as", "and", "shelling", "gas",
        "command", "ministry", "directorate", "police", "agency", "observatory",
    }
)  # fmt: skip


def not_a_place(doc: Doc, start: int, end: int) -> bool:
    """A "place" glued to a hyphen ("US-led"), a time ("Sunday"), a number, a force or an attack
    ("Russian jets", "Aleppo Bombing as"): the tagger's mistake, never the event's place."""
    from sitrep.extract.casualties import is_count
    from sitrep.extract.furniture import is_agency_name
    from sitrep.extract.time import find_time_expressions

    text = text_of(doc)[start:end]
    words = text.lower().split()
    if text_of(doc)[end : end + 1] == "-" or not words or words[-1] in _NOT_PLACE_HEADS:
        return True
    if load_event_schema().by_form(words[-1]):
        return True  # "the Ghouta Massacre", "Aleppo Offensive": a happening's name, no place
    if is_count(text):
        return True  # "Seventy-six people ... were killed", the number tagged as a place
    if is_agency_name(text):
        return True  # "In the capital SANA said ...": the agency tagged as a place
    if _described(text.split()):
        return True  # "Daeshs de facto capital": a description, the name comes after it
    found = find_time_expressions(text)
    return bool(found) and found[0].end - found[0].start >= len(text.strip()) - 1


# Lower-case words a place's name may hold: its articles, the kind of place it is.
_NAME_WORDS = frozenset(
    {
        "al", "el", "ad", "as", "az", "ash", "ar", "an", "at", "ez", "es", "ed", "of", "the",
        "and", "bin", "ibn", "abu", "um", "bab", "ras", "tal", "desert", "river", "sea", "lake",
        "island", "islands", "gulf", "coast",
    }
)  # fmt: skip


def _described(words: list[str]) -> bool:
    """A lower-case word inside the "place" that is neither a name's article nor a kind of
    place: words describing a place ("de facto capital"), not naming it."""
    inner = [w for w in words[1:] if w[:1].islower() and "-" not in w]
    return any(w not in _NAME_WORDS and w not in PLACE_NOUNS and w not in _KIND_OF_PLACE
               for w in inner)  # fmt: skip


@cache
def _countries() -> frozenset[str]:
    from sitrep.resolve.centroids import geonames  # the process's one gazetteer

    names = {c["name"].lower() for c in geonames().get_countries().values()}
    return frozenset(
        names | {"syria", "iran", "russia", "us", "u.s.", "usa", "united states", "uk"}
    )


def is_country(name: str) -> bool:
    """A country's name, also with a possessive "s" whose apostrophe was lost ("Syrias")."""
    bare = name.lower().removeprefix("the ").strip()
    return bare in _countries() or (bare.endswith("s") and bare[:-1] in _countries())


# The longest country name, in words, tried first when a run of names is cut ("Saudi Arabia").
_LONGEST_COUNTRY_WORDS = 4


def run_together_countries(name: str) -> list[tuple[int, int]]:
    """The character spans of two or more countries that copy without commas ran into one
    name ("Russia Iran", "Turkey Saudi Arabia"), each a capitalised country name read longest
    first; no spans where the name is one country ("Saudi Arabia") or holds another word."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", name)]
    if len(words) < 2 or not all(name[a].isupper() for a, _ in words):
        return []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        for n in range(min(_LONGEST_COUNTRY_WORDS, len(words) - i), 0, -1):
            start, end = words[i][0], words[i + n - 1][1]
            if name[start:end].lower() in _countries():
                spans.append((start, end))
                i += n
                break
        else:
            return []
    return spans if len(spans) > 1 else []


def split_run_together(mention: EventMention, text: str = "") -> EventMention:
    """`mention` with each participant naming countries run together ("backed by Russia
    Iran and Hezbollah") told as one participant per country, in the same role: two states
    are two sides, and neither is a state named "Russia Iran". In `text`, a country named
    with countries run into it before ("the USA Turkey Saudi Arabia and Qatar", the parse
    hanging the first ones on the last as its compounds) is read with them."""
    out: list[Participant] = []
    for p in mention.participants:
        p = _with_countries_before(p, text)
        spans = run_together_countries(p.text) if p.label != "PERSON" else []
        if not spans:
            out.append(p)
            continue
        out.extend(
            replace(p, text=p.text[a:b], start=p.start + a, end=p.start + b, pack_id=None)
            for a, b in spans
        )
    # a country already a participant of its own ("Turkey" tagged apart) is told once
    once: dict[tuple[str, int, int], Participant] = {}
    for p in out:
        once.setdefault((p.role, p.start, p.end), p)
    out = list(once.values())
    if out == list(mention.participants):
        return mention
    return replace(mention, participants=tuple(out))


# Capitalised words written right before a name, with nothing between them (copy without
# commas), at most as many as a run of countries holds.
_CAPITALS_BEFORE = re.compile(r"(?:\b[A-Z][\w.]*\s){1,8}$")


def _with_countries_before(p: Participant, text: str) -> Participant:
    """A participant naming one or more countries, taken with the countries run into it
    before, as far back as every word before it is part of a country's name ("USA Turkey" +
    "Saudi Arabia"); the participant as it is where the words before are anything else."""
    if (
        not text
        or p.label == "PERSON"
        or not (is_country(p.text) or run_together_countries(p.text))
    ):
        return p
    found = _CAPITALS_BEFORE.search(text[max(0, p.start - 80) : p.start])
    if found is None:
        return p
    lo = max(0, p.start - 80) + found.start()
    starts = [lo + m.start() for m in re.finditer(r"\S+", text[lo : p.start])]
    for start in starts:  # the longest run first
        if run_together_countries(text[start : p.end]):
            return replace(p, text=text[start : p.end], start=start, pack_id=None)
    return p


# A country's ground told by its nationality ("shelled Turkish soil", "in Iraqi airspace"): the
# ground is no one struck, and the country is where it happened (`agents.typed_arguments`); a
# town the sentence names beside it is more precise and is preferred (`_place_from_sentence`).
_COUNTRY_GROUND = frozenset({"soil", "territory", "territories", "airspace", "waters"})


def country_of_its_ground(phrase: str) -> str | None:
    """The gazetteer's name of the country whose ground a nationality and a ground's noun name
    ("Turkish soil", "the Lebanese territory" -> Turkey, Lebanon); None for any other phrase."""
    from sitrep.extract.reference import load_roles
    from sitrep.resolve.centroids import geonames  # the process's one gazetteer

    words = phrase.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) != 2 or words[1].lower() not in _COUNTRY_GROUND:
        return None
    code = load_roles().demonyms.get(words[0].lower())
    found = geonames().get_countries().get(code.upper()) if code else None
    return str(found["name"]) if found else None


_IN_GROUND = re.compile(
    rf"\b(?:in|inside|into|over|on|onto)\s+(?:the\s+)?([A-Z][a-z]+\s+(?:{'|'.join(sorted(_COUNTRY_GROUND))}))\b"
)


def _ground_told_in(doc: Doc, sent: Span, mask: Sequence[tuple[int, int]]) -> Participant | None:
    """ "struck a convoy in Lebanese airspace": a sentence naming no town places the happening
    in the country whose ground it names after a place's preposition."""
    for match in _IN_GROUND.finditer(sent.text):
        start, end = sent.start_char + match.start(1), sent.start_char + match.end(1)
        country = country_of_its_ground(match.group(1))
        if country is not None and not inside(mask, start, end):
            # the words as written, which resolution reads as the country (`resolve.places`)
            return Participant("place", match.group(1), start, end, "GPE", None)
    return None


def is_country_possessive(name: str) -> bool:
    """A country's possessive whose apostrophe was lost ("Syrias" of "Syrias second city"):
    the owner of the noun after it, never a name of its own."""
    bare = name.lower().strip()
    return bare not in _countries() and bare.endswith("s") and bare[:-1] in _countries()


# "northern Syria", "north-west Syria": a part of a country named by the compass
_REGION = re.compile(r"^(?:the\s+)?(?:(?:north|south|east|west|central)\w*[\s-]+)+(?P<c>.+)$", re.I)


def is_country_region(name: str) -> bool:
    """A country, or a part of one named by the compass ("northwest Syria") or by its
    nationality and ground ("Syrian territory")."""
    match = _REGION.match(name.strip())
    return (
        is_country(name)
        or (match is not None and is_country(match["c"]))
        or country_of_its_ground(name) is not None
    )


def without_compass(name: str) -> str:
    """The place a compass part names ("east Hama" -> "Hama"), or the name as it is."""
    match = _REGION.match(name.strip())
    return match["c"] if match is not None else name.strip()


def country_named(name: str) -> str:
    """The country's own name in a country or a part of one ("northwest Syria", "Syrias")."""
    ground = country_of_its_ground(name)
    if ground is not None:
        return ground  # "Syrian territory"
    match = _REGION.match(name.strip())
    bare = match["c"] if match is not None and is_country(match["c"]) else name
    bare = bare.strip().removeprefix("the ").strip()
    return bare[:-1] if bare.lower() not in _countries() and bare.endswith("s") else bare


def place_from_sentence(
    mention: EventMention,
    doc: Doc,
    sent: Span,
    mask: Sequence[tuple[int, int]],
    sent_ents: Sequence[Span] | None = None,
    dated_apart: Callable[[Token], bool] | None = None,
) -> EventMention:
    """A violent mention without a precise place takes the sentence's (see module doc), and
    of several names run together, the first (`_first_of_a_list`: after the checks that read
    the tagged name whole, such as whether it modifies a noun)."""
    placed = _place_from_sentence(mention, doc, sent, mask, sent_ents, dated_apart)
    if placed.place is None or placed.type not in VIOLENT:
        return placed
    first = _first_of_a_list(doc, placed.place)
    return placed if first == placed.place else replace(placed, place=first)


def _place_from_sentence(
    mention: EventMention,
    doc: Doc,
    sent: Span,
    mask: Sequence[tuple[int, int]],
    sent_ents: Sequence[Span] | None,
    dated_apart: Callable[[Token], bool] | None,
) -> EventMention:
    """A violent mention without a precise place takes the sentence's (see module doc).

    `sent_ents` are the sentence's entities when the caller has them: `Span.ents` walks the
    whole document's entities, which made a long document's extraction quadratic.
    `dated_apart(token)`: the token's clause is dated otherwise than the mention ("stormed the
    embassy in Baghdad on Tuesday in protest at strikes that killed 25 on Sunday"): a place
    there belongs to that other happening."""
    apart = dated_apart or (lambda _token: False)
    if mention.type not in VIOLENT:
        return mention
    # "struck Lebanese territory": the country its nationality names, no name to mend nor a
    # word describing a noun (it gives way below to a town the sentence names)
    ground = mention.place is not None and bool(
        country_of_its_ground(text_of(doc)[mention.place.start : mention.place.end])
    )
    if mention.place is not None and not ground:
        place = _without_trailing_words(doc, full_name(doc, mention.place))
        mention = replace(mention, place=_named_after_of(doc, place, sent_ents or sent.ents))
    if mention.place is not None and not ground and _describes_a_noun(doc, mention, mention.place):
        mention = replace(mention, place=None)  # "US-led strikes", "in US airstrikes on X"
    if mention.place is not None and names_only_a_direction(mention.place.text):
        mention = replace(mention, place=None)  # "in the Central ... parts of Hama province"
    if mention.place is not None and across_a_border(text_of(doc), mention.place):
        mention = replace(mention, place=None)  # "a village near the border with Iraq"
    used = {(p.start, p.end) for p in mention.participants}
    if mention.place and not is_country_region(mention.place.text):
        # a place of its own stays, or gives way to one the sentence puts inside it; a region
        # of a country ("in northwest Syria") gives way to "in Idlib province" below
        inner = _inner_place(doc, sent, mention.place, sent_ents or sent.ents, used, mask)
        if inner is None and names_a_province(text_of(doc), mention.place):
            inner = _settlement_struck(
                doc, mention, sent_ents or sent.ents, used, mask, mention.place
            )
        return mention if inner is None else replace(mention, place=inner)
    struck = _settlement_struck(doc, mention, sent_ents or sent.ents, used, mask)
    if struck is not None:
        return replace(mention, place=struck)
    where = _where_clause_place(doc, mention, sent_ents or sent.ents, mask)
    if where is not None:
        return replace(mention, place=where)
    tagged = groups_place = None
    for ent in sent.ents if sent_ents is None else sent_ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or is_country_region(ent.text):
            continue
        if names_only_a_direction(ent.text):
            continue  # "the Central and Eastern parts of Hama province": Hama is the place
        if inside(mask, ent.start_char, ent.end_char) or (ent.start_char, ent.end_char) in used:
            continue
        placed = _after_place_word(doc, ent.start, sent.start) or _struck_by(ent.root, mention)
        if not placed or apart(ent.root):
            continue
        place = full_name(
            doc, Participant("place", ent.text, ent.start_char, ent.end_char, ent.label_, None)
        )
        place = _without_trailing_words(doc, place)
        named = _named_kind(doc, ent.start)  # "the city of Aleppo" modifies nothing
        if (not named and _modifier(doc, place.start, place.end)) or not_a_place(
            doc, place.start, place.end
        ):
            continue  # "the Aleppo offensive", "Idlib's governor": not where it happened
        if _where_a_group_is(ent):
            groups_place = groups_place or _without_country(place)
            continue
        if _told_of_someone_else(ent.root, doc, mention):
            continue
        tagged = _without_country(place)
        break
    found = gazetteer_place(doc, sent, mask)
    if found is not None:
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        late = tagged is not None and found.start >= tagged.start
        if late or (span is not None and apart(span.root)):
            found = None  # the tagger's place comes first ("near the Atmeh camp in Idlib")
        elif span is not None and _told_of_someone_else(span.root, doc, mention):
            found = None
        elif span is not None and _where_a_group_is(span):
            groups_place, found = groups_place or found, None
    chosen = found or tagged or groups_place or _ground_told_in(doc, sent, mask)
    if chosen is None:
        return mention
    chosen = _named_after_of(doc, chosen, sent_ents or sent.ents)
    if names_a_province(text_of(doc), chosen):
        used |= {(chosen.start, chosen.end)}
        inner = _settlement_struck(doc, mention, sent_ents or sent.ents, used, mask, chosen)
        chosen = inner or chosen
    # the gazetteer's place the tagger took for a group ("infighting in Dier el-Zour has
    # killed ...", a spelling it read as an organisation) is where, never who did it
    kept = tuple(
        p
        for p in mention.participants
        if not (p.role in ("actor", "by") and (p.start, p.end) == (chosen.start, chosen.end))
    )
    return replace(mention, place=chosen, participants=kept)


def _where_clause_place(
    doc: Doc, mention: EventMention, ents: Sequence[Span], mask: Sequence[tuple[int, int]]
) -> Participant | None:
    """The place a "where" clause that holds the trigger tells of: "Maarat is close to the town
    of Khan Sheikhoun where a chemical attack killed 90 people" (the name right before
    "where"), not the sentence's subject. The parse hangs such a clause anywhere (a relative
    clause of "town", a complement of "close"), so the name is read in the text's order."""
    span = doc.char_span(mention.trigger_start, mention.trigger_end, alignment_mode="expand")
    if span is None:
        return None
    where = next(
        (
            c
            for t in (span.root, *span.root.ancestors)
            for c in t.children
            if c.lower_ == "where" and c.i < t.i
        ),
        None,
    )
    if where is None or where.i < 1:
        return None
    before = doc[where.i - 1]
    if before.text == "," and where.i >= 2:
        before = doc[where.i - 2]
    for ent in ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or inside(mask, ent.start_char, ent.end_char):
            continue
        if ent.start <= before.i < ent.end:
            place = Participant("place", ent.text, ent.start_char, ent.end_char, ent.label_, None)
            return _without_country(_without_trailing_words(doc, full_name(doc, place)))
    return None


def _struck_by(place: Token, mention: EventMention) -> bool:
    """The name is what the mention's weapon or strike struck, told in the passive with no
    place word before it: "Damascus was hit by mortar shells fired from Jobar" (the shells'
    mention is placed in Damascus, as "shells hit Damascus" is)."""
    verb = place.head
    if dep(place) not in ("nsubjpass", "nsubj:pass") or verb.i == place.i:
        return False
    if mention.at_trigger(verb.idx):
        return True
    return any(
        case_word(child) == "by" and mention.at_trigger(child.idx)
        for child in verb.children
        if dep(child) in ("obl", "obl:agent", "nmod")
    )


def _told_of_someone_else(place: Token, doc: Doc, mention: EventMention) -> bool:
    """The place is where the teller lives ("activist X, who lives in Europe, said 10 were
    killed"), or where another kind of happening is ("the shelling came as talks entered a
    second day in Astana"), not where the mention's happening was."""
    return (
        _where_someone_is_told(place, doc, mention)
        or _where_another_kind_of_happening_is(place, mention)
        or where_people_came_from(place, mention)
    )


# Verbs of leaving a place: "families who fled from Madaya", "people evacuated from Fuaa".
_LEAVING = frozenset({"flee", "evacuate", "displace", "escape", "leave", "come", "transfer"})
# Verbs of sending fire off: "shells fired from Jobar hit Damascus", "rockets launched from
# Idlib" (where they were fired from; the happening is where they landed).
LAUNCHED = frozenset({"fired", "firing", "launched", "launching", "lobbed"})


def where_people_came_from(place: Token, mention: EventMention) -> bool:
    """Where the people hit came from (`came_from`), unless the "from" hangs on the trigger:
    the one reading of it, for the sentence's places here and a participant taken for the
    place (`agents.typed_arguments`; it once read the words before the name instead)."""
    origin = _origin_phrase(place)
    return origin is not None and not mention.at_trigger(origin.head.idx) and came_from(place)


def _origin_phrase(place: Token) -> Token | None:
    """The "from" phrase a name lies in, reached through "and" and "the towns of"."""
    node = place
    while node.head.i != node.i and (
        dep(node) == "conj" or (case_word(node) == "of" and node.head.lower_ in PLACE_NOUNS)
    ):
        node = node.head
    return node if case_word(node) == "from" and node.head.i != node.i else None


def came_from(place: Token) -> bool:
    """The place is where the people hit came from, not where they were hit: "a car bomb hit
    buses carrying evacuees from the towns of Fuaa and Kafraya at Rashidin" (the bombing was
    at Rashidin), "struck a convoy of families from Madaya"; nor where what hit it was fired
    from ("shells fired from Jobar hit Damascus"). A "from" phrase on a noun for people or on
    a verb of leaving or of firing, reached from the name through "and" and "the towns of";
    a phrase on a happening's noun ("shelling from the hills") or a place's is not."""
    origin = _origin_phrase(place)
    if origin is None:
        return False
    head = origin.head
    if head.pos_ == "VERB" or head.lower_ in LAUNCHED:  # ("fired" may be tagged an adjective)
        return verb_lemma(head.text, _LEAVING) is not None or head.lower_ in LAUNCHED
    if head.pos_ != "NOUN" or head.lower_ in PLACE_NOUNS:
        return False
    return not load_event_schema().names_a_happening(head.text) and head.lower_ not in (
        MILITARY_ACTION_NOUNS
    )


def _where_another_kind_of_happening_is(place: Token, mention: EventMention) -> bool:
    """The place lies in a clause whose subject names a happening of another kind: "the
    bombardment came as a fresh round of peace talks entered a second day in Astana" (the
    talks are in Astana, not the bombardment)."""
    for verb in place.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if mention.at_trigger(verb.idx):
            return False
        subjects = [c for c in verb.children if dep(c) == "nsubj"]
        if not subjects and dep(verb) == "advcl":
            # (the parse may leave the clause's subject on the main verb: "came as a round of
            # peace talks entered ...", "round" an oblique of "came")
            subjects = [c for c in verb.head.children if c.i < verb.i and dep(c) == "obl"]
        for subject in subjects:
            heads = [subject, *(c for c in subject.children if case_word(c) == "of")]
            kinds = {t.type for h in heads for t in load_event_schema().by_form(h.text)}
            if kinds and not kinds & VIOLENT and not mention.at_trigger(subject.idx):
                return True
        return False
    return False


def _where_a_group_is(place: Span) -> bool:
    """A place told of a named group, not of the happening: "the commander of Faylaq al-Sham
    in Hama was killed ... near the village of Juzef" names the group's branch in Hama; the
    happening is where the rest of the sentence puts it, and at the group's place only where
    the sentence names no other. A name the tagger took for a group that is a place ("the
    District of Douma", "Kuweires Airbase") or holds the place ("Douma" of it) is no group."""
    root = place.root
    head = root.head
    if root.dep_ != "nmod" or head.i == root.i or head.ent_type_ != "ORG":
        return False
    group = _entity_around(head)
    if group.start <= root.i < group.end:
        return False
    return not any(t.lower_ in PLACE_NOUNS or t.lower_ in _KIND_OF_PLACE for t in group)


def _where_someone_is_told(place: Token, doc: Doc, mention: EventMention) -> bool:
    """A place in a relative clause of "who" on the one who tells the news ("Omar, who lives
    in Europe, said ..."): where the teller lives or comes from, unless the clause itself
    tells the happening. A clause joined to it by "and"/"but" is its own. (A clause on someone
    the happening involves places it: "clashed with fighters who crept into villages near X",
    "Wiranto, who was visiting Pandeglang, was stabbed".)"""
    clause = place
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if not describes_someone(clause):
        return False
    described = clause.head
    if dep(clause) == "ccomp":  # "X who lives in Y said ...", the clause hung on "said"
        subjects = [c for c in described.children if dep(c) == "nsubj" and c.i < clause.i]
        described = subjects[0] if subjects else described
    if not _on_a_source(described, mention) or _takes_part(described, mention):
        return False
    trigger = doc.char_span(mention.trigger_start, mention.trigger_end, alignment_mode="expand")
    if trigger is None:
        return False
    token = trigger.root
    while token.head.i != token.i:
        if token.i == clause.i:
            return False
        if dep(token) == "conj" and token.head.i == clause.i:
            return True
        token = token.head
    return token.i != clause.i


def _takes_part(noun: Token, mention: EventMention) -> bool:
    """Whether `noun` lies inside one of the mention's participants."""
    return any(p.start <= noun.idx < p.end for p in mention.participants)


def _on_a_source(noun: Token, mention: EventMention) -> bool:
    """Whether `noun` (or what it stands in apposition to) tells the news: a link of the
    mention's source chain, or the subject of a reporting verb, also where a comma-less text
    made the speaker the root and left the verb after it without a subject ("Omar who lives in
    Europe ... said 10 people were killed"). Someone the news is about is no teller
    ("Wiranto, who was visiting Pandeglang, survived the attack")."""
    links = [(link.start, link.end) for link in mention.claim.chain if link.start is not None]
    words = [noun, noun.head] if dep(noun) == "appos" else [noun]
    if any(start <= w.idx < (end or start) for w in words for start, end in links):
        return True
    for word in words:
        if dep(word) == "nsubj" and is_reporting_verb(word.head.text):
            return True
        if word.head.i == word.i:  # the root: a reporting verb after it with no subject
            return any(
                t.i > word.i
                and is_reporting_verb(t.text)
                and t.pos_ == "VERB"
                and not any(dep(c) == "nsubj" for c in t.children)
                for t in word.sent
            )
    return False


def _entity_around(token: Token) -> Span:
    """The tagged name `token` is part of, read from the tokens' IOB marks (walking every
    entity of a long document for each place would make extraction quadratic)."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _inner_place(
    doc: Doc,
    sent: Span,
    place: Participant,
    ents: Sequence[Span],
    used: set[tuple[int, int]],
    mask: Sequence[tuple[int, int]],
) -> Participant | None:
    """A place the sentence names before the mention's own and puts inside it: "bombed a
    medical centre in the town of Khan Tuman in southern rural Aleppo" happened in Khan Tuman,
    which lies in Aleppo (the parse hangs the container on the verb, the town on the object).
    The happening is at the most precise place the text gives, the other is where that lies."""
    for ent in ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or ent.end_char > place.start:
            continue
        if inside(mask, ent.start_char, ent.end_char) or (ent.start_char, ent.end_char) in used:
            continue
        if not _after_place_word(doc, ent.start, sent.start) or not_a_place(
            doc, ent.start_char, ent.end_char
        ):
            continue
        found = container(doc, ent.start_char, ent.end_char)
        if found is not None and found.lower() == place.text.lower():
            inner = Participant("place", ent.text, ent.start_char, ent.end_char, ent.label_, None)
            return replace(_without_trailing_words(doc, full_name(doc, inner)), within=found)
    return None


def _settlement_struck(
    doc: Doc,
    mention: EventMention,
    ents: Sequence[Span],
    used: set[tuple[int, int]],
    mask: Sequence[tuple[int, int]],
    province: Participant | None = None,
) -> Participant | None:
    """The town or village the happening's own clause names as struck: "the regime bombed the
    town of Saraqib", "... were killed when airstrikes hit the village of Hayan" (the object of
    the trigger's verb, or of the clause that tells how), or the town where it fell ("shells
    landed in the town of X"). It is where the happening is, before any other place the
    sentence names ("Activists in Idlib said ..."); after a `province` the sentence placed it
    in, it is the town of that province."""
    span = doc.char_span(mention.trigger_start, mention.trigger_end, alignment_mode="expand")
    if span is None:
        return None
    trigger = span.root
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    # the clause that tells how ("... were killed when airstrikes hit the village of X")
    verbs = {verb.i} | {c.i for c in verb.children if c.dep_ in ("advcl", "conj")}
    by_start = {ent.start: ent for ent in ents}
    for kind in span.sent:
        if kind.lower_ not in SETTLEMENT_KINDS or kind.head.i not in verbs:
            continue
        struck = kind.dep_ in ("obj", "dobj")
        fell_in = kind.dep_ == "obl" and case_word(kind) in _WHERE_IT_FELL
        name = _name_after_of(kind, by_start)
        if not (struck or fell_in) or name is None:
            continue
        start, end = name
        if province is not None and start < province.end:
            continue
        if inside(mask, start, end) or (start, end) in used:
            continue
        label = by_start[kind.i + 2].label_ if kind.i + 2 in by_start else "GPE"
        found = Participant("place", doc.text[start:end], start, end, label, None)
        found = _without_trailing_words(doc, full_name(doc, found))
        return replace(found, within=province.text) if province is not None else found
    return None


def _name_after_of(kind: Token, by_start: dict[int, Span]) -> tuple[int, int] | None:
    """The characters of the name in "the town of X": the tagged place there, or the proper
    nouns the parse hung on the kind (the tagger may miss a small town's name). Not a name
    that only qualifies the noun after it ("a neighbourhood of Syrias central city of X")."""
    doc = kind.doc
    at = kind.i + 2
    if at >= len(doc) or doc[kind.i + 1].lower_ != "of":
        return None
    ent = by_start.get(at)
    if ent is not None:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            return None
        run = doc[ent.start : ent.end]
    else:
        word = doc[at]
        if word.pos_ != "PROPN" or word.ent_type_ or word.head.i != kind.i:
            return None
        last = max(t.i for t in word.subtree if t.i >= at)
        run = doc[at : last + 1]
        if not all(t.pos_ == "PROPN" or t.text == "-" or t.lower_ in ("al", "el") for t in run):
            return None
    following = doc[run.end] if run.end < len(doc) else None
    if following is not None and following.pos_ in ("NOUN", "ADJ"):
        return None
    if len(run) == 1 and is_country_possessive(run.text):
        return None
    return run.start_char, run.end_char


_WHERE_IT_FELL = frozenset({"in", "on", "at", "inside", "into"})


# The kinds of place that are a town's or a village's (not a province's or a region's).
SETTLEMENT_KINDS = frozenset({"town", "village", "city", "hamlet", "neighbourhood", "neighborhood"})


KIND_WORDS = 2  # "port", "border", "coastal": words before "town of" that keep the reading


def _named_after_of(doc: Doc, place: Participant, ents: Sequence[Span]) -> Participant:
    """ "the Damascus suburb of Jaramana": the place is the name after "of", in the one before."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return place
    at = span.end
    # a word or two saying what kind of town between: "the Red Sea port town of Mokha"
    while at < min(span.end + KIND_WORDS, len(doc)) and doc[at].text.islower():
        if doc[at].lower_ in NAMED_AFTER_OF:
            break
        at += 1
    if at + 2 >= len(doc):
        return place
    kind, of = doc[at], doc[at + 1]
    if kind.lower_ not in NAMED_AFTER_OF or of.lower_ != "of":
        return place
    # whatever the tagger called it: the words say it is a town ("Saraqeb" tagged a person)
    named = next((e for e in ents if e.start == at + 2), None)
    if named is None:
        return place
    found = Participant("place", named.text, named.start_char, named.end_char, named.label_, None)
    return replace(full_name(doc, found), within=place.text)


# A capital before these names who governs, not where anything happened ("the Damascus
# regime", "the Baghdad government", "Tehran's leadership").
_GOVERNING_NOUNS = frozenset(
    {"regime", "government", "authorities", "administration", "leadership", "cabinet"}
)


def _describes_a_noun(doc: Doc, mention: EventMention, place: Participant) -> bool:
    """The mention's own place is the tagger's mistake, or a name that only describes the
    happening, another happening or the trigger's subject or object ("in US airstrikes on
    the country's east", "Takfiri terrorists were killed"). A name describing some other noun
    still places it ("in its Raqa bastion", "on Aleppo's western edges")."""
    if not_a_place(doc, place.start, place.end):
        return True
    if is_country(place.text) and _before_an_attack(doc, place.end):
        return True  # "killed in the US latest airstrike", the parse making "US" the place
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or _named_kind(doc, span.start) or not _modifier(doc, place.start, place.end):
        return False
    head = span.root.head
    if head.lower_ in _GOVERNING_NOUNS:
        return True  # "in support of the Damascus regime": whose, not where
    trigger = doc.char_span(mention.trigger_start, mention.trigger_end, alignment_mode="expand")
    told = range(trigger.start, trigger.end) if trigger is not None else range(0)
    on_trigger = head.i in told
    on_people = head.dep_ in _CORE_ARGUMENTS and head.head.i in told
    # what it was done with: "targeted with a captured Humvee military car"
    on_means = head.head.i in told and any(
        c.dep_ in ("case", "prep") and c.lower_ == "with" for c in head.children
    )
    if not (on_trigger or on_people or on_means or load_event_schema().by_form(head.text)):
        return False
    # A town that describes an attack is where it was ("a Kabul car bombing"); a country is
    # who struck ("US airstrikes"), and a name no gazetteer knows is the tagger's guess
    # ("Takfiri terrorists").
    return is_country(place.text) or _unknown_place(place.text)


_ATTACK_AFTER = re.compile(
    rf"\s+(?:(?P<between>[a-z]+)\s+)?"
    rf"(?:{'|'.join(sorted(MILITARY_ACTION_NOUNS, key=len, reverse=True))})\b"
)


def _before_an_attack(doc: Doc, end: int) -> bool:
    """An attack noun right after `end`, one adjective allowed between ("US latest airstrike",
    "Russian new offensive"): the name is whose the attack was. Any other word between opens
    another phrase ("killed in Syria when airstrikes hit"): the name still places."""
    found = _ATTACK_AFTER.match(text_of(doc), end)
    if found is None:
        return False
    if found["between"] is None:
        return True
    between = doc.char_span(found.start("between"), found.end("between"))
    return between is not None and between[0].pos_ == "ADJ"


# "near the border with": the country named next lies on the frontier's other side.
_FRONTIER_WITH = re.compile(r"\b(?:border|frontier|boundary)s?\s+with\s+(?:the\s+)?$", re.I)


def across_a_border(text: str, name: Participant) -> bool:
    """A country named as the neighbour a frontier runs along ("a village near the border with
    Iraq"): the happening is on this side of it, so the country is neither its place nor one
    of its sides. (The parse may hang "with Iraq" on the verb, as if struck with it: read the
    words.)"""
    before = text[max(0, name.start - 30) : name.start]
    return is_country(name.text) and _FRONTIER_WITH.search(before) is not None


def _unknown_place(name: str) -> bool:
    from sitrep.resolve.places import resolve_place

    return resolve_place(name) is None


# a verb's subject and objects: who did it and to whom, never where (an oblique is)
_CORE_ARGUMENTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "iobj"})


# "Deir ez-Zor" cut by the tagger or the tokenizer at its article ("Deir ez", "Ain al-", "Deir")
_ARTICLE_END = re.compile(r"(?:^|\s)(?:al|el|ez|es|ed|ad|as|az|ash|ar|an|at|ul)-?$|-$")


def full_name(doc: Doc, place: Participant) -> Participant:
    """A place cut at its hyphenated article ("Deir ez", "Ain al-", "Deir" before "ez-Zor")
    runs on to the name's end: the cut name is another place or none."""
    text = text_of(doc)
    tail = text[place.end : place.end + 40]
    if _ARTICLE_END.search(place.text):
        match = re.match(r"^\s?-?\s?[A-Z][\w']*", tail)
    else:
        match = re.match(
            r"^\s(?:al|el|ez|es|ed|ad|as|az|ash|ar|an|at|ul)-[A-Z][\w']*", tail
        )  # "Deir" + " ez-Zor"
    if match is None:
        return place
    end = place.end + match.end()
    return replace(place, text=text[place.start : end], end=end)


_COUNTRY_PREFIX = re.compile(r"^(?:[A-Z][a-z]+s|[A-Z][a-z]+'s|[A-Z][a-z]+’s)\s+(?=[A-Z])")


def _without_country(place: Participant) -> Participant:
    """ "Syrias Idlib" (an apostrophe stripped, tagged as one name): the place is Idlib."""
    match = _COUNTRY_PREFIX.match(place.text)
    if match is None or not is_country(match.group(0).strip().rstrip("s").rstrip("'’")):
        return place
    cut = match.end()
    return replace(place, text=place.text[cut:], start=place.start + cut)


MAX_NAME_TOKENS = 3


def _month_of_a_date(token: Token) -> bool:
    after = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.lower_.rstrip(".") in MONTHS and after is not None and after.like_num


def _name_goes_on(doc: Doc, i: int, stop: int) -> bool:
    """Whether a capitalised word that is not a country or a place noun follows: the words
    before it are only the start of a longer name ("Abu" of "Abu al-Duhur")."""
    if i >= stop or not doc[i].text[:1].isupper():
        return False
    from sitrep.extract.reference import load_roles

    word = doc[i].lower_
    ends = is_country(doc[i].text) or word in load_roles().demonyms  # "Aleppo Syrian activists"
    return not (ends or word in _BETWEEN or word in _KIND_OF_PLACE)


def _names_a_common_thing(span: Span) -> bool:
    """A name that modifies the noun of a process, an accord or a happening right after it, in a
    phrase opened by a determiner ("the Geneva process", "the Astana talks"): it names the
    thing, it places nothing ("Ghouta rural Damascus", "the Damascus suburbs", "Qalamoun
    barrens" still do, and so does a name right after its preposition: "exploded in Homs
    police said" is a source's words run on, the comma lost)."""
    root = span.root
    head = root.head
    return (
        span.start > 0
        and span.doc[span.start - 1].pos_ == "DET"
        and dep(root) == "compound"
        and head.i == span.end
        and head.text.islower()
        and (head.lower_ in _NAMED_THINGS or bool(load_event_schema().by_form(head.text)))
    )


# Things named after a place that are no place of what a sentence tells: "the Geneva process",
# "the Astana talks" (a happening's noun, read from the schema), "the Minsk agreement".
_NAMED_THINGS = frozenset(
    {"process", "format", "agreement", "accord", "accords", "deal", "summit", "conference",
     "declaration", "communique", "platform", "plan", "initiative", "memorandum", "protocol"}
)  # fmt: skip


def gazetteer_place(doc: Doc, sent: Span, mask: Sequence[tuple[int, int]]) -> Participant | None:
    """The first capitalised name after a place word that the gazetteer knows as a town or a
    province (not a country): the tagger missed it ("in government-held western Aleppo")."""
    from sitrep.resolve.places import resolve_place

    for token in sent:
        if not token.text[:1].isupper() or not _after_place_word(doc, token.i, sent.start):
            continue
        if inside(mask, token.idx, token.idx + len(token.text)) or is_country(token.text):
            continue  # ("Syrias Deir Ezzor": the name starts after the country)
        if token.ent_type_ == "NORP":
            continue  # "the Kazakh capital": a people's word, never a town of that name
        if _month_of_a_date(token):
            continue  # "On Jan. 25": a day, though a gazetteer town is called Jan
        for size in range(MAX_NAME_TOKENS, 0, -1):
            span = doc[token.i : min(token.i + size, sent.end)]
            if not all(t.text[:1].isupper() or t.text in ("-", "al", "el") for t in span):
                continue
            if any(t.lower_ in ("a", "an", "the") for t in span[1:]):
                continue  # "Idlib A reporter ...": a headline run into the sentence after it
            if span[-1].text in ("-", "al", "el") or _name_goes_on(doc, span.end, sent.end):
                continue  # "Deir ez -", "Khan" of "Khan Sheikhoun": part of a name
            found = resolve_place(span.text, small_towns=True)
            if found is None or found.precision == "country" or is_country(span.text):
                continue
            if names_only_a_direction(span.text):
                continue  # "Central" of "the Central and Eastern parts of Hama"
            if not_a_place(doc, span.start_char, span.end_char):
                continue
            if _names_a_common_thing(span):
                break  # "in the Geneva process": what the name describes, not where
            if span.end < sent.end and doc[span.end].lower_ in _GOVERNING_NOUNS:
                break  # "of the Damascus regime": who governs, not where
            place = Participant("place", span.text, span.start_char, span.end_char, "GPE", None)
            return full_name(doc, place)
    return None
