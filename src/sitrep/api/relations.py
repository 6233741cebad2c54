"""Relations: the list (by entity, by type) and the network of typed relation edges."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.models import Record
from sitrep.read import records as r
from sitrep.read.relations import relations_of

router = APIRouter(tags=["relations"])


class RelationNode(Record):
    id: str
    name: str | None


class RelationEvidence(Record):
    """A report's sentence stating the relation."""

    sentence: str | None
    outlet: str | None
    document_id: str | None
    stance: str | None
    hedged: bool


class RelationEdge(Record):
    id: str
    source: str
    target: str
    type: str
    title: str | None
    time_start: str | None
    time_end: str | None
    ended: bool
    status: str
    sources: list[str]
    weight: int
    evidence: list[RelationEvidence]


class RelationNetwork(Record):
    nodes: list[RelationNode]
    edges: list[RelationEdge]


class RelationPage(Record):
    relations: list[r.Relation]  # the read model's record, as it is
    total: int


RelationType = Annotated[
    list[str] | None,
    Query(description="holds-position, commands, controls, member-of, under, allied-with, "
          "backs, fights, present-in"),
]  # fmt: skip


@router.get(
    "/relations",
    response_model=RelationPage,
    summary="Relations with their dates, status and claims",
)
def list_relations(
    store: StoreDep,
    _who: Viewer,
    entity: Annotated[str | None, Query(max_length=80, description="an entity id")] = None,
    type: RelationType = None,
    learned: Annotated[bool, Query(description="only relations the reports state")] = False,
) -> dict[str, Any]:
    with store.read() as conn:
        found = relations_of(conn, entity, tuple(type or ()))
    if learned:
        found = [rel for rel in found if "reports" in rel["sources"]]
    return {"relations": found, "total": len(found)}


@router.get(
    "/network/relations",
    response_model=RelationNetwork,
    summary="Typed relation edges (commands, member of ...)",
)
def relation_network(
    store: StoreDep,
    _who: Viewer,
    type: RelationType = None,
    learned: Annotated[bool, Query(description="only relations the reports state")] = False,
) -> dict[str, Any]:
    with store.read() as conn:
        found = relations_of(conn, None, tuple(type or ()))
    if learned:
        found = [rel for rel in found if "reports" in rel["sources"]]
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for rel in found:
        for end in (rel["subject"], rel["object"]):
            nodes.setdefault(end["entity_id"], {"id": end["entity_id"], "name": end["name"]})
        said = [c for c in rel["claims"] if c["source"] == "report"]
        edges.append(
            {
                "id": rel["id"],
                "source": rel["subject_entity_id"],
                "target": rel["object_entity_id"],
                "type": rel["type"],
                "title": rel["title"],
                "time_start": rel["time_start"],
                "time_end": rel["time_end"],
                "ended": rel["ended"],
                "status": rel["status"],
                "sources": rel["sources"],
                "weight": rel["n_claims"],
                "evidence": [
                    {k: c[k] for k in ("sentence", "outlet", "document_id", "stance", "hedged")}
                    for c in said
                ],
            }
        )
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]), "edges": edges}
