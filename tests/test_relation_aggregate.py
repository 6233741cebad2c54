"""A relation's kept totals give the row a count of all its claims gives, however they came in.

`relation_aggregate` folds claims into totals that a later run extends. Here random claims
(copies of one page, sources cited in chains, denials named and unnamed, outlets blank or
spelled two ways, "former" and "new" claims, the pack's dated positions, tied titles) are fed
in random batches, each through a JSON round trip as the store keeps them, and the row built
from the totals is checked against the row read directly off every claim at once: the
reference in `relation_oracle`, the way relations were built before totals were kept.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from relation_oracle import direct_row
from sitrep.corroborate import relation_aggregate as aggregate
from sitrep.corroborate.relations import _view, aggregate_row

KEY = ("commands", "ent:a", "ent:b")
OUTLETS = [None, "", "Reuters", " reuters ", "Fox News", "Al-Manar", "SANA"]
# named sources, and sources described without a name ("a military source"), which one
# outlet's reports pool into one origin
SOURCES = [
    "Western intelligence", "western  intelligence", "the Kremlin", "Reuters", "IRNA", "",
    "a military source", "local media", "activists",
]  # fmt: skip
AKA = [[], [], [], ["entity:obs"], ["entity:obs", "entity:x"], ["entity:x"], ["source:the kremlin"]]
STANCES = ["asserts", "reports", "confirms", "denies", "retracts", "hedges"]
DAYS = [None, "2019-01-05", "2019-03-01", "2020-06-30", "2021-02-11"]


def _claims(rng: random.Random, n: int) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        pack = rng.random() < 0.08
        doc = None if pack else f"doc{rng.randrange(max(2, n // 2)):03d}"
        chain = [
            {
                "kind": rng.choice(["source", "source", "outlet", "anonymous"]),
                "name": rng.choice(SOURCES),
                # the entities `views.VoiceMarks` finds in a source: origins sharing one are
                # one voice (a body by two names, a person speaking for it)
                "aka": rng.choice(AKA),
            }
            for _ in range(rng.choice([0, 0, 1, 2]))
        ]
        out.append(
            {
                "id": f"rlm{rng.randrange(10**6):06d}-{i}",
                "document_id": doc,
                "title": rng.choice([None, "commander", "chief", "head"]),
                "time_start": rng.choice(DAYS),
                "time_end": rng.choice(DAYS) if pack else None,
                "ended": rng.random() < 0.3,
                "published": None if pack else rng.choice(DAYS),
                "duplicate_of": rng.choice([None, None, None, "doc000", "doc001"]),
                "claim": {
                    "outlet": rng.choice(OUTLETS),
                    "chain": chain,
                    "stance": rng.choice(STANCES),
                },
            }
        )
        if doc is not None:
            out[-1]["view"] = _view(out[-1], {})
    return out


def _fold(state: aggregate.State, members: list[dict[str, Any]]) -> aggregate.State:
    for m in members:
        aggregate.add(state, m, m.get("view"))
    return json.loads(json.dumps(state))  # as the store keeps it between runs


@pytest.mark.parametrize("seed", range(300))
def test_totals_kept_over_batches_give_the_row_of_all_claims(seed: int) -> None:
    rng = random.Random(seed)
    members = _claims(rng, rng.randrange(1, 40))
    arrival = members[:]
    rng.shuffle(arrival)
    state = aggregate.empty()
    while arrival:
        cut = rng.randrange(1, len(arrival) + 1)
        state = _fold(state, arrival[:cut])
        arrival = arrival[cut:]
        seen = sorted((m for m in members if m not in arrival), key=lambda m: m["id"])
        assert aggregate_row(KEY, state) == direct_row(KEY, seen)
    assert state == _fold(aggregate.empty(), sorted(members, key=lambda m: m["id"]))


def test_the_random_claims_pool_some_voices() -> None:
    """The property above is checked on claims whose voices pool, not only on apart ones."""
    pooled = 0
    for seed in range(300):
        rng = random.Random(seed)
        members = _claims(rng, rng.randrange(1, 40))
        state = _fold(aggregate.empty(), members)
        apart = {ident for kinds in state["voices"].values() for k in "cp" for ident in kinds[k]}
        pooled += aggregate.status(state).n_origins < len(apart)
    assert pooled > 30
