"""Which network addresses sitrep may fetch from: public ones only, unless told otherwise.

A URL in a feed or a pile of inputs is untrusted; without this check it could make sitrep read
the analyst's own network (routers, cloud metadata at 169.254.169.254, local services).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

from sitrep.errors import FetchError
from sitrep.settings import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_CATEGORIES = (
    ("is_unspecified", "unspecified"),
    ("is_loopback", "loopback"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_reserved", "reserved"),  # before private: Python counts 240.0.0.0/4 as both
    ("is_private", "private"),
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, NAT64), which is what gets reached."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def blocked_reason(address: str) -> str | None:
    """Why fetching from `address` is refused ("loopback", "private" ...), or None if public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id ("fe80::1%eth0")
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        inner = blocked_reason(str(embedded))
        if inner is not None:
            return f"{inner} (inside {ip})"
    for attribute, label in _CATEGORIES:
        if getattr(ip, attribute):
            return label
    return None if ip.is_global else "non-public"


def public_addresses(host: str, port: int, settings: Settings) -> list[str]:
    """Resolve `host`; refuse it if any of its addresses is not public (unless allowed).

    Every address is checked, not just the first: the connection may use any of them.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError("unreachable", f"cannot resolve host {host!r}: {err}") from err
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        reason = None if settings.allow_private_addresses else blocked_reason(address)
        if reason is not None:
            raise FetchError(
                "blocked-address",
                f"{host} resolves to {address}, a {reason} address; fetching it is refused "
                "(set SITREP_ALLOW_PRIVATE_ADDRESSES=true to allow it)",
            )
    return addresses


# The monotonic time by which the fetch in progress (in this thread) must be over, if any.
_deadline: ContextVar[float | None] = ContextVar("sitrep_fetch_deadline", default=None)


@contextmanager
def fetch_deadline(seconds: float) -> Iterator[None]:
    """Bound everything the fetches inside take, headers included, to `seconds` in all.

    httpx's timeouts are per read: a server that sends its headers one byte at a time never
    trips them. Every read, write and connect of a `DeadlineStream` is given only the time left,
    and none starts once it is spent."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def _time_left(timeout: float | None) -> float | None:
    end = _deadline.get()
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the fetch's time budget is spent")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every operation ends by the current fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _time_left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _time_left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, _time_left(timeout))
        return DeadlineStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses it has just checked.

    Checking a name and then letting the HTTP library resolve it again would leave a gap: a
    hostile DNS server can answer "public" to the check and "127.0.0.1" to the connection
    (DNS rebinding). Here the checked address is the one connected to; TLS still verifies the
    certificate against the host name, which httpcore passes separately.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in public_addresses(host, port, self.settings):
            try:
                stream = super().connect_tcp(
                    address, port, _time_left(timeout), local_address, socket_options
                )
                return DeadlineStream(stream)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                last = err  # try the host's next address, as a browser would
        raise last or FetchError("unreachable", f"{host} has no address")


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool built on `GuardedBackend`."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(trust_env=False)
        # httpx has no public hook for the network backend; its pool is the documented
        # httpcore.ConnectionPool, so build one with the same TLS defaults and our backend.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=GuardedBackend(settings),
        )
