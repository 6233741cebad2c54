"""Words around a happening that are none of its participants, though the parse hangs them
on its trigger: the frame of a quotation (who speaks it) and a source that only tells the
happening (an agency, an outlet, an unnamed source). (A date's day number is typed out with the
other non-agents: `agents`.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sitrep.extract.happening import STRIKING_ROLES
from sitrep.records import EventMention, Participant

# Sources that only tell: an unnamed source, an agency, an outlet, a document
_ONLY_TELLING = frozenset({"anonymous", "agency", "outlet", "document"})


def without_telling_sources(mention: EventMention) -> EventMention:
    """`mention` without a participant that is a source only telling it: after the trigger
    ("a mortar hit the square killing one policeman a security source told AFP": the parse
    took the source for a second victim), or anywhere as its doer ("A source told SANA that
    terrorists fired mortar shells": SANA fired nothing). A person or body speaking may also
    have taken part ("following a meeting with Netanyahu, Putin said"), as may a speaker before
    the trigger ("Rebels said they shelled")."""
    telling = [
        (link.start, link.end)
        for link in mention.claim.chain
        if link.start is not None and link.end is not None and link.kind in _ONLY_TELLING
    ]

    def kept(p: Participant) -> bool:
        for a, b in telling:
            if a < p.end and p.start < b and (a > mention.trigger_end or p.role in STRIKING_ROLES):
                return False
        return True

    return keeping(mention, kept)


def keeping(mention: EventMention, keep: Callable[[Participant], bool]) -> EventMention:
    """`mention` with only the participants `keep` accepts."""
    kept = tuple(p for p in mention.participants if keep(p))
    if len(kept) == len(mention.participants):
        return mention
    return replace(mention, participants=kept)


def is_quotation(text: str, quote: tuple[int, int]) -> bool:
    """Quoted words that are a statement, not a name or a scare-quoted word ("so-called
    \"Islamic State\"")."""
    return len(text[quote[0] : quote[1]].split()) >= QUOTATION_WORDS


QUOTATION_WORDS = 5


def inside_quotation(mention: EventMention, quote: tuple[int, int]) -> EventMention:
    """`mention`, told inside a quotation, without participants outside it: the frame around a
    quotation names who speaks ('... struck the neighbourhood with barrel bombs" Necip Ensari
    a local official said'), not who took part in what is quoted."""
    return keeping(mention, lambda p: quote[0] <= p.start and p.end <= quote[1])
