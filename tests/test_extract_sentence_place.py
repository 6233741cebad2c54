"""A violent mention's place from its sentence (`extract.merge.place_from_sentence`): a name
after "the city of" or "the province of", the whole of a name cut at its hyphenated article
("Deir ez-Zor"), never a number the tagger took for a place. Sentences written for sitrep."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.nlp.pipeline import shipped_model_path

if not (shipped_model_path() / "config.cfg").is_file():
    pytest.skip("no trained pipeline in src/sitrep/models/sitrep_en", allow_module_level=True)


def _places(nlp: Language, sentence: str) -> list[str]:
    events = extract_events("d", nlp(sentence), "2016-05-04", None, None).events
    return [e.place.text for e in events if e.type in ("ASSAULT", "DIE") and e.place]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # the noun before "of" says the name is a place, whatever stands before it
        ("A car bomb killed 12 people in the largely Kurdish-held city of Qamishli in "
         "northeastern Syria on Monday.", "Qamishli"),
        ("A bomber killed 20 people on Monday in an attack on a market in the northeastern "
         "Syrian province of Hasakeh.", "Hasakeh"),
        ("A car bomb killed seven people near the old market south of the Syrian capital "
         "Damascus on Monday.", "Damascus"),
        # a name cut at its article runs on to its end
        ("Shells fell on the city of Deir ez-Zor on Thursday, killing three civilians.",
         "Deir ez-Zor"),
        ("Clashes near Ain al-Arab killed 18 fighters on Sunday.", "Ain al-Arab"),
        # a word or two on what kind of town between the name before and "town of"
        ("A bomb killed a photographer in the Red Sea port town of Mokha on Monday.", "Mokha"),
    ],
)  # fmt: skip
def test_the_sentence_place(domain_nlp: Language, sentence: str, place: str) -> None:
    assert place in _places(domain_nlp, sentence)


def test_a_number_is_no_place(domain_nlp: Language) -> None:
    sentence = "Seventy-six people including 28 children were killed in barrel bomb attacks."
    assert not any("Seventy" in p for p in _places(domain_nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # commas stripped: the name does not run on into an agency or a nationality
        ("Troops killed 9 gunmen in an attack on their positions in Tal Abyad SANA news agency "
         "reported on Friday.", "Tal Abyad"),
        ("At least 14 civilians were killed in air strikes on the besieged city of Homs Syrian "
         "activists said.", "Homs"),
    ],
)  # fmt: skip
def test_a_name_ends_where_the_next_words_begin(
    domain_nlp: Language, sentence: str, place: str
) -> None:
    assert place in _places(domain_nlp, sentence)


def test_the_first_word_of_a_longer_name_is_no_place(domain_nlp: Language) -> None:
    """The gazetteer knows "Khan" alone; "Khan Tabbakh" is another name, so no place from it."""
    from sitrep.extract.merge import gazetteer_place

    doc = domain_nlp("Rockets hit Khan Tabbakh on Monday, killing 2 people.")
    found = gazetteer_place(doc, next(iter(doc.sents)), [])
    assert found is None or found.text != "Khan"


def test_a_town_the_fighters_move_towards_is_not_the_place(domain_nlp: Language) -> None:
    sentence = (
        "Jets pounded positions near the front on Sunday to stop rebels advancing towards the "
        "town of Maarzaf."
    )
    assert "Maarzaf" not in _places(domain_nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a hyphenated modifier between the place word and the name; a region of a country
        # gives way to the province the sentence names
        "Air strikes that hit a clinic in rebel-held Hama province in central Syria killed 9.",
        "Airstrikes on Syrias opposition-held Hama province hit a bakery, killing 14 people.",
    ],
)
def test_the_province_not_the_region(domain_nlp: Language, sentence: str) -> None:
    places = _places(domain_nlp, sentence)
    assert places and all("Hama" in p for p in places), places


def test_a_name_after_its_article_is_not_cut(domain_nlp: Language) -> None:
    sentence = "Shells fell on the neighbourhood of al-Zuhour, killing 3 people."
    assert "Zuhour" not in _places(domain_nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "not_place"),
    [
        # a country that describes the attack is who struck, not where
        ("Twenty villagers were killed in French airstrikes on the eastern province of Kunar "
         "said a local official.", "French"),
        ("At least nine fishermen have been killed in US airstrikes on the country's western "
         "coast, a monitor says.", "US"),
        # a name the gazetteer does not know that describes the dead is no place
        ("More than 60 Zorvani insurgents have been killed in three days of fighting across the "
         "country.", "Zorvani"),
        # a happening's name is not a place
        ("The opposition blamed the army for the Harmel Massacre that claimed the lives of 40 "
         "people on Friday.", "Harmel Massacre"),
    ],
)  # fmt: skip
def test_a_name_that_describes_the_attack_or_the_dead_is_no_place(
    domain_nlp: Language, sentence: str, not_place: str
) -> None:
    assert not_place not in _places(domain_nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # a town that describes the attack is where it was
        ("Last month a Kandahar car bombing killed six people and wounded 40.", "Kandahar"),
        # a name describing another noun still places it
        ("Jets killed 12 fighters in a wave of raids on the group in its Raqqa stronghold.",
         "Raqqa"),
    ],
)  # fmt: skip
def test_a_town_that_describes_the_attack_places_it(
    domain_nlp: Language, sentence: str, place: str
) -> None:
    assert place in _places(domain_nlp, sentence)


def _placed(nlp: Language, sentence: str) -> list[tuple[str, str | None]]:
    events = extract_events("d", nlp(sentence), "2016-05-04", None, None).events
    return [(e.place.text, e.place.within) for e in events if e.place]


@pytest.mark.parametrize(
    ("sentence", "place", "within"),
    [
        # a suburb, a town, a village is named after "of", the place it lies in before
        ("Shelling on the Damascus suburb of Harasta killed 7 people on Monday.", "Harasta",
         "Damascus"),
        ("Air strikes on the Hama town of Kafr Zita killed 12 civilians on Sunday.", "Kafr Zita",
         "Hama"),
    ],
)  # fmt: skip
def test_a_suburb_of_a_city_is_the_suburb(
    domain_nlp: Language, sentence: str, place: str, within: str
) -> None:
    assert (place, within) in _placed(domain_nlp, sentence)


def test_where_a_thing_attacked_is_located_is_the_place(domain_nlp: Language) -> None:
    text = (
        "The group seized the gas fields located on the eastern outskirts of Homs province "
        "after killing at least 30 soldiers."
    )
    assert "Homs province" in _places(domain_nlp, text) or "Homs" in _places(domain_nlp, text)


@pytest.mark.parametrize(
    ("sentence", "place", "not_place"),
    [
        ("Two people were injured when gunmen located in Binnish fired mortar shells on the "
         "town of al-Fouaa on Friday.", "al-Fouaa", "Binnish"),
        ("Militants positioned in the Eastern Ghouta fired a rocket on the Abbasiyin quarter "
         "in Damascus on Friday, killing a woman.", "Abbasiyin", "Eastern Ghouta"),
    ],
)  # fmt: skip
def test_where_the_attackers_are_is_not_the_place(
    domain_nlp: Language, sentence: str, place: str, not_place: str
) -> None:
    places = _places(domain_nlp, sentence)
    assert place in places and not_place not in places, places


def test_an_attack_verb_with_an_object_makes_its_noun_the_actor(domain_nlp: Language) -> None:
    # parsed as a reduced relative ("organizations [that were] fired"), which an object rules out
    text = (
        "Terrorist organizations fired tens of shells on the residential neighborhoods in "
        "Aleppo city claiming the lives of 8 persons and injuring more than 58 others."
    )
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    actors = [p.text for e in events for p in e.participants if p.role in ("actor", "by")]
    assert "Terrorist organizations" in actors


def test_a_participle_without_an_object_stays_passive(domain_nlp: Language) -> None:
    text = "Forces sent by Iran arrived in Aleppo on Monday."
    events = extract_events("d", domain_nlp(text), "2016-05-04", None, None).events
    sent = [e for e in events if e.trigger == "sent"]
    assert sent and not any(p.text == "Forces" and p.role == "actor" for p in sent[0].participants)


@pytest.mark.parametrize(
    ("sentence", "place", "within"),
    [
        # the parse hangs the container on the verb and the town on the object: the happening
        # is in the town, and the town lies in the container
        ("Warplanes bombed a clinic in the town of Khan Tuman in southern rural Aleppo on "
         "Sunday, killing nine nurses.", "Khan Tuman", "Aleppo"),
        ("Jets struck a bakery in Ariha in Idlib province on Friday, killing 12.", "Ariha",
         "Idlib"),
    ],
)  # fmt: skip
def test_the_most_precise_place_the_sentence_puts_inside_the_verbs_own(
    domain_nlp: Language, sentence: str, place: str, within: str
) -> None:
    events = extract_events("d", domain_nlp(sentence), "2016-05-04", None, None).events
    placed = [e.place for e in events if e.type in ("ASSAULT", "DIE") and e.place]
    assert placed and all(p.text == place and p.within == within for p in placed), placed


def test_a_neighbourhood_no_text_locates_lies_in_the_city_told_before(
    domain_nlp: Language,
) -> None:
    # the Eastern Ghouta is where the gunmen are, and a region: the city is the one told before
    text = (
        "Rocket shells fell on residential neighbourhoods in Homs city on Friday. A police "
        "source said that gunmen positioned in the Eastern Ghouta targeted Bab Tadmur "
        "neighbourhood, killing two women."
    )
    events = extract_events("d", domain_nlp(text), "2016-11-18", None, None).events
    targeted = next(e for e in events if e.trigger == "targeted")
    assert targeted.place is not None
    assert (targeted.place.text, targeted.place.within) == ("Bab Tadmur", "Homs")
    # and the lede takes its source from that retelling, at a place inside its own
    lede = next(e for e in events if e.sentence == 0)
    assert [link.name for link in lede.claim.chain] == ["A police source"]
    # with no city before it, nothing locates it
    alone = extract_events(
        "d", domain_nlp("Gunmen targeted Bab Tadmur neighbourhood, killing two women."),
        "2016-11-18", None, None,
    ).events  # fmt: skip
    assert all(e.place is None or e.place.within is None for e in alone)


@pytest.mark.parametrize(
    ("sentence", "elsewhere"),
    [
        ("Hezbollah shelled rebel positions in retaliation for rocket fire that hit "
         "the town of Mhardeh.", "Mhardeh"),
        ("Jets bombed targets inside Syria in response to a mortar shell that landed in the "
         "Golan Heights on Saturday.", "Golan Heights"),
    ],
)  # fmt: skip
def test_where_the_happening_answered_was_is_not_the_place(
    domain_nlp: Language, sentence: str, elsewhere: str
) -> None:
    # The place of the fire that the strike answers is where that fire hit, not the strike.
    events = extract_events("d", domain_nlp(sentence), "2016-05-04", None, None).events
    answering = [e for e in events if e.trigger in ("shelled", "bombed")]
    assert answering, [(e.trigger, e.place) for e in events]
    assert all(e.place is None or e.place.text != elsewhere for e in answering), answering


def test_what_another_did_to_the_target_is_another_happening(domain_nlp: Language) -> None:
    # the relative clause tells what its own subject did to the village, months before: the
    # shelling takes neither its doer nor its month
    sentence = "The rebels shelled the Nubl village which the army had recaptured in February."
    events = extract_events("d", domain_nlp(sentence), "2016-05-04", None, None).events
    shelling = [e for e in events if e.trigger == "shelled"]
    assert len(shelling) == 1, [(e.trigger, e.participants) for e in events]
    assert [p.text for p in shelling[0].participants if p.role == "actor"] == ["The rebels"]
    assert shelling[0].time is None or shelling[0].time.start != "2016-02-01"


def test_where_the_dead_were_killed_is_the_same_happening(domain_nlp: Language) -> None:
    sentence = "Jets bombed the village of Kafr Hamra, where 14 civilians were killed."
    events = extract_events("d", domain_nlp(sentence), "2016-05-04", None, None).events
    violent = [e for e in events if e.type in ("ASSAULT", "DIE")]
    assert len(violent) == 1 and violent[0].casualties is not None, violent
    assert violent[0].casualties.killed == 14
