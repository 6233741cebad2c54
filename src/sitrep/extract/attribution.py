"""Who says so: the attribution chain, stance, hedging and quotation of an event mention.

The chain runs from the outlet outwards to the original source ("Fox News citing Western
intelligence": outlet -> Fox News -> Western intelligence). The stance comes from the innermost
stance-bearing verb governing the trigger (deny / confirm / retract), else "reports" when
someone is cited, else "asserts" (the outlet's own words); a negated event is a denial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.extract.agents import is_time
from sitrep.extract.arguments import LOCATION_LABELS, Slot, is_passive, subject_slots
from sitrep.extract.deps import case_word, dep, prep_objects
from sitrep.extract.fragments import fragment_speaker, glued_speaker, glued_verb
from sitrep.extract.schema import ClaimCues, verb_lemma
from sitrep.extract.spans import (
    PRONOUNS,
    SUBJECT_DEPS,
    Phrase,
    clause_tokens,
    entities_under,
    noun_phrase,
    person_before,
    phrase_of_entity,
    phrases_for,
)
from sitrep.extract.within import PLACE_NOUNS
from sitrep.nlp.spans import text_of
from sitrep.records import UNNAMED_SOURCE, SourceLink, Stance

SourceKind = str
_QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"))
INTERVIEW_NOUNS = frozenset(
    {"interview", "statement", "remarks", "conversation", "talk", "comments"}
)


@dataclass(frozen=True)
class Attribution:
    chain: tuple[SourceLink, ...]  # without the outlet
    stance: Stance
    speaker_found: bool


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks (curly, guillemets, straight pairs)."""
    spans: list[tuple[int, int]] = []
    for open_mark, close_mark in _QUOTE_PAIRS:
        for m in re.finditer(
            re.escape(open_mark)
            + "([^"
            + re.escape(close_mark)
            + "]{1,2000})"
            + re.escape(close_mark),
            text,
        ):
            spans.append(m.span(1))
    straight = [m.start() for m in re.finditer('"', text)]
    spans.extend((a + 1, b) for a, b in zip(straight[::2], straight[1::2], strict=False))
    return sorted(spans)


def quote_at(quotes: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for qs, qe in quotes:
        if qs <= start and end <= qe:
            return qs, qe
    return None


def hedges_in(text: str, cues: ClaimCues) -> tuple[str, ...]:
    low = text.lower()
    found: list[str] = []
    for cue in cues.hedges:
        if re.search(rf"\b{re.escape(cue)}\b", low) and not any(cue in f for f in found):
            found.append(cue)
    return tuple(found)


def source_kind(phrase: Phrase, cues: ClaimCues) -> SourceKind:
    low = phrase.text.lower()
    words = set(re.findall(r"[\w-]+", low))

    def has(vocab: frozenset[str]) -> bool:
        return any((w in words) if " " not in w else (w in low) for w in vocab)

    if has(cues.agency_words):
        return "agency"
    if phrase.label == "PERSON":
        return "person"
    if phrase.label == "NP" and has(cues.anonymous_words):
        return "anonymous"
    if has(cues.official_words) or phrase.label in ("ORG", "NORP", "LOC", "GPE"):
        return "official"
    if has(cues.anonymous_words):
        return "anonymous"
    return "unknown"


# A casualty word that opens a source's phrase ends the clause before it, its comma stripped:
# "... and left scores wounded reports say" (the reports say; the scores were wounded). Lower
# case only: a sentence that opens "Wounded soldiers said" keeps its speakers whole.
_CASUALTY_WORD_FIRST = re.compile(r"^(?:wounded|injured|hurt|dead|killed)\s+(?=\S)")


def _link(phrase: Phrase, verb: str, cues: ClaimCues) -> SourceLink:
    cut = _CASUALTY_WORD_FIRST.match(phrase.text)
    if cut is not None:
        text = phrase.text[cut.end() :]
        phrase = Phrase(text, phrase.start + cut.end(), phrase.end, phrase.label, phrase.pack_id)
    kind = source_kind(phrase, cues)
    return SourceLink(phrase.text, kind, verb, phrase.start, phrase.end)  # type: ignore[arg-type]


def _first_phrase(head: Token, ents: dict[int, Span]) -> Phrase | None:
    # a day is no speaker: "military sources said Wednesday" parsed with the day as subject
    found = [p for p in phrases_for(head, ents) if not is_time(p.text)]
    if found and _place_inside(found[0], head):
        # "Activists in rural Aleppo said": the activists speak; "Chief Superintendent X of
        # the police of the Region": X does
        named = [e for e in entities_under(head, ents) if e.label_ in _SPEAKER_LABELS]
        return phrase_of_entity(named[0]) if named else noun_phrase(head)
    if found and found[0].label == "NORP" and not found[0].start <= head.idx < found[0].end:
        # "according to a Syrian opposition statement": a nationality describes who speaks
        return noun_phrase(head)
    return found[0] if found else None


_SPEAKER_LABELS = frozenset({"PERSON", "ORG"})


def _place_inside(phrase: Phrase, head: Token) -> bool:
    """A place named in the speaker's phrase but not as its head: after it ("Activists in
    rural Aleppo" are the activists), glued before it by a hyphen ("the Britain-based
    monitor"), or a modifier of the head ("Tabqah local media reported", where copy without
    punctuation ran the town into the media's phrase). "Damascus said" is the government
    speaking: there the place is the head."""
    if phrase.label not in LOCATION_LABELS:
        return False
    glued = text_of(head.doc)[phrase.end : phrase.end + 1] == "-" and phrase.end < head.idx
    modifier = phrase.end <= head.idx and head.pos_ == "NOUN"
    return phrase.start > head.idx or glued or modifier


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if dep(c) in ("pobj", "pcomp")), None)


def _citing_links(head: Token, ents: dict[int, Span], cues: ClaimCues) -> list[SourceLink]:
    """ "..., citing informed sources" / "citing data from Western intelligence"."""
    links = []
    for child in head.children:
        if verb_lemma(child.text, cues.citing_verbs) != "cite" or child.i < head.i - 40:
            continue
        obj = next((c for c in child.children if dep(c) in ("dobj", "obj")), None)
        if obj is None:
            continue
        source = next((o for w, o in prep_objects(obj) if w == "from"), None) or obj
        phrase = _first_phrase(source, ents)
        if phrase is not None:
            links.append(_link(phrase, "citing", cues))
    return links


def _interview_links(verb: Token, ents: dict[int, Span], cues: ClaimCues) -> list[SourceLink]:
    """ "In an interview with the Mehr News Agency, X revealed ...": the agency relays X."""
    if dep(verb) == "acl" and verb.head.lower_ in INTERVIEW_NOUNS:  # the parser's reading
        return _noun_interview_links(verb.head, ents, cues)
    return [link for _w, n in prep_objects(verb) for link in _noun_interview_links(n, ents, cues)]


def _noun_interview_links(noun: Token, ents: dict[int, Span], cues: ClaimCues) -> list[SourceLink]:
    if noun.lower_ not in INTERVIEW_NOUNS:
        return []
    links = []
    for word, target in prep_objects(noun):
        phrase = _first_phrase(target, ents) if word in ("with", "to") else None
        if phrase is not None:
            links.append(_link(phrase, "interview", cues))
    return links


def _verb_links(
    verb: Token, verb_word: str, ents: dict[int, Span], cues: ClaimCues, quote_start: int | None
) -> list[SourceLink]:
    """The links one attribution verb adds, outermost first."""
    links = _interview_links(verb, ents, cues)
    speaker: Phrase | None = None
    cited: Phrase | None = None
    agent = _agent(verb)
    # a passive report's speaker is its agent ("was announced by the Kurdish militia"), not
    # its subject, which is what was reported ("40 people have been confirmed dead"); one
    # quoted or cited is who spoke ("X was quoted as saying")
    told_of = agent is not None or (is_passive(verb) and verb_word not in ("quote", "cite"))
    slots = _nearest_subject_first([] if told_of else subject_slots(verb), verb, cues)
    own = None if told_of else _subject_after_and(verb)
    if own is not None:  # "images showed X and doctors reported": the doctors report
        slots = [Slot("subject", own)]
    if agent is not None:
        speaker = _first_phrase(agent, ents)
    for slot in slots:
        if slot.head.lower_ == "it" and slot.head.pos_ == "PRON" and quote_start is None:
            # "It reported five more deaths ...": the monitor or outlet that told something
            # just before (`_teller_before`), as for a closing "it said"
            speaker = _teller_before(verb.sent, ents, cues)
            if speaker is not None:
                break
            continue
        if slot.head.lower_ in ("this", "it") or _in_quote(slot.head, quote_start):
            continue
        if slot.head.text.isdigit() and not any(slot.head.children):
            # "548 A human rights group has claimed": a page's view count glued on; the
            # verb's other subject speaks
            others = [c for c in verb.children if dep(c) in SUBJECT_DEPS and c.i > slot.head.i]
            speaker = _first_phrase(others[0], ents) if others else None
            break
        if slot.head.lower_ in cues.negative_answers or slot.head.pos_ in ("INTJ", "PUNCT"):
            break  # "«no» answered ...": the answer, not who gave it
        if slot.head.lower_ in REPORT_NOUNS:  # "authorities ... reports ... denied"
            holder = next((c for c in slot.head.children if dep(c) in SUBJECT_DEPS), None)
            speaker = _first_phrase(holder, ents) if holder is not None else None
            break
        speaker = _speaker_phrase(slot.head, ents, quote_start)
        flat = _flattened_citing(slot.head, ents, cues)
        if flat is not None:
            speaker, cited = flat
        break
    if speaker is not None and source_kind(speaker, cues) == "unknown":
        speaker = _other_subject(verb, speaker, ents, cues) or speaker
    # "A bombing was reported to have killed ...": someone unnamed reported it ("No claims of
    # responsibility were reported" reports nothing)
    unnamed = told_of and agent is None and not _nothing_reported(verb)
    if speaker is None and not unnamed:
        # "Peskov, the laconic «" | "no» answered": the split kept him apart
        before = fragment_speaker(verb.sent, ents)
        speaker = phrase_of_entity(before) if before is not None else None
    if speaker is None and not unnamed:
        speaker = _speaker_noun_before(verb, ents, cues)
    if unnamed:
        # reported by someone the text does not name: a link with no words of its own
        links.append(SourceLink(UNNAMED_SOURCE, "anonymous", _verb_text(verb)))
    if verb_word == "tell":  # "an official told The Associated Press": AP relays the official
        for child in verb.children:
            if dep(child) in ("dobj", "obj", "dative") and child.pos_ != "ADP":
                phrase = _first_phrase(child, ents)
                if phrase is not None and phrase.text.lower() not in ("reporters", "journalists"):
                    links.append(_link(phrase, "told", cues))
    if speaker is not None:
        links.append(_link(speaker, _verb_text(verb), cues))
        links.extend(_co_tellers(speaker, verb, ents, cues))
        if cited is not None:
            links.append(_link(cited, "citing", cues))
        for slot in subject_slots(verb):
            links.extend(_citing_links(slot.head, ents, cues))
    if verb_word in ("quote", "cite"):  # "Tasnim quoted Baqeri as saying"
        obj = next((c for c in verb.children if dep(c) in ("dobj", "obj")), None)
        phrase = _first_phrase(obj, ents) if obj is not None else None
        if phrase is not None:
            links.append(_link(phrase, "quoted" if verb_word == "quote" else "cited", cues))
    links.extend(_citing_links(verb, ents, cues))
    return links


def _co_tellers(
    speaker: Phrase, verb: Token, ents: dict[int, Span], cues: ClaimCues
) -> list[SourceLink]:
    """Who tells it together with the speaker: "the Observatory and medics said", "a monitor
    and a medical source said". The parse may hang the second teller on the last word of the
    first's name ("... for Human Rights and medics") or leave the first outside the clause;
    either is a teller when it names a kind of source (an agency, an official, a person, an
    unnamed source: "and the town" is no teller)."""
    doc = verb.doc
    words = [t for t in doc[verb.sent.start : verb.i] if speaker.start <= t.idx < speaker.end]
    if not words:
        return []
    found: list[Token] = [
        c
        for w in words
        for c in w.children
        if dep(c) == "conj"
        and c.pos_ in ("NOUN", "PROPN")
        and not speaker.start <= c.idx < speaker.end
        and c.i < verb.i
    ]
    first, last = words[0], words[-1]
    # "killed four on Sunday a Britain-based monitor and a medical source said": the first
    # teller hung on the killing, the "and" before the second
    if first.i >= 2 and doc[first.i - 1].lower_ == "and" and not found:
        before = doc[first.i - 2]
        if before.pos_ == "NOUN" and before.head.i != verb.i and before.i > verb.sent.start:
            found.append(before)
    links = []
    for word in found:
        if word.i == last.i:
            continue
        phrase = _first_phrase(word, ents)
        if phrase is None or (phrase.start, phrase.end) == (speaker.start, speaker.end):
            continue
        if phrase.start < speaker.end and speaker.start < phrase.end:
            phrase = noun_phrase(word)  # the teller's own words, not the name it hangs in
        if phrase is not None and source_kind(phrase, cues) != "unknown":
            links.append(_link(phrase, _verb_text(verb), cues))
    return sorted(links, key=lambda link: link.start or 0)


def _subject_after_and(verb: Token) -> Token | None:
    """ "Footage showed wounded children and doctors reported that ...": the parse joined the
    doctors to the children and left the reporting verb with no subject of its own; the noun
    right after "and", right before the verb, is who reports."""
    if any(dep(c) in SUBJECT_DEPS for c in verb.children) or verb.i < 2:
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or dep(noun) != "conj":
        return None
    joined = any(dep(c) == "cc" and c.lower_ == "and" for c in noun.children)
    return noun if joined else None


def _nothing_reported(verb: Token) -> bool:
    """The subject of a passive report is denied by "no" ("No claims were reported", "None
    were reported")."""
    return any(
        slot.head.lower_ == "none"
        or any(c.lower_ == "no" and dep(c) in ("det", "neg", "advmod") for c in slot.head.children)
        for slot in subject_slots(verb)
    )


def _other_subject(
    verb: Token, speaker: Phrase, ents: dict[int, Span], cues: ClaimCues
) -> Phrase | None:
    """Copy without commas can give a reporting verb two subjects ("Among the martyrs were two
    women SANA news agency reported"): where the first names no kind of source, another that
    does (an agency, an official, a person, an unnamed source) is the speaker. ("noting" in
    "... reported noting that" has its subjects from the verb it hangs on.)"""
    while dep(verb) in ("xcomp", "conj") and not any(dep(c) in SUBJECT_DEPS for c in verb.children):
        verb = verb.head
    for child in verb.children:
        if dep(child) not in SUBJECT_DEPS or child.idx == speaker.start:
            continue
        phrase = _first_phrase(child, ents)
        if phrase is not None and source_kind(phrase, cues) != "unknown":
            return phrase
    return None


_SPEAKING_LABELS = frozenset({"ORG", "PERSON"})


def _speaker_noun_before(verb: Token, ents: dict[int, Span], cues: ClaimCues) -> Phrase | None:
    """A reporting verb the parse gave no subject, right after a noun that names a kind of
    source: that noun speaks ("In the province of Idlib meanwhile residents said jets bombed
    the city", where the parse hung "residents" on the province; "... in the province of Deir
    Ezzor state-run news agency said"). Only such nouns: a name run before the verb may be a
    place ("in the city of Homs Syrian activists said")."""
    doc, start = verb.doc, verb.sent.start
    i = verb.i - 1
    while i >= start and doc[i].pos_ == "ADV" and i not in ents:
        i -= 1  # "residents also said"
    if i < start:
        return None
    named = ents.get(i)
    if named is not None and named.label_ in _SPEAKING_LABELS and named.end == i + 1:
        # "SOHR added that ...": a body or a person right before the verb, which the tagger
        # took for an adverb or a modifier and the parse left the verb without a subject;
        # never one after a preposition ("trained by Washington said the Observatory")
        cased = any(dep(c) == "case" and c.i < named.start for t in named for c in t.children)
        return None if cased else phrase_of_entity(named)
    noun = doc[i]
    kinds = cues.anonymous_words | cues.official_words | cues.agency_words
    if noun.pos_ != "NOUN" or noun.lower_ not in kinds or i in ents:
        return None
    first = i
    while first - 1 >= start:
        before = doc[first - 1]
        if first - 1 in ents:
            # "Syrian state television", "SANA news agency"; never a place ("in southern
            # Syria state media")
            if ents[first - 1].label_ in ("NORP", "ORG") and ents[first - 1].end == first:
                first = ents[first - 1].start
            break
        # (a medium's own compound only: "state television", never "meanwhile residents")
        compound = (
            dep(before) == "compound"
            and before.pos_ == "NOUN"
            and before.head.i >= first
            and noun.lower_ in cues.agency_words
        )
        if before.pos_ == "ADJ" or before.lower_ in cues.agency_words:
            first -= 1  # "local residents", "news agency"
        elif compound and before.lower_ not in PLACE_NOUNS:
            first -= 1  # "state television" (never "the district" before it)
        elif before.text == "-" and first - 2 >= start and first - 2 not in ents:
            first -= 2  # "state-run"
        else:
            break
    begin, end = doc[first].idx, noun.idx + len(noun.text)
    return Phrase(text_of(doc)[begin:end], begin, end, "NP")


def _flattened_citing(
    head: Token, ents: dict[int, Span], cues: ClaimCues
) -> tuple[Phrase, Phrase] | None:
    """ "Fox News channel, citing data from Western intelligence reported": a parse that flattens
    the subject keeps "citing" inside it; the name before it speaks, the one after is cited."""
    tokens = sorted(clause_tokens(head), key=lambda t: t.i)
    cite = next((t for t in tokens if verb_lemma(t.text, cues.citing_verbs)), None)
    if cite is None:
        return None
    named = [ents[t.i] for t in tokens if t.i in ents]
    before = [e for e in named if e.end <= cite.i]
    after = [e for e in named if e.start > cite.i]
    if not before or not after:
        return None
    return phrase_of_entity(before[-1]), phrase_of_entity(after[0])


def _in_quote(token: Token, quote_start: int | None) -> bool:
    """A subject inside the quotation is quoted, not the speaker ("«X was not», said Y")."""
    return quote_start is not None and quote_start <= token.idx and _opens_before(token)


def _opens_before(token: Token) -> bool:
    text, end = text_of(token.doc), token.idx
    return text.rfind("«", 0, end) > text.rfind("»", 0, end) or text.rfind(
        "“", 0, end
    ) > text.rfind("”", 0, end)


def _verb_text(verb: Token) -> str:
    return verb.lower_


def _speaker_phrase(head: Token, ents: dict[int, Span], quote_start: int | None) -> Phrase | None:
    if quote_start is not None and head.lower_ in ("he", "she"):
        ante = antecedent_before(head.doc, quote_start)
        return phrase_of_entity(ante) if ante is not None else None
    return _first_phrase(head, ents)


def antecedent_before(doc: Doc, char: int) -> Span | None:
    return person_before(doc, char)


def _classify(token: Token, cues: ClaimCues) -> tuple[str, str] | None:
    """(category, lemma) of an attribution verb, or None."""
    if token.pos_ not in ("VERB", "AUX", ""):
        return None
    answer = verb_lemma(token.text, cues.answer_verbs)
    if answer is not None:
        return ("denies", answer) if negative_answer(token, cues) else None
    for category, vocab in (
        ("denies", cues.deny_verbs),
        ("confirms", cues.confirm_verbs),
        ("retracts", cues.retract_verbs),
        ("reports", cues.reporting_verbs),
    ):
        lemma = verb_lemma(token.text, vocab)
        if lemma is None or _claims_a_thing(token, lemma):
            continue
        if category == "retracts" and not _takes_back_words(token, lemma):
            continue  # "the group withdrew from the areas it held": a retreat, no retraction
        return category, lemma
    return None


# What one takes back when one withdraws or corrects: words said before.
_STATEMENT_NOUNS = frozenset(
    {
        "claim", "claims", "statement", "statements", "report", "reports", "remark", "remarks",
        "accusation", "accusations", "allegation", "allegations", "story", "comment",
        "comments", "assertion", "figure", "figures", "toll", "account", "version", "denial",
    }
)  # fmt: skip


def _takes_back_words(verb: Token, lemma: str) -> bool:
    """ "retracted" takes back words whatever follows; "withdrew" and "corrected" only with a
    statement for object ("withdrew its claim"), not troops or ground ("withdrew from
    northern areas", "withdrew its forces")."""
    if lemma == "retract":
        return True
    objects = [c for c in verb.children if dep(c) in ("dobj", "obj", "nsubjpass", "nsubj:pass")]
    return any(c.lower_ in _STATEMENT_NOUNS for c in objects)


def _claims_a_thing(verb: Token, lemma: str) -> bool:
    """ "claim" with a noun for what is claimed, not a clause for what is said: "claiming the
    lives of a man and his wife" (a toll), "the attack was claimed by the group", "claimed
    responsibility" (who did it, told in the article's own voice)."""
    if lemma != "claim":
        return False
    if dep(verb) == "acl" and verb.head.pos_ == "NOUN" and not _named_speaker(verb.head):
        # "in an attack claimed by the group": the attack is claimed; "... the Syrian
        # Observatory claimed on Thursday" (copy without commas) is the body's claim
        return True
    nouns = [c for c in verb.children if dep(c) in ("dobj", "obj", "nsubjpass", "nsubj:pass")]
    return any(c.pos_ in ("NOUN", "PROPN") and not _subject_of_a_clause(c) for c in nouns)


def _subject_of_a_clause(noun: Token) -> bool:
    """ "claimed Daesh fighters killed 30 soldiers": the parse made the clause's subject the
    object and hung its finite verb on it; what is claimed is the clause."""
    return any(dep(c) == "acl" and c.tag_ == "VBD" for c in noun.children)


def _named_speaker(noun: Token) -> bool:
    """A noun inside the name of a body or a person, which may claim things."""
    return noun.ent_type_ in _SPEAKING_LABELS


def is_attribution_verb(token: Token, cues: ClaimCues) -> bool:
    """A verb that reports, confirms, denies or retracts what its clause governs."""
    return _classify(token, cues) is not None


def negative_answer(verb: Token, cues: ClaimCues) -> bool:
    """ "answered «no»", "replied negatively", "responded in the negative"."""
    for child in verb.children:
        words = {child.lower_} | {t.lower_ for t in child.children}
        if child.lower_ in cues.negative_answers or (words & {"negative"} and child.i > verb.i):
            return True
    return False


# Nouns that carry a claim: "reports of Soleimani's travel ... were denied" denies the travel.
REPORT_NOUNS = frozenset(
    {"reports", "report", "claims", "claim", "rumours", "rumors", "information", "allegations"}
)


def _stance_on_report(noun: Token, cues: ClaimCues) -> tuple[Token, tuple[str, str]] | None:
    """ "officials denied reports about the arrival": parsed as a participle modifying the
    report noun ("denied reports"), the verb still takes its stance on what the reports say."""
    for child in noun.children:
        if dep(child) not in ("amod", "acl"):
            continue
        found = _classify(child, cues)
        if found is not None and found[0] != "reports":
            return child, found
    return None


def _is_about(verb: Token, trigger: Token, category: str) -> bool:
    """The trigger sits in the verb's own subject ("the visit of Ghaani shows"): not a source.

    Only the verb's subject children count: a subject inherited through `acl` ("an interview
    ..., X revealed Ghaani's visit") holds the verb itself. A report noun as the subject of a
    stance verb is what the stance is about, not who takes it.
    """
    subjects = [c for c in verb.children if dep(c) in SUBJECT_DEPS]
    for child in subjects:
        if trigger not in child.subtree or _second_subject_after(verb, child, subjects):
            continue
        if "pass" in dep(child) and _agent(verb) is not None:
            return False  # "The capture of X was announced by the YPG": what was announced
        return category == "reports" or child.lower_ not in REPORT_NOUNS
    return False


def _nearest_subject_first(slots: list[Slot], verb: Token, cues: ClaimCues) -> list[Slot]:
    """ "... outside the capital Damascus a monitor said": where a stripped comma gave the verb
    two subjects before it, the one next to it speaks; the other ends the clause before. (An
    answer is no speaker: "Peskov, the laconic «no» answered".) A subject before a quote's
    closing mark is the quote's, whose opening mark a page lost: "... and wounded dozens of
    others" said Rami Abdel Rahman" is said by the subject after the verb."""
    # (the name after the verb may be parsed as its subject or, misread, as its clause or
    # object: "said Rami Abdel Rahman director of ...")
    after = [
        c
        for c in verb.children
        if c.i > verb.i
        and (dep(c) in SUBJECT_DEPS or (dep(c) in _SPEAKER_MISREAD and _names_someone(c)))
        and c.pos_ in ("NOUN", "PROPN")
    ]
    quoted = bool(slots) and slots[0].head.lower_ not in cues.negative_answers
    if quoted and after and _quote_closes_between(slots[0].head, verb):
        return [Slot(slots[0].name, after[0])]
    before = [
        c
        for c in verb.children
        if dep(c) in SUBJECT_DEPS
        and c.i < verb.i
        and c.lower_ not in cues.negative_answers
        and c.pos_ not in ("INTJ", "PUNCT")
    ]
    if len(before) < 2 or not slots or slots[0].head.i != before[0].i:
        return slots
    return [Slot(slots[0].name, before[-1])]


_CLOSING_QUOTES = frozenset({'"', "”", "''", "»"})
_SPEAKER_MISREAD = frozenset({"ccomp", "dobj", "obj", "appos", "parataxis"})


def _names_someone(head: Token) -> bool:
    """A phrase with a name in it ("Rami Abdel Rahman director of ..."), not "the question"."""
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in head.subtree)


def _quote_closes_between(subject: Token, verb: Token) -> bool:
    """A closing quotation mark between the subject and the verb after it."""
    if subject.i >= verb.i:
        return False
    return any(t.text in _CLOSING_QUOTES for t in verb.doc[subject.i + 1 : verb.i])


def _agent(verb: Token) -> Token | None:
    """Who did what a passive verb tells ("announced by the militia", "a blast claimed by the
    group"), if it says; an active verb's "by" is no agent ("reported raids by the regime")."""
    passive = is_passive(verb) or (dep(verb) == "acl" and verb.tag_ == "VBN")
    return (
        next((obj for word, obj in prep_objects(verb) if word == "agent"), None)
        if passive
        else None
    )


def _second_subject_after(verb: Token, child: Token, subjects: list[Token]) -> bool:
    """ "The Observatory [SOHR] said the strikes on the town ...": a bracket or a dropped comma
    can give a reporting verb a second subject after it; with its speaker before it, what comes
    after the verb is what it reports."""
    return child.i > verb.i and any(other.i < verb.i for other in subjects)


def _relayed_say(verb: Token, lemma: str, cues: ClaimCues) -> bool:
    """ "Tasnim quoted Baqeri as saying ...": the saying belongs to the quoting verb's object."""
    if lemma != "say":
        return False
    for up in (verb.head, verb.head.head):
        found = _classify(up, cues) if up.i != verb.i else None
        if found is not None and found[1] in ("quote", "cite"):
            return True
    return False


def according_to(sent: Span, ents: dict[int, Span], cues: ClaimCues) -> list[SourceLink]:
    links = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            obj = _pobj(tok.nbor()) or next((c for c in tok.children if dep(c) == "pobj"), None)
            if obj is None and dep(tok) == "case":  # UD: "according" is a case marker
                obj = tok.head
            if obj is None and tok.i + 2 < sent.end:
                obj = tok.nbor(2)
                if obj.pos_ == "DET" and tok.i + 3 < sent.end:
                    # "According to the Observatory four soldiers were killed": without its
                    # comma the parse runs the source into the clause's subject; the words
                    # after the article still name it
                    obj = tok.nbor(3)
            if obj is not None and _a_figure(obj):
                obj = _figures_from(obj)
            phrase = _first_phrase(obj, ents) if obj is not None else None
            if phrase is not None:
                links.append(_link(phrase, "according to", cues))
                # "according to residents and medical staff": both tell it
                for other in obj.children if obj is not None else ():
                    more = _first_phrase(other, ents) if dep(other) == "conj" else None
                    if more is not None and other.pos_ in ("NOUN", "PROPN"):
                        links.append(_link(more, "according to", cues))
    return links


# "according to the latest toll": a figure, not who gives it
_FIGURES = frozenset(
    {"toll", "tolls", "figure", "figures", "count", "tally", "estimate", "estimates", "statistics"}
)


def _a_figure(noun: Token) -> bool:
    """ "the toll", or "the latest toll 44 civilians" run together without commas."""
    compounds = (c for c in noun.children if dep(c) == "compound")
    return noun.lower_ in _FIGURES or any(c.lower_ in _FIGURES for c in compounds)


def _figures_from(noun: Token) -> Token | None:
    """Who gives the figure ("according to figures from the UN", "a toll by the monitor"), if
    the phrase says; else nobody."""
    for child in noun.children:
        if dep(child) == "compound" and child.pos_ == "PROPN":
            return child  # "according to an Observatory toll"
        if child.lower_ in ("from", "by", "of") or any(
            c.lower_ in ("from", "by") and dep(c) == "case" for c in child.children
        ):
            target = _pobj(child) if child.lower_ in ("from", "by", "of") else child
            if target is not None and target.pos_ in ("PROPN", "NOUN"):
                return target
    return None


def attribute(
    trigger: Token,
    sent: Span,
    ents: dict[int, Span],
    cues: ClaimCues,
    negated: bool,
    quote: tuple[int, int] | None,
) -> Attribution:
    """The chain and stance of the event whose trigger is `trigger`."""
    chain: list[SourceLink] = []
    stance: Stance | None = None
    unconfirmed = False
    for anc in trigger.ancestors:
        if anc.i == trigger.head.i and dep(trigger) == "conj":
            # "A plane, reported by local press as belonging to the military, crashed": the
            # parse made the trigger a second predicate beside the report, which tells of the
            # plane, not of the crash (a report's content is its object or clause)
            continue
        found = _classify(anc, cues)
        if found is None and anc.lower_ in REPORT_NOUNS:
            anc, found = _stance_on_report(anc, cues) or (anc, None)
        if found is None or _relayed_say(anc, found[1], cues) or _is_about(anc, trigger, found[0]):
            continue
        category, lemma = found
        links = _verb_links(anc, lemma, ents, cues, quote[0] if quote else None)
        chain = links + chain
        if category == "confirms" and any(dep(c) == "neg" for c in anc.children):
            unconfirmed = True  # "officials have not confirmed the trip": unverified, not denied
            continue
        if stance is None and category != "reports":
            stance = category  # type: ignore[assignment]
    # a report without a speaker ("were reported injured") is an unnamed source's only where
    # the sentence names no one else ("... according to SANA reporter": SANA's)
    unnamed = [link for link in chain if link.name == UNNAMED_SOURCE]
    chain = [link for link in chain if link.name != UNNAMED_SOURCE]
    if not chain:
        chain = according_to(sent, ents, cues)
    if not chain:
        chain = _glued_links(trigger, sent, ents, cues)
    if not chain and quote is not None:
        chain = quote_speaker(trigger.doc, quote, ents, cues)
    if not chain:
        chain, category = sentence_final_attribution(trigger, sent, ents, cues)
        if chain and stance is None and category != "reports":
            stance = category  # type: ignore[assignment]
    chain = _once_each(chain or unnamed[:1])
    if stance is None:
        stance = "reports" if chain else "asserts"
    if negated and not unconfirmed and stance in ("asserts", "reports", "confirms"):
        stance = "denies"
    return Attribution(tuple(chain), stance, bool(chain))


def _once_each(chain: list[SourceLink]) -> list[SourceLink]:
    """One speaker of two verbs is one link ("SANA reported, noting that ...": SANA once)."""
    out: list[SourceLink] = []
    for link in chain:
        if not out or (out[-1].start, out[-1].end) != (link.start, link.end):
            out.append(link)
    return out


# "... killed 18 fighters over the past 24 hours a monitor said on Friday.": copy without commas
# leaves the attribution dangling at the sentence's end, where the parser seldom makes it the
# governing verb. A reporting verb among the sentence's last words, after the trigger, with its
# own subject after the trigger, attributes the sentence.
FINAL_WORDS = 8


def sentence_final_attribution(
    trigger: Token, sent: Span, ents: dict[int, Span], cues: ClaimCues
) -> tuple[list[SourceLink], str]:
    words = [t for t in sent if not t.is_punct and not t.is_space]
    for tok in reversed(words[-FINAL_WORDS:]):
        if tok.i <= trigger.i:
            break
        found = _classify(tok, cues) or _closing_verb_read_as_noun(tok, words[-1], cues)
        if found is None or found[0] == "retracts":
            continue
        if any(_told_thing(c, tok) for c in tok.children):
            continue  # "... but two states have alleged Iranian involvement": what they allege
        subjects = [c for c in tok.children if dep(c) in SUBJECT_DEPS and c.i > trigger.i]
        subject = subjects[-1] if subjects else None
        if subject is None and tok.i - 1 > trigger.i:
            subject = _phrase_head_before(tok)
        elif subject is not None and _speaker_hung_elsewhere(tok, subject):
            # "... as IS overran a town an NGO said Sunday": copy without commas broke the
            # parse, which gave "said" the clause before as its subject; the name right
            # before the verb speaks
            subjects, subject = [], _phrase_head_before(tok)
        if subject is not None and subject.lower_ == "it" and subject.i > trigger.i:
            teller = _teller_before(sent, ents, cues)
            if teller is not None:
                return [_link(teller, _verb_text(tok), cues)], found[0]
            continue
        if subject is None or subject.i <= trigger.i or subject.lower_ in ("it", "this", "that"):
            continue
        named = subject.ent_type_ in _SPEAKING_LABELS  # ("... SANA reports", SANA an adjective)
        if not subjects and subject.pos_ not in ("NOUN", "PROPN", "PRON") and not named:
            # "... while 25 others were wounded said the Observatory": no one is "wounded";
            # the verb is inverted and its speaker comes after it
            continue
        phrase = _first_phrase(subject, ents)
        if not subjects:  # the word before the verb stands in for its subject
            phrase = _better_source_noun(tok, phrase, ents, cues)
        # "... were killed in raids on Aleppo, he said": the pronoun after the happening stands
        # for the speaker named before it
        after = phrase is not None and (phrase.start > trigger.idx or subject.lower_ in PRONOUNS)
        if phrase is not None and after:
            tellers = [
                t for t in _co_tellers(phrase, tok, ents, cues) if (t.start or 0) > trigger.idx
            ]
            told = [_link(phrase, _verb_text(tok), cues), *tellers]  # in the text's order
            return sorted(told, key=lambda link: link.start or 0), found[0]
    return _inverted_attribution(trigger, sent, ents, cues)


# How many sentences back a closing "it said" may stand for a teller: a wire story names its
# monitor or agency once and goes on "..., it said" for a paragraph or two.
_TELLER_REACH = 3


def _teller_before(sent: Span, ents: dict[int, Span], cues: ClaimCues) -> Phrase | None:
    """What a closing "it said" stands for: the last group, outlet or monitor that told
    something in the sentences just before ("The Observatory said the jets hit the town. Raids
    killed 16 civilians there, it said"). A person is "he" or "she", never "it"; an "it" that
    told nothing named before stands for no one. (Read back word by word from the sentence,
    a few sentences at most: a long text has thousands of sentences.)"""
    doc = sent.doc
    sentences = 0
    for i in range(sent.start - 1, max(-1, sent.start - _TELLER_WORDS), -1):
        tok = doc[i]
        found = _classify(tok, cues)
        if found is not None and found[0] != "retracts":
            # the subject nearest the verb: scraped copy without commas gives "said" two
            # ("Air strikes ... killed 22 the Observatory said")
            subjects = [c for c in tok.children if dep(c) in SUBJECT_DEPS]
            for subject in reversed(subjects):
                if subject.pos_ == "PRON":
                    continue
                phrase = _first_phrase(subject, ents)
                if phrase is not None and phrase.label not in ("PERSON", "NORP", "GPE", "LOC"):
                    return phrase
        if tok.is_sent_start:
            sentences += 1
            if sentences >= _TELLER_REACH:
                break
    return None


# (and at most so many words back)
_TELLER_WORDS = 200


def _speaker_hung_elsewhere(verb: Token, subject: Token) -> bool:
    """A body or person right before a closing reporting verb, outside the phrase the parse
    made its subject."""
    before = verb.doc[verb.i - 1]
    if before.i <= verb.sent.start or before.ent_type_ not in _SPEAKING_LABELS:
        return False
    word = before
    while word.i != subject.i:  # up the name's own phrase: "the Syrian Observatory said"
        if dep(word) not in _INSIDE_A_NAME or word.head.i == word.i:
            return True
        word = word.head
    return False


_INSIDE_A_NAME = frozenset({"compound", "flat", "appos", "amod", "nmod", "det"})


def _closing_verb_read_as_noun(tok: Token, last: Token, cues: ClaimCues) -> tuple[str, str] | None:
    """ "... in southern Syria SANA news agency reports.": a present-tense reporting verb that
    closes the sentence after a noun, which the tagger read as a plural noun."""
    if tok.i != last.i or tok.tag_ != "NNS" or tok.i == 0:
        return None
    before = tok.doc[tok.i - 1]
    # (a name the tagger took for an adjective counts: "... near the oilfield SANA reports")
    if before.pos_ not in ("NOUN", "PROPN") and before.ent_type_ not in _SPEAKING_LABELS:
        return None
    lemma = verb_lemma(tok.text, cues.reporting_verbs)
    return ("reports", lemma) if lemma is not None else None


# Verbs of saying that news copy puts before their speaker: "..., said the Observatory".
_INVERTED = frozenset({"say", "add", "tweet"})


def _inverted_attribution(
    trigger: Token, sent: Span, ents: dict[int, Span], cues: ClaimCues
) -> tuple[list[SourceLink], str]:
    """ "... were killed in the suburbs of Damascus said the Syrian Observatory for Human
    Rights, a group that ...": a subjectless reporting verb after the happening, with the name
    of a body or a person right after it (the parse makes it the verb's object), is that
    speaker's report, however long the description after the name."""
    for tok in sent:
        joined = dep(tok) == "conj" and any(dep(c) == "cc" for c in tok.children)
        if tok.i <= trigger.i or joined:  # ("... and said": a conjunct shares its subject)
            continue
        found = _classify(tok, cues)
        if found is None or found[1] not in _INVERTED or tok.tag_ != "VBD":
            continue  # (after "told" or "telling" comes whom it is told to)
        after = tok.i + 1 + (tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "the")
        named = ents.get(after)
        if named is None or named.start != after or named.label_ not in _SPEAKING_LABELS:
            continue
        # With a subject, the verb is inverted only where the parse made the speaker its
        # object ("... wounded more than 60 people said the Observatory": "people" taken for
        # the subject); one says words, not bodies, so a body as the object is the speaker
        subject = any(dep(c) in SUBJECT_DEPS for c in tok.children)
        if not subject or _object_of(named, tok):
            return [_link(phrase_of_entity(named), _verb_text(tok), cues)], found[0]
    return [], "reports"


def _object_of(named: Span, verb: Token) -> bool:
    """Whether `named` is (inside) the direct object of `verb`: its root, through the words a
    description hangs on ("the Observatory a British-based group"), is the verb's object."""
    word = named.root
    for _ in range(4):
        if word.head.i == verb.i:
            return dep(word) in ("obj", "dobj")
        if dep(word) not in ("compound", "flat", "appos", "amod", "nmod") or word.head is word:
            return False
        word = word.head
    return False


def _phrase_head_before(verb: Token) -> Token | None:
    """The word before a subjectless reporting verb, or the noun it modifies where it is a
    place named after that noun ("... an informed source in Homs told Sputnik": the source
    tells, not the town)."""
    doc = verb.doc
    word = doc[verb.i - 1]
    if word.text == "," and verb.i - 2 >= verb.sent.start:
        word = doc[verb.i - 2]  # "..., a group that supports clinics in the city, said"
    described = _described_by_a_clause(word, verb)
    if described is not None:
        return described
    if word.text == ")":  # "... the Syrian Observatory for Human Rights (SOHR) said"
        opening = next(
            (t for t in reversed(doc[max(0, word.i - 6) : word.i]) if t.text == "("), None
        )
        if opening is not None and opening.i > 0:
            word = doc[opening.i - 1]
    while word.ent_type_ in LOCATION_LABELS and dep(word) == "nmod" and word.head.i < word.i:
        word = word.head
    # "... Al-Manar TV correspondent to the city reported": a phrase after a preposition is
    # where or to whom; the noun before the preposition speaks. After a verb ("trained by
    # Washington said the Observatory ...") nothing before the reporting verb does.
    case = next((c for c in word.children if dep(c) == "case" and c.i < word.i), None)
    if case is None or case.i == 0:
        return word
    noun_before = doc[case.i - 1].pos_ in ("NOUN", "PROPN")
    if not noun_before:
        return None
    return word if word.ent_type_ in _SPEAKING_LABELS else doc[case.i - 1]


def _described_by_a_clause(word: Token, verb: Token) -> Token | None:
    """The word before the reporting verb ends a relative clause that describes the speaker
    ("... the Independent Doctors Association, a group of Syrian doctors that supports clinics
    in the city, said"): the clause's noun, or the name its description stands beside, speaks
    (before: "clinics")."""
    clause = next(
        (a for a in (word, *word.ancestors) if dep(a) == "relcl" and a.head.i < a.i < verb.i),
        None,
    )
    if clause is None or _names_after(verb):
        return None  # ("... paid by Washington said the Observatory": the speaker comes after)
    noun = clause.head
    while dep(noun) == "nmod" and case_word(noun) == "of" and noun.head.i < noun.i:
        noun = noun.head  # "a group of Syrian doctors": the group
    before = noun.left_edge.i - 1
    while before >= verb.sent.start and verb.doc[before].text == ",":
        before -= 1
    name = verb.doc[before] if before >= verb.sent.start else None
    if name is not None and name.ent_type_ in _SPEAKING_LABELS and name.ent_iob_ in ("B", "I"):
        return name
    return noun


def _names_after(verb: Token) -> bool:
    """A body or a person named right after the verb ("said the Syrian Observatory")."""
    doc = verb.doc
    after = verb.i + 1 + (verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "the")
    return after < len(doc) and doc[after].ent_type_ in _SPEAKING_LABELS


def _told_thing(child: Token, verb: Token) -> bool:
    """An object after a reporting verb that is what is told, not a day the parse made its
    object ("a monitoring group said Friday")."""
    if dep(child) not in ("dobj", "obj") or child.i < verb.i:
        return False
    return not is_time(child.text) and child.ent_type_ not in ("DATE", "TIME")


def _better_source_noun(
    verb: Token, phrase: Phrase | None, ents: dict[int, Span], cues: ClaimCues
) -> Phrase | None:
    """The phrase of the word before a subjectless reporting verb, or the kind-of-source noun
    ending there where that phrase is something else: a place or a nationality the noun ran
    into ("... of Deir Ezzor state-run news agency said", "... Syrian state television
    reported"). A named source right before the noun is kept ("SANA news agency reported")."""
    noun = _speaker_noun_before(verb, ents, cues)
    if noun is None or phrase is None:
        return phrase or noun
    if phrase.end == noun.end and noun.start < phrase.start:
        return noun  # the noun's phrase holds the word's own ("SANA news agency" > "agency")
    if phrase.end == noun.end:  # "Tabqah local media": the town ran into the media's phrase
        # (or a place's noun did: "blasts to hit the district state television said")
        ran_in = any(
            t.ent_type_ in LOCATION_LABELS or t.lower_ in PLACE_NOUNS
            for t in verb.sent
            if phrase.start <= t.idx < noun.start
        )
        return noun if ran_in else phrase
    named = phrase.label in ("ORG", "PERSON") and phrase.end <= noun.start
    return phrase if named else noun


def _glued_links(
    trigger: Token, sent: Span, ents: dict[int, Span], cues: ClaimCues
) -> list[SourceLink]:
    """ "«As-Safir» arguedthat ... Soleimani ... visited Moscow": the paper reports the visit."""
    glued = glued_verb(sent, cues)
    if glued is None or glued[0].i > trigger.i:
        return []
    speaker = glued_speaker(glued[0], ents)
    return [_link(phrase_of_entity(speaker), glued[1], cues)] if speaker is not None else []


def quote_speaker(
    doc: Doc, quote: tuple[int, int], ents: dict[int, Span], cues: ClaimCues
) -> list[SourceLink]:
    """The speaker of a quotation: "“...,” he said." after it, or "X said: “...”" before it."""
    after = doc.char_span(quote[1], min(len(text_of(doc)), quote[1] + 1), alignment_mode="expand")
    before = doc.char_span(max(0, quote[0] - 1), quote[0], alignment_mode="expand")
    for anchor in (after, before):
        if anchor is None:
            continue
        sent = anchor[0].sent
        for tok in sent:
            if quote[0] <= tok.idx < quote[1]:
                continue
            found = _classify(tok, cues)
            if found is not None and found[0] == "reports":
                links = _verb_links(tok, found[1], ents, cues, quote[0])
                links = links or _inverted_speaker(tok, sent, ents, cues)
                if links:
                    return links
    return []


def trailing_attribution(sent: Span, ents: dict[int, Span], cues: ClaimCues) -> list[SourceLink]:
    """Attribution for the sentence before: "This writes the Agency Reuters citing sources."."""
    root = sent.root
    found = _classify(root, cues)
    if found is None or found[0] != "reports":
        return []
    if not any(c.lower_ in ("this", "that") for c in root.children):
        return []
    links = []
    for child in root.children:
        if dep(child) in ("nsubj", "dobj", "obj", "attr") and child.lower_ not in ("this", "that"):
            phrase = _first_phrase(child, ents)
            if phrase is not None:
                links.append(_link(phrase, root.lower_, cues))
                links.extend(_citing_links(child, ents, cues))
        elif verb_lemma(child.text, cues.citing_verbs) and dep(child) in ("ccomp", "xcomp"):
            # "This writes the Agency Reuters citing ...": parsed as "Reuters citing" clause.
            subject = next((c for c in child.children if dep(c) in SUBJECT_DEPS), None)
            phrase = _first_phrase(subject, ents) if subject is not None else None
            if phrase is not None:
                links.append(_link(phrase, root.lower_, cues))
    return links + _citing_links(root, ents, cues)


def _inverted_speaker(
    verb: Token, sent: Span, ents: dict[int, Span], cues: ClaimCues
) -> list[SourceLink]:
    """ "«...», said the Russian Foreign Ministry": the first actor named after the verb."""
    for tok in sent[verb.i - sent.start + 1 :]:
        ent = ents.get(tok.i)
        if ent is not None and ent.label_ in ("PERSON", "ORG"):
            return [_link(phrase_of_entity(ent), _verb_text(verb), cues)]
    return []
