"""What a fifth round of FA-KES articles outside the events gold taught (session 23): sources
that are towns, war totals, doers told by a modifier, and infinitives that did not happen.
Sentences written for sitrep, read with the shipped pipeline."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language

from eventreading import read_events, roles
from sitrep.records import EventMention

PUBLISHED = "2016-11-21"


def _asserted(nlp: Language, text: str, type_name: str = "ASSAULT") -> list[EventMention]:
    events = read_events(nlp, text, PUBLISHED)
    return [e for e in events if e.type == type_name and e.modality is None]


def _tolled(events: Sequence[EventMention], *killed: int) -> list[EventMention]:
    """The mentions whose toll is one of `killed`."""
    return [e for e in events if e.casualties is not None and e.casualties.killed in killed]


def _sources(events: list[EventMention]) -> set[str]:
    return {link.name for e in events for link in e.claim.chain}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # copy without commas runs the source's place into the source
        (
            "The missile strike on the depot killed three guards a well-placed source in Hama "
            "told Sputnik on Sunday.",
            "a well-placed source",
        ),
        (
            "The Kurdish fighters killed nine militants in clashes near the town of Manbij "
            "local media reported.",
            "local media",
        ),
    ],
)
def test_a_town_is_no_source(domain_nlp: Language, text: str, source: str) -> None:
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.modality is None]
    assert events
    found = _sources(events)
    assert source in found
    assert not found & {"Hama", "Manbij"}


def test_a_capital_still_speaks_for_its_government(domain_nlp: Language) -> None:
    text = "Ankara said the air strike killed six fighters near Jarablus on Sunday."
    assert "Ankara" in _sources(_asserted(domain_nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "The long conflict has caused more than 380000 deaths across the country.",
        "The war has caused more than 250000 deaths, the monitor says.",
    ],
)
def test_a_war_total_carried_by_a_perfect_verb_is_no_happening(
    domain_nlp: Language, text: str
) -> None:
    assert not _asserted(domain_nlp, text, "DIE")


def test_a_happening_s_deaths_carried_by_a_perfect_verb_stay(domain_nlp: Language) -> None:
    text = "The car bomb has caused 14 deaths in Azaz, the governor said."
    events = read_events(domain_nlp, text, PUBLISHED)
    assert _tolled(events, 14)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Nine fighters of the Islamic State were killed in US-led air strikes on Tuesday "
            "near Tabqa.",
            "US",
        ),
        (
            "Six people were killed in Syrian rebel shelling of a government-held district of "
            "Hama on Friday.",
            "rebel",
        ),
        ("The regime airstrikes killed 14 people in Saraqib on Monday.", "regime"),
        ("The regimes airstrikes killed 14 people in Saraqib on Monday.", "regime"),
    ],
)
def test_the_doer_told_by_a_modifier(domain_nlp: Language, text: str, doer: str) -> None:
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.modality is None]
    sides = {t for e in events for r, t in roles(e) if r in ("actor", "by")}
    assert any(doer in side for side in sides), sides
    assert "Syrian" not in sides


def test_an_intransitive_clash_told_as_a_participle_keeps_its_doer(domain_nlp: Language) -> None:
    text = "The army clashed at dawn with Nusra Front fighters who crept into villages near Hama."
    events = _asserted(domain_nlp, text)
    assert events
    assert all(("target", "The army") not in roles(e) for e in events)
    assert any(("actor", "The army") in roles(e) for e in events)


def test_the_subject_of_able_is_the_doer(domain_nlp: Language) -> None:
    text = "The army units were able to kill about 30 militants in the area of Tal Rifaat."
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.type == "DIE"]
    assert events
    assert any(("by", "The army units") in roles(e) for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The army units were unable to kill the gunmen in Tal Rifaat.",
        "The rebels did not manage to storm the air base near Kuweires on Monday.",
        "The rebels refused to attack the convoy near Kuweires on Monday.",
    ],
)
def test_an_infinitive_that_did_not_happen_is_negated(domain_nlp: Language, text: str) -> None:
    events = read_events(domain_nlp, text, PUBLISHED)
    assert events
    assert all(e.negated or e.modality is not None for e in events)


def test_an_infinitive_that_was_managed_happened(domain_nlp: Language) -> None:
    text = "The rebels managed to storm the air base near Kuweires on Monday."
    events = _asserted(domain_nlp, text)
    assert events and not any(e.negated for e in events)


def test_readiness_to_attack_is_no_attack(domain_nlp: Language) -> None:
    text = "The rebels are ready to attack the city of Hama."
    assert not _asserted(domain_nlp, text)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        # "IS" read as the verb "is", its noun left as an auxiliary or an unmarked oblique
        (
            "The monitor stopped publishing photographs after IS militants killed one of its "
            "reporters in Raqqa.",
            "IS",
        ),
        (
            "The group stopped its work after IS fighters executed two of its members in Raqqa.",
            "fighters",
        ),
        # a first conjunct the tagger took for an adjective still shares its subject
        ("The army advanced on Monday and killed 20 fighters near Palmyra.", "The army"),
    ],
)
def test_the_doer_of_a_clause_the_tagger_misread(
    domain_nlp: Language, text: str, doer: str
) -> None:
    deaths = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.type == "DIE"]
    assert deaths
    assert any(("by", doer) in roles(e) for e in deaths), [roles(e) for e in deaths]
    assert not any(("target", doer) in roles(e) for e in deaths)


def test_a_fight_since_a_day_told_in_the_past_perfect_is_ongoing(domain_nlp: Language) -> None:
    text = "Army units and Kurdish fighters had been battling the jihadists since June 3."
    assert not _asserted(domain_nlp, text)


def test_a_toll_the_parse_made_a_phrase_is_no_target(domain_nlp: Language) -> None:
    text = (
        "Heavy regime shelling on the besieged town of Madaya has killed six civilians and "
        "wounded 19."
    )
    targets = {t for e in _asserted(domain_nlp, text) for r, t in roles(e) if r == "target"}
    assert "six civilians" in targets
    assert not any("19" in t for t in targets)


def test_committing_to_send_troops_is_a_pledge(domain_nlp: Language) -> None:
    text = "Britain blamed Iran for the attack, committing to send more ships to the Gulf."
    assert not _asserted(domain_nlp, text, "MOBILIZE")


def test_committing_a_massacre_is_a_deed(domain_nlp: Language) -> None:
    text = "The militia committed a massacre in the village of Tal Hadid on Monday."
    assert _asserted(domain_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The watchdog counted 66 journalists killed in 2014.",
        "The group documented 470 medics killed since the uprising began.",
    ],
)
def test_a_tally_of_a_period_is_no_happening(domain_nlp: Language, text: str) -> None:
    assert not _asserted(domain_nlp, text, "DIE")


def test_a_tally_of_one_day_stays_a_happening(domain_nlp: Language) -> None:
    text = "Medics recorded 12 civilians killed in the air raid on Binnish on Tuesday."
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.modality is None]
    assert _tolled(events, 12)


def test_a_sentence_break_copy_lost_is_kept(domain_nlp: Language) -> None:
    text = (
        "Four civilians were killed on Monday in rocket attacks on two districts of Idlib "
        "According to a source at the police one man was killed in a mortar attack on Saraqib."
    )
    doc = domain_nlp(text)
    assert [s.text.split()[0] for s in doc.sents] == ["Four", "According"]
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.modality is None]
    first = [e for e in events if e.sentence == 0]
    assert first and not _sources(first)  # the police source tells only the second attack


@pytest.mark.parametrize(
    "text",
    [
        "The jets struck the depot on Monday, the minister told The Guardian in an interview.",
        "Envoys met in The Hague on Monday to discuss the strikes.",
        "The US and IS fighters clashed near At Tanf on Monday.",
    ],
)
def test_a_capitalised_name_mid_sentence_is_no_break(domain_nlp: Language, text: str) -> None:
    assert len(list(domain_nlp(text).sents)) == 1


def test_an_organisation_s_acronym_that_spells_a_word_is_read_as_a_name(
    domain_nlp: Language,
) -> None:
    doc = domain_nlp("Coalition jets struck IS positions near Raqqa, and US jets struck too.")
    norms = {t.text: t.norm_ for t in doc}
    assert norms["IS"] == "isis"  # the Islamic State's other acronym
    assert norms["US"] == "us"  # a state's acronym the model learned as it is
    assert ("IS", "ORG") in {(e.text, e.label_) for e in doc.ents}
    events = _asserted(domain_nlp, "Coalition jets struck IS positions near Raqqa on Monday.")
    assert any(("target", "IS") in roles(e) for e in events)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "An air strike on a clinic in northwestern Syria on Sunday killed seven people, the "
            "monitor said. The clinic in the village of Kafr Takharim had been hit before.",
            "Kafr Takharim",
        ),
        (
            "A car bomb exploded at a checkpoint in northern Iraq on Monday, killing six "
            "soldiers. The checkpoint near Sinjar was manned by Kurdish troops.",
            "Sinjar",
        ),
    ],
)
def test_a_site_named_again_with_the_places_the_strike(
    domain_nlp: Language, text: str, town: str
) -> None:
    events = _asserted(domain_nlp, text)
    assert events and all(e.place is not None and e.place.text == town for e in events)


def test_another_site_named_with_the_places_nothing(domain_nlp: Language) -> None:
    text = (
        "An air strike on a clinic in northwestern Syria on Sunday killed seven people, the "
        "monitor said. The bakery in the village of Kafr Takharim had been hit before."
    )
    events = _asserted(domain_nlp, text)
    assert events and all(e.place is None or e.place.text != "Kafr Takharim" for e in events)


def test_a_happening_before_a_told_period_is_of_that_period(domain_nlp: Language) -> None:
    text = (
        "In early March 2015 the Nusra Front started moving into the villages around Idlib "
        "after clashing with other rebel factions."
    )
    clashes = [e for e in read_events(domain_nlp, text, "2015-06-30") if e.trigger == "clashing"]
    assert clashes and all(e.time is not None for e in clashes)
    assert all(e.time.start[:7] == "2015-03" for e in clashes if e.time is not None)


def test_a_happening_before_a_told_day_stays_undated(domain_nlp: Language) -> None:
    from sitrep.extract.dating import earlier_by
    from sitrep.records import TimeValue

    day = TimeValue("on Monday", "day", "2015-06-29", "2015-06-29", "2015-06-30", "weekday")
    assert earlier_by(day, None) is None
    assert earlier_by(day, 1) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The monitor recorded 12 civilians killed in Douma.",
        "The observatory documented 9 civilians killed in regime air strikes on Saqba.",
    ],
)
def test_a_monitor_s_count_of_one_happening_stays(domain_nlp: Language, text: str) -> None:
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.modality is None]
    assert _tolled(events, 9, 12)


def test_killing_without_a_toll_since_a_founding_is_a_course(domain_nlp: Language) -> None:
    text = "IS has killed hundreds of people since it seized the city of Mosul in June last year."
    assert not _asserted(domain_nlp, text, "DIE")


def test_a_toll_since_a_day_in_the_perfect_stays_a_happening(domain_nlp: Language) -> None:
    text = "The militia has killed 12 people since Monday in Raqqa, the monitor said."
    events = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.modality is None]
    assert _tolled(events, 12)
