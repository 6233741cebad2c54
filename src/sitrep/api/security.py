"""Security at the edge, as one ASGI middleware around the whole app.

- headers on every response: a strict Content-Security-Policy (no inline scripts, nothing from
  other origins), nosniff, no framing, no referrer leaks;
- request bodies capped (413 in the error shape) whether or not Content-Length is honest;
- in local mode, only loopback Host names, so a DNS-rebinding page cannot reach the API;
- any unexpected exception becomes a 500 in the error shape (with the headers) and is logged.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.api.auth import LOOPBACK_HOSTS
from sitrep.api.errors import error_body

log = logging.getLogger("sitrep.api")

CSP = (
    "default-src 'self'; script-src 'self'; "
    # Leaflet and Cytoscape position elements through inline style properties
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
]
DEFAULT_MAX_BODY = 1024 * 1024


class _TooLarge(HTTPException):
    # an HTTPException, so FastAPI's body parsing passes it on instead of calling it a 400
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than {limit} bytes")


class EdgeMiddleware:
    def __init__(self, app: ASGIApp, max_body: int = DEFAULT_MAX_BODY, local: bool = True) -> None:
        self.app = app
        self.max_body = max_body
        self.local = local

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        if self.local and _hostname(headers.get("host", "")) not in LOOPBACK_HOSTS:
            await _reply(
                send_with_headers, 403, "forbidden", "this server answers on loopback only"
            )
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            await _reply(send_with_headers, 413, "too-large", self._too_large())
            return
        try:
            await self.app(scope, self._capped(receive), send_with_headers)
        except _TooLarge:
            if not started:
                await _reply(send_with_headers, 413, "too-large", self._too_large())
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _reply(send_with_headers, 500, "internal", "internal server error")

    def _too_large(self) -> str:
        return f"request body larger than {self.max_body} bytes"

    def _capped(self, receive: Receive) -> Receive:
        seen = 0

        async def wrapped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge(self.max_body)
            return message

        return wrapped


# A Host header: a name or an IPv4 address, or an IPv6 address in brackets, and maybe a port.
# Anything else ("127.0.0.1:80@evil.example") names no host of ours.
_HOST = re.compile(r"(?P<name>[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")


def _hostname(host: str) -> str:
    """The host name of a Host header, lower-cased (names are case-insensitive); "" if bad."""
    match = _HOST.fullmatch(host.strip())
    return match.group("name").lower() if match else ""


async def _reply(send: Any, status: int, code: str, message: str) -> None:
    body = json.dumps(error_body(code, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
