"""Dating a happening the text tells without a date of its own.

- An attack, a death or a statement the text does not date is dated to the days up to its
  report: the report bounds it, and news tells what has just happened (ACLED dates such an
  event by its report too). A visit or a deployment may be told long after it happened, so it
  stays undated.
- An attack whose parse ties no time to its trigger takes its sentence's one dated time ("A car
  bomb killed eight people near the shrine ... on Monday"), unless a reporting verb governs that
  time ("told SANA on Thursday that a shell killed ...": the day of the report) or the time only
  bounds the happening ("since Wednesday clashes have left 23 dead").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Span, Token

from sitrep.extract.attribution import is_attribution_verb
from sitrep.extract.deps import DAYS_IN_UNIT, SAME_DAY_UNITS, dep, describes_someone
from sitrep.extract.schema import ClaimCues, load_event_schema, verb_lemma
from sitrep.extract.time import NUMBER_WORDS
from sitrep.records import (
    REPORT_WINDOW_DAYS,
    REPORTED_DAYS_METHOD,
    REPORTED_MONTH_METHOD,
    EventMention,
    TimeValue,
    is_period,
)

# Types a report dates when the text does not: attacks and deaths, and statements (a statement
# reported without a date was made about when it was reported). A visit or a deployment may be
# told long after it happened, so it stays undated.
DATED_BY_REPORT = frozenset(
    {"ASSAULT", "DIE", "ACCUSE", "THREATEN", "SANCTION", "APPOINT", "DISMISS", "COERCE"}
)


def dated_by_report(mention: EventMention, published: str | None) -> EventMention:
    """A happening the text reports without saying when is dated to the days up to its report
    (the report's own day and REPORT_WINDOW_DAYS before it), or to its month when the report is
    dated only to a month: the report bounds it, and news tells what has just happened."""
    if mention.time is not None or mention.modality is not None or not published:
        return mention
    if len(published) < 7 or mention.type not in DATED_BY_REPORT:
        return mention
    if len(published) >= 10:
        day = date.fromisoformat(published[:10])
        start = (day - timedelta(days=REPORT_WINDOW_DAYS)).isoformat()
        time = TimeValue("", "range", start, day.isoformat(), published, REPORTED_DAYS_METHOD)
        return replace(mention, time=time)
    year, month = int(published[:4]), int(published[5:7])
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    time = TimeValue(
        text="",
        precision="month",
        start=f"{year:04d}-{month:02d}-01",
        end=f"{year:04d}-{month:02d}-{last:02d}",
        anchor=published,
        method=REPORTED_MONTH_METHOD,
    )
    return replace(mention, time=time)


def sentence_time(
    trigger: Token, times: list[tuple[Span, TimeValue]], cues: ClaimCues
) -> TimeValue | None:
    """The sentence's one dated time, when the parse tied it to no trigger ("A car bomb killed
    eight people near the shrine ... on Monday"), unless a reporting verb governs it ("told SANA
    on Thursday that a shell killed ...": the day of the report, not of the happening)."""
    from sitrep.extract.events import BOUND_MARKERS

    dated = [(span, tv) for span, tv in times if tv.start and tv.precision in ("day", "range")]
    dated = [(span, tv) for span, tv in dated if not _bound(span, BOUND_MARKERS)]
    if len(dated) != 1 or trigger.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
        return None
    span, value = dated[0]
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None and is_attribution_verb(verb, cues):
        return None
    if any(accuses(a) for a in trigger.ancestors):
        return None  # "who on Monday blamed France for the massacre": the day of the blame
    return value


def accuses(verb: Token) -> bool:
    """A verb of blaming or accusing ("blamed France for the massacre", "accused the army of
    the attack"): like a report, it names a happening from before it, so the time written by
    the verb ("who on Monday blamed ...") dates the accusation, not the happening."""
    from sitrep.extract.schema import load_event_schema

    return verb.pos_ in ("VERB", "AUX") and any(
        t.type == "ACCUSE" and t.pos == "verb" for t in load_event_schema().by_form(verb.text)
    )


def within_clause(span: Span, clause: Token) -> bool:
    """Whether a time expression lies inside the clause headed by `clause`."""
    return min(t.i for t in clause.subtree) <= span.start and span.end - 1 <= _last(clause)


# Nouns of answering one happening with another: "in retaliation for the killing of a pilot",
# "in response to the shelling", "revenge for the massacre".
_ANSWERING = frozenset({"retaliation", "revenge", "response", "reprisal", "reprisals"})


def cause_phrase(trigger: Token) -> Token | None:
    """The head of the phrase that names the happening another one answers ("the strikes were in
    retaliation for the killing of a pilot": the killing), when the trigger is inside it."""
    doc = trigger.doc
    for word in (trigger, *trigger.ancestors):
        if word.dep_ == "ROOT":
            return None
        case = next(
            (c for c in word.children if c.lower_ in ("for", "to") and c.dep_ == "case"), None
        )
        if case is None or case.i == 0:
            continue
        # "in retaliation for the killing", whether the parse hangs the killing on the noun or,
        # beside it, on the verb
        if word.head.lower_ in _ANSWERING or doc[case.i - 1].lower_ in _ANSWERING:
            return word
    return None


def _last(clause: Token) -> int:
    return max(t.i for t in clause.subtree)


def days_before(clause: Token) -> int | None:
    """The days the clause's happening came before the sentence's ("a day", "two days"); None
    where the text does not count them ("hours after" is likely the same day: 0)."""
    for word in (clause.head, *clause.head.children, *clause.children):
        unit = word.lower_
        if word.i > clause.i:
            continue  # the measure comes before "after"; words after it are the clause's own
        if unit in SAME_DAY_UNITS:
            return 0
        if unit not in DAYS_IN_UNIT:
            continue
        count = next((c for c in word.children if c.dep_ in ("nummod", "det")), None)
        if count is None:
            return None
        if count.lower_ in ("few", "several"):
            return None  # some days: how many, the text does not say
        number = int(count.text) if count.text.isdigit() else NUMBER_WORDS.get(count.lower_)
        return number * DAYS_IN_UNIT[unit] if number is not None else None
    return None


def earlier_by(value: TimeValue, days: int | None) -> TimeValue | None:
    """The time moved back by the days counted; none where they are not counted (an earlier
    happening, but how much earlier the text does not say), unless the time is a period of a
    week or more, which holds both ("In early November 2014 al-Nusra started expanding ...
    after clashing with other factions": the clash is of those days, not of the report's)."""
    if days is None:
        return value if is_period(value) else None
    if not value.start:
        return None
    shift = timedelta(days=days)
    start = date.fromisoformat(value.start[:10]) - shift
    end = date.fromisoformat((value.end or value.start)[:10]) - shift
    method = DAYS_BEFORE_METHOD if days else value.method
    return replace(value, start=start.isoformat(), end=end.isoformat(), method=method)


DAYS_BEFORE_METHOD = "days-before-a-told-day"  # "comes a day after ...": counted back from it


# A time counted "since" a day up to the report ("Since Thursday, the bombardment has killed 44"):
# the days from that day to the report's, a span the text gives as surely as "between".
SINCE_DAY_METHOD = "since-a-day-to-the-report"


def follows_since(span: Span) -> bool:
    """The time is what "since" counts from, right after it ("since Thursday", "since Monday
    morning"), however the parse hangs "since" (it may mark the clause's verb)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return span[0].lower_ == "since" or (before is not None and before.lower_ == "since")


def since_day_to_report(value: TimeValue) -> TimeValue | None:
    """The days from a day counted "since" to the report's day (its anchor): a running count's
    span, not the day it started. None when the day or the report's day is not known, or the
    day is after the report."""
    anchor = value.anchor or ""
    if value.precision != "day" or not value.start or len(anchor) < 10:
        return None
    try:
        start, end = date.fromisoformat(value.start[:10]), date.fromisoformat(anchor[:10])
    except ValueError:
        return None
    if start > end:
        return None
    return replace(
        value,
        precision="range",
        start=start.isoformat(),
        end=end.isoformat(),
        method=SINCE_DAY_METHOD,
    )


def _bound(span: Span, markers: frozenset[str]) -> bool:
    """ "since Wednesday", "after Friday's strike": a bound of the happening, not its day."""
    start = span.start
    if start > 0 and span.doc[start - 1].lower_ in markers:
        return True
    return span[0].lower_ in markers


# Nouns of long happenings that the schema has no trigger for, whose relative clause dates them
# ("the war that began in 2011").
_LONG_HAPPENINGS = frozenset({"war", "conflict", "crisis", "uprising", "revolution"})
# Verbs that date when a state began: told in a relative clause, they date what it describes
# ("a siege of Aleppo that began on July 17", whichever noun the parse hangs the clause on).
_BEGINNING_VERBS = frozenset({"begin", "start", "erupt", "commence"})


def opens_since_clause(node: Token) -> bool:
    """ "since airstrikes resumed on 15 November": the head of a "since" clause (the parse may
    mark "since" as the case of a clause's noun); not "since March", a time's own bound."""
    return any(
        c.lower_ == "since" and (dep(c) == "mark" or (dep(c) == "case" and dep(node) == "advcl"))
        for c in node.children
    )


def in_since_clause(trigger: Token) -> bool:
    """The trigger opens or is in a "since" clause ("under attack for the second time since
    airstrikes resumed on 15 November"): the start of a stretch of time, another happening
    than the one counted since it."""
    return any(opens_since_clause(n) for n in (trigger, *trigger.ancestors) if n.dep_ != "ROOT")


def dates_another_happening(span: Span, trigger: Token) -> bool:
    """A time inside a relative clause that describes another happening's noun, or tells when
    something began, dates that happening: in "an assault intended to break a siege that began
    on July 17", the siege, not the assault."""
    for node in (span.root, *span.root.ancestors):
        if node.i == trigger.i:
            return False
        if opens_since_clause(node):
            # "came under attack for the second time since airstrikes resumed on 15 November":
            # the day the strikes resumed, not the attack's
            return not any(t.i == trigger.i for t in node.subtree)
        if describes_someone(node):
            # "Ahmed, who fled Homs last year, said a strike killed five": when Ahmed fled
            return not any(t.i == trigger.i for t in node.subtree)
        if dep(node) != "relcl":
            continue
        noun = node.head
        if noun.i == trigger.i or any(t.i == trigger.i for t in node.subtree):
            return False
        if verb_lemma(node.text, _BEGINNING_VERBS) is not None:
            return True
        happening = noun.lower_ in _LONG_HAPPENINGS or load_event_schema().names_a_happening(
            noun.text
        )
        return happening and noun.pos_ in ("NOUN", "PROPN")
    return False
