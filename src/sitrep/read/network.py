"""The network: who appears with whom. One definition for the workbench and the graph
exports (GEXF, GraphML): two entities are linked when they take part in one event (its place
counts as taking part) and when they are named in one sentence; an edge's weight is the sum.
Every edge lists the typed relations the reports and the pack state between its two ends
(`relations`: commands, member of, allied, fights, present in ...); with the kind "relations",
a pair linked only by such a relation is an edge too, weighted by its claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, Select, String, and_, cast, func, select

from sitrep.read.dossier import participant_ids
from sitrep.read.records import Network, NetworkEdge, NetworkNode
from sitrep.read.relations import relation_pairs
from sitrep.store import schema

E, M, EV, D = schema.entities, schema.mentions, schema.events, schema.documents
Pair = tuple[str, str]
Span = tuple[str, str]  # first and last ISO date
KINDS = frozenset({"events", "sentences", "relations"})


def _said_together(documents: Collection[str] | None, published: bool = False) -> Select[Any]:
    """Entity pairs named in one sentence (of `documents` only, when given), counted once per
    sentence; with `published`, the first and last publication date of those reports too."""
    a, b = M.alias("a"), M.alias("b")
    where_said = a.c.document_id + ":" + cast(a.c.sentence, String)
    together = a.join(b, and_(b.c.document_id == a.c.document_id, b.c.sentence == a.c.sentence))
    columns: list[Any] = [a.c.entity_id, b.c.entity_id, func.count(func.distinct(where_said))]
    if published:
        together = together.join(D, D.c.id == a.c.document_id)
        columns += [func.min(D.c.published), func.max(D.c.published)]
    query = (
        select(*columns)
        .select_from(together)
        .where(a.c.entity_id.is_not(None), b.c.entity_id.is_not(None))
        .where(a.c.entity_id < b.c.entity_id)
        .group_by(a.c.entity_id, b.c.entity_id)
    )
    if documents is not None:
        query = query.where(a.c.document_id.in_(sorted(documents)))
    return query


def sentence_pairs(conn: Connection, documents: Collection[str] | None = None) -> Counter[Pair]:
    """Entity pairs named in one sentence, counted once per sentence (of `documents` only,
    when given: the reports behind an explorer view's events)."""
    return Counter({(x, y): int(n) for x, y, n in conn.execute(_said_together(documents))})


def sentence_spans(conn: Connection, documents: Collection[str] | None = None) -> dict[Pair, Span]:
    """When each pair was first and last named in one sentence: the publication dates of
    those reports (reports without one left out)."""
    query = _said_together(documents, published=True)
    return {(x, y): (lo[:10], hi[:10]) for x, y, _n, lo, hi in conn.execute(query) if lo and hi}


def _event_ends(
    conn: Connection, only: Collection[str] | None
) -> Iterator[tuple[set[str], str | None, str | None]]:
    """Each event's entities taking part (its place counts), with its start and end."""
    query = select(EV.c.id, EV.c.participants, EV.c.place_entity_id, EV.c.time_start, EV.c.time_end)
    for event_id, participants, place, start, end in conn.execute(query):
        if only is not None and event_id not in only:
            continue
        ids = participant_ids({"participants": participants})
        if place:
            ids.add(place)
        yield ids, start, end or start


def event_pairs(conn: Connection, only: Collection[str] | None = None) -> Counter[Pair]:
    """Entity pairs taking part in one event (of the events `only`, when given)."""
    pairs: Counter[Pair] = Counter()
    for ids, _start, _end in _event_ends(conn, only):
        for x, y in combinations(sorted(ids), 2):
            pairs[(x, y)] += 1
    return pairs


def event_spans(conn: Connection, only: Collection[str] | None = None) -> dict[Pair, Span]:
    """When each pair was first and last seen taking part in one event (dated events only):
    the dates the graph exports put on a co-occurrence edge."""
    spans: dict[Pair, Span] = {}
    for ids, start, end in _event_ends(conn, only):
        if not start:
            continue
        for pair in combinations(sorted(ids), 2):
            first, last = spans.get(pair, (start, end or start))
            spans[pair] = (min(first, start), max(last, end or start))
    return spans


def readable_weight(edges: list[NetworkEdge], fit: int) -> int:
    """The lowest link weight at which the links that weigh at least that much join at most
    `fit` entities (the highest weight when even that joins more): the network's default, so
    a store of any size opens on a graph one can read (FA-KES at weight 1: 2,380 entities
    and 9,329 links, of which the page drew 300 entities and 3,185 links), its strongest
    links first; an analyst lowers it to see more."""
    joined: set[str] = set()
    chosen = max((e["weight"] for e in edges), default=1)
    ranked = sorted(edges, key=lambda e: -e["weight"])
    for i, edge in enumerate(ranked):
        joined.update((edge["source"], edge["target"]))
        last_of_weight = i + 1 == len(ranked) or ranked[i + 1]["weight"] < edge["weight"]
        if last_of_weight:
            if len(joined) > fit:
                break
            chosen = edge["weight"]
    return chosen


def network(
    conn: Connection,
    types: set[str],
    min_weight: int,
    max_nodes: int,
    kinds: set[str],
    fit: int | None = None,
) -> Network:
    """The entities linked at `min_weight` or more, the `max_nodes` most linked at most; with
    `fit`, the weight is `readable_weight`'s instead. `min_weight` says the one used."""
    by_sentence = sentence_pairs(conn) if "sentences" in kinds else Counter()
    by_event = event_pairs(conn) if "events" in kinds else Counter()
    typed = relation_pairs(conn)
    by_relation: Counter[Pair] = Counter()
    if "relations" in kinds:
        by_relation = Counter({p: sum(r["claims"] for r in rels) for p, rels in typed.items()})
    info = {r.id: r for r in conn.execute(select(E.c.id, E.c.name, E.c.type))}
    edges: list[NetworkEdge] = []
    for pair in sorted(set(by_sentence) | set(by_event) | set(by_relation)):
        weight = by_sentence[pair] + by_event[pair] + by_relation[pair]
        known = all(x in info and (not types or info[x].type in types) for x in pair)
        if known:
            edges.append(
                {
                    "source": pair[0],
                    "target": pair[1],
                    "weight": weight,
                    "sentences": by_sentence[pair],
                    "events": by_event[pair],
                    "relations": typed.get(pair, []),
                }
            )
    if fit is not None:
        min_weight = readable_weight(edges, fit)
    edges = [e for e in edges if e["weight"] >= min_weight]
    degree: Counter[str] = Counter()
    for edge in edges:
        degree[edge["source"]] += edge["weight"]
        degree[edge["target"]] += edge["weight"]
    keep = {n for n, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]}
    nodes: list[NetworkNode] = [
        {"id": n, "name": info[n].name, "type": info[n].type, "weight": degree[n]}
        for n in sorted(keep)
    ]
    edges = [e for e in edges if e["source"] in keep and e["target"] in keep]
    return {"nodes": nodes, "edges": edges, "min_weight": min_weight}
