"""One entity's ego network: who it is linked to (one or two hops), each link typed (taking part
in the same event, named in the same sentence) with its counts and the evidence behind it (the
events, and the sentences as spans of their documents), optionally within a time window. Every
link lists the typed relations between its two ends (commands, member of ...); with the kind
"relations" they link too (`sitrep.read.relations.relation_pairs`, as in `/api/network`).

The link definitions are those of `/api/network` (`sitrep.read.network`): an event's place counts
as taking part; a sentence counts once however often the two are named in it. The API's
`/api/network/ego/{id}` (`sitrep.api.ego`) serves it as it is.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, select

from sitrep.read.columns import record
from sitrep.read.dossier import participant_ids
from sitrep.read.records import EgoNetwork, PairRelation
from sitrep.read.relations import relation_pairs
from sitrep.store import schema

E, M, EV, D = schema.entities, schema.mentions, schema.events, schema.documents
Pair = tuple[str, str]
EVIDENCE = 12  # events and sentences listed per link (the counts are complete)


def _in_window(day: str | None, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    if not day:
        return False  # undated: outside any window (the response counts them)
    return (not since or day >= since) and (not until or day <= until + "\uffff")


def _relations_in_window(
    typed: dict[Pair, list[PairRelation]], since: str | None, until: str | None
) -> dict[Pair, list[PairRelation]]:
    """The relations whose period overlaps the window (an open end runs on; an undated one
    holds at any time)."""
    if not since and not until:
        return typed

    def overlaps(rel: PairRelation) -> bool:
        start, end = rel.get("time_start"), rel.get("time_end")
        return (not until or not start or str(start) <= until + "\uffff") and (
            not since or not end or str(end) >= since
        )

    kept = {pair: [r for r in rels if overlaps(r)] for pair, rels in typed.items()}
    return {pair: rels for pair, rels in kept.items() if rels}


def event_links(conn: Connection, since: str | None, until: str | None) -> dict[Pair, list[str]]:
    """Pairs taking part in one event, with the events (in time order)."""
    links: dict[Pair, list[str]] = defaultdict(list)
    query = select(EV.c.id, EV.c.participants, EV.c.place_entity_id, EV.c.time_start).order_by(
        EV.c.time_start, EV.c.id
    )
    for event_id, participants, place, day in conn.execute(query):
        if not _in_window(day, since, until):
            continue
        ids = participant_ids({"participants": participants})
        if place:
            ids.add(place)
        for pair in combinations(sorted(ids), 2):
            links[pair].append(event_id)
    return links


def sentence_links(
    conn: Connection, since: str | None, until: str | None
) -> dict[Pair, list[dict[str, Any]]]:
    """Pairs named in one sentence, with each sentence as the span covering both names."""
    query = (
        select(M.c.document_id, M.c.sentence, M.c.entity_id, M.c.start, M.c.end, D.c.published)
        .join(D, D.c.id == M.c.document_id)
        .where(M.c.entity_id.is_not(None))
        .order_by(D.c.published, M.c.document_id, M.c.sentence, M.c.start)
    )
    sentences: dict[tuple[str, int], dict[str, tuple[int, int]]] = defaultdict(dict)
    for doc, sentence, entity, start, end, published in conn.execute(query):
        if _in_window(published, since, until):
            sentences[(doc, sentence)].setdefault(entity, (start, end))
    links: dict[Pair, list[dict[str, Any]]] = defaultdict(list)
    for (doc, sentence), found in sentences.items():
        for x, y in combinations(sorted(found), 2):
            a, b = found[x], found[y]
            links[(x, y)].append(
                {"document_id": doc, "sentence": sentence, "start": min(a[0], b[0]),
                 "end": max(a[1], b[1])}
            )  # fmt: skip
    return links


def ego_network(
    conn: Connection,
    entity_id: str,
    hops: int,
    max_nodes: int,
    since: str | None,
    until: str | None,
    kinds: frozenset[str] = frozenset({"events", "sentences"}),
) -> EgoNetwork:
    by_event = event_links(conn, since, until) if "events" in kinds else {}
    by_sentence = sentence_links(conn, since, until) if "sentences" in kinds else {}
    typed = _relations_in_window(relation_pairs(conn), since, until)
    weight: dict[Pair, int] = defaultdict(int)
    for pair, events in by_event.items():
        weight[pair] += len(events)
    for pair, said in by_sentence.items():
        weight[pair] += len(said)
    if "relations" in kinds:  # as in /api/network: a relation weighs its claims
        for pair, rels in typed.items():
            weight[pair] += sum(r["claims"] for r in rels)
    neighbours: dict[str, dict[str, int]] = defaultdict(dict)
    for (x, y), w in weight.items():
        neighbours[x][y] = w
        neighbours[y][x] = w
    # the ego, its strongest neighbours, then (two hops) theirs, until max_nodes
    keep: dict[str, int] = {entity_id: 0}
    ring = [entity_id]
    for hop in range(1, hops + 1):
        found: dict[str, int] = {}
        for node in ring:
            for other, w in neighbours[node].items():
                if other not in keep:
                    found[other] = found.get(other, 0) + w
        ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
        # with two hops, the first ring takes half the room so the second one shows
        room = max(0, max_nodes - len(keep)) if hop == hops else max(1, max_nodes // hops)
        ring = [n for n, _ in ranked[:room]]
        keep.update({n: hop for n in ring})
    info = {
        r.id: r
        for r in conn.execute(select(E.c.id, E.c.name, E.c.type).where(E.c.id.in_(list(keep))))
    }
    nodes = [
        {"id": n, "name": info[n].name, "type": info[n].type, "hop": hop,
         "weight": sum(neighbours[n].get(o, 0) for o in keep)}
        for n, hop in keep.items() if n in info
    ]  # fmt: skip
    edges = []
    titles = _titles(conn, by_event, by_sentence, keep)
    for pair in sorted(weight):
        x, y = pair
        if x in keep and y in keep and x in info and y in info:
            events, said = by_event.get(pair, []), by_sentence.get(pair, [])
            evidence = [{"id": e, **titles["events"][e]} for e in events[:EVIDENCE]]
            sentences = [
                {**x, "document_title": titles["documents"].get(x["document_id"])}
                for x in said[:EVIDENCE]
            ]
            edges.append(
                {"source": x, "target": y, "weight": weight[pair], "events": len(events),
                 "sentences": len(said), "event_list": evidence, "said": sentences,
                 "relations": typed.get(pair, [])}
            )  # fmt: skip
    shown = sum(1 for hop in keep.values() if hop == 1)
    network: dict[str, Any] = {
        "focus": entity_id,
        "hops": hops,
        "nodes": nodes,
        "edges": edges,
        # direct neighbours not drawn (max_nodes): said, never silently dropped
        "left_out": len(neighbours[entity_id]) - shown,
    }
    return record(network, EgoNetwork)


def _titles(
    conn: Connection,
    by_event: dict[Pair, list[str]],
    by_sentence: dict[Pair, list[dict[str, Any]]],
    keep: dict[str, int],
) -> dict[str, dict[str, Any]]:
    """Event summaries and document titles for the evidence of the links drawn."""
    shown = [p for p in set(by_event) | set(by_sentence) if p[0] in keep and p[1] in keep]
    event_ids = {e for p in shown for e in by_event.get(p, [])[:EVIDENCE]}
    doc_ids = {x["document_id"] for p in shown for x in by_sentence.get(p, [])[:EVIDENCE]}
    events = {
        r.id: {"type": r.type, "summary": r.summary, "time_start": r.time_start, "status": r.status}
        for r in conn.execute(
            select(EV.c.id, EV.c.type, EV.c.summary, EV.c.time_start, EV.c.status).where(
                EV.c.id.in_(event_ids)
            )
        )
    }
    query = select(D.c.id, D.c.title).where(D.c.id.in_(doc_ids))
    docs = {row.id: row.title for row in conn.execute(query)}
    return {"events": events, "documents": docs}
