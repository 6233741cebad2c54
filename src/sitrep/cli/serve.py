"""`sitrep serve`: the analyst's workbench (REST API + web UI) over a store.

Loopback by default, for one local user without tokens. Any other address serves a team and
must have tokens (`--tokens-file` or SITREP_API_TOKENS); without them it refuses to start.
"""

from __future__ import annotations

import errno
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sitrep.cli.common import DbOption, open_store
from sitrep.errors import UsageError

if TYPE_CHECKING:
    from sitrep.api.auth import AuthConfig


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    """Add this area's commands to the sitrep CLI."""
    app.command()(serve)
    app.command("openapi")(openapi)


def resolve_auth(host: str, tokens_file: Path | None) -> AuthConfig | None:
    """None (local mode) on loopback without tokens; tokens required anywhere else."""
    from sitrep.api.auth import LOOPBACK_HOSTS, AuthConfig  # the API only when serving

    config = AuthConfig.load(tokens_file)
    if config.tokens:
        return config
    if host in LOOPBACK_HOSTS:
        return None
    raise UsageError(
        f"refusing to serve on {host} without authentication",
        hint="give --tokens-file FILE (lines `token role name`, role viewer/editor/admin) "
        "or set SITREP_API_TOKENS; or serve on 127.0.0.1",
    )


def check_port_free(host: str, port: int) -> None:
    """Refuse in words when the address cannot be listened on, before the workbench says it
    is up: the server would otherwise print its address and then fail with the socket's error.
    SO_REUSEADDR as the server sets it, so a port another server left a moment ago is free."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise UsageError(
            f"cannot serve on {host}: the address is unknown ({error.strerror})"
        ) from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise UsageError(
                    f"port {port} on {host} is already in use",
                    hint="another program (or another sitrep serve) holds it; give --port N",
                ) from None
            raise UsageError(f"cannot serve on {host}:{port}: {error.strerror}") from None


def serve(
    host: Annotated[str, typer.Option(help="address to bind; non-loopback needs tokens")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port")] = 8000,
    db: DbOption = None,
    tokens_file: Annotated[
        Path | None,
        typer.Option("--tokens-file", help="lines of `token role name` [env: SITREP_API_TOKENS]"),
    ] = None,
) -> None:
    """Serve the workbench: search, documents, dossiers, network, map, timeline, claims."""
    import uvicorn

    from sitrep.api import create_app

    auth = resolve_auth(host, tokens_file)
    check_port_free(host, port)
    store = open_store(db)
    app = create_app(store, auth)
    mode = "local, no tokens" if auth is None else f"{len(auth.tokens)} tokens"
    typer.secho(f"sitrep workbench on http://{host}:{port}/ ({mode})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def openapi() -> None:
    """Print the API's OpenAPI document (JSON): the source the web UI's types are generated
    from (scripts/gen-api-types), so client and server cannot drift apart."""
    from sitrep.api.openapi import text

    typer.echo(text(), nl=False)
