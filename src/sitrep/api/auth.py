"""Who is calling, and may they do this: bearer tokens with roles, and CSRF for browser writes.

Local mode (`auth=None`, only ever on a loopback address) trusts the one local user as admin.
Because any web page the analyst opens could still post to 127.0.0.1, writes that do not carry
a bearer token (the browser UI) must echo the CSRF cookie in a header and come from our origin.
"""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from fastapi import Request

from sitrep.errors import ConfigError, PermissionDenied, SitrepError

Role = Literal["viewer", "editor", "admin"]
ROLE_RANK: dict[str, int] = {"viewer": 0, "editor": 1, "admin": 2}
CSRF_COOKIE = "sitrep_csrf"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


class Unauthenticated(SitrepError):
    """No valid token where one is required."""

    exit_code = 2
    http_status = 401
    code = "unauthorized"


@dataclass(frozen=True)
class Principal:
    name: str
    role: Role

    def can(self, role: Role) -> bool:
        return ROLE_RANK[self.role] >= ROLE_RANK[role]


@dataclass(frozen=True)
class AuthConfig:
    """The tokens that may call the API: token -> who and which role."""

    tokens: dict[str, Principal] = field(default_factory=dict)

    def lookup(self, token: str) -> Principal | None:
        found = None
        for known, principal in self.tokens.items():
            # compare every token in constant time so timing does not leak a prefix
            if hmac.compare_digest(known.encode(), token.encode()):
                found = principal
        return found

    @classmethod
    def parse(cls, lines: Iterable[str], where: str) -> AuthConfig:
        """Lines of `token role name`; blank lines and `#` comments are skipped."""
        tokens: dict[str, Principal] = {}
        for number, raw in enumerate(lines, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2)
            if len(parts) < 3 or parts[1] not in ROLE_RANK:
                raise ConfigError(
                    f"{where} line {number}: expected `token role name`",
                    hint="role is one of viewer, editor, admin",
                )
            token, role, name = parts
            if len(token) < 16:
                raise ConfigError(f"{where} line {number}: token shorter than 16 characters")
            tokens[token] = Principal(name, role)  # type: ignore[arg-type]
        return cls(tokens)

    @classmethod
    def load(cls, tokens_file: Path | None = None, env: str = "SITREP_API_TOKENS") -> AuthConfig:
        """From `--tokens-file` and/or the environment (entries separated by newlines or `;`).

        The environment is read at call time, not from the cached settings, so a server
        started after the variable changed sees the new tokens (declared as
        `Settings.api_tokens`)."""
        config = cls()
        if tokens_file is not None:
            try:
                text = tokens_file.read_text(encoding="utf-8")
            except OSError as error:
                raise ConfigError(f"cannot read the tokens file {tokens_file}: {error}") from error
            config = cls({**config.tokens, **cls.parse(text.splitlines(), str(tokens_file)).tokens})
        if os.environ.get(env):
            entries = os.environ[env].replace(";", "\n").splitlines()
            config = cls({**config.tokens, **cls.parse(entries, env).tokens})
        return config


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def principal_of(request: Request) -> Principal | None:
    """The caller, or None when auth is required and no valid token was given."""
    auth: AuthConfig | None = request.app.state.auth
    token = _bearer(request)
    if auth is None:
        return Principal("local", "admin")
    return auth.lookup(token) if token else None


def check_origin(request: Request) -> None:
    """A cross-site write is refused: Origin (or Referer) must name this very host."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return
    if origin == "null" or urlsplit(origin).netloc != request.headers.get("host", ""):
        raise PermissionDenied(
            "cross-origin write refused", hint="use the workbench at this address, or a token"
        )


def check_csrf(request: Request) -> None:
    """Double-submit: the header must equal the cookie the UI received from /api/session."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    header = request.headers.get(CSRF_HEADER, "")
    if not cookie or not hmac.compare_digest(cookie.encode(), header.encode()):
        raise PermissionDenied(
            "missing or wrong CSRF token",
            hint=f"send the {CSRF_COOKIE} cookie's value in the X-CSRF-Token header",
        )


def require(role: Role) -> Callable[[Request], Principal]:
    """A FastAPI dependency: the caller must hold `role` (or higher)."""

    def dependency(request: Request) -> Principal:
        principal = principal_of(request)
        if principal is None:
            raise Unauthenticated("this server needs a token", hint="Authorization: Bearer …")
        if request.method in UNSAFE_METHODS:
            check_origin(request)
            # Only a token that authenticated the caller stands in for the CSRF check: in local
            # mode no token is checked, so any page could send `Authorization: Bearer x`.
            if request.app.state.auth is None or _bearer(request) is None:
                check_csrf(request)
        if not principal.can(role):
            raise PermissionDenied(
                f"{principal.name} ({principal.role}) cannot do this; needs {role}"
            )
        return principal

    return dependency


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)
