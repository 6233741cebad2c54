"""Within-document reference: a description by office or rank -> the person it means.

"the meeting of the head of state with an Iranian General" names nobody, yet a reader knows
from the document who is meant: the most recently named person who holds that office or rank
(a president for "the head of state"; a general of Iran for "an Iranian General"). Which titles
fit a description is data (`schema/references.yaml`); who holds which title comes from the
domain pack's positions and from the title words written around the person's mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from sitrep.extract.deps import dep
from sitrep.extract.spans import Phrase, clause_tokens, phrase_of_entity
from sitrep.nlp.spans import ents_before
from sitrep.yamlload import load_yaml

# Tokens before a mention read for its titles: "press Secretary of the President of Russia".
TITLE_WINDOW = 4


@dataclass(frozen=True)
class Roles:
    descriptions: dict[str, frozenset[str]]  # description -> fitting titles
    titles: dict[str, frozenset[str]]  # pack id -> titles held (lower case)
    countries: dict[str, str]  # pack id -> country code
    demonyms: dict[str, str]  # demonym (lower case) -> country code
    names: dict[str, str]  # a full name or alias (case-folded) -> the one pack id it names


def load_roles() -> Roles:
    """The description table joined with the active domain pack's positions and demonyms."""
    from sitrep.pack.active import active_pack

    return _roles(str(active_pack().path))


@lru_cache(maxsize=4)  # once per pack
def _roles(pack_path: str) -> Roles:
    from sitrep.pack import load_pack

    pack = load_pack(pack_path)
    text = resources.files("sitrep.extract").joinpath("schema", "references.yaml").read_text()
    raw = load_yaml(text)["descriptions"]
    titles = {a.id: frozenset(_norm(p.title) for p in a.positions) for a in pack.actors.values()}
    countries = {a.id: a.country for a in pack.actors.values() if a.country}
    demonyms = {d.lower(): a.country for a in pack.actors.values() if a.country for d in a.demonyms}
    names = {}
    for actor in pack.actors.values():
        for name in actor.all_names:
            if len(pack.lookup(name)) == 1:
                names[name.casefold()] = actor.id
    return Roles(
        {str(k): frozenset(_norm(str(t)) for t in v) for k, v in raw.items()},
        titles,
        countries,
        demonyms,
        names,
    )


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())


@dataclass(frozen=True)
class Description:
    fits: frozenset[str]  # titles that fit
    country: str | None  # from a demonym ("an Iranian General"), when given


def description_of(head: Token, roles: Roles) -> Description | None:
    """The description `head` heads, if its words (less determiners, demonyms) are one."""
    words = sorted((t for t in clause_tokens(head) if dep(t) not in ("det", "punct")), key=_i)
    while words and dep(words[0]) == "case":  # "with an Iranian General": not the "with"
        words = words[1:]
    country = None
    if words and words[0].lower_ in roles.demonyms and words[0].i != head.i:
        country = roles.demonyms[words[0].lower_]
        words = words[1:]
    if not words or any(t.ent_type_ == "PERSON" for t in words):
        return None
    fits = roles.descriptions.get(_norm(" ".join(t.text for t in words)))
    return Description(fits, country) if fits else None


def _i(token: Token) -> int:
    return token.i


def _titles_at(ent: Span, roles: Roles) -> set[str]:
    """Titles a mentioned person holds: pack positions, and the words written around the name."""
    held = set(roles.titles.get(ent.ent_id_, ()))
    doc = ent.doc
    window = doc[max(0, ent.start - TITLE_WINDOW) : ent.end]
    text = " " + _norm(window.text) + " "
    held |= {t for fits in roles.descriptions.values() for t in fits if f" {t} " in text}
    return held


def refer_back(head: Token, ents: dict[int, Span]) -> Phrase | None:
    """The person a description by office or rank refers to: the latest one named that fits.

    Only people named before the description count (a reader resolves it from what was read),
    and a demonym must agree with the person's country where the pack knows it.
    """
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    roles = load_roles()
    described = description_of(head, roles)
    if described is None:
        return None
    people = ents_before(head.doc, head.idx, "PERSON")
    for ent in reversed(people):
        if described.country and roles.countries.get(ent.ent_id_, described.country) != (
            described.country
        ):
            continue
        if _titles_at(ent, roles) & described.fits:
            return _named_part(ent, roles)
    return None


def _named_part(ent: Span, roles: Roles) -> Phrase:
    """The pack name a titled mention ends on ("President of Russia Vladimir Putin" -> "Vladimir
    Putin"), so the participant is the person and not the title-laden string."""
    if not ent.ent_id_:
        for k in range(ent.start, ent.end):
            tail = ent.doc[k : ent.end]
            pack_id = roles.names.get(tail.text.casefold())
            if pack_id is not None:
                return Phrase(tail.text, tail.start_char, tail.end_char, "PERSON", pack_id)
    return phrase_of_entity(ent)
