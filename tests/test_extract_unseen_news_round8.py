"""What an eighth round of FA-KES articles outside the events gold taught (session 26): "not
only" adds and negates nothing, the dead a breakdown counts ("of those killed six were
children") are no toll of their own, a scene whose verb the tagger read as a noun is still a
caption, what an allegation says is hedged, and another story's headline printed after a
photo's credit is furniture. Sentences written for sitrep, read with the shipped pipeline where
the parse matters."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventreading import read_events
from sitrep.extract.arguments import Slot
from sitrep.extract.attribution import _nearest_subject_first
from sitrep.extract.furniture import furniture_spans
from sitrep.extract.schema import load_claim_cues
from sitrep.records import EventMention

PUBLISHED = "2016-11-21"


def _told(nlp: Language, text: str) -> list[EventMention]:
    return [e for e in read_events(nlp, text, PUBLISHED) if e.modality is None]


def _masked(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in furniture_spans(text)]


def test_not_only_negates_nothing(domain_nlp: Language) -> None:
    text = (
        "Government jets bombed rebel posts in Kafr Zita on Saturday, raids which not only "
        "killed eight fighters but also destroyed two tanks."
    )
    told = _told(domain_nlp, text)
    assert told and not any(e.negated for e in read_events(domain_nlp, text, PUBLISHED))
    text = "Government jets did not bomb rebel posts in Kafr Zita on Saturday."
    assert all(e.negated for e in read_events(domain_nlp, text, PUBLISHED))


def test_the_dead_a_breakdown_counts_are_no_toll_of_their_own(domain_nlp: Language) -> None:
    text = (
        "Rockets hit the town of Binnish on Tuesday, killing 31 people, medics said. "
        "Of those killed eleven were women."
    )
    tolls = [e.casualties.killed for e in _told(domain_nlp, text) if e.casualties]
    assert tolls == [31]


@pytest.mark.parametrize(
    "text",
    [
        "A girl breathes through an oxygen mask at a clinic in Saraqib after the gas attack.",
        "A boy sleeps in a tent at a camp near Azaz after the shelling of his village.",
    ],
)
def test_a_scene_in_the_present_is_a_caption(domain_nlp: Language, text: str) -> None:
    assert not _told(domain_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "A monitor found no evidence to support the allegation that members of the Nusra Front "
        "were meeting in the school.",
        "Inspectors came to investigate allegations that the regime launched a chemical attack "
        "on Douma on Monday.",
    ],
)
def test_what_an_allegation_says_is_told_hedged(domain_nlp: Language, text: str) -> None:
    # the happening is still coded (the gold's guidelines: "even when it is only reported,
    # hedged or denied"), its claim hedged
    mentions = read_events(domain_nlp, text, PUBLISHED)
    assert mentions and all(e.claim.hedged and not e.negated for e in mentions)


def test_a_headline_after_a_photo_credit_is_furniture() -> None:
    text = (
        "Jets struck the town, the ministry said. AP Photo Hadi Mizban Over 30 Militants "
        'Killed in Army Raids in Hama Province "Over the past day the air force struck 12 '
        'targets," the spokesman said.'
    )
    masked = " ".join(_masked(text))
    assert "Over 30 Militants Killed in Army Raids in Hama Province" in masked
    assert "Over the past day" not in masked


def test_a_credit_before_the_story_masks_no_story() -> None:
    text = "REUTERS/Omar Sanadiki The Syrian Army Said It Killed dozens of fighters in Hama."
    masked = " ".join(_masked(text))
    assert "fighters" not in masked
    text = "AP Photo Hadi Mizban Syrian army soldiers killed 12 fighters in Hama on Monday."
    assert "soldiers" not in " ".join(_masked(text))


def test_a_noun_tagged_a_present_verb_tells_no_habit(domain_nlp: Language) -> None:
    # "bomb" in "barrel bomb attacks" read as a verb in the present, with no subject
    text = (
        "At least nine civilians were killed in regime barrel bomb attacks in the town of "
        "Kafr Nabl, a monitor said."
    )
    bombings = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.type == "ASSAULT"]
    assert bombings and all(e.modality is None for e in bombings)
    # a present with its subject is still a habit
    text = "The coalition conducts strikes in Raqqa province."
    assert all(e.modality == "habitual" for e in read_events(domain_nlp, text, PUBLISHED))


def test_a_retelling_places_no_happening_outside_its_country(domain_nlp: Language) -> None:
    text = (
        "The envoy called for a strong response to an August 21 chemical attack in Syria. "
        "Washington and Paris say forces loyal to the government were behind the attack."
    )
    places = {e.place.text for e in read_events(domain_nlp, text, "2013-09-08") if e.place}
    assert "Washington" not in places
    text = (
        "An air strike on a market in northern Syria killed 12 people on Monday. "
        "The strike hit the town of Atareb west of Aleppo, medics said."
    )
    lede = read_events(domain_nlp, text, PUBLISHED)[0]
    assert lede.place is not None and lede.place.text == "Atareb"


def test_a_place_after_an_attack_did_not_do_it(domain_nlp: Language) -> None:
    text = (
        "Diplomats argued on Wednesday about who launched a chemical attack in Syria that "
        "killed 64 people."
    )
    mentions = read_events(domain_nlp, text, PUBLISHED)
    doers = {p.text for e in mentions for p in e.participants if p.role in ("actor", "by")}
    assert mentions and "Syria" not in doers
    assert any(e.place is not None and e.place.text == "Syria" for e in mentions)


def test_a_subject_inside_a_quote_whose_opening_was_lost_does_not_speak() -> None:
    # the parse the shipped model gave such a sentence ("... and wounded dozens of others" said
    # NAME director of ...): two subjects of "said", the quote's before its closing mark
    words = ["It", "killed", "14", "and", "wounded", "dozens", '"', "said", "Omar", "Haddad"]
    heads = [1, 7, 1, 5, 5, 7, 5, 7, 9, 7]
    deps = ["expl", "ccomp", "obj", "cc", "amod", "nsubj", "punct", "ROOT", "compound", "nsubj"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=[*["X"] * 9, "PROPN"])
    said = doc[7]
    slots = [Slot("subject", doc[5])]
    chosen = _nearest_subject_first(slots, said, load_claim_cues())
    assert [s.head.text for s in chosen] == ["Haddad"]
    # the name after the verb misread as its clause ("said Omar Haddad director of ...")
    misread = ["ccomp" if i == 9 else d for i, d in enumerate(deps)]
    doc = Doc(Vocab(), words=words, heads=heads, deps=misread, pos=[*["X"] * 9, "PROPN"])
    chosen = _nearest_subject_first([Slot("subject", doc[5])], doc[7], load_claim_cues())
    assert [s.head.text for s in chosen] == ["Haddad"]
    # without the closing mark the subject before the verb speaks
    words[6] = ","
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    chosen = _nearest_subject_first([Slot("subject", doc[5])], doc[7], load_claim_cues())
    assert [s.head.text for s in chosen] == ["dozens"]


def test_a_happening_named_with_the_and_of_is_no_habit(domain_nlp: Language) -> None:
    text = "The sources said that the seizure of Tal Rifaat puts the Kurdish forces near Azaz."
    seized = [e for e in read_events(domain_nlp, text, PUBLISHED) if e.trigger == "seizure"]
    assert seized and seized[0].modality is None
