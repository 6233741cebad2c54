"""`ftm`: FollowTheMoney entities as JSON lines, ready for Aleph (`ftm` / `alephclient`).

Actors become Person / Organization / PublicBody / LegalEntity, places Address, documents
Article, events Event (with `involved`, `organizer`, `addressEntity` and `proof`); the links
between them are FtM's own interval schemata: Documentation (an event documented by a claim in
an article), Mention (an entity named in an article), and, for positions and affiliations (the
pack's and the reports', `sitrep.export.relations`), Occupancy of a Position, Employment and
Membership, so Aleph draws a commander to his force. Entities are built and cleaned by the
followthemoney library itself, so the output is what Aleph expects.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Mapping
from typing import TYPE_CHECKING, Any, BinaryIO

from sitrep.errors import ConfigError
from sitrep.export import data
from sitrep.read.claims import claims_by_event
from sitrep.read.documents import document_rows
from sitrep.read.entities import entities_with_aliases, resolved_mentions
from sitrep.read.events import EventFilter, list_events
from sitrep.read.records import DocumentRow, MentionRow
from sitrep.store import Store

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy

SCHEMA_OF_TYPE = {
    "person": "Person",
    "group": "Organization",
    "media": "Organization",
    "state_body": "PublicBody",
    "state": "LegalEntity",  # FtM has no country schema: a state is a legal entity
}
PLACE_SCHEMA = "Address"


def _model() -> Any:
    try:
        from followthemoney import model
    except ImportError as error:  # an optional dependency: say how to get it
        raise ConfigError(
            "the ftm export needs the followthemoney library", hint="pip install followthemoney"
        ) from error
    return model


def ftm_id(kind: str, key: str) -> str:
    """FtM ids are [A-Za-z0-9.-]: hash ours (which have underscores) into that alphabet."""
    entity = _model().make_entity("Thing")
    entity.make_id("sitrep", kind, key)
    return str(entity.id)


def _make(schema: str, kind: str, key: str) -> EntityProxy:
    entity = _model().make_entity(schema)
    entity.id = ftm_id(kind, key)
    return entity  # type: ignore[no-any-return]


def schema_of(row: data.EntityRow) -> str:
    """The FtM schema an entity is exported as."""
    if str(row["type"]).lower() in data.PLACE_TYPES:
        return PLACE_SCHEMA
    return SCHEMA_OF_TYPE.get(row["type"], "LegalEntity")


def is_organization(row: data.EntityRow) -> bool:
    """Whether the entity can be an employer or a Membership's organisation in FtM (an
    Organization or a PublicBody; a state, a LegalEntity, cannot)."""
    return bool(_model().get(schema_of(row)).is_a(_model().get("Organization")))


def entity_proxy(row: data.EntityRow) -> EntityProxy:
    schema = schema_of(row)
    is_place = schema == PLACE_SCHEMA
    proxy = _make(schema, "entity", row["id"])
    proxy.add("name", row["name"])
    proxy.add("country", row.get("country"), quiet=True)
    proxy.add("wikidataId", row.get("wikidata"), quiet=True)
    attributes = row.get("attributes") or {}
    if is_place:
        proxy.add("full", row["name"])
        proxy.add("latitude", row.get("lat"), quiet=True)
        proxy.add("longitude", row.get("lon"), quiet=True)
    else:
        proxy.add("alias", [a for a in row.get("aliases", []) if a != row["name"]], quiet=True)
        proxy.add("description", attributes.get("description"), quiet=True)
    if schema == "Person":
        for position in attributes.get("positions") or []:
            proxy.add("position", _position_text(position), quiet=True)
    return proxy


def _position_text(position: Any) -> str:
    if not isinstance(position, dict):
        return str(position)
    years = "–".join(str(position[k]) for k in ("start", "end") if position.get(k))
    text = " ".join(str(position[k]) for k in ("title", "org") if position.get(k))
    return f"{text} ({years})" if years else text


def membership_proxies(
    row: data.EntityRow,
    known: dict[str, data.EntityRow],
    linked: Collection[tuple[str, str]] = (),
    orgs: Mapping[str, str] | None = None,
) -> Iterator[EntityProxy]:
    """The entity's own affiliations (member of, part of, under: Membership) and, for a
    person, positions (Employment) as its attributes record them (the pack's), with an
    organisation the store holds, named by id or pack id (`orgs`: `org_index`). Only where
    no relation already links the two (`linked`: subject and object ids), so a link the
    relations export is not written twice; these are a store's without relations."""
    from sitrep.corroborate.relations import PACK_RELATIONS

    orgs = org_index(known) if orgs is None else orgs
    attributes = row.get("attributes") or {}

    def organisation(link: Any) -> str | None:
        org = orgs.get(str(link.get("org"))) if isinstance(link, dict) else None
        if org is None or (row["id"], org) in linked or not is_organization(known[org]):
            return None
        return org

    for link in attributes.get("affiliations") or []:
        kind = PACK_RELATIONS.get(str(link.get("relation")), ("", False))[0]
        if kind not in ("member-of", "under") or (org := organisation(link)) is None:
            continue  # an alliance or a rivalry is no membership
        proxy = _make("Membership", "membership", f"{row['id']}|{org}")
        proxy.add("member", ftm_id("entity", row["id"]))
        proxy.add("organization", ftm_id("entity", org))
        proxy.add("role", link.get("relation"), quiet=True)
        _pack_interval(proxy, link)
        yield proxy
    if schema_of(row) != "Person":
        return
    for position in attributes.get("positions") or []:
        if (org := organisation(position)) is None:
            continue
        title = position.get("title") or "position"
        proxy = _make("Employment", "employment", f"{row['id']}|{org}|{title}")
        proxy.add("employee", ftm_id("entity", row["id"]))
        proxy.add("employer", ftm_id("entity", org))
        proxy.add("role", title)
        _pack_interval(proxy, position)
        yield proxy


def _pack_interval(proxy: EntityProxy, link: Mapping[str, Any]) -> None:
    proxy.add("startDate", link.get("start"), quiet=True)
    proxy.add("endDate", link.get("end"), quiet=True)
    proxy.add("publisher", link.get("source"), quiet=True)
    proxy.add("summary", "the domain pack")


def org_index(known: Mapping[str, data.EntityRow]) -> dict[str, str]:
    """Entity ids by the ids a pack's attributes name organisations with: their own, and
    their pack id (a pack actor's entity is `pk_<pack id>`)."""
    index = {entity_id: entity_id for entity_id in known}
    for entity_id, row in known.items():
        if row.get("pack_id"):
            index.setdefault(str(row["pack_id"]), entity_id)
    return index


def document_proxy(row: DocumentRow) -> EntityProxy:
    proxy = _make("Article", "document", row["id"])
    proxy.add("title", row.get("title") or row["origin"])
    proxy.add("sourceUrl", row.get("url"), quiet=True)
    proxy.add("publishedAt", row.get("published"), quiet=True)
    proxy.add("publisher", row.get("site"), quiet=True)
    proxy.add("author", row.get("author"), quiet=True)
    proxy.add("language", row.get("language"), quiet=True)
    proxy.add("bodyText", row.get("text"), quiet=True)
    return proxy


def event_proxies(
    event: data.EventRow, claims: list[data.ClaimRow], known: dict[str, data.EntityRow]
) -> Iterator[EntityProxy]:
    proxy = _make("Event", "event", event["id"])
    place = data.event_place(event, known)
    proxy.add("name", event.get("summary") or event["type"])
    proxy.add("summary", event.get("summary"), quiet=True)
    proxy.add("description", f"{event['status']}: {event.get('status_reason') or ''}".strip())
    proxy.add("keywords", [event["type"], event.get("mode")], quiet=True)
    proxy.add("startDate", event.get("time_start"), quiet=True)
    proxy.add("endDate", event.get("time_end"), quiet=True)
    proxy.add("location", place.name, quiet=True)
    proxy.add("country", place.country, quiet=True)
    if place.entity_id:
        proxy.add("addressEntity", ftm_id("entity", place.entity_id))
    for participant in data.participants(event):
        if (entity_id := participant.get("entity_id")) is not None and entity_id in known:
            proxy.add("involved", ftm_id("entity", entity_id))
    for participant in data.participants(event, "actor"):
        if (entity_id := participant.get("entity_id")) is not None and entity_id in known:
            proxy.add("organizer", ftm_id("entity", entity_id))
    proxy.add("proof", [ftm_id("document", c["document_id"]) for c in claims], quiet=True)
    yield proxy
    for claim in claims:
        yield documentation_proxy(event, claim)


def documentation_proxy(event: data.EventRow, claim: data.ClaimRow) -> EntityProxy:
    """A claim: this article documents this event, with the stance and the sentence quoted."""
    proxy = _make("Documentation", "claim", claim["id"])
    proxy.add("entity", ftm_id("event", event["id"]))
    proxy.add("document", ftm_id("document", claim["document_id"]))
    hedged = " (hedged)" if claim.get("hedged") else ""
    proxy.add("role", f"{claim['stance']}{hedged}")
    proxy.add("summary", claim.get("sentence_text"), quiet=True)
    proxy.add("publisher", claim.get("outlet"), quiet=True)
    proxy.add("date", claim.get("document_published"), quiet=True)
    return proxy


def mention_proxy(mention: MentionRow, known: dict[str, data.EntityRow]) -> EntityProxy:
    entity = known[mention["entity_id"]]
    proxy = _make("Mention", "mention", mention["id"])
    proxy.add("name", mention["text"])
    proxy.add("document", ftm_id("document", mention["document_id"]))
    proxy.add("resolved", ftm_id("entity", entity["id"]))
    proxy.add("detectedSchema", entity_proxy(entity).schema.name)
    return proxy


def iter_proxies(store: Store, options: Mapping[str, Any]) -> Iterator[EntityProxy]:
    from sitrep.export.relations import AFFILIATIONS, POSITIONS, relation_proxies
    from sitrep.read.relations import relations_of

    with store.read() as conn:
        known = entities_with_aliases(conn)
        rels = relations_of(conn)
        kinds = POSITIONS + AFFILIATIONS
        linked = {
            (r["subject_entity_id"], r["object_entity_id"]) for r in rels if r["type"] in kinds
        }
        orgs = org_index(known)
        for row in known.values():
            yield entity_proxy(row)
            yield from membership_proxies(row, known, linked, orgs)
        for document in document_rows(conn, with_text=bool(options.get("text", True))):
            yield document_proxy(document)
        claims = claims_by_event(conn)
        for event in list_events(conn, EventFilter.of(dict(options))):
            yield from event_proxies(event, claims.get(event["id"], []), known)
        for mention in resolved_mentions(conn):
            if mention["entity_id"] in known:
                yield mention_proxy(mention, known)
        yield from relation_proxies(conn, known, rels)


class FtmExporter:
    name = "ftm"
    media_type = "application/x-ndjson"
    suffix = ".ftm.json"

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        count = 0
        for proxy in iter_proxies(store, options):
            out.write((json.dumps(proxy.to_dict(), ensure_ascii=False) + "\n").encode("utf-8"))
            count += 1
        return count
