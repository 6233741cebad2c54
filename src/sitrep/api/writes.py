"""The write endpoints: analyst actions (editor and up) and URL ingestion."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Concatenate, Literal, ParamSpec

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection

from sitrep import ledger
from sitrep.api import models
from sitrep.api.auth import Principal
from sitrep.api.deps import Editor, StoreDep
from sitrep.store import Store

router = APIRouter(tags=["analyst actions"])
Id = Annotated[str, Field(min_length=1, max_length=80)]
Reason = Annotated[str, Field(min_length=1, max_length=2000, description="why (kept in the log)")]
P = ParamSpec("P")


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


class UndoBody(Body):
    reason: Reason


class IngestBody(Body):
    urls: Annotated[
        list[Annotated[str, Field(pattern=r"^https?://", max_length=2000)]],
        Field(min_length=1, max_length=50),
    ]


def decide(
    store: Store,
    who: Principal,
    reason: str,
    action: Callable[Concatenate[Connection, P], ledger.Outcome],
    *args: P.args,
    **kwargs: P.kwargs,
) -> dict[str, Any]:
    """Run one analyst action through the ledger (change and log in one transaction).

    Answers with the action's result and the logged judgement, last."""
    return ledger.decide(store, who.name, reason, action, *args, **kwargs)


@router.post("/entities/merge", response_model=models.Decided, summary="Merge entities into one")
def merge_entities(body: MergeBody, store: StoreDep, who: Editor) -> dict[str, Any]:
    return decide(store, who, body.reason, ledger.merge_entities, body.into, body.merge)


@router.post(
    "/entities/{entity_id}/split",
    response_model=models.Decided,
    summary="Move some mentions to a new entity",
)
def split_entity(
    entity_id: str, body: SplitEntityBody, store: StoreDep, who: Editor
) -> dict[str, Any]:
    return decide(
        store, who, body.reason, ledger.split_entity, entity_id, body.mention_ids, body.name
    )


@router.post(
    "/mentions/{mention_id}/label",
    response_model=models.Decided,
    summary="Correct a mention's label",
)
def relabel_mention(
    mention_id: str, body: LabelBody, store: StoreDep, who: Editor
) -> dict[str, Any]:
    return decide(store, who, body.reason, ledger.relabel_mention, mention_id, body.label)


@router.post(
    "/claims/{claim_id}/mark",
    response_model=models.Decided,
    summary="Mark a claim verified or doubtful",
)
def mark_claim(claim_id: str, body: MarkBody, store: StoreDep, who: Editor) -> dict[str, Any]:
    return decide(store, who, body.reason, ledger.mark_claim, claim_id, body.mark)


@router.post("/events/merge", response_model=models.Decided, summary="Merge events into one")
def merge_events(body: MergeBody, store: StoreDep, who: Editor) -> dict[str, Any]:
    return decide(store, who, body.reason, ledger.merge_events, body.into, body.merge)


@router.post(
    "/events/{event_id}/split",
    response_model=models.Decided,
    summary="Move some event mentions to a new event",
)
def split_event(
    event_id: str, body: SplitEventBody, store: StoreDep, who: Editor
) -> dict[str, Any]:
    # the new event's status_reason names who split it and why
    return decide(
        store,
        who,
        body.reason,
        ledger.split_event,
        event_id,
        body.event_mention_ids,
        who.name,
        body.reason,
    )


@router.post(
    "/judgements/{judgement_id}/undo",
    response_model=models.Decided,
    summary="Withdraw an analyst decision",
)
def undo_judgement(
    judgement_id: str, body: UndoBody, store: StoreDep, who: Editor
) -> dict[str, Any]:
    return decide(store, who, body.reason, ledger.undo, judgement_id)


@router.post(
    "/ingest", response_model=models.Ingested, summary="Fetch URLs and run the pipeline over them"
)
def ingest(body: IngestBody, request: Request, store: StoreDep, _who: Editor) -> dict[str, Any]:
    from sitrep.pipeline import Ingest

    # the app's settings keep allow_private_addresses False unless the operator configured it.
    # Each URL's fetch is bounded as a whole (fetch_timeout_s, headers included) and each
    # document's map by stage_deadline_s: run from this request thread, where no timer can
    # be set, Ingest maps in a child process that it kills and replaces past the deadline.
    settings = request.app.state.settings
    use_nlp: bool = request.app.state.ingest_nlp
    summary = Ingest(store, settings, use_nlp=use_nlp).run(body.urls)
    return {**summary.as_dict(), "rejects": store.rejects(summary.run_id)}
