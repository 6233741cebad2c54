"""The write endpoints: analyst actions (editor and up) and URL ingestion."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from sitrep.api import actions
from sitrep.api.deps import Editor, StoreDep

router = APIRouter(tags=["analyst actions"])
Id = Annotated[str, Field(min_length=1, max_length=80)]
Reason = Annotated[str, Field(min_length=1, max_length=2000, description="why (kept in the log)")]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MergeBody(Body):
    into: Id
    merge: Annotated[list[Id], Field(min_length=1, max_length=100)]
    reason: Reason


class SplitEntityBody(Body):
    mention_ids: Annotated[list[Id], Field(min_length=1, max_length=1000)]
    name: Annotated[str | None, Field(max_length=300)] = None
    reason: Reason


class SplitEventBody(Body):
    event_mention_ids: Annotated[list[Id], Field(min_length=1, max_length=1000)]
    reason: Reason


class LabelBody(Body):
    label: Annotated[str, Field(pattern=r"^[A-Z][A-Z_]{1,15}$", description="e.g. PERSON, ORG")]
    reason: Reason


class MarkBody(Body):
    mark: Literal["verified", "doubtful"] | None
    reason: Reason


class IngestBody(Body):
    urls: Annotated[
        list[Annotated[str, Field(pattern=r"^https?://", max_length=2000)]],
        Field(min_length=1, max_length=50),
    ]


@router.post("/entities/merge", summary="Merge entities into one")
def merge_entities(body: MergeBody, store: StoreDep, who: Editor) -> dict[str, Any]:
    with store.transaction() as conn:
        return actions.merge_entities(conn, body.into, body.merge, who.name, body.reason)


@router.post("/entities/{entity_id}/split", summary="Move some mentions to a new entity")
def split_entity(
    entity_id: str, body: SplitEntityBody, store: StoreDep, who: Editor
) -> dict[str, Any]:
    with store.transaction() as conn:
        return actions.split_entity(
            conn, entity_id, body.mention_ids, body.name, who.name, body.reason
        )


@router.post("/mentions/{mention_id}/label", summary="Correct a mention's label")
def relabel_mention(
    mention_id: str, body: LabelBody, store: StoreDep, who: Editor
) -> dict[str, Any]:
    with store.transaction() as conn:
        return actions.relabel_mention(conn, mention_id, body.label, who.name, body.reason)


@router.post("/claims/{claim_id}/mark", summary="Mark a claim verified or doubtful")
def mark_claim(claim_id: str, body: MarkBody, store: StoreDep, who: Editor) -> dict[str, Any]:
    with store.transaction() as conn:
        return actions.mark_claim(conn, claim_id, body.mark, who.name, body.reason)


@router.post("/events/merge", summary="Merge events into one")
def merge_events(body: MergeBody, store: StoreDep, who: Editor) -> dict[str, Any]:
    with store.transaction() as conn:
        return actions.merge_events(conn, body.into, body.merge, who.name, body.reason)


@router.post("/events/{event_id}/split", summary="Move some event mentions to a new event")
def split_event(
    event_id: str, body: SplitEventBody, store: StoreDep, who: Editor
) -> dict[str, Any]:
    with store.transaction() as conn:
        return actions.split_event(conn, event_id, body.event_mention_ids, who.name, body.reason)


@router.post("/ingest", summary="Fetch URLs and run the pipeline over them")
def ingest(body: IngestBody, request: Request, store: StoreDep, _who: Editor) -> dict[str, Any]:
    from sitrep.pipeline import Ingest

    # the app's settings keep allow_private_addresses False unless the operator configured it
    settings = request.app.state.settings
    use_nlp: bool = request.app.state.ingest_nlp
    summary = Ingest(store, settings, use_nlp=use_nlp).run(body.urls)
    return {**summary.as_dict(), "rejects": store.rejects(summary.run_id)}
