"""Independent origins of a set of claims, and an event's status from them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

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


def name_key(name: str) -> str:
    key = re.sub(r"[^\w\s]", " ", name.lower())
    key = re.sub(r"\b(the|agency|news|channel)\b", " ", key)
    return " ".join(key.split()) or name.lower()


def origin_key(claim: ClaimView) -> str:
    """Where a claim comes from: the last cited link, else the outlet, else the document.

    "X, citing Y" collapses to Y; a syndicated copy collapses to its first copy's outlet.
    """
    cited = [link for link in claim.chain if link.get("kind") != "outlet"]
    if cited:
        return "source:" + name_key(str(cited[-1].get("name", "")))
    outlet = claim.root_outlet if claim.root_doc_id != claim.doc_id else claim.outlet
    if outlet:
        return "outlet:" + name_key(outlet)
    return "doc:" + claim.root_doc_id


@dataclass(frozen=True)
class Status:
    status: str  # single-source / corroborated / contested / denied
    reason: str
    origins: tuple[str, ...]
    n_origins: int


def event_status(claims: Sequence[ClaimView]) -> Status:
    support = sorted({origin_key(c) for c in claims if c.stance in SUPPORTING})
    against = sorted({origin_key(c) for c in claims if c.stance in AGAINST})
    origins = tuple(sorted(set(support) | set(against)))

    def names(keys: Sequence[str]) -> str:
        return ", ".join(k.split(":", 1)[1] for k in keys)

    if support and against:
        status = "contested"
        reason = (
            f"reported by {len(support)} origin(s) ({names(support)}); denied by {names(against)}"
        )
    elif against:
        status, reason = "denied", f"only denials, by {names(against)}"
    elif len(support) >= 2:
        status = "corroborated"
        reason = f"{len(support)} independent origins: {names(support)}"
    else:
        status = "single-source"
        reason = f"one origin: {names(support)}" + (
            f" ({len(claims)} claims collapse to it)" if len(claims) > 1 else ""
        )
    return Status(status, reason, origins, len(origins))
