"""Regenerate the workbench screenshots in docs/screenshots/ from the demo corpus: ingest it
into a throwaway store, serve it, walk the tour in tests/web_tour.py and save each page.

Usage (scripts/screenshots runs this): python tests/web_screenshots.py [OUT_DIR] [--db STORE]
With --db, an already ingested store is served as is (no ingest)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import web_tour as tour

SHOTS = [
    "01-search",
    "02-document",
    "03-dossier",
    "04-map",
    "05-contested-event",
    "06-network",
    "07-timeline",
    "08-explorer",
    "09-claim-sentence",
    "10-search-spellings",
    "11-ego-network",
    "12-story",
    "13-relation-evidence",
    "14-add-reports",
    "15-relations",
]


def walk(tab: tour.Tab) -> list[Path]:
    """The README's walkthrough, one screenshot per page (names as in SHOTS)."""
    tour.search(tab)
    saved = [tab.shot("01-search")]
    tour.open_result(tab)
    saved.append(tab.shot("02-document", max_height=1500))
    tour.follow_mention(tab)
    saved.append(tab.shot("03-dossier", max_height=1500))
    tour.full_map(tab)
    tour.map_governorates(tab)
    saved.append(tab.shot("04-map", max_height=1300))
    tour.contested_event(tab)
    saved.append(tab.shot("05-contested-event"))
    tour.network(tab)  # the default weight fits at most 60 entities: readable at a glance
    saved.append(tab.shot("06-network"))
    tour.timeline(tab)
    saved.append(tab.shot("07-timeline", max_height=1100))
    tour.explorer(tab, actor="Suleimani")
    saved.append(tab.shot("08-explorer", max_height=1300))
    tour.contested_event(tab)
    tour.claim_sentence(tab)
    saved.append(tab.shot("09-claim-sentence", max_height=1100))
    tour.search(tab, "Suleimani")
    saved.append(tab.shot("10-search-spellings", max_height=1000))
    tab.click_to(f"main a.ent:text-is({tour.quoted(tour.PERSON)})", "entity")
    tour.ego_network(tab)
    saved.append(tab.shot("11-ego-network", max_height=1100))
    tour.story(tab)
    saved.append(tab.shot("12-story", max_height=1200))
    tour.relation_evidence(tab, tour.learned_relation(tab)["id"])
    saved.append(tab.shot("13-relation-evidence", max_height=1400))
    tour.relations_list(tab, tour.learned_relation(tab)["id"])
    saved.append(tab.shot("15-relations", max_height=1300))
    tour.add_report(tab)  # last: it adds a document to the store the others show
    saved.append(tab.shot("14-add-reports", max_height=1400))
    return saved


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=tour.REPO / "docs" / "screenshots")
    parser.add_argument("--db", type=Path, help="serve this store instead of ingesting the demo")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitrep-shots-") as work:
        db = args.db
        if db is None:
            db = Path(work) / "demo.db"
            summary = tour.ingest_demo(db)
            print(f"ingested {summary.stored} documents, {summary.rejected_total} rejected")
        with tour.served(db) as base, tour.browser_tab(base, args.out) as tab:
            for path in walk(tab):
                print(path)
            if tab.problems:
                print("problems in the browser:", *tab.problems, sep="\n  ", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
