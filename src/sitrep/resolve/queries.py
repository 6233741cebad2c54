"""Read-side of resolution: the entity list and one entity's dossier."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select

from sitrep.resolve.judgements import find_entity
from sitrep.store import Store, schema


def list_entities(store: Store, entity_type: str | None = None) -> list[dict[str, Any]]:
    """Entities with at least one mention: name, type, aliases seen, mentions, documents."""
    ents, men, aliases = schema.entities, schema.mentions, schema.entity_aliases
    query = (
        select(
            ents.c.id, ents.c.name, ents.c.type, ents.c.pack_id, ents.c.geonames_id,
            func.count(men.c.id).label("mentions"),
            func.count(func.distinct(men.c.document_id)).label("documents"),
        )
        .join(men, men.c.entity_id == ents.c.id)
        .group_by(ents.c.id, ents.c.name, ents.c.type, ents.c.pack_id, ents.c.geonames_id)
        .order_by(func.count(men.c.id).desc(), ents.c.name)
    )  # fmt: skip
    if entity_type:
        query = query.where(ents.c.type == entity_type)
    with store.read() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
        seen: dict[str, list[str]] = {}
        for m in conn.execute(
            select(men.c.entity_id, men.c.text).where(men.c.entity_id.is_not(None))
        ):
            names = seen.setdefault(m.entity_id, [])
            if m.text not in names:
                names.append(m.text)
        del aliases
    for row in rows:
        row["aliases_seen"] = sorted(seen.get(row["id"], []))
    return rows


def entity_dossier(store: Store, name_or_id: str, limit: int = 20) -> dict[str, Any]:
    """Everything known about one entity: pack facts with sources, where it is mentioned,
    first and last seen, and the entities it appears with most."""
    men, docs, sents = schema.mentions, schema.documents, schema.sentences
    with store.read() as conn:
        entity = find_entity(conn, name_or_id)
        aliases = conn.execute(
            select(schema.entity_aliases).where(schema.entity_aliases.c.entity_id == entity["id"])
        ).mappings()
        entity["aliases"] = sorted({(a["alias"], a["source"]) for a in aliases})
        rows = conn.execute(
            select(men.c.document_id, men.c.sentence, men.c.text, docs.c.title, docs.c.published,
                   sents.c.text.label("sentence_text"))
            .join(docs, docs.c.id == men.c.document_id)
            .outerjoin(sents, (sents.c.document_id == men.c.document_id)
                       & (sents.c.idx == men.c.sentence))
            .where(men.c.entity_id == entity["id"])
            .order_by(docs.c.published, men.c.document_id, men.c.start)
        ).mappings().all()  # fmt: skip
        doc_ids = sorted({r["document_id"] for r in rows})
        co = conn.execute(
            select(men.c.entity_id, schema.entities.c.name)
            .join(schema.entities, schema.entities.c.id == men.c.entity_id)
            .where(men.c.document_id.in_(doc_ids), men.c.entity_id != entity["id"])
        ).all()
    dates = sorted(r["published"] for r in rows if r["published"])
    counts = Counter((e, n) for e, n in co)
    entity["mentions"] = len(rows)
    entity["documents"] = [
        {"id": d, "title": next(r["title"] for r in rows if r["document_id"] == d)} for d in doc_ids
    ]
    entity["first_seen"] = dates[0] if dates else None
    entity["last_seen"] = dates[-1] if dates else None
    entity["sentences"] = [
        {"document_id": r["document_id"], "text": r["text"], "sentence": r["sentence_text"]}
        for r in rows[:limit]
    ]
    entity["appears_with"] = [
        {"id": e, "name": n, "mentions": c} for (e, n), c in counts.most_common(10)
    ]
    return entity
