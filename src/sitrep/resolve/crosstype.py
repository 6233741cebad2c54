"""One name, one type across the store: a name typed a place in some documents and a person or
group in others is one thing, and the evidence says which (issue 23b).

Resolution decides each document alone, so "Khan Touman" after "the town of" becomes a place
and "an attack on Khan Touman" elsewhere becomes a person, and "the White Helmets said" becomes
a group while "the White Helmets rescue workers" becomes a place. After each run, entities
outside the pack whose names are the same once folded and stripped of an Arabic article are
compared, place against person or group, by the cues their mentions carry:

- a place: the object of a locative preposition ("in X", "near X"), after "the town of" and
  the like, before a settlement or ground noun ("X neighbourhood", "X street") or with one
  ending the name ("al-Wafideen Camp"), the tagger's own place rule, or a gazetteer link;
- a person or group: the subject of a verb of saying or reporting ("X said", "X reported"),
  which a place does not take.

Only one-sided evidence decides (cues for one reading and none for the other): a name with
both (a town and the party named after it) stays as it is, and the majority of mentions never
decides alone. Moved mentions log the reason, and each merge is a rule judgement.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from sitrep.extract.schema import load_claim_cues, verb_lemma
from sitrep.names import fold
from sitrep.names.phonetic import ARTICLES
from sitrep.nlp.toponyms import LOCATIVE, PLACE_OF
from sitrep.nlp.types import CITY_NOUN, GROUND_NOUNS, SETTLEMENT_NOUNS, shipped_heads
from sitrep.resolve.moves import move_mentions
from sitrep.resolve.rows import judgement_row
from sitrep.store import schema

# every Arabic article a transliteration writes ("ash-Shaddadi", "ar-Raqqa"), as place keys do
_ARTICLE = re.compile(rf"\b(?:{'|'.join(sorted(ARTICLES))})\s+")
_WORD = re.compile(r"[A-Za-z]+")
_WINDOW = 40  # characters read either side of a mention for its cues
# Nouns that, right after a name or ending it, say the name is a place's. "camp" only ends a
# name ("al-Wafideen Camp"): after one, a group's name is as common ("the Hezbollah camp").
_AFTER_NOUNS = SETTLEMENT_NOUNS | GROUND_NOUNS | {CITY_NOUN}
_NAME_ENDS = _AFTER_NOUNS | {"camp"}
ACTOR_TYPES = frozenset({"person", "org"})
_PREPOSITIONS = LOCATIVE | {"from", "of", "at", "to", "by", "with", "for", "on", "over"}


def same_name_key(name: str) -> str:
    """A name folded, its hyphens spaces and its Arabic articles dropped: "al-Nusra" and
    "Nusra", "Khan Tuman" and "khan tuman" share one key."""
    return _ARTICLE.sub("", fold(name.replace("-", " "))).strip()


def mention_place_cue(text: str, mention: dict[str, Any]) -> str:
    """`place_cue` of a mention read in its document's `text` (the same window as here)."""
    start, end = int(mention["start"]), int(mention["end"])
    before, after = text[max(0, start - _WINDOW) : start], text[end : end + _WINDOW]
    return place_cue(
        before, after, str(mention["text"]), mention["label"], mention.get("type_reason")
    )


def mention_subject_verb(text: str, mention: dict[str, Any]) -> str:
    """`subject_verb` of a mention read in its document's `text` (the same window as here)."""
    start, end = int(mention["start"]), int(mention["end"])
    return subject_verb(text[end : end + _WINDOW], text[max(0, start - _WINDOW) : start])


def place_cue(before: str, after: str, name: str, label: str, type_reason: str | None) -> str:
    """Why this mention reads as a place ("" when nothing says so)."""
    if type_reason and label in ("GPE", "LOC", "FAC"):
        return "the tagger's place rule"
    before = re.split(r"[.!?\n]", before)[-1]  # the mention's own sentence
    words = _WORD.findall(before.lower())[-2:]
    last = words[-1] if words else ""
    if last == "of" and len(words) == 2 and words[0] in PLACE_OF:
        return f"after '{words[0]} of'"
    following = _WORD.findall(after)[:1]
    if following and following[0].islower() and following[0] in _AFTER_NOUNS:
        return f"before {following[0]!r}"
    end = _name_end(name)
    # (the kinds of place only: the head lexicon's "lake" and "park" end people's names too,
    # "Anthony Lake", as retyping knows)
    if end and end.lower() in _NAME_ENDS:
        return f"a name ending in {end!r}"
    if last in LOCATIVE:  # the weakest cue, read last ("in Operation X" is no place)
        return f"after {last!r}"
    return ""


def _name_end(name: str) -> str:
    """The last word of a name of two or more words ("" for one word)."""
    words = _WORD.findall(name)
    return words[-1] if len(words) > 1 else ""


def actor_cue(after: str, name: str, before: str = "") -> str:
    """Why this mention reads as someone who acts ("" when nothing says so): a name ending in
    a group's head noun ("Baath party", in the generated head lexicon), or the subject of a
    verb of saying or reporting, which a place does not take. Not after a preposition: in
    "an evacuee from X said", the one who says is the evacuee."""
    end = _name_end(name)
    if end and shipped_heads().get(end.lower()) == "ORG":
        return f"a name ending in {end!r}"
    verb = subject_verb(after, before)
    return f"says ({verb!r})" if verb_lemma(verb, load_claim_cues().reporting_verbs) else ""


def subject_verb(after: str, before: str = "") -> str:
    """The lower-case verb right after a mention, past a "has"/"have"/"had" ("X has warned"),
    of which the mention is the subject; "" for none. Not after a preposition ("an evacuee
    from X said": the evacuee says), not "state-run", nor a gerund ("surrounded X reporting
    heavy losses" is whose?)."""
    words = _WORD.findall(re.split(r"[.!?\n]", before)[-1].lower())
    if words and words[-1] in _PREPOSITIONS:
        return ""
    match = re.match(r"^\s*(?:(?:has|have|had)\s+)?([a-z]+)(?![-\w])", after)
    if match is None or match.group(1).endswith("ing"):
        return ""
    return match.group(1)


@dataclass
class _Entity:
    id: str
    name: str
    type: str
    geonames_id: int | None
    mentions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def reading(self) -> str:
        return "place" if self.type == "place" else "actor"


@dataclass
class Reconciliation:
    groups: int = 0  # same-name groups across types
    decided: int = 0
    moved: int = 0
    decisions: list[str] = field(default_factory=list)


def reconcile_types(conn: Connection, touched: Iterable[str] | None = None) -> Reconciliation:
    """Give each same-name group across place and person/group one type where the evidence is
    one-sided. `touched`: only groups holding one of these entities (None: every group)."""
    result = Reconciliation()
    groups = _groups(conn, None if touched is None else set(touched))
    result.groups = len(groups)
    if not groups:
        return result
    _load_mentions(conn, groups)
    moves: list[tuple[str, str, str]] = []
    judgements: list[dict[str, Any]] = []
    for group in groups:
        decision = _decide(group)
        if decision is None:
            continue
        winner, reason = decision
        target = max(
            (e for e in group if e.reading == winner),
            key=lambda e: (e.geonames_id is not None, len(e.mentions), e.id),
        )
        result.decided += 1
        result.decisions.append(f"{target.name} ({target.type}): {reason}")
        for entity in group:
            if entity.reading == winner:
                continue
            moves.append((entity.id, target.id, f"one type across the store: {reason}"))
            targets = {"entity": entity.id, "into": target.id, "name": entity.name}
            judgements.append(judgement_row("merge", targets, "rule", "resolve.cross-type", reason))
    result.moved = move_mentions(conn, moves, judgements)
    return result


def _decide(group: list[_Entity]) -> tuple[str, str] | None:
    """The reading ("place" or "actor") the group's evidence gives, with the reason; None when
    it gives none or both."""
    cues: dict[str, list[str]] = {"place": [], "actor": []}
    for entity in group:
        if entity.type == "place" and entity.geonames_id is not None:
            cues["place"].append("the gazetteer")
        for mention in entity.mentions:
            before, after = mention["before"], mention["after"]
            name = mention["text"]
            place = place_cue(before, after, name, mention["label"], mention["type_reason"])
            if place:
                cues["place"].append(place)
            # "the village of X, said the Observatory": the verb is another's
            actor = "" if place else actor_cue(after, name, before)
            if actor:
                cues["actor"].append(actor)
    if bool(cues["place"]) == bool(cues["actor"]):
        return None
    winner = "place" if cues["place"] else "actor"
    if len(cues[winner]) == 1 and _prepositional(cues[winner][0]):
        return None  # one "in X" alone: "in Operation Euphrates Shield" is no place
    shown = ", ".join(sorted(set(cues[winner]))[:3])
    return winner, f"{winner} by {len(cues[winner])} cue(s) ({shown}), none against"


def _prepositional(cue: str) -> bool:
    return any(cue == f"after {word!r}" for word in LOCATIVE)


def _groups(conn: Connection, touched: set[str] | None) -> list[list[_Entity]]:
    ents, men = schema.entities, schema.mentions
    query = (
        select(ents.c.id, ents.c.name, ents.c.type, ents.c.geonames_id)
        .where(ents.c.pack_id.is_(None), ents.c.type.in_(["place", *ACTOR_TYPES]))
        .where(select(men.c.id).where(men.c.entity_id == ents.c.id).exists())
        .order_by(ents.c.id)
    )
    by_key: defaultdict[str, list[_Entity]] = defaultdict(list)
    for entity_id, name, entity_type, geonames_id in conn.execute(query):
        key = same_name_key(str(name))
        if key:
            by_key[key].append(_Entity(entity_id, name, entity_type, geonames_id))
    groups = []
    for group in by_key.values():
        if len({e.reading for e in group}) < 2:
            continue
        if touched is not None and not any(e.id in touched for e in group):
            continue
        groups.append(group)
    return groups


def _load_mentions(conn: Connection, groups: list[list[_Entity]]) -> None:
    by_id = {e.id: e for group in groups for e in group}
    men, docs = schema.mentions, schema.documents
    ids = sorted(by_id)
    rows: list[dict[str, Any]] = []
    for start in range(0, len(ids), 500):
        query = select(men).where(men.c.entity_id.in_(ids[start : start + 500]))
        rows.extend(dict(r._mapping) for r in conn.execute(query.order_by(men.c.id)))
    texts: dict[str, str] = {}
    doc_ids = sorted({r["document_id"] for r in rows})
    for start in range(0, len(doc_ids), 500):
        chunk = doc_ids[start : start + 500]
        for doc_id, text in conn.execute(
            select(docs.c.id, docs.c.text).where(docs.c.id.in_(chunk))
        ):
            texts[doc_id] = text
    for row in rows:
        text = texts.get(row["document_id"], "")
        row["before"] = text[max(0, row["start"] - _WINDOW) : row["start"]]
        row["after"] = text[row["end"] : row["end"] + _WINDOW]
        by_id[row["entity_id"]].mentions.append(row)


__all__ = [
    "Reconciliation",
    "actor_cue",
    "mention_place_cue",
    "mention_subject_verb",
    "place_cue",
    "reconcile_types",
    "same_name_key",
    "subject_verb",
]
