"""Word classes that several readers of a sentence share (arguments, agents, happenings), kept
apart so that each reader imports them without importing the others."""

from __future__ import annotations

# A side's word as the modifier of an attack noun ("terrorist rocket attacks", "regime raids"),
# or after a nationality that tells whose the side is ("Syrian regime airstrikes").
AGENT_MODIFIERS = frozenset(
    {
        "terrorist", "rebel", "regime", "jihadist", "militant", "insurgent", "government",
        "coalition", "opposition", "army", "militia", "extremist", "police", "military",
    }
)  # fmt: skip
# Nouns for attacks: what a "by" phrase names the doer of ("strikes by the coalition"), what an
# agent's modifier names the doer of ("regime raids"), and what a count of days sums up.
ATTACK_NOUNS = frozenset(
    {
        "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "attack", "attacks",
        "shelling", "bombardment", "bombing", "bombings", "offensive", "assault",
    }
)  # fmt: skip
# What a force carries out, whose modifier is the force that did it ("army operations", "regime
# fire", "an ISIS ambush"): the attacks, and the wider words of military action.
MILITARY_ACTION_NOUNS = ATTACK_NOUNS | {
    "operation", "operations", "campaign", "ambush", "fire", "barrage", "counterattack",
    "counteroffensive", "onslaught", "advance", "push",
}  # fmt: skip
# Craft a side flies or fires from: whose they are did what was fired from them.
CRAFT_NOUNS = frozenset(
    {
        "warplane", "warplanes", "plane", "planes", "jet", "jets", "aircraft", "helicopter",
        "helicopters", "drone", "drones", "artillery",
    }
)  # fmt: skip

# Number words and their values: what a toll reads, and what opens a story's first sentence.
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
# Two words that open a phrase of quantity before a count, never a place or a cause: "at least
# 16", "more than 20", "up to 30", "as many as 40".
QUANTITY_OPENINGS = frozenset(
    {("at", "least"), ("at", "most"), ("more", "than"), ("less", "than"), ("fewer", "than"),
     ("up", "to"), ("as", "many")}
)  # fmt: skip
