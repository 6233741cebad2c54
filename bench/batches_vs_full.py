"""Does a store fed in batches hold the same events as one grouped all at once?

Ingests FA-KES dev (coded columns hidden, as `sitrep eval corroboration` does) in N batches, each
a later run with its own reduce, then re-groups everything with the same code and compares the
memberships of the events. Prints each batch's time and reduce, and the comparison.

    python bench/batches_vs_full.py [--batches 6] [--fakes PATH] [--work DIR]
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from sitrep.corroborate.evaluate import write_hidden
from sitrep.corroborate.run import run_corroboration
from sitrep.pipeline import Ingest
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store import schema as s


def groups(store: Store) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    with store.read() as conn:
        m = s.event_mentions.c
        for mention, event in conn.execute(select(m.id, m.event_id)):
            if event:
                members.setdefault(event, set()).add(mention)
    return {frozenset(v) for v in members.values()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=6)
    parser.add_argument("--fakes", type=Path, default=None)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    settings = Settings(workers=1)
    fakes = args.fakes or settings.shared_data / "fa-kes" / "fa-kes-dev.csv"
    work = args.work or Path(tempfile.mkdtemp(prefix="sitrep-batches-"))
    work.mkdir(parents=True, exist_ok=True)
    hidden = work / "hidden.csv"
    write_hidden(fakes, hidden)
    with hidden.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    (work / "batches.db").unlink(missing_ok=True)
    store = Store(str(work / "batches.db"))
    size = -(-len(rows) // args.batches)
    for number in range(args.batches):
        part = work / f"part{number}.csv"
        with part.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows[number * size : (number + 1) * size])
        started = time.perf_counter()
        summary = Ingest(store, settings).run([str(part)])
        reduce = summary.stage_seconds.get("reduce", 0.0)
        seconds = time.perf_counter() - started
        print(f"batch {number}: {summary.stored} stored, {seconds:.1f} s, reduce {reduce:.2f} s")
    fed = groups(store)
    run_corroboration(store, everything=True)
    whole = groups(store)
    differing = sum(1 for g in fed ^ whole if len(g) > 1)
    print(
        f"events fed in batches {len(fed)}, grouped at once {len(whole)}, "
        f"identical {len(fed & whole)}, multi-mention events that differ {differing}"
    )


if __name__ == "__main__":
    main()
