"""Independent origins of a set of claims, and an event's status from them.

An origin is the root of a source chain: "Fox News, citing Western intelligence" is one origin
(Western intelligence, via Fox News); a syndicated copy, and several outlets citing one agency,
are one origin; a document that names no source speaks in its outlet's voice. Deniers are
named, never counted among the origins that corroborate. The chains read here hold only links a
reader would recognise as a source (`views.load_claims` drops blanks, places, datelines,
objects and fragments, by the entity types found at their spans).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sitrep.records import UNNAMED_SOURCE

SUPPORTING = frozenset({"asserts", "reports", "confirms"})
AGAINST = frozenset({"denies", "retracts"})


@dataclass(frozen=True)
class ClaimView:
    id: str
    doc_id: str
    root_doc_id: str  # the document itself, or the first copy of a near-duplicate
    outlet: str | None
    chain: tuple[dict[str, object], ...]
    stance: str
    root_outlet: str | None = None  # the outlet of the first copy
    root_label: str | None = None  # how to name the first copy when it has no outlet
    # its sentence's words (`copy_key`) when long enough to be a copy (relations keep none yet)
    copied: str | None = None
    # the entities the document's own voice is (its outlet "sana" is the agency SANA): tokens
    # that make it one origin with a cited link that names the same body (`aliases`)
    voice_aka: tuple[str, ...] = ()


# A sentence of this many words told word for word in two outlets is one text syndicated (a
# wire story each ran), not two witnesses; shorter ones ("Five people were killed") may be
# written apart.
COPY_WORDS = 10


def copy_key(sentence: str | None) -> str | None:
    """A sentence's words, lower case, for finding it told word for word elsewhere."""
    words = re.findall(r"\w+", (sentence or "").lower())
    return " ".join(words) if len(words) >= COPY_WORDS else None


@lru_cache(maxsize=1 << 16)  # a store names few outlets and sources, each in many claims
def name_key(name: str) -> str:
    key = re.sub(r"[^\w\s]", " ", name.lower())
    key = re.sub(r"\b(the|agency|news|channel)\b", " ", key)
    return " ".join(key.split()) or " ".join(name.lower().split())


@dataclass(frozen=True)
class Origin:
    """Where a claim comes from: a key to count it by, and words to name it."""

    key: str  # "source:<name>", "outlet:<name>" or "doc:<document>" (a page with no outlet)
    label: str  # "Western intelligence (via Fox News)"
    spoken_by: str = ""  # the person who spoke for the body, when the origin is one

    @property
    def ident(self) -> str:
        """What makes two origins one: Reuters cited by an outlet is Reuters' own report."""
        return self.key.split(":", 1)[1] if not self.key.startswith("doc:") else self.key


_DETERMINER = re.compile(r"(?i)^(the|a|an|some|other|several)\s+")


def names_someone(link: dict[str, object]) -> bool:
    """Does the link name its source? "SANA", "Rami Abdel Rahman", "the Syrian Observatory"
    do; "a military source", "local media", "activists", "State media" (capitalised only as a
    sentence's first word) describe one without naming it. An entity found inside the link
    (`views` marks it `named`) names one however it is written ("Syrian activists"); the
    attribution stage's `anonymous` kind is its reading of a description."""
    name = str(link.get("name") or "").strip()
    if not name or name == UNNAMED_SOURCE:
        return False
    if link.get("named"):
        return True
    if link.get("kind") == "anonymous":
        return False
    words = re.findall(r"[^\W\d_][\w'-]*", _DETERMINER.sub("", name))
    if not words:
        return False
    capitalised = [i for i, w in enumerate(words) if w[0].isupper()]
    # a lone capitalised word ("Observatory", "Reuters") names someone the text has named before
    return bool(capitalised) and (capitalised != [0] or len(words) == 1)


def _cited(claim: ClaimView) -> list[dict[str, object]]:
    """The chain's sources past the outlet. A source the text does not name ("it was
    reported") is no origin: unnamed reports in two documents may be one, and counting them
    apart would corroborate on nothing; such a claim speaks in its outlet's voice."""
    return [
        link
        for link in claim.chain
        if link.get("kind") != "outlet"
        and str(link.get("name") or "").strip()
        and link.get("name") != UNNAMED_SOURCE
    ]


def described_source(claim: ClaimView) -> bool:
    """Does a supporting claim rest on a source its text describes without naming ("a
    military source", "local media")? One outlet's described sources are pooled into one
    origin (`pool`)."""
    cited = _cited(claim)
    return bool(cited) and not names_someone(cited[-1])


def _voice(claim: ClaimView) -> tuple[str, str]:
    """The document's own voice: its (first copy's) outlet, else the page itself."""
    outlet = claim.root_outlet if claim.root_doc_id != claim.doc_id else claim.outlet
    if outlet and outlet.strip():
        return "outlet:" + name_key(outlet), outlet.strip()
    label = claim.root_label or "an unnamed page"
    return "doc:" + claim.root_doc_id, label


def _told_by(claim: ClaimView) -> dict[str, object] | None:
    """The chain's link a claim's origin is: a supporting claim's last cited link (the original
    source), a denial's first (the one who denies: links past it are what it answers)."""
    cited = _cited(claim)
    if not cited:
        return None
    return cited[0] if claim.stance in AGAINST else cited[-1]


def origin(claim: ClaimView) -> Origin:
    """A supporting claim's origin is the last link of its chain (the original source); a
    denial's is its first cited link (the one who denies: links past it are what it answers);
    with no cited link, the document's own voice. A person who speaks for a body ("Rami Abdel
    Rahman, the Observatory's director"; `views` marks the link `speaks_for`) is that body's
    voice: the origin is the body, named with the person."""
    link = _told_by(claim)
    voice_key, voice = _voice(claim)
    if link is not None:
        name = " ".join(str(link.get("name")).split())
        body = link.get("speaks_for")
        if isinstance(body, dict) and body.get("name"):
            title = " ".join(str(body.get("title") or "").split())
            spoken = f"{body['name']} (its {title + ' ' if title else ''}{name}"
            name, shown, spoken_by = str(body["name"]), spoken, name
        else:
            shown, spoken_by = name, ""
        if name_key(name) != voice_key.split(":", 1)[1]:
            shown += f", via {voice})" if shown != name else f" (via {voice})"
        elif shown != name:
            shown += ")"
        return Origin("source:" + name_key(name), shown, spoken_by)
    if claim.stance in AGAINST:
        # "It was denied", with no one named: the outlet reports a denial, it does not deny.
        return Origin("unnamed-denier:" + voice_key, f"an unnamed denier (reported by {voice})")
    return Origin(voice_key, voice)


def origin_key(claim: ClaimView) -> str:
    return origin(claim).key


def aliases(claim: ClaimView) -> frozenset[str]:
    """Tokens naming what a claim's origin is, beyond its ident: the entities resolution found
    in its source's words, the bodies that source speaks for, the person who spoke for one,
    the entity the document's own outlet is. Two origins with a token in common are one voice
    (`_supporting` pools them): "SANA" and "the Syrian Arab News Agency" (one entity), "the
    Syrian Observatory" and "Rami Abdel Rahman" where the text makes him its director."""
    link = _told_by(claim)
    if link is None:
        return frozenset(claim.voice_aka) if claim.stance not in AGAINST else frozenset()
    found = {str(token) for token in link.get("aka") or ()}  # type: ignore[attr-defined]
    if isinstance(link.get("speaks_for"), dict):
        found.add("source:" + name_key(" ".join(str(link.get("name")).split())))
    return frozenset(found)


@dataclass(frozen=True)
class Status:
    status: str  # single-source / corroborated / contested / denied
    reason: str
    origins: tuple[str, ...]
    n_origins: int


Support = dict[str, tuple[Origin, set[str]]]  # ident -> the origin, the documents carrying it


def _supporting(claims: Sequence[ClaimView]) -> Support:
    """Independent supporting origins, each with the documents that carry it. An outlet that
    cites a source for the event does not add its own voice as another origin: what it says
    unattributed (here or in its other reports of the event) may rest on what it cites."""
    by_voice: dict[str, list[tuple[Origin, str]]] = defaultdict(list)
    copies: dict[str, set[str]] = defaultdict(set)
    tokens_of: list[tuple[str, Iterable[str]]] = []
    tied: list[tuple[str, str, Iterable[str]]] = []  # described: voice, ident, its tokens
    named: set[str] = set()  # the tokens of the origins a text names
    for claim in claims:
        if claim.stance in SUPPORTING:
            voice, told = _voice(claim)[0], origin(claim)
            by_voice[voice].append((told, claim.root_doc_id))
            tokens = aliases(claim)
            tokens_of.append((told.ident, {told.key, *tokens}))
            if described_source(claim):
                tied.append((voice, told.ident, tokens))
            else:
                named |= tokens
            if claim.copied is not None:
                copies[claim.copied].add(told.ident)
    out: Support = {}
    for _voice_key, found in sorted(by_voice.items()):
        cited = [(o, doc) for o, doc in found if o.key.startswith("source:")]
        for o, doc in cited or found:
            kept = out.setdefault(o.ident, (o, set()))
            if o.spoken_by and not kept[0].spoken_by:  # named with the person who spoke for it
                out[o.ident] = (o, kept[1])
            kept[1].add(doc)
    return pool(out, [*one_voice(tokens_of, tied, named), *copies.values()])


def one_voice(
    tokens_of: Iterable[tuple[str, Iterable[str]]],
    described: Iterable[tuple[str, str, Iterable[str]]],
    named: Iterable[str],
) -> list[set[str]]:
    """The groups of origins (idents) that are one voice, for `pool`: events (`_supporting`)
    and relations (`relation_aggregate.status`) both count by it.
    - `tokens_of`: each origin's ident with its key and alias tokens (`aliases`): origins with
      a token in common are one body by two names, or a body and a person speaking for it;
    - `described`: (voice, ident, tokens) of the sources an outlet describes without naming
      them, pooled per voice, except a description the report ties to a body it names ("a
      monitor", then "the Syrian Observatory") where that body is an origin here (its tokens
      are among `named`, the tokens of the named origins): that is the body's voice."""
    same: dict[str, set[str]] = defaultdict(set)  # a token -> the idents it names
    for ident, tokens in tokens_of:
        for token in tokens:
            same[token].add(ident)
    known = set(named)
    pools: dict[str, set[str]] = defaultdict(set)
    for voice, ident, tokens in described:
        if not set(tokens) & known:
            pools[voice].add(ident)
    return [*pools.values(), *same.values()]


def pool(support: Support, groups: Iterable[set[str]]) -> Support:
    """Origins that are one, each group of idents pooled (groups that share an origin join):
    - the sources an outlet describes without naming them, in all its reports ("a military
      source" in one, "local media" in the next): nothing tells they are two, and counting
      them apart would corroborate an outlet by itself (a described source pooled in two
      outlets' voices joins both pools: by name it was already one origin across outlets);
    - the origins of one sentence told word for word in several outlets (`copy_key`): a wire
      story each ran, whatever source each copy's chain reads;
    - the origins that name one voice (`aliases`): one body by two of its names, a body and a
      person who speaks for it.
    A pool is named by all its members' words and keyed by the least of their keys: the same
    for any claim order."""
    parent = {ident: ident for ident in support}

    def root(ident: str) -> str:
        while parent[ident] != ident:
            ident = parent[ident]
        return ident

    for pooled in groups:
        members = sorted(i for i in pooled if i in parent)
        for other in members[1:]:
            a, b = root(members[0]), root(other)
            parent[max(a, b)] = min(a, b)
    pools: dict[str, list[str]] = defaultdict(list)
    for ident in support:
        pools[root(ident)].append(ident)
    out: Support = {}
    for head, idents in pools.items():
        if len(idents) == 1:
            out[head] = support[head]
            continue
        found = [support[i][0] for i in idents]
        key = min(o.key for o in found)
        label = " / ".join(sorted({o.label for o in found}))
        out[head] = (Origin(key, label), set().union(*(support[i][1] for i in idents)))
    return out


def _independent_documents(support: Support) -> bool:
    """Two different origins carried by two different documents: one article citing two
    sources is still one article."""
    items = list(support.values())
    return any(
        d1 != d2
        for i, (_o1, docs1) in enumerate(items)
        for _o2, docs2 in items[i + 1 :]
        for d1 in docs1
        for d2 in docs2
    )


def _names(origins: Sequence[Origin]) -> str:
    return ", ".join(sorted({o.label for o in origins}))


def event_status(claims: Sequence[ClaimView]) -> Status:
    support = _supporting(claims)
    against = {origin(c).ident: origin(c) for c in claims if c.stance in AGAINST}
    return status_of(support, against)


def status_of(support: Support, against: dict[str, Origin]) -> Status:
    """The status from the supporting origins (each with its documents) and the deniers, by
    ident: what `event_status` counts, and what a relation's kept aggregate holds."""
    keys = tuple(sorted(o.key for o, _docs in support.values()))
    backers = [o for o, _docs in support.values()]
    if support and against:
        status = "contested"
        reason = (
            f"reported by {len(support)} origin(s): {_names(backers)}; "
            f"denied by {_names(list(against.values()))}"
        )
    elif against:
        status, reason = "denied", f"only denials, by {_names(list(against.values()))}"
    elif len(support) >= 2 and _independent_documents(support):
        status = "corroborated"
        reason = f"{len(support)} independent origins: {_names(backers)}"
    else:
        status = "single-source"
        docs = {d for _o, ds in support.values() for d in ds}
        if len(support) >= 2:
            reason = f"{len(support)} sources, all in one report: {_names(backers)}"
        else:
            reason = f"one origin: {_names(backers) or 'none named'}"
        if len(docs) > 1:
            reason += f" ({len(docs)} reports collapse to it)"
    return Status(status, reason, keys, len(support))
