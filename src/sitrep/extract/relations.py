"""Per-document relations: a parsed Doc in, relation mentions (each with its claim) out.

Roles, affiliations, alliances, fighting and presence are read from the parse by general
constructions (`relroles`, `relverbs`), each dated when the text dates it ("the new commander",
"former", "since 1998") and carrying the same provenance as an event mention: the sentence span,
the outlet, the source chain and stance from the attribution reader, and its hedges.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from sitrep.extract.attribution import attribute, find_quotes, hedges_in, quote_at
from sitrep.extract.furniture import furniture_spans, inside
from sitrep.extract.newsworthy import is_headline
from sitrep.extract.relcheck import PLAIN, checked
from sitrep.extract.relcues import RelationCues, load_relation_cues
from sitrep.extract.relmodel import learned_in_sentences, load_relation_model
from sitrep.extract.relpresence import place_in_place, presence_relations
from sitrep.extract.relroles import Found, role_relations
from sitrep.extract.relverbs import (
    control_nouns,
    controlled_by_hyphen,
    noun_relations,
    verb_relations,
)
from sitrep.extract.schema import ClaimCues, load_claim_cues
from sitrep.extract.spans import Phrase, entity_index, phrase_of_entity
from sitrep.extract.time import find_time_expressions, normalize_time
from sitrep.nlp.spans import text_of
from sitrep.records import (
    ClaimRecord,
    RelationEnd,
    RelationMention,
    SourceLink,
    TimeValue,
    stable_id,
)

# Constructions that say a relation in passing (a name's apposition or title, a possessive, a
# modifier): a reporting verb over the sentence takes them as said, never as denied.
PRESUPPOSED = frozenset({"apposition", "title", "possessive", "preposition", "hyphen"})
# Which end the time words date: "since 1998" starts a relation.
_SINCE = re.compile(r"\b(since|from)\s*$", re.IGNORECASE)


def extract_relations(
    doc_id: str,
    doc: Doc,
    published: str | None,
    outlet: str | None,
    title: str | None = None,
    learned: bool = True,
) -> tuple[RelationMention, ...]:
    """Every relation mention in `doc`, each with its claim: the rule readers' and, unless
    `learned` is off (or no model has been fitted), the learned model's (`relmodel`)."""
    cues, claim_cues = load_relation_cues(), load_claim_cues()
    text = text_of(doc)
    mask = furniture_spans(text, title)
    ents = unmasked_entities(doc, mask)
    quotes = find_quotes(text)
    model = load_relation_model() if learned else None
    out: list[RelationMention] = []
    seen: set[tuple[str, int, int, int, int]] = set()
    # a headline's words are not a sentence's: the parse of it misleads
    sents = [(index, sent) for index, sent in enumerate(doc.sents) if not is_headline(sent)]
    learned_by_sentence = (
        learned_in_sentences([sent for _, sent in sents], ents, cues, model)
        if model is not None
        else [[] for _ in sents]
    )
    for (index, sent), learned_here in zip(sents, learned_by_sentence, strict=True):
        found_here = sentence_relations(sent, ents, cues, mask)
        found_here += [
            f
            for f in learned_here
            if not _said_by_rules(f, found_here)
            and not any(inside(mask, e.start, e.end) for e in (f.subject, f.object))
        ]
        # each end what the type says; one sentence's words
        kept = [f for f in (checked(raw, sent, ents) for raw in found_here) if f is not None]
        for found in _named_not_described(kept, sent, ents, cues):
            key = (found.type, found.subject.start, found.subject.end, found.object.start,
                   found.object.end)  # fmt: skip
            if key in seen or _same(found.subject, found.object):
                continue
            seen.add(key)
            out.append(
                _record(doc_id, index, sent, found, published, outlet, ents, claim_cues, quotes)
            )
    return tuple(out)


def unmasked_entities(doc: Doc, mask: list[tuple[int, int]]) -> dict[int, Span]:
    """Token index -> entity span, for the entities outside the page's furniture."""
    return {
        i: e for i, e in entity_index(doc).items() if not inside(mask, e.start_char, e.end_char)
    }


def _named_not_described(
    found: list[Found], sent: Span, ents: dict[int, Span], cues: RelationCues
) -> list[Found]:
    """A relation whose subject is a description ("the Iraqi Foreign Minister", "an ISIL gang
    leader") apposed to a person's name is the name's: "met the Iraqi Foreign Minister, Ibrahim
    al-Jaafari in London" places al-Jaafari there, once, whichever phrase the reader took."""
    doc = sent.doc
    names = [
        phrase_of_entity(e)
        for e in {id(e): e for e in ents.values() if e.label_ == "PERSON"}.values()
        if sent.start <= e.start and e.end <= sent.end
    ]
    names = [n for n in names if not _described(n, doc, cues)]
    out: list[Found] = []
    for f in found:
        if f.subject.label not in PLAIN | {"PERSON", "ORG"} or not _described(f.subject, doc, cues):
            out.append(f)  # a name, or a phrase that names no role ("ISIL, Baghdadi said")
            continue
        name = next((n for n in names if _apposed(f.subject, n, doc)), None)
        if name is None:
            out.append(f)
        elif not _overlap(name, f.object) and not any(
            (g.type, g.subject, g.object) == (f.type, name, f.object) for g in out
        ):
            out.append(replace(f, subject=name))
    return out


def _described(phrase: Phrase, doc: Doc, cues: RelationCues) -> bool:
    """A phrase headed by a role noun ("Minister", "the Minister for Central Asia"), which the
    tagger sometimes labels a person."""
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    return span is not None and span.root.lower_ in cues.position_heads


# Words a description and the name apposed to it may have between them besides a comma and
# its own "of" phrase: honorifics and ranks before the name ("HE Dr Ibrahim al-Jaafari").
_APPOSITION_GAP = 6


def _apposed(description: Phrase, name: Phrase, doc: Doc) -> bool:
    """Whether a phrase and a name stand side by side as one person's description and name:
    only a comma, the description's "of" phrase and honorifics between them; no verb, no
    conjunction ("the minister and Boris Johnson" are two people)."""
    if description.start <= name.start and name.end <= description.end:
        return True  # the tagger's phrase holds the name: "Abu Hassan an al-Nusra leader"
    first, second = sorted((description, name), key=lambda p: p.start)
    if first.end >= second.start:
        return False
    gap = doc.char_span(first.end, second.start, alignment_mode="expand")
    if gap is None:
        return False
    words = [t for t in gap if not t.is_space]
    return (
        0 < len(words) <= _APPOSITION_GAP
        and any(t.text == "," for t in words)
        and not any(t.pos_ in ("VERB", "AUX", "CCONJ") or t.lower_ in ("and", "or") for t in words)
    )


def _said_by_rules(learned: Found, rules: list[Found]) -> bool:
    """Whether a rule reader already relates the learned relation's two phrases (either way):
    the rule's reading, typed and dated by its construction, stands."""
    a, b = learned.subject, learned.object
    return any(
        (_overlap(a, r.subject) and _overlap(b, r.object))
        or (_overlap(a, r.object) and _overlap(b, r.subject))
        for r in rules
    )


def _overlap(a: Phrase, b: Phrase) -> bool:
    return a.start < b.end and b.start < a.end


def sentence_relations(
    sent: Span, ents: dict[int, Span], cues: RelationCues, mask: list[tuple[int, int]] | None = None
) -> list[Found]:
    """The relations one sentence states, in token order."""
    found: list[Found] = []
    for token in sent:
        if mask and inside(mask, token.idx, token.idx + len(token.text)):
            continue
        found += role_relations(token, ents, cues)
        found += verb_relations(token, ents, cues)
        found += presence_relations(token, ents, cues)
        found += place_in_place(token, ents)
        found += noun_relations(token, ents, cues)
        found += controlled_by_hyphen(token, ents, cues)
        found += control_nouns(token, ents, cues)
    return found


def _same(a: Phrase, b: Phrase) -> bool:
    overlap = a.start < b.end and b.start < a.end
    return overlap or (a.pack_id is not None and a.pack_id == b.pack_id)


def _end(phrase: Phrase) -> RelationEnd:
    return RelationEnd(phrase.text, phrase.start, phrase.end, phrase.label, phrase.pack_id)


def _record(
    doc_id: str,
    index: int,
    sent: Span,
    found: Found,
    published: str | None,
    outlet: str | None,
    ents: dict[int, Span],
    cues: ClaimCues,
    quotes: list[tuple[int, int]],
) -> RelationMention:
    cue = found.cue
    start, end = cue.idx, cue.idx + len(cue.text)
    rid = stable_id(
        "rlm", doc_id, found.type, found.subject.start, found.subject.end, found.object.start,
        found.object.end,
    )  # fmt: skip
    quote = quote_at(quotes, start, end)
    attribution = attribute(cue, sent, ents, cues, False, quote)
    stance = attribution.stance
    if found.how in PRESUPPOSED and stance in ("denies", "retracts"):
        # "Peskov denied that Soleimani, the head of the Quds Force, met Putin": the denial is
        # of the meeting; the role, said in passing, is reported, not denied
        stance = "reports"
    hedges = hedges_in(sent.text, cues)
    chain = ((SourceLink(outlet, "outlet"),) if outlet else ()) + attribution.chain
    claim = ClaimRecord(
        id=stable_id("clm", doc_id, rid),
        doc_id=doc_id,
        event_mention_id=rid,
        outlet=outlet,
        chain=chain,
        stance=stance,
        hedged=bool(hedges),
        hedges=hedges,
        quote=text_of(sent.doc)[quote[0] : quote[1]] if quote else None,
        start=sent.start_char,
        end=sent.end_char,
        sentence=index,
        sentence_text=sent.text,
    )
    time, ended = _dated(found, sent, published, load_relation_cues())
    return RelationMention(
        id=rid,
        doc_id=doc_id,
        type=found.type,  # type: ignore[arg-type]
        subject=_end(found.subject),
        object=_end(found.object),
        title=found.title,
        cue=cue.text,
        cue_start=start,
        cue_end=end,
        how=found.how,
        qualifier=found.qualifier,
        time=time,
        ended=ended,
        sentence=index,
        claim=claim,
    )


def _dated(
    found: Found, sent: Span, anchor: str | None, cues: RelationCues
) -> tuple[TimeValue | None, bool]:
    """The relation's time and whether it has ended, from its qualifier or a "since" phrase.

    "the new commander" started by the publication date (known to its year); "the former
    commander" ended by then; "commander since 1998" started in 1998."""
    qualifier = (found.qualifier or "").rstrip("-")
    if qualifier in cues.former_words or qualifier == "ex":
        return TimeValue(
            qualifier, "unresolved", None, anchor, anchor, "former-before-anchor"
        ), True
    for expr in find_time_expressions(sent.text):
        words = expr.text
        since = words.lower().startswith(("since ", "from "))
        if since or _SINCE.search(sent.text[: expr.start]):
            if sent.start_char + expr.start < found.cue.idx:
                continue  # a bound before the cue dates another clause
            value = _normalized(re.sub(r"^(since|from)\s+", "", words, flags=re.I), anchor)
            if value.start is None:
                continue
            return TimeValue(
                words if since else f"since {words}", value.precision, value.start, None,
                anchor, "since",
            ), False  # fmt: skip
    if qualifier in cues.new_words and anchor:
        return TimeValue(qualifier, "year", anchor[:4], anchor, anchor, "new-by-anchor"), False
    return None, False


def _normalized(text: str, anchor: str | None) -> TimeValue:
    """`normalize_time`, and a bare year ("since 1998"), which it leaves to its context."""
    if re.fullmatch(r"(1[89]|20)\d\d", text.strip()):
        year = text.strip()
        return TimeValue(text, "year", f"{year}-01-01", f"{year}-12-31", anchor, "year")
    return normalize_time(text, anchor)
