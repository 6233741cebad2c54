"""Relations: the list (by entity, by type) and the network of typed relation edges."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.models import Network, Record
from sitrep.read.relations import relations_of

router = APIRouter(tags=["relations"])


class RelationEnd(Record):
    entity_id: str
    name: str | None = None


class RelationClaim(Record):
    source: str  # "report" or "pack"
    document_id: str | None = None
    outlet: str | None = None
    stance: str | None = None
    hedged: bool = False
    sentence: str | None = None
    start: int | None = None  # the sentence's span in the document
    end: int | None = None
    document_title: str | None = None
    published: str | None = None
    title: str | None = None
    qualifier: str | None = None
    time_start: str | None = None
    time_end: str | None = None


class Relation(Record):
    id: str
    type: str
    subject: RelationEnd
    object: RelationEnd
    title: str | None = None
    time_start: str | None = None
    time_end: str | None = None
    ended: bool
    status: str
    n_claims: int
    n_origins: int
    sources: list[str]
    claims: list[RelationClaim]


class RelationPage(Record):
    relations: list[Relation]
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
        found = [r for r in found if "reports" in r["sources"]]
    return {"relations": found, "total": len(found)}


@router.get(
    "/network/relations",
    response_model=Network,
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
        found = [r for r in found if "reports" in r["sources"]]
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
