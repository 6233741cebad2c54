"""Events, their claims, the timeline, and the log of judgements: routes over the read model
(`sitrep.read.events`, `sitrep.read.claims`, `sitrep.read.judgements`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import AfterValidator

from sitrep.api import models
from sitrep.api.deps import PagingDep, StoreDep, Viewer, run_page
from sitrep.errors import UsageError
from sitrep.read.claims import claims_filtered, event_with_claims
from sitrep.read.events import PARTIAL_DATE, EventFilter, dated_events, events_query, partial_date
from sitrep.read.judgements import judgements_query
from sitrep.read.records import EventDetail

router = APIRouter(tags=["events"])
Status = Literal["single-source", "corroborated", "contested", "denied"]


def _calendar_date(value: str | None) -> str | None:
    """The read model's date check as a validation error (422, in words), not a 400."""
    try:
        return None if value is None else partial_date(value)
    except UsageError as error:
        raise ValueError(str(error)) from None


# Every since/until of the API: a calendar date, whole or partial (2016, 2016-10, 2016-10-31).
IsoDate = Annotated[
    str | None,
    # the pattern is stated for clients and schema tests; the validator enforces it in words
    Query(
        max_length=10,
        description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD",
        json_schema_extra={"pattern": PARTIAL_DATE},
    ),
    AfterValidator(_calendar_date),
]
Name = Annotated[str | None, Query(max_length=80)]
Actor = Annotated[
    str | None, Query(max_length=200, description="an entity's id, name, alias or any spelling")
]
# The parts an entity takes, as every filter of events reads them (`read.events.EventFilter`)
Doer = Annotated[
    str | None,
    Query(
        max_length=200,
        description=(
            "a doer of the event (actor, by): an entity's id, name, alias or any spelling. "
            "Until session 31 this meant any part, as `entity` does now; use `entity` for that."
        ),
    ),
]
Target = Annotated[
    str | None,
    Query(max_length=200, description="one on the event's other side (target, counterpart …)"),
]
Entity = Annotated[
    str | None,
    Query(max_length=200, description="an entity taking any part in the event, or its place"),
]
Words = Annotated[
    str | None,
    Query(max_length=120, description="each word in the summary or a claim's sentence or quote"),
]


@router.get(
    "/events", response_model=models.EventPage, summary="List events with filters, in time order"
)
def list_events(
    store: StoreDep,
    paging: PagingDep,
    _who: Viewer,
    type: Name = None,
    actor: Doer = None,
    target: Target = None,
    entity: Entity = None,
    place: Actor = None,
    since: IsoDate = None,
    until: IsoDate = None,
    status: Status | None = None,
    words: Words = None,
) -> dict[str, Any]:
    """The read model's events query (`sitrep.read.events`): one meaning for every filter,
    the explorer's (`actor` a doer, `target` the other side, `entity` any part)."""
    where = EventFilter.of(
        {"type": type, "actor": actor, "target": target, "entity": entity, "place": place,
         "since": since, "until": until, "status": status, "words": words}
    )  # fmt: skip
    with store.read() as conn:
        return run_page(conn, events_query(conn, where), paging)


@router.get(
    "/events/{event_id}",
    response_model=EventDetail,
    summary="One event: participants, place, time, claims",
)
def get_event(event_id: str, store: StoreDep, _who: Viewer) -> EventDetail:
    with store.read() as conn:
        return event_with_claims(conn, event_id)


@router.get(
    "/claims",
    response_model=models.ClaimPage,
    summary="Claims: who asserts, reports, confirms or denies what",
)
def list_claims(
    store: StoreDep,
    paging: PagingDep,
    _who: Viewer,
    contested: Annotated[
        bool | None, Query(description="only claims on contested or denied events (or not)")
    ] = None,
    stance: Literal["asserts", "reports", "confirms", "denies", "retracts"] | None = None,
    event: Name = None,
) -> dict[str, Any]:
    with store.read() as conn:
        return run_page(conn, claims_filtered(contested, stance, event), paging)


@router.get(
    "/judgements",
    response_model=models.JudgementPage,
    summary="Logged merge/split/relabel/mark decisions",
)
def list_judgements(
    store: StoreDep,
    paging: PagingDep,
    _who: Viewer,
    subject: Literal["entity", "event", "claim", "mention"] | None = None,
    by: Literal["rule", "analyst"] | None = None,
) -> dict[str, Any]:
    query = judgements_query(subject, by)
    with store.read() as conn:
        return run_page(conn, query, paging)


@router.get(
    "/timeline",
    response_model=models.Timeline,
    summary="Dated events in time order, with counts by status",
)
def timeline(
    store: StoreDep,
    _who: Viewer,
    type: Name = None,
    entity: Entity = None,
    since: IsoDate = None,
    until: IsoDate = None,
    status: Status | None = None,
) -> dict[str, Any]:
    with store.read() as conn:
        where = EventFilter.of(
            {"type": type, "entity": entity, "since": since, "until": until, "status": status}
        )
        items = dated_events(conn, where, 5000)
    counts: dict[str, int] = {}
    for item in items:
        counts[item["status"]] = counts.get(item["status"], 0) + 1
    return {"total": len(items), "by_status": counts, "items": items}
