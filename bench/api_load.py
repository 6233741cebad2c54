"""Readers against the API while an ingest writes into the same store: errors and latency.

    python bench/api_load.py INPUTS... [--readers 50] [--db DIR/store.db] [--no-nlp] [-o out.json]

Starts `sitrep serve` on a free loopback port over the store, then `sitrep ingest INPUTS` into
it, and while the ingest runs (and at least `--min-seconds`) each of the readers loops over the
read endpoints (documents, search, entities, events, claims, timeline, network, map). Reported:
requests, errors (any status other than 200, or no answer), and latency percentiles. Standard
library only; both the server and the ingest are real processes.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

PATHS = [
    "/api/documents?limit=20",
    "/api/search?q=Baghdad",
    "/api/entities",
    "/api/events",
    "/api/claims",
    "/api/timeline",
    "/api/network",
    "/api/map",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer at {url}")


class Readers:
    def __init__(self, base: str, count: int) -> None:
        self.base, self.count = base, count
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def _read(self, number: int) -> None:
        n = number
        while not self.stop.is_set():
            path = PATHS[n % len(PATHS)]
            n += 1
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(self.base + path, timeout=60) as response:
                    response.read()
                    status = str(response.status)
            except urllib.error.HTTPError as err:
                status = str(err.code)
            except (urllib.error.URLError, OSError) as err:
                status = type(err).__name__
            took = time.perf_counter() - started
            with self.lock:
                self.latencies.append(took)
                if status != "200":
                    key = f"{path} {status}"
                    self.errors[key] = self.errors.get(key, 0) + 1

    def run(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self._read, args=(n,)) for n in range(self.count)]
        for thread in threads:
            thread.start()
        return threads


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--db", default=None)
    parser.add_argument("--no-nlp", action="store_true")
    parser.add_argument("--min-seconds", type=float, default=10.0)
    parser.add_argument("-o", "--output", type=Path, default=None)
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp(prefix="sitrep-load-")) / "store.db")
    sitrep = [sys.executable, "-m", "sitrep"]
    port = _free_port()
    server = subprocess.Popen(
        [*sitrep, "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base + "/api/documents", 60)
        readers = Readers(base, args.readers)
        started = time.monotonic()
        threads = readers.run()
        ingest_cmd = [*sitrep, "ingest", *args.inputs, "--db", db, "--json"]
        if args.no_nlp:
            ingest_cmd.append("--no-nlp")
        ingest = subprocess.run(ingest_cmd, capture_output=True, text=True, check=False)
        ingest_s = time.monotonic() - started
        time.sleep(max(0.0, args.min_seconds - ingest_s))
        readers.stop.set()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = readers.latencies
    report = {
        "readers": args.readers,
        "ingest_exit_code": ingest.returncode,
        "ingest_seconds": round(ingest_s, 1),
        "requests": len(latencies),
        "errors": sum(readers.errors.values()),
        "errors_by_kind": readers.errors,
        "latency_s": {
            "p50": round(_percentile(latencies, 0.50), 3),
            "p95": round(_percentile(latencies, 0.95), 3),
            "p99": round(_percentile(latencies, 0.99), 3),
            "max": round(max(latencies, default=0.0), 3),
            "mean": round(statistics.fmean(latencies), 3) if latencies else 0.0,
        },
        "cpu_count": os.cpu_count(),
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.output is not None:
        args.output.write_text(text + "\n", encoding="utf-8")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
