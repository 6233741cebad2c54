"""Measure extraction: FA-KES hand coding (date, place, casualties) and our own gold set.

FA-KES method: per article, the compared event is the first ASSAULT or DIE mention (in text
order) that carries casualty counts, else the first ASSAULT/DIE mention. The anchor date is the
article's own dateline ("Wed 05 Apr 2017" opens every FA-KES text). Agreement:
  date   exact = same day as the coded date; tolerant = coded date inside the extracted
         interval widened by one day;
  place  exact = extracted place name equals the coded location after normalisation
         (lower case, "al-"/"the" dropped); tolerant = one contains the other or fuzzy ratio >= 85;
  killed compared with nb_civilians + nb_noncivilians; exact, and tolerant = within 10% or 2;
  children / women exact.
Rates are over all articles (a missing extraction counts as disagreement) and over articles
where something was extracted ("when found").
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from spacy.language import Language

from sitrep.extract.events import extract_events
from sitrep.extract.time import dateline
from sitrep.records import EventMention

CASUALTY_TYPES = ("ASSAULT", "DIE")


def _norm_place(text: str) -> str:
    text = re.sub(
        r"\b(al|el|the|ar|as|ad|city|province|governorate|countryside)\b[- ]?", " ", text.lower()
    )
    return " ".join(re.sub(r"[^a-z ]", " ", text).split())


def _coded_date(value: str) -> date | None:
    try:
        m, d, y = (int(x) for x in value.split("/"))
    except ValueError:
        return None
    return date(2000 + y if y < 100 else y, m, d)


def _lead(events: Iterable[EventMention]) -> EventMention | None:
    violent = [e for e in events if e.type in CASUALTY_TYPES and e.modality is None]
    with_counts = [e for e in violent if e.casualties is not None]
    chosen = with_counts or violent
    return chosen[0] if chosen else None


@dataclass
class Tally:
    n: int = 0
    found: int = 0
    exact: int = 0
    tolerant: int = 0
    exact_found: int = 0  # agreement among articles where something was extracted
    tolerant_found: int = 0

    def add(self, found: bool, exact: bool, tolerant: bool) -> None:
        self.n += 1
        self.found += found
        self.exact += exact
        self.tolerant += tolerant
        self.exact_found += found and exact
        self.tolerant_found += found and tolerant

    def as_dict(self) -> dict[str, float | int]:
        return {
            "n": self.n, "found": self.found, "exact": self.exact, "tolerant": self.tolerant,
            "exact_rate": round(self.exact / self.n, 3) if self.n else 0.0,
            "tolerant_rate": round(self.tolerant / self.n, 3) if self.n else 0.0,
            "exact_when_found": round(self.exact_found / max(self.found, 1), 3),
            "tolerant_when_found": round(self.tolerant_found / max(self.found, 1), 3),
        }  # fmt: skip


def _score_row(row: dict[str, str], lead: EventMention | None, tallies: dict[str, Tally]) -> None:
    coded = _coded_date(row["date"])
    time = lead.time if lead else None
    if time and time.start and coded:
        start = date.fromisoformat(time.start)
        end = date.fromisoformat(time.end or time.start)
        one_day = timedelta(days=1)
        exact = time.precision == "day" and start == coded
        tallies["date"].add(True, exact, start - one_day <= coded <= end + one_day)
    else:
        tallies["date"].add(False, False, False)
    place = lead.place if lead else None
    if place:
        got, want = _norm_place(place.text), _norm_place(row["location"])
        near = bool(got and want) and (got in want or want in got or fuzz.ratio(got, want) >= 85)
        tallies["place"].add(True, got == want, near)
    else:
        tallies["place"].add(False, False, False)
    cas = lead.casualties if lead else None
    wanted = {
        "killed": int(row["nb_civilians"] or 0) + int(row["nb_noncivilians"] or 0),
        "children": int(row["nb_children"] or 0),
        "women": int(row["nb_women"] or 0),
    }
    for key, want_count in wanted.items():
        count: int | None = getattr(cas, key) if cas is not None else None
        # No count extracted reads as 0: FA-KES codes "none reported" as 0 too.
        value = count or 0
        tolerant = abs(value - want_count) <= max(2, want_count * 0.1)
        tallies[key].add(count is not None, value == want_count, tolerant)


def eval_fakes(path: Path, nlp: Language, limit: int | None = None) -> dict[str, Any]:
    """Agreement of extracted lead events with the FA-KES hand coding."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    tallies = {k: Tally() for k in ("date", "place", "killed", "children", "women")}
    texts = [r["article_content"] for r in rows]
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=16), strict=True):
        extraction = extract_events(
            row["unit_id"], doc, dateline(row["article_content"]), row["source"]
        )
        _score_row(row, _lead(extraction.events), tallies)
    return {"articles": len(rows), **{k: t.as_dict() for k, t in tallies.items()}}


def _matches(gold: dict[str, Any], pred: EventMention) -> bool:
    if gold["type"] != pred.type:
        return False
    names = [p.text.lower() for p in pred.participants]
    for want in gold.get("participants", {}).values():
        for text in want if isinstance(want, list) else [want]:
            if not any(text.lower().split()[-1] in n for n in names):
                return False
    return True


def eval_gold(path: Path, nlp: Language) -> dict[str, Any]:
    """Event-level P/R/F1 on our gold sentences, plus argument, place and stance agreement."""
    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    tp = fp = fn = stance_ok = place_ok = place_n = 0
    per_type: dict[str, list[int]] = {}
    for item in items:
        doc = nlp(item["text"])
        found = extract_events("gold", doc, item.get("published"), "Gold").events
        preds = [e for e in found if e.modality is None]  # modal mentions are not assertions
        gold = list(item.get("events", []))
        unmatched = list(preds)
        for g in gold:
            counts = per_type.setdefault(g["type"], [0, 0, 0])
            hit = next((p for p in unmatched if _matches(g, p)), None)
            if hit is None:
                fn += 1
                counts[2] += 1
                continue
            unmatched.remove(hit)
            tp += 1
            counts[0] += 1
            stance_ok += hit.claim.stance == g.get("stance", "asserts")
            if g.get("place"):
                place_n += 1
                place_ok += bool(hit.place and g["place"].lower() in hit.place.text.lower())
        fp += len(unmatched)
        for p in unmatched:
            per_type.setdefault(p.type, [0, 0, 0])[1] += 1
    return {
        "sentences": len(items), **_prf(tp, fp, fn),
        "stance_accuracy": round(stance_ok / tp, 3) if tp else 0.0,
        "place_accuracy": round(place_ok / place_n, 3) if place_n else 0.0,
        "per_type": {t: _prf(*c) for t, c in sorted(per_type.items())},
    }  # fmt: skip


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
    }
