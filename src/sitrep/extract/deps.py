"""One dependency-label vocabulary over both schemes a pipeline may use.

spaCy's English models label in the ClearNLP style (prep/pobj, dobj, nsubjpass, relcl, poss);
our own pipeline is trained on Universal Dependencies (case + obl/nmod, obj, nsubj:pass,
acl:relcl, nmod:poss). Extraction code reads `dep(token)`, which maps UD onto the ClearNLP
names, and `prep_objects(token)`, which yields (preposition word, object) pairs under either.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

_UD_TO_CLEAR = {
    "obj": "dobj",
    "iobj": "dative",
    "nsubj:pass": "nsubjpass",
    "csubj:pass": "csubjpass",
    "aux:pass": "auxpass",
    "acl:relcl": "relcl",
    "nmod:poss": "poss",
    "det:poss": "poss",
    "compound:prt": "prt",
    "obl:tmod": "npadvmod",
    "obl:npmod": "npadvmod",
    "nmod:tmod": "npadvmod",
    "nmod:npmod": "npadvmod",
    "flat:name": "flat",
    "advmod:neg": "neg",
}


# "eliminated over 75 militants": the parser reads the count's qualifier as a preposition and
# the counted noun as an oblique; it is the verb's object. ("about" and "around" are left out:
# "told the agency about 1,500 guards have arrived", "around 3 villages" are prepositions.)
_COUNT_QUALIFIERS = frozenset({"over", "nearly", "almost", "approximately"})


# "not only ... but", "not just": a correlative that adds, no negation ("strikes which not only
# claimed the lives of several militants but destroyed their vehicles").
_ADDING_AFTER_NOT = frozenset({"only", "just", "merely", "simply"})


def dep(token: Token) -> str:
    label = token.dep_
    if token.lower_ == "not" and _next_lower(token) in _ADDING_AFTER_NOT:
        return "advmod"
    if label == "obl" and token.head.pos_ == "VERB" and _qualified_count(token):
        return "dobj"
    mapped = _UD_TO_CLEAR.get(label)
    if mapped is not None:
        return mapped
    if label in ("advmod", "neg") and token.lower_ in ("not", "n't", "never"):
        return "neg"
    return label.split(":")[0] if ":" in label and label != "obl:agent" else label


def describes_someone(clause: Token) -> bool:
    """A relative clause of "who"/"whom" ("Omar, who lives in Europe, said ..."): it tells of
    a person, where they live or what they did before, not of the sentence's happening."""
    # (the parse may make it a complement of the verb after it: "X who lives in Y said ...")
    return dep(clause) in ("relcl", "ccomp") and any(
        c.lower_ in ("who", "whom") and c.i < clause.i and dep(c) in ("nsubj", "nsubjpass", "dobj")
        for c in clause.children
    )


def _next_lower(token: Token) -> str:
    return token.nbor().lower_ if token.i + 1 < len(token.doc) else ""


def _qualified_count(noun: Token) -> bool:
    """A noun whose "preposition" is a count's qualifier right before its number ("over 75")."""
    case = next((c for c in noun.children if c.dep_ == "case" and c.i < noun.i), None)
    if case is None or case.text.lower() not in _COUNT_QUALIFIERS:
        return False
    after = case.nbor() if case.i + 1 < len(case.doc) else None
    return after is not None and after.dep_ == "nummod" and after.head == noun


def case_word(noun: Token) -> str | None:
    """The preposition of a UD oblique/nominal modifier ("in" for "in Damascus")."""
    for child in noun.children:
        if child.dep_ != "case" or child.i > noun.i:
            continue
        # a complex preposition's first word may be tagged a verb ("according to", "owing to")
        complex_ = any(c.dep_ == "fixed" for c in child.children)
        if child.pos_ in ("ADP", "SCONJ", "") or complex_:
            return child.lower_
    return None


def prep_objects(token: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs attached to `token`, ClearNLP or UD style."""
    for child in token.children:
        label = dep(child)
        if label in ("prep", "agent") or (label == "dative" and child.pos_ == "ADP"):
            word = "agent" if label == "agent" or child.lower_ == "by" else child.lower_
            for obj in child.children:
                if dep(obj) in ("pobj", "pcomp"):
                    yield word, obj
        elif label in ("obl", "nmod", "obl:agent"):
            case = case_word(child)
            if case is not None:
                yield ("agent" if case == "by" else case), child


def is_prep_object(token: Token) -> bool:
    return dep(token) in ("pobj", "obl", "nmod", "obl:agent") and (
        dep(token) == "pobj" or case_word(token) is not None
    )


def verb_tag_on_a_noun(token: Token) -> bool:
    """A word tagged as a verb in the present ("clashes", "strikes", "raids": a plural noun
    and a third person's verb look alike) that the parse uses as a noun: it hangs on a word as
    an oblique or a noun's modifier, or has a preposition, a determiner or a compound of its
    own ("engaged in fierce clashes", "clashes" tagged VBZ, the oblique of "engaged"), or is a
    subject or an object ("but clashes broke out last week"). A verb is none of these, so the
    tag is the tagger's slip and the word's tense tells nothing. Other verb forms are left
    alone: a participle hung on a noun is still a verb ("rockets fired")."""
    if token.dep_.split(":")[0] == "aux" and token.lower_ not in _AUXILIARY_WORDS:
        # "A car bomb killed 34": "bomb" hung on "killed" as its auxiliary, inside a noun
        # phrase (a noun, adjective or determiner right before it)
        before = token.doc[token.i - 1] if token.i > token.sent.start else None
        if before is not None and before.pos_ in ("NOUN", "PROPN", "ADJ", "DET"):
            return True
        # "Meanwhile clashes resumed today": opening its clause (after an adverb or a
        # coordinator) right before its head, the word is the subject of that verb. Not after
        # a subordinator: "took villages while battles raged in X" tells the circumstance of
        # the main clause's happening, which the events gold codes as that one happening
        opens = before is None or before.pos_ in ("ADV", "CCONJ", "PUNCT")
        return opens and token.head.i == token.i + 1 and token.tag_ in ("VBZ", "NNS")
    if token.pos_ not in ("VERB", "AUX") or token.tag_ not in ("VBZ", "VBP"):
        return False
    if token.dep_.split(":")[0] in _NOMINAL_RELATIONS:
        return True
    if token.i > 0 and token.doc[token.i - 1].lower_ in _WEAPON_COMPOUNDS:
        return True  # "Separate air strikes ... killed 12": "air" parsed as the subject
    if token.i > 0 and token.doc[token.i - 1].lower_ in _TIME_MODIFIERS:
        return True  # "Overnight airstrikes on Raqqa killed 25": the time parsed as the subject
    if any(dep(c) in ("obl", "nmod") and case_word(c) == "between" for c in token.children):
        # "Heavy clashes between the army and rebels killed 12": no verb in the present takes
        # its subject's sides "between" two others, a noun of a happening does
        return True
    return any(c.dep_ in _NOUN_DEPENDENTS and c.i < token.i for c in token.children)


# The words that can be an auxiliary (be, have, do, the modals, their clitics, infinitival
# "to"): any other word the parse hangs on a verb as its auxiliary is a slip of the parse.
_AUXILIARY_WORDS = frozenset(
    {
        "be", "am", "is", "are", "was", "were", "been", "being", "'s", "s", "'re", "re", "'m",
        "m", "have", "has", "had", "having", "'ve", "ve", "'d", "d", "do", "does", "did",
        "will", "wo", "'ll", "ll", "would", "shall", "should", "can", "ca", "could", "may",
        "might", "must", "ought", "need", "dare", "to", "get", "gets", "got", "gotten",
        "going", "used",
    }
)  # fmt: skip


# Nouns that make a compound with a plural trigger ("air strikes", "rocket attacks", "drone
# raids") and are never the subject of "strikes" as a verb in a news sentence.
_WEAPON_COMPOUNDS = frozenset({"air", "drone", "missile", "rocket", "artillery", "mortar"})
# Words of a time that modify a happening's noun ("overnight raids", "Friday clashes"); no verb
# in the present has one of them right before it as its subject.
_TIME_MODIFIERS = frozenset(
    {
        "overnight", "weekend", "morning", "evening", "night", "nighttime", "dawn", "daytime",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip


# Relations only a noun bears: an oblique, a noun's modifier, a subject or an object ("but
# clashes broke out last week", "clashes" tagged VBZ, the subject of "broke").
_NOMINAL_RELATIONS = frozenset({"obl", "nmod", "nsubj", "nsubjpass", "obj", "dobj", "iobj"})
_NOUN_DEPENDENTS = frozenset({"case", "det", "compound"})


# Words that measure how long before: "a day after", "two weeks after" (the days each counts),
# and "hours after" (likely the same day).
DAYS_IN_UNIT = {"day": 1, "days": 1, "week": 7, "weeks": 7}
SAME_DAY_UNITS = frozenset({"hours", "hour", "minutes"})
_TIME_MEASURES = frozenset(DAYS_IN_UNIT) | SAME_DAY_UNITS


def after_clause(trigger: Token) -> Token | None:
    """The head of the "after" clause a trigger is in, below the sentence's own happening:
    "Wednesday shelling comes a day after eight civilians were martyred" (the dead are of an
    earlier attack, and Wednesday is the shelling's day, not theirs)."""
    for word in (trigger, *trigger.ancestors):
        if word.dep_ == "ROOT":
            return None
        if any(c.lower_ == "after" and c.dep_ in ("mark", "case") for c in _opening(word)):
            # (or hung on its measure: "shelled Hama on Monday a day after security forces
            # killed 80", parsed "a day [after forces [that] killed]")
            on_a_verb = word.head.pos_ in ("VERB", "AUX")
            return word if on_a_verb or word.head.lower_ in _TIME_MEASURES else None
    return None


def _opening(word: Token) -> list[Token]:
    """The words that may open the clause `word` heads: its own children, and for a verb
    those of its subject before it ("three days after gunmen kidnapped them": the parse hung
    "after" on "gunmen" as if it were a preposition's object)."""
    opening = list(word.children)
    if word.pos_ == "VERB":
        for subject in word.children:
            if subject.dep_ == "nsubj" and subject.i < word.i:
                opening.extend(c for c in subject.children if c.i < subject.i)
    return opening


def after_days(trigger: Token) -> Token | None:
    """The "after" clause a trigger is in when the text counts days or weeks before it ("a day
    after", "two days after"): another happening, on another day, with its own doer, toll and
    place. A plain "after" may tell the cause ("a woman was killed after terrorists shelled the
    centre": one happening), and "hours after" is likely the same day ("were killed hours
    after the shelling began" is the shelling's toll)."""
    clause = after_clause(trigger)
    if clause is None:
        return None
    after = next((c for c in _opening(clause) if c.lower_ == "after"), None)
    if after is None or after.i == 0:
        return None
    return clause if trigger.doc[after.i - 1].lower_ in DAYS_IN_UNIT else None


# A nominal subject, active or passive, as the parse names it (no clausal subject or expletive)
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


def described_by_participle(subject: Token) -> Token | None:
    """The noun a participle describes where the parse made the participle a verb's subject
    and the noun, before it, the participle's own subject ("Rebels backed by Turkish jets
    attacked": "backed" the subject of "attacked", "Rebels" that of "backed")."""
    if subject.tag_ != "VBN" or dep(subject) not in NOMINAL_SUBJECT_DEPS:
        return None
    own = [
        c
        for c in subject.children
        if dep(c) in NOMINAL_SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN") and c.i < subject.i
    ]
    return own[0] if own else None
