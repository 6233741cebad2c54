"""An entity's display name: the form its mentions write most, not whichever came first.

Resolution names a new entity after the first document that mentions it, so an entity that
one report misspelt, or one met first by a rare form, kept that form as its name however
often the others wrote it otherwise ("OA" for an entity whose mentions were "EU" three times
and "OA" once). After each run, the entities the run touched that rules made from names (not
the pack's, not the gazetteer's, not an analyst's) take the form most of their mentions
write. A person's or a group's name is chosen among the forms of two words or more when there
are any: "Assad" alone is written more often than "Bashar al-Assad", and "HNC" than "High
Negotiations Committee", but they name them less well.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, select, update

from sitrep.names import name_tokens
from sitrep.resolve.cluster import clean_name
from sitrep.store import chunked, schema

_CHUNK = 500


def most_written(forms: Counter[str], current: str, entity_type: str) -> str:
    """The form to show: the most written (of an actor's, among the forms of two words or
    more), the current name on a tie, then the first in alphabetical order so every run
    agrees."""
    if entity_type != "place":
        full = Counter({f: n for f, n in forms.items() if len(name_tokens(f)) >= 2})
        forms = full or forms
    if not forms:
        return current
    return max(forms, key=lambda f: (forms[f], f == current, [-ord(c) for c in f]))


def name_by_usage(conn: Connection, touched: Iterable[str]) -> int:
    """Rename each touched rule-made entity to its most written form; returns how many."""
    ents, men, alias_table = schema.entities, schema.mentions, schema.entity_aliases
    ids = sorted(set(touched))
    renames: list[dict[str, str]] = []
    for chunk in chunked(ids, _CHUNK):
        rows = conn.execute(
            select(ents.c.id, ents.c.name, ents.c.type)
            .where(ents.c.id.in_(chunk), ents.c.created_by == "rule")
            .where(ents.c.pack_id.is_(None), ents.c.geonames_id.is_(None))
            .where(ents.c.id.startswith("ent_") | ents.c.id.startswith("pl_"))
        ).all()
        if not rows:
            continue
        # Only forms that are the entity's aliases count: a mention's text the retyper read a
        # name out of ("Assads Air Force") is no form of it, and its alias is kept instead.
        aliases: dict[str, set[str]] = {str(r.id): set() for r in rows}
        for entity_id, alias in conn.execute(
            select(alias_table.c.entity_id, alias_table.c.alias).where(
                alias_table.c.entity_id.in_(list(aliases))
            )
        ):
            aliases[str(entity_id)].add(str(alias))
        forms: dict[str, Counter[str]] = {eid: Counter() for eid in aliases}
        query = select(men.c.entity_id, men.c.text).where(men.c.entity_id.in_(list(forms)))
        for entity_id, text in conn.execute(query):
            form = str(text).strip()
            if form in aliases[str(entity_id)]:
                forms[str(entity_id)][form] += 1
        for row in rows:
            label = "PERSON" if row.type == "person" else "ORG"
            cleaned: Counter[str] = Counter()
            for form, count in forms[str(row.id)].items():  # titles and stray words dropped
                cleaned[clean_name({"text": form, "label": label})] += count
            best = most_written(cleaned, str(row.name), str(row.type))
            if best != row.name:
                renames.append({"eid": str(row.id), "new": best})
    if renames:
        conn.execute(
            update(ents).where(ents.c.id == bindparam("eid")).values(name=bindparam("new")),
            renames,
        )
    return len(renames)
