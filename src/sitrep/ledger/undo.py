"""Undo: withdraw an analyst judgement. The row is marked inactive (so no run re-applies it),
an `undo` judgement is logged, and the store is put back from the judgement's snapshot:
mentions return to the entities they were taken from, labels and marks to their old values,
and the events the decision touched are re-grouped by the rules and the judgements left."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from sitrep.errors import NotFoundError, UsageError
from sitrep.ledger import apply as effect
from sitrep.ledger.decide import Outcome, _documents_of
from sitrep.ledger.judgement import (
    EntityMerge,
    EntitySplit,
    EventMerge,
    EventSplit,
    Judgement,
    Mark,
    Relabel,
    Undo,
    parse,
)
from sitrep.store import insert_ignore, schema

J, E, A, M = schema.judgements, schema.entities, schema.entity_aliases, schema.mentions
EM = schema.event_mentions


def undo(conn: Connection, judgement_id: str) -> Outcome:
    row = conn.execute(select(J).where(J.c.id == judgement_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"no judgement with id {judgement_id!r}", hint="see judgements")
    if row["by"] != "analyst" or not row["active"]:
        raise UsageError(f"judgement {judgement_id} is not an analyst decision in force")
    judgement = parse(row["subject"], row["action"], row["targets"])
    if judgement is None or isinstance(judgement, Undo):
        raise UsageError(f"judgement {judgement_id} cannot be undone ({row['action']})")
    documents = _reverse(conn, judgement)
    conn.execute(update(J).where(J.c.id == judgement_id).values(active=False))
    result = {"undone": judgement_id, "subject": judgement.subject, "action": judgement.action}
    return Outcome(Undo(judgement_id, judgement.subject), result, documents)


def _reverse(conn: Connection, judgement: Judgement) -> tuple[str, ...]:
    """Put the store back; returns the documents whose events must be re-grouped."""
    if isinstance(judgement, Relabel):
        conn.execute(update(M).where(M.c.id == judgement.mention).values(label=judgement.before))
        return ()
    if isinstance(judgement, Mark):
        effect.apply(conn, Mark(judgement.claim, judgement.after, judgement.before))
        return ()
    if isinstance(judgement, EntityMerge):
        return _unmerge(conn, judgement)
    if isinstance(judgement, EntitySplit):
        moved = list(conn.execute(select(M.c.id).where(M.c.entity_id == judgement.into)).scalars())
        conn.execute(update(M).where(M.c.id.in_(moved)).values(entity_id=judgement.source))
        effect.drop_if_unused(conn, judgement.into)
        return _documents_of(conn, moved)
    if isinstance(judgement, EventMerge | EventSplit):
        # released: the documents' events are re-grouped without this judgement
        conn.execute(update(EM).where(EM.c.id.in_(judgement.mentions)).values(event_id=None))
        query = select(EM.c.document_id).where(EM.c.id.in_(judgement.mentions)).distinct()
        return tuple(sorted(conn.execute(query).scalars()))
    raise UsageError(f"cannot undo a {judgement.action}")


def _unmerge(conn: Connection, merge: EntityMerge) -> tuple[str, ...]:
    if not merge.moved:
        raise UsageError(
            "this merge was logged without the mentions it moved (an older entry)",
            hint="split the spellings off again with `sitrep split`",
        )
    insert_ignore(conn, E, [dict(e) for e in merge.entities])
    insert_ignore(conn, A, [dict(a) for a in merge.aliases])
    names = {str(a["alias"]) for a in merge.aliases} | {str(e["name"]) for e in merge.entities}
    conn.execute(
        A.delete().where(A.c.entity_id == merge.into, A.c.alias.in_(sorted(names)),
                         A.c.source == "merged")
    )  # fmt: skip
    returned: list[str] = []
    for source, mention_ids in merge.moved.items():
        back = [str(m) for m in mention_ids]
        conn.execute(
            update(M).where(M.c.id.in_(back), M.c.entity_id == merge.into).values(entity_id=source)
        )
        returned.extend(back)
    return _documents_of(conn, returned)
