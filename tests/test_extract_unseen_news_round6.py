"""What a sixth round of FA-KES articles outside the events gold taught (session 24): a
nationality inside a place's phrase read as the victims, sources the tagger did not make
subjects, and pasts tagged as presents read as habits. Sentences written for sitrep, read with
the shipped pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventreading import read_events
from sitrep.records import EventMention

PUBLISHED = "2016-11-21"


def _told(nlp: Language, text: str) -> list[EventMention]:
    return [e for e in read_events(nlp, text, PUBLISHED) if e.modality is None]


def _sources(events: list[EventMention]) -> set[str]:
    return {link.name for e in events for link in e.claim.chain}


def _participants(events: list[EventMention]) -> set[str]:
    return {p.text for e in events for p in e.participants}


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        (
            "Four men from the village of Kafr Nabl north of the Syrian city of Idlib were "
            "killed by artillery shells on Monday.",
            "Four men",
        ),
        (
            "Three women from the besieged town of Madaya west of the Syrian capital Damascus "
            "were killed after being hit by artillery shells on Thursday evening.",
            "Three women",
        ),
    ],
)
def test_a_nationality_qualifying_a_place_is_not_the_victims(
    domain_nlp: Language, text: str, victims: str
) -> None:
    found = _participants(_told(domain_nlp, text))
    assert victims in found
    assert "Syrian" not in found


def test_a_body_the_tagger_left_without_a_verb_still_speaks(domain_nlp: Language) -> None:
    # "SOHR" tagged an adverb: the reporting verb had no subject
    text = (
        "SOHR added that at least nine residents of the village were killed by government "
        "forces after they retook the area."
    )
    assert "SOHR" in _sources(_told(domain_nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "At least 12 soldiers died in the blast near the airport the Syrian Observatory for "
        "Human Rights claimed on Friday.",
        "At least 30 people were killed when a fuel depot blew up in the Bustan district after "
        "shelling the Britain-based Syrian Observatory for Human Rights claimed on Monday.",
    ],
)
def test_a_body_that_claims_at_the_sentence_end_is_the_source(
    domain_nlp: Language, text: str
) -> None:
    events = _told(domain_nlp, text)
    assert events and all(e.claim.stance == "reports" for e in events)
    assert "Syrian Observatory for Human Rights" in _sources(events)


def test_an_attack_claimed_by_a_group_is_still_the_articles_own_report(
    domain_nlp: Language,
) -> None:
    text = "Five soldiers were killed in a suicide attack claimed by the Nusra Front on Thursday."
    events = _told(domain_nlp, text)
    assert events and all(e.claim.stance == "asserts" for e in events)
    assert "Nusra Front" in _participants(events)


@pytest.mark.parametrize(
    "text",
    [
        "The air strikes hit a bakery in the town of Maarat before dawn killing four people.",
        "Rebel rockets hit the hospital in the old city killing four people.",
    ],
)
def test_a_past_spelled_as_its_present_is_no_habit(domain_nlp: Language, text: str) -> None:
    events = read_events(domain_nlp, text, PUBLISHED)
    assert events and not [e for e in events if e.modality == "habitual"]
    assert any(e.casualties and e.casualties.killed == 4 for e in events if e.modality is None)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "The monitor said on Monday that rebels in southern Daraa were threatening to shell "
            "three villages they have besieged with missiles if barrel bombs were dropped again "
            "by the army.",
            "bombs",
        ),
        (
            "The militia will attack the checkpoint unless the soldiers withdraw by Friday.",
            "attack",
        ),
    ],
)
def test_a_happening_in_a_condition_is_not_told(
    domain_nlp: Language, text: str, trigger: str
) -> None:
    assert not [e for e in _told(domain_nlp, text) if e.trigger == trigger]


def test_an_if_that_asks_is_no_condition(domain_nlp: Language) -> None:
    text = "It was unclear if the air strikes on the market were carried out by Russian jets."
    assert [e for e in _told(domain_nlp, text) if e.trigger == "strikes"]


def test_what_sometimes_happens_is_a_habit(domain_nlp: Language) -> None:
    text = (
        "The Nusra Front controls most of the Orontes valley and tensions between regime and "
        "Druze forces have sometimes led to armed clashes in spite of their common enemy."
    )
    found = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.trigger == "clashes"]
    assert found and all(e.modality == "habitual" for e in found)


def test_a_claim_of_a_clause_the_parse_cut_is_a_claim(domain_nlp: Language) -> None:
    # the parse made "Daesh fighters" the object of "claimed" and hung "killed" on them
    text = "The Amaq news agency claimed Daesh fighters killed 25 army soldiers in the attack."
    events = _told(domain_nlp, text)
    assert events and all(e.claim.stance == "reports" for e in events)
    assert any("Amaq" in name for name in _sources(events))


def test_the_doer_of_similar_attacks_is_not_the_doer_of_this_one(domain_nlp: Language) -> None:
    text = (
        "There was no immediate claim of responsibility for the attack but Jabhat Fateh "
        "al-Sham and the Islamic State group have carried out similar attacks in the past."
    )
    told = [e for e in _told(domain_nlp, text) if e.trigger == "attack"]
    assert not any(p.role == "actor" for e in told for p in e.participants)


def test_people_harmed_due_to_an_attack_are_its_victims(domain_nlp: Language) -> None:
    # a headline run into its body: "due to" opens the attack's phrase, which the parse made
    # the participle's object, reading the harmed as the ones who harmed
    text = (
        "Three farmers injured due to terrorist rocket attack in Hama Three farmers got injured "
        "on Monday when militants fired a rocket at the village according to SANA reporter."
    )
    events = _told(domain_nlp, text)
    actors = {p.text for e in events for p in e.participants if p.role in ("actor", "by")}
    assert events and not any("farmers" in a for a in actors)


@pytest.mark.parametrize(
    "text",
    [
        # the acronym in brackets sits between the name and its verb
        "Suicide bombers killed at least 25 soldiers and fighters loyal to the government and "
        "injured many more the Syrian Observatory for Human Rights (SOHR) said.",
        # the verb before its speaker, whose description runs on after the name
        "Four civilians were killed in the raid on the market on Friday said the Syrian "
        "Observatory for Human Rights a monitoring group based in Britain.",
    ],
)
def test_a_speaker_named_around_its_verb_at_the_end_is_the_source(
    domain_nlp: Language, text: str
) -> None:
    events = _told(domain_nlp, text)
    assert events and "Syrian Observatory for Human Rights" in _sources(events)


def test_a_joined_verb_of_saying_keeps_its_own_subject(domain_nlp: Language) -> None:
    text = "Rebels shelled the town of Mhardeh on Monday and said the Syrian Army had fled."
    events = _told(domain_nlp, text)
    assert events and not _sources(events) & {"Syrian Army", "the Syrian Army"}


def test_who_headed_a_team_somewhere_did_not_go_there(domain_nlp: Language) -> None:
    text = (
        "Evidence fades quickly said Markus Lindqvist who headed the UN team of arms inspectors "
        "in Libya in the 1990s."
    )
    assert not [e for e in read_events(domain_nlp, text, PUBLISHED) if e.type == "CONSULT"]
    assert [
        e
        for e in read_events(domain_nlp, "Markus Lindqvist headed to Tripoli on Monday.", PUBLISHED)
        if e.type == "CONSULT"
    ]


def test_a_participle_sharing_its_object_with_a_conjunct_is_active(domain_nlp: Language) -> None:
    # not a headline's passive: the militants killed, the civilians were killed
    text = (
        "Militants of the so-called Islamic State of Iraq and the Levant (ISIL) terrorist "
        "organization killed and crucified four civilians in Maadan town in Raqqa."
    )
    killed = [e for e in _told(domain_nlp, text) if e.trigger == "killed"]
    assert killed
    doers = {p.text for e in killed for p in e.participants if p.role in ("by", "actor")}
    victims = {p.text for e in killed for p in e.participants if p.role == "target"}
    assert not victims & {"Islamic State of Iraq and the Levant", "Militants"}
    assert doers
