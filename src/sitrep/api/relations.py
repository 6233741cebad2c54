"""Relations: the list (by entity, by type) and the network of typed relation edges."""

from __future__ import annotations

import io
import re
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.events import IsoDate
from sitrep.api.models import Record
from sitrep.errors import NotFoundError
from sitrep.export.relations import LIST_FORMATS, write_relation_list
from sitrep.read import records as r
from sitrep.read.relations import RelationFilter, relations_of, select_relations

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


class MatchedEntity(Record):
    id: str
    name: str | None
    type: str | None


class RelationPage(Record):
    relations: list[r.Relation]  # the read model's record, as it is
    total: int
    # the relations of each type the filter keeps, its types and families left out: each count
    # is the total that choosing that type alone gives
    by_type: dict[str, int]
    matched: list[MatchedEntity]  # the entities the `entity` filter was read as


RelationType = Annotated[
    list[str] | None,
    Query(description="holds-position, commands, controls, member-of, under, allied-with, "
          "backs, fights, present-in"),
]  # fmt: skip


Family = Literal["command", "membership", "alliance", "hostility", "presence"]


def relation_filter(
    entity: Annotated[
        str | None,
        Query(max_length=200, description="one of its ends: an entity's id, name or spelling"),
    ] = None,
    type: RelationType = None,
    family: Annotated[
        list[Family] | None,
        Query(
            description="command (commands, holds-position), membership (member-of, under), "
            "alliance (allied-with, backs), hostility (fights), presence (present-in, controls)"
        ),
    ] = None,
    origin: Annotated[
        Literal["both", "learned", "pack"],
        Query(description="learned: a report states it; pack: the domain pack does"),
    ] = "both",
    learned: Annotated[
        bool, Query(description="only relations the reports state (origin=learned)")
    ] = False,
    status: Annotated[
        list[str] | None,
        Query(description="single-source, corroborated, contested, denied, pack"),
    ] = None,
    since: IsoDate = None,
    until: IsoDate = None,
) -> RelationFilter:
    """The relations list's filter (`sitrep.read.relations.RelationFilter`), from the query."""
    return RelationFilter(
        types=tuple(type or ()),
        families=tuple(family or ()),
        origin="learned" if learned else origin,
        statuses=tuple(status or ()),
        entity=entity.strip() or None if entity else None,
        since=since,
        until=until,
    )


def _label(f: RelationFilter) -> str:
    """What an export is named after: the list and each filter with its values
    (`sitrep-relations-families-command-origin-learned.csv`), so a day's exports differ."""
    parts = ["sitrep-relations"]
    for key, value in asdict(f).items():
        values = value if isinstance(value, tuple) else () if value in (None, "both") else (value,)
        if values:
            parts += [key, *(re.sub(r"[^\w-]+", "-", str(v).casefold()) for v in values)]
    return "-".join(parts)[:120]


RelationFilterDep = Annotated[RelationFilter, Depends(relation_filter)]


@router.get(
    "/relations",
    response_model=RelationPage,
    summary="Relations with their dates, status and claims",
)
def list_relations(store: StoreDep, _who: Viewer, f: RelationFilterDep) -> dict[str, Any]:
    """The relations list (the workbench's Relations page, `sitrep relations`): who commands,
    belongs to, backs, fights or is present where, per the reports and the pack, and since
    when; each with its claims, its status and the last report that states it."""
    with store.read() as conn:
        chosen = select_relations(conn, f)
    return {
        "relations": chosen.relations,
        "total": len(chosen.relations),
        "by_type": chosen.by_type,
        "matched": chosen.matched,
    }


@router.get(
    "/relations/export/{format}",
    summary="Export the relations a filter keeps (CSV or JSON lines)",
    response_class=Response,
    responses={
        200: {"content": {t: {} for t, _ in LIST_FORMATS.values()}, "description": "the file"}
    },
)
def export_relations(
    store: StoreDep,
    _who: Viewer,
    f: RelationFilterDep,
    format: Annotated[str, Path(max_length=10, description="csv or jsonl")],
) -> Response:
    """Exactly the relations `/api/relations` lists with the same filter, in the export
    layer's format (`sitrep.export.relations.write_relation_list`)."""
    if format not in LIST_FORMATS:
        raise NotFoundError(
            f"the relations list cannot export {format!r}", hint="choose csv or jsonl"
        )
    with store.read() as conn:
        chosen = select_relations(conn, f)
    buffer = io.BytesIO()
    count = write_relation_list(chosen.relations, buffer, format)
    media_type, suffix = LIST_FORMATS[format]
    headers = {
        "Content-Disposition": f'attachment; filename="{_label(f)}{suffix}"',
        "X-Sitrep-Records": str(count),
    }
    return Response(buffer.getvalue(), media_type=media_type, headers=headers)


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
