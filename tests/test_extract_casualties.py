"""Casualty counts in one sentence: a toll told in two groups is their sum, but a count after
a clause that already has its own casualty verb belongs to that next clause (often the wounded).
Sentences written for this test."""

from __future__ import annotations

import pytest

from sitrep.extract.casualties import find_casualties


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        # two groups, one verb: the toll is the sum
        ("The raid killed 40 fighters and nine civilians near the bridge.", 49, None),
        ("Six nurses and three medics were killed when the clinic was shelled.", 9, None),
        ("12 government and 15 opposition fighters have been killed since dawn.", 27, None),
        # the first group's verb closes its clause: the next count is not added to the toll
        ("Eight villagers were killed and more than 30 others got injured in the shelling.", 8, 30),
        ("4 people were killed and 11 others wounded in the blast at the market.", 4, 11),
        ("Seven civilians have been killed and around 20 injured following rocket fire.", 7, 20),
        # a headline without commas: the count before "others injured" is theirs
        ("3 people killed 19 others injured in rocket fire on the old city", 3, 19),
        # other ways of telling a toll
        ("The car bomb claimed the lives of 16 people outside the station.", 16, None),
        ("Shelling took the lives of at least 9 residents overnight.", 9, None),
        ("Troops killed a confirmed 21 gunmen in the valley.", 21, None),
        ("The raids killed a total of 64 fighters.", 64, None),
        # more dead told with their own verb: "others" are more of the dead, the toll their sum
        (
            "At least 9 people were killed in a district of the city while four others were "
            "killed in a nearby village.",
            13,
            None,
        ),
        ("Two men were killed while five others were wounded by the blast.", 2, 5),
        # a verb after "and" wounds its own object, not the dead counted before it
        ("The market bombing killed at least eight people and wounded dozens.", 8, None),
        ("Eleven people fell as martyrs and 40 others were wounded in the blast.", 11, 40),
        ("The fighting killed 30 soldiers from the garrison as well as 8 militants.", 38, None),
    ],
)
def test_a_toll_and_its_groups(sentence: str, killed: int, wounded: int | None) -> None:
    found = find_casualties(sentence)
    assert found is not None
    assert (found.killed, found.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed", "children"),
    [
        # a tens word and a unit word are one number, never the unit alone
        ("Sixty-three villagers were killed when the shells hit the square.", 63, None),
        ("Forty two fighters were killed in the ambush.", 42, None),
        ("Eighty-one people including 30 children were killed in the raids.", 81, 30),
        ("The shelling killed ninety-four civilians.", 94, None),
        # a unit glued to another word by a hyphen is no count
        ("The five-storey building collapsed and 3 people were killed.", 3, None),
    ],
)
def test_number_words(sentence: str, killed: int, children: int | None) -> None:
    found = find_casualties(sentence)
    assert found is not None
    assert (found.killed, found.children) == (killed, children)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # an execution is a killing
        ("The group executed at least 12 prisoners near the dam.", 12),
        # a killing named as a noun, with what it counts after "of"
        ("A video showed the execution of 17 shepherds near the dam.", 17),
        ("Residents mourned the massacre of 26 farm workers.", 26),
        # one person and N of his own, with "as well as"
        ("Troops killed a local commander as well as four of his bodyguards.", 5),
        # a count told as estimated to have been killed
        ("Over 300 are believed to have been killed in the siege.", 300),
        # who counted, told between the verb and its count
        ("Shells hit the market, killing according to the latest toll 31 people.", 31),
        ("Militants have executed around 40 villagers in the valley.", 40),
        # the group's own words between the count and its verb
        ("At least 9 fighters from the local defence militia were killed overnight.", 9),
        ("Some 27 members of the armed group were killed in the ambush.", 27),
        ("At least 12 people including a number of women were killed by the strikes.", 12),
        # a toll that rose, told after a long subject
        ("The death toll from the two car bombs near the old bus station in the city centre "
         "rose to 31 on Monday.", 31),
        # the dead counted as martyrs
        ("The blast hit the market leaving 14 martyrs and 40 others wounded.", 14),
        ("7 Iraqi martyrs were buried after the bombing.", 7),
    ],
)  # fmt: skip
def test_other_ways_of_telling_the_dead(sentence: str, killed: int) -> None:
    found = find_casualties(sentence)
    assert found is not None
    assert found.killed == killed


def test_the_wounded_are_not_the_dead() -> None:
    found = find_casualties("More than 40 people were hurt at least two killed in the blast.")
    assert found is not None
    assert (found.killed, found.wounded) == (2, 40)


def test_a_part_among_the_dead_is_not_the_toll() -> None:
    found = find_casualties("Nearly 30 children were among those killed when the bus was hit.")
    assert found is None or found.killed != 30


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops shelled the hideouts, killing a number of them and wounding others.",
        "Shells hit the house of one family were killed, residents said.",
    ],
)
def test_no_count_of_people(sentence: str) -> None:
    found = find_casualties(sentence)
    assert found is None or found.killed is None


def test_a_count_is_not_read_through_another() -> None:
    found = find_casualties("Get short URL 310 At least five people were killed in the blast.")
    assert found is not None and found.killed == 5


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # one person named or described, and N others: N + 1
        ("Troops raided the farm killing Abu Karim, a local commander, and six more gunmen.", 7),
        ("Her brother and 11 other fighters were killed in the ambush.", 12),
        ("Gunmen killed the mayor and two other officials on Monday.", 3),
        ("Omar Haddad, the head of a local brigade, and four of his men were killed.", 5),
        ("Three guards and two of their officers were killed in the blast.", 5),
        # a count for the first group makes it a sum, and the wounded are not the dead
        ("Jets killed four children and 10 other civilians.", 14),
        ("Two guards were killed and 10 other people were injured.", 2),
        # a part of the toll is not added to it
        ("Nine civilians including a woman and three children were killed in the raid.", 9),
    ],
)  # fmt: skip
def test_one_and_others(sentence: str, killed: int) -> None:
    found = find_casualties(sentence)
    assert found is not None and found.killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # an aside in brackets does not part a count from what it counts
        ("At least 31 IS (Daesh) fighters have been killed in the raids.", 31),
        # forces are people; beheading is killing
        ("At least 64 rebel and army forces have been killed in three days of fighting.", 64),
        ("The group beheaded five captured soldiers on Friday.", 5),
    ],
)  # fmt: skip
def test_asides_forces_and_beheadings(sentence: str, killed: int) -> None:
    found = find_casualties(sentence)
    assert found is not None and found.killed == killed
    assert found.text in sentence  # the words as the sentence has them, aside and all


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        # the day of a date is no count
        ("An earlier bombing at the same market on August 14 killed at least six people.", 6, None),
        ("Shelling on 19 March killed nine residents and wounded 30.", 9, 30),
        ("Three days ago more than 11 were dead and 40 others injured.", 11, 40),
        # a title's words run on, its commas gone: the wounded word claims the count before it
        ("Eight Soldiers Killed 41 Injured in Ambush Near Hama", 8, 41),
        ("At least 20 Villagers killed More than 90 Injured in Shelling", 20, 90),
        # unless a count of its own follows it
        ("the car bomb killed 6 wounded 19 more", 6, 19),
    ],
)  # fmt: skip
def test_dates_and_run_on_titles(sentence: str, killed: int, wounded: int | None) -> None:
    found = find_casualties(sentence)
    assert found is not None and (found.killed, found.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # "a" or "an" counts one person only: an operation, an attack or an estimate is none
        ("Troops executed a sweeping operation against the hideouts in the hills.", None),
        ("Doctors examined victims of an attack which killed dozens in the valley.", None),
        ("The army said it killed an estimated at least 40 gunmen near the dam.", 40),
        ("The patrol killed a senior local commander at the crossing.", 1),
        ("A rocket on the airbase killed a foreign contractor on Friday.", 1),
        # "N of their" counts their people, never their things
        ("Several gunmen were killed in the raid and one of their trucks was burnt.", None),
        ("The strike killed a field commander and three of his escorts near the farm.", 4),
        # a count before a told clause is not summed with the next group
        ("Of the 25 buses 14 were burnt and 9 passengers were killed on the road.", 9),
        # the dead told as lives lost, or as lives claimed without "the"
        ("At least 40 residents have lost their lives in the shelling of the valley.", 40),
        ("The strike claimed lives of six farmers in the orchard.", 6),
        # the group's own words, however long, between the count and its verb
        ("At least 12 members of the armed faction based in the eastern hills were killed "
         "overnight.", 12),
    ],
)  # fmt: skip
def test_what_a_count_counts(sentence: str, killed: int | None) -> None:
    found = find_casualties(sentence)
    assert (found.killed if found else None) == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        # each person a coordinated "a" names counts one
        ("A mortar shell hit the town injuring a woman and a girl.", None, 2),
        ("The strike killed a farmer, a teacher and an elderly man on Monday.", 3, None),
        # the kin a possessive names are people told one by one as well
        ("The shelling killed a man and his young daughter.", 2, None),
        ("A mother and her four children were killed when a shell hit their home.", 5, None),
        ("Rockets killed a farmer and his two sons as well as a shepherd.", 4, None),
        ("Gunmen killed a soldier and wounded a civilian.", 1, 1),
    ],
)  # fmt: skip
def test_people_named_one_by_one(sentence: str, killed: int | None, wounded: int | None) -> None:
    found = find_casualties(sentence)
    assert found is not None and (found.killed, found.wounded) == (killed, wounded)


def test_one_wounded_described_with_an_age() -> None:
    # a word with digits between "a" and the person ("a 10-year-old boy") still counts one
    found = find_casualties("Shells hit the school wounding a 10-year-old boy in the yard.")
    assert found is not None and (found.killed, found.wounded) == (None, 1)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a number word and its multiplier are one number
        ("Two hundred fighters were killed in the month-long siege.", 200),
        ("The garrison lost over one hundred soldiers in the assault on the hill.", 100),
        ("A hundred villagers died when the dam burst under the shelling.", 100),
        # a side's dead told as what it lost
        ("The militia has lost at least 35 fighters since the offensive began.", 35),
        # two sides' dead in one toll, each told "among" its side
        ("There were 12 dead among the defenders and 30 among the attackers, a monitor said.", 42),
        # the part told between dashes (commas stripped) stands aside from the sum
        ("Shelling left 20 residents - including six children - and 9 guards dead.", 29),
        ("Raids left 7 civilians - among them two women - and 4 Kurds dead.", 11),
        ("Fighting left 18 residents - including five children - dead in the old quarter.", 18),
        # a part's own count before "of them" is no toll
        ("Three people one of them a child killed in rocket fire on the market", 3),
    ],
)  # fmt: skip
def test_multipliers_sides_and_parts(sentence: str, killed: int) -> None:
    found = find_casualties(sentence)
    assert found is not None and found.killed == killed


@pytest.mark.parametrize(
    "sentence",
    [
        # a bound is not the lowest firm figure
        "The gas attack on the village left up to a hundred people dead, activists said.",
        "Up to 60 people may have been killed in the raids, a monitor said.",
        "As many as 40 fighters were killed in the clashes, according to unconfirmed reports.",
        # nor as the total its part belongs to
        "Up to 30 fighters including their commanders were killed near the dam.",
    ],
)
def test_a_bound_is_no_toll(sentence: str) -> None:
    found = find_casualties(sentence)
    assert found is None or found.killed is None


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a second group killed alongside the first
        ("At least 12 guards were killed along with four gunmen at the gate.", 16),
        # quotation marks and hyphens in the group's long name
        ('At least 21 members of the "Eastern Lions" and "Army of al-Ansar" brigades were killed '
         "in the valley.", 21),
        # the count of those who died, told as a number that became or reached a figure
        ("The number of residents who have been killed in the shelling has become about 30.", 30),
        # an aside between the count and its passive verb
        ("Over 75 people mostly women and children have so far been killed.", 75),
        # the group's words before "believed to have died"
        ("All six people on board the boat that sank off the coast are believed to have died.", 6),
        # a part of a whole: the part died, the whole is no toll
        ("At least 7 of the 40 captives held by the group were executed.", 7),
        ("Nine of the 120 hostages have been beheaded, a witness said.", 9),
        # shot dead is killed; a headline's verb in the third person
        ("Guards shot dead three gunmen at the checkpoint.", 3),
        ("Army Eliminates 40 Militants in Southern Hills", 40),
    ],
)  # fmt: skip
def test_along_with_long_names_and_numbers_of_dead(sentence: str, killed: int) -> None:
    found = find_casualties(sentence)
    assert found is not None and found.killed == killed


def test_the_count_of_those_killed_is_not_the_killers() -> None:
    # an active "has killed" after a counted group: the group is not its dead
    found = find_casualties(
        "Some 40 residents near the dam say the militia has killed their herds."
    )
    assert found is None or found.killed is None


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        # a count of people after the death word is whom the first group killed
        ("Four gunmen killed at least three guards at the checkpoint on Sunday.", 3, None),
        ("Twelve suicide bombers killed 2 worshippers outside the shrine.", 2, None),
        # (a page's view counter before the body's first words is no count of the dead)
        ("Views 2210 The border guards stormed a camp and killed some 15 fighters.", 15, None),
        # a headline without commas: the second count is the wounded, the first the dead
        ("6 soldiers killed 4 wounded in an ambush near the crossing", 6, 4),
        ("6 soldiers killed 4 others wounded in an ambush near the crossing", 6, 4),
    ],
)
def test_the_killers_count_is_not_the_toll(sentence: str, killed: int, wounded: int | None) -> None:
    found = find_casualties(sentence)
    assert found is not None
    assert (found.killed, found.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a part of the dead is no toll of its own ...
        ("One of those killed was a local council member, the monitor said.", None),
        ("At least seven of the dead were children, a medic said.", None),
        # ... unless a happening of its own took that part
        ("The official said six of the dead were killed in shelling on the old market.", 6),
        ("Eight of the dead came in strikes near the bakery, the monitor said.", 8),
    ],
)
def test_a_part_of_the_dead(sentence: str, killed: int | None) -> None:
    found = find_casualties(sentence)
    assert (found.killed if found else None) == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a vague toll with a counted part: the part is the lowest firm figure
        (
            "Dozens of people have been killed in shelling on the city a monitor said on Friday "
            "including at least 17 people in one district.",
            17,
        ),
        ("Hundreds of fighters have died in the battle for the hill including 40 officers.", 40),
        # a part not counted, or a vague toll of the wounded, gives none
        ("Dozens of people were killed including children in the raid.", None),
        ("Scores of people were wounded including 9 children.", None),
    ],
)
def test_a_vague_toll_with_a_counted_part(sentence: str, killed: int | None) -> None:
    found = find_casualties(sentence)
    assert (found.killed if found else None) == killed


def test_a_time_phrase_is_no_words_between_a_count_and_its_verb() -> None:
    # "in the past week" is one time phrase, its "in the" included: the part of the captives
    # still reaches its verb across the description of where they were taken
    found = find_casualties(
        "At least 9 of the 200 hostages taken by the militants in hill villages near Hasaka "
        "in the past week have been shot beheaded or both, the church said."
    )
    assert found is not None and found.killed == 9


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("The clinic's director said it had counted six deaths and 41 injuries by noon.", 6, 41),
        ("The monitor said 11 civilian fatalities were recorded in the town.", 11, None),
        ("In the square a man was beaten to death by the gunmen, witnesses said.", 1, None),
        ("Three men were stoned to death after a summary trial, the group said.", 3, None),
    ],
)
def test_deaths_injuries_and_killings_to_death_are_counted(
    sentence: str, killed: int | None, wounded: int | None
) -> None:
    found = find_casualties(sentence)
    assert found is not None
    assert (found.killed, found.wounded) == (killed, wounded)
