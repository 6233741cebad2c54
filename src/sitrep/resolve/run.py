"""Mentions in the store -> canonical entities, incrementally, with every decision explained.

Order: within-document clusters (cluster.py), then each cluster to an entity: the pack (alias
ruler id, exact alias, name key), the gazetteer for places, or an entity outside the pack found
through blocking keys and name keys. A name typed a place in some documents and a person or
group in others then takes the type its evidence gives (crosstype.py), and a place spelt in
several transliterations becomes one entity where that is safe (spellings.py). Analyst merges
and splits are re-applied last, so a re-run never undoes them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Connection, bindparam, select, update

from sitrep import ledger
from sitrep.names import NameKind, NameMatch, blocking_keys, match_names
from sitrep.nlp.types import DIRECTIONS
from sitrep.pack import Pack, load_pack
from sitrep.resolve.capitals import event_parties
from sitrep.resolve.cluster import (
    Cluster,
    acronym_stated,
    building_after,
    clean_name,
    cluster_document,
)
from sitrep.resolve.credits import credit_spans, in_credit
from sitrep.resolve.crosstype import (
    mention_place_cue,
    mention_subject_verb,
    reconcile_types,
    same_name_key,
)
from sitrep.resolve.display import name_by_usage
from sitrep.resolve.eventplaces import locate_event_places
from sitrep.resolve.generic import GenericBodies, owner_word, word_before
from sitrep.resolve.governorates import governorate, near, scan_places
from sitrep.resolve.ids import name_entity_id, pack_entity_id, place_entity_id
from sitrep.resolve.packmatch import PackMatcher
from sitrep.resolve.places import notable_country, resolve_place
from sitrep.resolve.retype import PLACE_LABELS, Retyper
from sitrep.resolve.rows import judgement_row, name_entity_row, pack_entity_row, place_entity_row
from sitrep.resolve.spellings import join_spellings
from sitrep.settings import get_settings
from sitrep.store import Store, insert_ignore, schema


@dataclass
class ResolutionStats:
    documents: int = 0
    mentions: int = 0
    resolved: int = 0
    unresolved: int = 0
    pack_links: int = 0
    name_key_links: int = 0
    places: int = 0
    event_places: int = 0  # events placed by `resolve.eventplaces`
    cross_type_moves: int = 0  # mentions moved by `resolve.crosstype` (one type per name)
    spelling_moves: int = 0  # mentions moved by `resolve.spellings` (one place, many spellings)
    new_entities: int = 0
    renamed: int = 0  # entities now named by the form most of their mentions write
    analyst_judgements_applied: int = 0


@dataclass
class Decision:
    entity_id: str | None
    reason: str
    fuzzy: bool = False  # a name-key decision: logged as a rule judgement


@dataclass
class _Run:
    store: Store
    pack: Pack
    matcher: PackMatcher
    retyper: Retyper
    generic: GenericBodies
    stats: ResolutionStats = field(default_factory=ResolutionStats)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    aliases: dict[tuple[str, str], str] = field(default_factory=dict)
    judgements: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    contexts: dict[str, list[str]] = field(default_factory=dict)  # document -> its countries
    blocks: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # non-pack entities
    # places the gazetteer lacks -> the governorates named near their mentions
    governorates: dict[str, set[str]] = field(default_factory=dict)
    # the document being resolved: its mentions per country, and the pack actors it names
    countries: Counter[str] = field(default_factory=Counter)
    named_actors: set[str] = field(default_factory=set)
    sentence_countries: dict[int, set[str]] = field(default_factory=dict)

    # -- entities outside the pack ----------------------------------------------------------

    def load_blocks(self, conn: Connection) -> None:
        ents, aliases = schema.entities, schema.entity_aliases
        # places too, where the gazetteer does not know them: their spellings vary as much
        query = (
            select(ents.c.id, ents.c.type, aliases.c.alias)
            .join(aliases, aliases.c.entity_id == ents.c.id)
            .where(ents.c.pack_id.is_(None), ents.c.type.in_(["person", "org", "place"]))
            .where((ents.c.type != "place") | ents.c.id.startswith("pl_", autoescape=True))
            .order_by(ents.c.id, aliases.c.alias)
        )
        for entity_id, entity_type, alias in conn.execute(query):
            self.index_name(entity_id, entity_type, alias)
        self.governorates = dict(scan_places(conn, _unlinked_place).governorates)

    def index_name(self, entity_id: str, entity_type: str, name: str) -> None:
        kind: NameKind = "person" if entity_type == "person" else "org"
        for key in blocking_keys(name, kind):
            self.blocks.setdefault(f"{entity_type}|{key}", set()).add((entity_id, name))

    def find_existing(self, name: str, entity_type: str) -> Decision | None:
        kind: NameKind = "person" if entity_type == "person" else "org"
        candidates: set[tuple[str, str]] = set()
        for key in blocking_keys(name, kind):
            candidates |= self.blocks.get(f"{entity_type}|{key}", set())
        scored = []
        for entity_id, alias in sorted(candidates):
            result = match_names(name, alias, kind)
            if result.same and not (
                entity_type == "place" and _loose_for_place(name, alias, result)
            ):
                scored.append((result.score, entity_id, alias, result.reasons))
        if not scored:
            return None
        score, entity_id, alias, reasons = max(scored)
        if any(s >= score - 0.02 and e != entity_id for s, e, _, _ in scored):
            return None  # two entities fit equally: do not guess
        return Decision(entity_id, f"name key ~ {alias!r} ({', '.join(reasons)})", fuzzy=True)

    # -- decisions ----------------------------------------------------------------------------

    def pack_entity(self, actor_id: str, reason: str, fuzzy: bool = False) -> Decision:
        entity_id = pack_entity_id(actor_id)
        if entity_id not in self.entities:
            self.entities[entity_id] = pack_entity_row(self.pack.actors[actor_id], self.pack)
            for text in self.pack.actors[actor_id].all_names:
                self.aliases[(entity_id, text)] = "pack"
        self.stats.pack_links += 1
        return Decision(entity_id, reason, fuzzy)

    def decide_place(
        self, cluster: Cluster, context: Sequence[str], located: Sequence[tuple[int, str]] = ()
    ) -> Decision:
        """`located`: (start, governorate) of the document's gazetteer places."""
        hit = self.matcher.exact_match(cluster.name, "LOC")
        if hit:
            return self.pack_entity(hit.actor.id, "pack state name")
        place = resolve_place(cluster.name, context, small_towns=True)
        self.stats.places += 1
        if place is None:
            entity_id = place_entity_id(None, None, cluster.name)
            here = {g for m in cluster.mentions for g in near(m["start"], located)}
            found = self.find_existing(cluster.name, "place")
            if found and found.entity_id and not self.same_whereabouts(found.entity_id, here):
                # "Al-Shaar" near Aleppo places is not "Al-Shaara" near Deir ez-Zor ones (the
                # best fit only: a weaker one in the same governorates is rarely the place)
                found = None
            if found and found.entity_id != entity_id:  # "Urem al-Kubra" after "Orum al-Kubra"
                self.stats.name_key_links += 1
                found.reason = f"place not in the gazetteer; {found.reason}"
                self.governorates.setdefault(str(found.entity_id), set()).update(here)
                return found
            self.entities.setdefault(entity_id, name_entity_row(entity_id, "place", cluster.name))
            self.index_name(entity_id, "place", cluster.name)
            self.governorates.setdefault(entity_id, set()).update(here)
            return Decision(entity_id, "place not in the gazetteer")
        entity_id = place_entity_id(place.geonames_id, place.region_id, place.name)
        self.entities.setdefault(entity_id, place_entity_row(entity_id, place))
        return Decision(entity_id, f"gazetteer: {place.reason} (score {place.score})")

    def same_whereabouts(self, entity_id: str, here: set[str]) -> bool:
        """Whether a place the gazetteer lacks may be the one named here: unless both are
        located, near gazetteer places, and share no governorate."""
        there = self.governorates.get(entity_id)
        return not (here and there) or bool(here & there)

    def decide_actor(self, cluster: Cluster) -> Decision:
        if cluster.pack_id:
            return self.pack_entity(cluster.pack_id, cluster.pack_reason or "pack alias")
        # A building named after someone ("Hatim al-Taie school") is no actor of the pack's,
        # however its name's initials or words fall ("HTS").
        building = any(m.get("building_after") for m in cluster.mentions)
        hit = None if building else self.matcher.fuzzy_match(cluster.name, cluster.label)
        if hit:
            return self.pack_entity(hit.actor.id, hit.reason, fuzzy=True)
        shorts = [] if building else self.matcher.short_form(cluster.name, cluster.label)
        if len(shorts) == 1:
            return self.pack_entity(shorts[0].id, "short form unique in the pack", fuzzy=True)
        if cluster.label == "NORP":
            return Decision(None, "nationality or group word not in the pack")
        head = "" if building else self.generic.head(cluster.name)
        if head:
            return self.decide_generic(cluster, head)
        entity_type = "person" if cluster.label == "PERSON" else "org"
        found = self.find_existing(cluster.name, entity_type)
        if found:
            self.stats.name_key_links += 1
            return found
        entity_id = name_entity_id(entity_type, cluster.name)
        if entity_id not in self.entities:
            self.entities[entity_id] = name_entity_row(entity_id, entity_type, cluster.name)
            self.stats.new_entities += 1
        self.index_name(entity_id, entity_type, cluster.name)
        return Decision(entity_id, "new entity from this name")

    def decide_generic(self, cluster: Cluster, head: str) -> Decision:
        """A generic body's name ("Army"): the body of the state the report means, or none."""
        owners = {_owner(m, cluster.name) for m in cluster.mentions} - {""}
        if len(owners) > 1:
            return Decision(None, f"a generic name owned by several: {sorted(owners)}")
        owner = owners.pop() if owners else ""
        sentences = {int(m["sentence"]) for m in cluster.mentions}
        named = set().union(*(self.sentence_countries.get(i, set()) for i in sentences))
        actor, why = self.generic.owner(head, owner, self.named_actors, named, self.countries)
        if actor is None:
            return Decision(None, why)
        return self.pack_entity(actor, f"{why}: the pack's {self.pack.actors[actor].name!r}")

    def decide(
        self, cluster: Cluster, context: Sequence[str], located: Sequence[tuple[int, str]] = ()
    ) -> Decision:
        if cluster.label in PLACE_LABELS and not cluster.pack_id:
            return self.decide_place(cluster, context, located)
        return self.decide_actor(cluster)

    # -- one document -------------------------------------------------------------------------

    def resolve_document(self, mentions: list[dict[str, Any]]) -> None:
        credited = [m for m in mentions if m.get("in_credit")]
        for mention in credited:  # the report's writers, no actors in it
            why = "not a name in the story: a credit line names the report's writers"
            self.updates.append({"mid": mention["id"], "eid": None, "why": why})
            self.stats.unresolved += 1
        if credited:
            mentions = [m for m in mentions if not m.get("in_credit")]
        clusters = cluster_document(mentions, self.matcher, self.retyper)
        context = self.context_countries(clusters)
        self.countries, self.sentence_countries = self.country_counts(clusters)
        self.named_actors = {c.pack_id for c in clusters if c.pack_id}
        if mentions:
            self.contexts[str(mentions[0]["document_id"])] = context
        located = _located(clusters, context)
        clustered: set[str] = set()
        for cluster in clusters:
            decision = self.decide(cluster, context, located)
            self.record(cluster, decision)
            clustered.update(cluster.reasons)
        for mention in mentions:
            if mention["id"] not in clustered:
                name = clean_name(mention)
                dropped = self.retyper.dropped_reason(mention, name) if name else None
                why = f"not a name: {dropped}" if dropped else "not resolved"
                self.updates.append({"mid": mention["id"], "eid": None, "why": why})
                self.stats.unresolved += 1

    def context_countries(self, clusters: list[Cluster]) -> list[str]:
        """The countries a document is about: those of its pack actors (states among them),
        then those of the notable places it names by their gazetteer names ("Aleppo": Syria),
        which tell its lesser towns from namesakes abroad."""
        countries: list[str] = []
        for cluster in clusters:
            actor = self.pack.actors.get(cluster.pack_id or "")
            if actor and actor.country and actor.country not in countries:
                countries.append(actor.country)
        for cluster in clusters:
            if cluster.label in PLACE_LABELS and not cluster.pack_id:
                country = notable_country(cluster.name)
                if country and country not in countries:
                    countries.append(country)
        return countries

    def country_counts(self, clusters: list[Cluster]) -> tuple[Counter[str], dict[int, set[str]]]:
        """Mentions per country in a document, and the countries each sentence names: of its
        pack actors with a country, and of the notable places it names by their gazetteer
        names."""
        counts: Counter[str] = Counter()
        sentences: dict[int, set[str]] = {}
        for cluster in clusters:
            actor = self.pack.actors.get(cluster.pack_id or "")
            country = actor.country if actor else None
            if country is None and cluster.label in PLACE_LABELS and not cluster.pack_id:
                country = notable_country(cluster.name)
            if country:
                counts[country] += len(cluster.mentions)
                for mention in cluster.mentions:
                    sentences.setdefault(int(mention["sentence"]), set()).add(country)
        return counts, sentences

    def record(self, cluster: Cluster, decision: Decision) -> None:
        entity = self.entities.get(str(decision.entity_id))
        if entity is not None and not entity["pack_id"] and entity["type"] != "place":
            for acronym in sorted(cluster.acronyms):  # findable by it in the next reports
                self.index_name(str(decision.entity_id), str(entity["type"]), acronym)
        for mention in cluster.mentions:
            why = f"{cluster.reasons[mention['id']]}; {decision.reason}"
            for reason in ("retype_reason", "type_reason"):  # resolution's, then the tagger's
                if mention.get(reason):
                    why = f"{mention[reason]}; {why}"
            self.updates.append({"mid": mention["id"], "eid": decision.entity_id, "why": why})
            if decision.entity_id is None:
                self.stats.unresolved += 1
                continue
            self.stats.resolved += 1
            self.aliases.setdefault((decision.entity_id, _alias(mention)), "seen")
        if decision.fuzzy and decision.entity_id:
            targets = {"entity": decision.entity_id, "name": cluster.name}
            self.judgements.append(
                judgement_row("link", targets, "rule", "resolve.name-key", decision.reason)
            )

    # -- writing ------------------------------------------------------------------------------

    def write(self, conn: Connection) -> None:
        insert_ignore(conn, schema.entities, list(self.entities.values()))
        alias_rows = [
            {"entity_id": e, "alias": a, "source": s} for (e, a), s in self.aliases.items() if a
        ]
        insert_ignore(conn, schema.entity_aliases, alias_rows)
        insert_ignore(conn, schema.judgements, self.judgements)
        if self.updates:
            statement = (
                update(schema.mentions)
                .where(schema.mentions.c.id == bindparam("mid"))
                .values(entity_id=bindparam("eid"), resolution=bindparam("why"))
            )
            conn.execute(statement, self.updates)


def _unlinked_place(entity_id: str) -> bool:
    return entity_id.startswith("pl_")


def _located(clusters: list[Cluster], context: Sequence[str]) -> list[tuple[int, str]]:
    """(start, governorate) of each mention of a place in the document that the gazetteer
    places in a governorate of the theatre."""
    out = []
    for cluster in clusters:
        if cluster.label not in PLACE_LABELS or cluster.pack_id:
            continue
        place = resolve_place(cluster.name, context, small_towns=True)
        if place is not None and place.admin1_name:
            where = governorate(place.country_code, place.admin1_name)
            out += [(int(m["start"]), where) for m in cluster.mentions]
    return out


PLACE_SPELLING_SIMILARITY = 85  # of the two names, folded and without articles (0-100)


def _loose_for_place(name: str, alias: str, result: NameMatch) -> bool:
    """A name match that holds for organisations but not for places: by an acronym, with a
    generic word dropped ("al-Neel Street" is not "al-Neel"), another direction ("Western X"
    is not "Eastern X"), or spellings too far apart for one place's ("Zahraa" and "Zaara",
    "Amiriyah" and "Hammuriyah" are two; "Qalmoun" and "al-Qalamon" one)."""
    if any("acronym" in r or "generic" in r for r in result.reasons):
        return True
    a, b = same_name_key(name), same_name_key(alias)
    if set(a.split()) & DIRECTIONS != set(b.split()) & DIRECTIONS:
        return True
    return fuzz.ratio(a, b) < PLACE_SPELLING_SIMILARITY


def _owner(mention: dict[str, Any], name: str) -> str:
    """The word that says whose a generic name is: the last word the mention holds before the
    name ("Assads" of "Assads Air Force"), else the word before the mention."""
    text = str(mention["text"]).strip()
    if text.casefold().endswith(name.casefold()) and len(text) > len(name):
        words = text[: len(text) - len(name)].split()
        if words and words[-1].lower() not in ("the", "a", "an"):
            return words[-1]
    return str(mention.get("owner_word") or "")


def _alias(mention: dict[str, Any]) -> str:
    """The spelling an entity is found by: the text as written, unless the retyper read a
    name out of it ("Aleppo" out of "Aleppo Hama Damascus", "Nusra Front" out of "Aleppo Nusra
    Front"), whose other words name other things and must not find this entity."""
    if mention.get("name") and mention.get("retype_reason"):
        return str(mention["name"]).strip()
    return str(mention["text"]).strip()


def _mentions_by_document(
    conn: Connection, doc_ids: Sequence[str] | None
) -> dict[str, list[dict[str, Any]]]:
    men = schema.mentions
    if doc_ids is None:  # incremental: every document with a mention not yet resolved
        # Ordered: documents are resolved in turn and the first to name an entity founds it, so
        # an unordered query let PostgreSQL and SQLite found different entities from one corpus.
        pending = (
            select(men.c.document_id)
            .where(men.c.resolution.is_(None))
            .distinct()
            .order_by(men.c.document_id)
        )
        doc_ids = list(conn.execute(pending).scalars())
    grouped: dict[str, list[dict[str, Any]]] = {d: [] for d in doc_ids}
    for chunk_start in range(0, len(doc_ids), 500):
        chunk = list(doc_ids[chunk_start : chunk_start + 500])
        result = conn.execute(
            select(men)
            .where(men.c.document_id.in_(chunk))
            .order_by(men.c.document_id, men.c.start, men.c.end, men.c.id)
        )
        names = list(result.keys())  # plain tuples zipped with names: Row mappings cost more
        for row in result:
            mention = dict(zip(names, row, strict=True))
            grouped[mention["document_id"]].append(mention)
        _mark_from_text(conn, {d: grouped[d] for d in chunk})
    return grouped


PLACE_CUE_LABELS = frozenset({"LOC", "GPE", "FAC"})  # whose text cues one-sense typing reads
# whose verb as a subject is read ("X warned": a capital, which the tagger may take for a
# person, that acts is its state: `resolve.capitals`)
SUBJECT_CUE_LABELS = PLACE_CUE_LABELS | {"PERSON", "ORG"}


def _mark_from_text(conn: Connection, grouped: dict[str, list[dict[str, Any]]]) -> None:
    """What the document's text says of each mention that the mention does not hold: whether it
    lies in the credit lines (`in_credit`), and the kind of building a lower-case noun right
    after it names (`building_after`: "Al-Quds" in "the Al-Quds hospital"), and what in its
    words says a place mention is a place (`place_cue`: "the town of X", "X district"), and
    the verb it is the subject of (`subject_of`: "warned" in "X warned") and the lower-case
    word before it then (`word_before`: "capital" in "the capital X killed")."""
    docs = schema.documents
    query = select(docs.c.id, docs.c.text).where(
        docs.c.id.in_([d for d, m in grouped.items() if m])
    )
    parties = event_parties(conn, [d for d, m in grouped.items() if m])
    for doc_id, text in conn.execute(query):
        text = text or ""
        spans = credit_spans(text)
        for mention in grouped[doc_id]:
            if spans:
                mention["in_credit"] = in_credit(mention["start"], mention["end"], spans)
            noun = building_after(text, mention["end"])
            if noun:
                mention["building_after"] = noun
            acronym = acronym_stated(text, str(mention["text"]), mention["end"])
            if acronym:
                mention["states_acronym"] = acronym
            word = owner_word(text, mention["start"], mention["end"])
            if word:
                mention["owner_word"] = word
            if mention["label"] in PLACE_CUE_LABELS:
                cue = mention_place_cue(text, mention)
                if cue:
                    mention["place_cue"] = cue
            party = parties.get((doc_id, mention["start"], mention["end"]))
            if party:
                mention["party_to"] = party
            verb = (
                mention_subject_verb(text, mention)
                if mention["label"] in SUBJECT_CUE_LABELS
                else ""
            )
            if verb:
                mention["subject_of"] = verb
            if verb or party:
                mention["word_before"] = word_before(text, mention["start"])


def run_resolution(
    store: Store, doc_ids: Sequence[str] | None = None, pack: Pack | None = None
) -> ResolutionStats:
    """Resolve the mentions of `doc_ids` (default: documents with unresolved mentions)."""
    pack = pack or load_pack(get_settings().pack)
    run = _Run(store, pack, *_pack_indexes(pack))
    with store.transaction() as conn:
        run.load_blocks(conn)
        grouped = _mentions_by_document(conn, doc_ids)
        for mentions in grouped.values():
            run.stats.documents += 1
            run.stats.mentions += len(mentions)
            run.resolve_document(mentions)
        run.write(conn)
        touched = {str(u["eid"]) for u in run.updates if u["eid"]}
        run.stats.cross_type_moves = reconcile_types(conn, touched).moved
        theatre = frozenset(region.country for region in pack.regions)
        run.stats.spelling_moves = join_spellings(conn, theatre, touched).moved
        run.stats.event_places = locate_event_places(conn, list(grouped), run.contexts)
        run.stats.renamed = name_by_usage(conn, touched)
        run.stats.analyst_judgements_applied = ledger.reapply(conn)
    return run.stats


def warm_up(pack_name: str) -> None:
    """Build what resolution loads on first use (gazetteer, pack matcher, retyper)."""
    from sitrep.resolve.places import gazetteer

    pack = load_pack(pack_name)
    _pack_indexes(pack)
    gazetteer()


_PACK_INDEXES: dict[str, tuple[PackMatcher, Retyper, GenericBodies]] = {}


def _pack_indexes(pack: Pack) -> tuple[PackMatcher, Retyper, GenericBodies]:
    """One matcher and one retyper per pack per process: their indexes cost a few hundred
    milliseconds."""
    key = str(pack.path)
    if key not in _PACK_INDEXES:
        _PACK_INDEXES[key] = (PackMatcher(pack), Retyper(pack), GenericBodies(pack))
    return _PACK_INDEXES[key]


__all__ = ["ResolutionStats", "run_resolution"]
