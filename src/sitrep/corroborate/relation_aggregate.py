"""A relation's running totals, kept in `relation_aggregates` so a later run adds its new claims
to them instead of reading every claim the relation has gathered from the whole store.

A relation's row (`relations.relation_row`) is a fold over its claims: the most common title,
the dates that start and end it, and its status from its independent origins. This module
keeps what that fold needs, and nothing order-dependent: per title its count and first claim;
the earliest start; the latest publication of a report telling it as current and the "former"
reports since; the pack's end dates; and, per voice (a document's own outlet) and origin, the
origin's words from its first claim and the documents that carry it; per denier, its words
from its last claim. Adding claims in any batches gives the same totals as adding them all at
once, so the row built from them equals a rebuild from every claim
(`tests/test_corroborate_incremental.py`, `tests/test_relation_aggregate.py`).

Size: everything here is bounded by the relation's distinct titles, outlets and sources, but
the documents carrying each origin are kept as ids (to count reports that collapse to one
origin, and to tell two origins in two documents from two in one). That list grows with the
relation's reports; it is read as one JSON value, not as rows to parse and count again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, select

from sitrep.corroborate.origins import (
    AGAINST,
    SUPPORTING,
    ClaimView,
    Origin,
    Status,
    Support,
    aliases,
    described_source,
    one_voice,
    origin,
    pool,
    status_of,
)
from sitrep.corroborate.origins import _voice as voice_of
from sitrep.store import chunked, insert_ignore
from sitrep.store import schema as s

State = dict[str, Any]


def empty() -> State:
    return {
        "n": 0,  # claims, the pack's included
        "titles": {},  # title -> [count, first claim id]: the most common, ties to the first
        "start": None,  # the earliest start a current claim gives
        "current": "",  # the latest publication of a report telling it as current
        "formers": [],  # publications of "former" reports no earlier than `current`, sorted
        "pack_ends": [],  # the pack's end dates no earlier than `current`, sorted
        "pack": 0,  # the pack's claims
        "reports": 0,  # the documents' claims
        # voice -> {"c": cited origins, "p": the voice's own} -> ident -> [key, label, first
        # claim id, root documents]
        "voices": {},
        # ident -> the tokens naming what the origin is (`origins.aliases`: its entities, the
        # body a person speaking for it stands for), and the tokens of the named origins: what
        # makes two origins one voice (`origins.one_voice`)
        "aka": {},
        "named": [],
        # voice -> the sources it describes without naming them -> the distinct token lists
        # their claims gave them (a description the report ties to a named origin leaves the
        # voice's pool)
        "tied": {},
        "against": {},  # ident -> [key, label, last claim id]
    }


def add(state: State, member: dict[str, Any], view: ClaimView | None) -> None:
    """Count one claim in: `member` a relation mention's row (with its document's publication
    date), `view` its claim as origins reads it (None for the pack's own)."""
    mid = str(member["id"])
    state["n"] += 1
    title = member["title"]
    if title:
        count, first = state["titles"].get(title, (0, mid))
        state["titles"][title] = [count + 1, min(first, mid)]
    start = member["time_start"]
    if start and not member["ended"]:
        state["start"] = min(state["start"] or str(start), str(start))
    if view is None:
        state["pack"] += 1
        if member["time_end"] and str(member["time_end"]) >= state["current"]:
            state["pack_ends"] = sorted([*state["pack_ends"], str(member["time_end"])])
        return
    state["reports"] += 1
    published = str(member["published"] or "")
    if member["ended"]:
        state["formers"].append(published)
    else:
        state["current"] = max(state["current"], published)
    # A "former" report, or a pack's end, before the latest current report never ends the
    # relation again: the latest current report only moves later.
    state["formers"] = sorted(f for f in state["formers"] if f >= state["current"])
    state["pack_ends"] = [e for e in state["pack_ends"] if e >= state["current"]]
    found = origin(view)
    if view.stance in AGAINST:
        key, label, last = state["against"].get(found.ident, (found.key, found.label, ""))
        if mid >= last:
            key, label, last = found.key, found.label, mid
        state["against"][found.ident] = [key, label, last]
    elif view.stance in SUPPORTING:
        kind = "c" if found.key.startswith("source:") else "p"
        voice = state["voices"].setdefault(voice_of(view)[0], {"c": {}, "p": {}})
        key, label, first, docs = voice[kind].get(found.ident, (found.key, found.label, mid, []))
        if mid <= first:
            key, label, first = found.key, found.label, mid
        if view.root_doc_id not in docs:
            docs = sorted([*docs, view.root_doc_id])
        voice[kind][found.ident] = [key, label, first, docs]
        tokens = aliases(view)
        if tokens:
            known = state.setdefault("aka", {}).get(found.ident, [])
            state["aka"][found.ident] = sorted({*known, *tokens})
        if described_source(view):
            tied = state.setdefault("tied", {}).setdefault(voice_of(view)[0], {})
            told = tied.setdefault(found.ident, [])
            if sorted(tokens) not in told:
                told[:] = sorted([*told, sorted(tokens)])
        elif tokens:
            state["named"] = sorted({*state.get("named", []), *tokens})


def title(state: State) -> str | None:
    titles = state["titles"]
    if not titles:
        return None
    return str(min(titles.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0])


def period(state: State) -> tuple[str | None, str | None, bool]:
    """(start, end, ended), as `relations._period` gives them from every claim."""
    current = state["current"]
    # The pack's end holds unless a later report tells the relation as current (the pack's
    # "President of Russia until 2008" against 2019 reports of President Putin).
    ends = [e for e in state["pack_ends"] if e >= current]
    if state["formers"]:
        ends.append(state["formers"][0] or current)
    end = min((e for e in ends if e), default=None)
    return state["start"], end, bool(ends)


def status(state: State) -> Status:
    """The status `origins.event_status` gives for the relation's reports: an outlet that cites
    a source adds no origin of its own voice; an origin's words are those of its first claim
    in the first voice (by key) that carries it; a denier's, those of its last claim."""
    support: Support = {}
    keys: dict[str, str] = {}
    for _voice, kinds in sorted(state["voices"].items()):
        for ident, (key, _label, _first, _docs) in [*kinds["c"].items(), *kinds["p"].items()]:
            keys.setdefault(ident, key)
        for ident, (key, label, _first, docs) in sorted((kinds["c"] or kinds["p"]).items()):
            support.setdefault(ident, (Origin(key, label), set()))[1].update(docs)
    against = {ident: Origin(key, label) for ident, (key, label, _last) in state["against"].items()}
    # (totals kept before described sources were pooled, or before voices were, were
    # forgotten: store migrations 11 and 15)
    aka = state.get("aka", {})
    groups = one_voice(
        [(ident, {key, *aka.get(ident, ())}) for ident, key in sorted(keys.items())],
        [
            (voice, ident, tokens)
            for voice, idents in sorted(state.get("tied", {}).items())
            for ident, told in sorted(idents.items())
            for tokens in told
        ],
        state.get("named", ()),
    )
    return status_of(pool(support, groups), against)


# -- the store's table -----------------------------------------------------------------------


def load(conn: Connection, relation_ids: Iterable[str]) -> dict[str, State]:
    a = s.relation_aggregates.c
    return {
        row.relation_id: dict(row.state)
        for chunk in chunked(sorted(set(relation_ids)))
        for row in conn.execute(select(a.relation_id, a.state).where(a.relation_id.in_(chunk)))
    }


def save(conn: Connection, states: dict[str, State]) -> None:
    ids = sorted(states)
    for chunk in chunked(ids):
        conn.execute(
            delete(s.relation_aggregates).where(s.relation_aggregates.c.relation_id.in_(chunk))
        )
    insert_ignore(
        conn, s.relation_aggregates, [{"relation_id": i, "state": states[i]} for i in ids]
    )


def forget_all(conn: Connection) -> None:
    conn.execute(delete(s.relation_aggregates))
