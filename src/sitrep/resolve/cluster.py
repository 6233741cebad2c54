"""Within one document: a later surname or short form joins the full-name mention it refers to.

"Maj. Gen. Qassem Soleimani ... Soleimani's presence" -> one cluster. A short form joins only
when exactly one full name in the document fits it; otherwise it stays on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sitrep.names import fold, match_names, name_tokens, strip_titles
from sitrep.names.match import initials, token_similarity
from sitrep.names.phonetic import ARTICLES
from sitrep.nlp.types import BUILDING_NOUNS, names_people
from sitrep.resolve.capitals import acting_capital
from sitrep.resolve.clusterindex import ClusterIndex, ShortFormIndex
from sitrep.resolve.packmatch import PackMatcher, name_kind
from sitrep.resolve.places import resolve_place
from sitrep.resolve.retype import Retyper
from sitrep.resolve.trim import trim_function_words

RESOLVED_LABELS = frozenset({"PERSON", "ORG", "LOC", "GPE", "NORP"})
_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|ar|at|az|an)-", re.IGNORECASE)


@dataclass
class Cluster:
    """Mentions in one document that name the same thing."""

    label: str
    name: str  # the fullest name seen
    pack_id: str | None = None
    pack_reason: str = ""
    mentions: list[dict[str, Any]] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # mention id -> why it joined
    # acronyms the document gives this name in brackets ("the Tellian Union (TU)")
    acronyms: set[str] = field(default_factory=set)

    def add(self, mention: dict[str, Any], reason: str) -> None:
        self.mentions.append(mention)
        self.reasons[mention["id"]] = reason
        if mention.get("states_acronym"):
            self.acronyms.add(str(mention["states_acronym"]))


def clean_name(mention: dict[str, Any]) -> str:
    if mention.get("name"):  # set by the retyper: the part of the text that names the thing
        return str(mention["name"])
    return _cleaned(str(mention["text"]), mention["label"] == "PERSON")


@lru_cache(maxsize=1 << 16)  # a document asks for each mention's name several times
def _cleaned(text: str, person: bool) -> str:
    # an NER span that ran into a function word ("Kremlin nor") names the thing without it
    trimmed = trim_function_words(text.strip(" «»\"'“”"))
    return strip_titles(trimmed)[0] if person else trimmed


def _is_full(mention: dict[str, Any]) -> bool:
    return mention.get("pack_id") is not None or len(name_tokens(clean_name(mention))) >= 2


def _join_full(
    clusters: list[Cluster],
    mention: dict[str, Any],
    matcher: PackMatcher,
    index: ClusterIndex | None = None,
) -> None:
    """Join the first cluster this full name matches, or start one. With an index, only the
    clusters sharing a key with the name are compared (the same first match, found sooner)."""
    name, label = clean_name(mention), mention["label"]
    kind = name_kind(label)
    pack_id = mention.get("pack_id")
    hit = None if pack_id else matcher.exact_match(name, label)
    if hit:
        pack_id = hit.actor.id
    positions = range(len(clusters)) if index is None else index.candidates(name, kind, pack_id)
    for position in positions:
        cluster = clusters[position]
        if cluster.label != label and name_kind(cluster.label) != kind:
            continue
        if pack_id and cluster.pack_id == pack_id:
            cluster.add(mention, f"same pack actor {pack_id} in document")
            return
        if not (pack_id and cluster.pack_id):
            result = match_names(name, cluster.name, kind)
            if result.same:
                cluster.add(mention, f"same name in document ({', '.join(result.reasons)})")
                if pack_id and not cluster.pack_id:
                    cluster.pack_id = pack_id
                    if index is not None:
                        index.set_pack(position, kind, pack_id)
                return
    reason = "alias ruler" if mention.get("pack_id") else ("pack alias" if hit else "")
    cluster = Cluster(label, name, pack_id, reason)
    cluster.add(mention, "first full mention in document")
    if index is not None:
        index.add(len(clusters), name, kind, pack_id)
    clusters.append(cluster)


def _fits(short: str, cluster: Cluster, matcher: PackMatcher, label: str) -> bool:
    if cluster.pack_id and cluster.pack_id in {a.id for a in matcher.short_form(short, label)}:
        return True
    if short in cluster.acronyms:  # the document said so: "the Tellian Union (TU)"
        return True
    tokens, full = name_tokens(short), name_tokens(cluster.name)
    if len(tokens) != 1 or not full or name_kind(label) != "person":
        return False
    return token_similarity(tokens[0], full[-1]) >= 0.85


def _join_short(
    clusters: list[Cluster],
    mention: dict[str, Any],
    matcher: PackMatcher,
    index: ShortFormIndex | None = None,
) -> None:
    """Join the one cluster this short form fits, or the same short form seen before, or start
    one. With an index, only the clusters it could fit are tried (the same answer, sooner)."""
    name, label = clean_name(mention), mention["label"]
    kind = name_kind(label)
    if index is None:
        same_kind = [c for c in clusters if name_kind(c.label) == kind]
        fitting = [c for c in same_kind if _fits(name, c, matcher, label)]
        unattached = [c for c in same_kind if c.name == name and not c.pack_id]
    else:
        pack_ids = {actor.id for actor in matcher.short_form(name, label)}
        tried = (clusters[p] for p in index.fitting_candidates(name, kind, pack_ids))
        same_kind = [c for c in tried if name_kind(c.label) == kind]
        fitting = [c for c in same_kind if _fits(name, c, matcher, label)]
        named = (clusters[p] for p in index.same_name(name, kind))
        unattached = [c for c in named if not c.pack_id]
    if len({id(c) for c in fitting}) == 1:
        fitting[0].add(mention, f"short form of {fitting[0].name!r} in the same document")
        return
    if unattached:  # the same short form seen before, unattached
        unattached[0].add(mention, "same short form in document")
        return
    cluster = Cluster(label, name)
    why = "ambiguous short form" if fitting else "short form with no full name in document"
    cluster.add(mention, why)
    if index is not None:
        index.add(len(clusters), name, kind, None)
    clusters.append(cluster)


def cluster_document(
    mentions: Sequence[dict[str, Any]],
    matcher: PackMatcher,
    retyper: Retyper | None = None,
    *,
    indexed: bool = True,
) -> list[Cluster]:
    """Group one document's mentions: full names first, then short forms onto them.

    With a retyper, mislabelled mentions are relabelled first ("Khamenei" LOC -> PERSON).
    `indexed=False` compares every full name with every cluster: the reference the index is
    tested against."""
    if retyper is not None:
        mentions = [_retyped(retyper, m) for m in mentions]
        mentions = _surnames_as_people(mentions, retyper)
        mentions = _lone_names_of_towns(mentions, retyper)
        mentions = _titled_names_of_places(mentions)
        mentions = _one_sense_places(mentions)
        mentions = _capitals_as_states(mentions, retyper)
        mentions = _names_of_buildings(mentions)
    ordered = sorted(
        (m for m in mentions if m["label"] in RESOLVED_LABELS and clean_name(m)),
        key=lambda m: (m["start"], m["end"]),
    )
    clusters: list[Cluster] = []
    index = ClusterIndex() if indexed else None
    for mention in ordered:
        if _is_full(mention) or mention["label"] not in ("PERSON", "ORG"):
            _join_full(clusters, mention, matcher, index)
    shorts = ShortFormIndex() if indexed else None
    if shorts is not None:
        for position, cluster in enumerate(clusters):
            shorts.add(position, cluster.name, name_kind(cluster.label), cluster.pack_id)
            for acronym in cluster.acronyms:
                shorts.add_acronym(position, acronym)
    for mention in ordered:
        if not (_is_full(mention) or mention["label"] not in ("PERSON", "ORG")):
            _join_short(clusters, mention, matcher, shorts)
    return clusters


_ACRONYM_AFTER = re.compile(r"[ \t]*\([ \t]*([A-Z]{2,6})[ \t]*\)")


def acronym_stated(text: str, name: str, end: int) -> str:
    """The acronym the text gives in brackets right after a name of several words, when its
    letters are that name's initials ("the Tellian Union (TU)" -> "TU"), else "". Such a
    sentence ties even two letters to one body, which the letters alone do not."""
    match = _ACRONYM_AFTER.match(text, end)
    if not match or len(name_tokens(name)) < 2:
        return ""
    letters = match.group(1)
    return letters if letters.casefold() == initials(name) else ""


_BUILDING_AFTER = re.compile(r"[ \t]([A-Za-z][a-z]+)\b")


def building_after(text: str, end: int) -> str:
    """The kind of building a noun right after a mention ending at `end` names
    (`nlp.types.BUILDING_NOUNS`: "Al-Quds hospital"; capitalised too, where the tagger left
    a name's own "School" out of the mention), in lower case, or ""."""
    match = _BUILDING_AFTER.match(text, end)
    noun = match.group(1).lower() if match else ""
    return noun if noun in BUILDING_NOUNS else ""


def _names_of_buildings(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "treated at Al-Quds hospital": a group's or person's name before a kind of building
    (`building_after`, read from the text by resolution) names that building, which was named
    after them: the building is the entity, under its name with the noun ("Al-Quds hospital"),
    never the pack's actor the name alone would be (the Quds Force)."""
    out = []
    for mention in mentions:
        noun = mention.get("building_after")
        if noun and mention["label"] in _BUILDING_NAMERS:
            name = f"{clean_name(mention)} {noun}"
            why = f"{clean_name(mention)!r} names the {noun!r} after it"
            mention = {**mention, "label": "ORG", "name": name, "pack_id": None}
            mention["retype_reason"] = why
        out.append(mention)
    return out


_BUILDING_NAMERS = frozenset({"PERSON", "ORG"})  # a place before one says where it is


def _surnames_as_people(mentions: list[dict[str, Any]], retyper: Retyper) -> list[dict[str, Any]]:
    """ "Laurent Fabius ... Fabius told reporters": a one-word place, group or nationality that
    is the last word of a person's full name in the same document is that person, unless the
    pack or the gazetteer knows the word ("Jack London" does not make London a person). The
    word is compared as `_surname_of` reads it: "Bahra" is the surname of "Hadi al-Bahra",
    "Alabdah" of "Anas al-Abdah", and "Akidis" (a possessive whose apostrophe was lost) of
    "Abdul Jabbar Akidi"."""
    surnames = _surnames_named_in_full(mentions)
    if not surnames:
        return mentions
    out = []
    for mention in mentions:
        name = clean_name(mention) if mention["label"] in _SURNAME_LABELS else ""
        full = _surname_of(name, surnames) if name and " " not in name else None
        if full is not None and not mention.get("pack_id") and not _known_elsewhere(name, retyper):
            why = f"{name!r} is the surname of {full!r} in this document"
            # named as the full name writes the surname, which the short-form step then joins
            surname = full.split()[-1]
            mention = {**mention, "label": "PERSON", "name": surname, "retype_reason": why}
        out.append(mention)
    return out


_SURNAME_LABELS = frozenset({"LOC", "GPE", "ORG", "NORP"})


def _known_elsewhere(name: str, retyper: Retyper) -> bool:
    """Whether the pack, the people lexicon ("Alawites": people of a faith, never one man's
    surname), or the gazetteer by the place's own name (not an alternate spelling: "Habbush"
    the surname is a Lebanese town's only by one) knows the word as what it is, which a
    person's name the tagger ran into other words ("Liberate al-Tabqa") does not outweigh."""
    if retyper.known(name) or names_people(name):
        return True
    forms = (name, name[:-1]) if name.endswith("s") else (name,)  # "Zabadanis": the town's
    places = (resolve_place(form) for form in forms)
    return any(p is not None and p.score >= 1.0 for p in places)


def _capitals_as_states(mentions: list[dict[str, Any]], retyper: Retyper) -> list[dict[str, Any]]:
    """ "Moscow warned": a capital that acts is its state (`resolve.capitals`). The mention
    takes the state's pack id and name, so it joins the state's mentions and never the city's
    ("in Moscow"), whose cluster a pack id would otherwise carry to the state whole."""
    out = []
    for mention in mentions:
        found = acting_capital(mention, clean_name(mention), retyper.states)
        if found is not None:
            state, why = found
            name = retyper.pack.actors[state].name
            mention = {**mention, "pack_id": state, "name": name, "retype_reason": why}
        out.append(mention)
    return out


def _surnames_named_in_full(mentions: list[dict[str, Any]]) -> dict[str, str]:
    """The last words of the persons the document names in full ("Jack London": "London"),
    which its one-word mentions may be: by `_name_key` (the article dropped, "al-Bahra" ~
    "Bahra"), each with the full name."""
    surnames: dict[str, str] = {}
    for mention in mentions:
        if mention["label"] == "PERSON":
            words = clean_name(mention).split()
            # "al Masoudiyeh": an article written apart is no given name
            if len([w for w in words if w.lower() not in ARTICLES]) >= 2:
                key = _name_key(words[-1])
                for form in (key, _GLUED_ARTICLE.sub("", key)):  # "Alabdah" ~ "Abdah" too
                    surnames.setdefault(form, " ".join(words))
    return surnames


_GLUED_ARTICLE = re.compile(r"^(?:al|el)(?=[a-z]{3})")


def _surname_of(word: str, surnames: dict[str, str]) -> str | None:
    """The full name of the person whose surname the one word `word` is, of those the document
    names in full: the same word without its article ("Bahra", "al-Bahra"), with the article
    written into it ("Alabdah", "al-Abdah"), or its possessive whose apostrophe was lost
    ("Akidis", "Akidi"; FA-KES strips them). None when it is no one's."""
    key = _name_key(word)
    unglued = _GLUED_ARTICLE.sub("", key)
    possessive = _name_key(word[:-1]) if word.endswith("s") else ""
    for candidate in (key, unglued, possessive):
        if candidate and candidate in surnames:
            return surnames[candidate]
    return None


def _lone_names_of_towns(mentions: list[dict[str, Any]], retyper: Retyper) -> list[dict[str, Any]]:
    """ "strikes against Raqa", "within a few hundred metres of Tabaqa": a one-word person or
    group with no title and no full name in the document (news names a person in full first, then by
    surname) that spells a theatre town of some size in another way is that town. The exact
    spellings the retyper already reads; the variants only here, where the document says the
    word is no one's surname."""
    surnames = _surnames_named_in_full(mentions)
    out = []
    for mention in mentions:
        name = clean_name(mention) if mention["label"] in ("PERSON", "ORG") else ""
        if (
            name
            and _surname_of(name, surnames) is None
            and not mention.get("pack_id")
            and not mention.get("title")
        ):
            town = retyper.town_by_variant(name) if retyper.actor_for([name]) is None else None
            if town is not None:
                why = f"{name!r}, no one's surname here, spells the town {town.name!r}"
                mention = {**mention, "label": "GPE", "retype_reason": why}
        out.append(mention)
    return out


_PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})


def _name_key(name: str) -> str:
    """A name compared without its article ("al-Sheikh Maqsoud" ~ "Sheikh Maqsoud", "al-Bahra"
    ~ "Bahra"), folded."""
    return fold(_ARTICLE.sub("", name))


def _titled_names_of_places(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "the Sheikh Maqsoud neighbourhood ... attacks on Sheikh Maqsoud": a person whose title
    and name are, together, the name of a place in the same document is that place (the
    theatre names quarters and villages after sheikhs and saints; a document that says once
    which it is means it each time)."""
    places = {
        _name_key(clean_name(m)): clean_name(m)
        for m in mentions
        if m["label"] in _PLACE_LABELS and " " in clean_name(m)
    }
    if not places:
        return mentions
    out = []
    for mention in mentions:
        title = mention.get("title")
        if mention["label"] == "PERSON" and title and not mention.get("pack_id"):
            place = places.get(_name_key(f"{title} {clean_name(mention)}"))
            if place is not None:
                why = f"{title} {clean_name(mention)!r} is the place {place!r} in this document"
                mention = {**mention, "label": "GPE", "name": place, "retype_reason": why}
        out.append(mention)
    return out


def _one_sense_places(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "the border town of Kilis ... Kilis has been under rocket attacks": a name the document
    itself shows to be a place (a place mention with a cue in its words, "the town of X",
    "X district", "in X", or that the gazetteer knows) is that place each time the same
    document writes it, not a person or group on the model's word alone (one sense per
    discourse). Not a word that is the surname of a person named in full in the document
    ("Jack London ... London said"), nor a mention the pack tied to an actor or that carries a
    title."""
    places: dict[str, tuple[str, str]] = {}
    for mention in mentions:
        if mention["label"] not in _PLACE_LABELS:
            continue
        name = clean_name(mention)
        why = mention.get("place_cue") or _gazetteer_cue(name)
        if name and why:
            places.setdefault(_name_key(name), (mention["label"], why))
    if not places:
        return mentions
    surnames = _surnames_named_in_full(mentions)
    out = []
    for mention in mentions:
        name = clean_name(mention) if mention["label"] in ("PERSON", "ORG") else ""
        named = bool(name) and _surname_of(name, surnames) is None
        place = places.get(_name_key(name)) if named else None
        if place is not None and not mention.get("pack_id") and not mention.get("title"):
            label, cue = place
            why = f"{name!r} is a place elsewhere in this document ({cue})"
            mention = {**mention, "label": label, "retype_reason": why}
        out.append(mention)
    return out


def _gazetteer_cue(name: str) -> str:
    """ "the gazetteer" when it knows `name` as a place, else ""."""
    return "the gazetteer" if resolve_place(name) is not None else ""


def _retyped(retyper: Retyper, mention: dict[str, Any]) -> dict[str, Any]:
    if mention["label"] not in RESOLVED_LABELS:
        return mention
    name = clean_name(mention)
    return retyper.retype(mention, name) if name else mention
