"""How long the workbench's main pages wait on the API, on a filled store.

Each page is the list of API requests its code makes (src/sitrep/web/src/pages/*.ts) for one
analyst's step; a page's time is the sum of its requests, answered in-process by the app
(`fastapi.testclient`, no network, no browser), the median of `--repeat` runs. Run it before
and after a change on the same store:

    python bench/page_speed.py STORE.db [--repeat 3] [--place Aleppo] [--entity ID] [--page-size N]

Each row also gives the bytes its requests' answers hold (as sent, uncompressed).

FA-KES (docs/quality.md, The workbench): ingest `fa-kes-dev.csv` with only unit_id,
article_title, article_content and source kept, then point this at that store.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.store import Store

Request = tuple[str, dict[str, Any]]
# A page's requests: those an analyst made before (not timed) and those timed. Each run starts
# with nothing kept (`sitrep.api.kept`), so a page with nothing before is a first visit.
Page = tuple[list[Request], list[Request]]


def explore_all(client: TestClient, params: dict[str, Any], page: int) -> list[Request]:
    """The requests the map and the timeline make: `explorePoints` (filters.ts), pages of
    `page` points until every event; before /api/explore/points, `exploreAll`'s pages of
    explorer rows (at most 5000 each)."""
    path = "/api/explore/points"
    if client.get(path).status_code == 404:
        path, page = "/api/explore/events", min(page, 5000)
    first = client.get(path, params={**params, "limit": page}).json()
    total = int(first["total"])
    return [
        (path, {**params, "limit": page, "offset": offset})
        for offset in range(0, max(total, 1), page)
    ]


def pages(client: TestClient, place: str, entity: str, page: int) -> dict[str, Page]:
    aleppo_oct = {"place": place, "since": "2016-10-01", "until": "2016-10-31"}
    every_event = explore_all(client, {}, page)
    first_page = [("/api/explore/events", {"limit": 25})]
    return {
        "search": (
            [],
            [
                ("/api/search/entities", {"q": place, "limit": 20}),
                ("/api/entities", {"q": place, "limit": 10}),
            ],
        ),
        "explorer": ([], first_page),
        # the same view again: its next page, or sorted by another column
        "explorer, next page": (first_page, [("/api/explore/events", {"limit": 25, "offset": 25})]),
        "explorer, sorted by place": (
            first_page,
            [("/api/explore/events", {"limit": 25, "sort": "place"})],
        ),
        # a facet clicked: the explorer narrowed to the commonest type
        "explorer, a type clicked": (
            first_page,
            [("/api/explore/events", {"type": common_type(client), "limit": 25})],
        ),
        "explorer, place + month": ([], [("/api/explore/events", {**aleppo_oct, "limit": 25})]),
        "explorer, words": ([], [("/api/explore/events", {"words": "barrel bombs", "limit": 25})]),
        "map": ([], every_event),
        "map, after the explorer": (first_page, every_event),
        "timeline": ([], every_event),
        "timeline, place + month": ([], explore_all(client, aleppo_oct, page)),
        # the organisations its positions name come with it (`organisations`); before, one
        # explorer request each (bench/results/page-speed.md)
        # an event's page: the event, its evidence, and the events of its type nearest in time
        # (the candidates to merge it with, event.ts); then another event of the same type
        "event": ([], event_page(client, 0)),
        "event, another of its type": (event_page(client, 0), event_page(client, 1)),
        "event, after the explorer": (first_page, event_page(client, 0)),
        "dossier": ([], [(f"/api/entities/{entity}", {})]),
        "entities": ([], [("/api/entities", {"limit": 100})]),
        "contested claims": ([], [("/api/claims", {"contested": True, "limit": 500})]),
        # the page asks for the lowest weight at which at most 60 entities show (network.ts);
        # a server before `fit` ignores it and answers at weight 1, what that page asked for
        "network": ([], [("/api/network", {"fit": 60})]),
        "network, again": ([("/api/network", {"fit": 60})], [("/api/network", {"fit": 60})]),
        "decisions": ([], [("/api/judgements", {"by": "analyst", "limit": 50})]),
    }


def common_type(client: TestClient) -> str:
    types = client.get("/api/explore/events", params={"limit": 1}).json()["facets"]["type"]
    return str(types[0]["value"])


def event_page(client: TestClient, nth: int) -> list[Request]:
    """The requests of the page of the `nth` dated event of the store's commonest type."""
    common = common_type(client)
    dated = client.get("/api/explore/events", params={"type": common, "since": "1900", "limit": 99})
    days = {e["time_start"][:10]: e for e in dated.json()["items"]}  # one event a day
    event = list(days.values())[nth]
    path = f"/api/events/{event['id']}"
    near = {"type": common, "limit": 200, "near": event["time_start"][:10]}
    return [(path, {}), (f"{path}/evidence", {}), ("/api/explore/events", near)]


def forget_kept() -> None:
    """Nothing kept from an earlier run (a sitrep before `sitrep.api.kept` keeps nothing)."""
    from sitrep.api import explore, graph

    try:
        from sitrep.api import explore_points
    except ImportError:  # a sitrep before /api/explore/points
        modules = [explore, graph]
    else:
        modules = [explore, explore_points, graph]
    for module in modules:
        for value in list(vars(module).values()):
            if type(value).__name__ == "Kept":
                value.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--place", default="Aleppo")
    parser.add_argument("--entity", default="pk_bashar-al-assad")
    parser.add_argument("--only", help="the pages whose name holds this text")
    parser.add_argument(
        "--page-size", type=int, default=20000, help="what explorePoints (filters.ts) asks for"
    )
    args = parser.parse_args()
    store = Store(args.store)
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        plan = pages(client, args.place, args.entity, args.page_size)
        print("| page | requests | seconds (median) | kB sent |")
        print("|---|---:|---:|---:|")
        for name, (before, requests) in plan.items():
            if args.only and args.only not in name:
                continue
            runs = []
            for _ in range(args.repeat):
                forget_kept()
                for path, params in before:
                    _ok(client.get(path, params=params))
                spent, sent = 0.0, 0
                for path, params in requests:
                    start = time.perf_counter()
                    sent += _ok(client.get(path, params=params))
                    spent += time.perf_counter() - start
                runs.append(spent)
            median = statistics.median(runs)
            print(f"| {name} | {len(requests)} | {median:.2f} | {sent / 1000:,.0f} |")
    store.close()


def _ok(response: Any) -> int:
    """The answer's size in bytes (its body as sent, before any compression)."""
    assert response.status_code == 200, response.text
    return len(response.content)


if __name__ == "__main__":
    main()
