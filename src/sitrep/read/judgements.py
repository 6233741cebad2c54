"""The log of decisions (by rule or analyst), newest first or in the order taken."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, select

from sitrep.read.columns import mentions_id, records, where_given
from sitrep.read.records import JudgementRow
from sitrep.store import schema

J = schema.judgements


def judgements_query(
    subject: str | None = None, by: str | None = None, newest_first: bool = True
) -> Select[Any]:
    order = (J.c.created_at.desc(), J.c.id) if newest_first else (J.c.created_at, J.c.id)
    return where_given(select(J).order_by(*order), (J.c.subject, subject), (J.c.by, by))


def list_judgements(
    conn: Connection, subject: str | None = None, by: str | None = None
) -> list[JudgementRow]:
    """Every logged decision in the order taken."""
    return records(conn, judgements_query(subject, by, newest_first=False), JudgementRow)


def judgements_about(conn: Connection, target_id: str) -> list[JudgementRow]:
    """The latest decisions naming an entity, event, mention or claim id."""
    query = select(J).where(mentions_id(J.c.targets, target_id))
    return records(conn, query.order_by(J.c.created_at.desc(), J.c.id).limit(50), JudgementRow)
