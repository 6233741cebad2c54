"""Fetching one URL, carefully: timeouts, a size cap, a redirect limit, public addresses only.

Redirects are followed by hand so that every hop's scheme and address are checked before any
connection is made. Problems raise `FetchError(reason, message)` with a `RejectReason`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from sitrep.acquire.netguard import GuardedTransport, fetch_deadline
from sitrep.acquire.ratio import ratio_problem
from sitrep.acquire.sniff import SNIFF_BYTES, Refusal, charset_of, classify, undecodable
from sitrep.errors import FetchError
from sitrep.records import RawDocument
from sitrep.settings import Settings

USER_AGENT = "sitrep/0.1 (+OSINT research tool)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Fetched:
    """A successful download: the body and what the server said about it."""

    requested: str
    url: str  # after redirects
    content: bytes
    content_type: str | None
    fetched_at: str  # ISO-8601 UTC

    @property
    def charset(self) -> str | None:
        return charset_of(self.content_type)


def make_client(settings: Settings) -> httpx.Client:
    """A client for a run's fetches (a feed and its items share connections); close it after."""
    return httpx.Client(
        timeout=httpx.Timeout(settings.fetch_timeout_s),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=False,  # followed by hand, checking each hop's scheme
        trust_env=False,  # a proxy from the environment would hide the real address
        transport=GuardedTransport(settings),  # checks every address it connects to
    )


def checked_url(url: str, settings: Settings) -> httpx.URL:
    """Parse `url` and refuse anything but http(s) (addresses are checked on connecting)."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError("unsupported", f"only http and https URLs are fetched, not {url!r}")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as err:
        raise FetchError("malformed", f"not a valid URL: {url!r} ({err})") from err
    if not parsed.host:
        raise FetchError("malformed", f"the URL has no host: {url!r}")
    return parsed


def _read_body(response: httpx.Response, settings: Settings, deadline: float) -> bytes:
    """The decoded body, refused as soon as it passes the cap (never held whole if too big)."""
    cap = settings.fetch_max_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise FetchError("too-large", f"{response.url} is {declared} bytes, over fetch_max_bytes")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise FetchError("too-large", f"{response.url} is over {cap} bytes (fetch_max_bytes)")
        # httpx undoes Content-Encoding (gzip, deflate, br): hold the decoded bytes to the
        # ratio budget against the bytes that came over the wire.
        if problem := ratio_problem(size, response.num_bytes_downloaded, settings):
            raise FetchError("over-budget", f"{response.url}: {problem}")
        if time.monotonic() > deadline:
            raise FetchError(
                "unreachable", f"{response.url} took over {settings.fetch_timeout_s} s"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _get(client: httpx.Client, url: httpx.URL, settings: Settings) -> Fetched | httpx.URL:
    """One hop: the download, or the next URL when the server redirects."""
    deadline = time.monotonic() + settings.fetch_timeout_s
    with client.stream("GET", url) as response:
        location = response.headers.get("location")
        if response.status_code in _REDIRECTS and location:
            return url.join(location)
        if response.status_code >= 400 or response.status_code < 200:
            phrase = response.reason_phrase or "error"
            raise FetchError("http-error", f"HTTP {response.status_code} {phrase} from {url}")
        content = _read_body(response, settings, deadline)
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        content_type = response.headers.get("content-type")
        return Fetched(str(url), str(response.url), content, content_type, now)


def _fetch_hops(url: str, settings: Settings, client: httpx.Client) -> Fetched:
    with fetch_deadline(settings.fetch_timeout_s):  # every hop, headers and body, in all
        return _follow(url, settings, client)


def _follow(url: str, settings: Settings, client: httpx.Client) -> Fetched:
    current = url
    for _ in range(settings.fetch_max_redirects + 1):
        result = _get(client, checked_url(current, settings), settings)
        if isinstance(result, Fetched):
            return Fetched(url, result.url, result.content, result.content_type, result.fetched_at)
        current = str(result)
    limit = settings.fetch_max_redirects
    raise FetchError("http-error", f"more than {limit} redirects from {url} (last: {current})")


def fetch(url: str, settings: Settings, client: httpx.Client | None = None) -> Fetched:
    """Download `url` under the settings' rules; raises FetchError with a RejectReason."""
    try:
        if client is not None:
            return _fetch_hops(url, settings, client)
        with make_client(settings) as own:
            return _fetch_hops(url, settings, own)
    except httpx.TimeoutException as err:
        raise FetchError("unreachable", f"{url} timed out ({settings.fetch_timeout_s} s)") from err
    except (httpx.ConnectError, httpx.NetworkError) as err:
        raise FetchError("unreachable", f"cannot connect to {url}: {err}") from err
    except httpx.HTTPError as err:
        raise FetchError("http-error", f"bad response from {url}: {err}") from err


def fetched_document(fetched: Fetched) -> RawDocument:
    """A page download as a RawDocument; FetchError when it is not a page (binary, feed ...)."""
    verdict = classify(
        urlsplit(fetched.url).path, fetched.content[:SNIFF_BYTES], fetched.content_type
    )
    if isinstance(verdict, Refusal):
        raise FetchError(verdict.reason, f"{fetched.url}: {verdict.detail}")
    if verdict not in ("html", "text", "pdf"):
        raise FetchError("unsupported", f"{fetched.url} is a {verdict}, not a page")
    if verdict != "pdf" and (problem := undecodable(fetched.content)):
        raise FetchError("undecodable", f"{fetched.url}: {problem}")
    return RawDocument(
        content=fetched.content,
        origin=fetched.requested,
        format=verdict,
        url=fetched.url,
        fetched_at=fetched.fetched_at,
        declared_encoding=fetched.charset,
    )


def fetch_url(url: str, settings: Settings, client: httpx.Client | None = None) -> RawDocument:
    """Fetch one page (HTML, text or PDF) as a RawDocument; raises FetchError otherwise.

    Feeds and tables behind a URL are expanded by `iter_inputs`, not here.
    """
    return fetched_document(fetch(url, settings, client))
