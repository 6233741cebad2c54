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
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.extract.furniture import inside
from sitrep.nlp.spans import text_of
from sitrep.records import EventMention, Participant

VIOLENT = frozenset({"ASSAULT", "DIE"})
ROLE_AS_ASSAULT = {"by": "actor", "actor": "actor", "target": "target", "counterpart": "target"}
PLACE_WORDS = frozenset({"in", "at", "near", "outside", "inside", "around", "on", "of", "across"})
VAGUE_MODES = frozenset({"unspecified", "offensive", None})


def merge_sentences(mentions: Sequence[EventMention]) -> list[EventMention]:
    """`mentions` with each sentence's asserted ASSAULT/DIE mentions merged into happenings.

    Attacks of one sentence placed in different places stay apart ("an offensive in Homs ...
    an airstrike near Damascus"); each death joins the nearest attack."""
    groups: dict[int, list[EventMention]] = {}
    for m in mentions:
        if m.type in VIOLENT and m.modality is None and not m.negated:
            groups.setdefault(m.sentence, []).append(m)
    merged: dict[str, EventMention] = {}  # first member's id -> the merged mention
    members: set[str] = set()
    for group in groups.values():
        for cluster in _happenings(group):
            merged[cluster[0].id] = _merge(cluster)
            members.update(m.id for m in cluster)
    out = []
    for m in mentions:
        if m.id in merged:
            out.append(merged[m.id])
        elif m.id not in members:
            out.append(m)
    return out


def _happenings(group: list[EventMention]) -> list[list[EventMention]]:
    """A sentence's violent mentions as happenings: attacks joined unless placed apart, each
    death with the nearest attack (all deaths together when there is no attack)."""
    clusters: list[list[EventMention]] = []
    for m in (g for g in group if g.type == "ASSAULT"):
        home = next((c for c in clusters if _same_place(c, m)), None)
        if home is None:
            clusters.append([m])
        else:
            home.append(m)
    deaths = [g for g in group if g.type != "ASSAULT"]
    if not clusters:
        return [deaths] if deaths else []
    for d in deaths:
        nearest = min(
            clusters, key=lambda c: min(abs(x.trigger_start - d.trigger_start) for x in c)
        )
        nearest.append(d)
    return [sorted(c, key=lambda x: x.trigger_start) for c in clusters]


def _same_place(cluster: list[EventMention], m: EventMention) -> bool:
    places = {x.place.text.lower() for x in cluster if x.place}
    return m.place is None or not places or m.place.text.lower() in places


def _merge(group: list[EventMention]) -> EventMention:
    if len(group) == 1:
        return group[0]
    assaults = [m for m in group if m.type == "ASSAULT"]
    first = (assaults or group)[0]
    mode = next((m.mode for m in assaults if m.mode not in VAGUE_MODES), first.mode)
    participants: list[Participant] = []
    seen: set[tuple[int, int]] = set()
    for m in [first, *[g for g in group if g is not first]]:
        for p in m.participants:
            role = ROLE_AS_ASSAULT.get(p.role, p.role) if first.type == "ASSAULT" else p.role
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


# Words that may stand between a place word and the place: "in the small town of Maasaran",
# "from Syria's Raqqa", "in the Al Mayadin district".
_BETWEEN = frozenset(
    {
        "the", "a", "small", "northern", "southern", "eastern", "western", "central", "nearby",
        "town", "city", "village", "district", "province", "area", "neighbourhood",
        "neighborhood", "countryside", "suburb", "outskirts", "region", "of", "divided",
        "besieged", "rebel-held", "government-held", "syrias", "syria's", "'s", "rural",
    }
)  # fmt: skip
LOOK_BACK = 5


def _after_place_word(doc: Doc, start: int, sent_start: int) -> bool:
    for i in range(start - 1, max(sent_start, start - LOOK_BACK) - 1, -1):
        word = doc[i].lower_
        if word in PLACE_WORDS and not (word == "of" and doc[i - 1].lower_ in _BETWEEN):
            return True
        if word not in _BETWEEN and doc[i].pos_ != "ADJ":
            return False
    return False


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
    """A "place" glued to a hyphen ("US-led"), a time ("Sunday") or a force or an attack
    ("Russian jets", "Aleppo Bombing as"): the tagger's mistake, never the event's place."""
    from sitrep.extract.time import find_time_expressions

    text = text_of(doc)[start:end]
    words = text.lower().split()
    if text_of(doc)[end : end + 1] == "-" or not words or words[-1] in _NOT_PLACE_HEADS:
        return True
    found = find_time_expressions(text)
    return bool(found) and found[0].end - found[0].start >= len(text.strip()) - 1


@cache
def _countries() -> frozenset[str]:
    from sitrep.resolve.centroids import geonames  # the process's one gazetteer

    names = {c["name"].lower() for c in geonames().get_countries().values()}
    return frozenset(names | {"syria", "iran", "russia", "us", "u.s.", "united states", "uk"})


def is_country(name: str) -> bool:
    """A country's name, also with a possessive "s" whose apostrophe was lost ("Syrias")."""
    bare = name.lower().removeprefix("the ").strip()
    return bare in _countries() or (bare.endswith("s") and bare[:-1] in _countries())


def place_from_sentence(
    mention: EventMention,
    doc: Doc,
    sent: Span,
    mask: Sequence[tuple[int, int]],
    sent_ents: Sequence[Span] | None = None,
    dated_apart: Callable[[Token], bool] | None = None,
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
    if mention.place is not None and not_a_place(doc, mention.place.start, mention.place.end):
        mention = replace(mention, place=None)  # "US-led strikes", "a US drone strike"
    if mention.place and not is_country(mention.place.text):
        return mention
    used = {(p.start, p.end) for p in mention.participants}
    for ent in sent.ents if sent_ents is None else sent_ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or is_country(ent.text):
            continue
        if inside(mask, ent.start_char, ent.end_char) or (ent.start_char, ent.end_char) in used:
            continue
        if not _after_place_word(doc, ent.start, sent.start) or apart(ent.root):
            continue
        if _modifier(doc, ent.start_char, ent.end_char) or not_a_place(
            doc, ent.start_char, ent.end_char
        ):
            continue  # "the Aleppo offensive", "Idlib's governor": not where it happened
        place = Participant("place", ent.text, ent.start_char, ent.end_char, ent.label_, None)
        return replace(mention, place=_without_country(place))
    found = gazetteer_place(doc, sent, mask)
    if found is None:
        return mention
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is not None and apart(span.root):
        return mention
    return replace(mention, place=found)


_COUNTRY_PREFIX = re.compile(r"^(?:[A-Z][a-z]+s|[A-Z][a-z]+'s|[A-Z][a-z]+’s)\s+(?=[A-Z])")


def _without_country(place: Participant) -> Participant:
    """ "Syrias Idlib" (an apostrophe stripped, tagged as one name): the place is Idlib."""
    match = _COUNTRY_PREFIX.match(place.text)
    if match is None or not is_country(match.group(0).strip().rstrip("s").rstrip("'’")):
        return place
    cut = match.end()
    return replace(place, text=place.text[cut:], start=place.start + cut)


MAX_NAME_TOKENS = 3


def gazetteer_place(doc: Doc, sent: Span, mask: Sequence[tuple[int, int]]) -> Participant | None:
    """The first capitalised name after a place word that the gazetteer knows as a town or a
    province (not a country): the tagger missed it ("in government-held western Aleppo")."""
    from sitrep.resolve.places import resolve_place

    for token in sent:
        if not token.text[:1].isupper() or not _after_place_word(doc, token.i, sent.start):
            continue
        if inside(mask, token.idx, token.idx + len(token.text)):
            continue
        for size in range(MAX_NAME_TOKENS, 0, -1):
            span = doc[token.i : min(token.i + size, sent.end)]
            if not all(t.text[:1].isupper() or t.text in ("-", "al", "el") for t in span):
                continue
            found = resolve_place(span.text, small_towns=True)
            if found is None or found.precision == "country" or is_country(span.text):
                continue
            if not_a_place(doc, span.start_char, span.end_char):
                continue
            return Participant("place", span.text, span.start_char, span.end_char, "GPE", None)
    return None
