"""The acquire stage's entry point: specs → a lazy stream of RawDocument | Rejection."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, get_args
from urllib.parse import urlsplit

import httpx

from sitrep.acquire.base import Item, Items
from sitrep.acquire.feeds import iter_feed
from sitrep.acquire.fetch import fetch, fetch_url, fetched_document, make_client
from sitrep.acquire.files import iter_data, iter_path
from sitrep.acquire.htmlbudget import check_markup
from sitrep.acquire.sniff import SNIFF_BYTES, Refusal, classify
from sitrep.acquire.specs import Target, count_targets, expand
from sitrep.errors import FetchError, UsageError
from sitrep.records import RawDocument, Rejection, RejectReason
from sitrep.settings import Settings

STDIN_ORIGIN = "<stdin>"
log = logging.getLogger(__name__)
_REASONS: frozenset[str] = frozenset(get_args(RejectReason))


def _rejection(origin: str, err: FetchError) -> Rejection:
    reason: RejectReason = err.reason if err.reason in _REASONS else "unreachable"  # type: ignore[assignment]
    return Rejection(origin, reason, err.message)


class _Fetcher:
    """One HTTP client per run, opened on the first URL (a run of local files never opens one)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = make_client(self.settings)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def page_items(self, url: str) -> Items:
        """A feed item's link: one page, or why it could not be had (never expanded further)."""
        try:
            yield fetch_url(url, self.settings, self.client)
        except FetchError as err:
            yield _rejection(url, err)

    def url_items(self, url: str) -> Items:
        """A URL given as input: a page, or a feed / table / crawl to expand."""
        fetched = fetch(url, self.settings, self.client)
        name = urlsplit(fetched.url).path
        verdict = classify(name, fetched.content[:SNIFF_BYTES], fetched.content_type)
        if isinstance(verdict, Refusal):
            yield Rejection(url, verdict.reason, verdict.detail)
        elif verdict in ("html", "text", "pdf"):
            yield fetched_document(fetched)
        elif verdict == "feed":
            yield from iter_feed(fetched.content, url, self.page_items, base_url=fetched.url)
        else:
            yield from iter_data(fetched.content, verdict, url, self.settings, self.page_items)


def _iter_stdin(stdin: BinaryIO, settings: Settings, fetcher: _Fetcher) -> Items:
    # Spooled to a temporary file so a crawl piped in is streamed like any file, not held whole.
    with tempfile.NamedTemporaryFile(prefix="sitrep-stdin-") as spool:
        shutil.copyfileobj(stdin, spool)
        spool.flush()
        yield from iter_path(Path(spool.name), STDIN_ORIGIN, settings, fetcher.page_items, "")


def _guarded(items: Items, origin: str) -> Items:
    """Turn a failure inside one input into a Rejection: one bad input never aborts a run.

    An input that yields nothing at all (a table with only a header, an empty feed) is reported
    too: every input is stored or rejected with a reason, never silently dropped."""
    count = 0
    try:
        for item in items:
            count += 1
            yield item
    except FetchError as err:
        yield _rejection(origin, err)
        return
    except Exception as err:  # a third-party parser choking on one input must not stop the run
        log.warning("reading %s failed", origin, exc_info=err)  # the trace, for whoever debugs
        yield Rejection(origin, "malformed", _FAILED)
        return
    if not count:
        yield Rejection(origin, "no-text", "nothing in it could be read as a document")


_FAILED = (
    "could not be read: its content is damaged, or not in the format its name and first bytes "
    "suggest"
)


def _target_items(
    target: Target, origin: str, settings: Settings, stdin: BinaryIO | None, fetcher: _Fetcher
) -> Items:
    if target.kind == "missing":
        yield Rejection(origin, "not-found", "no such file or folder, and no glob match")
    elif target.kind == "unreadable":
        yield Rejection(origin, "unreadable", target.detail)
    elif target.kind == "url":
        yield from fetcher.url_items(target.value)
    elif target.kind == "stdin":
        yield from _iter_stdin(stdin if stdin is not None else sys.stdin.buffer, settings, fetcher)
    else:
        yield from iter_path(Path(target.value), origin, settings, fetcher.page_items)


def iter_inputs(
    specs: Sequence[str],
    settings: Settings,
    stdin: BinaryIO | None = None,
    origins: Mapping[str, str] | None = None,
) -> Items:
    """Every document the specs hold, lazily, in order; each bad input is a Rejection.

    `origins` names the origin of a file spec when its path is not what the user knows it by
    (the workbench spools an uploaded file or a pasted text to a temporary file: its documents
    keep the file's own name, or "pasted text", not a server path gone after the run).
    Raises UsageError only when no spec is given at all.
    """
    if not specs:
        raise UsageError("no inputs given", hint="name files, folders, globs, URLs or - for stdin")
    return _iter_all(list(specs), settings, stdin, origins or {})


def _iter_all(
    specs: list[str], settings: Settings, stdin: BinaryIO | None, origins: Mapping[str, str]
) -> Items:
    fetcher = _Fetcher(settings)
    try:
        for target in expand(specs):
            origin = origins.get(target.value, target.value)
            if target.kind == "stdin":
                origin = STDIN_ORIGIN
            items = _target_items(target, origin, settings, stdin, fetcher)
            for item in _guarded(items, origin):
                yield _within_budget(item, settings)
    finally:
        fetcher.close()


def _within_budget(item: Item, settings: Settings) -> Item:
    """Every page, from wherever it came, is measured before any parser sees it."""
    if isinstance(item, RawDocument) and item.format in ("html", "feed-item"):
        over = check_markup(item.content, settings)
        if over is not None:
            return Rejection(item.origin, "over-budget", f"the page's markup is {over.detail}")
    return item


def count_inputs(specs: Sequence[str]) -> int | None:
    """Number of files the specs name (for a progress bar); None with stdin or a URL."""
    return count_targets(specs)
