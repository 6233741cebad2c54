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
