"""Measure events on whole real articles, the way the project is judged from outside.

`eval_event_gold`: the hand-coded event gold (`events-gold/`), ingested into a fresh SQLite
store with FA-KES's coded columns dropped (only title, text, outlet and key reach the pipeline),
exported as JSONL and scored by `eventgold.score`: the same run and scoring as
`../shared/tools/score-events`.

`eval_fakes_hidden`: FA-KES dev with its coded columns hidden from the pipeline (acquire, clean,
annotate, extract, as `sitrep ingest` maps a row): the share of articles given a publication
date, and the share whose lead event (the first ASSAULT/DIE mention with a count, else the first
ASSAULT/DIE mention) agrees with the coding on date (coded day inside the mention's span widened
by one day), governorate and killed (civilians + non-civilians, within 10 % or 2; no count
read as 0, as FA-KES codes "none reported").
"""

from __future__ import annotations

import csv
import json
import re
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from spacy.language import Language

from sitrep.extract.eventgold import SY_ADMIN1, fold, governorate, score
from sitrep.records import EventMention
from sitrep.settings import Settings

# What the pipeline may see of an FA-KES row; the rest is the hand coding being measured.
FAKES_VISIBLE = ("unit_id", "article_title", "article_content", "source")
WIKINEWS_FIELDS = ("doc_key", "url", "date", "title", "text")
CASUALTY_TYPES = ("ASSAULT", "DIE")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def is_article_gold(path: Path) -> bool:
    """An events-gold file (one article per line with `doc_key`), not our sentence gold."""
    with path.open(encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "")
    return bool(first) and "doc_key" in json.loads(first)


def write_gold_inputs(gold: list[dict[str, Any]], shared: Path, out_dir: Path) -> list[Path]:
    """One CSV of the gold's FA-KES rows (coded columns dropped), one JSONL of its Wikinews."""
    keys = {g["doc_key"] for g in gold if g["source"] == "fa-kes"}
    paths = []
    with (shared / "fa-kes" / "fa-kes-dev.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["unit_id"] in keys]
    if rows:
        path = out_dir / "fakes.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=list(FAKES_VISIBLE))
            writer.writeheader()
            writer.writerows({k: r[k] for k in FAKES_VISIBLE} for r in rows)
        paths.append(path)
    wikinews = shared / "events-gold" / "texts" / "wikinews-2019.jsonl"
    if any(g["source"] == "wikinews" for g in gold) and wikinews.exists():
        path = out_dir / "wikinews.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for item in read_jsonl(wikinews):
                out.write(json.dumps({k: item[k] for k in WIKINEWS_FIELDS}) + "\n")
        paths.append(path)
    return paths


def eval_event_gold(path: Path, settings: Settings) -> dict[str, Any]:
    """Ingest the gold's articles into a fresh store, export, and score (see module doc)."""
    from sitrep.export import export
    from sitrep.pipeline import Ingest
    from sitrep.store import Store

    gold = read_jsonl(path)
    with tempfile.TemporaryDirectory(prefix="sitrep-event-gold-") as tmp:
        work = Path(tmp)
        inputs = write_gold_inputs(gold, settings.shared_data, work)
        store = Store(str(work / "gold.db"))
        Ingest(store, settings.model_copy(update={"workers": 1})).run([str(p) for p in inputs])
        export(store, "jsonl", work / "export.jsonl", text=False)
        records = read_jsonl(work / "export.jsonl")
        store.close()
    return score(gold, records)


def _hidden_rows(path: Path, limit: int | None) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    yield from rows[:limit]


def _lead(events: tuple[EventMention, ...]) -> EventMention | None:
    violent = [e for e in events if e.type in CASUALTY_TYPES and e.modality is None]
    with_counts = [e for e in violent if e.casualties is not None]
    chosen = with_counts or violent
    return chosen[0] if chosen else None


def _coded_day(value: str) -> date | None:
    try:
        month, day, year = (int(x) for x in value.split("/"))
        return date(2000 + year if year < 100 else year, month, day)
    except ValueError:
        return None


# FA-KES codes Damascus and its countryside alike as "damascus".
_FAKES_ALIASES = {"tartous": "14", "08": "13"}


_REGION_SUFFIX = re.compile(r"\s+(?:countryside|province|governorate|city|suburbs?)$")


def _fakes_governorate(name: str | None) -> str | None:
    """The governorate code of a coded location or an extracted place: the scorer's names and
    towns, then (for towns the scorer's list lacks) the project's gazetteer, SY only."""
    key = _REGION_SUFFIX.sub("", fold(name).strip())
    if not key:
        return None  # (some gazetteer names fold to nothing: Arabic script)
    for variant in (key, key[:-1] if key.endswith("s") else key):
        code = SY_ADMIN1.get(variant) or _FAKES_ALIASES.get(variant) or governorate(variant)
        code = code or _gazetteer_admin1(variant)
        if code:
            return _FAKES_ALIASES.get(code, code)
    return None


def _gazetteer_admin1(name: str) -> str | None:
    from sitrep.resolve.places import resolve_place

    found = resolve_place(name, ("SY",), small_towns=True) if name else None
    if found is None or found.country_code != "SY":
        return None
    return found.admin1


def _agreement(row: dict[str, str], lead: EventMention | None) -> dict[str, bool]:
    coded = _coded_day(row["date"])
    time = lead.time if lead else None
    date_ok = False
    if time and time.start and coded:
        start = date.fromisoformat(time.start[:10])
        end = date.fromisoformat((time.end or time.start)[:10])
        date_ok = start - timedelta(days=1) <= coded <= end + timedelta(days=1)
    place = lead.place if lead else None
    want = _fakes_governorate(row["location"])
    # where the text puts the place in a known one ("al-Bureij northeast of Aleppo"), that
    # one's governorate, as resolution places it
    got = place and (_fakes_governorate(place.within) or _fakes_governorate(place.text))
    place_ok = bool(got and want) and got == want
    cas = lead.casualties if lead else None
    killed = (cas.killed if cas is not None else None) or 0
    coded_killed = int(row["nb_civilians"] or 0) + int(row["nb_noncivilians"] or 0)
    killed_ok = abs(killed - coded_killed) <= max(2, coded_killed * 0.1)
    return {"date": date_ok, "governorate": place_ok, "killed": killed_ok}


def eval_fakes_hidden(
    path: Path, nlp: Language, settings: Settings, limit: int | None = None
) -> dict[str, Any]:
    """Publication-date coverage and lead-event agreement with the coded columns hidden."""
    from sitrep.acquire.tables import row_document
    from sitrep.clean.document import clean_document
    from sitrep.errors import InputRejected
    from sitrep.extract.events import extract_events
    from sitrep.records import RawDocument

    rows, cleaned, rejected = [], [], 0
    for row in _hidden_rows(path, limit):
        raw = row_document({k: row[k] for k in FAKES_VISIBLE}, row["unit_id"], settings)
        try:
            if not isinstance(raw, RawDocument):
                raise InputRejected(raw.reason, raw.detail)
            cleaned.append(clean_document(raw))
            rows.append(row)
        except InputRejected:
            rejected += 1  # counts against every rate: no date, no lead event
    dated = sum(doc.published is not None for doc in cleaned)
    agree = {"date": 0, "governorate": 0, "killed": 0}
    texts = [doc.text for doc in cleaned]
    for row, doc, parsed in zip(rows, cleaned, nlp.pipe(texts, batch_size=16), strict=True):
        published = doc.published.value if doc.published else None
        lead = _lead(extract_events(doc.id, parsed, published, doc.site, doc.title).events)
        for key, ok in _agreement(row, lead).items():
            agree[key] += ok
    n = len(rows) + rejected
    return {
        "articles": n,
        "rejected": rejected,
        "published": round(dated / n, 3) if n else 0.0,
        **{f"lead_{k}": round(v / n, 3) if n else 0.0 for k, v in agree.items()},
    }
