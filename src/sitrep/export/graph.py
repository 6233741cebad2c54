"""`gexf` (Gephi) and `graphml`: entities as nodes, co-participation and co-mention edges.

The network is the workbench's (`sitrep.read.network`): two entities are linked when they take
part in the same event (`co_events`) or are named in the same sentence (`co_sentences`); the
edge `weight` is the sum, so Gephi's layouts pull together actors that are seen together most.
Places are left out unless `places=True`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from sitrep.export import data
from sitrep.export.relations import add_gexf_relations, add_graphml_relations, relation_records
from sitrep.store import Store

Pair = tuple[str, str]


@dataclass
class EntityGraph:
    nodes: list[data.EntityRow]
    co_events: Counter[Pair] = field(default_factory=Counter)
    co_sentences: Counter[Pair] = field(default_factory=Counter)

    def edges(self) -> list[tuple[Pair, int, int]]:
        """(pair, co_events, co_sentences) for every linked pair, in a stable order."""
        pairs = sorted({*self.co_events, *self.co_sentences})
        return [(p, self.co_events[p], self.co_sentences[p]) for p in pairs]


def build_graph(store: Store, places: bool = False) -> EntityGraph:
    from sitrep.read.network import event_pairs, sentence_pairs

    with store.read() as conn:
        known = data.entities(conn)
        keep = {
            k for k, e in known.items() if places or str(e["type"]).lower() not in data.PLACE_TYPES
        }

        def kept(pairs: Counter[Pair]) -> Counter[Pair]:
            return Counter({p: n for p, n in pairs.items() if p[0] in keep and p[1] in keep})

        graph = EntityGraph([known[k] for k in sorted(keep)])
        graph.co_events = kept(event_pairs(conn))
        graph.co_sentences = kept(sentence_pairs(conn))
    return graph


def _write_tree(root: ET.Element, out: BinaryIO) -> None:
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)


GEXF_NS = "http://www.gexf.net/1.2draft"


def gexf_tree(graph: EntityGraph) -> ET.Element:
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.2"})
    ET.SubElement(ET.SubElement(root, "meta"), "creator").text = "sitrep"
    body = ET.SubElement(root, "graph", {"defaultedgetype": "undirected", "mode": "static"})
    node_attrs = ET.SubElement(body, "attributes", {"class": "node", "mode": "static"})
    for key, kind in (("type", "string"), ("country", "string"), ("wikidata", "string")):
        ET.SubElement(node_attrs, "attribute", {"id": key, "title": key, "type": kind})
    edge_attrs = ET.SubElement(body, "attributes", {"class": "edge", "mode": "static"})
    for key in ("co_events", "co_sentences"):
        ET.SubElement(edge_attrs, "attribute", {"id": key, "title": key, "type": "integer"})
    nodes = ET.SubElement(body, "nodes")
    for entity in graph.nodes:
        node = ET.SubElement(nodes, "node", {"id": entity["id"], "label": entity["name"]})
        values = ET.SubElement(node, "attvalues")
        for key in ("type", "country", "wikidata"):
            if entity.get(key):
                ET.SubElement(values, "attvalue", {"for": key, "value": str(entity[key])})
    edges = ET.SubElement(body, "edges")
    for number, ((source, target), events, docs) in enumerate(graph.edges()):
        attributes = {"id": str(number), "source": source, "target": target}
        edge = ET.SubElement(edges, "edge", {**attributes, "weight": str(events + docs)})
        values = ET.SubElement(edge, "attvalues")
        ET.SubElement(values, "attvalue", {"for": "co_events", "value": str(events)})
        ET.SubElement(values, "attvalue", {"for": "co_sentences", "value": str(docs)})
    return root


GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_GRAPHML_KEYS = (
    ("type", "node", "string"),
    ("name", "node", "string"),
    ("country", "node", "string"),
    ("wikidata", "node", "string"),
    ("weight", "edge", "int"),
    ("co_events", "edge", "int"),
    ("co_sentences", "edge", "int"),
)


def graphml_tree(graph: EntityGraph) -> ET.Element:
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    for key, domain, kind in _GRAPHML_KEYS:
        attributes = {"id": key, "for": domain, "attr.name": key, "attr.type": kind}
        ET.SubElement(root, "key", attributes)
    body = ET.SubElement(root, "graph", {"id": "sitrep", "edgedefault": "undirected"})
    for entity in graph.nodes:
        node = ET.SubElement(body, "node", {"id": entity["id"]})
        for key in ("type", "name", "country", "wikidata"):
            if entity.get(key):
                ET.SubElement(node, "data", {"key": key}).text = str(entity[key])
    for (source, target), events, docs in graph.edges():
        edge = ET.SubElement(body, "edge", {"source": source, "target": target})
        for key, value in (
            ("weight", events + docs),
            ("co_events", events),
            ("co_sentences", docs),
        ):
            ET.SubElement(edge, "data", {"key": key}).text = str(value)
    return root


class GexfExporter:
    name = "gexf"
    media_type = "application/gexf+xml"
    suffix = ".gexf"

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        graph = build_graph(store, places=bool(options.get("places", False)))
        tree = gexf_tree(graph)
        with store.read() as conn:  # typed, dated relation edges beside co-occurrence
            add_gexf_relations(tree, relation_records(conn), data.entities(conn))
        _write_tree(tree, out)
        return len(graph.nodes)


class GraphMlExporter:
    name = "graphml"
    media_type = "application/graphml+xml"
    suffix = ".graphml"

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        graph = build_graph(store, places=bool(options.get("places", False)))
        tree = graphml_tree(graph)
        with store.read() as conn:
            add_graphml_relations(tree, relation_records(conn), data.entities(conn))
        _write_tree(tree, out)
        return len(graph.nodes)
