"""What every command shares: opening the store from --db / SITREP_DB, printing JSON lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from typing import Annotated, Any

import typer

from sitrep.settings import get_settings
from sitrep.store import Store

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite file or postgresql:// URL [env: SITREP_DB; default ./sitrep.db]"
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="print JSON lines instead of a table")]


def open_store(db: str | None) -> Store:
    return Store(db or get_settings().db)


def _default(value: Any) -> Any:
    if isinstance(value, bytes):
        return None
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def print_json_lines(rows: Iterable[Mapping[str, Any]]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=_default) + "\n")
