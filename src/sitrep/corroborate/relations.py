"""Relations against the store: both ends resolved to entities, mentions grouped, dated, scored.

- Ends resolve through the entity mentions the resolution stage already placed: the mention
  that lies inside (else overlaps) the end's span; a phrase with a pack name inside resolves to
  that pack actor. An end that names no entity leaves the mention out of every relation.
- The same (type, subject, object) from several documents is one relation, with its claims and
  independent origins counted the way events count them (`origins.event_status`): a body and a
  person speaking for it, one body by two names, are one voice (`views.VoiceMarks`).
- The domain pack's positions and affiliations are claims too, with the pack as their source.
- Time: the earliest start any claim gives ("since 1998", "the new commander" by its date);
  a "former" claim published no earlier than the last claim of the relation as current ends it
  (by that date) rather than standing beside it as another relation.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from sitrep.corroborate import relation_aggregate as aggregate
from sitrep.corroborate.origins import ClaimView, origin_key
from sitrep.corroborate.views import VoiceMarks
from sitrep.pack import Pack
from sitrep.records import stable_id
from sitrep.resolve.generic import GenericBodies
from sitrep.resolve.ids import name_entity_id, pack_entity_id
from sitrep.resolve.rows import name_entity_row
from sitrep.store import Store, chunked, entity_types, insert_ignore
from sitrep.store import schema as s

UNRESOLVED = "-"  # relation_id of a mention whose ends name no entity: not retried each run
PACK_DOC = None


@dataclass(frozen=True)
class RelationStats:
    mentions: int
    resolved: int
    relations: int
    pack_claims: int
    by_status: dict[str, int]


def run_relations(store: Store, pack: Pack, *, everything: bool = False) -> RelationStats:
    """Resolve new relation mentions and regroup the relations they touch.

    `everything` resolves every mention's ends again and rebuilds every relation: what an
    analyst's merge or split of entities (which re-points mentions) needs to reach relations."""
    with store.transaction() as conn:
        if everything:
            rm = s.relation_mentions
            conn.execute(delete(s.relations))
            aggregate.forget_all(conn)
            conn.execute(
                update(rm)
                .where(rm.c.document_id.is_not(None))
                .values(relation_id=None, subject_entity_id=None, object_entity_id=None)
            )
            conn.execute(update(rm).where(rm.c.document_id.is_(None)).values(relation_id=None))
        pack_claims = insert_ignore(conn, s.relation_mentions, _stored_pack_rows(conn, pack))
        fresh = _fresh(conn)
        resolved = _resolve_ends(conn, fresh, GenericBodies(pack))
        keys = {_key(r) for r in resolved}
        ids_of = {relation_id(*key): key for key in keys}
        # A relation keeps its totals (`relation_aggregate`): this run's claims are added to
        # them, so its cost follows what it adds, not how many claims the relation gathered
        # from the whole store. A relation without totals (one made before they were kept, or
        # every relation on a full re-run) is counted once from all its claims.
        states = aggregate.load(conn, ids_of)
        missing = {key for rid, key in ids_of.items() if rid not in states}
        rows = _members(conn, missing, [str(r["id"]) for r in resolved], keys)
        groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            groups[_key(row)].append(row)
        for key, members in groups.items():
            state = states.setdefault(relation_id(*key), aggregate.empty())
            for m in members:
                if key in missing or m["relation_id"] is None:
                    aggregate.add(state, m, claim_view(m))
        relation_rows = [aggregate_row(ids_of[rid], state) for rid, state in states.items()]
        ids = [r["id"] for r in relation_rows]
        for chunk in chunked(ids):
            conn.execute(delete(s.relations).where(s.relations.c.id.in_(chunk)))
        insert_ignore(conn, s.relations, relation_rows)
        aggregate.save(conn, states)
        rm = s.relation_mentions
        # Only the mentions whose relation or origin changed are written: a relation's earlier
        # claims keep theirs, so a run's writes follow what it adds, not the relation's size.
        marks = [
            {"_id": m["id"], "_rel": relation_id(*key), "_origin": m["origin_key"]}
            for key, members in groups.items()
            for m in members
            if (m["relation_id"], m["stored_origin_key"]) != (relation_id(*key), m["origin_key"])
        ]
        if marks:  # one statement, many rows: a large ingest touches thousands of mentions
            conn.execute(
                update(rm)
                .where(rm.c.id == bindparam("_id"))
                .values(relation_id=bindparam("_rel"), origin_key=bindparam("_origin")),
                marks,
            )
        done = {r["id"] for r in resolved}
        unresolved = [r["id"] for r in fresh if r["id"] not in done]
        for chunk in chunked(unresolved):
            conn.execute(update(rm).where(rm.c.id.in_(chunk)).values(relation_id=UNRESOLVED))
    statuses = Counter(r["status"] for r in relation_rows)
    return RelationStats(len(fresh), len(resolved), len(relation_rows), pack_claims, dict(statuses))


def relation_id(type_: str, subject: str, obj: str) -> str:
    return stable_id("rel", type_, subject, obj)


def _key(row: dict[str, Any]) -> tuple[str, str, str]:
    return (str(row["type"]), str(row["subject_entity_id"]), str(row["object_entity_id"]))


# -- the pack's own claims -------------------------------------------------------------------

# The pack's affiliation words as relation types (and whether the ends swap).
PACK_RELATIONS = {
    "member-of": ("member-of", False),
    "part-of": ("under", False),
    "under": ("under", False),
    "commands": ("commands", False),
    "allied-with": ("allied-with", False),
    "backs": ("backs", False),
    "backed-by": ("backs", True),
    "funded-by": ("backs", True),
    "fights": ("fights", False),
}
# Titles of a pack position that put its holder in charge: the same nouns as the extractor's.
_COMMAND_WORDS = frozenset(
    {"commander", "chief", "head", "leader", "director", "president", "minister", "chairman",
     "governor", "secretary-general", "founder"}
)  # fmt: skip


def pack_rows(pack: Pack) -> list[dict[str, Any]]:
    """The pack's positions and affiliations between two pack actors, as relation mentions."""
    source = pack.meta.default_source
    out = []
    for actor in pack.actors.values():
        for pos in actor.positions:
            if pos.org is None or pos.org not in pack.actors:
                continue
            words = pos.title.lower().split()
            subordinate = words[0] in ("deputy", "vice", "assistant", "press", "acting")
            kind = (
                "commands" if set(words) & _COMMAND_WORDS and not subordinate else "holds-position"
            )
            out.append(_pack_row(actor.id, pos.org, kind, pos.title, pos.start, pos.end,
                                 pos.source or source))  # fmt: skip
        for aff in actor.affiliations:
            found = PACK_RELATIONS.get(aff.relation)
            if found is None or aff.org not in pack.actors:
                continue
            kind, swap = found
            subject, obj = (aff.org, actor.id) if swap else (actor.id, aff.org)
            out.append(
                _pack_row(subject, obj, kind, None, aff.start, aff.end, aff.source or source)
            )
    return out


def _stored_pack_rows(conn: Connection, pack: Pack) -> list[dict[str, Any]]:
    """The pack's claims between two actors the store holds as entities (an actor enters the
    store when a document names it: the network shows the pack's links among those)."""
    rows = pack_rows(pack)
    ids = sorted({r[k] for r in rows for k in ("subject_entity_id", "object_entity_id")})
    e = s.entities.c
    stored = {
        row.id
        for chunk in chunked(ids)
        for row in conn.execute(select(e.id).where(e.id.in_(chunk)))
    }
    return [r for r in rows if r["subject_entity_id"] in stored and r["object_entity_id"] in stored]


def _pack_row(
    subject: str,
    obj: str,
    kind: str,
    title: str | None,
    start: str | None,
    end: str | None,
    source: str,
) -> dict[str, Any]:
    return {
        "id": stable_id("rlm", "pack", kind, subject, obj, title or ""),
        "document_id": PACK_DOC,
        "relation_id": None,
        "type": kind,
        "subject": {"text": subject, "pack_id": subject},
        "object": {"text": obj, "pack_id": obj},
        "subject_entity_id": pack_entity_id(subject),
        "object_entity_id": pack_entity_id(obj),
        "title": title,
        "cue": "pack",
        "cue_start": None,
        "cue_end": None,
        "how": "pack",
        "qualifier": None,
        "time": None,
        "time_start": start,
        "time_end": end,
        "time_precision": None,
        "ended": end is not None,
        "anchor": None,
        "sentence": None,
        "claim": {
            "outlet": source,
            "chain": [],
            "stance": "asserts",
            "hedged": False,
            "hedges": [],
            "quote": None,
            "sentence_text": None,
        },
        "origin_key": "pack",
    }


# -- resolving the ends ----------------------------------------------------------------------


def _fresh(conn: Connection) -> list[dict[str, Any]]:
    query = select(s.relation_mentions).where(s.relation_mentions.c.relation_id.is_(None))
    return [dict(r._mapping) for r in conn.execute(query)]


def _resolve_ends(
    conn: Connection, fresh: list[dict[str, Any]], generic: GenericBodies
) -> list[dict[str, Any]]:
    """Fresh mentions whose both ends name (different) entities, with the entity ids set.
    `generic`: the pack's generic body names, never minted."""
    docs = sorted({str(r["document_id"]) for r in fresh if r["document_id"]})
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    m = s.mentions.c
    for chunk in chunked(docs):
        query = select(m.document_id, m.start, m.end, m.entity_id).where(
            m.document_id.in_(chunk), m.entity_id.is_not(None)
        )
        for found in conn.execute(query):
            by_doc[found.document_id].append((found.start, found.end, found.entity_id))
    spans = {doc: _Spans.of(found) for doc, found in by_doc.items()}
    empty = _Spans([], 0)
    known = _pack_entities(conn, fresh)
    out: list[dict[str, Any]] = []
    for row in fresh:
        if row["document_id"] is None:
            out.append(row)  # the pack's: already resolved
            continue
        doc_spans = spans.get(row["document_id"], empty)
        subject = _entity_of(row["subject"], doc_spans, known) or _minted(
            conn, row, "subject", generic
        )
        obj = _entity_of(row["object"], doc_spans, known) or _minted(conn, row, "object", generic)
        if subject is None or obj is None or subject == obj:
            continue
        row["subject_entity_id"], row["object_entity_id"] = subject, obj
        out.append(row)
    types = entity_types(
        conn, {r[k] for r in out for k in ("subject_entity_id", "object_entity_id")}
    )
    out = [
        r
        for r in out
        if r["document_id"] is None
        or fits(r["type"], types.get(r["subject_entity_id"]), types.get(r["object_entity_id"]))
    ]
    ends = [
        {"_id": r["id"], "_s": r["subject_entity_id"], "_o": r["object_entity_id"]}
        for r in out
        if r["document_id"] is not None
    ]
    if ends:
        rm = s.relation_mentions
        conn.execute(
            update(rm)
            .where(rm.c.id == bindparam("_id"))
            .values(subject_entity_id=bindparam("_s"), object_entity_id=bindparam("_o")),
            ends,
        )
    return out


# A place of the gazetteer (a city, a region) is only ever where something is, what someone
# holds, or what an office is of ("the governor of Najaf"): "Baghdad joined Kata'ib Hezbollah"
# is a misparse of "Kata'ib Hezbollah in Baghdad".
PLACE_TYPES = frozenset({"place"})
AT_A_PLACE = frozenset({"present-in", "controls", "commands", "holds-position"})


def fits(kind: str, subject_type: str | None, object_type: str | None) -> bool:
    """Whether the resolved ends' types fit the relation (its type signature)."""
    if subject_type in PLACE_TYPES:
        return False
    if kind == "present-in":
        return object_type in PLACE_TYPES or object_type == "state"
    return object_type not in PLACE_TYPES or kind in AT_A_PLACE


_NAME_GLUE = frozenset({"of", "the", "and", "for", "al", "el"})


def _minted(
    conn: Connection, row: dict[str, Any], side: str, generic: GenericBodies | None = None
) -> str | None:
    """A body named in capitals the tagger missed ("the Iranian Armed Forces", the object of a
    role) becomes an organisation entity of its own, by the same name key resolution uses. Not
    a generic body's name ("the Air Force", "Armed Forces"): that is some state's body, which
    only the report's context tells (`resolve.generic`, where a mention holds it), and one
    entity of it would gather every state's."""
    end = row[side]
    if row["type"] == "present-in" or end.get("label") != "NP":
        return None
    words = str(end.get("text", "")).split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    named = [w for w in words if w.lower() not in _NAME_GLUE]
    if len(named) < 2 or not all(w[:1].isupper() for w in named):
        return None
    name = " ".join(words)
    if generic is not None and generic.head(name):
        return None
    entity_id = name_entity_id("org", name)
    insert_ignore(conn, s.entities, [name_entity_row(entity_id, "org", name)])
    return entity_id


def _pack_entities(conn: Connection, rows: Iterable[dict[str, Any]]) -> set[str]:
    ids = sorted(
        {
            pack_entity_id(str(end["pack_id"]))
            for r in rows
            for end in (r["subject"], r["object"])
            if end.get("pack_id")
        }
    )
    e = s.entities.c
    return {
        row.id
        for chunk in chunked(ids)
        for row in conn.execute(select(e.id).where(e.id.in_(chunk)))
    }


@dataclass
class _Spans:
    """One document's resolved mentions (start, end, entity), sorted, and the longest's length:
    a long document holds tens of thousands, and each end of each relation reads only those
    that start before it ends and may reach its start."""

    mentions: list[tuple[int, int, str]]
    longest: int

    @classmethod
    def of(cls, mentions: list[tuple[int, int, str]]) -> _Spans:
        return cls(sorted(mentions), max((e - s_ for s_, e, _ in mentions), default=0))

    def near(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        first = bisect_left(self.mentions, (lo - self.longest,))
        return self.mentions[first : bisect_left(self.mentions, (hi,))]


def _entity_of(end: dict[str, Any], spans: _Spans, known: set[str]) -> str | None:
    """The entity an end names: a mention inside its span (the longest), else one overlapping
    it, else the pack actor a name inside it matched."""
    lo, hi = int(end["start"]), int(end["end"])
    near = spans.near(lo, hi)
    inside = [(e - s_, ent) for s_, e, ent in near if lo <= s_ and e <= hi]
    if inside:
        return max(inside)[1]
    overlap = [(min(e, hi) - max(s_, lo), ent) for s_, e, ent in near if s_ < hi and lo < e]
    if overlap:
        return max(overlap)[1]
    pack_id = end.get("pack_id")
    if pack_id and pack_entity_id(str(pack_id)) in known:
        return pack_entity_id(str(pack_id))
    return None


# -- grouping --------------------------------------------------------------------------------


def _members(
    conn: Connection,
    keys: set[tuple[str, str, str]],
    resolved: Sequence[str],
    within: set[tuple[str, str, str]] | None = None,
) -> list[dict[str, Any]]:
    """Every resolved mention of the relations `keys` name, with its document's date and copy:
    those already counted in them (by the indexed relation id), and this run's `resolved` ones
    (every mention not yet in a relation has no relation id) of the relations `within` names
    (by default `keys`). Only the columns a relation is built from are read, not the mentions'
    sentences and spans."""
    rm, d = s.relation_mentions.c, s.documents.c
    columns = (
        rm.id, rm.document_id, rm.relation_id, rm.type, rm.subject_entity_id,
        rm.object_entity_id, rm.title, rm.time_start, rm.time_end, rm.ended, rm.claim,
        rm.origin_key, d.published, d.duplicate_of, d.site,
    )  # fmt: skip
    query = select(*columns).outerjoin(s.documents, d.id == rm.document_id)
    wanted = sorted({relation_id(*key) for key in keys})
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunked(wanted):
        for row in conn.execute(query.where(rm.relation_id.in_(chunk))):
            found[row.id] = dict(row._mapping)
    for chunk in chunked(sorted(set(resolved))):
        for row in conn.execute(query.where(rm.id.in_(chunk))):
            found[row.id] = dict(row._mapping)
    # In id order: ties (a title as common as another) fall alike however the claims came in.
    within = keys if within is None else within
    out = [found[i] for i in sorted(found) if _key(found[i]) in within]
    roots = {r["duplicate_of"] for r in out if r["duplicate_of"]}
    sites = {
        doc.id: doc.site
        for chunk in chunked(sorted(roots))
        for doc in conn.execute(select(d.id, d.site).where(d.id.in_(chunk)))
    }
    # Who each claim's sources are, as events read them (`views.VoiceMarks`): a body and the
    # person speaking for it, one body by two names, are one voice for relations too.
    marks = VoiceMarks.load(
        conn,
        {str(r["document_id"]) for r in out if r["document_id"] is not None},
        {_spoken(r, sites) for r in out if r["document_id"] is not None},
    )
    for item in out:
        item["stored_origin_key"] = item["origin_key"]
        if item["document_id"] is not None:
            item["view"] = _view(item, sites, marks)
            item["origin_key"] = origin_key(item["view"])
    return out


def claim_view(member: dict[str, Any]) -> ClaimView | None:
    """A member's claim as origins read it: the view `_members` marked with its voices, else
    read plain (a row built elsewhere); None for the pack's own."""
    if member["document_id"] is None:
        return None
    view = member.get("view")
    return view if isinstance(view, ClaimView) else _view(member, {})


def _spoken(row: dict[str, Any], sites: dict[str, str | None]) -> str:
    """The outlet whose voice the claim's document is (`origins._voice`)."""
    root = row["duplicate_of"] or row["document_id"]
    outlet = row["claim"].get("outlet")
    return str((sites.get(root) or outlet) if root != row["document_id"] else outlet or "")


def _view(
    row: dict[str, Any], sites: dict[str, str | None], marks: VoiceMarks | None = None
) -> ClaimView:
    root = row["duplicate_of"] or row["document_id"]
    claim = row["claim"]
    chain = tuple(claim.get("chain") or ())
    if marks is not None:
        chain = marks.chain(chain, str(row["document_id"]), row["published"])
    return ClaimView(
        str(claim.get("id") or row["id"]),
        str(row["document_id"]),
        str(root),
        claim.get("outlet"),
        chain,
        str(claim.get("stance") or "asserts"),
        sites.get(root, claim.get("outlet")),
        voice_aka=marks.outlet(_spoken(row, sites)) if marks is not None else (),
    )


def relation_row(key: tuple[str, str, str], members: list[dict[str, Any]]) -> dict[str, Any]:
    """A relation from all its claims (the pack's have no document)."""
    state = aggregate.empty()
    for m in members:
        aggregate.add(state, m, claim_view(m))
    return aggregate_row(key, state)


def aggregate_row(key: tuple[str, str, str], state: aggregate.State) -> dict[str, Any]:
    """A relation's row from its totals: title, period, status, origins."""
    reports, pack = state["reports"], state["pack"]
    start, end, ended = aggregate.period(state)
    if reports:
        found = aggregate.status(state)
        status, reason = found.status, found.reason
        origins, n_origins = list(found.origins), found.n_origins
    else:
        status, reason, origins, n_origins = "pack", "stated by the domain pack only", [], 0
    if pack and reports:
        reason += "; the domain pack states it too"
    return {
        "id": relation_id(*key),
        "type": key[0],
        "subject_entity_id": key[1],
        "object_entity_id": key[2],
        "title": aggregate.title(state),
        "time_start": start,
        "time_end": end,
        "ended": ended,
        "status": status,
        "status_reason": reason,
        "n_claims": state["n"],
        "n_origins": n_origins + (1 if pack else 0),
        "origins": origins + (["pack"] if pack else []),
        "sources": (["pack"] if pack else []) + (["reports"] if reports else []),
    }
