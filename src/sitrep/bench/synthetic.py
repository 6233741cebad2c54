"""A synthetic news corpus of any size, for benchmarks: deterministic, written from templates.

The pages read like short wire reports of the theatre (visits, strikes, deployments, denials)
so every stage does realistic work: names to resolve in several spellings, places to look up,
dates to normalise, attributions to parse. Nothing here is copied text; the templates are ours.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

PEOPLE = [
    ("Qassem Soleimani", "Suleimani"),
    ("Esmail Ghaani", "Qaani"),
    ("Mohammad Bagheri", "Baqeri"),
    ("Bashar al-Assad", "Assad"),
    ("Hassan Nasrallah", "Nasrallah"),
    ("Abu Mahdi al-Muhandis", "Muhandis"),
    ("Qais al-Khazali", "Khazali"),
    ("Hossein Salami", "Salami"),
    ("Sergei Shoigu", "Shoigu"),
    ("Ali Shamkhani", "Shamkhani"),
]
GROUPS = [
    "the Quds Force",
    "the Revolutionary Guards",
    "Hezbollah",
    "Kata'ib Hezbollah",
    "Asa'ib Ahl al-Haq",
    "the Fatemiyoun Brigade",
    "the Zainebiyoun Brigade",
    "the Syrian army",
    "Hay'at Tahrir al-Sham",
    "the Popular Mobilization Forces",
]
PLACES = [
    "Damascus",
    "Aleppo",
    "Homs",
    "Latakia",
    "Idlib",
    "Deir ez-Zor",
    "Albu Kamal",
    "Baghdad",
    "Tartus",
    "Hama",
    "Palmyra",
    "Mosul",
    "Karbala",
    "Beirut",
    "Tehran",
    "Moscow",
]
OUTLETS = ["Reuters", "the Associated Press", "AFP", "Tasnim", "Fars", "SANA", "Al-Manar", "IRNA"]
SOURCES = [
    "a regional official",
    "two security sources",
    "a military commander",
    "local activists",
    "a senior diplomat",
    "the Syrian Observatory for Human Rights",
]
TEMPLATES = [
    "{person} visited {place} on {day}, {outlet} reported, citing {source}.",
    "{source} told {outlet} that {person} met commanders of {group} in {place} last week.",
    "An air strike near {place} killed {n} fighters of {group} on {day}, {source} said.",
    "{group} reportedly deployed about {big} fighters to {place} in the past two weeks.",
    "{outlet} quoted {person} as saying that {group} would stay in {place}.",
    "Officials in {place} denied that {person} had travelled to {other}, according to {outlet}.",
    "{person} was appointed commander of {group} in {month}, state media said.",
    "Shelling of {place} wounded {n} civilians, including {k} children, on {day}.",
    "{group} allegedly received a shipment of rockets at {place}, {source} told {outlet}.",
    "{person} held talks with {person2} in {place} about the situation in {other}.",
]
FILLER = [
    "The claim could not be independently verified.",
    "The ministry did not respond to a request for comment.",
    "Fighting in the area has intensified since the start of the year.",
    "Residents said that roads out of the city were crowded with families.",
    "Analysts said the move was meant to shore up positions along the border.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


FIRST_DAY = date(2015, 1, 1)
SPREAD_DAYS = 5 * 365  # the default: any store size spread over the same five years


def synthetic_documents(
    count: int, seed: int = 7, first_day: date = FIRST_DAY, days: int = SPREAD_DAYS
) -> Iterator[dict[str, str]]:
    """`count` documents as JSON-lines rows (title, text, date, source, url), published on
    days spread at random over `days` days from `first_day`."""
    rng = random.Random(seed)
    for number in range(count):
        published = first_day + timedelta(days=rng.randrange(0, max(days, 1)))
        sentences = [_sentence(rng) for _ in range(rng.randint(4, 9))]
        sentences += rng.sample(FILLER, 2)
        rng.shuffle(sentences)
        outlet = rng.choice(OUTLETS)
        yield {
            "title": sentences[0][:80],
            "text": " ".join(sentences) + f" (report {number})",
            "date": published.isoformat(),
            "source": outlet,
            "url": f"https://example.org/synthetic/{seed}/{number}",
        }


def _sentence(rng: random.Random) -> str:
    (person, _short), (person2, _) = rng.sample(PEOPLE, 2)
    if rng.random() < 0.4:
        person = rng.choice(PEOPLE)[1]
    place, other = rng.sample(PLACES, 2)
    return rng.choice(TEMPLATES).format(
        person=person,
        person2=person2,
        group=rng.choice(GROUPS),
        place=place,
        other=other,
        outlet=rng.choice(OUTLETS),
        source=rng.choice(SOURCES),
        day=rng.choice(WEEKDAYS),
        month=rng.choice(MONTHS),
        n=rng.randint(2, 40),
        k=rng.randint(1, 9),
        big=rng.choice([300, 500, 1000, 1500, 2000]),
    )


def write_synthetic_corpus(
    path: Path, count: int, seed: int = 7, first_day: date = FIRST_DAY, days: int = SPREAD_DAYS
) -> Path:
    """Write the corpus as one JSON-lines file (what `sitrep ingest` reads) and return it."""
    with path.open("w", encoding="utf-8") as out:
        for row in synthetic_documents(count, seed, first_day, days):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
