"""Relations in the exports: typed, dated edges with their evidence.

- JSON lines: one `relation` record each, with its claims (`relation_records`);
- GEXF / GraphML: an edge per relation beside the co-occurrence edges, labelled with its type,
  directed, with its dates, status, sources and first evidence sentence (`add_gexf_relations`,
  `add_graphml_relations`); an end not yet a node (a place) is added as one;
- FollowTheMoney: a position held as Occupancy of a Position, membership as Membership, other
  links as UnknownLink, each with the articles that state it as proof (`relation_proxies`).
  The pack's own affiliations are already Membership entities of the entity export, so only
  relations the reports state are exported here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from sitrep.export import data
from sitrep.read.relations import relations_of

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy

Row = dict[str, Any]
_EDGE_FIELDS = ("relation", "start", "end", "ended", "status", "claims", "sources", "evidence")


def relation_records(conn: Connection) -> list[Row]:
    """Every relation with its ends' names and claims, for the JSON lines export."""
    out = []
    for rel in relations_of(conn):
        out.append(
            {
                "id": rel["id"],
                "type": rel["type"],
                "subject": rel["subject"],
                "object": rel["object"],
                "title": rel["title"],
                "time_start": rel["time_start"],
                "time_end": rel["time_end"],
                "ended": rel["ended"],
                "status": rel["status"],
                "status_reason": rel["status_reason"],
                "n_claims": rel["n_claims"],
                "n_origins": rel["n_origins"],
                "origins": rel["origins"],
                "sources": rel["sources"],
                "claims": rel["claims"],
            }
        )
    return out


def _evidence(rel: Mapping[str, Any]) -> str:
    said = [c for c in rel["claims"] if c["source"] == "report" and c["sentence"]]
    return str(said[0]["sentence"]) if said else "the domain pack"


def _values(rel: Row) -> dict[str, str]:
    return {
        "relation": str(rel["type"]),
        "start": str(rel["time_start"] or ""),
        "end": str(rel["time_end"] or ""),
        "ended": "true" if rel["ended"] else "false",
        "status": str(rel["status"]),
        "claims": str(rel["n_claims"]),
        "sources": " ".join(rel["sources"]),
        "evidence": _evidence(rel),
    }


def add_gexf_relations(root: ET.Element, rels: list[Row], known: dict[str, data.EntityRow]) -> int:
    """Append typed relation edges (and any missing end nodes) to a GEXF tree."""
    from sitrep.export.graph import add_spell

    graph = root.find("graph")
    assert graph is not None
    edge_attrs = next(a for a in graph.findall("attributes") if a.get("class") == "edge")
    for key in _EDGE_FIELDS:
        ET.SubElement(edge_attrs, "attribute", {"id": key, "title": key, "type": "string"})
    nodes, edges = graph.find("nodes"), graph.find("edges")
    assert nodes is not None and edges is not None
    present = {n.get("id") for n in nodes}
    number = len(edges)
    for rel in rels:
        for end in (rel["subject"], rel["object"]):
            if end["entity_id"] not in present and end["entity_id"] in known:
                row = known[end["entity_id"]]
                ET.SubElement(nodes, "node", {"id": row["id"], "label": row["name"]})
                present.add(row["id"])
        if not {rel["subject"]["entity_id"], rel["object"]["entity_id"]} <= present:
            continue
        edge = ET.SubElement(
            edges,
            "edge",
            {
                "id": f"r{number}",
                "source": rel["subject"]["entity_id"],
                "target": rel["object"]["entity_id"],
                "type": "directed",
                "label": str(rel["type"]),
                "weight": str(rel["n_claims"]),
            },
        )
        number += 1
        values = ET.SubElement(edge, "attvalues")
        for key, value in _values(rel).items():
            ET.SubElement(values, "attvalue", {"for": key, "value": value})
        add_spell(edge, rel["time_start"], rel["time_end"])  # when it held, on Gephi's timeline
    return number


def add_graphml_relations(
    root: ET.Element, rels: list[Row], known: dict[str, data.EntityRow]
) -> None:
    """Append typed relation edges (and any missing end nodes) to a GraphML tree."""
    graph = root.find("graph")
    assert graph is not None
    first_graph = list(root).index(graph)
    for offset, key in enumerate(_EDGE_FIELDS):
        attributes = {"id": key, "for": "edge", "attr.name": key, "attr.type": "string"}
        root.insert(first_graph + offset, ET.Element("key", attributes))
    present = {n.get("id") for n in graph.findall("node")}
    for rel in rels:
        for end in (rel["subject"], rel["object"]):
            if end["entity_id"] not in present and end["entity_id"] in known:
                row = known[end["entity_id"]]
                node = ET.SubElement(graph, "node", {"id": row["id"]})
                ET.SubElement(node, "data", {"key": "name"}).text = str(row["name"])
                ET.SubElement(node, "data", {"key": "type"}).text = str(row["type"])
                present.add(row["id"])
        if not {rel["subject"]["entity_id"], rel["object"]["entity_id"]} <= present:
            continue
        edge = ET.SubElement(
            graph,
            "edge",
            {
                "source": rel["subject"]["entity_id"],
                "target": rel["object"]["entity_id"],
                "directed": "true",
            },
        )
        ET.SubElement(edge, "data", {"key": "weight"}).text = str(rel["n_claims"])
        for key, value in _values(rel).items():
            ET.SubElement(edge, "data", {"key": key}).text = value


def relation_proxies(conn: Connection, known: dict[str, data.EntityRow]) -> Iterator[EntityProxy]:
    """FtM entities for the relations the reports state."""
    from sitrep.export.ftm import _make, ftm_id

    for rel in relations_of(conn):
        if "reports" not in rel["sources"]:
            continue
        subject, obj = rel["subject"]["entity_id"], rel["object"]["entity_id"]
        if subject not in known or obj not in known:
            continue
        kind = rel["type"]
        person = known[subject]["type"] == "person"
        if kind in ("holds-position", "commands") and person and rel["title"]:
            post = _make("Position", "position", f"{obj}|{rel['title']}")
            post.add("name", f"{rel['title']}, {known[obj]['name']}")
            post.add("organization", ftm_id("entity", obj))
            yield post
            proxy = _make("Occupancy", "relation", rel["id"])
            proxy.add("holder", ftm_id("entity", subject))
            proxy.add("post", post.id)
        elif kind in ("member-of", "under"):
            proxy = _make("Membership", "relation", rel["id"])
            proxy.add("member", ftm_id("entity", subject))
            proxy.add("organization", ftm_id("entity", obj))
            proxy.add("role", kind)
        else:
            proxy = _make("UnknownLink", "relation", rel["id"])
            proxy.add("subject", ftm_id("entity", subject))
            proxy.add("object", ftm_id("entity", obj))
            proxy.add("role", kind if not rel["title"] else f"{kind}: {rel['title']}")
        proxy.add("startDate", rel["time_start"], quiet=True)
        proxy.add("endDate", rel["time_end"], quiet=True)
        proxy.add("status", f"{rel['status']}{' (ended)' if rel['ended'] else ''}", quiet=True)
        proxy.add("summary", _evidence(rel), quiet=True)
        docs = [c["document_id"] for c in rel["claims"] if c["document_id"]]
        proxy.add("proof", [ftm_id("document", d) for d in docs], quiet=True)
        proxy.add("publisher", [c["outlet"] for c in rel["claims"] if c["outlet"]], quiet=True)
        yield proxy
