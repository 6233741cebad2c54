"""A document's clusters are the same with the key index as with every-cluster comparison, and
the index compares a long document's names with few clusters (the quadratic it replaces)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from sitrep.pack.loader import load_pack
from sitrep.resolve import cluster as cluster_module
from sitrep.resolve.cluster import Cluster, cluster_document
from sitrep.resolve.clusterindex import name_keys
from sitrep.resolve.packmatch import PackMatcher
from sitrep.resolve.retype import Retyper

# Spellings a long page mixes: transliterations, titles, hyphens, glued words, acronyms, script.
_PEOPLE = [
    "Qassem Soleimani",
    "Qasem Suleimani",
    "Maj. Gen. Qassim Sulaimani",
    "Esmail Ghaani",
    "Ismail Qaani",
    "Bashar al-Assad",
    "Hafez al-Assad",
    "Ali Khamenei",
    "Ali Larijani",
    "Abu Mahdi al-Muhandis",
    "Abdolrahim Mousavi",
    "Abdul Rahim Mousavi",
    "Donald J. Trump",
    "Donald Trump",
    "Hassan Nasrallah",
    "Hasan Nasrallah",
    "قاسم سليماني",
    "Mohammad Bagheri",
    "Mohammad Baqeri",
]
_ORGS = [
    "Islamic Revolutionary Guard Corps",
    "IRGC",
    "Quds Force",
    "Quds Brigade",
    "Quds Day",
    "Kata'ib Hezbollah",
    "Kataib Hizbullah",
    "Hezbollah",
    "Hizballah",
    "Radio Farda",
    "Radiofarda",
    "Syrian Arab Army",
    "SAA",
    "the Army",
    "Army",
    "Popular Mobilization Forces",
    "PMF",
    "Free Syrian Army",
    "Hayat Tahrir al-Sham",
    "HTS",
    "Al-Nujaba Movement",
    "Harakat al-Nujaba",
    "حزب الله",
    "Albu Kamal",
    "Al-Bukamal",
    "Deir ez-Zor",
    "Deir Ezzor",
    "Damascus",
    "Damascus Governorate",
]
_LABELS = {"PERSON": _PEOPLE, "ORG": _ORGS, "GPE": _ORGS[-6:], "NORP": ["Iranian", "Iranians"]}


@pytest.fixture(scope="module")
def matcher() -> PackMatcher:
    return PackMatcher(load_pack())


@pytest.fixture(scope="module")
def retyper() -> Retyper:
    return Retyper(load_pack())


def _misspelt(rng: random.Random, word: str) -> str:
    """One letter changed, dropped or doubled: spellings near every threshold of match_names."""
    at = rng.randrange(len(word))
    edit = rng.choice(("change", "drop", "double", "glue"))
    if edit == "change":
        return word[:at] + rng.choice("aeioukhqsz") + word[at + 1 :]
    if edit == "drop" and len(word) > 3:
        return word[:at] + word[at + 1 :]
    if edit == "glue" and " " in word:
        return word.replace(" ", "", 1)
    return word[:at] + word[at] + word[at:]


def _mentions(seed: int, count: int, *, noisy: bool) -> list[dict[str, Any]]:
    """Names drawn from the lists above, misspelt at times, and (noisy) made-up names whose
    words recur."""
    rng = random.Random(seed)
    syllables = ["ka", "ta", "ib", "al", "ra", "mi", "di", "nu", "ja", "ba", "sh", "ou", "ee"]
    made_up = [
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).title() for _ in range(60)
    ]
    mentions = []
    for position in range(count):
        label = rng.choice(list(_LABELS))
        if noisy and label in ("PERSON", "ORG") and rng.random() < 0.6:
            words = [rng.choice(made_up) for _ in range(rng.randint(1, 3))]
            if label == "ORG" and rng.random() < 0.3:
                words.append(rng.choice(["Brigade", "Forces", "Movement", "Army"]))
            text = " ".join(words)
        else:
            text = rng.choice(_LABELS[label])
        if label in ("PERSON", "ORG") and rng.random() < 0.3:
            text = text.split()[-1]  # a short form: a surname, the last word
        for _ in range(rng.choice((0, 0, 1, 2))):
            text = _misspelt(rng, text)
        start = position * 40
        mentions.append(
            {"id": f"m{position}", "label": label, "text": text, "start": start, "end": start + 20}
        )
    return mentions


def _shape(clusters: list[Cluster]) -> list[tuple[Any, ...]]:
    return [(c.label, c.name, c.pack_id, c.pack_reason, tuple(c.reasons.items())) for c in clusters]


@pytest.mark.parametrize("seed", range(6))
def test_index_gives_the_clusters_of_every_cluster_comparison(
    seed: int, matcher: PackMatcher, retyper: Retyper
) -> None:
    mentions = _mentions(seed, 400, noisy=seed % 2 == 1)
    indexed = cluster_document(mentions, matcher, retyper)
    reference = cluster_document(mentions, matcher, retyper, indexed=False)
    assert _shape(indexed) == _shape(reference)
    assert len(reference) > 10  # the draw made several clusters to choose among


def test_spellings_still_join_through_the_index(matcher: PackMatcher) -> None:
    # Places and the like join as full names even in one word, so each path of match_names
    # (transliteration, glued words, acronym, different kind of body) is taken here.
    texts = [
        ("PERSON", "Qassem Soleimani"),
        ("PERSON", "Qasem Suleimani"),
        ("GPE", "Radio Farda"),
        ("GPE", "Radiofarda"),
        ("GPE", "Popular Mobilization Forces"),
        ("GPE", "PMF"),
        ("ORG", "Quds Force"),
        ("ORG", "Quds Brigade"),
    ]
    mentions = [
        {"id": f"m{i}", "label": label, "text": text, "start": i * 30, "end": i * 30 + 20}
        for i, (label, text) in enumerate(texts)
    ]
    groups = {tuple(sorted(c.reasons)) for c in cluster_document(mentions, matcher)}
    assert ("m0", "m1") in groups  # transliteration
    assert ("m2", "m3") in groups  # glued words
    assert ("m4", "m5") in groups  # acronym
    assert ("m6",) in groups and ("m7",) in groups  # a different kind of body stays apart


def test_a_long_document_compares_each_name_with_few_clusters(
    matcher: PackMatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(7)
    letters = "bcdfghklmnprstz"
    vowels = "aeiou"

    def word() -> str:
        return "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(3)).title()

    mentions = []
    for position in range(3000):  # 3,000 distinct two-word names: 3,000 clusters
        label = "PERSON" if position % 2 else "ORG"
        text = f"{word()} {word()}"
        start = position * 30
        mentions.append(
            {"id": f"m{position}", "label": label, "text": text, "start": start, "end": start + 12}
        )
    calls = 0
    real = cluster_module.match_names

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(cluster_module, "match_names", counted)
    clusters = cluster_document(mentions, matcher)
    # Every-cluster comparison asks about 3,000^2 / 4 pairs (one kind against its own kind).
    assert len(clusters) > 2500
    assert calls < 3000 * 3000 / 4 / 50


def test_keys_of_a_person_are_the_surname_without_titles() -> None:
    keys = name_keys("Maj. Gen. Qassem Soleimani", "person")
    assert keys.tokens == keys.query and len(keys.tokens) == 1
    assert keys.fold == "qassem soleimani"
    org = name_keys("Islamic Revolutionary Guard Corps", "org")
    assert org.acronym == "irgc" and len(org.query) == 1  # one distinctive word looked up
