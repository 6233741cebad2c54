"""A real HTTP server on 127.0.0.1 for tests: fixed routes, redirects, slow and big answers.

    with LocalServer() as server:
        server.route("/page.html", b"<html>...</html>", content_type="text/html")
        server.redirect("/old", "/page.html")
        url = server.url("/page.html")

Nothing leaves the machine: the server binds to loopback on a free port. Tests that fetch from
it must set `allow_private_addresses=True`, since sitrep refuses loopback by default.
A route with `hold=threading.Event()` answers only once the event is set.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # sleep before answering (for timeout tests)
    send_length: bool = True  # False: no Content-Length, the body ends when the connection does
    # Answer only once this event is set: a test holds a fetch in flight for as long as it needs
    # (to kill a run at a known point) without racing the clock.
    hold: threading.Event | None = None
    # Send the status line and headers one byte every this many seconds, without end: a server
    # that never trips a per-read timeout (only a whole-request deadline stops it).
    dribble_s: float = 0.0


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers.items())))
        route = self.server.routes.get(self.path.split("?", 1)[0])
        if route is None:
            route = Route(404, b"not found", {"Content-Type": "text/plain"})
        if route.delay_s:
            time.sleep(route.delay_s)
        if route.hold is not None:
            route.hold.wait()
        if route.dribble_s:
            self._dribble(route.dribble_s)
            return
        try:
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout, size cap): expected in those tests

    def _dribble(self, pause: float) -> None:
        head = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n" + b"X-Slow: " + b"a" * 100_000
        try:
            for n in range(len(head)):
                self.wfile.write(head[n : n + 1])
                self.wfile.flush()
                time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up: what the test wants

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output quiet


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]]


class LocalServer:
    """A threaded http.server on 127.0.0.1, port chosen by the OS, for the life of a `with`."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.routes = {}
        self._server.requests = []
        # A short poll interval so that leaving the `with` (shutdown) takes milliseconds.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def requests(self) -> list[tuple[str, dict[str, str]]]:
        """(path, headers) of every request served, in order."""
        return self._server.requests

    def url(self, path: str) -> str:
        return self.base + path

    def route(
        self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", **kw: object
    ) -> str:
        """Serve `body` at `path`; extra keywords are Route fields. Returns the full URL."""
        headers = {"Content-Type": content_type}
        self._server.routes[path] = Route(body=body, headers=headers, **kw)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self._server.routes[path] = Route(status, b"", {"Location": location})
        return self.url(path)

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
