"""Read what corroboration needs from the store: mention views, claim views, judgements."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, func, select

from sitrep.corroborate.cluster import AnalystJudgement
from sitrep.corroborate.compat import MentionView
from sitrep.corroborate.origins import AGAINST, ClaimView, copy_key, name_key
from sitrep.extract.relcues import load_relation_cues
from sitrep.extract.schema import Trigger, load_claim_cues, load_event_schema
from sitrep.records import REPORT_DATED_METHODS
from sitrep.resolve.ids import pack_entity_id
from sitrep.store import chunked, entity_types
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
    kinds = entity_types(conn, resolved.values())
    return [_view(r, resolved, places, kinds) for r in rows]


def _reports(conn: Connection, doc_ids: set[str]) -> dict[str, tuple[str | None, str]]:
    """Each document's publication date (the day its report was told), and the first copy of
    its text (itself, or the document it is a near-duplicate of). A copy that gives no date of
    its own takes the earliest its other copies give: one text, told once (a page saved
    without its date line is still that day's report, and no happening it tells can come
    after the first copy of it)."""
    d = s.documents.c
    query = select(d.id, d.published, d.duplicate_of)
    rows = {
        r.id: (r.published or None, r.duplicate_of or r.id)
        for chunk in chunked(sorted(doc_ids))
        for r in conn.execute(query.where(d.id.in_(chunk)))
    }
    undated = sorted({root for (day, root) in rows.values() if day is None})
    first: dict[str, str] = {}
    for chunk in chunked(undated):
        copies = select(d.id, d.duplicate_of, d.published).where(
            d.published.is_not(None), d.id.in_(chunk) | d.duplicate_of.in_(chunk)
        )
        for r in conn.execute(copies):
            root = r.duplicate_of or r.id
            if r.published and (root not in first or r.published < first[root]):
                first[root] = r.published
    return {doc: (day or first.get(root), root) for doc, (day, root) in rows.items()}


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
    place_key = place_name = country = within = region = None
    is_country = names_region = False
    p = row["place"]
    place_id = row["place_entity_id"] or resolved.get((doc_id, p["start"], p["end"])) if p else None
    info = places.get(place_id or "")
    if p and not (info and info.get("type") not in WHERE_TYPES):
        # (a place that resolution knows as a person or a group is no place: "in Soleimani")
        place_name = str(p["text"])
        if info:
            country, is_country = info.get("country"), info.get("precision") == "country"
            attributes = info.get("attributes") or {}
            within = attributes.get("within_entity_id")
            region, names_region = _governorate(info, attributes, place_id or "")
        place_key = place_id or "name:" + name_key(place_name)
    start, end, precision, reported = _compared_time(row)
    return MentionView(
        id=row["id"], doc_id=doc_id, type=row["type"], mode=row["mode"],
        entities=frozenset(names.keys() - where), names=names, roles=roles,
        people=frozenset(people), states=frozenset(states), groups=frozenset(groups),
        unnamed=tuple(unnamed),
        place=place_key, place_name=place_name, place_country=country, place_is_country=is_country,
        place_within=within, place_region=region, place_names_region=names_region,
        time_start=start, time_end=end, time_precision=precision, reported=reported,
        time_method=_time_method(row["time"]),
        casualties=row["casualties"],
        published=row["published"], text_root=row.get("text_root") or doc_id,
        trigger=row.get("trigger") or "",
        family=row["family"], denies=row["denies"],
        month_day=_month_day(row["time"]), sentence=row.get("sentence"),
        toll=row.get("toll", False), retells=row.get("retells"), plural=row.get("plural", False),
    )  # fmt: skip


def _governorate(
    info: dict[str, Any], attributes: dict[str, Any], entity_id: str
) -> tuple[str | None, bool]:
    """The governorate a place lies in ("SY:Idlib", from the gazetteer's admin1), and whether
    its name may be the governorate's: the governorate itself, or the city it is named after
    ("in Idlib" is the province as often as the city; a report on Khan Sheikhoun's gas attack
    says "a town in Idlib")."""
    admin1, country = attributes.get("admin1"), info.get("country")
    if not (admin1 and country) or info.get("precision") == "country":
        return None, False
    if info.get("precision") == "region":
        return f"{country}:{admin1}", entity_id in _governorate_ids()
    named = name_key(str(info.get("name") or "")) == name_key(str(admin1))
    return f"{country}:{admin1}", named and entity_id.startswith("gn_")


@lru_cache(maxsize=1)
def _governorate_ids() -> frozenset[str]:
    """The pack's regions that are whole governorates (a sub-region, "Eastern Ghouta", is
    not: a town elsewhere in its governorate is not in it)."""
    from sitrep.errors import SitrepError
    from sitrep.pack.active import active_pack
    from sitrep.resolve.ids import place_entity_id

    try:
        regions = active_pack().regions
    except SitrepError:
        return frozenset()
    return frozenset(
        place_entity_id(None, r.id, r.name)
        for r in regions
        if r.geonames_admin1 and r.within is None
    )


def _time_method(time: Any) -> str | None:
    """How extraction worked the mention's time out, as it stored it (None: no time)."""
    method = time.get("method") if isinstance(time, dict) else None
    return method if isinstance(method, str) and method else None


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
    only the links of their chains that are recognisable sources, each marked with the voice
    it is (`_voices`)."""
    c = s.claims.c  # only what a ClaimView reads: the hedges stay put
    query = select(
        c.id, c.document_id, c.event_mention_id, c.outlet, c.chain, c.stance, c.sentence_text,
        s.documents.c.duplicate_of, s.documents.c.published,
    ).join(s.documents, s.documents.c.id == c.document_id)  # fmt: skip
    rows = [
        r
        for chunk in chunked(sorted(mention_ids))
        for r in conn.execute(query.where(s.claims.c.event_mention_id.in_(chunk)))
    ]
    roots = _root_labels(conn, {r.duplicate_of or r.document_id for r in rows})
    docs = {r.document_id for r in rows}
    spans = _labels(conn, docs)
    voices = _Voices.load(conn, docs)

    def spoken(r: Any) -> str:  # the outlet whose voice the document is (`origins._voice`)
        root = r.duplicate_of or r.document_id
        return str(
            (roots.get(root, (None, ""))[0] or r.outlet)
            if root != r.document_id
            else r.outlet or ""
        )

    outlets = _outlet_entities(conn, {spoken(r) for r in rows})
    out: dict[str, list[ClaimView]] = {}
    for r in rows:
        root = r.duplicate_of or r.document_id
        site, label = roots.get(root, (None, "an unnamed page"))
        found = spans.get(r.document_id, [])
        chain = tuple(
            voices.mark(_with_names(link, found), r.document_id, r.published)
            for link in r.chain
            if is_source(link, found)
        )
        view = ClaimView(
            r.id, r.document_id, root, r.outlet, chain, r.stance, site or r.outlet, label,
            copy_key(r.sentence_text), outlets.get(spoken(r).strip().lower(), ()),
        )  # fmt: skip
        out.setdefault(r.event_mention_id, []).append(view)
    return out


@dataclass
class VoiceMarks:
    """Who the sources of some documents' claims are (`_Voices`) and the bodies their outlets
    are (`_outlet_entities`), for claims read apart from `load_claims`: a relation's claims
    count their voices as an event's do."""

    voices: _Voices
    outlets: dict[str, tuple[str, ...]]

    @classmethod
    def load(cls, conn: Connection, doc_ids: set[str], outlets: set[str]) -> VoiceMarks:
        return cls(_Voices.load(conn, doc_ids), _outlet_entities(conn, outlets))

    def chain(
        self, chain: Sequence[dict[str, Any]], doc_id: str, published: str | None
    ) -> tuple[dict[str, Any], ...]:
        return tuple(self.voices.mark(link, doc_id, published) for link in chain)

    def outlet(self, outlet: str) -> tuple[str, ...]:
        return self.outlets.get(outlet.strip().lower(), ())


# What a source can speak for, by the type resolution gave its entity: an organisation, a state
# body, a medium, an armed group. A state or a place is no one voice ("Syrian" is a nationality,
# the army and the state agency are two bodies of one state, kept apart).
BODY_TYPES = frozenset({"org", "state_body", "media", "group"})
SPEAKER_TYPES = BODY_TYPES | {"person"}
# A person's tie to a body that makes what they say the body's word: an office in it ("the
# Observatory's director", "spokesman for the ministry"), its command, its membership.
VOICE_RELATIONS = ("holds-position", "commands", "member-of")
UNTITLED = {"holds-position": "official", "commands": "head", "member-of": "member"}

Speaker = tuple[int, int, str, str, str]  # start, end, entity id, its type, its name


@dataclass
class _Voices:
    """Who a document's sources are: the entities resolution found in each source's words, and
    the bodies the people among them speak for, from the document's own words (its relation
    mentions, "Rami Abdel Rahman, the Observatory's director"; a body named before a person's
    title, "Kremlin spokesman Dmitry Peskov") and from the pack's positions and affiliations
    kept on the person's entity. Only the claim's own document and the pack are read, never
    another report: an event's origins are then the same however many runs built it."""

    speakers: dict[str, list[Speaker]]
    bodies: dict[str, dict[str, list[tuple[str, str, str]]]]  # doc -> person -> body, name, title
    # person -> the pack's ties: entity, name, title, type, from, until
    known: dict[str, list[tuple[str, str, str, str, str | None, str | None]]]
    # doc -> the bodies it cites by name as where a claim (of any event) comes from: a chain's
    # last link, not one that relays it ("the Observatory told AFP")
    cited: dict[str, set[str]]

    def bodies_named(self, link: dict[str, Any], doc_id: str) -> set[str]:
        """The bodies a link names, or that the people it names speak for (by the report)."""
        start, end = link.get("start"), link.get("end")
        if link.get("kind") == "outlet" or not (isinstance(start, int) and isinstance(end, int)):
            return set()
        found = self.speakers.get(doc_id, [])
        inside = [sp for sp in found if sp[0] < end and start < sp[1]]
        stated = self.bodies.get(doc_id, {})
        # a body named by one word of another's name is that one ("Observatory")
        named = {
            (_body_named_by(sp[4], found) if len(sp[4].split()) == 1 else None) or sp[2]
            for sp in inside
            if sp[3] in BODY_TYPES
        }
        return named | {
            body for sp in inside if sp[3] == "person" for body, _n, _t in stated.get(sp[2], [])
        }

    @classmethod
    def load(cls, conn: Connection, doc_ids: set[str]) -> _Voices:
        m, e = s.mentions.c, s.entities.c
        query = (
            select(
                m.document_id, m.start, m.end, m.entity_id, m.title, e.type, e.name, e.attributes
            )
            .join(s.entities, e.id == m.entity_id)
            .where(e.type.in_(sorted(SPEAKER_TYPES)))
        )
        speakers: dict[str, list[Speaker]] = defaultdict(list)
        attributes: dict[str, dict[str, Any]] = {}
        for chunk in chunked(sorted(doc_ids)):
            for r in conn.execute(query.where(m.document_id.in_(chunk))):
                speakers[r.document_id].append((r.start, r.end, r.entity_id, r.type, r.name))
                if r.type == "person":
                    attributes[r.entity_id] = r.attributes or {}
        chains = _chains(conn, doc_ids)
        # the people a source link names, of an event's claim or a relation's (a report may
        # cite its source only for a relation: "Observatory director Rami Abdel Rahman said
        # Ibrahim Aqil, the commander of ..."): only their titles are read in the text
        told = _relation_chains(conn, doc_ids)
        titled: dict[str, list[Speaker]] = {
            doc_id: people
            for doc_id in set(chains) | set(told)
            if (people := _people_in(speakers.get(doc_id, []), chains[doc_id] + told[doc_id]))
        }
        bodies = _stated_bodies(conn, doc_ids, speakers)
        heads = load_relation_cues().position_heads
        texts = _texts(conn, set(titled))
        for doc_id, people in titled.items():
            found, text = speakers[doc_id], texts.get(doc_id, "")
            for person in people:
                titled_body = _titled_body(person, found, text, heads)
                held = bodies[doc_id][person[2]]
                if titled_body is not None and all(b != titled_body[0][2] for b, _n, _t in held):
                    body, title = titled_body  # the nearest words: before what a parse made of it
                    held.insert(0, (body[2], body[4], title))
        voices = cls(speakers, bodies, _pack_bodies(conn, attributes), {})
        voices.cited = {
            doc_id: {
                body
                for chain in found
                if (cited := [link for link in chain if link.get("kind") != "outlet"])
                for body in voices.bodies_named(cited[-1], doc_id)
            }
            for doc_id, found in chains.items()
        }
        return voices

    def mark(self, link: dict[str, Any], doc_id: str, published: str | None) -> dict[str, Any]:
        """The link with `aka` (tokens of the entities it names and the bodies they speak
        for; `origins.aliases`) and `speaks_for` (the body a person named in it speaks for,
        to show)."""
        start, end = link.get("start"), link.get("end")
        if link.get("kind") == "outlet" or not (isinstance(start, int) and isinstance(end, int)):
            return link
        found = self.speakers.get(doc_id, [])
        inside = [sp for sp in found if sp[0] < end and start < sp[1]]
        aka = {"entity:" + sp[2] for sp in inside}
        short = _short_reference(str(link.get("name") or ""), inside, found)
        if short is not None:
            aka.add("entity:" + short)
        cited = self.cited.get(doc_id, set())
        if not inside and len(cited) == 1 and _describes_a_body(str(link.get("name") or "")):
            # "… killed 27 people, a monitoring group said. The Syrian Observatory for Human
            # Rights said …": an organisation the report describes without naming it is the
            # one body it names as a source
            aka.add("entity:" + next(iter(cited)))
        speaks_for: dict[str, str] | None = None
        for sp in inside:
            if sp[3] != "person":
                continue
            stated = self.bodies.get(doc_id, {}).get(sp[2], [])
            held = [
                (b, n, t, kind)
                for b, n, t, kind, lo, hi in self.known.get(sp[2], [])
                if _held(published, lo, hi)
            ]
            # A head of state or government (the pack's office in a state) speaks for the state,
            # not for one of its bodies: "Syrian army President Assad" in text without commas
            # is no army spokesman. Kept as their own origin.
            if any(kind == "state" for *_b, kind in held):
                continue
            for body, name, title in [*stated, *(h[:3] for h in held)]:
                aka.add("entity:" + body)
                if speaks_for is None:
                    speaks_for = {"entity": body, "name": name, "title": _title_words(title, name)}
        if not aka:
            return link
        marked = {**link, "aka": sorted(aka)}
        if speaks_for is not None and not any(sp[3] in BODY_TYPES for sp in inside):
            marked["speaks_for"] = speaks_for
        return marked


def _held(published: str | None, start: str | None, end: str | None) -> bool:
    """Was a position held when the report was published (ISO dates, any precision)? An
    undated report or position counts as held."""
    if not published:
        return True
    day = published[:10]  # compared at each bound's own precision ("2008" holds all 2008)
    return not (start and day[: len(start)] < start) and not (end and day[: len(end)] > end)


def _titled_body(
    person: Speaker, found: list[Speaker], text: str, heads: frozenset[str]
) -> tuple[Speaker, str] | None:
    """The body a person's title next to their name ties them to, and the title: before the
    name, "Kremlin spokesman Dmitry Peskov", "Observatory head Rami Abdel Rahman" (a body's
    mention, else a word of one body's name, just before the title); after it, "Rami Abdel
    Rahman, head of the Syrian Observatory" (the body's mention just after "of" or "for").
    The title's word is one of the relation cues' position heads; a state is no body."""
    before = list(re.finditer(r"[^\W\d_][\w'’.-]*", text[max(0, person[0] - 60) : person[0]]))
    offset = max(0, person[0] - 60)
    for i in range(len(before) - 1, max(len(before) - 4, 0), -1):
        word = before[i].group().rstrip(".")
        if word.lower() in heads:
            if not all(w.group()[0].isupper() for w in before[i + 1 :]):
                break  # "the head of state said Assad": no title on the name
            cut = offset + before[i - 1].end()
            mention = [sp for sp in found if cut - 3 <= sp[1] <= cut and sp[3] != "person"]
            if mention:
                body = max(mention, key=lambda sp: (sp[1], sp[2]))
            else:
                named = _body_named_by(re.sub(r"['’]?s$", "", before[i - 1].group()), found)
                named = named or _body_named_by(before[i - 1].group(), found)
                body = next((sp for sp in found if sp[2] == named), None)  # type: ignore[assignment]
            if body is not None and body[3] in BODY_TYPES:
                return body, word.lower()
            break
    after = re.match(
        r"[\s,]*(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?([\w-]+)\s+(?:of|for|at)\s+(?:the\s+)?",
        text[person[1] : person[1] + 80],
    )
    if after is None or after.group(1).lower() not in heads:
        return None
    at = person[1] + after.end()
    body = next((sp for sp in found if sp[0] == at), None)  # type: ignore[assignment]
    if body is not None and body[3] in BODY_TYPES:
        return body, after.group(1).lower()
    return None


def _head_word(title: str) -> str:
    """A title as the text gives it, by its last word: "wounded Observatory chief" is a chief,
    "Executive Director" a director (what the relation stage keeps may carry words round it)."""
    words = re.findall(r"[^\W\d_][\w'-]*", title)
    return words[-1].lower() if words else ""


def _title_words(title: str, body: str) -> str:
    """A role's title without the body's own name in it ("Observatory chief" -> "chief")."""
    named = {w.lower() for w in re.findall(r"\w+", body)}
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", title) if w.lower() not in named]
    return " ".join(words).lower()


_DETERMINER = re.compile(r"(?i)^(the|a|an)\s+")


def _describes_a_body(name: str) -> bool:
    """ "a monitoring group", "The Britain-based watchdog": an article, then words whose last
    is the head noun of an organisation (the claim cues' `body_nouns`)."""
    words = re.findall(r"[^\W\d_][\w'-]*", name.lower())
    nouns = load_claim_cues().body_nouns
    return len(words) >= 2 and words[0] in ("a", "an", "the") and words[-1] in nouns


def _chains(conn: Connection, doc_ids: set[str]) -> dict[str, list[list[dict[str, Any]]]]:
    """Per report, the source chains of all its claims (in any event)."""
    c = s.claims.c
    out: dict[str, list[list[dict[str, Any]]]] = defaultdict(list)
    for chunk in chunked(sorted(doc_ids)):
        for r in conn.execute(select(c.document_id, c.chain).where(c.document_id.in_(chunk))):
            out[r.document_id].append(list(r.chain))
    return out


def _relation_chains(conn: Connection, doc_ids: set[str]) -> dict[str, list[list[dict[str, Any]]]]:
    """Per report, the source chains of its relation mentions' claims. Read only for the people
    they name, not for the bodies a report cites (`_Voices.cited`): the relation stage's
    chains carry more noise, and one more body cited would leave a description ("an activist
    group") untied to the one the report names."""
    rm = s.relation_mentions.c
    out: dict[str, list[list[dict[str, Any]]]] = defaultdict(list)
    for chunk in chunked(sorted(doc_ids)):
        for r in conn.execute(select(rm.document_id, rm.claim).where(rm.document_id.in_(chunk))):
            out[r.document_id].append(list((r.claim or {}).get("chain") or []))
    return out


def _people_in(found: list[Speaker], chains: list[list[dict[str, Any]]]) -> list[Speaker]:
    """Every mention of the people a report's source links name (the title may stand by
    another mention: "Rami Abdel Rahman, head of the Observatory, said" before "Abdel Rahman
    added")."""
    spans = [
        (link["start"], link["end"])
        for chain in chains
        for link in chain
        if isinstance(link.get("start"), int) and isinstance(link.get("end"), int)
    ]
    people = [sp for sp in found if sp[3] == "person"]
    named = {sp[2] for sp in people if any(a < sp[1] and sp[0] < b for a, b in spans)}
    return [sp for sp in people if sp[2] in named]


def _short_reference(name: str, inside: list[Speaker], found: list[Speaker]) -> str | None:
    """A body a one-word name refers back to: "the Observatory" in a report that names "the
    Syrian Observatory for Human Rights" is it (a definite short form of a longer name), when
    one body only of the report has that word in its name. The one word is the link's own
    ("the observatory") or its entity's (resolution made "Observatory" an entity of its own)."""
    words = re.findall(r"[^\W\d_][\w'-]*", _DETERMINER.sub("", name.strip()))
    if len(words) != 1 or any(sp[3] == "person" or len(sp[4].split()) > 1 for sp in inside):
        return None
    return _body_named_by(words[0], found)


def _body_named_by(word: str, found: list[Speaker]) -> str | None:
    """The one body of a report whose name (of two words or more) has this word in it."""
    low = word.lower()
    bodies = {
        sp[2]
        for sp in found
        if sp[3] in BODY_TYPES
        and len(sp[4].split()) > 1
        and low in {w.lower() for w in re.findall(r"\w+", sp[4])}
    }
    return bodies.pop() if len(bodies) == 1 else None


def _word_before_title(text: str, start: int, title: str) -> str | None:
    """The word just before a person's title ("Observatory" in "Observatory director Rami
    Abdel Rahman"), without a possessive ("the Observatory's director")."""
    before = text[max(0, start - len(title) - 40) : start].rstrip()
    if not before.lower().endswith(title.lower()):
        return None
    words = re.findall(r"[^\W\d_][\w'’-]*", before[: len(before) - len(title)])
    if not words:
        return None
    return re.sub(r"['’]s$", "", words[-1])


def _texts(conn: Connection, doc_ids: set[str]) -> dict[str, str]:
    d = s.documents.c
    return {
        r.id: r.text
        for chunk in chunked(sorted(doc_ids))
        for r in conn.execute(select(d.id, d.text).where(d.id.in_(chunk)))
    }


def _stated_bodies(
    conn: Connection, doc_ids: set[str], speakers: dict[str, list[Speaker]]
) -> dict[str, dict[str, list[tuple[str, str, str]]]]:
    """Per document, per person: the bodies its text gives them an office in, a command of or
    membership of (its relation mentions, both ends read at the entities found there)."""
    rm = s.relation_mentions.c
    query = select(rm.document_id, rm.type, rm.subject, rm.object, rm.title).where(
        rm.type.in_(VOICE_RELATIONS)
    )
    out: dict[str, dict[str, list[tuple[str, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for chunk in chunked(sorted(doc_ids)):
        for r in conn.execute(query.where(rm.document_id.in_(chunk))):
            found = speakers.get(r.document_id, [])
            person = _entity_at(r.subject, found)
            body = _entity_at(r.object, found)
            if person is None or body is None or person[3] != "person" or body[3] not in BODY_TYPES:
                continue
            held = out[r.document_id][person[2]]
            if all(b != body[2] for b, _n, _t in held):
                title = _head_word(str(r.title or "")) or UNTITLED[r.type]
                held.append((body[2], body[4], title))
    return out


def _entity_at(end: dict[str, Any], found: list[Speaker]) -> Speaker | None:
    """The entity a relation's end names: the longest mention inside its span, else the one
    overlapping it most."""
    lo, hi = int(end.get("start", -1)), int(end.get("end", -1))
    inside = [sp for sp in found if lo <= sp[0] and sp[1] <= hi]
    if inside:
        return max(inside, key=lambda sp: (sp[1] - sp[0], sp[2]))
    overlap = [sp for sp in found if sp[0] < hi and lo < sp[1]]
    return max(overlap, key=lambda sp: (min(sp[1], hi) - max(sp[0], lo), sp[2]), default=None)


def _pack_bodies(
    conn: Connection, attributes: dict[str, dict[str, Any]]
) -> dict[str, list[tuple[str, str, str, str, str | None, str | None]]]:
    """Per person entity: the bodies (and states) its pack record gives it positions in or
    affiliations with (entity, its name, the title, its type, from, until)."""
    ties: dict[str, list[tuple[str, str, str | None, str | None]]] = {}
    for person, attrs in attributes.items():
        held = [
            (pack_entity_id(str(p["org"])), str(p.get("title") or ""), p.get("start"), p.get("end"))
            for p in [*(attrs.get("positions") or []), *(attrs.get("affiliations") or [])]
            if isinstance(p, dict) and p.get("org")
        ]
        if held:
            ties[person] = held
    e = s.entities.c
    ids = sorted({body for held in ties.values() for body, *_rest in held})
    names = {
        r.id: (r.name, r.type)
        for chunk in chunked(ids)
        for r in conn.execute(select(e.id, e.name, e.type).where(e.id.in_(chunk)))
        if r.type in BODY_TYPES or r.type == "state"
    }
    return {
        person: [(b, names[b][0], t, names[b][1], lo, hi) for b, t, lo, hi in held if b in names]
        for person, held in ties.items()
    }


def _outlet_entities(conn: Connection, outlets: set[str]) -> dict[str, tuple[str, ...]]:
    """An outlet's name (lower case) -> tokens of the bodies it is by name or alias ("sana" is
    the Syrian Arab News Agency): a report in its voice and another citing it are one origin."""
    lowered = sorted({o.strip().lower() for o in outlets if o.strip()})
    a, e = s.entity_aliases.c, s.entities.c
    out: dict[str, set[str]] = defaultdict(set)
    for chunk in chunked(lowered):
        for r in conn.execute(
            select(a.alias, a.entity_id)
            .join(s.entities, e.id == a.entity_id)
            .where(func.lower(a.alias).in_(chunk), e.type.in_(sorted(BODY_TYPES)))
        ):
            out[r.alias.lower()].add("entity:" + r.entity_id)
        for r in conn.execute(
            select(e.name, e.id).where(
                func.lower(e.name).in_(chunk), e.type.in_(sorted(BODY_TYPES))
            )
        ):
            out[r.name.lower()].add("entity:" + r.id)
    return {name: tuple(sorted(tokens)) for name, tokens in out.items()}


def load_judgements(conn: Connection) -> list[AnalystJudgement]:
    """The analyst's event groupings, from the ledger of decisions (`sitrep.ledger`)."""
    from sitrep.ledger import event_groupings

    return [AnalystJudgement(action, mentions) for action, mentions in event_groupings(conn)]


def _plural_noun(form: str, trigger: Trigger) -> bool:
    """ "attacks", "air strikes": a nominal trigger in the plural (the schema's word is the
    singular)."""
    low = form.lower()
    return trigger.pos == "noun" and low != trigger.word and low.endswith("s")
