"""Words that look like a happening but tell none: a trigger that only describes a thing ("the
main fighting force"), a counted noun the tagger could not place ("500 Syrian pounds"), strikes
that were halted. Sentences written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from sitrep.extract.events import extract_events
from sitrep.extract.mentions import modality
from sitrep.extract.newsworthy import is_asked_in_general, is_partnering_phrase
from sitrep.extract.schema import load_claim_cues
from sitrep.nlp.pipeline import shipped_model_path

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def _asserted(nlp: Language, text: str) -> list[str]:
    events = extract_events("d", nlp(text), "2016-05-04", None, None).events
    return [e.trigger for e in events if e.modality is None and not e.negated]


@pytest.mark.parametrize(
    "text",
    [
        "The YPG is the main fighting force of the alliance, largely Kurdish.",
        "A kilo of sugar had risen to 900 Syrian pounds from 600 Syrian pounds in a month.",
    ],
)
def test_no_happening_is_told(domain_nlp: Language, text: str) -> None:
    assert _asserted(domain_nlp, text) == [], text


def test_halted_strikes_are_not_asserted(domain_nlp: Language) -> None:
    text = "Russian and Syrian jets halted airstrikes on Homs from Tuesday for a three-day pause."
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    strikes = [e for e in events if e.trigger == "airstrikes"]
    assert strikes and all(e.modality == "halt" for e in strikes)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A car bomb attack killed five people in Azaz on Monday.", "bomb"),
        ("Heavy air raids hit rebel-held areas of Douma early on Monday.", "raids"),
        ("A shelling attack killed five people in Azaz on Monday.", "shelling"),
        ("Clashes near Ain al-Arab killed 18 fighters on Sunday.", "killed"),  # misparsed
    ],
)
def test_a_happening_told_by_a_modifier_still_is_one(
    domain_nlp: Language, text: str, trigger: str
) -> None:
    assert trigger in _asserted(domain_nlp, text), text


def _modality(nlp: Language, text: str, trigger: str) -> list[str | None]:
    events = extract_events("d", nlp(text), "2016-05-04", None, None).events
    return [e.modality for e in events if e.trigger == trigger]


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # a state told in the passive present, whatever the event type
        ("The PKK is banned in Turkey.", "banned", "habitual"),
        # "previously" puts the happening before the news: background
        ("Tamim claimed Houthis have attacked journalists previously.", "attacked", "recalled"),
        # a count of attacks this large is a statistic
        ("There were 43 attacks on clinics in Syria in July, a statement said.", "attacks",
         "statistic"),
        # a habit, where the tagger took the present verb for a plural noun ("conducts")
        ("The coalition conducts strikes in Hasakah to back the local forces.", "strikes",
         "habitual"),
        # a relative clause in the present progressive describes, it tells no happening
        ("Rebels hold the valley, where Islamist fighters are battling the army and allied "
         "militias.", "battling", "ongoing"),
        # ... also where the parse labels the relative clause a plain modifier of its noun
        ("The group said a plane had crashed in countryside north of Hama in an area where "
         "Islamist rebel fighters are battling the Syrian army and Iranian-backed forces.",
         "battling", "ongoing"),
        # a participle adjunct of a present state tells that state
        ("The group controls most of the town besieging an estimated 9000 people there.",
         "besieging", "habitual"),
        # ... and in the past progressive: what its noun was doing when the news happened
        ("Hossein Karimi, who was visiting the town of Salamiyah, survived the blast.",
         "visiting", "ongoing"),
        # a happening that is the subject of a verb of scheduling is still to come
        ("The annual meeting of the Arab League is set to open tomorrow.", "meeting",
         "planned"),
        # a state that has held since a time
        ("Madaya, which has been besieged since 2015, received no aid.", "besieged", "ongoing"),
        # an adverb of frequency: again and again, no one happening
        ("Kurdish-held Hasakeh has repeatedly been targeted by Daesh car bombs.", "targeted",
         "habitual"),
        # "previously" on the way up to the clause's verb
        ("The alleged death of Hamza was previously in the news at the end of July.", "death",
         "recalled"),
        # the topic of a purpose clause, and what a pretext would be for
        ("The Security Council met on Sunday to address the fighting in Aleppo.", "fighting",
         "purpose"),
        ("The aim is to forge a pretext for accusing the Syrian government of the attack.",
         "accusing", "pretext"),
        # ... and all that the aim's infinitive holds, however deep the parse hangs it
        ("The aim of these moves is to forge a pretext for accusing the government of using "
         "gas and for provoking fresh US strikes.", "strikes", "aim"),
        ("Their plan was to strike the port of Latakia.", "strike", "plan"),
        # a tally a support verb says was done, told in the perfect or counted since a day
        ("Allied warplanes have carried out 210 air strikes near Tabqa since 3 March.",
         "strikes", "statistic"),
        # ... and a large count over days the text gives
        ("Government jets flew 14 raids over Daraa in the last five days.", "raids", "statistic"),
    ],
)  # fmt: skip
def test_states_background_and_statistics_are_not_asserted(
    domain_nlp: Language, text: str, trigger: str, modality: str
) -> None:
    assert _modality(domain_nlp, text, trigger) == [modality]


def test_a_happening_that_set_off_a_bomb_is_no_plan(domain_nlp: Language) -> None:
    # "set" schedules only with a subject happening and an infinitive
    text = "A suicide bomber set off his explosives at a checkpoint in Homs on Monday."
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    assert all(e.modality is None for e in events), [(e.trigger, e.modality) for e in events]


def test_a_happening_dated_to_a_day_is_one_however_often_it_struck(
    domain_nlp: Language,
) -> None:
    text = "Rebels repeatedly shelled the town of Azaz on Monday, killing four people."
    assert None in _modality(domain_nlp, text, "shelled")


def test_a_few_raids_counted_are_still_a_happening(domain_nlp: Language) -> None:
    text = "Five air raids hit the town of Douma on Monday, killing nine people."
    assert None in _modality(domain_nlp, text, "raids")
    # counted, but not said to exist: the blasts of one raid
    text = "He said 19 explosions were heard during the air strikes in al-Shadadi on Thursday."
    assert None in _modality(domain_nlp, text, "explosions")


def test_a_quotation_is_not_dated_by_its_frame(domain_nlp: Language) -> None:
    text = (
        'The minister said on Wednesday, "Rockets hit the port of Latakia and wounded four '
        'sailors." The ministry gave no other details.'
    )
    events = extract_events("d", domain_nlp(text), "2016-05-06", None, None).events
    hit = [e for e in events if e.type == "ASSAULT"]
    assert hit and all(e.time is None or e.time.precision != "day" for e in hit)  # not Wednesday


def test_attacking_a_statement_is_no_assault(domain_nlp: Language) -> None:
    text = "On television Erdogan also attacked the proclamation of the heights as Israeli land."
    assert _modality(domain_nlp, text, "attacked") == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Government jets renewed their raids on the eastern districts of Deir ez-Zor.", "raids"),
        ("The air force has increased the intensity of its strikes near Tadmur.", "strikes"),
        ("The militant stronghold has faced a more than month-long offensive by Kurdish and Arab "
         "fighters that has forced thousands of families to leave.", "offensive"),
        ("A vast wave of bomb attacks on militia posts in Idlib forced them to change routes.",
         "bomb"),
    ],
)  # fmt: skip
def test_a_campaign_told_growing_is_no_single_happening(
    domain_nlp: Language, text: str, trigger: str
) -> None:
    assert trigger in _modal_triggers(domain_nlp, text, "campaign"), text
    assert _asserted(domain_nlp, text) == [], text


def _modal_triggers(nlp: Language, text: str, modality: str) -> list[str]:
    events = extract_events("d", nlp(text), "2016-05-04", None, None).events
    return [e.trigger for e in events if e.modality == modality]


def test_a_wave_of_strikes_with_a_toll_is_a_happening(domain_nlp: Language) -> None:
    text = "On Sunday a new wave of air raids hit the east of Deir ez-Zor, killing two."
    assert "raids" in _asserted(domain_nlp, text)


def test_a_participle_after_a_past_the_tagger_took_for_present_is_no_habit(
    domain_nlp: Language,
) -> None:
    # "hit" may be past or present: the killing it leads to is no state
    text = "On Sunday a fresh wave of air raids hit rebel-held districts of Idlib killing one man."
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    assert events and all(e.modality is None for e in events), [
        (e.trigger, e.modality) for e in events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A police spokesman confirmed that two suspects were arrested.",
        "Police arrested two suspects on Friday.",
    ],
)
def test_an_arrest_of_people_counted_is_a_happening(domain_nlp: Language, text: str) -> None:
    # nobody is named, but a coder records an arrest of so many people
    assert "arrested" in _asserted(domain_nlp, text), text


def test_an_arrest_of_no_one_named_or_counted_is_none(domain_nlp: Language) -> None:
    assert _asserted(domain_nlp, "Officials said some people were arrested.") == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Government jets renewed their raids on the rebel districts of Hama leaving scores of "
         "people dead.",
         "dead"),
        ("Army sources had said earlier in the month that infighting had intensified among the "
         "armed factions in Idlib and Hama provinces claiming the lives of dozens of their "
         "members in a few weeks.", "claiming"),
        ("Army units continued on Tuesday their operations against the militants across the "
         "province destroying their arms depots and killing many of their fighters.",
         "killing"),
    ],
)  # fmt: skip
def test_the_dead_a_campaign_left_with_no_count_are_no_happening(
    domain_nlp: Language, text: str, trigger: str
) -> None:
    assert trigger in _modal_triggers(domain_nlp, text, "campaign"), text
    assert trigger not in _asserted(domain_nlp, text), text


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Government jets continued on Monday to bomb the rebel districts of Hama killing 12 "
         "civilians.", 12),
        ("Jets renewed their raids on Hama on Monday killing nine people.", 9),
    ],
)  # fmt: skip
def test_a_counted_toll_after_a_campaign_verb_is_a_happening(
    domain_nlp: Language, text: str, killed: int
) -> None:
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    tolls = [e.casualties.killed for e in events if e.modality is None and e.casualties]
    assert killed in tolls, text


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # what someone warns against is still to come
        ("Damascus warns against new Israeli air strikes on its territory.", "strikes",
         "warning"),
        # the deed someone is charged with is the charge's content, not a happening told here
        ("The ministry accused armed groups of firing mortars on the Sheikh Ali neighbourhood in "
         "Aleppo.", "firing", "alleged"),
    ],
)  # fmt: skip
def test_a_happening_only_feared_or_charged_is_not_told(
    domain_nlp: Language, text: str, trigger: str, modality: str
) -> None:
    assert trigger in _modal_triggers(domain_nlp, text, modality), text
    assert trigger not in _asserted(domain_nlp, text), text


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # whether someone knows who struck: the strikes are told all the same
        ("The monitor said it was not clear whether the strikes on Atareb on Monday were carried "
         "out by Syrian or Russian jets.", "strikes"),
        # an attack named by a noun is told, only its author charged
        ("Activists accused government forces of launching a gas attack on Douma on Monday that "
         "killed 40 people.", "attack"),
        ("The army warned that air strikes had killed 20 civilians in Idlib on Monday.",
         "strikes"),
        ("Rebels shelled army positions in Hama on Monday, accusing the army of hiding fighters "
         "there.", "shelled"),
    ],
)  # fmt: skip
def test_a_happening_told_beside_a_warning_or_charge_is_told(
    domain_nlp: Language, text: str, trigger: str
) -> None:
    assert trigger in _asserted(domain_nlp, text), text


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # what had happened to someone before the news describes them
        ("Gunmen shot dead a judge from Homs who had been kidnapped for several days.",
         "kidnapped", "recalled"),
        # a kind of happening that recurs, not one happening
        ("It is not the first time that government jets have bombed a hospital in Idlib.",
         "bombed", "habitual"),
    ],
)  # fmt: skip
def test_a_description_or_a_recurrence_is_no_happening(
    domain_nlp: Language, text: str, trigger: str, modality: str
) -> None:
    assert trigger in _modal_triggers(domain_nlp, text, modality), text


def test_the_first_time_told_is_a_happening(domain_nlp: Language) -> None:
    text = "It was the first time that government jets bombed the hospital in Idlib."
    assert "bombed" in _asserted(domain_nlp, text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a noun listed after the thing a modal asks not to send stands where it stands
        ("They should not ship rifles, drones, bombs and shells to the militias.", "bombs"),
        # "in cooperation with X": a partner in the act, no cooperation told of its own
        (
            "The soldiers stationed there to fight the Islamic State in cooperation with "
            "Kurdish forces left on Monday.",
            "cooperation",
        ),
        (
            "The Iraqi army in coordination with the Popular Mobilization Forces shelled "
            "positions of the Islamic State near Tal Afar.",
            "coordination",
        ),
    ],
)
def test_a_listed_thing_or_a_partner_phrase_is_no_happening(
    domain_nlp: Language, text: str, trigger: str
) -> None:
    assert trigger not in _asserted(domain_nlp, text), text


def _token(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


def test_a_listed_noun_stands_where_the_first_of_its_list_stands(domain_nlp: Language) -> None:
    cues = load_claim_cues()
    asked = "They should not ship rifles, drones, bombs and shells to the militias."
    assert modality(_token(domain_nlp, asked, "bombs"), cues) is not None
    told = "Air strikes and shelling hit the town of Atareb on Monday, killing nine people."
    assert modality(_token(domain_nlp, told, "shelling"), cues) is None


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        ("The army in cooperation with local groups shelled the town.", True),
        ("Iran and Syria discussed their cooperation with Russia on Tuesday.", False),
        ("The two ministers signed a cooperation agreement in Moscow on Tuesday.", False),
    ],
)
def test_in_cooperation_with_is_a_partner_phrase(
    domain_nlp: Language, text: str, partner: bool
) -> None:
    assert is_partnering_phrase(_token(domain_nlp, text, "cooperation")) is partner


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "The monitor says it determines whether strikes were carried out by Syrian or "
            "Russian aircraft from the flight patterns.",
            True,
        ),
        (
            "It was not clear whether the strikes on Atareb had been carried out by Syrian or "
            "Russian warplanes.",
            False,
        ),
    ],
)
def test_a_bare_plural_asked_about_under_a_present_verb_is_no_happening(
    domain_nlp: Language, text: str, asked: bool
) -> None:
    assert is_asked_in_general(_token(domain_nlp, text, "strikes")) is asked


def test_the_aim_itself_and_a_step_are_no_content_of_an_aim(domain_nlp: Language) -> None:
    # the subject of "is to": "the air strikes" are what had the aim, and happened
    text = "The aim of the air strikes on Raqqa on Monday was to kill the group's commander."
    assert None in _modality(domain_nlp, text, "strikes")
    assert _modality(domain_nlp, text, "kill") == ["aim"]
    # only a noun of aim or plan makes the infinitive unrealised
    text = "The first step was to shell the town of Azaz, which they did on Monday."
    assert None in _modality(domain_nlp, text, "shell")


@pytest.mark.parametrize(
    "text",
    [
        # one wave of strikes: a simple past, not a tally
        "Government jets launched 30 air strikes on Douma on Friday.",
        # a large count in a report that gives no span of days
        "Russian bombers carried out 25 raids on the eastern outskirts of Homs.",
    ],
)
def test_many_strikes_on_one_occasion_stay_one_happening(domain_nlp: Language, text: str) -> None:
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    assert [e.modality for e in events if e.type == "ASSAULT"] == [None], text


def test_a_trigger_word_inside_a_name_or_a_kind_of_thing_tells_no_happening(
    domain_nlp: Language,
) -> None:
    # a word for talks or aid inside a noun phrase its determiner opens names a thing
    text = "Members of the High Negotiations Committee arrived in Geneva."
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    assert [e.type for e in events] == ["MOBILIZE"], [(e.type, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a modal verb that only speaks about a happening already known reports it
        ("France said it would raise the alleged gas attack on Douma at the Security Council.",
         None),
        # a support verb makes the happening the plan, whatever describes it
        ("Rebels said they would launch a suspected attack on Douma.", "would"),
    ],
)  # fmt: skip
def test_a_known_happening_a_modal_verb_speaks_about_is_reported_not_planned(
    domain_nlp: Language, text: str, modality: str | None
) -> None:
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    assert [e.modality for e in events if e.trigger == "attack"] == [modality]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a toll over years is a total of many happenings
        ("A monitor said that 1250 prisoners died under torture from March 2012 to June 2015.",
         "died"),
        # the attacks of a counted span of time, told by their sum
        ("Nine days of airstrikes across the province had left more than 60 civilians dead.",
         "airstrikes"),
    ],
)  # fmt: skip
def test_a_total_over_a_span_is_a_statistic(domain_nlp: Language, text: str, trigger: str) -> None:
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    found = [e for e in events if e.trigger == trigger]
    assert found and all(e.modality == "statistic" for e in found), [
        (e.trigger, e.modality) for e in events
    ]


def test_a_toll_over_a_few_days_is_still_a_happening(domain_nlp: Language) -> None:
    text = "Doctors said 14 people died in clashes between March 2 and March 5 in Douma."
    assert "died" in _asserted(domain_nlp, text) or "clashes" in _asserted(domain_nlp, text)


def test_forces_that_support_a_ruler_are_described_not_supporting(domain_nlp: Language) -> None:
    text = "Clashes broke out in Douma between rebels and militias that support the Assad regime."
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    support = [e for e in events if e.type == "SUPPORT"]
    assert support and all(e.modality == "relation" for e in support), support


def test_a_death_toll_without_a_figure_tells_no_dead(domain_nlp: Language) -> None:
    for text in (
        "The wounded were taken to hospitals around the Atmeh camp but there was no "
        "information about the death toll.",
        "Officials in Azaz gave no death toll.",
    ):
        assert [e for e in _asserted(domain_nlp, text) if e == "death"] == [], text


def test_an_alliance_described_by_its_fight_is_no_battle_of_the_day(domain_nlp: Language) -> None:
    text = "The YPG is a Kurdish militia battling the Islamic State group in northern Syria."
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    battles = [e for e in events if e.trigger == "battling"]
    assert battles and all(e.modality == "ongoing" for e in battles), battles


def test_air_strikes_the_parse_took_for_a_verb_are_no_habit(domain_nlp: Language) -> None:
    text = "Separate air strikes southwest of Saraqeb killed at least 12 people the monitor said."
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    strikes = [e for e in events if e.trigger == "strikes"]
    assert strikes and all(e.modality is None for e in strikes), [
        (e.trigger, e.modality) for e in events
    ]


def test_fighting_that_has_gone_on_since_a_year_is_ongoing(domain_nlp: Language) -> None:
    text = "Regime forces have been shelling the rebel-held town of Daraya since 2012."
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    shelling = [e for e in events if e.trigger == "shelling"]
    assert shelling and all(e.modality == "ongoing" for e in shelling), [
        (e.trigger, e.modality) for e in events
    ]


def test_killings_over_recent_months_are_a_course_not_a_happening(domain_nlp: Language) -> None:
    text = "In recent months several clinics have been damaged and nurses killed in eastern Aleppo."
    assert "killed" not in _asserted(domain_nlp, text)


def test_fighting_that_intensified_is_a_course(domain_nlp: Language) -> None:
    text = "Fighting in northern Syria has intensified since a February ceasefire deal."
    assert "Fighting" not in _asserted(domain_nlp, text)


def test_a_large_toll_since_a_month_is_a_total(domain_nlp: Language) -> None:
    text = "More than 400 civilians have been killed in Homs since March as the siege tightened."
    assert "killed" not in _asserted(domain_nlp, text)


def test_the_wars_toll_told_in_a_relative_clause_is_a_total(domain_nlp: Language) -> None:
    text = (
        "The truce was billed as the best chance to end six years of conflict in which more "
        "than 300000 people have been killed."
    )
    assert "killed" not in _asserted(domain_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebel fighters shelled the army base in Qasr Fendi several times in April 2016, the "
        "army said.",
        "The Free Syrian Army clashed with the Nusra Front in Idlib on various occasions in "
        "April 2016.",
    ],
)
def test_a_happening_told_on_many_occasions_is_a_habit(domain_nlp: Language, text: str) -> None:
    assert _asserted(domain_nlp, text) == []
