"""What the user named on the command line → the inputs it stands for.

A spec is a file, a folder (read recursively, in sorted order, hidden files and folders
skipped), a glob (`demo/**/*.html`), `-` for standard input, or an http(s) URL.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Target:
    """One input: a file path, a URL, standard input, or a spec that matched nothing."""

    kind: Literal["file", "url", "stdin", "missing", "unreadable"]
    value: str  # the path, URL or spec as the user wrote it (used as the origin)
    detail: str = ""  # for "unreadable": why, in words


def is_url(spec: str) -> bool:
    return _URL.match(spec) is not None


def _hidden(name: str) -> bool:
    return name.startswith(".")


@dataclass(frozen=True)
class Unlisted:
    """A folder whose entries could not be listed, and why, in words."""

    path: Path
    why: str


def walk_folder(folder: Path) -> Iterator[Path | Unlisted]:
    """Files under `folder` in sorted path order (like `find | sort`), hidden ones skipped.

    Symbolic links to folders are not followed, so a link cycle cannot loop forever. A folder
    that cannot be listed comes out as an `Unlisted` path, to be reported, never skipped.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as err:
        yield Unlisted(folder, _unlisted_why(err))
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_folder = False  # read as a file, which reports what is wrong with it
        if is_folder:
            yield from walk_folder(Path(entry.path))
        else:
            yield Path(entry.path)


def _unlisted_why(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "a folder this user may not list: none of its files could be read"
    why = err.strerror or "unknown error"
    return f"a folder that could not be listed ({why}): none of its files could be read"


def _paths(spec: str) -> Iterator[Path | Unlisted]:
    path = Path(spec)
    if path.is_dir():
        yield from walk_folder(path)
    elif path.exists() or not _GLOB_CHARS.search(spec):
        yield path
    else:
        for match in sorted(glob.glob(spec, recursive=True)):
            found = Path(match)
            yield from (walk_folder(found) if found.is_dir() else (found,))


def expand(specs: Sequence[str]) -> Iterator[Target]:
    """The inputs the specs stand for, in order, each file once."""
    seen: set[Path] = set()
    for spec in specs:
        if spec == "-":
            yield Target("stdin", "-")
        elif is_url(spec):
            yield Target("url", spec)
        else:
            matched = False
            for path in _paths(spec):
                matched = True
                if isinstance(path, Unlisted):
                    yield Target("unreadable", str(path.path), path.why)
                    continue
                key = Path(os.path.realpath(path))  # never raises, even on a link loop
                if key not in seen:
                    seen.add(key)
                    yield Target("file" if _present(path) else "missing", str(path))
            if not matched:
                yield Target("missing", spec)


def _present(path: Path) -> bool:
    """The path names something, if only a broken or looping link (reading it says which)."""
    return os.path.lexists(path)


def count_targets(specs: Sequence[str]) -> int | None:
    """How many inputs the specs name (files; a table counts once); None with stdin or URLs."""
    count = 0
    for target in expand(specs):
        if target.kind in ("stdin", "url"):
            return None
        count += 1
    return count
