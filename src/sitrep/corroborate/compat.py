"""Are two event mentions the same happening? Pure feature functions, each with its reason.

Two mentions are one happening only on evidence: their types are of one family, their times
are known and overlap within their precision, their places agree at the precision given, and no
named participant contradicts. Compatibility alone is not evidence: "place unknown on one side"
or "a city inside the other's country" lets a join through only when something positive says it
is the same happening (`weigh`): across reports a tie (a shared named participant that is no
state, the same toll) and one more piece of evidence; within one report a tie, or the same town
on the same days. An unknown time is not compatible with everything: an undated mention joins
only within its own document, or a report published within a few days of the other's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from sitrep.extract.schema import reach_differs
from sitrep.records import MAX_HAPPENING_DAYS, REPORT_WINDOW_DAYS, span_days

# "A few days": reports published this close may tell one undated happening (a denial the day
# after the report it answers, a follow-up the next morning). It is the window extraction
# dates an undated happening by (its report's day and the days before): reports three days
# apart put their undated news in windows that do not meet ("one killed by rocket fire on
# Aleppo", reported on the 12th, and "three killed by rocket fire on Aleppo", on the 15th).
PUBLISHED_DAYS = REPORT_WINDOW_DAYS
# A time window at most this wide places a happening closely enough that the same town on the
# same days is evidence (two reports of "a strike on Douma on Monday"); "in the last week" is
# not that close.
CLOSE_DAYS = 3
# A denial follows what it denies: "the Kremlin denied in August" a visit in July. Its own time
# may lie this many days after the happening's.
DENIAL_DAYS = 62
# Casualty counts that are evidence when two reports give the same figure (0, 1 and 2 are too
# common to tell one strike from another: "two persons were injured" twice in one report).
MIN_TELLING_COUNT = 3
# ... and where one report names a town and the other only its country (or a region of it),
# only a count rare enough to tell a happening: four soldiers killed in "northern Syria" and
# four civilians in Deir Ezzor, a day apart, are two happenings.
MIN_COUNT_IN_A_COUNTRY = 10


@dataclass(frozen=True)
class MentionView:
    """What corroboration needs of one event mention (read from the store)."""

    id: str
    doc_id: str
    type: str
    mode: str | None
    entities: frozenset[str]  # canonical entity ids (or name keys) of the participants
    names: dict[str, str] = field(default_factory=dict)  # entity key -> a display name
    roles: dict[str, str] = field(default_factory=dict)  # entity key -> role
    people: frozenset[str] = frozenset()  # the participants that are persons
    # The participants that are states or nationalities ("Syrian", "Russia"): a party to most
    # happenings of its war, so sharing one says nothing of which happening.
    states: frozenset[str] = frozenset()
    # The participants that are armed groups ("Daesh", "the SDF"): struck in both reports, one
    # is the other side of a campaign that every report of it names, no tie between them.
    groups: frozenset[str] = frozenset()
    # Participants no entity stands for ("civilians", "13 people", "insurgents"): shown with
    # the event, never matched on (two reports' "civilians" are not evidence of one happening).
    unnamed: tuple[tuple[str, str], ...] = ()
    place: str | None = None  # canonical place key
    place_name: str | None = None
    place_country: str | None = None  # country code or key of the place, when known
    place_is_country: bool = False
    # The place the text puts this one in ("the Salaheddin district of Aleppo"), as resolution
    # located it (`resolve.eventplaces`): a happening there happened in the container too.
    place_within: str | None = None
    # The governorate the place lies in ("SY:Idlib"), and whether the place may stand for it:
    # the governorate itself, or the city named after it ("in Idlib").
    place_region: str | None = None
    place_names_region: bool = False
    time_start: str | None = None
    time_end: str | None = None
    time_precision: str | None = None
    # how extraction worked the time out (`TimeValue.method`): kept on the event, never compared
    time_method: str | None = None
    casualties: dict[str, Any] | None = None  # the mention's counts (killed, wounded, ...)
    published: str | None = None  # the report's publication date (its first copy's)
    month_day: str | None = None  # "03-18" of an unresolved "March 18" (no year known)
    # The month of its report, for a mention the text does not date: shown as the event's time
    # when nothing better dates it, never compared (two attacks "reported in June" are not one).
    reported: tuple[str, str] | None = None
    family: str = ""  # the type's family (see the event schema); empty: the type itself
    denies: bool = False  # the mention's claim denies that it happened
    sentence: int | None = None  # its sentence's index in its document
    toll: bool = False  # its trigger tells a toll ("were killed"), not a kind of attack
    plural: bool = False  # its trigger is a plural noun ("attacks", "air strikes")
    text_root: str = ""  # the first copy of its document's text (syndicated copies share it)
    trigger: str = ""  # the word that tells it ("struck", "strikes")
    retells: int | None = None  # the sentence of the happening it tells again (extraction's)

    @cached_property
    def is_activity_span(self) -> bool:
        """Dated only by a span of years: a pattern of activity that joins only the very same
        span."""
        if not (self.time_start and self.time_end):
            return False
        days = span_days(self.time_start, self.time_end)
        return days is not None and days > MAX_HAPPENING_DAYS

    @cached_property
    def is_tally(self) -> bool:
        """Attacks counted over days ("attacks in the past 48 hours killed 10", "air strikes
        over the weekend killed 30"): a sum of several happenings."""
        return self.plural and (self.width or 0) >= 1

    @property
    def end(self) -> str | None:
        return self.time_end or self.time_start

    def count(self, key: str) -> int | None:
        """The mention's casualty count `key` ("killed", "wounded"), None when not given."""
        value = (self.casualties or {}).get(key)
        return value if isinstance(value, int) else None

    @cached_property
    def width(self) -> int | None:
        """Days the time window spans (0 for one day), None when undated."""
        if not self.time_start:
            return None
        return span_days(self.time_start, self.end or self.time_start)


class Decision(NamedTuple):
    """A yes or no, and why. The why is written only when read: a large run asks hundreds of
    thousands of times and keeps the reason of the few thousand pairs it merges (hence also a
    tuple, cheaper to make than a frozen dataclass). `evidence`: the feature says more than
    "nothing contradicts" (a shared participant, the same town on close days ...)."""

    same: bool
    why: Callable[[], str]
    evidence: bool = False
    feature: str = ""  # which feature decided ("place" ...), where a rule weighs them apart

    @property
    def reason(self) -> str:
        return self.why()


def _written(reason: str) -> Callable[[], str]:
    """A reason written at once (in a loop, where a lambda would see the last iteration)."""
    return lambda: reason


def family(view: MentionView) -> str:
    return view.family or view.type


def type_compatible(a: MentionView, b: MentionView) -> Decision:
    if family(a) != family(b):
        return Decision(False, lambda: f"types differ ({a.type} / {b.type})")
    if a.type == b.type and a.mode and b.mode and a.mode != b.mode:
        # A meeting joins a visit at the very same place ("flew to Moscow" / "the meeting in
        # Moscow"), or where one side names no place (the meeting denied in "no» to the question
        # whether the meeting of A with B took place" is the visit reported elsewhere); never one
        # somewhere else in the country ("met in Damascus" / "visited Syria last October").
        if a.place and b.place and a.place != b.place:
            return Decision(
                False, lambda: f"modes differ ({a.mode} / {b.mode}) at different places"
            )
        where = "same place" if a.place else "place unknown on one side"
        return Decision(True, lambda: f"same type {a.type}, modes {a.mode} / {b.mode} ({where})")
    if a.type != b.type:
        return Decision(True, lambda: f"types {a.type} / {b.type} of one family")
    return Decision(True, lambda: f"same type {a.type}")


# Types whose happening is defined by who meets whom: "Putin met Netanyahu" and "the meeting of
# Putin with Soleimani" share Putin but are two meetings.
COUNTERPART_TYPES = frozenset({"CONSULT"})


def participants_compatible(a: MentionView, b: MentionView) -> Decision:
    """A shared participant is evidence; two mentions that each name participants and share
    none contradict ("Qaani visited Baghdad" / "Soleimani visited Baghdad"); one naming nobody
    neither contradicts nor supports."""
    crossed = {k for k in a.entities & b.entities if _side(a, k) * _side(b, k) < 0}
    shared = (a.entities & b.entities) - crossed
    if crossed and not shared:
        # "Nusra Front killed 25" / "25 Nusra Front fighters were killed": the one who strikes
        # in one report is the one struck in the other, two different happenings.
        names = ", ".join(sorted(a.names.get(k, k) for k in crossed))
        return Decision(False, _written(f"{names} strikes in one report, is struck in the other"))
    if not shared:
        if _people_named_alike(a, b):
            return Decision(True, lambda: "one person, named in full and by surname")
        if a.type in COUNTERPART_TYPES:
            named = bool(a.entities and b.entities)
        else:
            # a state is a party to most happenings of its war: it names none, so a person
            # on one side and only states on the other do not contradict ("Assad's warplanes"
            # / "Syrian and Russian jets")
            named = bool(a.entities - a.states and b.entities - b.states)
        if named and (a.people or b.people or a.type in COUNTERPART_TYPES):
            # A person names a happening ("Qaani visited" is not "Soleimani visited"); groups
            # and states go by many names ("Syrian regime forces" / "the Syrian army").
            return Decision(False, lambda: "no shared participant: " + _counterparts(a, b))
        if a.entities and b.entities:
            return Decision(True, lambda: "no shared participant, no person named apart")
        return Decision(True, lambda: "participants named on one side only")
    only_a, only_b = a.entities - b.entities, b.entities - a.entities
    if a.type in COUNTERPART_TYPES and b.type in COUNTERPART_TYPES and only_a and only_b:
        # Each names someone the other does not: different counterparts, different meetings.
        # (One naming fewer, "Assad met Baqeri" / "... Baqeri and al-Ghanimi", still joins.)
        return Decision(False, lambda: "different counterparts: " + _counterparts(a, b))
    telling = shared - a.states - b.states - _campaign_targets(a, b, shared)
    return Decision(
        True,
        lambda: "shared participants: " + ", ".join(sorted(a.names.get(k, k) for k in shared)),
        evidence=bool(telling),
        feature="participants",
    )


def _people_named_alike(a: MentionView, b: MentionView) -> bool:
    """Each mention names only people, and they are the same by the surname a report uses
    after the full name ("Tony Mendez died Saturday" ... "Mendez died of Parkinson's disease"):
    resolution keeps "Mendez" apart where another Mendez is named ("Jonna Mendez"), so this is
    no contradiction, though no evidence either (the same town and day must still tie them)."""
    if a.entities - a.people or b.entities - b.people:
        return False
    return named_alike([a.names.get(k, k) for k in a.people], [b.names.get(k, k) for k in b.people])


def named_alike(these: Collection[str], those: Collection[str]) -> bool:
    """Both name people, and each of either is one of the other's, in full or by surname."""
    xs, ys = [n.lower().split() for n in these], [n.lower().split() for n in those]
    if not xs or not ys:
        return False
    return all(any(_surname_of(x, y) for y in ys) for x in xs) and all(
        any(_surname_of(x, y) for x in xs) for y in ys
    )


def _surname_of(x: list[str], y: list[str]) -> bool:
    """The same name, or the shorter one the other's last words ("Mendez", "Tony Mendez")."""
    short, full = sorted((x, y), key=len)
    return bool(short) and full[-len(short) :] == short


# Which side of a happening a role stands on: the one who acts, or the one acted upon.
AGENT_ROLES = frozenset({"actor", "by"})
PATIENT_ROLES = frozenset({"target"})


def _side(view: MentionView, key: str) -> int:
    role = view.roles.get(key)
    return 1 if role in AGENT_ROLES else -1 if role in PATIENT_ROLES else 0


def _campaign_targets(a: MentionView, b: MentionView, shared: frozenset[str]) -> set[str]:
    """Armed groups struck in both reports: "air strikes on Daesh near Manbij" and "the rebels
    battle Daesh for Manbij" are two happenings of one campaign, so the group struck says
    nothing of which (the group that strikes in both still does: "Jaysh al-Islam rockets")."""
    return {k for k in shared & a.groups & b.groups if _side(a, k) < 0 and _side(b, k) < 0}


def _counterparts(a: MentionView, b: MentionView) -> str:
    only_a, only_b = a.entities - b.entities, b.entities - a.entities
    theirs = sorted(a.names.get(k, k) for k in only_a) + sorted(b.names.get(k, k) for k in only_b)
    return " / ".join(theirs)


def place_compatible(a: MentionView, b: MentionView) -> Decision:
    """Same place (evidence), a place inside the other's country, or one place unknown (no
    contradiction, but no evidence either: a country says nothing of which town)."""
    if a.place is None or b.place is None:
        return Decision(True, lambda: "place unknown on one side")
    if a.place == b.place:
        return Decision(
            True,
            lambda: f"same place {a.place_name or a.place}",
            evidence=not a.place_is_country,
            feature="place",
        )
    for inner, outer in ((a, b), (b, a)):
        if inner.place_within is not None and inner.place_within == outer.place:
            # A district of the city the other report names: no contradiction, but no evidence
            # either (a city at war is shelled in several districts a day; read on FA-KES, a
            # district counted as the city named twice chained two days' shelling of Aleppo).
            return Decision(True, _written(f"{inner.place_name} lies in {outer.place_name}"))
        if (
            outer.place_is_country
            and inner.place_country
            and inner.place_country == outer.place_country
        ):
            return Decision(
                True,
                _written(f"{inner.place_name} lies in {outer.place_name}"),
                feature="country",
            )
        if (
            outer.place_names_region
            and inner.place_region is not None
            and inner.place_region == outer.place_region
        ):
            # A town in the governorate the other report names ("a town in Idlib province"):
            # no contradiction, and, as with a country, a tie only on a rare toll.
            return Decision(
                True, _written(f"{inner.place_name} lies in {outer.place_name}"), feature="region"
            )
        if inner.place_country is None and _words(outer) <= _words(inner):
            # A place the gazetteer could not locate, "Idlib Syria", holds the located "Idlib":
            # no contradiction, and (unlocated) no evidence either.
            return Decision(True, _written(f"{inner.place_name} names {outer.place_name}"))
    if spelled_alike(a, b):
        # One town transliterated two ways ("Khan Shaykhun" / "Khan Sheikhoun", "al-Kallaseh"
        # / "Al Kalassa"), one of them not found in the gazetteer under that spelling.
        return Decision(
            True,
            _written(f"one place spelled two ways ({a.place_name} / {b.place_name})"),
            evidence=True,
            feature="place",
        )
    return Decision(False, lambda: f"places differ ({a.place_name} / {b.place_name})")


# Arabic's article, written apart ("al-Din", "el Kallaseh"): no sound of the name's own.
_ARTICLES = frozenset({"al", "el"})
# The shortest skeleton that names a place: "Hama" and "Homs" keep "hm" and "hms" apart, but
# two letters would be too little to say two spellings are one name.
MIN_SKELETON = 3


@lru_cache(maxsize=16384)
def skeleton(name: str) -> str:
    """A transliterated Arabic name's consonants: the article dropped, vowels (and y, which
    English spellings use as one: "Shaykhun" / "Sheikhoun") dropped, an h after a vowel (ta
    marbuta, "Kallaseh" / "Kalassa"; "Salah al-Din" / "Salaheddin") dropped, doubled letters
    made single (the article run into the name: "Deir ez-Zor" / "Deir Ezzor")."""
    plain = unicodedata.normalize("NFKD", name.lower())
    words = re.findall(r"[a-z]+", "".join(c for c in plain if not unicodedata.combining(c)))
    kept = [re.sub(r"(?<=[aeiouy])h", "", w) for w in words if w not in _ARTICLES]
    consonants = re.sub(r"[aeiouy]", "", "".join(kept))
    return re.sub(r"(.)\1+", r"\1", consonants)


def spelled_alike(a: MentionView, b: MentionView) -> bool:
    """Two place keys for one place: the names' skeletons agree, at least one of the two is no
    gazetteer entry (two entries are two places, whatever their names), and nothing known of
    either puts them apart (another country, another governorate, another container)."""
    if a.place_is_country or b.place_is_country or not (a.place_name and b.place_name):
        return False
    if (a.place or "").startswith("gn_") and (b.place or "").startswith("gn_"):
        return False
    for mine, theirs in (
        (a.place_country, b.place_country),
        (a.place_region, b.place_region),
        (a.place_within, b.place_within),
    ):
        if mine is not None and theirs is not None and mine != theirs:
            return False
    key = skeleton(a.place_name)
    return len(key) >= MIN_SKELETON and key == skeleton(b.place_name)


def _words(view: MentionView) -> frozenset[str]:
    return frozenset((view.place_name or "").lower().replace("-", " ").split()) or frozenset({""})


@lru_cache(maxsize=65536)
def _days_apart(x: str, y: str) -> int | None:
    """Whole days between two ISO dates (or months/years: their first day), None if unreadable."""
    try:
        return abs((_as_date(x) - _as_date(y)).days)
    except ValueError:
        return None


def _as_date(value: str) -> date:
    parts = value.split("-")
    return date(
        int(parts[0]),
        int(parts[1]) if len(parts) > 1 else 1,
        int(parts[2]) if len(parts) > 2 else 1,
    )


def told_before(a: MentionView, b: MentionView) -> Decision:
    """A happening cannot come after the report that tells it: `a`'s time may not start after
    `b` was published, nor `b`'s after `a` was."""
    for happening, report in ((a, b), (b, a)):
        if happening.time_start and report.published and happening.time_start > report.published:
            return Decision(
                False,
                _written(
                    f"{happening.time_start} is after the report of {report.published} that "
                    "would tell it"
                ),
            )
    return Decision(True, lambda: "no report predates the happening")


def time_compatible(a: MentionView, b: MentionView) -> Decision:
    """Known times overlap at their precision; an unknown time joins only within one document
    or across reports published within PUBLISHED_DAYS of each other."""
    for span, other in ((a, b), (b, a)):
        same_span = (span.time_start, span.time_end) == (other.time_start, other.time_end)
        if span.is_activity_span and not same_span:
            spans = f"{span.time_start}..{span.time_end}"
            return Decision(False, _written(f"{spans} spans years, not one event"))
    after = told_before(a, b)
    if not after.same:
        return after
    if not (a.time_start and b.time_start):
        partial = _month_day(a, b)
        return partial if partial is not None else _undated(a, b)
    a_start, b_start = a.time_start, b.time_start
    a_end, b_end = a.end or a_start, b.end or b_start
    if a_start <= b_end and b_start <= a_end:
        close = max(a.width or 0, b.width or 0) <= CLOSE_DAYS
        return Decision(True, lambda: f"times overlap ({_spans(a, b)})", close, "time")
    for denial, d_start, o_start, o_end in (
        (a, a_start, b_start, b_end),
        (b, b_start, a_start, a_end),
    ):
        # "The Kremlin denied in August that he had been in Moscow": the time is the denial's,
        # which follows the happening it answers.
        if denial.denies and d_start >= o_start:
            gap = _days_apart(d_start, o_end)
            if gap is not None and gap <= DENIAL_DAYS:
                return Decision(True, lambda: f"a denial after the happening ({_spans(a, b)})")
    return Decision(False, lambda: f"times differ ({_spans(a, b)})")


def _month_day(a: MentionView, b: MentionView) -> Decision | None:
    """ "March 18" with no year against a dated "March 18, 2019": the same day of the year is a
    time that agrees (and a different one a time that differs); None when neither side has it."""
    for partial, other in ((a, b), (b, a)):
        # Two yearless days may be years apart: only a dated day can agree with one.
        if partial.month_day and not partial.time_start and other.time_start:
            if other.width != 0:
                continue
            theirs = other.time_start[5:]
            if theirs == partial.month_day:
                return Decision(
                    True, _written(f"same day of the year ({partial.month_day})"), True, "time"
                )
            return Decision(False, _written(f"days differ (--{partial.month_day} / --{theirs})"))
    return None


def may_meet(a: MentionView, b: MentionView) -> bool:
    """Could the time rules let these two join at all? A cheap test (no reasons) that keeps a
    later run's scope to the time neighbourhood of its new mentions."""
    if a.doc_id == b.doc_id or a.month_day or b.month_day:
        return True
    if a.time_start and b.time_start:
        a_end, b_end = a.end or a.time_start, b.end or b.time_start
        if a.time_start <= b_end and b.time_start <= a_end:
            return True
        gap = _days_apart(max(a.time_start, b.time_start), min(a_end, b_end))
        return gap is not None and gap <= DENIAL_DAYS and (a.denies or b.denies)
    if a.published and b.published:
        gap = _days_apart(a.published, b.published)
        return gap is not None and gap <= PUBLISHED_DAYS
    return False


def _undated(a: MentionView, b: MentionView) -> Decision:
    if a.doc_id == b.doc_id:
        return Decision(True, lambda: "time unknown on one side, same document")
    if a.published and b.published:
        gap = _days_apart(a.published, b.published)
        if gap is not None and gap <= PUBLISHED_DAYS:
            for undated, dated in ((a, b), (b, a)):
                if not undated.time_start and dated.time_start and not news_of(undated, dated):
                    return Decision(
                        False,
                        _written(
                            f"time unknown on one side, and {dated.time_start}..{dated.end} "
                            f"lies days before its report of {undated.published}"
                        ),
                    )
            return Decision(
                True,
                lambda: f"time unknown on one side; reports published {gap} day(s) apart",
                feature="report-day" if _told_that_day(a, b) else "",
            )
    return Decision(False, lambda: "time unknown on one side, and the reports are not close")


# The opening sentences of a report (its date line, title, lede): what it tells undated
# there is its news; further down, background ("At least 32 are confirmed dead", in a
# timeline of the war's attacks, is no toll of the day's).
LEDE_SENTENCES = 5


def _told_that_day(a: MentionView, b: MentionView) -> bool:
    """The undated side's report came out on the day the dated side names, or the next, and
    tells it in its opening: its news is that day's (`same_happening` lets a rare toll tie
    the two on it)."""
    for undated, dated in ((a, b), (b, a)):
        if undated.time_start or not (dated.time_start and undated.published):
            continue
        if undated.sentence is None or undated.sentence >= LEDE_SENTENCES:
            return False
        end = dated.end or dated.time_start
        gap = _days_apart(undated.published, end)
        return (dated.width or 0) <= 1 and undated.published >= end and gap is not None and gap <= 1
    return False


def same_toll(a: MentionView, b: MentionView) -> bool:
    """Both give the same rare death toll, and no wounded figures that differ."""
    killed, wounded = (
        (a.count("killed"), b.count("killed")),
        (a.count("wounded"), b.count("wounded")),
    )
    if killed[0] is None or killed[0] != killed[1] or killed[0] < MIN_COUNT_IN_A_COUNTRY:
        return False
    return None in wounded or wounded[0] == wounded[1]


def news_of(undated: MentionView, dated: MentionView) -> bool:
    """An undated mention from another report tells that report's news: what happened in the
    few days before it was published (an earlier happening it recalls, the text dates). So it
    is the dated happening only when that one ends at most PUBLISHED_DAYS before its report
    ("air strikes on Douma killed six", reported on 2 February, is not the barrage of 25
    January that killed six there); a denial may answer a happening up to DENIAL_DAYS old."""
    if undated.doc_id == dated.doc_id or not (undated.published and dated.time_start):
        return True
    end = dated.end or dated.time_start
    if end >= undated.published:
        return True
    gap = _days_apart(undated.published, end)
    return gap is not None and gap <= (DENIAL_DAYS if undated.denies else PUBLISHED_DAYS)


def _spans(a: MentionView, b: MentionView) -> str:
    a_end, b_end = a.time_end or a.time_start, b.time_end or b.time_start
    return f"{a.time_start}..{a_end} / {b.time_start}..{b_end}"


def casualties_agree(
    a: MentionView, b: MentionView, at_least: int = MIN_TELLING_COUNT
) -> list[Decision]:
    """Each telling count both reports give alike (killed, wounded) is one piece of evidence;
    different figures are no contradiction (reports revise them). A tally's count is a sum, no
    fingerprint of one happening: it ties only the same tally told again ("10 killed in
    attacks in the past 48 hours" is not "ten killed in the shelling of Sheikh Maqsoud")."""
    if a.is_tally != b.is_tally:
        return []
    out = []
    for key in ("killed", "wounded"):
        x, y = a.count(key), b.count(key)
        if x is not None and x == y and x >= at_least:
            out.append(Decision(True, _written(f"same count: {x} {key}"), True, "count"))
    return out


# A toll revised from one report to a later one: the later no lower and at most this many
# times the earlier ("58 killed" on the day, "72" the next morning, "86", "88"); beyond it,
# two happenings (a strike's 12 dead and a day's 40 in one town).
REVISION_RATIO = 2
# ... told of one town in windows this narrow ("on Tuesday", "this week"): a month-wide "in
# April" is any of that month's happenings there.
REVISION_DAYS = 7
# Modes that say nothing of how the dead were killed (a death toll, "an attack"): they agree
# with any mode.
VAGUE_MODES = frozenset({"unspecified", "killed", "died"})


def revised_toll(a: MentionView, b: MentionView, agreed: list[Decision]) -> Decision | None:
    """Two reports give a rare toll at the same town for the same days, the later one's no
    lower and not many times higher, told as the same kind of attack: one toll as the dead
    were counted, a tie as the same count is. Only a town: a city or a governorate sees more
    than one deadly happening a day (the city named after its governorate stands for both).
    Only a report's own toll (a retelling's may be a part: "11 children among the dead")."""
    if a.doc_id == b.doc_id or a.is_tally or b.is_tally or a.retells is not None:
        return None
    if b.retells is not None or a.place_names_region or b.place_names_region:
        return None
    x, y = a.count("killed"), b.count("killed")
    if x is None or y is None or x == y or min(x, y) < MIN_COUNT_IN_A_COUNTRY:
        return None
    if max(x, y) > REVISION_RATIO * min(x, y):
        return None
    if not any(d.feature == "place" and d.evidence for d in agreed):
        return None
    widths = (a.width, b.width)
    if any(w is None or w > REVISION_DAYS for w in widths):
        return None
    if a.mode != b.mode and not ({a.mode, b.mode} & (VAGUE_MODES | {None})):
        return None
    if a.published and b.published and a.published != b.published:
        earlier, later = (a, b) if a.published < b.published else (b, a)
        if (later.count("killed") or 0) < (earlier.count("killed") or 0):
            return None  # a toll falls only when it is another happening's
    return Decision(True, _written(f"a toll revised ({x} / {y} killed)"), True, "count")


def undated_tolls_differ(a: MentionView, b: MentionView) -> Decision | None:
    """Across reports, a happening one side does not date is known only by what the reports
    say of it. A death toll rises as the dead are counted, so a later report giving fewer dead
    than an earlier one tells another happening ("14 killed by rebel fire in Aleppo", then the
    next day "four died in a gas attack on Aleppo"). (Reports of one day cannot be ordered;
    a dated happening is tied by its day, whatever revisions its toll sees.)"""
    if a.doc_id == b.doc_id or (a.time_start and b.time_start):
        return None
    if not (a.published and b.published) or a.published == b.published:
        return None
    earlier, later = (a, b) if a.published < b.published else (b, a)
    before, after = earlier.count("killed"), later.count("killed")
    if before is None or after is None or after >= before:
        return None
    return Decision(
        False,
        _written(
            f"time unknown on one side, and the later report ({later.published}) gives fewer "
            f"dead than the earlier ({after} / {before} killed)"
        ),
    )


FEATURES = (type_compatible, participants_compatible, place_compatible, time_compatible)


# What ties two reports to one happening beyond where and when: a shared participant that is no
# mere state, the same telling count. (The same kind of attack does not: "air strikes on Aleppo"
# are reported every day of a siege.)
TIES = frozenset({"participants", "count"})


def weigh(agreed: list[Decision]) -> tuple[int, int]:
    """(ties, space-time): the ties found, and 0-2 for the same town and the same days. A big
    city sees several happenings on one day (an offensive repelled and an aid convoy bombed,
    both "in Aleppo on Tuesday"), so where and when count together as one piece of evidence."""
    ties = sum(d.evidence for d in agreed if d.feature in TIES)
    space_time = sum(d.evidence for d in agreed if d.feature in ("place", "time"))
    return ties, space_time


# Who does a happening: a mention naming one tells a happening of its own ("Rebels shelled the
# west of the city."); one naming none may tell more of the one just told ("At least three were
# killed and 30 injured, an activist said.").
DOERS = frozenset({"actor", "by"})


def elaborates(a: MentionView, b: MentionView, agreed: list[Decision]) -> bool:
    """In one report, the very next sentence at the same town, undated and naming no doer,
    tells more of the happening just told: its toll, its victims, who says so."""
    if a.sentence is None or b.sentence is None or abs(a.sentence - b.sentence) != 1:
        return False
    later = a if a.sentence > b.sentence else b
    if not later.toll or later.time_start is not None:
        return False  # "a fierce attack on its posts ...": a kind of attack is one of its own
    same_town = any(d.feature == "place" and d.evidence for d in agreed)
    return same_town and not any(role in DOERS for role in later.roles.values())


def copied(a: MentionView, b: MentionView) -> bool:
    """The same trigger of the same sentence in two copies of one text (a syndicated story, a
    page saved twice): one statement, whatever else could be weighed."""
    return (
        a.doc_id != b.doc_id
        and bool(a.text_root)
        and a.text_root == b.text_root
        and a.sentence == b.sentence
        and (a.trigger, a.type) == (b.trigger, b.type)
    )


def retold(a: MentionView, b: MentionView) -> bool:
    """One mention tells again the happening of the other's sentence ("the attack was carried
    out by ...", "nine others were also killed"), as extraction linked them; mostly a later
    sentence, but a standfirst points forward to the lede it summarises."""
    return (a.retells is not None and a.retells == b.sentence) or (
        b.retells is not None and b.retells == a.sentence
    )


def retelling(a: MentionView, b: MentionView) -> Decision:
    """A retelling extraction linked to its happening ("the strikes hit the village of X",
    "the attack killed 32") names that happening by a definite reference, which outweighs
    what the two sentences say differently: the village named after the province, "the air
    strikes" after "strikes", a toll revised. Only what cannot be one happening keeps them
    apart: another family of types, times that differ, places in two countries, or one
    side striking in one sentence and struck in the other."""
    if family(a) != family(b):
        return Decision(False, lambda: f"types differ ({a.type} / {b.type})")
    when = time_compatible(a, b)
    if not when.same:
        return when
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return Decision(False, lambda: f"places in two countries ({a.place_name} / {b.place_name})")
    crossed = {k for k in a.entities & b.entities if _side(a, k) * _side(b, k) < 0}
    if crossed and not (a.entities & b.entities) - crossed:
        return Decision(False, lambda: "one side strikes in one sentence, is struck in the other")
    where = place_compatible(a, b).reason
    return Decision(
        True,
        lambda: f"it tells the same happening again; {when.reason}; {where}",
        evidence=True,
        feature="retold",
    )


def same_happening(a: MentionView, b: MentionView) -> Decision:
    """All features must agree, and something must say it is the same happening; the reason
    lists each feature, so the decision is explained either way. A retelling linked by
    extraction is weighed on its own terms (`retelling`)."""
    if a.doc_id == b.doc_id and retold(a, b):
        return retelling(a, b)
    if copied(a, b):
        return Decision(
            True,
            lambda: "the same sentence of one text, copied in two reports",
            evidence=True,
            feature="copy",
        )
    agreed = []
    for feature in FEATURES:
        decision = feature(a, b)
        if not decision.same:
            return decision
        agreed.append(decision)
    apart = undated_tolls_differ(a, b)
    if apart is not None:
        return apart
    # a small toll recurs daily across a country: a town and the country it lies in tie it
    # to nothing; in a governorate, not even within one report ("seven killed in Khan
    # Sheikhun ... another seven in Kafr Takharim further north in the province")
    country = any(d.feature == "country" for d in agreed) and a.doc_id != b.doc_id
    country |= any(d.feature == "region" for d in agreed)
    small = MIN_COUNT_IN_A_COUNTRY if country else MIN_TELLING_COUNT
    counts = casualties_agree(a, b, small)
    revised = revised_toll(a, b, agreed) if not counts else None
    agreed += counts + ([revised] if revised else [])
    ties, space_time = weigh(agreed)
    if not space_time and any(d.feature == "report-day" for d in agreed):
        # An undated report out the day a dated one names (or the next) tells that day's
        # news; with no town to place both, a small toll recurs daily, but a rare one told
        # by both ("29 rebels killed") is one happening.
        space_time = int(same_toll(a, b) and not a.is_tally and not b.is_tally)
    said = "; ".join(d.reason for d in agreed)
    if a.doc_id == b.doc_id:
        # One report tells several happenings: even in one document, something must tie the
        # two mentions (an undated "35 people were killed" is not the strike on another town);
        # the town alone does not (a report on a city's battle tells many strikes on it).
        # (but not a battle and an air raid or a barrage told there: two kinds, two happenings)
        if ties or (space_time == 2 and not reach_differs(a.mode, b.mode)):
            return Decision(True, lambda: "same document; " + said)
        if elaborates(a, b, agreed):
            return Decision(True, lambda: "the next sentence tells more of it; " + said)
        return Decision(False, lambda: "same document, but nothing ties them: " + said)
    # Across documents, a tie and one more piece of evidence: a country's army is in every
    # other report of a war, and one town on one day is not one happening either.
    if ties and ties + min(space_time, 1) >= 2:
        return Decision(True, lambda: said, evidence=True)
    return Decision(False, lambda: "too little says it is the same happening: " + said)
