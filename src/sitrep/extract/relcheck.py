"""Checks every relation passes before it is reported: what each end may be, and one sentence.

The readers (`relroles`, `relverbs`, `relpresence`, the learned model) find a relation from a
construction; on real news the parse and the tagger err in a few ways that the construction
cannot see, and which a relation's type signature and the text around it can:

- an end that can be no actor: a day ("Sundays bombardment killed ..."), a date or a number; a
  town or a region as a commander, a fighter, a backer or someone present ("Aleppo ... has lead
  the United States to ...": a country or its capital may act, "Iran backs", "Moscow sent", a
  city may not); an operation named like a person ("Operation Euphrates Shield in Aleppo");
- a person as the body something is a member of or under ("groups including A and B": the
  tagger's PERSON for a group's name is never a container of the other);
- a missed sentence break: pages whose punctuation a table stripped glue a caption or a
  headline to the next sentence ("- Col X, former deputy chief of staff The brigade also killed
  Y"); a capitalised function word or a bracket inside a sentence marks the break, and a
  relation whose ends (and cue) lie on both sides of it is two sentences' words, not a link. A
  plain noun phrase that starts before the break keeps only its part after it ("[Anadolu]
  Residents in Aleppo" -> "Residents").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.extract.arguments import LOCATION_LABELS
from sitrep.extract.deps import case_word, dep
from sitrep.extract.relcues import load_relation_cues
from sitrep.extract.relphrases import CALENDAR, PLACE_HEADS, PLACE_NOUNS
from sitrep.extract.relroles import Found
from sitrep.extract.spans import Phrase
from sitrep.extract.time import find_time_expressions
from sitrep.nlp.spans import text_of

# A plain noun phrase's label: the rule readers' "NP", the learned model's "phrase".
PLAIN = frozenset({"NP", "phrase"})
# Labels no actor, body or place ever has.
NOT_AN_END = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Every relation's subject acts (holds, belongs, is somewhere): it must be an actor, save a
# place in a place. Relations whose object acts too (a foe, an ally, the backed):
BOTH_ACT = frozenset({"fights", "backs", "allied-with"})
# Relations whose object is a body (an organisation, a state, a group), never a person.
BODY_OBJECT = frozenset({"member-of", "under", "holds-position", "commands"})
# Words of an amount that the parse may take for the head of "dozens of villages".
_AMOUNTS = frozenset({"dozens", "hundreds", "thousands", "millions", "scores", "tens", "many",
                      "several", "some", "most", "all", "few", "both", "each"})  # fmt: skip
# Nouns of a share or an amount: "a significant amount", "a large part", "the majority".
_AMOUNT_HEADS = frozenset(
    {"amount", "number", "part", "majority", "portion", "swathe", "swathes", "share", "bulk",
     "rest", "half", "third", "quarter"}
)  # fmt: skip
# Relations whose object is a body one belongs to: a person named by a role is none.
MEMBERSHIP = frozenset({"member-of", "under"})
# Words that name a happening before its name: "Operation Euphrates Shield".
_OPERATION = frozenset({"operation", "operations", "campaign", "exercise"})
# Prepositions of a phrase that is addressed or talked about, not where its verb's subject is.
ADDRESSED = frozenset({"to", "about", "over", "regarding", "concerning", "for"})
# What may stand before a date that opens a phrase: "Last Monday regime forces".
_LEAD = frozenset({"", "last", "next", "this", "on"})
# A name ending on a hyphen and a participle is a modifier: "U.S.-led", "Saudi-backed".
_PARTICIPLE_END = re.compile(r"[-–](led|backed|based|held|controlled|linked|funded|allied)$", re.I)
_PARTICIPLE_AFTER = re.compile(
    r"[-–](led|backed|based|held|controlled|linked|funded|allied)\b", re.I
)
# Tags of a finite verb: never inside a noun phrase.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_PLACE_PLURALS = frozenset({"villages", "towns", "cities", "provinces", "districts", "camps"})
# Function words that open a sentence: capitalised inside one, they mark a missed break.
_OPENERS = frozenset({"DET", "PRON", "ADP", "SCONJ", "CCONJ", "AUX"})
# What may stand before a capitalised word that opens a clause legitimately.
_BREAKS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "'", "‘", "’", "(", "-", "–", "—"})


def checked(found: Found, sent: Span, ents: dict[int, Span]) -> Found | None:
    """The relation as it may be reported (an end trimmed at a missed break), or None."""
    doc = sent.doc
    breaks = missed_breaks(sent, ents)
    subject = _after_date(_after_break(found.subject, breaks, doc), doc)
    obj = _after_date(_after_break(found.object, breaks, doc), doc)
    if subject is None or obj is None:
        return None
    cue = (found.cue.idx, found.cue.idx + len(found.cue.text))
    if _across(breaks, subject, obj, cue):
        return None
    if not fits_type(found.type, subject, obj, doc):
        return None
    if found.type == "present-in" and _someone_elses_place(subject, obj, doc):
        return None
    if subject is found.subject and obj is found.object:
        return found
    return replace(found, subject=subject, object=obj)


def fits_type(kind: str, subject: Phrase, obj: Phrase, doc: Doc) -> bool:
    """Whether the two ends can be what the relation says they are (its type signature)."""
    if not _some_thing(obj) or not _nominal(subject, doc) or not _nominal(obj, doc):
        return False
    # (but "ISIL-held terrain": the modifier's owner holds the very noun it modifies)
    owner = obj.start <= subject.start < obj.end or 0 <= obj.start - subject.end <= 1
    if (_word_part(subject, doc) and not owner) or _word_part(obj, doc):
        return False
    if kind == "present-in" and subject.label in LOCATION_LABELS and obj.label in LOCATION_LABELS:
        return place_in_place(subject.text, obj.text)  # "Mosul, Iraq": geography, when true
    if not can_act(subject, doc):
        return False
    if kind in BOTH_ACT and not can_act(obj, doc):
        return False
    if kind in BODY_OBJECT and obj.label == "PERSON":
        return False
    # "joined the US Secretary of State": one joins a person named by a role, not a body
    return not (kind in MEMBERSHIP and _role_holder(obj, doc))


def _role_holder(phrase: Phrase, doc: Doc) -> bool:
    """A phrase headed by a role noun ("the US Secretary of State", "the minister"), whatever
    the tagger labelled it: a person. ("members" heads a body's part: "the members of ...")"""
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root.lower_
    return root in load_relation_cues().position_heads and root not in ("member", "members")


def can_act(phrase: Phrase, doc: Doc) -> bool:
    """An actor: a person, a group, a force, a body or a state; not a day, a town or an
    operation."""
    if not _some_thing(phrase):
        return False
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if phrase.label in LOCATION_LABELS:
        # a town or a region the gazetteer knows, or the text calls one, is where things
        # happen, not who acts; a name it does not know is the tagger's guess ("the Kurds" as
        # a place): let it act
        if is_state(phrase.text):
            return True
        return not is_known_place(phrase.text) and not (span is not None and named_as_place(span))
    if span is None:
        return True
    if phrase.label in PLAIN:
        # a clause the parse took for a phrase: "the coalition conducted 18 strikes on ..."
        return not any(
            t.tag_ in _FINITE and any(dep(c) in ("nsubj", "nsubjpass", "dobj") for c in t.children)
            for t in span
        )
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in _OPERATION:
        return False
    return not named_as_place(span)


def _nominal(phrase: Phrase, doc: Doc) -> bool:
    """A phrase headed by a noun, an organisation not ending on a participle: "Saudi-backed",
    "U.S.-led" are modifiers the parse cut from their noun, no end (a nationality's adjective,
    "Syrian", is one)."""
    if phrase.label not in PLAIN | {"ORG"}:
        return True
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None:
        return True
    if phrase.label == "ORG":  # (the parse inside a name is unreliable: its last word tells)
        return _PARTICIPLE_END.search(phrase.text) is None
    return span.root.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X")


# Arabic articles a name's own hyphen follows ("al-Sham"): a name cut there is still a name.
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "ash", "at", "az", "ath", "ibn", "bin"})


def _word_part(phrase: Phrase, doc: Doc) -> bool:
    """An end glued by a hyphen to a lower-case prefix or a participle is part of one word, a
    modifier: "intra-Syrian talks", "pro-Assad militias", "anti-ISIL coalition", "the
    Shia-linked sect" name no Syrian, Assad, ISIL or Shia as a party."""
    text = text_of(doc)
    after = _PARTICIPLE_AFTER.match(text, phrase.end)
    if after is not None and after.group(1).lower() not in load_relation_cues().control_participles:
        # "the Shia-linked Alawite sect", "Iran-backed militias" (but "Daesh-held areas in
        # Syria": the holder holds them, and is there)
        return True
    if phrase.start < 2 or text[phrase.start - 1] not in "-–" or not phrase.text[:1].isupper():
        return False  # ("self-proclaimed Islamic State militants": a phrase cut at the hyphen)
    prefix = re.search(r"([A-Za-z]+)$", text[: phrase.start - 1])
    return prefix is not None and prefix.group(1).islower() and prefix.group(1) not in _ARTICLES


def named_as_place(span: Span) -> bool:
    """A name the phrase around it calls a place, whatever the tagger said: "the villages of
    al-Foua and Kefraya", "Saraqeb, another opposition-held city"."""
    if _place_noun(span[-1]):
        return True  # the tagger's name took its place noun in: "al-Shaar neighbourhoods"
    root = span.root
    while dep(root) == "conj" and root.head.i != root.i:
        root = root.head  # "al-Foua and Kefraya": the list's first item tells
    if any(_place_noun(c) for c in root.conjuncts):
        return True  # "the al-Kallaseh and al-Shaar neighbourhoods"
    head = root.head
    if dep(root) in ("nmod", "pobj") and case_word(root) == "of" and _place_noun(head):
        return True
    if dep(root) in ("appos", "compound") and _place_noun(head):
        return True  # "Saraqeb, another city", "the al-Merja and al-Sekkari neighbourhoods"
    return any(dep(c) == "appos" and _place_noun(c) for c in root.children)


def _place_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lower_ in PLACE_NOUNS | PLACE_HEADS | _PLACE_PLURALS


def _some_thing(phrase: Phrase) -> bool:
    """Not a date, a time or a number ("Sundays", "9 Jul 2015", "Thursday's")."""
    if phrase.label in NOT_AN_END:
        return False
    words = [
        w.lower().rstrip("’'").removesuffix("’s").removesuffix("'s") for w in phrase.text.split()
    ]
    if not words:
        return False
    if phrase.label == "PERSON":
        return True  # "Theresa May", "April Smith": a name, whatever its words
    if phrase.label in PLAIN and all(w in _AMOUNTS or w.isdigit() for w in words):
        return False  # "liberated dozens of villages": the parse's head is the amount
    if phrase.label in PLAIN and words[-1] in _AMOUNT_HEADS:
        return False  # "controls a significant amount of territory": so is it here
    ends = {words[0], words[-1]}
    return not ends & CALENDAR and not {w.removesuffix("s") for w in ends} & CALENDAR


def is_state(name: str) -> bool:
    """A country, a part of one named by the compass, or a country's capital (which news
    names for its government: "Moscow sent", "Damascus denied")."""
    from sitrep.extract.merge import is_country_region

    return is_country_region(name) or name.lower().removeprefix("the ").strip() in _capitals()


def is_known_place(name: str) -> bool:
    from sitrep.resolve.places import resolve_place

    return resolve_place(name) is not None


def place_in_place(inner: str, outer: str) -> bool:
    """Whether a place may lie in another, by the gazetteer: both known, in the same country
    ("Mosul" in "northern Iraq"), or the inner one unknown (a village the report places)."""
    from sitrep.extract.merge import country_named, is_country_region
    from sitrep.resolve.places import resolve_place

    if is_state(inner):
        return True  # a state is somewhere as an actor is ("the U.K. in the Gulf")
    found = resolve_place(inner)
    if found is None:
        return True
    container = resolve_place(country_named(outer) if is_country_region(outer) else outer)
    return container is None or container.country_code == found.country_code


@cache
def _capitals() -> frozenset[str]:
    from sitrep.resolve.centroids import geonames  # the process's one gazetteer

    countries = geonames().get_countries().values()
    return frozenset(str(c["capital"]).lower() for c in countries if c.get("capital"))


def missed_breaks(sent: Span, ents: dict[int, Span]) -> list[int]:
    """Character offsets where the sentence holds a break the splitter missed: a capitalised
    function word ("The", "At", "In") after a word, outside any name; a bracket."""
    out = []
    for tok in sent[1:]:
        if tok.text in ("[", "]"):
            out.append(tok.idx + (1 if tok.text == "]" else 0))
        elif _opens_a_sentence(tok, ents):
            out.append(tok.idx)
    return out


def _opens_a_sentence(tok: Token, ents: dict[int, Span]) -> bool:
    if tok.i in ents or not tok.text[:1].isupper() or tok.pos_ not in _OPENERS:
        return False
    if tok.text.isupper() and len(tok.text) > 1:
        return False  # an acronym ("US", "IS") the tagger took for a pronoun or a determiner
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and (after.i in ents or after.pos_ == "PROPN"):
        return False  # a name's article: "based in The Hague", "told The Guardian"
    before = tok.doc[tok.i - 1]
    return before.text not in _BREAKS and "\n" not in before.whitespace_


def _after_break(phrase: Phrase, breaks: list[int], doc: Doc) -> Phrase | None:
    """A plain noun phrase that starts before a missed break keeps its words after it; an
    entity (the tagger's own span) is kept as it is."""
    inner = [b for b in breaks if phrase.start < b < phrase.end]
    if not inner:
        return phrase
    if phrase.label not in PLAIN:
        return None
    span = doc.char_span(max(inner), phrase.end, alignment_mode="expand")
    if span is None or not span.text.strip(" []"):
        return None
    words = [t for t in span if t.text not in ("[", "]")]
    if not words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return Phrase(text_of(doc)[start:end], start, end, phrase.label, phrase.pack_id)


def _someone_elses_place(subject: Phrase, place: Phrase, doc: Doc) -> bool:
    """Whether the place belongs to a phrase the subject is not in, addressed or talked about:
    "sent an envoy to rebels in Idlib", "warned about the situation in Aleppo" put the rebels
    and the situation there, not the one who sent or warned."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(4):
        head = node.head
        if head.i == node.i or head.pos_ not in ("NOUN", "PROPN", "PRON"):
            return False
        if dep(node) not in ("nmod", "pobj", "prep", "conj", "appos"):
            return False
        node = head
        if case_word(node) in ADDRESSED:
            inside = (
                node.left_edge.idx <= subject.start < node.right_edge.idx + len(node.right_edge)
            )
            return not inside
    return False


def _after_date(phrase: Phrase | None, doc: Doc) -> Phrase | None:
    """A plain noun phrase that opens on a date a table glued to it ("12 Jul 2016 Opposition
    forces", "Last Monday regime forces") keeps the words after the date; a date alone is
    no end."""
    if phrase is None or phrase.label not in PLAIN:
        return phrase
    text = phrase.text
    opening = next(
        (t for t in find_time_expressions(text) if text[: t.start].strip(" ,").lower() in _LEAD),
        None,
    )
    if opening is None:
        return phrase
    rest = text[opening.end :]
    if not rest.strip(" ,") or rest.startswith(("'s", "’s", "'", "’")):
        return None  # a date alone, or a day's doing ("Wednesday's raid"): no one acts
    start = phrase.start + opening.end + (len(rest) - len(rest.lstrip(" ,")))
    return Phrase(text_of(doc)[start : phrase.end], start, phrase.end, phrase.label, phrase.pack_id)


def _across(breaks: list[int], a: Phrase, b: Phrase, cue: tuple[int, int]) -> bool:
    """Whether a missed break lies between any two of the relation's parts."""
    lo = min(a.start, b.start, cue[0])
    hi = max(a.end, b.end, cue[1])
    return any(lo < x < hi for x in breaks if not _in(x, a) and not _in(x, b))


def _in(offset: int, phrase: Phrase) -> bool:
    return phrase.start <= offset < phrase.end
