"""The API and the exporters query nothing themselves: every question goes through the read model
(`sitrep.read`), every analyst decision through the ledger (`sitrep.ledger`). This holds them to
it by reading their source: no query builder from SQLAlchemy (its types, to annotate a
connection or a query the read model built, are fine), no store schema, no `.execute(`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "sitrep"
LAYERS = ("api", "export")
# SQLAlchemy names that are only types: a signature may name them, nothing can query with them
TYPE_ONLY = frozenset({"Connection", "Select", "Engine"})
# Modules allowed to break the rule, each with why. Empty: no route or exporter writes or reads
# the store other than through `sitrep.read` and `sitrep.ledger` (the ingest route hands
# documents to the pipeline, which owns its writes). Add an entry only for a write that goes
# through the ledger and cannot be reached otherwise, and say so here.
ALLOWED: dict[str, str] = {}


def violations(source: str) -> list[str]:
    """What in the module's source reads the store past the read model, in words."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "sqlalchemy" or alias.name.startswith("sqlalchemy."):
                    found.append(f"line {node.lineno}: imports {alias.name}")
                if alias.name == "sitrep.store.schema":
                    found.append(f"line {node.lineno}: imports the store schema")
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = {a.name for a in node.names}
            if node.module == "sqlalchemy" or node.module.startswith("sqlalchemy."):
                for name in sorted(names - TYPE_ONLY):
                    found.append(f"line {node.lineno}: imports {name} from {node.module}")
            if node.module == "sitrep.store.schema" or (
                node.module == "sitrep.store" and "schema" in names
            ):
                found.append(f"line {node.lineno}: imports the store schema")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "execute"
        ):
            found.append(f"line {node.lineno}: executes a statement")
    return found


def _modules() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (SRC / layer).rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_api_and_export_modules_query_only_through_the_read_model(path: Path) -> None:
    name = f"{path.parent.name}/{path.name}"
    found = violations(path.read_text(encoding="utf-8"))
    if name in ALLOWED:
        return
    assert not found, f"{name} reads the store itself (move the query to sitrep.read): {found}"


def test_the_check_sees_a_query_written_in_a_route() -> None:
    """The check is not vacuous: each way of querying the store is caught, types are not."""
    route = (
        "from sqlalchemy import Connection, select\n"
        "from sitrep.store import Store, schema\n"
        "import sqlalchemy as sa\n"
        "def f(conn: Connection):\n"
        "    return conn.execute(select(schema.events.c.id))\n"
    )
    assert violations(route) == [
        "line 1: imports select from sqlalchemy",
        "line 2: imports the store schema",
        "line 3: imports sqlalchemy",
        "line 5: executes a statement",
    ]
    assert (
        violations("from sqlalchemy import Connection, Select\nfrom sitrep.store import Store\n")
        == []
    )


def test_every_allowed_module_exists_and_still_needs_it() -> None:
    """An allow-list entry for a module that is gone, or that no longer queries, is removed."""
    for name in ALLOWED:
        path = SRC / name
        assert path.exists(), f"{name} is allowed to query but does not exist"
        assert violations(path.read_text(encoding="utf-8")), f"{name} no longer needs its entry"
