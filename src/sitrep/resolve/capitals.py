"""A country's capital that acts stands for its state: "Moscow said", "Washington has warned",
"Ankara accused", "Tehran backs" (metonymy). News names a government by its seat; such a
mention is the state's, not the city's, which stays the place for "in Moscow" and "a flight
from Tehran".

The mention must be the subject of a verb (`crosstype.subject_verb`, read from the text by
resolution as `subject_of`) that only someone who acts takes: a verb of saying, confirming or
denying of the claim lexicon, or a verb the event lexicon makes its subject the actor of
("warn", "accuse", "back"; not "fall" or "die"); or a party the extractor read to an event
of a kind whose parties act (`party_to`: "accused Damascus of", "backed by Ankara", "its
support for Damascus", "a deal with Damascus"), where only those who act or are acted upon as
actors take a role (`party_types`): a city is shelled, besieged or visited, it is not accused
or backed. An attack's roles say nothing of the kind ("shelling of an area outside
Damascus"). Never in apposition to a noun of a settlement ("the capital Damascus", whose verb
is the phrase's before it). It moves only to a state the pack knows.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, select

from sitrep.extract.schema import load_claim_cues, load_event_schema, verb_lemma
from sitrep.nlp.types import CITY_NOUN, SETTLEMENT_NOUNS
from sitrep.resolve.places import capital_country
from sitrep.resolve.retype import PLACE_LABELS
from sitrep.store import schema as store_schema

_ACTING_ROLES = frozenset({"actor", "by"})  # the event roles of one who acts


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    cues = load_claim_cues()
    return cues.reporting_verbs | cues.confirm_verbs | cues.deny_verbs


def acting_verb(form: str) -> bool:
    """Whether a verb form's subject acts: a verb of saying, confirming or denying, or an
    event trigger whose subject is the event's actor (and fires on any subject)."""
    if not form:
        return False
    if verb_lemma(form, _speech_lemmas()):
        return True
    schema = load_event_schema()
    return any(
        trigger.pos == "verb"
        and not trigger.copula  # "Damascus is ..." says what it is, not what it does
        and not trigger.subjects
        and schema.role_map(trigger, trigger.type).get("subject") in _ACTING_ROLES
        for trigger in schema.by_form(form)
    )


# Nouns a capital stands in apposition to ("shelling on the capital Damascus killed four"):
# the verb after it is the noun phrase's before it, whose head is no speaker.
_APPOSED_TO = SETTLEMENT_NOUNS | {CITY_NOUN, "capital"}


def acting_capital(
    mention: dict[str, Any], name: str, states: dict[str, str]
) -> tuple[str, str] | None:
    """(the pack's state actor, why) when this place mention is a capital that acts, else
    None. `states`: country code -> the pack's state of it (`Retyper.states`)."""
    if mention["label"] not in PLACE_LABELS or mention.get("pack_id"):
        return None
    verb, party = str(mention.get("subject_of") or ""), str(mention.get("party_to") or "")
    if acting_verb(verb):
        how = f"acts ({verb!r})"
    elif party:
        how = f"is a party to an event of type {party}"
    else:
        return None
    if str(mention.get("word_before") or "") in _APPOSED_TO:
        return None
    country = capital_country(name)
    state = states.get(country.upper()) if country else None
    if state is None:
        return None
    return state, f"{name!r}, the capital of {country}, {how}: its state"


_PARTY_ROLES = frozenset({"actor", "by", "target", "recipient", "counterpart"})  # not item


@lru_cache(maxsize=1)
def party_types() -> frozenset[str]:
    """The event types whose parties only those who act take: not the violence family (a town
    is shelled), not a type one of whose triggers fires only with a place (a visit, a
    deployment, a withdrawal: "the meeting with Moscow" may be held there), and not coercion
    (a siege's target is a town)."""
    schema = load_event_schema()
    to_a_place = {trigger.type for trigger in schema.triggers if trigger.needs_place}
    to_a_place |= {t.person[0] for t in schema.triggers if t.person and t.needs_place}
    return frozenset(
        name
        for name, kind in schema.types.items()
        if kind.family != "violence" and name not in to_a_place and name != _COERCION
    )


_COERCION = "COERCE"


def event_parties(conn: Connection, doc_ids: list[str]) -> dict[tuple[str, int, int], str]:
    """(document, start, end) -> the type of an event of `party_types` whose party the span
    is, as the extractor read it: what `acting_capital` reads as `party_to`."""
    peaceful = party_types()
    em = store_schema.event_mentions
    query = select(em.c.document_id, em.c.type, em.c.participants).where(
        em.c.document_id.in_(doc_ids), em.c.type.in_(sorted(peaceful))
    )
    found: dict[tuple[str, int, int], str] = {}
    for doc_id, kind, participants in conn.execute(query):
        parts = json.loads(participants) if isinstance(participants, str) else participants
        for part in parts or []:
            if part.get("role") in _PARTY_ROLES:
                found.setdefault((str(doc_id), int(part["start"]), int(part["end"])), str(kind))
    return found
