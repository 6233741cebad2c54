"""Measure corroboration on events-gold: 60 hand-coded articles (40 FA-KES, 20 Wikinews) with
every event of each coded. An event joining two gold articles is supported when both articles
code one happening (one type family, dates that agree, places equal where both are coded).
"""

from __future__ import annotations

import csv
import itertools
import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store import schema as s

VIOLENCE = frozenset({"ASSAULT", "DIE"})


@dataclass(frozen=True)
class GoldEvent:
    family: str
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    place: str | None

    def same_happening(self, other: GoldEvent) -> bool:
        """One family, dates that agree at the coarser precision (days: within one day),
        places equal where both are coded."""
        if self.family != other.family or not (self.date and other.date):
            return False
        if self.place and other.place and self.place != other.place:
            return False
        if len(self.date) == len(other.date) == 10:
            return abs((date.fromisoformat(self.date) - date.fromisoformat(other.date)).days) <= 1
        n = min(len(self.date), len(other.date))
        return self.date[:n] == other.date[:n]


def _gold_articles(
    gold_dir: Path, fakes: Path
) -> tuple[list[dict[str, str]], dict[str, list[GoldEvent]]]:
    """The gold's articles as rows to ingest (title, text, date, source, doc_key), and the coded
    events of each. The date given is the article's own date line, as the gold reads it."""
    coded = [
        json.loads(line)
        for line in (gold_dir / "gold.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    with fakes.open(encoding="utf-8", newline="") as handle:
        fa = {r["unit_id"]: r for r in csv.DictReader(handle)}
    wiki_path = gold_dir / "texts" / "wikinews-2019.jsonl"
    wiki = {
        r["doc_key"]: r
        for r in (
            json.loads(line) for line in wiki_path.read_text("utf-8").splitlines() if line.strip()
        )
    }
    rows, events = [], {}
    for item in coded:
        key = str(item["doc_key"])
        if item["source"] == "fa-kes" and key in fa:
            r = fa[key]
            row = {"title": r["article_title"], "text": r["article_content"], "source": r["source"]}
        elif key in wiki:
            r = wiki[key]
            row = {"title": r["title"], "text": r["text"], "source": "Wikinews", "url": r["url"]}
        else:
            continue
        rows.append({**row, "date": item.get("published") or "", "doc_key": key})
        events[key] = [
            GoldEvent(
                "violence" if e["type"] in VIOLENCE else str(e["type"]),
                e.get("date"),
                " ".join(str(e["place"]).lower().split()) if e.get("place") else None,
            )
            for e in item["events"]
        ]
    return rows, events


def score_gold(store: Store, events: dict[str, list[GoldEvent]]) -> dict[str, Any]:
    """Events joining two gold articles are supported when the two articles have coded events
    that are one happening; pairs of articles coding one happening to the day at one place,
    and how many of them share an event."""
    with store.read() as conn:
        keys = {
            r.id: str((r.fields or {}).get("doc_key", ""))
            for r in conn.execute(select(s.documents.c.id, s.documents.c.fields))
        }
        members: dict[str, set[str]] = defaultdict(set)
        for m in conn.execute(
            select(s.event_mentions.c.event_id, s.event_mentions.c.document_id).where(
                s.event_mentions.c.event_id.is_not(None)
            )
        ):
            if keys.get(m.document_id) in events:
                members[m.event_id].add(keys[m.document_id])

    def share(a: str, b: str) -> bool:
        return any(x.same_happening(y) for x in events[a] for y in events[b])

    multi = [sorted(u) for u in members.values() if len(u) > 1]
    unsupported = [
        u for u in multi if any(not share(a, b) for a, b in itertools.combinations(u, 2))
    ]
    joined = {frozenset(p) for u in multi for p in itertools.combinations(u, 2)}

    def surely(a: str, b: str) -> bool:  # to the day, at one coded place
        return any(
            x.same_happening(y) and x.place and len(x.date or "") == len(y.date or "") == 10
            for x in events[a]
            for y in events[b]
        )

    gold_pairs = [p for p in itertools.combinations(sorted(events), 2) if surely(*p)]
    return {
        "articles": len(events),
        "multi_article_events": len(multi),
        "unsupported_merges": len(unsupported),
        "unsupported_share": round(len(unsupported) / len(multi), 3) if multi else 0.0,
        "gold_pairs_of_one_happening": len(gold_pairs),
        "gold_pairs_joined": sum(frozenset(p) in joined for p in gold_pairs),
    }


def run_gold_eval(gold_dir: Path, fakes: Path, settings: Settings) -> dict[str, Any]:
    """Ingest the gold's 60 articles into a temporary store and score the grouping."""
    from sitrep.pipeline import Ingest

    rows, events = _gold_articles(gold_dir, fakes)
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-gold-") as work:
        folder = Path(work)
        path = folder / "gold-articles.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
        store = Store(str(folder / "gold.db"))
        Ingest(store, settings).run([str(path)])
        return score_gold(store, events)
