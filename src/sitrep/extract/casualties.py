"""Casualty counts in a sentence, ACLED-like: killed, wounded, civilians, children, women.

Regular expressions over the sentence text: counts sit in a handful of fixed phrasings
("killed at least 16 people", "22 people were killed", "including 4 children", "the death toll
... reached 112"), and FA-KES-style copy without commas ("1500") reads the same.
"""

from __future__ import annotations

import re

from sitrep.extract.nouns import NUMBER_WORDS
from sitrep.nlp.types import person_nouns
from sitrep.records import Casualties

_WORDS = NUMBER_WORDS
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "Thirty-five", "ninety two": a tens word and a unit word are one number, never the unit alone
# (read alone, "Ninety-two civilians were killed" gave a toll of 2).
_COMPOUND = rf"(?:{'|'.join(_TENS)})[- ](?:{'|'.join(_UNITS)})\b"
_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
_MULTIPLIERS = {"hundred": 100, "thousand": 1000}
# "two hundred", "one hundred", "a thousand": a number word and its multiplier are one number
# (read alone, "lost over one hundred militants" had no count, "two hundred" was 100)
# (the multiplier an optional tail of the word, so each word is tried once)
_MULTIPLIED = rf"(?:\s+(?:{'|'.join(_MULTIPLIERS)})(?![\w-]))?"
_N = (
    rf"(?<![\w-])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|"
    rf"(?:{_COMPOUND}|(?:{_WORD})(?![\w-])){_MULTIPLIED})"
)
# "a dozen", "some thousands", "hundreds of": a vague multiplier follows, so the word is no count.
# "a number of them", "a few", "one family": no count of people either.
_N += r"(?!\s+(?:dozens?|hundreds?|thousands?|scores?|number|few|couple|family|families)\b)"
_N2 = _N.replace("(?P<n>", "(?P<m>")  # a second count in one pattern
# "killed 14 people 25 were wounded" (commas stripped): a number told as wounded is no toll.
# "killed 58 others injured" too: "others" opens a new group, so the count is theirs.
# "killed More than 150 Injured" (a title's words run on): the count the wounded word follows
# is theirs, unless a count of its own follows it ("killed 5 wounded 10").
_NOT_WOUNDED = (
    r"(?!\s+(?:[^\W\d]\w*\s+){0,2}?(?:were|was|are|have been)\s+(?:wounded|injured|hurt)\b)"
    r"(?!\s+(?:others|more)\s+(?:[^\W\d]\w*\s+)?(?:wounded|injured|hurt)\b)"
    r"(?!\s+(?:wounded|injured|hurt)\b(?!\s+(?:at least |more than |over |about )?\d))"
)
_QUALIFIER = (
    r"(?:at least |some |about |around |nearly |almost |more than |over |up to |an estimated |"
    r"a total of |a confirmed |a reported |all )"
)
# (two may stack: "killed an estimated at least 50 militants", "a total of more than 40")
_Q = rf"(?:{_QUALIFIER}){{0,2}}"
# words between a count and its verb, or between a count and what it counts, hold no other
# count or casualty verb ("URL 124 At least four people", "30 were injured at least 3 killed")
_NUMBER_WORDS = "|".join(w for w in _WORDS if w not in ("a", "an"))  # "including a number of"
# (nor an active "has killed": "100 fighters ... the coalition has killed" counts whom it
# killed, not its own dead; nor "of them": "17 people were killed two of them ambulance crew"
# counts a part of the dead, not whom they killed)
_NOT_BETWEEN = (
    r"(?!(?:among|injured|wounded|hurt|killed|dead|least|more|than|them|whom|"
    + _NUMBER_WORDS
    + r")\b|(?:has|have|had)\s+(?:[^\W\d]\w*\s+)?(?:killed|executed|beheaded|slain)\b)"
)
# Who a count counts: the words of war reporting, and the nouns for people of every trade the
# treebank's entity layer names ("six teachers", "two nurses"; `person_nouns`).
_WAR_PEOPLE = frozenset(
    {
        "people", "persons", "civilians", "soldiers", "fighters", "militants", "rebels",
        "members", "children", "women", "troops", "men", "servicemen", "personnel", "others",
        "insurgents", "jihadists", "terrorists", "gunmen", "policemen", "students", "worshippers",
        "citizens", "residents", "guards", "staff", "volunteers", "medics", "workers",
        "journalists", "officers", "officials", "forces", "commanders", "passengers", "pilgrims",
        "detainees", "prisoners", "villagers", "farmers", "protesters", "demonstrators",
        "combatants", "hostages", "captives", "mercenaries", "militiamen", "extremists",
        "conscripts", "recruits", "loyalists", "minors", "airmen", "sailors", "crewmen",
    }
)  # fmt: skip


_Trie = dict[str, "_Trie"]


def _longest_first(words: frozenset[str]) -> str:
    """An alternation of `words` that prefers the longest at a position ("members" over
    "men"), written as a tree of shared prefixes: Python's regex engine tries a flat list of
    seven hundred words one by one at every position, a tree only along one branch."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: _Trie) -> str:
        longer = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not longer:
            return ""
        body = "|".join(longer) + ("|" if "" in node else "")  # the end tried last
        return f"(?:{body})"

    return branch(tree)


_PEOPLE = _longest_first(_WAR_PEOPLE | person_nouns())
_WHO = r"(?:" + _NOT_BETWEEN + r"[^\W\d]\w*(?:-| +)){0,4}?" + _PEOPLE
# "three suicide bombers killed at least two people": a count of people after the death word
# is whom the first group killed, so the first count is the killers, not the dead ("5 soldiers
# killed 3 wounded", a headline without commas, still reads 5)
_KILLERS_NOT_DEAD = rf"(?!\s+{_Q}{_N2}\s+{_WHO}\b{_NOT_WOUNDED})"
_BE = r"(?:were |have been |had been |was |are |being )"
# "23 civilians - including nine children - and 16 fighters dead", "leaving 23 civilians -
# including nine children - dead": the part told between dashes (commas stripped) stands aside
# from the count it belongs to
_DASH = r"[-\u2013\u2014]"
_DASH_PART = (
    rf"(?:\s+{_DASH}\s+(?:including|among\s+them|of\s+whom)\b[^-\u2013\u2014.;]{{1,60}}?"
    rf"\s+{_DASH})?"
)
# One person, as "a" or "one" counts: "killed a woman", "killing a notorious local commander".
_ONE_PERSON = (
    r"(?:person|man|woman|child|boy|girl|baby|infant|teenager|youth|soldier|civilian|fighter|"
    r"officer|policeman|guard|journalist|reporter|photographer|cameraman|activist|commander|"
    r"leader|chief|emir|member|militant|terrorist|rebel|jihadist|gunman|insurgent|pilot|doctor|"
    r"nurse|medic|paramedic|student|teacher|worker|resident|citizen|farmer|shepherd|driver|"
    r"official|general|colonel|brigadier|major|captain|lieutenant|sergeant|father|mother|son|"
    r"daughter|brother|sister|husband|wife|elder|cleric|imam|priest|sheikh|mayor|judge|prisoner|"
    r"detainee|hostage|volunteer|aid worker|defector|bomber|sniper|contractor|adviser|advisor|"
    r"trooper|marine|serviceman|militiaman|policewoman|diplomat|engineer|protester|demonstrator|"
    r"worshipper|pilgrim|passenger|refugee|smuggler|suspect)"
)
# "a"/"an" is a count only where one person follows within a few words ("executed a special
# operation", "an attack which killed dozens", "killed an estimated 50": none is one dead)
# ("a 9-year-old girl": a word between may hold digits, a bare number may not)
_ONE_AFTER = re.compile(rf"\s+(?:(?!\d+\s)[\w-]+\s+){{0,3}}?{_ONE_PERSON}\b", re.I)
# "injuring a woman and a girl": each person a coordinated "a" or "one" names is one more
_AND = r"(?:,|,?\s+and|\s+as\s+well\s+as)"
_AND_ONE_MORE = re.compile(rf"{_AND}\s+(?:a|an|one|another){_ONE_AFTER.pattern}", re.I)
# "a man and his two sons", "a woman and her daughter": the kin a possessive names, counted
_KIN = r"(?:children|sons|daughters|brothers|sisters|wives|parents|grandchildren|relatives)"
_AND_KIN = re.compile(
    rf"{_AND}\s+(?:his|her|their)\s+(?:{_N.replace('(?P<n>', '(?P<k>')}\s+{_KIN}|"
    rf"(?:[\w-]+\s+)?{_ONE_PERSON})\b",
    re.I,
)
# "killing according to the latest toll 44 civilians": who counted, told between the verb and
# its count (a few words, no number among them)
_COUNTED_BY = r"(?:according\s+to\s+(?:[^\W\d]\w*\s+){1,4}?)?"
# "125 terrorists at least were killed", "50 terrorists most of them from the group were
# killed": a qualifier told after the people counted, or an aside on most of them, stands aside
# from the count ("them" is otherwise no word between: "17 killed two of them medics")
_POST_PART = r"(?:\s+at\s+least|\s+(?:most|many|all|some)\s+of\s+(?:them|whom))?"
_KILLED = (
    re.compile(
        # ("shoot dead six bombers": shot dead is killed; "of those killed six were children"
        # is a part of the dead, no toll)
        rf"(?<!\bthose\s)(?<!\bthe\s)\b(?:killed|killing|kills|kill|eliminated|eliminating|eliminates|eliminate|executed|"
        rf"executing|executes|execute|beheaded|beheading|beheads|behead|"
        rf"(?:shot|shoot|shoots|shooting)\s+dead)\s+{_COUNTED_BY}{_Q}{_N}\b"
        rf"{_NOT_WOUNDED}",
        re.I,
    ),
    re.compile(
        # "18 jihadists from the Islamic State group were killed": the group's words between,
        # up to twelve ("30 militants of the group operating in Iraq and Syria were killed",
        # "33 members of the Islamic State in Iraq and Levant and al-Nusra Front organizations
        # were killed") ("70 children were among those killed" is a part of the toll, not the
        # toll; "30 were injured at least three killed": the words between hold no other count
        # or verb)
        rf"\b{_Q}{_N}\s+{_WHO}{_DASH_PART}{_POST_PART}\s+"
        rf"(?:{_NOT_BETWEEN}[^\W\d][\w-]*\s+){{0,12}}?{_BE}?"
        # ("25 people fell as martyrs": the dead, in the words of the state media)
        r"(?:killed|dead|died|slain|massacred|executed|martyred|lost\s+their\s+lives|"
        r"fell\s+(?:as\s+)?martyrs|(?:stoned|beaten|burned|burnt|tortured)\s+to\s+death)\b"
        + _KILLERS_NOT_DEAD,
        re.I,
    ),
    # "Between 500 and 1300 people died": the range's lowest figure (its top is no firm count)
    re.compile(
        rf"\bbetween\s+{_N}\s+and\s+{_N2}\s+(?:{_WHO}\s+)?{_BE}?(?:killed|dead|died|slain)\b",
        re.I,
    ),
    # "A man and his young daughter have been killed", "a woman and a child were killed": one
    # person and those told with them (`_first` counts the coordination)
    re.compile(
        rf"\b(?P<n>a|an|one)\s+(?:[\w-]+\s+){{0,2}}?{_ONE_PERSON}"
        rf"(?:{_AND}\s+(?:his|her|their|a|an|one|another)\s+(?:[\w-]+\s+){{0,2}}?"
        rf"{_ONE_PERSON}\b)+\s+{_BE}?(?:killed|dead|died|slain)\b",
        re.I,
    ),
    # (never "one of those killed was a child": a part of the dead is no toll of its own, but
    # see the next pattern)
    re.compile(
        rf"\b{_Q}{_N}\s+(?!of\s)(?:[^\W\d]\w*\s+){{0,2}}?(?:killed|dead)\b{_KILLERS_NOT_DEAD}",
        re.I,
    ),
    # "five of the dead were killed in attacks on al-Midan", "ten of the dead came in strikes
    # outside the hospital": the part that a happening of its own took is that happening's toll
    re.compile(
        rf"\b{_Q}{_N}\s+of\s+(?:the|those)\s+(?:dead|killed)\s+"
        rf"(?:(?:were|was)\s+killed|died|came)\s+(?:in|during|when|as)\b",
        re.I,
    ),
    # "at least 15 of the 350 hostages ... have been beheaded": the part that died
    re.compile(
        rf"\b{_Q}{_N}\s+of\s+(?:the\s+|its\s+|their\s+)?{_N2}\s+{_WHO}\s+"
        rf"(?:{_NOT_BETWEEN}[^\W\d][\w-]*\s+){{0,12}}?{_BE}?"
        r"(?:killed|dead|died|slain|massacred|executed|martyred|beheaded)\b",
        re.I,
    ),
    # "Dozens of people have been killed in air strikes on Aleppo ... including at least 29
    # people in a single neighbourhood": a vague toll with a counted part; the vague word is no
    # count, the part is the lowest firm figure (at least that many are dead)
    re.compile(
        rf"\b(?:dozens|scores|hundreds|thousands)\s+of\s+(?:[^\W\d][\w-]*\s+){{0,3}}?{_BE}?"
        rf"(?:killed|dead|died|slain)\b[^.;\d]{{0,120}}?\bincluding\s+{_Q}{_N}\s+{_WHO}\b",
        re.I,
    ),
    # "the army lost 20 soldiers", "has lost over one hundred militants": its dead
    re.compile(rf"\b(?:lost|losing|loses|lose)\s+{_Q}{_N}\s+{_WHO}\b{_NOT_WOUNDED}", re.I),
    # "more than 1400 are estimated to have been killed", "30 were reported to have died"
    re.compile(
        # ("All five people on board a helicopter that was shot down ... are believed to have
        # died": the group's words between, as above)
        rf"\b{_Q}{_N}\s+(?:{_WHO}\s+(?:{_NOT_BETWEEN}[^\W\d][\w-]*\s+){{0,12}}?)?"
        rf"(?:are|were|is|was)\s+(?:estimated|believed|thought|said|"
        rf"reported|feared)\s+to\s+have\s+(?:been\s+killed|died)\b",
        re.I,
    ),
    # "the death toll ... reached 112", "the number of civilians who have been martyred ... has
    # become around 40"
    re.compile(
        rf"\b(?:death toll|number of (?:the )?(?:dead|deaths|martyrs|victims|fatalities)|"
        rf"number of \w+ (?:who|that) (?:have |had )?been (?:killed|martyred))\b"
        rf"(?:\s+\S+){{0,20}}?\s+(?:at|to|of|reached|hit|become)\s+{_Q}{_N}\b",
        re.I,
    ),
    # "the toll in several air strikes on the town rose to at least 20 people": a bare "toll"
    # that rises or stands at a figure is the dead (a toll of the wounded names them)
    re.compile(
        rf"\btoll\b(?:\s+(?!wound|injur)\S+){{0,15}}?\s+(?:has\s+|had\s+|now\s+)?"
        rf"(?:rose|risen|climbed|jumped|increased|reached|stands|stood)\s+(?:to\s+|at\s+)?{_Q}{_N}\b",
        re.I,
    ),
    # "leaving 50 martyrs", "6 Lebanese martyrs" (the dead, as SANA and others count them);
    # "had recorded four deaths", "12 civilian fatalities"
    re.compile(rf"\b{_Q}{_N}\s+(?:[^\W\d]\w*\s+)?(?:martyrs|deaths|fatalities)\b", re.I),
    # "the deaths of 12", "the execution of 17 young men", "the massacre of 30 villagers"
    re.compile(
        rf"\b(?:killing|(?:deaths?|killings?|executions?|beheadings?|massacre)\s+of)\s+{_Q}{_N}\b",
        re.I,
    ),
    # "claiming the lives of 8 people", "the blast took the lives of at least 12", "has claimed
    # lives of eight civilians"
    re.compile(
        rf"\b(?:claim(?:s|ed|ing)?|took|taking|takes|cost|costing|costs)\s+(?:the\s+)?lives\s+of\s+"
        rf"{_Q}{_N}\b",
        re.I,
    ),
    # "fighting that cost more than 500 lives", "the blast claimed 12 civilian lives"
    re.compile(
        rf"\b(?:claim(?:s|ed|ing)?|took|taking|takes|cost|costing|costs)\s+{_Q}{_N}\s+"
        rf"(?:[^\W\d]\w*\s+)?lives\b",
        re.I,
    ),
    # "claiming the life of a person", "took the life of one civilian": one
    re.compile(
        r"\b(?:claim(?:s|ed|ing)?|took|taking|takes|cost|costing|costs)\s+(?:the\s+)?life\s+"
        r"of\s+(?P<n>a|an|one)\b",
        re.I,
    ),
    # "another child was killed", "a civilian was martyred": one.
    re.compile(
        r"\b(?P<n>a|an|another|one)\s+(?:\w+\s+)?(?:child|person|man|woman|boy|girl|soldier|"
        r"civilian|fighter|officer|policeman|journalist)\s+(?:was\s+|had been\s+|has been\s+)"
        r"(?:killed|martyred|shot dead|slain|(?:stoned|beaten|burned|burnt|tortured) to death)\b",
        re.I,
    ),
)
_WOUNDED = (
    re.compile(
        rf"\b(?:wounded|wounding|injured|injuring|injures|wounds)\s+{_Q}(?:another\s+)?{_N}\b", re.I
    ),
    # ("killed six people and wounded dozens": a verb after "and" has the first verb's
    # subject; its object, not the count before it, is whom it wounded)
    re.compile(
        rf"\b{_Q}{_N}\s+(?:{_WHO}\s+)?(?:(?!and\b|or\b)[^\W\d]\w*\s+){{0,2}}?{_BE}?"
        rf"(?:wounded|injured|hurt)\b",
        re.I,
    ),
    # "12 received wounds of different severity", "five sustained injuries"
    re.compile(
        rf"\b{_Q}{_N}\s+(?:{_WHO}\s+)?(?:received|sustained|suffered)\s+(?:[^\W\d]\w*\s+)?"
        rf"(?:wounds|injuries)\b",
        re.I,
    ),
    # "recorded four deaths and 55 injuries"
    re.compile(rf"\b{_Q}{_N}\s+(?:[^\W\d]\w*\s+)?injuries\b", re.I),
)
_CIVILIANS = re.compile(rf"\b{_Q}{_N}\s+(?:of them\s+|of whom were\s+)?civilians?\b", re.I)
_CHILDREN = re.compile(
    rf"\b{_Q}{_N}\s+(?:of them\s+|of whom were\s+)?(?:children|child|kids|minors)\b", re.I
)
_WOMEN = re.compile(rf"\b{_Q}{_N}\s+(?:of them\s+|of whom were\s+)?(?:women|woman)\b", re.I)
# (never across "including" or "among": "6 civilians including a woman and two children" is 6;
# nor across a verb's auxiliary: "31 lorries were destroyed and 20 civilians killed" is 20,
# the first count's clause is told)
_NOT_IN_GROUP = r"(?!including\b|among\b|were\b|was\b|are\b|is\b|have\b|has\b|had\b|been\b|got\b)"
_GROUP = rf"(?:{_NOT_IN_GROUP}[^\W\d]\w*[- ]){{0,3}}?"
# "killed 50 militants and eight civilians", "Five children and four medical staff killed",
# "30 regime and 39 rebel fighters have been killed": the toll is the sum of the two groups.
_DEAD = r"(?:killed|dead|died|slain|massacred|executed|martyred)\b"
# the second group is a people word, or any one word the death word follows ("and 16 Kurds dead")
_SECOND_GROUP = rf"(?:{_WHO}\b|[^\W\d]\w*(?=\s+{_DEAD}))"
# ("killed 40 fighters from rebel groups as well as 12 IS fighters": 52)
_SUM = re.compile(
    rf"\b{_N}\s+{_GROUP}{_NOT_IN_GROUP}(?:[^\W\d]\w*){_DASH_PART}\s+(?:and|as\s+well\s+as)\s+"
    rf"{_Q}{_N2}\s+"
    rf"{_SECOND_GROUP}{_NOT_WOUNDED}",
    re.I,
)
# "15 dead among the ranks of the group and 23 among its adversaries": one toll of two sides
_AMONG_SUM = re.compile(
    rf"\b{_Q}{_N}\s+(?:killed|dead)\s+among\s+(?:[^\W\d][\w-]*\s+){{1,8}}?and\s+{_Q}{_N2}"
    r"\s+among\b",
    re.I,
)
# Whom "N of his" counts: his people ("five of his bodyguards"), never his things ("one of
# their tanks", "two of their vehicles").
_OWN_PEOPLE = (
    r"(?:[^\W\d][\w-]*\s+)?(?:entourage|comrades|companions|bodyguards|guards|aides|escorts|"
    r"relatives|family|sons|daughters|brothers|children|wives|colleagues|followers|associates|"
    r"deputies|assistants|lieutenants|" + _PEOPLE + r")"
)
_INJURED_NEXT = r"(?!\s+(?:were |have been |had been |was |got |are )?(?:wounded|injured|hurt)\b)"
# One person and N others: "killing Abu Malik, a field commander, and eight more militants",
# "his son and 12 other militants were killed". The toll is N + 1.
_AND_OTHERS = (
    # ("... a terrorist commander as well as five of his entourage")
    re.compile(
        rf"\b(?:killed|killing|kills|executed|executing)\s+(?P<first>[^.;\d]{{3,90}}?)\s+"
        rf"(?:and|as\s+well\s+as)\s+{_Q}{_N}\s+"
        rf"(?:(?:other|more)\s+{_WHO}|of\s+(?:his|her|their)\s+{_OWN_PEOPLE})\b{_INJURED_NEXT}",
        re.I,
    ),
    re.compile(
        rf"\b(?P<first>(?:his|her|their|a|an)\s+(?:[^\W\d]\w*\s+){{0,2}}?[^\W\d]\w*)\s+and\s+"
        rf"{_Q}{_N}\s+(?:other|more)\s+{_WHO}\s+{_BE}?{_DEAD}",
        re.I,
    ),
    # "Saud al-Asaf, the commander of X, and three of his comrades were killed"
    re.compile(
        rf"(?P<first>\b[A-Z][^.;\d]{{2,90}}?)\s+and\s+{_Q}{_N}\s+of\s+(?:his|her|their)\s+"
        rf"(?:[^\W\d]\w*\s+){{0,2}}?[^\W\d]\w*\s+{_BE}?{_DEAD}",
    ),
)
_KILL_NEAR = re.compile(
    r"\b(?:kill|dead|died|slain|massacred|executed|martyred|behead|lives\s+of\b)", re.I
)
# "Fifteen civilians among them 11 children were killed": the total before its part.
# ("Two people one of them a child killed": the part's own count comes before "of them")
_TOTAL = re.compile(
    rf"\b{_Q}{_N}\s+{_WHO}\s+(?:{_N2}\s+)?(?:among them|including|among whom|of whom|of them)\b",
    re.I,
)
_CASUALTY_WORDS = re.compile(
    r"\b(kill|dead|died|death|wound|injur|casualt|fatalit|slain|massacre|martyr|eliminat|"
    r"lives\b|execut|behead|lost their lives|los(?:t|ing|es?)\s|toll\b)",
    re.I,
)


def _value(text: str) -> int:
    low = text.lower().replace(",", "")
    if low == "another":
        return 1
    if low.isdigit():
        return int(low)
    total = 0
    for part in re.split(r"[- ]+", low):  # "thirty-five": 30 + 5; "two hundred": 2 × 100
        if part in _MULTIPLIERS:
            total = max(total, 1) * _MULTIPLIERS[part]
        else:
            total += _WORDS[part]
    return total


# "up to a hundred", "as many as 40": a bound, not the lowest firm figure the toll is
_BOUND_BEFORE = re.compile(r"\b(?:up\s+to|as\s+many\s+as)\s+(?:a\s+|an\s+)?$", re.I)


# "at least 7 of the 40 captives": the 40 are the whole the dead were part of
_WHOLE_BEFORE = re.compile(rf"(?:\d+|\b(?:{_WORD}))\s+of\s+(?:the\s+|its\s+|their\s+)?$", re.I)
# "between 500 and 1300 people died": the top of a range, not the lowest firm figure
_RANGE_TOP_BEFORE = re.compile(rf"\bbetween\s+(?:\d+|{_WORD})\s+and\s+$", re.I)
_NOT_FIRM_BEFORE = (_BOUND_BEFORE, _WHOLE_BEFORE, _RANGE_TOP_BEFORE)


def _bounded(text: str, m: re.Match[str]) -> bool:
    """Whether the count `m` reads (its group "n") is told as a bound, or as the whole that
    another count is a part of."""
    return any(p.search(text, 0, m.start("n")) is not None for p in _NOT_FIRM_BEFORE)


def _first(
    patterns: tuple[re.Pattern[str], ...], text: str, whole_group: bool = True
) -> tuple[int | None, str]:
    """The largest count the patterns find. `whole_group`: a count of dead or wounded takes in
    the people told with it ("a woman and her four children" are 5 dead); a count of women or
    of children counts only its own (1 woman, 4 children)."""
    best: tuple[int, int, str] | None = None
    for pattern in patterns:
        for m in pattern.finditer(text):
            one = _ONE_AFTER.match(text, m.end("n")) if m["n"].lower() in _ONES else None
            if m["n"].lower() in ("a", "an") and one is None:
                continue
            if _bounded(text, m):
                continue
            if one is not None and whole_group:
                value = _people_coordinated(text, one.end())
            else:
                value = _value(m["n"])
            if 1900 <= value <= 2100 and "," not in m["n"]:
                continue  # a year, not a count
            if whole_group:
                value += _kin_of_one_before(text, m.start("n"))
            if best is None or value > best[0]:
                best = (value, m.start(), m.group(0))
    return (best[0], best[2]) if best else (None, "")


_ONES = frozenset({"a", "an", "one"})
# "A man and his two sons were killed": the one person whose kin the count is
_ONE_AND_KIN_BEFORE = re.compile(
    rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?{_ONE_PERSON}\s+and\s+(?:his|her|their)\s+$", re.I
)


def _kin_of_one_before(text: str, start: int) -> int:
    """1 where the count names the kin of one person told just before it, else 0."""
    return 1 if _ONE_AND_KIN_BEFORE.search(text, max(0, start - 80), start) else 0


def _people_coordinated(text: str, end: int) -> int:
    """One person, and one more for each "and a ..." right after (ending at `end`), as many
    more as "and his two sons" counts."""
    count = 1
    while True:
        if (more := _AND_ONE_MORE.match(text, end)) is not None:
            count, end = count + 1, more.end()
        elif (kin := _AND_KIN.match(text, end)) is not None:
            count, end = count + (_value(kin["k"]) if kin["k"] else 1), kin.end()
        else:
            return count


# "29 fighters were killed along with six militants": the toll of both
_ALONG_WITH = re.compile(rf"\s+along\s+with\s+{_Q}{_N2}\s+{_WHO}\b", re.I)


# "At least 15 civilians were killed in raids in a district of Manbij while six others were
# killed in a village near the city": "others" counts more dead, told with their own verb, in
# the same clause chain; the sentence's toll is the sum.
_OTHERS_DEAD_TOO = re.compile(
    rf"[^.;]{{0,120}}?\b(?:while|whereas|and)\s+{_Q}{_N2}\s+others\s+{_BE}?{_DEAD}",
    re.I,
)


def _with_groups(sentence: str, killed: int, text: str) -> tuple[int, str]:
    """The toll as the sum of two named groups, or as the total their part belongs to."""
    at = sentence.find(text)
    best = (killed, text)
    along = _ALONG_WITH.match(sentence, at + len(text)) if at >= 0 and text else None
    if along is not None and _KILL_NEAR.search(text):
        best = (killed + _value(along["m"]), text + along.group(0))
    more = _OTHERS_DEAD_TOO.match(sentence, at + len(text)) if at >= 0 and text else None
    if more is not None and _KILL_NEAR.search(text):
        best = (killed + _value(more["m"]), text + more.group(0))
    for m in _SUM.finditer(sentence):
        if _bounded(sentence, m):
            continue
        if _CASUALTY_WORDS.search(m.group(0)):
            # "Ten civilians were killed and 50 others injured": the first group's own verb
            # ended its clause; the second count belongs to the next one, not to the toll.
            continue
        near = sentence[max(0, m.start() - 40) : m.end() + 40]
        overlaps = at >= 0 and m.start() <= at + len(text) and at <= m.end()
        total = _value(m["n"]) + _value(m["m"])
        if _KILL_NEAR.search(near) and overlaps and total > best[0]:
            best = (total, m.group(0))
    for m in _AMONG_SUM.finditer(sentence) if " among " in sentence else ():
        total = _value(m["n"]) + _value(m["m"])
        if total > best[0] and not _bounded(sentence, m):
            best = (total, m.group(0))
    for m in _TOTAL.finditer(sentence):
        total = _value(m["n"])
        if total > best[0] and at >= 0 and m.start() <= at and not _bounded(sentence, m):
            best = (total, m.group(0))
    return best


# a count of more than one ("a", "an" and "one" are the one person this reading is about)
_SEVERAL = re.compile(
    r"\d|\b(?:" + "|".join(w for w in _WORDS if w not in ("a", "an", "one")) + r")\b", re.I
)
# a first group that is only a count of people ("two soldiers"): the toll is a sum
_LEADING_COUNT = re.compile(rf"{_Q}{_N}\s+{_WHO}$", re.I)


def _one_and_others(sentence: str) -> tuple[int | None, str]:
    """The toll of one person named or described and N others (`_AND_OTHERS`); of a counted
    group and N others, their sum."""
    best: tuple[int | None, str] = (None, "")
    for pattern in _AND_OTHERS:
        for m in pattern.finditer(sentence):
            first = 1
            if _SEVERAL.search(m["first"]):
                # "Two soldiers and three of their comrades": a sum when the first group is
                # counted where it starts, else a count this reading cannot place
                counted = _LEADING_COUNT.match(m["first"])
                if counted is None:
                    continue
                first = _value(counted["n"])
            total = _value(m["n"]) + first
            if best[0] is None or total > best[0]:
                best = (total, m.group(0))
    return best


_COUNT_ONLY = re.compile(rf"{_N}", re.I)


def is_count(text: str) -> bool:
    """Whether `text` is only a number ("Seventy-six", "12"), as a tagger may mislabel it."""
    return _COUNT_ONLY.fullmatch(text.strip()) is not None


# "(Daesh)", "(YPG)": an aside in brackets, read as blank so a count reaches what it counts
_ASIDE = re.compile(r"\([^()\d]{1,40}\)")
# quotation marks around a group's name ('33 members of "al-Nusra Front" were killed'), read
# as blank for the same reason
_QUOTES = re.compile('["\u201c\u201d]')


def find_casualties(sentence: str) -> Casualties | None:
    """Casualty counts in one sentence, or None when it reports none."""
    if not _CASUALTY_WORDS.search(sentence):
        return None
    # blanked to the same length, so what each reading matched is where it was in the text
    original = sentence
    sentence = _without_dates(_QUOTES.sub(" ", _ASIDE.sub(_blank, sentence)))
    killed, k_text = _first(_KILLED, sentence)
    if killed is not None:
        killed, k_text = _with_groups(sentence, killed, k_text)
    others, o_text = _one_and_others(sentence)
    if others is not None and (killed is None or others > killed):
        killed, k_text = others, o_text
    wounded, w_text = _first(_WOUNDED, sentence)
    # "has killed 200 fighters and displaced 50000 civilians": whom a verb moved, trapped or
    # freed are no casualties, whatever kind of people they are
    unharmed = _UNHARMED.sub(_blank, sentence)
    civilians, c_text = _first((_CIVILIANS,), unharmed)
    children, ch_text = _first((_CHILDREN,), unharmed, whole_group=False)
    women, wo_text = _first((_WOMEN,), unharmed, whole_group=False)
    if killed is None and wounded is None:
        return None
    texts = [_as_written(t, sentence, original) for t in (k_text, w_text, c_text, ch_text, wo_text)]
    said = "; ".join(t for t in texts if t)
    return Casualties(killed, wounded, civilians, children, women, said)


# Verbs done to people that harm no one's body: a count right after one is not a toll's part.
_UNHARMED_VERBS = (
    r"displac\w*|evacuat\w*|uproot\w*|relocat\w*|trap\w*|shelter\w*|host\w*|rescu\w*|"
    r"free[sd]?|freeing|releas\w*|besieg\w*|forc\w*|expell?\w*|deport\w*|housed?|housing"
)
_UNHARMED = re.compile(rf"\b(?:{_UNHARMED_VERBS})\s+(?:the\s+)?{_Q}{_N}", re.I)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _without_dates(sentence: str) -> str:
    """The sentence with its time expressions blanked: the day of "on July 25 killed at least
    seven" or "Two days ago more than 14 dead" is no count."""
    from sitrep.extract.time import find_time_expressions

    for found in find_time_expressions(sentence):
        start = _introduced_at(sentence, found.start)
        sentence = sentence[:start] + " " * (found.end - start) + sentence[found.end :]
    return sentence


# "in the past week", "on the same day", "during the night": the preposition and article that
# introduce a time expression belong to it, and are no words between a count and its verb
_TIME_INTRODUCER = re.compile(r"\b(?:in|on|during|over|at)\s+(?:the\s+)?$", re.I)


def _introduced_at(sentence: str, start: int) -> int:
    found = _TIME_INTRODUCER.search(sentence, 0, start)
    return found.start() if found is not None else start


def _as_written(found: str, blanked: str, original: str) -> str:
    at = blanked.find(found) if found else -1
    return original[at : at + len(found)] if at >= 0 else found
