"""`sitrep serve`: loopback without tokens is fine; any other address needs tokens (exit 2)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.cli.serve import resolve_auth
from sitrep.errors import UsageError

TOKEN = "team-token-0123456789abcdef"


def run_serve(*args: str, env_tokens: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SITREP_API_TOKENS"}
    if env_tokens:
        env["SITREP_API_TOKENS"] = env_tokens
    command = [sys.executable, "-c", "from sitrep.cli.app import main; main()", "serve", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


def test_public_address_without_tokens_refuses_to_start(tmp_path: Path) -> None:
    done = run_serve("--host", "0.0.0.0", "--db", str(tmp_path / "s.db"))
    assert done.returncode == 2
    assert "without authentication" in done.stderr and "--tokens-file" in done.stderr


def test_auth_comes_from_the_tokens_file_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITREP_API_TOKENS", raising=False)
    assert resolve_auth("127.0.0.1", None) is None  # local mode
    with pytest.raises(UsageError):
        resolve_auth("192.168.1.10", None)
    tokens = tmp_path / "tokens"
    tokens.write_text(f"{TOKEN} viewer Val\n", encoding="utf-8")
    auth = resolve_auth("0.0.0.0", tokens)
    assert auth is not None and auth.lookup(TOKEN) is not None
    monkeypatch.setenv("SITREP_API_TOKENS", f"{TOKEN} admin Ada; {'x' * 20} editor Ed")
    auth = resolve_auth("0.0.0.0", None)
    assert auth is not None and len(auth.tokens) == 2
    found = auth.lookup(TOKEN)
    assert found is not None and found.role == "admin"


def test_a_bad_tokens_file_is_a_usage_error(tmp_path: Path) -> None:
    tokens = tmp_path / "tokens"
    tokens.write_text(f"{TOKEN} superuser Bob\n", encoding="utf-8")
    done = run_serve(
        "--host", "0.0.0.0", "--tokens-file", str(tokens), "--db", str(tmp_path / "s.db")
    )
    assert done.returncode == 2 and "viewer, editor, admin" in done.stderr


def test_a_port_in_use_is_refused_in_words_before_the_workbench_says_it_is_up(
    tmp_path: Path,
) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = run_serve("--port", str(port), "--db", str(tmp_path / "s.db"))
    assert done.returncode == 2
    assert f"port {port} on 127.0.0.1 is already in use" in done.stderr
    assert "--port" in done.stderr and "workbench on" not in done.stderr
    assert "Errno" not in done.stderr
