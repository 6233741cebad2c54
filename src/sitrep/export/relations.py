"""Relations in the exports: typed, dated edges with their evidence.

- JSON lines: one `relation` record each, with its claims (`relation_records`);
- GEXF / GraphML: an edge per relation beside the co-occurrence edges, labelled with its type,
  directed, with its dates, status, sources and first evidence sentence (`add_gexf_relations`,
  `add_graphml_relations`); an end not yet a node (a place) is added as one;
- FollowTheMoney (`relation_proxies`): a position a person holds as Occupancy of a Position,
  and, at an organisation, as Employment (employee, employer, role: the title) too, so Aleph
  draws the person to the organisation; an affiliation (member of, under) as Membership; other
  links as UnknownLink; each with its dates, status and the articles that state it as proof.
  Positions and affiliations are exported from the domain pack as well as from the reports
  (the pack's have no proof and say "the domain pack"); other links only where reports state
  them. FtM's ranges are kept: an employer, a Membership's organisation and a Position's
  organisation are Organizations (a state is a LegalEntity: a President of Iran is an
  Occupancy of a Position in that country, not an Employment; "under a state" an UnknownLink).
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import Connection

from sitrep.errors import UsageError
from sitrep.export import data
from sitrep.export.acled import spreadsheet_safe
from sitrep.read.records import Relation
from sitrep.read.relations import relations_of

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy

Row = dict[str, Any]
_EDGE_FIELDS = ("relation", "start", "end", "ended", "status", "claims", "sources", "evidence")


def relation_records(conn: Connection) -> list[Row]:
    """Every relation with its ends' names and claims, for the JSON lines export."""
    return [relation_record(rel) for rel in relations_of(conn)]


def relation_record(rel: Relation) -> Row:
    """A relation as the JSON lines exports write it (the store's and the relations list's)."""
    return {
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
        "time_precision": rel["time_precision"],
        "n_reports": rel["n_reports"],
        "latest_report": rel["latest_report"],
    }


# The relations list's CSV: one row a relation, what its table shows (who, what, since when, how
# sure, from whom) and its first report sentence; the claims in full are the JSON lines'.
LIST_COLUMNS = (
    "id", "type", "family", "subject_id", "subject", "object_id", "object", "title",
    "time_start", "time_end", "time_precision", "ended", "status", "n_claims", "n_origins",
    "n_reports", "sources", "latest_report_published", "latest_report_outlet",
    "latest_report_id", "latest_report_title", "evidence",
)  # fmt: skip


def _list_row(rel: Relation) -> dict[str, object]:
    latest: Mapping[str, Any] = rel["latest_report"] or {}
    return {
        "id": rel["id"],
        "type": rel["type"],
        "family": rel["family"],
        "subject_id": rel["subject_entity_id"],
        "subject": rel["subject"]["name"],
        "object_id": rel["object_entity_id"],
        "object": rel["object"]["name"],
        "title": rel["title"],
        "time_start": rel["time_start"],
        "time_end": rel["time_end"],
        "time_precision": rel["time_precision"],
        "ended": "true" if rel["ended"] else "false",
        "status": rel["status"],
        "n_claims": rel["n_claims"],
        "n_origins": rel["n_origins"],
        "n_reports": rel["n_reports"],
        "sources": " ".join(rel["sources"]),
        "latest_report_published": latest.get("published"),
        "latest_report_outlet": latest.get("outlet"),
        "latest_report_id": latest.get("document_id"),
        "latest_report_title": latest.get("title"),
        "evidence": " ".join(_evidence(rel).split()),  # one line: a sentence keeps its breaks
    }


LIST_FORMATS = {"csv": ("text/csv", ".csv"), "jsonl": ("application/x-ndjson", ".jsonl")}


def write_relation_list(rels: Iterable[Relation], out: BinaryIO, fmt: str) -> int:
    """Write a relations list (`sitrep.read.relations.select_relations`' relations) as CSV or
    JSON lines (one `relation` record each, as the store's JSON lines export writes them);
    return how many relations it holds."""
    count = 0
    if fmt == "jsonl":
        for rel in rels:
            line = json.dumps({"kind": "relation", **relation_record(rel)}, ensure_ascii=False)
            out.write((line + "\n").encode("utf-8"))
            count += 1
        return count
    if fmt != "csv":
        raise UsageError(f"the relations list exports as csv or jsonl, not {fmt!r}")
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=LIST_COLUMNS)
    writer.writeheader()
    for rel in rels:
        # a cell opening with = + - @ is text to a spreadsheet, never a formula (report text)
        writer.writerow({k: spreadsheet_safe(v) for k, v in _list_row(rel).items()})
        count += 1
    text.detach()
    return count


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


POSITIONS = ("holds-position", "commands")
AFFILIATIONS = ("member-of", "under")


def relation_proxies(
    conn: Connection, known: dict[str, data.EntityRow], rels: list[Relation] | None = None
) -> Iterator[EntityProxy]:
    """FtM entities for the relations (`rels`, when already read): every position and
    affiliation, other links the reports state."""
    from sitrep.export.ftm import PLACE_SCHEMA, _make, ftm_id, is_organization, schema_of

    posts: set[str] = set()  # a Position held by several people is written once
    for rel in relations_of(conn) if rels is None else rels:
        subject, obj = rel["subject"]["entity_id"], rel["object"]["entity_id"]
        if subject not in known or obj not in known:
            continue
        kind = rel["type"]
        if kind not in POSITIONS + AFFILIATIONS and "reports" not in rel["sources"]:
            continue
        person = known[subject]["type"] == "person"
        organization = is_organization(known[obj])
        links: list[EntityProxy] = []
        if kind in POSITIONS and person:
            if rel["title"]:
                post = _make("Position", "position", f"{obj}|{rel['title']}")
                post.add("name", f"{rel['title']}, {known[obj]['name']}")
                if organization:
                    post.add("organization", ftm_id("entity", obj))
                else:
                    post.add("country", known[obj].get("country"), quiet=True)
                if post.id not in posts:
                    posts.add(str(post.id))
                    yield post
                occupancy = _make("Occupancy", "relation", rel["id"])
                occupancy.add("holder", ftm_id("entity", subject))
                occupancy.add("post", post.id)
                links.append(occupancy)
            if organization:
                employment = _make("Employment", "employment", rel["id"])
                employment.add("employee", ftm_id("entity", subject))
                employment.add("employer", ftm_id("entity", obj))
                employment.add("role", rel["title"] or kind)
                links.append(employment)
        elif kind in AFFILIATIONS and organization and schema_of(known[subject]) != PLACE_SCHEMA:
            membership = _make("Membership", "relation", rel["id"])
            membership.add("member", ftm_id("entity", subject))
            membership.add("organization", ftm_id("entity", obj))
            membership.add("role", kind)
            links.append(membership)
        if not links:
            link = _make("UnknownLink", "relation", rel["id"])
            link.add("subject", ftm_id("entity", subject))
            link.add("object", ftm_id("entity", obj))
            link.add("role", kind if not rel["title"] else f"{kind}: {rel['title']}")
            links.append(link)
        for proxy in links:
            _interval(proxy, rel)
            yield proxy


def _interval(proxy: EntityProxy, rel: Relation) -> None:
    """A link's dates, status, evidence and the articles (and outlets) that state it."""
    from sitrep.export.ftm import ftm_id

    proxy.add("startDate", rel["time_start"], quiet=True)
    proxy.add("endDate", rel["time_end"], quiet=True)
    proxy.add("status", f"{rel['status']}{' (ended)' if rel['ended'] else ''}", quiet=True)
    proxy.add("summary", _evidence(rel), quiet=True)
    docs = [c["document_id"] for c in rel["claims"] if c["document_id"]]
    proxy.add("proof", [ftm_id("document", d) for d in docs], quiet=True)
    proxy.add("publisher", [c["outlet"] for c in rel["claims"] if c["outlet"]], quiet=True)
