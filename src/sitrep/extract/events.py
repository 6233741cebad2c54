"""Per-document extraction: a parsed Doc in, an `Extraction` (event mentions with claims) out.

Modality: a mention under a modal or a plan ("would consider sending troops", "a proposed
visit") is kept with `modality` set, so an analyst can see it, but it is never an asserted event:
corroboration leaves such mentions out of events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitrep.extract.agents import fill_agents, typed_arguments, without_own_phrase
from sitrep.extract.arguments import LOCATION_LABELS
from sitrep.extract.attribution import (
    attribute,
    find_quotes,
    hedges_in,
    is_attribution_verb,
    quote_at,
    trailing_attribution,
)
from sitrep.extract.casualties import find_casualties
from sitrep.extract.dating import (
    SINCE_DAY_METHOD,
    accuses,
    cause_phrase,
    dated_by_report,
    dates_another_happening,
    days_before,
    earlier_by,
    follows_since,
    in_since_clause,
    sentence_time,
    since_day_to_report,
    within_clause,
)
from sitrep.extract.deps import after_clause, after_days, dep
from sitrep.extract.fragments import glued_actor, glued_verb
from sitrep.extract.frames import (
    inside_quotation,
    is_quotation,
    without_telling_sources,
)
from sitrep.extract.furniture import blank, furniture_spans, headline_span, inside
from sitrep.extract.happening import (
    mark_summaries,
    share_antecedents,
    share_doers,
    share_nearby_places,
    share_parts,
    share_places,
    share_times,
    share_tolls,
)
from sitrep.extract.headlinetoll import toll_from_headline
from sitrep.extract.ledesource import sourced_by_retelling
from sitrep.extract.mentions import COUNTED_TYPES, Found, analyse, counts_people
from sitrep.extract.merge import (
    in_occasion,
    is_country_region,
    merge_sentences,
    place_from_sentence,
    split_run_together,
)
from sitrep.extract.narrative import (
    dated_by_paragraph,
    is_history,
    narrative_years,
    paragraph_dates,
)
from sitrep.extract.newsworthy import (
    in_a_total,
    is_a_weapon_handled,
    is_asked_in_general,
    is_campaign,
    is_caption,
    is_continuing_now,
    is_counted_statistic,
    is_habitual,
    is_headline,
    is_kind_in_a_description,
    is_not_the_first_time,
    is_ongoing_description,
    is_ongoing_since,
    is_partnering_phrase,
    is_passive_present,
    is_paused,
    is_perfect_progressive,
    is_prior_description,
    is_recalled,
    is_relation,
    is_running_total,
    is_span_of_attacks,
    is_statement_warning,
    is_striving,
    is_tally_of_a_period,
    is_tally_over_days,
    is_total_over_a_span,
    is_total_since,
    is_yes_no_question,
    told_as_habit,
    told_as_now,
    told_as_past,
    tolls_a_course,
)
from sitrep.extract.placerefine import (
    from_headline,
    from_retellings,
    from_site_retold,
    headline_town,
)
from sitrep.extract.reference import load_roles
from sitrep.extract.responsibility import claimed_attacks
from sitrep.extract.schema import (
    ClaimCues,
    EventSchema,
    load_claim_cues,
    load_event_schema,
)
from sitrep.extract.spans import TITLES, Phrase, clause_tokens, entity_index, phrase_of_entity
from sitrep.extract.standfirst import link_standfirst, standfirst_span
from sitrep.extract.time import (
    BETWEEN_DATES_METHOD,
    find_time_expressions,
    normalize_time,
    weekday_ahead,
)
from sitrep.extract.within import with_containers
from sitrep.nlp.spans import text_of
from sitrep.records import (
    Casualties,
    ClaimRecord,
    EventMention,
    Extraction,
    Participant,
    SourceLink,
    TimeValue,
)

CASUALTY_TYPES = frozenset({"ASSAULT", "DIE"})
# Types whose simple present is a habit or policy ("forces target hospitals"); a statement type
# in the present is the statement itself ("we warn the Saudis").
HAPPENINGS = frozenset({"ASSAULT", "DIE", "MOBILIZE", "AID", "SUPPORT", "COERCE"})


def extract_events(
    doc_id: str, doc: Doc, published: str | None, outlet: str | None, title: str | None = None
) -> Extraction:
    """Every event mention in `doc`, each with its claim (outlet, source chain, stance, span).

    `title` (the document's headline) lets a headline repeated at the top of the text be masked
    as furniture with the date line and datelines (`furniture`)."""
    schema, cues = load_event_schema(), load_claim_cues()
    text = text_of(doc)
    mask = furniture_spans(text, title)
    ents = {
        i: e for i, e in entity_index(doc).items() if not inside(mask, e.start_char, e.end_char)
    }
    quotes = find_quotes(text)
    sents = list(doc.sents)
    # A history is read by its own calendar, not its report's (`narrative`): a day told without
    # its year takes the year the narrative has reached, and nothing is dated by the report.
    history = is_history(text, published)
    anchors = (
        narrative_years(text, [s.start_char for s in sents], title)
        if history
        else [published] * len(sents)
    )
    report = None if history else published
    carried = (
        paragraph_dates(text, [(s.start_char, s.end_char) for s in sents], anchors)
        if history
        else [None] * len(sents)
    )
    mentions: list[EventMention] = []
    # mentions told by a relative clause with a subject of its own: another happening than
    # the one whose argument the clause describes, never merged with it
    told_apart: set[str] = set()
    told: set[str] = set()
    repeated: set[int] = set()
    for index, sent in enumerate(sents):
        if is_headline(sent) or is_caption(sent):
            continue  # the page's or a related article's headline, a picture's caption
        if _told_before(sent, told):
            repeated.add(index)
            continue  # a standfirst printed again as the story's first sentence
        times = _sentence_times(doc, sent, anchors[index], mask)
        casualties = find_casualties(blank(sent.text, sent.start_char, mask))
        main_clause_toll = _toll_outside_after_clauses(sent, mask, casualties)
        trailing = (
            trailing_attribution(sents[index + 1], ents, cues) if index + 1 < len(sents) else []
        )
        sent_ents = [
            ents[i] for i in range(sent.start, sent.end) if i in ents and ents[i].start == i
        ]
        for token in sent:
            if inside(mask, token.idx, token.idx + len(token.text)):
                continue
            found = analyse(token, schema, cues, ents)
            if found is None:
                continue
            if found.type == "THREATEN" and is_statement_warning(token):
                continue  # "warned that the shelling aims to ...": a statement, no threat
            if is_a_weapon_handled(token):
                continue  # "destroyed a car bomb and a machine gun": a weapon, no bombing
            if is_paused(token):
                continue  # "a lull in the bombing": what stopped, no happening told
            found = _with_glued_subject(found, token, sent, schema, cues, ents)
            # a quotation is not dated by its frame ('"... when the mosque is attacked," he
            # said on Wednesday'): a trigger inside quotes takes only the times inside them
            quoted = quote_at(quotes, token.idx, token.idx + len(token.text))
            own_times = times if quoted is None else [t for t in times if _within(t[0], quoted)]
            time = _trigger_time(token, found.type, own_times, cues) or _year_in_name(
                token, anchors[index]
            )
            mention = _mention(
                doc_id, doc, index, sent, token, found, time, outlet, cues, ents, quotes
            )
            if quoted is not None and is_quotation(text, quoted):
                mention = inside_quotation(mention, quoted)
            if mention.time is not None and mention.modality in _STILL_TO_COME:
                mention = replace(mention, time=weekday_ahead(mention.time))
            if mention.modality == "purpose" and _aim_of_an_attack(token, found, schema):
                mention = replace(mention, modality=None)
            # (a span between two days told is as dated as a day: "airstrikes between April 27
            # and May 18 had eliminated three leaders" is no habit, whatever the tagger says)
            dated_to_day = time is not None and (
                time.precision == "day" or time.method in (BETWEEN_DATES_METHOD, SINCE_DAY_METHOD)
            )
            if token.i == sent.root.i and index + 1 < len(sents) and ends_on_title(sent):
                mention = _with_fragment(mention, doc, sents[index + 1], anchors[index + 1], ents)
            # a trigger outside an "after" clause takes no toll the clause tells
            inside_other = (
                after_clause(token) is not None
                or cause_phrase(token) is not None
                or any(_done_where_by_another(t) for t in (token, *token.ancestors))
            )
            own_toll = casualties if inside_other else main_clause_toll
            if mention.modality is not None and not _toll_in_clause(token, own_toll):
                own_toll = None  # "killed 38 as they tried to escape fighting": not the fight's
            if own_toll is not None and found.type in CASUALTY_TYPES:
                if is_total_since(sent.text, own_toll.killed, dated_to_day):
                    continue  # a statistic since a date, not a happening
                if is_tally_of_a_period(token, time):
                    continue  # "counted 66 reporters killed in 2014": a statistic too
                in_a_town = any(
                    e.label_ in LOCATION_LABELS and not is_country_region(e.text) for e in sent_ents
                )
                if is_running_total(token, own_toll.killed, bool(own_times), in_a_town):
                    continue  # "More than 200000 people have been killed": the war's total
                mention = replace(mention, casualties=own_toll)
            if mention.casualties is None and _bare_death_toll(token):
                continue  # "no information about the death toll": no dead told
            if mention.modality is None and found.type == "SUPPORT" and is_relation(token):
                mention = replace(mention, modality="relation")
            partnering = found.type not in CASUALTY_TYPES and is_partnering_phrase(token)
            if mention.modality is None and partnering:  # (not "in attacks with shells")
                mention = replace(mention, modality="relation")  # "in cooperation with X"
            # a habit has no day: "air raids hit ... on Monday" is past, whatever the tag
            habitual = not dated_to_day and is_habitual(token)
            if found.type in CASUALTY_TYPES and told_as_now(token):
                habitual = False  # "There are fierce clashes now": fighting as we speak
            # a state told in the passive present is no statement either ("the PKK is banned")
            stative = found.type in HAPPENINGS or is_passive_present(token)
            if mention.modality is None and stative and habitual:
                mention = replace(mention, modality="habitual")
            # (a toll "since Monday" is a count, which `is_total_since` weighs)
            # (an attack with no toll that "has been" going on since a time is a campaign)
            since = found.type not in CASUALTY_TYPES or mention.casualties is None
            ongoing = since and is_ongoing_since(token)
            ongoing = ongoing or is_ongoing_description(token)  # "which is fighting"
            ongoing = ongoing or (not dated_to_day and is_striving(token))  # "battling to take"
            # "Moscow has been carrying out air strikes": a course of action, undated, no toll
            ongoing = ongoing or (since and not dated_to_day and is_perfect_progressive(token))
            # "warplanes continue to target hospitals": still going on, undated, no toll
            ongoing = ongoing or (since and not dated_to_day and is_continuing_now(token))
            if mention.modality is None and ongoing:
                mention = replace(mention, modality="ongoing")  # "has been besieged since 2013"
            if mention.modality is None and told_as_past(token):
                mention = replace(mention, modality="recalled")  # "have attacked ... previously"
            prior = found.type not in CASUALTY_TYPES and is_prior_description(token)
            if mention.modality is None and prior:
                mention = replace(mention, modality="recalled")  # "who had been abducted"
            if mention.modality is None and is_asked_in_general(token):
                mention = replace(mention, modality="question")  # "determines whether strikes"
            if mention.modality is None and is_yes_no_question(sent):
                mention = replace(mention, modality="question")  # "Or is it ... airstrikes?"
            if mention.modality is None and _any_of(token):
                mention = replace(mention, modality="question")  # "no mention of any strikes"
            if mention.modality is None and is_not_the_first_time(token):
                mention = replace(mention, modality="habitual")  # "not the first time when ..."
            if mention.modality is None and not dated_to_day and told_as_habit(token):
                mention = replace(mention, modality="habitual")  # "has regularly been targeted"
            described = not dated_to_day and is_kind_in_a_description(token)
            if mention.modality is None and described:
                mention = replace(mention, modality="habitual")  # "has been a target of strikes"
            if mention.modality is None and in_a_total(token):
                mention = replace(mention, modality="statistic")  # "the total number ... killed"
            if mention.modality is None and not dated_to_day and is_counted_statistic(token):
                mention = replace(mention, modality="statistic")  # "there were 43 attacks in July"
            if mention.modality is None and is_tally_over_days(token, time):
                mention = replace(mention, modality="statistic")  # "29 strikes in four days"
            if mention.modality is None and is_span_of_attacks(token):
                mention = replace(mention, modality="statistic")  # "Seven days of airstrikes"
            if mention.modality is None and is_total_over_a_span(time):
                # "died from 2011 to 2016": a total; "in recent months ... staff killed": a
                # course of many happenings, none of them told
                over = "statistic" if mention.casualties else "campaign"
                mention = replace(mention, modality=over)
            untolled = casualties is None or (
                casualties.killed is None and casualties.wounded is None
            )
            if mention.modality is None and untolled and is_campaign(token):
                mention = replace(mention, modality="campaign")  # "renew their raids on Aleppo"
            course = found.type in CASUALTY_TYPES and untolled and tolls_a_course(token)
            if mention.modality is None and course:  # "renew their raids leaving hundreds dead"
                mention = replace(mention, modality="campaign")
            mention = _named_dead(typed_arguments(_unmasked(mention, mask), text, doc))
            if carries_people(mention):
                continue  # "Sirhan was transferred to ...": a person moved, no aid delivered
            mention = place_from_sentence(
                mention, doc, sent, mask, sent_ents, _apart(mention.time, times, cues, token)
            )
            if trailing and mention.claim.stance == "asserts":
                mention = _with_chain(mention, trailing, "reports")
            mention = without_telling_sources(mention)
            apart = _done_to_the_noun_by_another(token) or _done_where_by_another(token)
            # ("Rebels hit a school a day after airstrikes on Idlib killed 35": the deaths are
            # the airstrikes', told in the "after" clause, never the rebels' attack's; "in
            # retaliation for rocket fire that hit the town": another happening, elsewhere)
            apart = apart or after_days(token) is not None or cause_phrase(token) is not None
            if apart or in_since_clause(token):
                told_apart.add(mention.id)  # "the village which the army had recaptured"
            mentions.append(mention)
    merged = merge_sentences(mentions, text, told_apart)
    triggers = frozenset(m.trigger_start for m in merged)
    merged = [
        fill_agents(without_own_phrase(m), doc, sents[m.sentence], mask, triggers) for m in merged
    ]
    merged = [split_run_together(m, text) for m in merged]  # "Russia Iran": two states, lost commas
    placed = [m for m in share_places(_dedupe(merged)) if informative(m, doc)]
    placed = from_retellings(placed, text)  # a lede's "northern Syria", placed by its retelling
    placed = from_site_retold(placed, doc)  # ... or by "the hospital in the town of X" after it
    head = headline_span(text, title)
    town = headline_town(doc, head)  # read once, used by both passes and for the toll
    placed = from_headline(placed, doc, town)  # ... or by its headline
    shared = share_times(share_nearby_places(share_antecedents(placed, text, doc), told_apart))
    shared = share_doers(shared, text)  # "Other airstrikes also hit ...": the series' doer
    shared = from_headline(shared, doc, town, placeless=True)  # what no sentence placed
    # where each place lies ("Salah Eddin neighborhood in Aleppo"), before a toll told again
    # is matched at a place inside its first telling's town, and a lede is sourced by a
    # retelling at a place inside its own
    shared = with_containers(shared, doc)
    shared = share_tolls(shared)  # "... killed two, injured five. ... two dead, five injured"
    # a standfirst above the tag list is the teaser of the story's lede, not a happening of its own
    shared = link_standfirst(shared, standfirst_span(text, title))
    headline = text[head[0] : head[1]] if head else ""
    shared = toll_from_headline(shared, headline, town)  # "... Killing 50" over a lede with none
    # "... killed 17. The Observatory said the strikes"
    shared = sourced_by_retelling(shared, repeated)
    shared = claimed_attacks(shared, doc, ents)  # "IS claimed responsibility for the bombing"
    shared = [dated_by_report(_recalled(m, report), report) for m in shared]
    shared = [dated_by_paragraph(m, carried[m.sentence]) for m in shared]
    shared = share_parts(shared, text)  # "3 killed in Aleppo ... 2 in al-Sayyed Ali ... 1 later in"
    # "42 killed in blasts that hit Tartous, Homs and Hasakeh", each town told after
    # (read without the page's furniture: a tag list "Tags Aleppo Idlib" lists no towns)
    shared = mark_summaries(shared, [blank(s.text, s.start_char, mask) for s in sents])
    return Extraction(doc_id, tuple(m for m in shared if informative(m, doc)))


def _any_of(token: Token) -> bool:
    """A nominal trigger determined by "any" names no happening told as one ("The ministry
    made no mention of any strikes in Idlib", "denied carrying out any raids"): whether there
    was one is what is asked or denied."""
    return token.pos_ in NOMINAL_POS and any(
        dep(c) == "det" and c.lower_ == "any" for c in token.children
    )


def _bare_death_toll(token: Token) -> bool:
    """ "the death toll" as a topic: "death" naming the toll, which the sentence does not give
    (a toll it gives is a count, read before this is asked)."""
    return token.lower_ == "death" and dep(token) == "compound" and token.head.lower_ == "toll"


def _aim_of_an_attack(token: Token, found: Found, schema: EventSchema) -> bool:
    """ "a counter-offensive to recapture a supply route into Aleppo": the aim of an attack is
    the attack itself, told with its target, not a purpose beside it."""
    attack = any(t.type in CASUALTY_TYPES for t in schema.by_form(token.head.text))
    return found.type in CASUALTY_TYPES and attack


# What names people, never a thing delivered: "transferred Sirhan", "delivering ... setbacks to
# a coalition of Shiite fighters" (the parse took the group for what was delivered).
_PEOPLE_LABELS = frozenset({"PERSON", "NORP", "ORG"})
_NOT_HANDED = _PEOPLE_LABELS | LOCATION_LABELS


def carries_people(mention: EventMention) -> bool:
    """An AID whose every item is a person, a group or a place: no arms or aid handed over
    ("a truck transferring terrorists in al-Zemrin town": the town was read as the item)."""
    items = [p for p in mention.participants if p.role == "item"]
    return mention.type == "AID" and bool(items) and all(p.label in _NOT_HANDED for p in items)


# Words a sentence needs before a repetition of it is a copy, not a formula ("He said.").
_COPY_WORDS = 8


def _told_before(sent: Span, told: set[str]) -> bool:
    """The very sentence, word for word, came earlier in the text (noted in `told`)."""
    words = sent.text.split()
    if len(words) < _COPY_WORDS:
        return False
    key = " ".join(words).lower()
    if key in told:
        return True
    told.add(key)
    return False


def _recalled(mention: EventMention, published: str | None) -> EventMention:
    """A happening dated well before its report is background the report recalls: kept with
    its modality, so it is shown but never grouped as the report's news."""
    if mention.modality is None and is_recalled(mention.time, published):
        return replace(mention, modality="recalled")
    return mention


def _named_dead(mention: EventMention) -> EventMention:
    """ "Tony Mendez died", "X has been killed": with no count in the sentence, the dead are
    the people it names."""
    if mention.type != "DIE" or mention.casualties is not None or mention.negated:
        return mention
    named = [p for p in mention.participants if p.role == "target" and p.label == "PERSON"]
    if not named:
        return mention
    how = "; ".join(p.text for p in named)
    return replace(mention, casualties=Casualties(len(named), None, None, None, None, how))


def _unmasked(mention: EventMention, mask: list[tuple[int, int]]) -> EventMention:
    """No participant or place from page furniture (a dateline's city, a photo credit)."""
    if not mask:
        return mention
    kept = tuple(p for p in mention.participants if not inside(mask, p.start, p.end))
    place = mention.place
    if place is not None and inside(mask, place.start, place.end):
        place = None
    return replace(mention, participants=kept, place=place)


def informative(mention: EventMention, doc: Doc) -> bool:
    """Whether a mention tells an analyst anything: a named participant, a place or a count.

    "civilians were among the dead", "officials have dismissed the measures", "bases that host
    US forces": a trigger whose arguments are all common nouns, with no place and no casualty
    count, is noise in an event list and only ever joins other noise. A death or an attack with
    a count ("at least 21 people were killed") stays: the count is what ACLED-style coding wants.
    """
    named = any(_names_someone(p, doc) for p in mention.participants)
    if mention.mode in _GROUND_HELD and mention.place is not None:
        return True  # a siege holds ground: where is what it is about ("a siege of rebels in X")
    if mention.type in COUNTED_TYPES and not named:
        return any(_counts_someone(p, doc) for p in mention.participants)  # "two suspects"
    if mention.type not in CASUALTY_TYPES:
        return named  # a visit, deployment or transfer by no one named is not codable
    return named or mention.place is not None or mention.casualties is not None


# Modes of a happening that holds ground: its place is what an analyst codes it by.
_GROUND_HELD = frozenset({"siege"})


def _counts_someone(part: Participant, doc: Doc) -> bool:
    span = doc.char_span(part.start, part.end, alignment_mode="expand")
    return part.role == "target" and span is not None and counts_people(span)


def _names_someone(part: Participant, doc: Doc) -> bool:
    """An entity, or a phrase with a name or a demonym in it ("Syrian troops")."""
    if part.label != "NP":
        return True
    span = doc.char_span(part.start, part.end, alignment_mode="expand")
    demonyms = load_roles().demonyms
    return span is not None and any(
        t.ent_type_ or t.pos_ == "PROPN" or t.lower_ in demonyms for t in span
    )


def _with_glued_subject(
    found: Found,
    token: Token,
    sent: Span,
    schema: EventSchema,
    cues: ClaimCues,
    ents: dict[int, Span],
) -> Found:
    """A glued reporting verb ("arguedthat") breaks the parse of its clause: the trigger's
    subject is then the last person named between that verb and the trigger."""
    if found.args.participants or found.trigger.pos != "verb":
        return found
    glued = glued_verb(sent, cues)
    if glued is None or glued[0].i > token.i:
        return found
    actor = glued_actor(glued[0], token, ents)
    role = schema.role_map(found.trigger, found.type).get("subject")
    if actor is None or role is None:
        return found
    args = replace(found.args, participants=((role, phrase_of_entity(actor)),))
    return replace(found, args=args)


# Modalities of what is still to come: its weekday is the next one ("will meet on Saturday").
_STILL_TO_COME = frozenset({"will", "shall", "'ll", "planned"})


def _within(span: Span, quote: tuple[int, int]) -> bool:
    return quote[0] <= span.start_char and span.end_char <= quote[1]


def _sentence_times(
    doc: Doc, sent: Span, anchor: str | None, mask: Sequence[tuple[int, int]] = ()
) -> list[tuple[Span, TimeValue]]:
    """The sentence's time expressions, resolved against `anchor`; none from its furniture: the
    date line glued before a lede ("Published April 6 2017 Activists say ...") dates the page,
    not what the lede tells."""
    out = []
    for found in find_time_expressions(sent.text):
        if inside(mask, sent.start_char + found.start, sent.start_char + found.end):
            continue
        span = doc.char_span(
            sent.start_char + found.start, sent.start_char + found.end, alignment_mode="expand"
        )
        if span is not None:
            out.append((span, normalize_time(found.text, anchor)))
    return out


def _toll_outside_after_clauses(
    sent: Span, mask: Sequence[tuple[int, int]], toll: Casualties | None
) -> Casualties | None:
    """The sentence's toll, less what its "after" clauses tell: in "Wednesday shelling comes a
    day after eight civilians were martyred", the eight are the earlier attack's dead, not the
    shelling's (the toll of a trigger outside those clauses)."""
    if toll is None:
        return None
    clauses = [
        w
        for w in sent
        if w.dep_ != "ROOT"
        and (after_clause(w) is w or cause_phrase(w) is w or _done_where_by_another(w))
    ]
    if not clauses:
        return toll
    spans = [
        (min(t.idx for t in c.subtree), max(t.idx + len(t) for t in c.subtree)) for c in clauses
    ]
    return find_casualties(blank(sent.text, sent.start_char, [*mask, *spans]))


# A year as a word of a happening's name: "the 1982 Hama massacre", "the 2013 Ghouta attack".
_NAME_YEAR = re.compile(r"(?:19|20)\d\d")


def _year_in_name(trigger: Token, anchor: str | None) -> TimeValue | None:
    """The year a nominal trigger's own name gives ("the 1982 Hama massacre killed ..."): the
    time patterns read a bare year only after a preposition ("in 1982"), and the name is the
    text's date for the happening."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for word in trigger.lefts:
        if word.i < trigger.i and _NAME_YEAR.fullmatch(word.text) and word.like_num:
            return replace(normalize_time(f"in {word.text}", anchor), text=word.text)
    return None


def _trigger_time(
    trigger: Token, type_: str, times: list[tuple[Span, TimeValue]], cues: ClaimCues
) -> TimeValue | None:
    """The time the parse ties to a trigger, else (an attack, a death) its sentence's one
    dated time. A trigger in an "after" clause ("Wednesday shelling comes a day after eight
    civilians were martyred") is dated by the times inside that clause, or else counted back
    from the sentence's happening's day by the days the text gives, or left undated."""
    times = [t for t in times if not dates_another_happening(t[0], trigger)]
    clause = after_clause(trigger)
    inner = times if clause is None else [t for t in times if within_clause(t[0], clause)]
    time = _governing_time(trigger, inner, cues)
    if time is None and type_ in CASUALTY_TYPES:  # a visit's sentence may date something
        time = sentence_time(trigger, inner, cues)  # else ("since January")
    if time is None and type_ in CASUALTY_TYPES:
        time = _since_a_day(trigger, inner, cues)  # "Since Thursday, bombing has killed 44"
    if time is not None or clause is None or len(inner) == len(times):
        return time
    outer = _governing_time(trigger, times, cues)
    if outer is None and type_ in CASUALTY_TYPES:
        outer = sentence_time(trigger, times, cues)
    return earlier_by(outer, days_before(clause)) if outer is not None else None


def _since_a_day(
    trigger: Token, times: list[tuple[Span, TimeValue]], cues: ClaimCues
) -> TimeValue | None:
    """A day the trigger's clause counts "since" ("Since Thursday, the bombardment has killed
    44", "68 civilians have been killed since Saturday") dates the attack or the deaths to the
    days from that day to the report: what has happened since it, told as it stands, not a
    happening of that day. A "since" clause of its own ("since airstrikes resumed on 15
    November") dates another happening and is left out before this."""
    since = [(span, tv) for span, tv in times if follows_since(span) and tv.precision == "day"]
    value = _governing_time(trigger, since, cues, bounds=False) if since else None
    return since_day_to_report(value) if value is not None else None


def _governing_time(
    trigger: Token, times: list[tuple[Span, TimeValue]], cues: ClaimCues, bounds: bool = True
) -> TimeValue | None:
    """The time expression in the trigger's own clause, else in the nearest governing clause.

    A nominal reported by a governing verb ("In August, Fox News reported about the visit")
    names a happening from before the report: the report's date, written by the verb, is not
    the happening's, so the mention stays undated (a mention of the same happening elsewhere
    in the document may date it: `happening.share_times`).
    """
    if bounds:
        times = [(span, tv) for span, tv in times if not _bound_of(span, trigger)]
    if not times:
        return None
    own = _relative_clause_time(trigger, times)
    if own is not None:
        return own
    blamed = False  # the walk has passed a verb of blaming whose argument the trigger is
    for node in (trigger, *trigger.ancestors):
        blamed = blamed or (node.i != trigger.i and accuses(node))
        clause = {t.i for t in clause_tokens(node)} | _slipped_nouns(node)
        inside = [
            (abs(span.start - trigger.i), tv)
            for span, tv in times
            if any(t.i in clause for t in span)
        ]
        if not inside:
            continue
        reported = node.i != trigger.i and trigger.pos_ in NOMINAL_POS
        if blamed:
            return None  # "who on Monday blamed France for the massacre": the blame's day
        if reported and is_attribution_verb(node, cues):
            return None if _nearer_report(node, trigger, times, clause) else _nearest(inside)
        return _nearest(inside)
    return _adjacent_time(trigger, times)


def _slipped_nouns(verb: Token) -> set[int]:
    """The words of a noun the parse coordinated with a verb ("killed ... during an operation
    by Turkish forces and the coalition on Tuesday": "coalition" a conj of "killed"). A noun
    is no coordinated clause: it belongs to a phrase of the verb's clause, and so do its
    words, its time among them."""
    if verb.pos_ != "VERB":
        return set()
    nouns = [c for c in verb.children if dep(c) == "conj" and c.pos_ in ("NOUN", "PROPN")]
    return {t.i for noun in nouns for t in clause_tokens(noun)}


def _dated_apart(
    time: TimeValue | None, times: list[tuple[Span, TimeValue]], cues: ClaimCues
) -> Callable[[Token], bool]:
    """Whether a token's clause is dated otherwise than a mention dated `time`."""

    def apart(token: Token) -> bool:
        if time is None:
            return False
        theirs = _governing_time(token, times, cues)
        return theirs is not None and (theirs.start, theirs.end) != (time.start, time.end)

    return apart


def _apart(
    time: TimeValue | None, times: list[tuple[Span, TimeValue]], cues: ClaimCues, trigger: Token
) -> Callable[[Token], bool]:
    """Whether a token's clause tells another happening than `trigger`'s: one dated otherwise,
    the one it answers ("in retaliation for mortar fire that hit ..."), or one told in an
    "after" clause the trigger is not in ("shelled positions a day after rebels shelled X")."""
    dated = _dated_apart(time, times, cues)
    own = after_days(trigger)

    def earlier(token: Token) -> bool:
        clause = after_days(token)
        return clause is not None and (own is None or clause.i != own.i)

    return lambda token: dated(token) or in_occasion(token, trigger) or earlier(token)


NOMINAL_POS = frozenset({"NOUN", "PROPN"})
# A clause that describes the noun it hangs on: "the strikes that killed 25 fighters on Sunday".
RELATIVE_DEPS = frozenset({"relcl", "acl", "acl:relcl"})


def _relative_clause_time(trigger: Token, times: list[tuple[Span, TimeValue]]) -> TimeValue | None:
    """A nominal trigger dated by its own relative clause ("protesting at US air strikes that
    killed 25 fighters on Sunday") takes that time, not the time of the clause it sits in
    ("stormed the embassy on Tuesday"): the relative clause tells this happening."""
    if trigger.pos_ not in NOMINAL_POS:
        return None
    if any(any(t.i in {c.i for c in clause_tokens(trigger)} for t in span) for span, _ in times):
        return None  # its own phrase dates it ("the strike on Monday"): the usual path
    for child in trigger.children:
        if dep(child) not in RELATIVE_DEPS or _own_subject(child):
            continue
        inside = {t.i for t in child.subtree}
        found = [(abs(span.start - trigger.i), tv) for span, tv in times if span.root.i in inside]
        if found:
            return _nearest(found)
    return None


def _done_to_the_noun_by_another(trigger: Token) -> bool:
    """A relative clause that tells what a subject of its own did to the noun it describes
    ("shelled the village which the army had recaptured in February"): another happening. A
    clause that tells where or in what the happening was ("the town where 18 people were
    killed", "an attack in which six died") or whose relative word is its subject ("strikes
    that killed 25") tells the same one."""
    if dep(trigger) not in RELATIVE_DEPS or not _own_subject(trigger):
        return False
    return any(dep(c) in ("obj", "dobj") and c.tag_ in ("WDT", "WP") for c in trigger.children)


def _done_where_by_another(trigger: Token) -> bool:
    """A "where" clause whose own subject acted ("the shelling hit the town on Saturday, where
    rebels had killed a captured pilot"): what someone did at the place, another happening. A
    passive one ("the town where 18 people were killed") tells this happening's dead."""
    if dep(trigger) not in ("advcl", *RELATIVE_DEPS) or trigger.tag_ not in ("VBD", "VBN", "VBZ"):
        return False
    if not any(c.lower_ == "where" and c.i < trigger.i for c in trigger.children):
        return False
    return any(
        dep(c) == "nsubj" and c.tag_ not in ("WDT", "WP") and not _names_a_happening(c)
        for c in trigger.children
    )


def _names_a_happening(noun: Token) -> bool:
    """ "the town where an attack on aid trucks killed 20": the attack did it, the same
    happening the sentence tells, not someone's other deed."""
    return any(t.pos == "noun" for t in load_event_schema().by_form(noun.text))


def _toll_in_clause(trigger: Token, toll: Casualties | None) -> bool:
    """Some part of the toll is told inside the clause of the trigger's nearest verb (the
    trigger's own words when it has none): a happening only aimed at, tried or planned takes
    no toll the sentence's main clause tells."""
    if toll is None or not toll.text:
        return False
    clause = next((t for t in (trigger, *trigger.ancestors) if t.pos_ in ("VERB", "AUX")), trigger)
    words = list(clause.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    text = text_of(trigger.doc)
    for part in toll.text.split("; "):
        at = text.find(part, trigger.sent.start_char, trigger.sent.end_char)
        if at >= 0 and start <= at < end:
            return True
    return False


def _own_subject(clause: Token) -> bool:
    """A relative clause with a subject of its own ("raids near Palmyra, which government
    forces recaptured in March") tells what someone did, not this happening ("strikes that
    killed 25 on Sunday", where the relative word stands for the strikes)."""
    return any(
        dep(c) in ("nsubj", "nsubjpass", "nsubj:pass") and c.tag_ not in ("WDT", "WP")
        for c in clause.children
    )


# Prepositions that make a time a bound of the happening, not its date: "visited Syria since
# the death of X on January 3rd", "the first visit after the strike on 3 January".
BOUND_MARKERS = frozenset({"since", "after", "before", "until", "till", "following"})


def _bound_of(span: Span, trigger: Token) -> bool:
    """Whether the time hangs under a bound marker on its way up to the trigger. A marker
    before the trigger that the time closes ("following a meeting with X February 28") bounds
    another clause's happening, not this one."""
    if span.start > 0:  # "since 21 May": the marker may hang on the span's own day number
        before = span.doc[span.start - 1]
        # ("Since Thursday bombing has killed 44": the parse may hang "since" on the verb)
        inside = span.start <= before.head.i < span.end or before.lower_ == "since"
        if inside and before.lower_ in BOUND_MARKERS and not before.i < trigger.i < span.start:
            return True
    node: Token | None = span.root
    while node is not None and node.i != trigger.i:
        for child in node.children:
            marker = child.dep_ in ("case", "mark") and child.lower_ in BOUND_MARKERS
            if marker and not child.i < trigger.i < span.start:
                return True
        node = node.head if node.head.i != node.i else None
    return False


def _nearest(found: list[tuple[int, TimeValue]]) -> TimeValue:
    return min(found, key=lambda pair: pair[0])[1]


def _nearer_report(
    verb: Token, trigger: Token, times: list[tuple[Span, TimeValue]], clause: set[int]
) -> bool:
    """The reporting verb's time sits by the verb ("In August, Fox News reported about"), not by
    the nominal ("at a meeting of A and B a few months ago", however the parser hung it)."""
    for span, _tv in times:
        if any(t.i in clause for t in span):
            to_verb = min(abs(t.i - verb.i) for t in span)
            if to_verb <= min(abs(t.i - trigger.i) for t in span):
                return True
    return False


# A time the parser left dangling ("the death of X in Baghdad on January 3rd" parsed as a
# conjunct) still belongs to a trigger a few tokens before it in the same sentence.
ADJACENT_TOKENS = 8


def _adjacent_time(trigger: Token, times: list[tuple[Span, TimeValue]]) -> TimeValue | None:
    near = [
        (min(abs(t.i - trigger.i) for t in span), tv)
        for span, tv in times
        if span.sent == trigger.sent
    ]
    near = [pair for pair in near if pair[0] <= ADJACENT_TOKENS]
    return min(near, key=lambda pair: pair[0])[1] if near else None


def ends_on_title(sent: Span) -> bool:
    """The splitter broke after a title: "headed by ... Maj. | Gen. Mohammad Hossein Baqeri"."""
    words = [t for t in sent if not t.is_space]
    if words and words[-1].text == "." and len(words) > 1:
        words = words[:-1]
    return bool(words) and words[-1].lower_.rstrip(".") in TITLES


def _with_fragment(
    mention: EventMention, doc: Doc, fragment: Span, anchor: str | None, ents: dict[int, Span]
) -> EventMention:
    """The place and time a main verb's sentence lost to a split after a title."""
    place = mention.place
    if place is None:
        loc = next(
            (
                ents[t.i]
                for t in fragment
                if t.i in ents
                and ents[t.i].label_ in LOCATION_LABELS
                and t.i > 0
                and doc[ents[t.i].start - 1].lower_ in ("in", "at")
            ),
            None,
        )
        place = _participant("place", phrase_of_entity(loc)) if loc is not None else None
    time = mention.time
    if time is None:
        times = _sentence_times(doc, fragment, anchor)
        time = times[0][1] if times else None
    return replace(mention, place=place, time=time)


def _participant(role: str, phrase: Phrase) -> Participant:
    return Participant(role, phrase.text, phrase.start, phrase.end, phrase.label, phrase.pack_id)  # type: ignore[arg-type]


def _mention(
    doc_id: str,
    doc: Doc,
    index: int,
    sent: Span,
    token: Token,
    found: Found,
    time: TimeValue | None,
    outlet: str | None,
    cues: ClaimCues,
    ents: dict[int, Span],
    quotes: list[tuple[int, int]],
) -> EventMention:
    start, end = token.idx, token.idx + len(token.text)
    mention_id = stable_mention_id(doc_id, start, found.type)
    quote = quote_at(quotes, start, end)
    attribution = attribute(token, sent, ents, cues, found.negated, quote)
    hedges = hedges_in(sent.text, cues)
    chain = ((SourceLink(outlet, "outlet"),) if outlet else ()) + attribution.chain
    claim = ClaimRecord(
        id=stable_claim_id(doc_id, mention_id),
        doc_id=doc_id,
        event_mention_id=mention_id,
        outlet=outlet,
        chain=chain,
        stance=attribution.stance,
        hedged=bool(hedges),
        hedges=hedges,
        quote=text_of(doc)[quote[0] : quote[1]] if quote else None,
        start=sent.start_char,
        end=sent.end_char,
        sentence=index,
        sentence_text=sent.text,
    )
    place = found.args.place
    return EventMention(
        id=mention_id,
        doc_id=doc_id,
        type=found.type,
        mode=found.mode,
        trigger=token.text,
        trigger_start=start,
        trigger_end=end,
        sentence=index,
        participants=tuple(_participant(role, p) for role, p in found.args.participants),
        place=_participant("place", place) if place is not None else None,
        time=time,
        casualties=None,
        negated=found.negated,
        modality=found.modality,
        claim=claim,
    )


def stable_mention_id(doc_id: str, trigger_start: int, type_name: str) -> str:
    from sitrep.records import stable_id

    return stable_id("evm", doc_id, trigger_start, type_name)


def stable_claim_id(doc_id: str, mention_id: str) -> str:
    from sitrep.records import stable_id

    return stable_id("clm", doc_id, mention_id)


def _with_chain(mention: EventMention, links: list[SourceLink], stance: str) -> EventMention:
    claim = replace(mention.claim, chain=mention.claim.chain + tuple(links), stance=stance)  # type: ignore[arg-type]
    return replace(mention, claim=claim)


def _dedupe(mentions: list[EventMention]) -> list[EventMention]:
    """One mention per (sentence, type, participants, place, time, toll): "visited ... the
    visit" twice. Mentions told at other times or with other tolls stay ("carried out new
    attacks a day after bombardments killed 24": the toll is the earlier happening's)."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for m in mentions:
        key = (
            m.sentence,
            m.type,
            tuple(sorted((p.start, p.end) for p in m.participants)),
            (m.place.start, m.place.end) if m.place else None,
            (m.time.start, m.time.end) if m.time else None,
            m.casualties,
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(m)
    return out


__all__ = ["Casualties", "extract_events"]
