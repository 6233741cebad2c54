"""Where a happening is when the sentence also says where a group is, or names a line between
two places; who did an attack a participle of doing names after "by", or a verb of phase
("resumed its shelling") has as subject. Sentences written for sitrep, read with the shipped
pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventreading import read_events, roles
from sitrep.records import EventMention


def _violent(nlp: Language, text: str) -> EventMention:
    events = [e for e in read_events(nlp, text, "2017-04-10") if e.type in ("ASSAULT", "DIE")]
    assert len(events) == 1, [(e.type, e.trigger) for e in events]
    return events[0]


def _place(event: EventMention) -> str | None:
    return event.place.text if event.place is not None else None


def test_a_groups_branch_is_not_where_its_commander_was_killed(domain_nlp: Language) -> None:
    # "in Hama" tells which branch of the group he led; the body was found near Sarmin
    event = _violent(
        domain_nlp,
        "The commander of Faylaq al-Sham in Hama was killed on Friday and his body was found "
        "in farms near the village of Sarmin.",
    )
    assert _place(event) == "Sarmin"


def test_a_groups_place_still_places_what_no_other_place_does(domain_nlp: Language) -> None:
    event = _violent(domain_nlp, "ISIL in Raqqa executed five men on Sunday.")
    assert _place(event) == "Raqqa"


def test_a_place_the_tagger_took_for_a_group_is_still_a_place(domain_nlp: Language) -> None:
    # "the District of Douma" tagged as an organisation: the town, not a group's seat
    event = _violent(
        domain_nlp,
        "At least 13 civilians mostly women and children were killed and over 30 others were "
        "wounded on Saturday when regime forces bombed a popular market in the District of "
        "Douma in Rural Damascus with heavy artillery.",
    )
    assert _place(event) == "Douma"


def test_a_front_line_between_two_places_is_placed_at_them(domain_nlp: Language) -> None:
    # not at the river that only says which bridge
    event = _violent(
        domain_nlp,
        "Fighters tried to break the front line between Morek and the hills on the Orontes for "
        "a week but the army repelled the attacks.",
    )
    assert _place(event) == "Morek"


def test_an_attack_carried_out_by_someone_is_theirs(domain_nlp: Language) -> None:
    event = _violent(domain_nlp, "A raid launched by the coalition hit the village of Binnish.")
    assert ("actor", "the coalition") in roles(event)


def test_the_doer_told_after_a_comma_is_the_attacks(domain_nlp: Language) -> None:
    # the parse hangs "carried out by the Taliban" on "died", not on the ambush
    event = _violent(
        domain_nlp, "Twelve soldiers died in the ambush, reportedly carried out by the Taliban."
    )
    assert ("actor", "Taliban") in roles(event)


def test_who_announced_an_attack_did_not_make_it(domain_nlp: Language) -> None:
    event = _violent(
        domain_nlp,
        "Five people were killed in an attack on the town of Binnish, announced by the ministry.",
    )
    assert not {text for role, text in roles(event) if role == "actor"}


def test_who_resumes_a_bombardment_makes_it(domain_nlp: Language) -> None:
    event = _violent(domain_nlp, "The army resumed its shelling of Douma on Monday.")
    assert ("actor", "The army") in roles(event)


def test_a_clash_between_a_capital_and_a_group_is_not_at_the_capital(domain_nlp: Language) -> None:
    # "between" joins two parties here, not two places
    event = _violent(domain_nlp, "Clashes between Ankara and the PKK killed 17 soldiers on Sunday.")
    assert _place(event) != "Ankara"


def test_a_request_to_strike_strikes_nobody(domain_nlp: Language) -> None:
    for text in (
        "The ministry sent a request to resume air strikes on the town of Binnish.",
        "The army asked for authorisation to launch raids on the village of Hazima.",
    ):
        event = _violent(domain_nlp, text)
        assert not {t for role, t in roles(event) if role == "actor"}, text


def test_members_counted_from_a_body_name_the_body(domain_nlp: Language) -> None:
    # the tagger reads "Popular" as an adjective, so no entity names the side: the phrase
    # keeps the body its members are from, and no second victim is made of "fighters"
    event = _violent(
        domain_nlp,
        "Four fighters from the Popular committees in the Golan were martyred as a drone "
        "struck their post in the village on Sunday.",
    )
    targets = {text for role, text in roles(event) if role == "target"}
    assert "Four fighters from the Popular committees" in targets
    assert "fighters" not in targets and "Four fighters" not in targets


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Two fighters from Aleppo were killed in an air strike on Sunday.", "Aleppo"),
        # a front line, not a body
        ("Two soldiers from the front were killed in an air strike on Sunday.", "front"),
    ],
)
def test_members_from_a_place_are_not_a_body(domain_nlp: Language, text: str, where: str) -> None:
    event = _violent(domain_nlp, text)
    assert not any(where in name for role, name in roles(event) if role == "target")
