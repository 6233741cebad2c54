"""What came of one ingest run, input by input: the document each made (or already was), the
events and entities it added or joined, or why it was turned down.

The run's own writer tells which origins it stored, found again or rejected (`Loader`'s
report); this module reads each of those back from the store, so what the workbench shows is
what was kept, not what the run meant to keep."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, cast, get_args

from sqlalchemy import Column, Connection, distinct, func, select

from sitrep.read.records import IntakeEntity, IntakeEvent, IntakeInput, IntakeItem
from sitrep.store import schema

D, DO, RJ = schema.documents, schema.document_origins, schema.rejects
M, E, EM, EV = schema.mentions, schema.entities, schema.event_mentions, schema.events

Outcome = Literal["stored", "duplicate", "rejected"]


def belongs_to(origin: str, given: str) -> bool:
    """Whether a document's origin came from this input: the input itself, or one of the rows
    or records inside it (`file.csv#row=3`, `feed.xml#record=2`)."""
    return origin == given or origin.startswith(f"{given}#")


def intake(
    conn: Connection, run_id: str, given: Sequence[str], reported: Sequence[tuple[str, str]]
) -> list[IntakeInput]:
    """Each input of the run in the order given, with what became of each document in it.

    `reported`: the run's (outcome, origin) pairs in the order written ("stored",
    "duplicate", "rejected"). Should a document carry an origin no input claims, it is
    listed last under UNCLAIMED rather than left out of the answer."""
    out: list[IntakeInput] = []
    claimed: set[int] = set()
    for name in given:
        mine = [n for n, (_, origin) in enumerate(reported) if belongs_to(origin, name)]
        claimed.update(mine)
        out.append({"input": name, "items": [_item(conn, run_id, *reported[n]) for n in mine]})
    rest = [_item(conn, run_id, *pair) for n, pair in enumerate(reported) if n not in claimed]
    if rest:
        out.append({"input": UNCLAIMED, "items": rest})
    return out


UNCLAIMED = "other documents of this run"


def _outcome(word: str) -> Outcome:
    if word not in get_args(Outcome):
        raise ValueError(f"not an outcome the writer reports: {word}")
    return cast(Outcome, word)


def _item(conn: Connection, run_id: str, reported: str, origin: str) -> IntakeItem:
    outcome = _outcome(reported)
    item: IntakeItem = {
        "origin": origin,
        "outcome": outcome,
        "document_id": None,
        "title": None,
        "near_copy_of": None,
        "reason": None,
        "detail": None,
        "events": [],
        "entities": [],
    }
    if outcome == "rejected":
        row = conn.execute(
            select(RJ.c.reason, RJ.c.detail).where(RJ.c.run_id == run_id, RJ.c.origin == origin)
        ).first()
        if row is not None:
            item["reason"], item["detail"] = row.reason, row.detail
        return item
    doc = _document_of(conn, run_id, outcome, origin)
    if doc is None:
        return item
    item["document_id"], item["title"], item["near_copy_of"] = doc
    item["events"] = events_of(conn, doc[0])
    item["entities"] = entities_of(conn, doc[0])
    return item


def _document_of(
    conn: Connection, run_id: str, outcome: Outcome, origin: str
) -> tuple[str, str | None, str | None] | None:
    """(id, title, first copy) of the document an origin stands for: the one this run stored,
    or, for an input seen before, the stored document that origin was last recorded for."""
    columns = (D.c.id, D.c.title, D.c.duplicate_of)
    if outcome == "stored":
        query = select(*columns).where(D.c.run_id == run_id, D.c.origin == origin)
    else:
        query = (
            select(*columns)
            .select_from(DO.join(D, D.c.id == DO.c.document_id))
            .where(DO.c.origin == origin)
            .order_by(D.c.ingested_at.desc(), D.c.id)
        )
    row = conn.execute(query.limit(1)).first()
    return None if row is None else (row.id, row.title, row.duplicate_of)


def _other_documents(link: Column[Any], key: Column[Any], doc_id: str) -> Any:
    """How many other documents have a row whose `link` is `key` (an event, an entity): the
    document joined it (some) or added it alone (none)."""
    document = link.table.c.document_id
    return (
        select(func.count(distinct(document)))
        .where(link == key, document != doc_id)
        .scalar_subquery()
        .label("other_documents")
    )


def events_of(conn: Connection, doc_id: str) -> list[IntakeEvent]:
    """The events a document tells, each with how many other documents tell it too."""
    mine = select(EM.c.event_id).where(EM.c.document_id == doc_id).distinct()
    query = (
        select(
            EV.c.id,
            EV.c.type,
            EV.c.summary,
            EV.c.status,
            _other_documents(EM.c.event_id, EV.c.id, doc_id),
        )
        .where(EV.c.id.in_(mine))
        .order_by(EV.c.first_told, EV.c.id)
    )
    return [
        {
            "id": r.id,
            "type": r.type,
            "summary": r.summary,
            "status": r.status,
            "other_documents": int(r.other_documents),
        }
        for r in conn.execute(query)
    ]


def entities_of(conn: Connection, doc_id: str) -> list[IntakeEntity]:
    """The entities a document names, each with how many other documents name it too."""
    mine = select(M.c.entity_id).where(M.c.document_id == doc_id).distinct()
    query = (
        select(
            E.c.id,
            E.c.name,
            E.c.type,
            _other_documents(M.c.entity_id, E.c.id, doc_id),
        )
        .where(E.c.id.in_(mine))
        .order_by(E.c.type, E.c.name, E.c.id)
    )
    return [
        {
            "id": r.id,
            "name": r.name,
            "type": r.type,
            "other_documents": int(r.other_documents),
        }
        for r in conn.execute(query)
    ]
