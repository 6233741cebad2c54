"""Roles from the parse: who holds which position in which body, who is a member of what.

A role noun ("commander", "spokesman", "member") is linked to its holder by the construction
around it, and to its body by its modifiers:

- apposition: "the new commander of Iran's Quds Force, Esmail Ghaani"; "Peskov, press
  secretary of the President";
- copula: "He is the commander of IRGC forces in Syria";
- title before the name: "Syria's defense minister Gen. Ali Ayoub", "IRGC General X";
- appointment: "X was appointed commander of Y" (the subject of the passive takes the role);

and the body is the noun after "of"/"for"/"in", the possessor ("the Kremlin's spokesman") or a
named modifier ("IRGC commander", "the Iraqi army commander").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.extract.deps import case_word, dep
from sitrep.extract.relcues import RelationCues, verb_class
from sitrep.extract.spans import Phrase, phrase_of_entity, phrases_for

# How a body hangs off a role noun.
BODY_PREPS = frozenset({"of", "for", "in", "at", "with", "within"})
# Tokens allowed between a title and the name it precedes: ranks, abbreviations, commas.
TITLE_GAP = 5
ACTORS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
HOLDERS = frozenset({"PERSON", "ORG", "NORP", "NP"})


@dataclass(frozen=True)
class Found:
    """A relation as read from one construction, before it becomes a record."""

    type: str
    subject: Phrase
    object: Phrase
    cue: Token
    how: str
    title: str | None = None
    qualifier: str | None = None


def role_relations(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Found]:
    """Relations a role noun states: holder -> body, typed by the noun."""
    low = token.lower_
    if token.pos_ not in ("NOUN", "PROPN") or (
        low not in cues.position_heads and low not in cues.member_heads
    ):
        return []
    if token.i in ents and ents[token.i].label_ == "PERSON" and low not in cues.member_heads:
        return []  # "General" inside a person's name: the title rule's business, read below
    bodies = _bodies(token, ents, cues)
    if not bodies:
        return []
    holders = _holders(token, ents, cues)
    if not holders:
        return []
    kind = _kind(token, cues)
    title = None if kind == "member-of" and low in ("member", "members") else _title(token, bodies)
    qualifier = _qualifier(token, cues)
    out = []
    for holder, how in holders:
        for body in bodies:
            if body.start <= holder.start < body.end or holder.start <= body.start < holder.end:
                continue  # the holder inside its own body phrase: a misparse
            out.append(Found(kind, holder, body, token, how, title, qualifier))
    return out


def _kind(token: Token, cues: RelationCues) -> str:
    low = token.lower_
    if low in cues.member_heads:
        return "member-of"
    if any(
        dep(c) == "compound" and c.pos_ == "NOUN" and c.lower_ in cues.subunit_words
        for c in token.lefts
    ):
        return "member-of"  # "an ISIL cell leader": he leads a cell, and belongs to ISIL
    modifiers = {c.lower_ for c in token.lefts}
    if low in cues.command_heads and modifiers & {"a", "an", "one"}:
        return "member-of"  # "a commander in the navy": one of its commanders, not its head
    if low in cues.command_heads and not modifiers & cues.subordinate_words:
        return "commands"
    return "holds-position"


def _qualifier(token: Token, cues: RelationCues) -> str | None:
    for child in token.lefts:
        word = child.lower_.rstrip("-")
        if word in cues.new_words or word in cues.former_words:
            return word
    prev = token.doc[token.i - 1] if token.i > 0 else None
    if prev is not None and prev.lower_ in ("ex-", "ex"):
        return "ex"
    return None


def _bodies(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[Phrase]:
    """The body the role is held in: "of X", "X's", a named modifier."""
    found: list[Phrase] = []
    for child in token.children:
        label = dep(child)
        if label in ("nmod", "obl") and case_word(child) in BODY_PREPS:
            body = _body_phrase(_of_chain(child, ents), ents)
            if body is not None and (case_word(child) == "of" or body.label not in PLACES):
                # "leader in Raqqah", "Minister for the Middle East": a place, not the body
                found.append(body)
                break
        elif label == "prep" and child.lower_ in BODY_PREPS:
            obj = next((c for c in child.children if dep(c) == "pobj"), None)
            body = _body_phrase(obj, ents) if obj is not None else None
            if body is not None:
                found.append(body)
                break
    if found:
        return found
    listed = _listed_body(token, ents)
    if listed is not None:
        return [listed]
    for child in token.lefts:
        named = child.i in ents or any(t.i in ents for t in child.subtree)
        if _a_clause_place(child):
            continue
        if dep(child) == "poss" or (dep(child) in ("compound", "amod") and named):
            body = _body_phrase(child, ents)
            if body is not None and not body.start <= token.idx < body.end:
                return [body]  # not the entity the role noun itself is part of
    return []


def _a_clause_place(modifier: Token) -> bool:
    """ "In Turkey Minister Ellwood met ...": a name right after a preposition that the parse
    hangs on a verb (or on the clause's subject) is that clause's place or time, not the
    title's body, however the parse glued it to the title ("met with Iraqi Prime Minister X"
    keeps its "with" on the object)."""
    first = modifier.left_edge.i
    if first == 0:
        return False
    before = modifier.doc[first - 1]
    # a subject takes no preposition: one the parse hangs there is the clause's too
    subject = dep(before.head) in ("nsubj", "nsubjpass")
    return before.pos_ == "ADP" and (before.head.pos_ in ("VERB", "AUX") or subject)


def _listed_body(token: Token, ents: dict[int, Span]) -> Phrase | None:
    """ "Joseph Votel, commander, U.S. Central Command": the organisation listed right after a
    role noun that is itself listed after (or apposed to) a name."""
    if dep(token) not in ("appos", "list"):
        return None
    doc = token.doc
    nxt = token.i + 1
    if nxt >= len(doc) or doc[nxt].text != ",":
        return None
    for sibling in token.head.children:
        if sibling.i > nxt and dep(sibling) in ("appos", "list"):
            ent = ents.get(sibling.i)
            first = min(t.i for t in sibling.subtree if t.text != ",")
            if ent is not None and ent.label_ == "ORG" and first == nxt + 1:
                return phrase_of_entity(ent)
            return None
    return None


def _of_chain(head: Token, ents: dict[int, Span]) -> Token:
    """ "Chief of General Staff of the Iranian Armed Forces": an unnamed noun passes the body
    on to the named noun of its own "of" phrase."""
    node = head
    while node.i not in ents and not any(c.i in ents for c in node.lefts):
        nxt = next(
            (
                c
                for c in node.children
                if dep(c) == "nmod" and case_word(c) == "of" and _named(c, ents)
            ),
            None,
        )
        if nxt is None:
            break
        node = nxt
    return node


def _of_child(token: Token) -> bool:
    return dep(token) == "nmod" and case_word(token) == "of"


def _named(token: Token, ents: dict[int, Span]) -> bool:
    """An entity inside, or a capitalised name the tagger missed ("the Iranian Armed Forces")."""
    if token.i in ents or any(t.i in ents for t in token.subtree):
        return True
    words = [t for t in _np_tokens(token) if t.pos_ not in ("DET", "ADP", "PUNCT", "CCONJ")]
    return token.pos_ in ("NOUN", "PROPN") and all(
        t.text[:1].isupper() or t.is_digit for t in words
    )


def _body_phrase(head: Token, ents: dict[int, Span]) -> Phrase | None:
    """A body: an organisation, state or named group, or a phrase with one inside."""
    if head.lower_ in ("his", "her", "their", "its", "our", "my", "your"):
        return None
    ent = ents.get(head.i)
    if ent is not None:
        return phrase_of_entity(ent) if ent.label_ in ACTORS - {"PERSON"} else None
    if not _named(head, ents):
        return None
    inside = [ents[t.i] for t in head.subtree if t.i in ents]
    # The phrase around the head ("IRGC forces", "the President of Russia"): its own text, the
    # first entity inside gives its label and pack id (the end resolves through it).
    kept = list(_np_tokens(head))
    lo, hi = min(t.i for t in kept), max(t.i for t in kept)
    span = head.doc[lo : hi + 1]
    if len(span) > 12:
        return phrase_of_entity(inside[0]) if inside and inside[0].label_ != "PERSON" else None
    pack_id = inside[0].ent_id_ or None if inside else None
    return Phrase(span.text, span.start_char, span.end_char, "NP", pack_id)


def _np_tokens(head: Token) -> list[Token]:
    """The head's phrase with its "of" chain ("the President of Russia"), without clauses,
    appositions or place modifiers ("IRGC forces", not "IRGC forces in Syria")."""
    out = [head]
    for child in head.children:
        label = dep(child)
        if label in ("punct", "cc", "conj", "relcl", "acl", "appos", "advcl", "parataxis"):
            continue
        if label == "case" and child.i < head.i:
            continue
        if label in ("nmod", "obl", "prep") and (case_word(child) or child.lower_) != "of":
            continue
        out += _np_tokens(child)
    return out


def _holders(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[tuple[Phrase, str]]:
    """Who holds the role, and the construction that says so."""
    out: list[tuple[Phrase, str]] = []
    for child in token.children:
        if dep(child) == "appos" and _person_like(child, ents):
            out += [(p, "apposition") for p in phrases_for(child, ents)]
    if dep(token) in ("appos", "list") and _person_like(token.head, ents):
        # "General Joseph Votel, commander, U.S. Central Command": the parse lists the three
        out += [(p, "apposition") for p in phrases_for(token.head, ents)]
    if any(dep(c) == "cop" for c in token.children):
        for child in token.children:
            if dep(child) in ("nsubj", "nsubjpass"):
                out += [(p, "copula") for p in phrases_for(child, ents) if p.label != "NP"]
    if not out:
        out += _appointed(token, ents, cues)
    verb = token.head
    # "operating as part of CTF 50", "served as commander of the unit"; with an object, the
    # object takes the role ("made X as its envoy"), which `_appointed` reads
    # "The UK, as part of the coalition, is committed to ...": an adjective's subject serves too
    serving = verb.pos_ in ("VERB", "AUX", "ADJ") and not any(
        dep(c) == "dobj" for c in verb.children
    )
    if not out and case_word(token) == "as" and serving:
        for child in verb.children:
            if dep(child) in ("nsubj", "nsubjpass"):
                out += [(p, "verb") for p in phrases_for(child, ents) if p.label != "NP"]
    if not out:
        named = named_after(token, ents, _bodies(token, ents, cues))
        if named is not None:
            out.append((named, "title"))
    # a state is part of a coalition or an alliance ("the UK, as part of the Coalition")
    return [(p, how) for p, how in out if p.label in HOLDERS or _state_part(token, p)]


def _state_part(token: Token, holder: Phrase) -> bool:
    from sitrep.extract.relcheck import is_state  # (relcheck reads this module's Found)

    return token.lower_ == "part" and holder.label in PLACES and is_state(holder.text)


def _person_like(token: Token, ents: dict[int, Span]) -> bool:
    ent = ents.get(token.i)
    return (ent is not None and ent.label_ in ("PERSON", "ORG")) or token.lower_ in (
        "he",
        "she",
    )


def _appointed(token: Token, ents: dict[int, Span], cues: RelationCues) -> list[tuple[Phrase, str]]:
    """ "X was appointed commander of Y", "named X as head of Y", "X became the commander"."""
    verb = token.head
    found = verb_class(verb, cues)
    becomes = verb.lower_ in ("became", "become", "becomes", "becoming")
    if verb.i == token.i or not (becomes or (found is not None and found[0] == "appoint_verbs")):
        return []
    if dep(token) not in ("xcomp", "dobj", "attr", "oprd", "obl", "nmod", "advcl"):
        return []
    out: list[tuple[Phrase, str]] = []
    for child in verb.children:
        passive = dep(child) == "nsubjpass"
        active_obj = dep(child) == "dobj" and child.i != token.i and not becomes
        if passive or active_obj or (becomes and dep(child) == "nsubj"):
            out += [(p, "verb") for p in phrases_for(child, ents) if p.label != "NP"]
    return out


RANKS = frozenset(
    {"gen", "gen.", "general", "maj", "maj.", "major", "brig", "brig.", "brigadier", "lt", "lt.",
     "lieutenant", "col", "col.", "colonel", "capt", "capt.", "captain", "adm", "adm.", "admiral",
     "sgt", "sgt.", "mr", "mr.", "dr", "dr.", "ayatollah", "sheikh", "hojatoleslam", "second",
     "first", "rear", "vice", "staff", ",", "-", "–", "."}
)  # fmt: skip


def named_after(token: Token, ents: dict[int, Span], bodies: list[Phrase]) -> Phrase | None:
    """ "defense minister Gen. Ali Ayoub", "Chief of Staff of the Iraqi Armed Forces Gen.
    Othman Al-Ghanimi": the person named right after the title (and its body)."""
    doc = token.doc
    first = token.i + 1
    after = [b for b in bodies if b.start > token.idx]
    if after:
        last = doc.char_span(after[0].start, after[0].end, alignment_mode="expand")
        first = last.end if last is not None else first
    for tok in doc[first : min(len(doc), first + TITLE_GAP)]:
        ent = ents.get(tok.i)
        if ent is not None and ent.label_ == "PERSON":
            return phrase_of_entity(ent)
        if tok.lower_ not in RANKS and not (tok.pos_ == "PROPN" and tok.text.endswith(".")):
            return None
    return None


def _title(token: Token, bodies: list[Phrase]) -> str:
    """The role's own words: its modifiers, the noun and any "of" words before the body."""
    doc = token.doc
    lefts = [
        c
        for c in token.lefts
        if dep(c) in ("compound", "amod", "nmod", "flat")
        and c.ent_type_ == ""
        and not any(t.ent_type_ for t in c.subtree)
    ]
    start = min([token.i, *[c.left_edge.i for c in lefts]])
    end = token.i + 1
    body = bodies[0]
    if body.start > token.idx:
        # "Chief of General Staff of the Iranian Armed Forces": the "of" words that name no
        # body belong to the title.
        while end < len(doc) and doc[end].idx < body.start:
            end += 1
        while end > token.i + 1 and not _title_tail(doc[token.i + 1 : end]):
            end -= 1
    skip = {"the", "a", "an", ","} | set(_QUALIFIERS)
    return " ".join(t.text for t in doc[start:end] if t.lower_ not in skip)


_QUALIFIERS = ("new", "newly", "former", "ex", "ex-", "incoming", "outgoing", "late", "then")


def _title_tail(span: Span) -> bool:
    """Whether the words after a role noun are part of its title ("of General Staff"): an "of"
    phrase of capitalised words, no entity, no possessive, ending on a noun."""
    words = list(span)
    return (
        len(words) >= 2
        and words[0].lower_ == "of"
        and all(
            t.ent_type_ == "" and t.tag_ != "POS" and t.lower_ not in ("'s", "’s") for t in words
        )
        and all(t.text[:1].isupper() or t.lower_ in ("of", "the") for t in words[1:])
        and words[-1].pos_ in ("NOUN", "PROPN")
    )
