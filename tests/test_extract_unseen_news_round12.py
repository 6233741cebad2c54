"""What a twelfth round of FA-KES articles outside the events gold taught (session 30): a
closing "it said" stands for the group or monitor that told something just before; "the
Syrian regime" is the regime, not the nationality; one "involved in" clashes took part in them;
a capitalised "Today" after a name is the name's ("Russia Today"), not the report's day; what
is "supplied" makes an arms transfer only when it is arms; a name right before a closing
"said" speaks, whatever clause the broken parse made the verb's subject; the side ground is
taken "from" is the target; an embedded tweet's words are furniture; a closing "X reports"
names X even where the tagger took X for an adjective; one who "claimed to have killed" is
the killer. Sentences written for
sitrep, read with the shipped pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventreading import doers, read_events, roles
from sitrep.extract.furniture import furniture_spans, inside
from sitrep.extract.happening import _listed_towns
from sitrep.extract.time import find_time_expressions
from sitrep.records import EventMention

PUBLISHED = "2016-07-02"  # a Saturday


def _violent(nlp: Language, text: str) -> list[EventMention]:
    return [e for e in read_events(nlp, text, PUBLISHED) if e.type in ("ASSAULT", "DIE")]


def _sources(event: EventMention) -> list[str]:
    return [link.name for link in event.claim.chain]


def test_a_closing_it_said_is_the_monitor_named_before(domain_nlp: Language) -> None:
    events = _violent(
        domain_nlp,
        "Jets struck two villages near the river on Friday the Syrian Observatory said. The "
        "heaviest toll was in Kafr Nabl where raids killed nine civilians it said.",
    )
    raid = next(e for e in events if e.trigger == "raids")
    assert any("Observatory" in name for name in _sources(raid)), _sources(raid)
    assert raid.claim.stance == "reports"


def test_a_closing_it_said_with_no_teller_before_names_no_one(domain_nlp: Language) -> None:
    events = _violent(domain_nlp, "Raids killed nine civilians in Kafr Nabl on Friday it said.")
    assert events
    assert all(not _sources(e) for e in events), [_sources(e) for e in events]


def test_it_said_never_stands_for_a_person(domain_nlp: Language) -> None:
    events = _violent(
        domain_nlp,
        "Abdel Rahman said the jets came at dawn. Raids killed nine civilians in Kafr Nabl on "
        "Friday it said.",
    )
    raid = next(e for e in events if e.trigger == "Raids")
    assert "Abdel Rahman" not in _sources(raid), _sources(raid)


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("The Syrian regime shelled the village of Kafr Nabl on Friday.", "Syrian regime"),
        ("Air strikes by the Syrian regime killed nine civilians in Kafr Nabl.", "Syrian regime"),
        ("The Syrian opposition shelled the village of Kafr Nabl on Friday.", "Syrian opposition"),
    ],
)
def test_a_nationalitys_regime_is_the_regime(
    domain_nlp: Language, sentence: str, side: str
) -> None:
    events = _violent(domain_nlp, sentence)
    assert any(any(side in d for d in doers(e)) for e in events), [roles(e) for e in events]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Turkish army was involved in the fighting near Jarablus on Monday.",
        "The Islamic Front said on Twitter it was involved in fierce clashes near Ramussa.",
    ],
)
def test_one_involved_in_the_fighting_took_part(domain_nlp: Language, sentence: str) -> None:
    events = _violent(domain_nlp, sentence)
    assert any(doers(e) for e in events), [roles(e) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Russia Today reported that the jets struck the town.",
        "According to the Halab Today TV station the jets struck the town.",
    ],
)
def test_today_in_a_name_is_no_day(text: str) -> None:
    assert not [t.text for t in find_time_expressions(text) if t.text == "Today"]


def test_today_opening_a_sentence_is_the_day() -> None:
    found = find_time_expressions("The jets came on Monday. Today the army entered the town.")
    assert [t.text for t in found] == ["on Monday", "Today"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Images supplied to the agency showed the bodies of the victims.",
        "Electricity was still being supplied to the eastern districts.",
    ],
)
def test_supplying_what_is_not_arms_is_no_arms_transfer(
    domain_nlp: Language, sentence: str
) -> None:
    assert not [e for e in read_events(domain_nlp, sentence, PUBLISHED) if e.type == "AID"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has supplied missiles to the Syrian government.",
        "Iran supplied the militias with rockets last year.",
    ],
)
def test_supplying_arms_is_an_arms_transfer(domain_nlp: Language, sentence: str) -> None:
    assert [e for e in read_events(domain_nlp, sentence, PUBLISHED) if e.type == "AID"]


def test_the_name_before_a_closing_said_speaks_whatever_the_parse(domain_nlp: Language) -> None:
    # (without commas the parse took "the Islamic State ... overran" for the subject of "said")
    events = _violent(
        domain_nlp,
        "More than 40 rebels were killed in fighting in Hasakeh province as the Islamic State "
        "of Iraq and the Levant (ISIL) overran a town bordering Iraq an NGO said Sunday.",
    )
    assert events
    assert all("Islamic State of Iraq and the Levant" not in _sources(e) for e in events)
    assert any("NGO" in name for e in events for name in _sources(e)), [_sources(e) for e in events]


@pytest.mark.parametrize(
    ("sentence", "loser"),
    [
        ("Kurdish forces captured the town of Manbij from Daesh on Friday.", "Daesh"),
        ("The army recaptured Palmyra from the Islamic State on Sunday.", "Islamic State"),
        ("Government forces seized the village of Tal Rifaat from rebels on Monday.", "rebels"),
    ],
)
def test_ground_taken_from_a_side_makes_that_side_the_target(
    domain_nlp: Language, sentence: str, loser: str
) -> None:
    events = _violent(domain_nlp, sentence)
    assert any(role == "target" and loser in text for e in events for role, text in roles(e)), [
        roles(e) for e in events
    ]


def test_people_from_a_town_are_not_taken_from_it(domain_nlp: Language) -> None:
    events = _violent(domain_nlp, "The army killed five people from the town of Binnish on Friday.")
    assert events
    assert not any(text == "Binnish" for e in events for _, text in roles(e))


def test_an_embedded_tweets_words_are_furniture() -> None:
    text = (
        "The jets came back on Monday. Two hospitals in the east were hit as the bombing "
        "goes on https://t.co/AbCdEf12 pic.twitter.com/XyZ123 Some Relief Group (relief) "
        "August 9 2016 The army said it would open a corridor."
    )
    spans = furniture_spans(text)
    tweet = text.index("Two hospitals")
    assert inside(spans, tweet, tweet + len("Two hospitals in the east were hit"))
    story = text.index("The army said")
    assert not inside(spans, story, story + len("The army said"))
    first = text.index("The jets")
    assert not inside(spans, first, first + len("The jets came back"))


def test_a_closing_reports_after_a_name_the_tagger_misread_names_the_source(
    domain_nlp: Language,
) -> None:
    events = _violent(domain_nlp, "Army units killed 20 militants near the oilfield SANA reports.")
    assert any("SANA" in _sources(e) for e in events), [_sources(e) for e in events]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Islamic State group claimed to have killed five soldiers near Palmyra on Sunday.",
        "The group is said to have killed five soldiers near Hama.",
    ],
)
def test_one_who_claimed_to_have_killed_is_the_killer(domain_nlp: Language, sentence: str) -> None:
    events = _violent(domain_nlp, sentence)
    assert any(doers(e) for e in events), [roles(e) for e in events]


@pytest.mark.parametrize(
    "sentence",
    [
        "An airstrike struck an eastern Syrian town held by Daesh killing at least 10 people.",
        "Russian jets bombed a Syrian village near the border on Monday.",
    ],
)
def test_a_nationality_on_a_place_names_no_one_hit(domain_nlp: Language, sentence: str) -> None:
    events = _violent(domain_nlp, sentence)
    assert events
    assert not any(text == "Syrian" for e in events for _, text in roles(e)), [
        roles(e) for e in events
    ]


def test_a_day_after_clause_keeps_its_toll_and_day(domain_nlp: Language) -> None:
    # (the parse hung "after" on the measure, "a day [after forces [that] killed]", and the
    # clause's 80 dead were the shelling's toll)
    events = _violent(
        domain_nlp,
        "Government forces shelled the city of Hama on Monday killing four civilians a day "
        "after security forces killed 80 people there.",
    )
    shelling = next(e for e in events if e.trigger == "shelled")
    assert shelling.casualties is not None and shelling.casualties.killed == 4
    earlier = next(e for e in events if e.casualties and e.casualties.killed == 80)
    assert earlier.time is not None and earlier.time.start == "2016-06-26"  # the Sunday


def test_the_doer_of_the_main_clause_did_not_do_the_after_clause(domain_nlp: Language) -> None:
    events = _violent(
        domain_nlp,
        "Rebels hit a school in west Aleppo on Thursday a day after airstrikes on a school in "
        "Idlib killed 35 people.",
    )
    strikes = next(e for e in events if e.trigger == "airstrikes")
    assert not doers(strikes), roles(strikes)
    assert strikes.casualties is not None and strikes.casualties.killed == 35
    hit = next(e for e in events if e.trigger == "hit")
    assert "Rebels" in doers(hit)
    assert hit.casualties is None or hit.casualties.killed is None


@pytest.mark.parametrize(
    ("sentence", "attack"),
    [
        ("Russian jets hit an aid convoy near the town of Urum al-Kubra on Monday.", True),
        ("A mortar shell hit the Umayyad Mosque in Damascus on Friday.", True),
        ("The economic crisis hit the city of Aleppo hard last year.", False),
        ("Syria was hit by a violent unrest since mid-March 2011.", False),
    ],
)
def test_hitting_a_site_is_an_attack(domain_nlp: Language, sentence: str, attack: bool) -> None:
    hits = [e for e in _violent(domain_nlp, sentence) if e.trigger == "hit"]
    assert bool(hits) is attack, [roles(e) for e in hits]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hezbollah shelled rebel positions in retaliation for rocket attacks that targeted the "
        "town of Mhardeh.",
        "The army shelled rebel positions on Monday a day after rebels shelled the town of "
        "Mhardeh.",
    ],
)
def test_the_earlier_happenings_place_is_not_the_answers(
    domain_nlp: Language, sentence: str
) -> None:
    events = _violent(domain_nlp, sentence)
    answer = [e for e in events if "rebel positions" in {t for _, t in roles(e)}]
    assert all(e.place is None or e.place.text != "Mhardeh" for e in answer), [
        (roles(e), e.place) for e in answer
    ]


def test_a_plain_after_clause_may_tell_the_cause(domain_nlp: Language) -> None:
    # (only "a day after", "two days after" tell another happening with its own place)
    events = _violent(
        domain_nlp,
        "A woman and her child were killed after terrorists shelled the centre of the Syrian "
        "capital of Damascus.",
    )
    assert events and all(e.place is not None and e.place.text == "Damascus" for e in events)


def test_a_photo_caption_in_brackets_is_furniture() -> None:
    text = (
        "Airstrikes killed 23 civilians on Wednesday. (Photo Smoke rises after an airstrike "
        "on western Raqqa on July 17 2017. by AFP)"
    )
    caption = text.index("(Photo")
    assert inside(furniture_spans(text), caption, len(text))
    assert not inside(furniture_spans(text), 0, len("Airstrikes killed"))


def test_a_town_and_its_province_run_together_are_no_list() -> None:
    towns = {"Qamishli", "Hasaka", "Homs", "Tartous"}
    assert _listed_towns("48 were killed in the city of Qamishli Hasaka.", towns) == 1
    assert _listed_towns("Blasts hit Tartous Homs and Hasaka.", towns) == 3


def test_one_who_tweeted_it_is_the_source(domain_nlp: Language) -> None:
    events = _violent(
        domain_nlp,
        "Airstrikes hit a school and a bakery in the town of al-Mayadin on Monday tweeted the "
        "Syrian Network for Human Rights.",
    )
    assert events
    assert any("Syrian Network for Human Rights" in _sources(e) for e in events)
    assert not any("Network" in text for e in events for _, text in roles(e))


def test_an_opening_it_reported_is_the_monitor_named_before(domain_nlp: Language) -> None:
    events = _violent(
        domain_nlp,
        "The Observatory said jets struck the town on Monday. It reported five more deaths in "
        "rebel fire on the Sheikh Maqsud district of the city.",
    )
    deaths = next(e for e in events if e.trigger == "deaths")
    assert "Observatory" in _sources(deaths), _sources(deaths)


def test_strikes_carried_out_by_a_state_are_its_own_parse_or_not(domain_nlp: Language) -> None:
    # (without commas the parse made "carried" the clause's verb and the strikes its subject)
    events = _violent(
        domain_nlp,
        "Airstrikes carried out by the United States against Nusra Front insurgents in "
        "northwestern Syria have killed 11 civilians.",
    )
    assert any("United States" in doers(e) for e in events), [roles(e) for e in events]


@pytest.mark.parametrize(
    "sentence",
    [
        "The intensive bombing on the outskirts of the capital killed five people on Monday.",
        "At least 16 people were killed in airstrikes on rebel-held parts of Aleppo province.",
    ],
)
def test_ground_told_by_its_lie_is_no_target(domain_nlp: Language, sentence: str) -> None:
    events = _violent(domain_nlp, sentence)
    assert events
    assert not any(
        role == "target" and ("outskirts" in text or "parts" in text)
        for e in events
        for role, text in roles(e)
    ), [roles(e) for e in events]


def test_a_side_named_after_its_leader_is_the_side(domain_nlp: Language) -> None:
    events = _violent(domain_nlp, "Assad forces shelled the town of Kafr Nabl on Friday.")
    assert any("Assad forces" in doers(e) for e in events), [roles(e) for e in events]


def test_reports_of_casualties_are_no_target(domain_nlp: Language) -> None:
    events = _violent(
        domain_nlp,
        "Other airstrikes also hit the towns of Rastan and Talbeesah with reports of civilian "
        "casualties.",
    )
    assert not any("reports" in text for e in events for _, text in roles(e))
