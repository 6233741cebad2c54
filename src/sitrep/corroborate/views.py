"""Read what corroboration needs from the store: mention views, claim views, judgements."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, select

from sitrep.corroborate.cluster import AnalystJudgement
from sitrep.corroborate.compat import MentionView
from sitrep.corroborate.origins import AGAINST, ClaimView, copy_key, name_key
from sitrep.extract.schema import Trigger, load_event_schema
from sitrep.records import REPORT_DATED_METHODS
from sitrep.resolve.ids import pack_entity_id
from sitrep.store import chunked
from sitrep.store import schema as s

ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "LOC", "GPE", "FAC"})
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
# Entity types that can be where a happening took place.
WHERE_TYPES = frozenset({"place", "state"})
# A participant written as a pronoun is someone the text named before: shown as "They" it says
# nothing (English personal pronouns, a closed class).
PRONOUNS = frozenset(
    {"i", "me", "you", "he", "him", "she", "her", "it", "we", "us", "they", "them", "this"}
    | {"that", "these", "those", "who", "whom"}
)
# Participants that are places (a town, a region) are where, not who: "ERBIL, Kurdistan Region
# —" is a dateline, "Damascus said" the capital's government at best. They neither tie two
# reports together nor set them apart; states (entity type "state") stay participants.


def _span_entities(conn: Connection, doc_ids: set[str]) -> dict[tuple[str, int, int], str]:
    """(document, start, end) -> canonical entity id, from resolution's work on mentions."""
    found: dict[tuple[str, int, int], str] = {}
    for chunk in chunked(sorted(doc_ids)):
        rows = conn.execute(
            select(
                s.mentions.c.document_id,
                s.mentions.c.start,
                s.mentions.c.end,
                s.mentions.c.entity_id,
            )
            .where(s.mentions.c.document_id.in_(chunk))
            .where(s.mentions.c.entity_id.is_not(None))
        )
        found.update({(r.document_id, r.start, r.end): r.entity_id for r in rows})
    return found


def _places(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    e = s.entities.c
    columns = (e.id, e.name, e.type, e.country, e.precision, e.attributes)
    return {
        r.id: dict(r._mapping)
        for chunk in chunked(sorted(ids))
        for r in conn.execute(select(*columns).where(s.entities.c.id.in_(chunk)))
    }


def participant_key(
    part: dict[str, Any], doc_id: str, resolved: dict[tuple[str, int, int], str]
) -> str | None:
    """The canonical id of a participant, else its pack id, else a name key; None for plain NPs."""
    entity = resolved.get((doc_id, int(part["start"]), int(part["end"])))
    if entity:
        return str(entity)
    if part.get("pack_id"):  # the id resolution gives a pack entry
        return pack_entity_id(str(part["pack_id"]))
    if part.get("label") not in ENTITY_LABELS:
        return None
    words = name_key(str(part["text"])).split()
    if not words:
        return None
    # Without resolution, a person is known by surname ("Qassem Soleimani" / "Soleimani").
    return "name:" + (words[-1] if part.get("label") == "PERSON" else " ".join(words))


def load_mentions(
    conn: Connection, doc_ids: Sequence[str] | None, mention_ids: Sequence[str] | None = None
) -> list[MentionView]:
    """The views of the mentions of `doc_ids` (every mention when None), or of `mention_ids`."""
    m = s.event_mentions.c  # only what a MentionView reads (not the raw time, the trigger)
    query = select(
        m.id, m.document_id, m.type, m.mode, m.participants, m.place, m.place_entity_id,
        m.time, m.time_start, m.time_end, m.time_precision, m.casualties, m.sentence, m.trigger,
        m.retells,
    ).where(m.modality.is_(None))  # fmt: skip
    if mention_ids is not None:
        rows = [
            dict(r._mapping)
            for chunk in chunked(sorted(mention_ids))
            for r in conn.execute(query.where(m.id.in_(chunk)))
        ]
    elif doc_ids is None:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    else:
        rows = [
            dict(r._mapping)
            for chunk in chunked(sorted(doc_ids))
            for r in conn.execute(query.where(m.document_id.in_(chunk)))
        ]
    docs = {r["document_id"] for r in rows}
    resolved = _span_entities(conn, docs)
    reports = _reports(conn, docs)
    denied = _denied(conn, [r["id"] for r in rows])
    schema = load_event_schema()
    families = {name: t.family for name, t in schema.types.items()}
    for r in rows:
        trigger = r["trigger"] = str(r["trigger"])
        found = schema.by_form(trigger)
        r["toll"] = any(t.toll for t in found)
        r["plural"] = any(_plural_noun(trigger, t) for t in found)
        r["published"], r["text_root"] = reports.get(r["document_id"], (None, r["document_id"]))
        r["denies"] = r["id"] in denied
        r["family"] = families.get(r["type"], r["type"])
    place_ids = {r["place_entity_id"] for r in rows if r["place_entity_id"]}
    place_ids |= {
        resolved[(r["document_id"], r["place"]["start"], r["place"]["end"])]
        for r in rows
        if r["place"] and (r["document_id"], r["place"]["start"], r["place"]["end"]) in resolved
    }
    places = _places(conn, place_ids)
    kinds = _entity_types(conn, set(resolved.values()))
    return [_view(r, resolved, places, kinds) for r in rows]


def _entity_types(conn: Connection, ids: set[str]) -> dict[str, str]:
    """Entity id -> its type (person, place, state, org ...)."""
    e = s.entities.c
    return {
        r.id: r.type
        for chunk in chunked(sorted(ids))
        for r in conn.execute(select(e.id, e.type).where(e.id.in_(chunk)))
    }


def _reports(conn: Connection, doc_ids: set[str]) -> dict[str, tuple[str | None, str]]:
    """Each document's publication date (the day its report was told), and the first copy of
    its text (itself, or the document it is a near-duplicate of)."""
    d = s.documents.c
    query = select(d.id, d.published, d.duplicate_of)
    return {
        r.id: (r.published or None, r.duplicate_of or r.id)
        for chunk in chunked(sorted(doc_ids))
        for r in conn.execute(query.where(d.id.in_(chunk)))
    }


def _denied(conn: Connection, mention_ids: list[str]) -> set[str]:
    """Mentions whose claim denies (or retracts) the happening."""
    c = s.claims.c
    return {
        r.event_mention_id
        for chunk in chunked(sorted(mention_ids))
        for r in conn.execute(
            select(c.event_mention_id)
            .where(c.event_mention_id.in_(chunk))
            .where(c.stance.in_(sorted(AGAINST)))
        )
    }


def _month_day(time: Any) -> str | None:
    """The "MM-DD" extraction kept for a day of the month it could not give a year to."""
    method = str(time.get("method", "")) if isinstance(time, dict) else ""
    found = re.search(r"month-day:--(\d\d-\d\d)", method)
    return found.group(1) if found else None


def _view(
    row: dict[str, Any],
    resolved: dict[tuple[str, int, int], str],
    places: dict[str, dict[str, Any]],
    kinds: dict[str, str],
) -> MentionView:
    doc_id = row["document_id"]
    names: dict[str, str] = {}
    roles: dict[str, str] = {}
    where: set[str] = set()  # participants that are places: shown, never matched on
    people: set[str] = set()
    states: set[str] = set()
    groups: set[str] = set()
    unnamed: list[tuple[str, str]] = []
    for part in row["participants"]:
        key = participant_key(part, doc_id, resolved)
        text = str(part.get("text") or "").strip()
        if key is None and text and text.lower() not in PRONOUNS:
            unnamed.append((str(part["role"]), text))
        if key is not None:
            names.setdefault(key, str(part["text"]))
            roles.setdefault(key, str(part["role"]))
            label = part.get("label")
            if kinds.get(key) == "place" or (key.startswith("name:") and label in PLACE_LABELS):
                where.add(key)
            if kinds.get(key) == "person" or (key not in kinds and label == "PERSON"):
                people.add(key)
            if kinds.get(key) == "state" or (key not in kinds and label == "NORP"):
                states.add(key)
            if kinds.get(key) == "group":
                groups.add(key)
    place_key = place_name = country = within = None
    is_country = False
    p = row["place"]
    place_id = row["place_entity_id"] or resolved.get((doc_id, p["start"], p["end"])) if p else None
    info = places.get(place_id or "")
    if p and not (info and info.get("type") not in WHERE_TYPES):
        # (a place that resolution knows as a person or a group is no place: "in Soleimani")
        place_name = str(p["text"])
        if info:
            country, is_country = info.get("country"), info.get("precision") == "country"
            within = (info.get("attributes") or {}).get("within_entity_id")
        place_key = place_id or "name:" + name_key(place_name)
    start, end, precision, reported = _compared_time(row)
    return MentionView(
        id=row["id"], doc_id=doc_id, type=row["type"], mode=row["mode"],
        entities=frozenset(names.keys() - where), names=names, roles=roles,
        people=frozenset(people), states=frozenset(states), groups=frozenset(groups),
        unnamed=tuple(unnamed),
        place=place_key, place_name=place_name, place_country=country, place_is_country=is_country,
        place_within=within,
        time_start=start, time_end=end, time_precision=precision, reported=reported,
        casualties=row["casualties"],
        published=row["published"], text_root=row.get("text_root") or doc_id,
        trigger=row.get("trigger") or "",
        family=row["family"], denies=row["denies"],
        month_day=_month_day(row["time"]), sentence=row.get("sentence"),
        toll=row.get("toll", False), retells=row.get("retells"), plural=row.get("plural", False),
    )  # fmt: skip


def _compared_time(
    row: dict[str, Any],
) -> tuple[str | None, str | None, str | None, tuple[str, str] | None]:
    """The time corroboration compares, and the report's days kept aside for a mention the
    text does not date (`extract.dating.dated_by_report`): they are no evidence of when."""
    time = row["time"]
    if isinstance(time, dict) and time.get("method") in REPORT_DATED_METHODS:
        return None, None, None, (str(row["time_start"]), str(row["time_end"]))
    return row["time_start"], row["time_end"], row["time_precision"], None


# What a source can be, by the type resolution gave its entity (else the NER label): a person,
# an organisation, a state body, a medium, an armed group. A link that is wholly a place, a
# date, a number, a country or a nationality ("Lebanon's As-Safir", "BEIRUT (Reuters)",
# "Iraqi said") is not one: a country speaks through a ministry or a spokesman.
SOURCE_TYPES = frozenset({"person", "org", "state_body", "media", "group"})
SOURCE_LABELS = frozenset({"PERSON", "ORG"})
BARE_TYPES = frozenset({"place", "state"})
BARE_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "NORP"})
# Link kinds the attribution stage gives only to speakers (an agency, an official, a person,
# an anonymous source); "unknown" links must show an entity of a source type.
SPEAKER_KINDS = frozenset({"outlet", "agency", "official", "person", "document", "anonymous"})

Span = tuple[int, int, str, str | None]  # start, end, NER label, resolved entity type


def _labels(conn: Connection, doc_ids: set[str]) -> dict[str, list[Span]]:
    """Entity spans per document, with the type of the entity each resolved to."""
    m, e = s.mentions.c, s.entities.c
    query = select(m.document_id, m.start, m.end, m.label, e.type).outerjoin(
        s.entities, e.id == m.entity_id
    )
    out: dict[str, list[Span]] = {}
    for chunk in chunked(sorted(doc_ids)):
        for r in conn.execute(query.where(m.document_id.in_(chunk))):
            out.setdefault(r.document_id, []).append((r.start, r.end, r.label, r.type))
    return out


def _bare(span: Span) -> bool:
    return span[3] in BARE_TYPES if span[3] else span[2] in BARE_LABELS


def _speaks(span: Span) -> bool:
    return span[3] in SOURCE_TYPES if span[3] else span[2] in SOURCE_LABELS


def is_source(link: dict[str, Any], spans: list[Span]) -> bool:
    """Would a reader recognise this link as a source? Not a blank, not a place or a dateline,
    not a bare country or nationality, not an object ("a missile strike") or a fragment
    ("there"): read from the entities found at the link's span."""
    name = str(link.get("name") or "").strip()
    if not any(ch.isalpha() for ch in name):
        return False
    if link.get("kind") == "outlet":
        return True
    start, end = link.get("start"), link.get("end")
    if not (isinstance(start, int) and isinstance(end, int)):
        return link.get("kind") in SPEAKER_KINDS
    determiner = re.match(r"(?i)(the|a|an)\s+", name)
    core = start + (determiner.end() if determiner else 0)
    inside = [sp for sp in spans if sp[0] < end and start < sp[1]]
    if any(_bare(sp) and sp[0] <= core and sp[1] >= end for sp in inside):
        return False
    if any(_speaks(sp) for sp in inside):
        return True
    return link.get("kind") in SPEAKER_KINDS and not inside


def _with_names(link: dict[str, Any], spans: list[Span]) -> dict[str, Any]:
    """The link, marked `named` when an entity lies in it ("Syrian activists", "a Turkish
    military source"): a description round a name points at someone, one without none
    (`origins.names_someone`)."""
    start, end = link.get("start"), link.get("end")
    if not (isinstance(start, int) and isinstance(end, int)):
        return link
    if any(sp[0] < end and start < sp[1] for sp in spans):
        return {**link, "named": True}
    return link


def _root_labels(conn: Connection, roots: set[str]) -> dict[str, tuple[str | None, str]]:
    """Per first copy: its outlet, and words to name it when it has none."""
    d = s.documents.c
    out: dict[str, tuple[str | None, str]] = {}
    for chunk in chunked(sorted(roots)):
        for r in conn.execute(select(d.id, d.site, d.url, d.title).where(d.id.in_(chunk))):
            host = urlsplit(r.url).hostname if r.url else None
            title = " ".join((r.title or "").split())[:80]
            label = host or (f"an unnamed page ({title})" if title else "an unnamed page")
            out[r.id] = (r.site, label)
    return out


def load_claims(conn: Connection, mention_ids: Sequence[str]) -> dict[str, list[ClaimView]]:
    """Claims by event mention id, with each document's first copy for syndicated text, and
    only the links of their chains that are recognisable sources."""
    c = s.claims.c  # only what a ClaimView reads: the hedges stay put
    query = select(
        c.id, c.document_id, c.event_mention_id, c.outlet, c.chain, c.stance, c.sentence_text,
        s.documents.c.duplicate_of,
    ).join(s.documents, s.documents.c.id == c.document_id)  # fmt: skip
    rows = [
        r
        for chunk in chunked(sorted(mention_ids))
        for r in conn.execute(query.where(s.claims.c.event_mention_id.in_(chunk)))
    ]
    roots = _root_labels(conn, {r.duplicate_of or r.document_id for r in rows})
    spans = _labels(conn, {r.document_id for r in rows})
    out: dict[str, list[ClaimView]] = {}
    for r in rows:
        root = r.duplicate_of or r.document_id
        site, label = roots.get(root, (None, "an unnamed page"))
        found = spans.get(r.document_id, [])
        chain = tuple(_with_names(link, found) for link in r.chain if is_source(link, found))
        view = ClaimView(
            r.id, r.document_id, root, r.outlet, chain, r.stance, site or r.outlet, label,
            copy_key(r.sentence_text),
        )  # fmt: skip
        out.setdefault(r.event_mention_id, []).append(view)
    return out


def load_judgements(conn: Connection) -> list[AnalystJudgement]:
    """The analyst's event groupings, from the ledger of decisions (`sitrep.ledger`)."""
    from sitrep.ledger import event_groupings

    return [AnalystJudgement(action, mentions) for action, mentions in event_groupings(conn)]


def _plural_noun(form: str, trigger: Trigger) -> bool:
    """ "attacks", "air strikes": a nominal trigger in the plural (the schema's word is the
    singular)."""
    low = form.lower()
    return trigger.pos == "noun" and low != trigger.word and low.endswith("s")
