"""`gexf` (Gephi) and `graphml`: entities as nodes, co-participation and co-mention edges.

The network is the workbench's (`sitrep.read.network`): two entities are linked when they take
part in the same event (`co_events`) or are named in the same sentence (`co_sentences`); the
edge `weight` is the sum, so Gephi's layouts pull together actors that are seen together most.
A link carries the dates of its first and last event (`first_event`, `last_event`) and of the
first and last report naming the two in one sentence (`first_said`, `last_said`); in GEXF, a
spell from the earliest to the latest, for Gephi's timeline.
Places are left out unless `places=True`. With `event_ids` (an explorer view) the graph is the
one of those events: their participants, linked by those events and by the sentences of the
reports behind them, and the typed relations between those participants only.
"""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from sitrep.export import data
from sitrep.export.relations import add_gexf_relations, add_graphml_relations, relation_records
from sitrep.read.claims import claims_by_event
from sitrep.read.entities import entities_with_aliases
from sitrep.read.events import list_events
from sitrep.store import Store

Pair = tuple[str, str]


@dataclass
class EntityGraph:
    nodes: list[data.EntityRow]
    co_events: Counter[Pair] = field(default_factory=Counter)
    co_sentences: Counter[Pair] = field(default_factory=Counter)
    dates: dict[Pair, tuple[str, str]] = field(default_factory=dict)  # first, last co-event
    said: dict[Pair, tuple[str, str]] = field(default_factory=dict)  # first, last report
    restricted: bool = False  # a view's graph: no node beyond its events' participants

    def edges(self) -> list[tuple[Pair, int, int]]:
        """(pair, co_events, co_sentences) for every linked pair, in a stable order."""
        pairs = sorted({*self.co_events, *self.co_sentences})
        return [(p, self.co_events[p], self.co_sentences[p]) for p in pairs]

    def edge_dates(self, pair: Pair) -> list[tuple[str, str]]:
        """(attribute, ISO date) for the dates a link carries."""
        found = zip(_DATE_KEYS, self.dates.get(pair, ()), strict=False)
        return [*found, *zip(_SAID_KEYS, self.said.get(pair, ()), strict=False)]

    def span(self, pair: Pair) -> tuple[str | None, str | None]:
        """From the first to the last time the two were seen together, either way."""
        days = [*self.dates.get(pair, ()), *self.said.get(pair, ())]
        return (min(days), max(days)) if days else (None, None)

    def known(self, every: dict[str, data.EntityRow]) -> dict[str, data.EntityRow]:
        """The entities a relation edge may add as a node: none beyond a view's participants."""
        return {n["id"]: n for n in self.nodes} if self.restricted else every


def build_graph(
    store: Store, places: bool = False, event_ids: Collection[str] | None = None
) -> EntityGraph:
    """The whole network, or (`event_ids`, an explorer view) the one of those events: their
    participants, linked by those events and by the sentences of the reports behind them."""
    from sitrep.read.dossier import participant_ids
    from sitrep.read.network import event_pairs, event_spans, sentence_pairs, sentence_spans

    with store.read() as conn:
        known = entities_with_aliases(conn)
        keep = {
            k for k, e in known.items() if places or str(e["type"]).lower() not in data.PLACE_TYPES
        }
        documents: set[str] | None = None
        if event_ids is not None:
            chosen = [e for e in list_events(conn) if e["id"] in event_ids]
            taking_part = {i for e in chosen for i in participant_ids(e)}
            taking_part |= {p for e in chosen if (p := e["place_entity_id"])}
            keep &= taking_part
            claims = claims_by_event(conn)
            documents = {c["document_id"] for e in chosen for c in claims.get(e["id"], [])}

        def kept(pairs: Counter[Pair]) -> Counter[Pair]:
            return Counter({p: n for p, n in pairs.items() if p[0] in keep and p[1] in keep})

        graph = EntityGraph([known[k] for k in sorted(keep)], restricted=event_ids is not None)
        graph.co_events = kept(event_pairs(conn, event_ids))
        graph.co_sentences = kept(sentence_pairs(conn, documents))
        spans = event_spans(conn, event_ids)
        graph.dates = {p: d for p, d in spans.items() if p in graph.co_events}
        spans = sentence_spans(conn, documents)
        graph.said = {p: d for p, d in spans.items() if p in graph.co_sentences}
    return graph


def _write_tree(root: ET.Element, out: BinaryIO) -> None:
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)


GEXF_NS = "http://www.gexf.net/1.2draft"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# when the two were seen together (ISO dates): their first and last event, and the first and
# last report naming them in one sentence (its publication date)
_DATE_KEYS = ("first_event", "last_event")
_SAID_KEYS = ("first_said", "last_said")


def gexf_tree(graph: EntityGraph) -> ET.Element:
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.2"})
    ET.SubElement(ET.SubElement(root, "meta"), "creator").text = "sitrep"
    # dynamic: a dated edge carries its spell (Gephi's timeline); an undated one is always there
    graph_attrs = {"defaultedgetype": "undirected", "mode": "dynamic", "timeformat": "date"}
    body = ET.SubElement(root, "graph", graph_attrs)
    node_attrs = ET.SubElement(body, "attributes", {"class": "node", "mode": "static"})
    for key, kind in (("type", "string"), ("country", "string"), ("wikidata", "string")):
        ET.SubElement(node_attrs, "attribute", {"id": key, "title": key, "type": kind})
    edge_attrs = ET.SubElement(body, "attributes", {"class": "edge", "mode": "static"})
    for key in ("co_events", "co_sentences"):
        ET.SubElement(edge_attrs, "attribute", {"id": key, "title": key, "type": "integer"})
    for key in (*_DATE_KEYS, *_SAID_KEYS):
        ET.SubElement(edge_attrs, "attribute", {"id": key, "title": key, "type": "string"})
    nodes = ET.SubElement(body, "nodes")
    for entity in graph.nodes:
        node = ET.SubElement(nodes, "node", {"id": entity["id"], "label": entity["name"]})
        values = ET.SubElement(node, "attvalues")
        fields: Mapping[str, object] = entity
        for key in ("type", "country", "wikidata"):
            if fields.get(key):
                ET.SubElement(values, "attvalue", {"for": key, "value": str(fields[key])})
    edges = ET.SubElement(body, "edges")
    for number, ((source, target), events, docs) in enumerate(graph.edges()):
        attributes = {"id": str(number), "source": source, "target": target}
        edge = ET.SubElement(edges, "edge", {**attributes, "weight": str(events + docs)})
        values = ET.SubElement(edge, "attvalues")
        ET.SubElement(values, "attvalue", {"for": "co_events", "value": str(events)})
        ET.SubElement(values, "attvalue", {"for": "co_sentences", "value": str(docs)})
        for key, day in graph.edge_dates((source, target)):
            ET.SubElement(values, "attvalue", {"for": key, "value": day})
        add_spell(edge, *graph.span((source, target)))
    return root


def add_spell(element: ET.Element, first: str | None, last: str | None) -> None:
    """A GEXF spell from the first to the last day a (partial) ISO date covers, when dated."""
    start, end = day_bounds(first, last)
    if start or end:
        spell = ET.SubElement(ET.SubElement(element, "spells"), "spell")
        for key, day in (("start", start), ("end", end)):
            if day:
                spell.set(key, day)


def day_bounds(first: str | None, last: str | None) -> tuple[str | None, str | None]:
    """Whole days for GEXF's `date` time format: "2019" starts on 2019-01-01 and, as an end,
    ends on 2019-12-31; "2019-02" ends on 2019-02-28. Anything not a date gives None."""
    start = end = None
    if found := _DATE.match((first or "")[:10]):
        year, month, day = found.groups()
        start = f"{year}-{month or '01'}-{day or '01'}"
    if found := _DATE.match((last or "")[:10]):
        year, month, day = found.groups()
        month = month or "12"
        if 1 <= int(month) <= 12:  # a malformed month is no date
            day = day or str(calendar.monthrange(int(year), int(month))[1])
            end = f"{year}-{month}-{day}"
    return start, end


GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_GRAPHML_KEYS = (
    ("type", "node", "string"),
    ("name", "node", "string"),
    ("country", "node", "string"),
    ("wikidata", "node", "string"),
    ("weight", "edge", "int"),
    ("co_events", "edge", "int"),
    ("co_sentences", "edge", "int"),
    ("first_event", "edge", "string"),
    ("last_event", "edge", "string"),
    ("first_said", "edge", "string"),
    ("last_said", "edge", "string"),
)


def graphml_tree(graph: EntityGraph) -> ET.Element:
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    for key, domain, kind in _GRAPHML_KEYS:
        attributes = {"id": key, "for": domain, "attr.name": key, "attr.type": kind}
        ET.SubElement(root, "key", attributes)
    body = ET.SubElement(root, "graph", {"id": "sitrep", "edgedefault": "undirected"})
    for entity in graph.nodes:
        node = ET.SubElement(body, "node", {"id": entity["id"]})
        fields: Mapping[str, object] = entity
        for key in ("type", "name", "country", "wikidata"):
            if fields.get(key):
                ET.SubElement(node, "data", {"key": key}).text = str(fields[key])
    for (source, target), events, docs in graph.edges():
        edge = ET.SubElement(body, "edge", {"source": source, "target": target})
        for key, value in (
            ("weight", events + docs),
            ("co_events", events),
            ("co_sentences", docs),
        ):
            ET.SubElement(edge, "data", {"key": key}).text = str(value)
        for key, day in graph.edge_dates((source, target)):
            ET.SubElement(edge, "data", {"key": key}).text = day
    return root


class GexfExporter:
    name = "gexf"
    media_type = "application/gexf+xml"
    suffix = ".gexf"

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        graph = build_graph(store, bool(options.get("places", False)), options.get("event_ids"))
        tree = gexf_tree(graph)
        with store.read() as conn:  # typed, dated relation edges beside co-occurrence
            add_gexf_relations(
                tree, relation_records(conn), graph.known(entities_with_aliases(conn))
            )
        _write_tree(tree, out)
        return len(graph.nodes)


class GraphMlExporter:
    name = "graphml"
    media_type = "application/graphml+xml"
    suffix = ".graphml"

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        graph = build_graph(store, bool(options.get("places", False)), options.get("event_ids"))
        tree = graphml_tree(graph)
        with store.read() as conn:
            add_graphml_relations(
                tree, relation_records(conn), graph.known(entities_with_aliases(conn))
            )
        _write_tree(tree, out)
        return len(graph.nodes)
