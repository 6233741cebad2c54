"""Entities: one by any name, every entity a spelling may mean, the list.

An analyst names an actor however the report spelled it: an id, a pack id, the canonical name,
an alias, or a transliteration no one stored (Suleimani for Soleimani). `entities_named` is the
one place that turns such a string into entity ids; every filter (CLI, API, exports) uses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Select, String, case, func, literal, or_, select

from sitrep.errors import NotFoundError
from sitrep.read.columns import record, records
from sitrep.read.records import EntityRow, EntitySummary, EntityWithAliases, MentionRow
from sitrep.store import LIKE_ESCAPE, like_literal, schema

E, A, M = schema.entities, schema.entity_aliases, schema.mentions
# ids bound in one IN list: well under SQLite's oldest limit on a statement's parameters (999)
ID_BATCH = 500


def find_entity(conn: Connection, name_or_id: str) -> EntityRow:
    """One entity by id, pack id, name or alias (case-insensitive); NotFoundError when none,
    or when the name fits several (the error lists their ids)."""
    row = (
        conn.execute(select(E).where((E.c.id == name_or_id) | (E.c.pack_id == name_or_id)))
        .mappings()
        .first()
    )
    if row:
        return record(row, EntityRow)
    literal = like_literal(name_or_id.strip())  # a name, not a pattern: "%" names no entity
    for query in (
        select(E).where(E.c.name.ilike(literal, escape=LIKE_ESCAPE)),
        select(E)
        .join(A, A.c.entity_id == E.c.id)
        .where(A.c.alias.ilike(literal, escape=LIKE_ESCAPE)),
    ):
        found = {r["id"]: record(r, EntityRow) for r in conn.execute(query).mappings()}
        if len(found) == 1:
            return next(iter(found.values()))
        if len(found) > 1:
            raise NotFoundError(
                f"{name_or_id!r} names {len(found)} entities",
                hint="use one of the ids: " + ", ".join(sorted(found)),
            )
    raise NotFoundError(f"no entity named {name_or_id.casefold()!r}", hint="see `sitrep entities`")


def entities_named(conn: Connection, spelling: str) -> set[str]:
    """Every entity `spelling` may mean: by id or pack id; else by name or alias, ignoring
    case; else by a name-key match (transliteration, a surname for a full name)."""
    text = spelling.strip()
    if not text:
        return set()
    exact = select(E.c.id).where((E.c.id == text) | (E.c.pack_id == text))
    found = set(conn.execute(exact).scalars())
    if found:
        return found
    literal = like_literal(text)
    named = select(E.c.id).where(E.c.name.ilike(literal, escape=LIKE_ESCAPE))
    aliased = select(A.c.entity_id).where(A.c.alias.ilike(literal, escape=LIKE_ESCAPE))
    found = set(conn.execute(named).scalars()) | set(conn.execute(aliased).scalars())
    return found or _by_name_key(conn, text)


def _by_name_key(conn: Connection, text: str) -> set[str]:
    from sitrep.names import blocking_keys, match_names

    wanted = blocking_keys(text, "any")
    names = select(E.c.id, E.c.type, E.c.name.label("alias")).union(
        select(A.c.entity_id, E.c.type, A.c.alias).join(E, E.c.id == A.c.entity_id)
    )
    found: set[str] = set()
    for entity_id, entity_type, alias in conn.execute(names):
        if entity_id in found or not wanted & blocking_keys(str(alias), "any"):
            continue
        kind = "person" if entity_type == "person" else "org"
        if match_names(text, str(alias), kind).same:
            found.add(str(entity_id))
    return found


def list_entities(
    conn: Connection, entity_type: str | None = None, q: str | None = None
) -> list[EntitySummary]:
    """Entities with at least one mention, most mentioned first: id, name, type, pack id,
    GeoNames id, mentions, documents, and the spellings seen (`aliases_seen`)."""
    query = (
        select(
            E.c.id, E.c.name, E.c.type, E.c.pack_id, E.c.geonames_id,
            func.count(M.c.id).label("mentions"),
            func.count(func.distinct(M.c.document_id)).label("documents"),
        )
        .join(M, M.c.entity_id == E.c.id)
        .group_by(E.c.id, E.c.name, E.c.type, E.c.pack_id, E.c.geonames_id)
        .order_by(func.count(M.c.id).desc(), E.c.name)
    )  # fmt: skip
    if entity_type:
        query = query.where(E.c.type == entity_type)
    if q:
        query = query.where(name_like(q))
    found = records(conn, query, EntitySummary)
    seen: dict[str, list[str]] = {}
    for m in conn.execute(select(M.c.entity_id, M.c.text).where(M.c.entity_id.is_not(None))):
        names = seen.setdefault(m.entity_id, [])
        if m.text not in names:
            names.append(m.text)
    for row in found:
        row["aliases_seen"] = sorted(seen.get(row["id"], []))
    return found


def entities_query(entity_type: str | None = None, q: str | None = None) -> Select[Any]:
    """Every entity (mentioned or not), most mentioned first: what the workbench lists."""
    n_mentions = select(func.count()).where(M.c.entity_id == E.c.id).scalar_subquery()
    query = select(
        E.c.id, E.c.type, E.c.name, E.c.country, E.c.wikidata, E.c.precision,
        n_mentions.label("mentions"), _alias_holding(q).label("matched_alias"),
    ).order_by(n_mentions.desc(), E.c.name, E.c.id)  # fmt: skip
    if entity_type:
        query = query.where(E.c.type == entity_type)
    return query.where(name_like(q)) if q else query


def _alias_holding(q: str | None) -> Any:
    """The alias an entity was found under when its name does not hold `q` (the shortest, the
    nearest to what was typed): a search for "Nusra" lists Hay'at Tahrir al-Sham, and says
    it was found as "Nusra". Null without `q` or when the name holds it."""
    if not q:
        return literal(None, String)
    pattern = _holding(q)
    shortest = (
        select(A.c.alias)
        .where(A.c.entity_id == E.c.id, func.lower(A.c.alias).like(pattern, escape=LIKE_ESCAPE))
        .order_by(func.length(A.c.alias), A.c.alias)
        .limit(1)
        .scalar_subquery()
    )
    named = func.lower(E.c.name).like(pattern, escape=LIKE_ESCAPE)
    return case((named, literal(None, String)), else_=shortest)


def _holding(q: str) -> str:
    return f"%{like_literal(q.lower())}%"


def name_like(q: str) -> Any:
    """Entities whose name or an alias holds `q` (case-insensitive), for search boxes."""
    pattern = _holding(q)
    aliased = select(A.c.entity_id).where(func.lower(A.c.alias).like(pattern, escape=LIKE_ESCAPE))
    return or_(func.lower(E.c.name).like(pattern, escape=LIKE_ESCAPE), E.c.id.in_(aliased))


def entities_with_aliases(conn: Connection) -> dict[str, EntityWithAliases]:
    """Every entity by id, each with its sorted `aliases`."""
    ent, al = E, A
    found = {
        row["id"]: record({**row, "aliases": []}, EntityWithAliases)
        for row in conn.execute(select(ent).order_by(ent.c.id)).mappings()
    }
    for entity_id, alias in conn.execute(
        select(al.c.entity_id, al.c.alias).order_by(al.c.entity_id, al.c.alias)
    ):
        if entity_id in found:
            found[entity_id]["aliases"].append(alias)
    return found


def entities_by_id(conn: Connection, ids: Iterable[str]) -> dict[str, EntityRow]:
    """The entities with these ids (those that exist), by id, without their aliases: what a
    page of events names, read without reading every entity."""
    wanted = sorted(set(ids))
    found: dict[str, EntityRow] = {}
    for start in range(0, len(wanted), ID_BATCH):
        batch = wanted[start : start + ID_BATCH]
        for row in conn.execute(select(E).where(E.c.id.in_(batch))).mappings():
            found[row["id"]] = record(row, EntityRow)
    return found


def resolved_mentions(conn: Connection) -> list[MentionRow]:
    """Resolved mentions (those with an entity), for co-mention edges and FtM Mention links."""
    men = M
    query = (
        select(men)
        .where(men.c.entity_id.is_not(None))
        .order_by(men.c.document_id, men.c.start, men.c.id)
    )
    return records(conn, query, MentionRow)


def mention_labels(conn: Connection) -> set[str]:
    """The NER labels stored mentions carry (the vocabulary a relabel chooses from)."""
    return {str(label) for label in conn.execute(select(M.c.label).distinct()).scalars()}
