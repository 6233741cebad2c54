"""Event or not: what a coder would not record as a happening.

- Headlines: a sentence in Title Case ("Coalition Bombs School and Mosque in Raqqa Mainstream
  Media Diverts Attention", "Nine Civilians Killed in Regime Airstrikes on Rural Homs Today") is
  the page's own headline or a related article's; the story's events are told in its sentences.
- Totals since a date ("More than 290000 people have been killed since the conflict erupted in
  March 2011") and a war's own toll ("the conflict, which has killed more than 280000 people"):
  a statistic, not a happening dated March 2011.
- Backing described by a participle ("an alliance backed by the coalition"): a relation.
- Happenings recalled ("Russia began its air campaign in September 2015", in a report of
  June 2016; "he was killed in 1968"): what the text dates wholly more than half a year before
  the report is the history the report recalls, not its news. (A killing two months before
  a report may still be the story it follows up: the seeds' report of March 2020 tells
  Soleimani's death of 3 January.)
- Habits and policies in the simple present ("the coalition conducts strikes in Raqqa to support
  ...", "forces deliberately target medical buildings"): a state of affairs, not a happening,
  also where the tagger took the present verb for a noun ("conducts strikes").
  Headlines are already out, so "Strikes kill 21" is not taken for a habit. A state told in
  the passive present ("the PKK is banned in Turkey") is one whatever the event type.
- States held since a time ("Eastern Ghouta, which has been besieged since 2013"), happenings
  told as "previously" so, and attacks counted as existing ("there were 43 attacks on
  healthcare facilities in July"): background and statistics, not the report's news.
- A relative clause in the progressive ("Hezbollah, which is fighting alongside
  government units", "Wiranto, who was visiting the town, survived the attack"): what its
  noun has been doing, or was doing when the news happened, not the report's news.
- A campaign told growing or lasting ("renew their raids", "increased the intensity of its
  strikes", "a month-long offensive"), with no toll in the sentence: its course, not one of
  its happenings; and the dead such a course is told to have left, with no firm count ("renew
  their raids on Aleppo leaving hundreds dead", "infighting had intensified ... claiming the
  lives of hundreds"): its toll over weeks, not one happening's.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

from sitrep.extract.deps import case_word, dep, described_by_participle
from sitrep.extract.furniture import HEADLINE_WORD, TITLE_MINOR_WORDS, TITLE_WORD, credit_follows
from sitrep.extract.nouns import ATTACK_NOUNS
from sitrep.extract.schema import is_reporting_verb, load_event_schema, verb_lemma
from sitrep.extract.spans import clause_tokens
from sitrep.extract.time import MONTH_FULL
from sitrep.nlp.spans import text_of
from sitrep.nlp.types import invariable_pasts
from sitrep.records import REPORTED_DAYS_METHOD, TimeValue, is_period

HEADLINE_SHARE = 0.75
HEADLINE_WORDS = 4

TOTAL_AT_LEAST = 100
_WAR = r"(?:conflict|war|uprising|revolution|crisis|insurgency)"
# "since the regime and Russian jets began an offensive nearly two weeks ago", "since a truce
# collapsed on September 19": counted since an onset the sentence tells
_ONSET = (
    r"(?:began|begun|started|launched|erupted|broke out|collapsed|broke down|ended|expired"
    r"|took effect|came into (?:force|effect)|resumed)\b"
)
# Counted since a year, since the start, since the war began, or since a month ("more than
# 300 civilians have been killed in Aleppo since April").
_SINCE = re.compile(
    rf"\bsince\b(?:\s+\S+){{0,9}}?\s+(?:(?:19|20)\d\d\b|the (?:start|beginning|outbreak)\b|"
    rf"(?:the |its )?{_WAR}\b|{_ONSET})|\bsince\s+(?:early\s+|late\s+|mid-)?{MONTH_FULL}\b",
    re.I,
)
# A war's own toll: "more than 210000 people have died in the Syrian conflict", "the five-year
# conflict which has killed more than 280000 people", "a war that has left 400000 dead", "the
# war has since killed more than 300000 people"; and a front's ("at least 6000 militants have
# been killed on this front").
_WARS_TOLL = re.compile(
    rf"\b(?:in|during)\s+(?:the |a |this |its )?(?:[\w'’-]+\s+){{0,3}}?{_WAR}(?![\w-])"
    r"|\b(?:on|along)\s+(?:this|that|the|its|their)\s+(?:[\w'’-]+\s+){0,2}?front\b"
    # "put the death toll from the six-year conflict at more than 470000"
    rf"|\btolls?\s+(?:from|of)\s+(?:the |a |this |its )?(?:[\w'’-]+\s+){{0,3}}?{_WAR}(?![\w-])"
    rf"|\b{_WAR},?\s+(?:(?:which|that)\s+)?(?:has|have|had)\s+(?:[\w'’-]+\s+){{0,2}}?"
    r"(?:killed|claimed|left|cost)\b"
    # "The civil war which began with peaceful protests in 2011 has killed more than 280000"
    rf"|\b{_WAR},?\s+(?:which|that)\s+{_ONSET}[^.;]{{0,80}}?\s+(?:has|have|had)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:killed|claimed|left|cost)\b"
    # "more than five years of conflict in which more than 300000 people have been killed"
    rf"|\b{_WAR},?\s+(?:in\s+which|during\s+which|where)\b",
    re.I,
)
# A count told in the perfect as it stands so far: "over 750 people have so far been killed in
# the ongoing campaign", "327 civilians have been killed in fighting in Aleppo province" (a
# province's fighting over an unsaid stretch, not one clash), "... to date".
_PERFECT_TOLL = re.compile(
    r"\b(?:have|has|had)\s+(?:\w+\s+){0,2}?(?:been\s+killed|died|killed)\b", re.I
)
_SO_FAR = re.compile(r"\b(?:so far|to date|thus far)\b", re.I)
# ... of a course of happenings, not of one ("120 have been killed so far in the car bombing":
# one blast's toll as it stands)
_A_COURSE = re.compile(
    r"\b(?:ongoing|campaign|offensive|operation|fighting|clashes|violence|siege|battles?)\b", re.I
)
_IN_A_PROVINCES_FIGHTING = re.compile(
    r"\b(?:been\s+killed|died)\s+in\s+(?:the\s+)?(?:fighting|clashes|violence|battles)\s+in\s+"
    r"(?:[\w'’-]+\s+){1,3}?(?:province|governorate|countryside)\b",
    re.I,
)
# Counted since the war began ("23 journalists have been killed since the conflict erupted"):
# a total whatever its size, beyond a handful.
_SINCE_WAR = re.compile(rf"\bsince\b(?:\s+\S+){{0,4}}?\s+(?:the |its )?{_WAR}\b", re.I)
SINCE_WAR_AT_LEAST = 10
# "the deadliest attack since the war began", "the worst toll since 2011": the happening is
# ranked against the war's whole course; its toll is its own, not a count since then.
_RANKED_SINCE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|heaviest|biggest|largest|highest|first|most\s+\w+)\b"
    r"[^.;]{0,60}?\bsince\b",
    re.I,
)


def is_headline(sent: Span) -> bool:
    """Most words capitalised, including words running text keeps in lower case ("Nine
    Civilians Killed in ..."); a sentence dense with names ("Assad received Baqeri and
    Al-Ghanimi in Damascus") is not a headline."""
    words: list[str] = [
        w for w in TITLE_WORD.findall(sent.text) if w.lower() not in TITLE_MINOR_WORDS
    ]
    capital = sum(1 for w in words if w[0].isupper())
    if capital < HEADLINE_WORDS or capital / max(len(words), 1) < HEADLINE_SHARE:
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.text.islower() for t in sent):
        # A verb in lower case is running text, however many names it holds ("Kata'ib
        # Hezbollah joined the Popular Mobilization Forces in 2014"); headlines capitalise it.
        return False
    return HEADLINE_WORD.search(sent.text) is not None


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_FUTURE = frozenset({"will", "would", "could", "may", "might", "shall", "'ll", "'d"})


def is_statement_warning(trigger: Token) -> bool:
    """ "X warned that the bombardment is aimed at ...": a warning that tells how things are is
    a statement, not a threat; "warned that it would respond" (what may come) stays one."""
    if not trigger.lower_.startswith("warn") or trigger.pos_ not in ("VERB", "AUX"):
        return False
    told = [c for c in trigger.children if dep(c) == "ccomp"]
    return bool(told) and not any(
        a.lower_ in _FUTURE or a.lower_ == "going" for c in told for a in c.subtree
    )


def is_caption(sent: Span) -> bool:
    """A picture's caption: a noun phrase and a present participle, with no finite verb
    ("Russian Su-34 fighter-bomber dropping bombs over Deir ez-Zor", "Civil defence workers
    searching the rubble in Idlib"). It tells what a picture shows; the story tells it again,
    dated and sourced."""
    root = sent.root
    if _scene_in_the_present(root) or _credited_in_the_present(sent):
        return True
    if root.pos_ not in ("NOUN", "PROPN") or any(t.tag_ in _FINITE_TAGS for t in sent):
        return False
    if any(dep(c) in ("nsubj", "dobj", "obj") for c in root.children):
        return False  # a subject or object: a verb the tagger took for a noun ("ISIL shot ...")
    for child in root.children:
        if child.tag_ != "VBG" or dep(child) not in ("acl", "parataxis", "advcl"):
            continue
        # every verb is the participle's own ("... shot two civilians dead after blindfolding
        # them", "shot" tagged a participle, is a story's sentence)
        inside = {t.i for t in child.subtree}
        if all(t.i in inside for t in sent if t.pos_ in ("VERB", "AUX")):
            return True
    return False


# What people in a picture do: "A man walks by a damaged site after ...", "Civil defence
# members inspect the rubble ...", "A boy sits inside a tent ...", "A girl breathes through an
# oxygen mask ...". A story tells its happenings in the past; a scene in the simple present
# is a caption.
_SCENE_VERBS = frozenset(
    {
        "walk", "walks", "stand", "stands", "sit", "sits", "look", "looks", "inspect",
        "inspects", "gather", "gathers", "carry", "carries", "ride", "rides", "pray", "prays",
        "search", "searches", "mourn", "mourns", "react", "reacts", "cry", "cries", "queue",
        "queues", "sift", "sifts", "breathe", "breathes", "lie", "lies", "wait", "waits",
        "sleep", "sleeps", "play", "plays", "watch", "watches",
    }
)  # fmt: skip


# Auxiliaries of a story's tense: "have been killed", "was hit" (a caption's "is seen" is not).
_TOLD_AUX = frozenset({"has", "have", "had", "was", "were", "will", "would"})


def _credited_in_the_present(sent: Span) -> bool:
    """A sentence in the present that a picture's credit follows ("Smoke rises over the town
    after an air strike. (TRT World and Agencies)"): a caption, whatever the scene's verb. A
    story's sentence before such a credit is told in the past or the perfect ("had died",
    "have been killed"), or reports ("says")."""
    if not credit_follows(text_of(sent.doc), sent.end_char):
        return False
    root = sent.root
    if root.tag_ in ("VBD", "VBN", "MD") or is_reporting_verb(root.text):
        return False
    main = [root, *(c for c in root.children if dep(c) == "conj")]
    if any(t.tag_ == "VBD" for t in main):
        return False
    return not any(c.lower_ in _TOLD_AUX for t in main for c in t.children)


def _scene_in_the_present(root: Token) -> bool:
    """The sentence's main verb is a scene's, in the simple present, with a subject that is
    someone unnamed ("a man", "residents", "civil defence members")."""
    if root.pos_ == "NOUN" and root.lower_ in _SCENE_VERBS and root.lower_.endswith("s"):
        # the tagger's slip: "A girl breathes through a mask ..." read as one noun phrase
        # ("girl breathes"), so the sentence has no finite verb at all
        unnamed = any(dep(c) == "compound" and c.pos_ == "NOUN" for c in root.children)
        return unnamed and not any(t.tag_ in _FINITE_TAGS for t in root.sent)
    if root.tag_ not in ("VBZ", "VBP") or root.lower_ not in _SCENE_VERBS:
        return False
    if any(dep(c) in ("aux", "auxpass") for c in root.children):
        return False
    subjects = [c for c in root.children if dep(c) == "nsubj"]
    return bool(subjects) and all(s.pos_ == "NOUN" and not s.ent_type_ for s in subjects)


# Nouns for a bomb as a thing, and verbs that handle one without setting it off: "destroyed a
# car bomb", "defused an explosive device", "seized two rocket launchers and a bomb".
_BOMB_THINGS = frozenset({"bomb", "bombs", "device", "devices", "ied", "ieds", "explosives"})
_HANDLING = frozenset(
    {
        "destroy", "destroyed", "destroys", "destroying", "defuse", "defused", "defusing",
        "dismantle", "dismantled", "dismantling", "seize", "seized", "seizing", "confiscate",
        "confiscated", "find", "found", "discover", "discovered", "intercept", "intercepted",
    }
)  # fmt: skip


def is_a_weapon_handled(trigger: Token) -> bool:
    """A bomb named as a thing destroyed, defused, seized or found (the object of such a verb,
    or a conjunct of that object): a weapon, not a bombing."""
    if trigger.lower_ not in _BOMB_THINGS:
        return False
    node = trigger
    while dep(node) == "conj" and node.head.i != node.i:
        node = node.head
    if dep(node) == "dobj" and node.head.lower_ in _HANDLING:
        return True
    # the parse may miss it ("destroyed a car bomb" with "bomb" tagged a verb): the handling
    # verb a few words before, with only the bomb's own words between
    for word in reversed(trigger.doc[max(0, trigger.i - 4) : trigger.i]):
        if word.lower_ in _HANDLING:
            return True
        if word.pos_ not in ("DET", "ADJ", "NOUN", "NUM", "PROPN") and word.lower_ != "-":
            return False
    return False


# Nouns of a pause in a course of happenings, and the prepositions that hang the course on
# them: "a lull in the bombing", "a halt to air strikes", "a respite from the shelling", "the
# cessation of hostilities". What they name stops; none of it is told as happening.
_PAUSES = {
    "lull": ("in",), "lulls": ("in",), "pause": ("in",), "halt": ("to", "in"),
    "respite": ("from", "in"), "letup": ("in",), "let-up": ("in",), "end": ("to",),
    "cessation": ("of", "in"), "suspension": ("of", "in"), "break": ("in",),
}  # fmt: skip


def is_paused(trigger: Token) -> bool:
    """The trigger is what a pause noun says stopped ("the brief lull in regime bombing"): no
    happening of its own (also through a conjunct: "a halt to air strikes and shelling")."""
    node = trigger
    while dep(node) == "conj" and node.head.i != node.i:
        node = node.head
    prep = case_word(node)
    head = node.head
    if head.i != node.i and head.pos_ == "NOUN" and prep in _PAUSES.get(head.lower_, ()):
        return True
    # (the parse may hang the phrase on the verb: "brought an end to the shelling")
    start = node.left_edge.i
    before = node.doc[start - 1] if start > 0 else None
    return before is not None and before.pos_ == "NOUN" and prep in _PAUSES.get(before.lower_, ())


def is_total_since(sentence: str, killed: int | None, dated_to_day: bool = False) -> bool:
    """A large toll counted since a date or since the war began; a toll of ten or more counted
    since the war began; a large toll the war took, or one told as the count so far (a
    province's fighting, "so far", "to date"), unless the toll is dated to a day ("120 were
    killed on Monday, the deadliest day in the war") (see module doc)."""
    if killed is None or _RANKED_SINCE.search(sentence):
        return False
    if killed >= SINCE_WAR_AT_LEAST and _SINCE_WAR.search(sentence):
        return True
    if killed < TOTAL_AT_LEAST:
        return False
    if _SINCE.search(sentence) is not None:
        return True
    if dated_to_day:
        return False
    if _WARS_TOLL.search(sentence) is not None:
        return True
    perfect = _PERFECT_TOLL.search(sentence) is not None
    so_far = _SO_FAR.search(sentence) is not None and _A_COURSE.search(sentence) is not None
    return perfect and (so_far or _IN_A_PROVINCES_FIGHTING.search(sentence) is not None)


# Verbs that tally the dead of a period: "the watchdog counted 66 reporters killed in 2014".
_TALLYING = frozenset({"count", "tally", "record", "document", "register", "list"})


def is_tally_of_a_period(trigger: Token, time: TimeValue | None) -> bool:
    """The dead a body counted over a period the text names (a participle on the counted noun,
    that noun the object of a verb of tallying, and a time of a week or more: a month, a year,
    "since" a day): a statistic, not a happening. A monitor that "documented 12 civilians
    killed in Douma" with no period tells one happening."""
    if dep(trigger) not in ("acl", "amod") or trigger.tag_ not in ("VBN", "VBD"):
        return False
    told = time is not None and time.method != REPORTED_DAYS_METHOD  # (the report's days are none)
    if not (told and is_period(time)) and not any(t.lower_ == "since" for t in trigger.subtree):
        return False
    counted = trigger.head
    if dep(counted) not in ("obj", "dobj") or counted.head.i == counted.i:
        return False
    return verb_lemma(counted.head.text, _TALLYING) is not None


# Dead in the thousands told with no time and no place short of a country: the war's running
# total ("More than 200000 people have been killed and half the population has fled").
RUNNING_TOTAL_AT_LEAST = 1000


def is_running_total(trigger: Token, killed: int | None, timed: bool, placed: bool) -> bool:
    """A toll of RUNNING_TOTAL_AT_LEAST or more told in the present perfect ("have been
    killed", "has died", or a noun the perfect verb carries: "the war has caused more than
    400000 deaths"), in a sentence that gives no time and no place smaller than a country: a
    count of everyone so far, not one happening."""
    if killed is None or killed < RUNNING_TOTAL_AT_LEAST or timed or placed:
        return False
    carried = trigger.pos_ in ("NOUN", "PROPN") and dep(trigger) in ("obj", "dobj")
    verb = trigger.head if carried else trigger
    return any(dep(c) == "aux" and c.lower_ in _PERFECT for c in verb.children)


def is_habitual(trigger: Token) -> bool:
    """A verb in the simple present, active or passive ("the PKK is banned in Turkey", "two
    villages which are besieged by rebels"), or a nominal carried by one (see module doc)."""
    if _present_support_before(trigger):
        return True
    if trigger.tag_ == "VBG" and dep(trigger) in ("advcl", "xcomp") and trigger.head.i != trigger.i:
        # "IS controls the city, besieging 200000 people": a participle adjunct of a present
        # state tells that state (a third person's "-s" only: "raids hit the town, killing
        # one" may be a past the tagger took for a present)
        head = trigger.head
        return head.tag_ == "VBZ" and is_habitual(head) and head.pos_ in ("VERB", "AUX")
    as_verb = trigger.pos_ in ("VERB", "AUX") and not load_event_schema().read_as_noun(trigger)
    if not as_verb and trigger.head.i == trigger.i:
        return False  # a noun the parse made its root ("air strikes" tagged a verb): no tense
    if not as_verb and _one_named_happening(trigger):
        return False  # "the seizure of Kaljibrin makes ...": one happening, whatever it brings
    verb = trigger if as_verb else trigger.head
    if not as_verb and is_reporting_verb(verb.text):
        return False  # "a group says the airstrikes killed 13": what it tells, parsed as its object
    if verb.tag_ == "VBN" and verb.i == trigger.i:  # (a noun's passive head is another clause)
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "aux:pass")]
        return len(auxes) == 1 and auxes[0].tag_ in ("VBZ", "VBP") and _passive(auxes[0])
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    if verb.tag_ == "VBP" and verb.lower_ in invariable_pasts():
        return False  # "the air raids hit the hospital": as likely a past the tagger misread
    if verb.tag_ == "VBZ" and not verb.lower_.endswith("s"):
        return False  # "before dawn" tagged "dawns": a third person ends in "s"
    if not _has_a_subject(verb):
        return False  # "killed in regime barrel bomb attacks", "bomb" tagged a present verb
    return not any(c.dep_ in ("aux", "auxpass", "aux:pass") for c in verb.children)


def _one_named_happening(noun: Token) -> bool:
    """ "the seizure of Kaljibrin", "the capture of the town": a happening named with "the" and
    what it befell; a verb in the present it is the subject of tells what it brings about, not
    a habit."""
    definite = any(dep(c) == "det" and c.lower_ == "the" for c in noun.children)
    named = any(dep(c) == "nmod" and case_word(c) == "of" and c.i > noun.i for c in noun.children)
    return definite and named and dep(noun) in ("nsubj", "nsubjpass")


# Where a finite verb's subject may sit outside its children: a conjunct shares its first
# verb's, a relative or reduced clause has its head noun's, and a clause the parse hung on a
# speech verb (or set beside another) may have had its subject hung elsewhere.
_SUBJECT_ELSEWHERE = frozenset({"conj", "relcl", "acl", "ccomp", "parataxis"})


def _has_a_subject(verb: Token) -> bool:
    """A finite present has a subject; a "verb" with none where one must be is a noun the
    tagger misread."""
    if dep(verb) in _SUBJECT_ELSEWHERE or verb.i == verb.sent.start:
        return True
    # a copula's subject hangs on its predicate ("the Kurds are now in the village")
    holder = verb.head if dep(verb) in ("cop", "aux", "auxpass") else verb
    if holder.i != verb.i and dep(holder) in _SUBJECT_ELSEWHERE:
        return True
    return any(dep(c) in ("nsubj", "nsubjpass", "expl", "csubj") for c in holder.children)


_NOW = frozenset({"now", "currently"})


def told_as_now(trigger: Token) -> bool:
    """ "There are fierce clashes now": a present told as happening now, no habit; and a toll
    told as it stands ("There are at least 56 dead"): a count, no habit."""
    if any(
        c.lower_ in _NOW and dep(c) in ("advmod", "npadvmod")
        for node in (trigger, trigger.head)
        for c in node.children
    ):
        return True
    counted = any(dep(c) == "nummod" or c.like_num for c in trigger.children)
    return counted and any(dep(c) == "expl" for c in trigger.head.children)


def _present_support_before(trigger: Token) -> bool:
    """ "The coalition conducts strikes in Raqqa": a support verb in the simple present right
    before a nominal trigger, which the tagger took for a plural noun ("conducts") and so hung
    the trigger on nothing that tells its tense."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.i == 0:
        return False
    before = trigger.doc[trigger.i - 1]
    if not before.tag_.startswith("NN") or not before.lower_.endswith("s"):
        return False
    lemma = verb_lemma(before.text, load_event_schema().support_verbs)
    return lemma is not None and before.lower_ != lemma


def is_passive_present(trigger: Token) -> bool:
    """A verb trigger in the simple present passive: "is banned", "are besieged"."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.tag_ != "VBN":
        return False
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass", "aux:pass")]
    return len(auxes) == 1 and auxes[0].tag_ in ("VBZ", "VBP") and _passive(auxes[0])


# Adverbs that put what their clause tells in the past before the news: "Houthis have attacked
# journalists previously", "his death was previously in the news".
_BEFORE_THE_NEWS = frozenset({"previously", "formerly"})


# Adverbs of frequency: what their clause tells happens again and again, no one happening
# ("Qamishli has regularly been targeted in bomb attacks", "rebels often shell the west").
_AGAIN_AND_AGAIN = frozenset(
    {
        "regularly", "repeatedly", "frequently", "often", "routinely", "periodically", "usually",
        "rarely", "seldom", "constantly", "continually", "sometimes", "occasionally", "always",
    }
)  # fmt: skip


def told_as_past(trigger: Token) -> bool:
    """The trigger's clause says it happened before, as background ("previously", "in the
    past"), on the way up to the clause's verb ("the alleged death of Hamza was previously in
    the news", "the group has carried out several bombings in Kurdish areas in the past")."""
    return _clause_says(trigger, _BEFORE_THE_NEWS) or _in_the_past(trigger)


def _in_the_past(trigger: Token) -> bool:
    """ "in the past" anywhere in the trigger's clause (the parse may hang it on any noun of
    it), under no other verb."""
    clause = trigger
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    for word in clause.subtree:
        if word.lower_ != "past" or not _as_adverb(word) or word.pos_ != "NOUN":
            continue
        verb = word.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.i == clause.i:
            return True
    return False


# "on various occasions", "several times", "on numerous occasions": the same, as a phrase.
_OCCASIONS = frozenset({"occasions", "times"})
_MANY = frozenset({"various", "several", "numerous", "many", "multiple", "repeated", "countless"})
# "killed each day", "shelled every night": a period that recurs
_RECURRING_PERIODS = frozenset({"day", "night", "week", "month", "morning", "evening"})
_EACH = frozenset({"each", "every"})


def told_as_habit(trigger: Token) -> bool:
    """The trigger's clause says it happens again and again ("has regularly been targeted",
    "clashed with the Nusra Front on various occasions in 2013")."""
    return _clause_says(trigger, _AGAIN_AND_AGAIN) or _on_many_occasions(trigger)


def _on_many_occasions(trigger: Token) -> bool:
    """ "on various occasions" / "several times" / "each day" hangs on the trigger or on a word
    above it, up to its clause's verb (directly, or as the object of its preposition)."""
    node = trigger
    for _ in range(4):
        for child in node.children:
            nouns = [child, *(c for c in child.children if dep(c) == "pobj")]
            for noun in nouns:
                many = any(m.lower_ in _MANY for m in noun.children)
                if noun.lower_ in _OCCASIONS and many:
                    return True
                each = any(m.lower_ in _EACH for m in noun.children)
                if noun.lower_ in _RECURRING_PERIODS and each:
                    return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _clause_says(trigger: Token, adverbs: frozenset[str]) -> bool:
    """One of `adverbs` hangs on the trigger or on a word above it, up to its clause's verb."""
    node = trigger
    for _ in range(4):
        if any(c.lower_ in adverbs and _as_adverb(c) for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False  # the clause's verb: what lies above is another clause
        node = node.head
    return False


def _as_adverb(word: Token) -> bool:
    """An adverb, or a noun in a phrase used as one ("in the past"), not "the past week"."""
    if word.pos_ not in ("NOUN", "PROPN"):
        return True
    cased = any(dep(c) == "case" and c.lower_ == "in" for c in word.children)
    return cased and not any(dep(c) in ("amod", "nummod", "compound") for c in word.children)


def is_ongoing_since(trigger: Token) -> bool:
    """A state that has held since a time: "Eastern Ghouta, which has been besieged since
    2013", "the regime has been accused since then of ...", "the government has been fighting
    militias since 2011" (the present perfect passive or progressive with "since"): no
    happening of the report's days. The past perfect tells the same up to a past day ("troops
    had been battling since June 25 to push them out")."""
    if trigger.tag_ not in ("VBN", "VBG"):
        return False  # (the perfect progressive too: "has been fighting militias since 2011")
    auxes = [c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass", "aux:pass")]
    perfect = bool((_PERFECT | {"had", "'d"}) & set(auxes))
    # (the active perfect too, which the caller asks only of a happening with no toll: "IS has
    # killed hundreds of people since it declared a caliphate" is a course, no one happening)
    if not perfect or ("been" not in auxes and trigger.tag_ != "VBN"):
        return False
    if any(t.lower_ == "since" for t in clause_tokens(trigger)):
        return True  # "since 2013", "since Monday"
    return any(  # "since it declared a caliphate": a clause of its own
        dep(c) == "advcl" and any(m.lower_ == "since" for m in c.children if dep(m) == "mark")
        for c in trigger.children
    )


def is_continuing_now(trigger: Token) -> bool:
    """ "Russian warplanes continue to target hospitals", "the regime keeps shelling the
    town": a course of action the present of "continue" or "keep" tells as still going on,
    no one happening ("continued to shell the town on Monday", in the past, is one)."""
    head = trigger.head
    if dep(trigger) not in ("xcomp", "advcl") or head.i == trigger.i:
        return False  # (the parse may make the infinitive an adverbial clause)
    if head.tag_ not in ("VBP", "VBZ"):
        return False
    return verb_lemma(head.text, _GOING_ON) is not None


_GOING_ON = frozenset({"continue", "keep"})


# The auxiliaries of the present perfect: "has been", "have been", "'s been".
_PERFECT = frozenset({"has", "have", "'s", "'ve"})


def is_perfect_progressive(trigger: Token) -> bool:
    """ "Moscow has been carrying out air strikes in support of Damascus", "rebels have been
    shelling the town": the present perfect progressive tells a course of action up to now
    (of the trigger, or of the support verb carrying a nominal one), not one happening."""
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and dep(trigger) in ("dobj", "obj"):
        verb = trigger.head
    if verb.tag_ != "VBG":
        return False
    auxes = [c.lower_ for c in verb.children if dep(c) == "aux"]
    return bool(_PERFECT & set(auxes)) and "been" in auxes


def is_striving(trigger: Token) -> bool:
    """A participle of fighting toward an aim ("a rebel alliance battling to take control of
    Aleppo", "troops fighting to push the rebels out"): a course of action under way, told
    by what it is for, not one happening."""
    return trigger.tag_ == "VBG" and any(
        dep(c) == "xcomp" and any(dep(m) == "mark" and m.lower_ == "to" for m in c.children)
        for c in trigger.children
    )


def is_ongoing_description(trigger: Token) -> bool:
    """A relative clause in the progressive describes its noun by what it has been doing, or
    was doing when the news happened, not by a happening of the report: "Hezbollah, which is
    fighting alongside pro-government units", "an area where rebel fighters are battling the
    army", "the minister, who was visiting the town, survived the attack", "The SDF is an
    alliance battling IS". (The parse may label such a clause a plain "acl": one with "is" /
    "was" of its own is no participle.)"""
    if trigger.tag_ != "VBG" or dep(trigger) not in ("relcl", "acl"):
        return False
    auxes = [c.lower_ for c in trigger.children if dep(c) == "aux"]
    if not auxes:
        # a participle on a noun that says what something is ("The SDF is an alliance battling
        # IS", "the SDF, an alliance battling IS, ..."): a description of the alliance
        noun = trigger.head
        return dep(noun) == "appos" or any(dep(c) == "cop" for c in noun.children)
    return auxes[-1] in ("is", "are", "am", "was", "were")


def is_prior_description(trigger: Token) -> bool:
    """A relative clause in the past perfect describes its noun by what had happened to it, or
    what it had done, before the news: "assassinated a lawyer who had been abducted for several
    days", "the envoy, who had visited Moscow in July, ...". (The caller leaves violent ones
    alone: "soldiers who had been killed in the attack" give the told attack's toll.)"""
    if trigger.tag_ != "VBN" or dep(trigger) not in ("relcl", "acl"):
        return False
    return any(dep(c) == "aux" and c.lower_ == "had" for c in trigger.children)


_QUESTION_MARKS = frozenset({"whether", "if"})
_SPECIFYING = frozenset({"det", "poss", "nmod:poss", "nummod"})


def is_asked_in_general(trigger: Token) -> bool:
    """ "It determines whether strikes were carried out by Syrian, Russian or coalition
    aircraft": a bare plural in a clause of "whether" or "if" that a verb in the simple present
    governs asks about such happenings in general (how a monitor works), and tells none. Only a
    bare plural and only under the present: in "it was not clear whether the strikes on Atareb
    had been carried out by Syrian or Russian warplanes" the strikes are told, their doer asked."""
    if trigger.tag_ != "NNS" or any(dep(c) in _SPECIFYING for c in trigger.children):
        return False
    clause = trigger.head
    if clause.i == trigger.i or not any(
        dep(c) == "mark" and c.lower_ in _QUESTION_MARKS for c in clause.children
    ):
        return False
    governor = clause.head
    return governor.i != clause.i and governor.tag_ in ("VBZ", "VBP")


def is_kind_in_a_description(trigger: Token) -> bool:
    """A bare plural nominal trigger in the predicate of a present or present perfect copula
    says what a place or body is, and tells no happening: "Deir Ezzor has been a key target of
    strikes", "the road is a frequent scene of ambushes". ("The town was the scene of clashes
    on Monday" is past, and the caller keeps one dated to a day.)"""
    if trigger.tag_ != "NNS" or any(dep(c) in _SPECIFYING for c in trigger.children):
        return False
    predicate = trigger.head
    if dep(trigger) not in ("nmod", "pobj") or predicate.i == trigger.i:
        return False
    if dep(trigger) == "pobj":  # (a parse with prepositions as heads: "target" > "of" > ...)
        predicate = predicate.head
    copulas = [c for c in predicate.children if dep(c) == "cop"]
    if not copulas:
        return False
    auxes = {c.lower_ for c in predicate.children if dep(c) == "aux"}
    copula = copulas[0]
    return copula.tag_ in ("VBZ", "VBP") or (copula.lower_ == "been" and bool(auxes & _PERFECT))


# Nouns that count everything so far when "total" or "overall" says so: "brought the total
# number of soldiers killed in Syria to 18".
_TALLY_NOUNS = frozenset({"number", "toll", "tally", "count", "figure"})
_WHOLE = frozenset({"total", "overall", "cumulative"})


def in_a_total(trigger: Token) -> bool:
    """The trigger describes what a total counts ("the total number of members of the forces
    killed in Syria", "the overall toll of those killed in the strikes"): a tally, not one
    happening."""
    node = trigger
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ == "total" and node.pos_ == "NOUN":
            return True
        if node.lower_ in _TALLY_NOUNS and any(c.lower_ in _WHOLE for c in node.children):
            return True
    return False


def is_not_the_first_time(trigger: Token) -> bool:
    """A clause on "not the first time" tells a kind of happening that has recurred ("This is
    not the first time when the coalition's strikes cause civilian casualties"), not one
    happening."""
    node = trigger
    for _ in range(3):
        if node.lower_ == "time":
            children = list(node.children)
            first = any(c.lower_ == "first" for c in children)
            return first and any(dep(c) == "neg" for c in children)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# A count of attacks this large said to exist is a statistic, not one happening ("there were
# 43 attacks on healthcare facilities in July"); "five air raids hit the town" may be one
# raid's waves, and "19 explosions were heard during the air strikes" tells one raid.
STATISTIC_AT_LEAST = 10


def is_counted_statistic(trigger: Token) -> bool:
    """A plural nominal trigger counted by a number of at least STATISTIC_AT_LEAST, whose
    existence is what the clause says ("there were ...") or that a support verb says were done
    ("coalition aircraft have conducted 325 air raids around Manbij"): a tally over days, not
    one happening (the caller keeps those dated to a day: "30 strikes on Monday")."""
    told_to_exist = _existential(trigger) or _done_by_a_support_verb(trigger)
    return told_to_exist and _counted_many(trigger)


def is_tally_over_days(trigger: Token, time: TimeValue | None) -> bool:
    """A plural nominal trigger counted by at least STATISTIC_AT_LEAST over days the text
    gives ("29 strikes in the past four days"): many happenings, not one. (The days up to a
    report that gives no date are not the text's span: "40 strikes on Aleppo" stays one.)"""
    if time is None or not time.start or not time.end or time.method == REPORTED_DAYS_METHOD:
        return False
    if time.start[:10] == time.end[:10] or trigger.lower_ not in ATTACK_NOUNS:
        return False  # (28 shells fired are one attack's munitions, not 28 happenings)
    return _counted_many(trigger)


# A toll the text gives over more than a month is a total of many happenings ("12,679 people
# died under torture from March 2011 to June 2016"); a report tells one happening's dead by its
# day or its few days ("between Nov. 14 and Nov. 17").
TOTAL_OVER_DAYS = 31
_SPAN_UNITS = frozenset({"hours", "days", "weeks", "months", "years"})


def is_total_over_a_span(time: TimeValue | None) -> bool:
    """The text's own span (not the days up to a report that gives none) is longer than
    TOTAL_OVER_DAYS: a toll over it is a total, and what happened over it a course."""
    if time is None or time.precision != "range" or time.method == REPORTED_DAYS_METHOD:
        return False
    try:
        start = date.fromisoformat((time.start or "")[:10])
        end = date.fromisoformat((time.end or "")[:10])
    except ValueError:
        return False
    return (end - start).days > TOTAL_OVER_DAYS


def is_span_of_attacks(trigger: Token) -> bool:
    """ "Seven days of airstrikes had left 75 civilians dead": the attacks of a counted span of
    time, told by their sum, not one happening; so are "several rounds of heavy fighting",
    "repeated waves of strikes": many bouts told as one."""
    span = trigger.head
    if dep(trigger) != "nmod" or span.i == trigger.i:
        return False
    counted = any(dep(c) == "nummod" for c in span.children)
    if span.lower_ in _SPAN_UNITS:
        return counted
    many = any(c.lower_ in _MANY for c in span.children)
    return span.lower_ in _BOUTS and (counted or many)


# Plural nouns for bouts of fighting (made many by a word of `_MANY` or a number).
_BOUTS = frozenset({"rounds", "waves", "bouts", "spates", "series"})


def _done_by_a_support_verb(trigger: Token) -> bool:
    """ "have conducted 325 air raids", "carried out 40 strikes since May": a tally told in the
    perfect or counted since a time; "jets launched 40 strikes on Aleppo" may be one day's wave
    and stays a happening."""
    head = trigger.head
    if dep(trigger) not in ("obj", "dobj") or head.i == trigger.i:
        return False
    if trigger.lower_ not in ATTACK_NOUNS:
        return False
    if verb_lemma(head.text, load_event_schema().support_verbs) is None:
        return False
    perfect = any(dep(c) == "aux" and c.lemma_ == "have" for c in head.children)
    return perfect or any(t.lower_ == "since" for t in head.subtree)


def _counted_many(trigger: Token) -> bool:
    """A plural nominal trigger counted by a number of at least STATISTIC_AT_LEAST."""
    if trigger.pos_ not in ("NOUN", "PROPN") or not trigger.text.lower().endswith("s"):
        return False
    count = _count_of(trigger)
    return count is not None and count >= STATISTIC_AT_LEAST


def _count_of(trigger: Token) -> int | None:
    """The number counting a trigger, also through its compound ("325 air raids": the parser
    hangs the number on "air")."""
    for node in (trigger, *(c for c in trigger.children if dep(c) == "compound")):
        for child in node.children:
            if dep(child) == "nummod" and child.text.replace(",", "").isdigit():
                return int(child.text.replace(",", ""))
    return None


_THERE_BE = frozenset({"is", "are", "was", "were", "has", "have", "had"})


def _existential(trigger: Token) -> bool:
    """ "There were 43 attacks", "there have been 12 raids": read in the words before the
    trigger, as the parse hangs a counted noun anywhere."""
    sent = trigger.sent
    window = trigger.doc[max(sent.start, trigger.i - 6) : trigger.i]
    return any(
        t.lower_ == "there" and t.i + 1 < trigger.i and t.nbor().lower_ in _THERE_BE for t in window
    )


def _passive(aux: Token) -> bool:
    return aux.dep_ in ("auxpass", "aux:pass") or aux.lemma_ == "be"


def is_relation(trigger: Token) -> bool:
    """ "fighters supporting the government", "an alliance backed by the coalition", "forces
    that support the regime": backing told as a participle or a present-tense relative clause
    describing a noun is a standing relation, not a happening."""
    if trigger.dep_ == "conj" and trigger.tag_ == "VBN":
        trigger = trigger.head  # "an operation led by X and backed by the coalition"
    # (a verb in the present the tagger gave a noun's tag: "groups which the US supports")
    present = trigger.tag_ in ("VBP", "VBZ") or (
        trigger.pos_ == "VERB" and trigger.tag_ in ("NNS", "NN") and trigger.lower_.endswith("s")
    )
    # ("some who have supported the regime": the present perfect describes them as much)
    perfect = trigger.tag_ == "VBN" and any(
        dep(c) == "aux" and c.lower_ in ("have", "has") for c in trigger.children
    )
    if dep(trigger) in ("acl:relcl", "relcl") and (present or perfect):
        return True  # "forces that support the Assad regime": a description, in the present
    if _passive_up_to_now(trigger):
        return True  # "It has been backed by coalition strikes", "the militia is funded by"
    if _hyphenated_modifier(trigger):
        return True  # "the Iran-backed Hezbollah militia": one word describing the militia
    if described_by_participle(trigger) is not None:
        return True  # "Rebels backed by Turkish jets attacked": the parse made "backed" a subject
    return trigger.dep_ in ("acl", "amod") and trigger.pos_ in ("VERB", "ADJ")


def _hyphenated_modifier(trigger: Token) -> bool:
    """A participle glued by a hyphen to the word before it ("Iran-backed", "US-supported")."""
    doc = trigger.doc
    if trigger.i < 2 or doc[trigger.i - 1].text != "-":
        return False
    return not doc[trigger.i - 1].whitespace_ and not doc[trigger.i - 2].whitespace_


def _passive_up_to_now(verb: Token) -> bool:
    """A participle in the present or present perfect passive: "is backed", "has been backed"."""
    if verb.tag_ != "VBN":
        return False
    auxes = [c for c in verb.children if dep(c) in ("aux", "auxpass", "aux:pass")]
    words = {a.lower_ for a in auxes}
    present = any(a.tag_ in ("VBZ", "VBP") and _passive(a) for a in auxes)
    return present or ("been" in words and bool(words & _PERFECT))


def is_partnering_phrase(trigger: Token) -> bool:
    """ "The army in cooperation with the popular defense groups targeted ...", "troops there to
    eliminate IS elements in coordination with Iraqi forces": "in N with X", the noun bare, is
    a complex preposition that names a partner in the act it modifies (as "together with"),
    not a happening of its own; the act is the event, and X takes part in it."""
    if trigger.pos_ != "NOUN" or any(dep(c) == "det" for c in trigger.children):
        return False
    if trigger.lower_ not in _PARTNERING_NOUNS | _BACKING_NOUNS:
        return False  # "in talks with Lavrov, Kerry pressed ...": talks are held, a happening
    into = any(dep(c) == "case" and c.lower_ == "in" for c in trigger.children)
    # "in cooperation with X"; "in support of X" (the stance of whoever the phrase modifies)
    linking = ("with", "of") if trigger.lower_ in _BACKING_NOUNS else ("with",)
    partner = any(
        dep(c) == "case" and c.lower_ in linking for n in trigger.children for c in n.children
    )
    return into and partner


_BACKING_NOUNS = frozenset({"support", "backing", "solidarity"})
# Nouns of acting together that "in N with X" makes a complex preposition of.
_PARTNERING_NOUNS = frozenset(
    {"cooperation", "coordination", "collaboration", "partnership", "alliance", "conjunction"}
)


# A report's news is what happened in the weeks or months before it; a happening the text
# dates as having ended more than half a year before the report is recalled history.
RECALLED_DAYS = 183


def is_recalled(time: TimeValue | None, published: str | None) -> bool:
    """The text dates the happening, and its whole span ends more than RECALLED_DAYS before the
    report's publication date (see module doc), or the text dates it only by a year before the
    report's: a report tells its news by the day, week or month ("on Monday", "last week"), and
    what it can place no closer than "last year" or "in 2018" is what it recalls."""
    if time is None or not time.start or not published or time.precision == "unresolved":
        return False
    if time.precision == "year" and time.start[:4] < published[:4]:
        return True  # "Last year Trump withdrew the US from the deal": news is told by its days
    try:
        end = date.fromisoformat((time.end or time.start)[:10])
        report = date.fromisoformat(published[:10])
    except ValueError:
        return False
    return end < report - timedelta(days=RECALLED_DAYS)


# A campaign's course, not one happening: "renew their raids on Aleppo", "the renewed regime
# bombardment", "intensified aerial bombardment", "increased the intensity of its strikes",
# "this week-long campaign of bombing", "a vast wave of bomb attacks", "a month-long
# offensive". A coder records the strikes the report tells, not their growing intensity;
# told with a toll ("a fresh wave of air raids hit ... killing one woman"), the sentence
# tells a happening of its own, which the caller keeps.
_COURSE = (
    r"(?:intensif\w*|increas\w*|renew\w*|escalat\w*|stepp?(?:ed|ing|s)?\s+up|"
    r"(?:campaign|wave|escalation|intensity)\s+of|(?:week|month|year)s?\s*-\s*long)"
)
_COURSE_BEFORE = re.compile(rf"\b{_COURSE}(?:\s+[\w'’-]+){{0,3}}\s*$", re.I)
COURSE_WINDOW = 60  # characters before the trigger: a few words


def is_campaign(trigger: Token) -> bool:
    """A nominal trigger a few words after a word of intensifying, renewing or lasting (see
    above)."""
    # (a gerund is a noun here too: "campaign of shelling")
    if trigger.pos_ not in ("NOUN", "PROPN") and not trigger.tag_.startswith(("NN", "VBG")):
        return False
    if dep(trigger) == "nsubj" and _GROWING.fullmatch(trigger.head.text):
        return True  # "Fighting has intensified since the ceasefire", "strikes escalated"
    if any(
        dep(c) == "acl" and _GROWING.fullmatch(c.text) and any(dep(a) == "aux" for a in c.children)
        for c in trigger.children
    ):
        return True  # "airstrikes on rebel positions have increased", the verb hung on them
    if any(dep(c) == "amod" and c.lower_ in _LASTING for c in trigger.children):
        return True  # "the constant bombardment of Aleppo aims to ...": a course, no one day
    sent = trigger.sent
    start = max(sent.start_char, trigger.idx - COURSE_WINDOW)
    before = text_of(trigger.doc)[start : trigger.idx]
    return _COURSE_BEFORE.search(before) is not None


# Adjectives of a course that goes on: "the constant bombardment", "relentless air strikes".
_LASTING = frozenset(
    {
        "constant", "continuous", "continuing", "ongoing", "relentless", "incessant",
        "persistent", "unrelenting", "ceaseless", "daily", "nightly", "nonstop", "non-stop",
    }
)  # fmt: skip


# A verb that says a campaign grew (not "continued": "clashes continued on Monday" is a day's)
_GROWING = re.compile(
    r"intensif(?:ied|ies|y)|increas(?:ed|es|e)|escalat(?:ed|es|e)|worsen(?:ed|s)?", re.I
)


# A verb that tells a campaign's course: growing, renewed, or carried on. ("continue" only
# here, where a toll told as its result must be vague too: "jets continued to pound the city,
# killing 30" is a day's happening, counted.)
_COURSE_VERB = re.compile(
    r"\b(?:intensif(?:ied|ies|ying)|increas(?:ed|es|ing)|renew(?:ed|s|ing)?|"
    r"escalat(?:ed|es|ing)|continu(?:ed|es|ing)|stepp(?:ed|ing)\s+up)\b",
    re.I,
)


def tolls_a_course(trigger: Token) -> bool:
    """A toll told in a participle ("leaving hundreds dead", "claiming the lives of hundreds",
    "killing many of their members") after a verb of a campaign's course in its sentence: the
    dead the course left (see module doc; the caller asks for no firm count). The course verb
    is read in the text before the participle, as the parse hangs such participles on any
    noun nearby ("renew their raids on Aleppo's areas leaving ...": "leaving" on "areas")."""
    participle = trigger if trigger.tag_ == "VBG" else _participle_before(trigger)
    if participle is None:
        return False
    before = text_of(trigger.doc)[trigger.sent.start_char : participle.idx]
    return _COURSE_VERB.search(before) is not None


_RESULT_WINDOW = 6  # tokens from "leaving" to its "dead": "leaving scores of people dead"


def _participle_before(trigger: Token) -> Token | None:
    """The participle a result is told by ("leaving ... dead"), a few words before it."""
    start = max(trigger.sent.start, trigger.i - _RESULT_WINDOW)
    found = [t for t in trigger.doc[start : trigger.i] if t.tag_ == "VBG"]
    return found[-1] if found else None


def is_yes_no_question(sent: Span) -> bool:
    """A yes-or-no question asks whether; what it names is nobody's statement that it happened
    ("Or is it a possibility to liberate Iraq under the airstrikes of the Russian Aerospace
    Forces?"). A question for who or why ("Who bombed the hospital?") takes the happening as
    known, so it stays."""
    if not sent.text.rstrip(" \t\n\"'”’»)").endswith("?"):
        return False
    words = [t.lower_ for t in sent if not t.is_punct and t.lower_ not in _OPENING_CONJUNCTIONS]
    return bool(words) and words[0] in _QUESTION_OPENERS


_OPENING_CONJUNCTIONS = frozenset({"or", "and", "but", "so", "then"})
_QUESTION_OPENERS = frozenset(
    {
        "is", "are", "was", "were", "am", "do", "does", "did", "has", "have", "had", "will",
        "would", "can", "could", "should", "shall", "may", "might", "must", "isn't", "aren't",
        "wasn't", "weren't", "didn't", "doesn't", "don't", "hasn't", "haven't", "won't",
    }
)  # fmt: skip
