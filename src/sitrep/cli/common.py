"""What every command shares: opening the store from --db / SITREP_DB, printing JSON lines."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from sitrep.store import Store

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite file or postgresql:// URL [env: SITREP_DB; default ./sitrep.db]"
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="print JSON lines instead of a table")]


def open_store(db: str | None) -> Store:
    from sitrep.settings import get_settings  # read commands only pay for what they use
    from sitrep.store import Store

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


# What a terminal would act on rather than show: escape sequences (CSI colour/cursor codes, OSC
# titles and hyperlinks, two-byte escapes) and the other C0/C1 control characters. Newlines and
# tabs are text.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clears
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[ -~]?"  # other escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def terminal_text(value: object) -> str:
    """Untrusted text (titles, file names, page data) made safe to print: no control codes."""
    return _CONTROLS.sub("", "" if value is None else str(value))


def cell(value: object, style: str = "") -> Text:
    """Untrusted text for rich: shown as it is, never read as markup (`[/red]` in a title)."""
    return Text(terminal_text(value), style=style)


def data_console(stderr: bool = False) -> Console:
    """A console for printing stored and untrusted data: no markup, no highlighting.

    Our own styling is given as `Text` styles, so nothing a page or a file name holds is ever
    interpreted by the console."""
    return Console(stderr=stderr, markup=False, highlight=False)
