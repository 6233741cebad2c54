"""The pack the running stages work with.

Stages are handed their pack in a `StageContext` (`sitrep.context`); a few deep helpers that
every stage shares (title stripping in name keys, the gazetteer's theatre, the reference roles)
are called far from any context, so the context makes its pack the process's active pack.
Without a context, the active pack is the one the settings name (`SITREP_PACK`), never a
hard-coded default.
"""

from __future__ import annotations

from sitrep.pack.loader import Pack, load_pack

_active: Pack | None = None


def activate(pack: Pack) -> None:
    """Make `pack` the one the shared helpers use (a stage context does this)."""
    global _active
    _active = pack


def active_pack() -> Pack:
    """The running context's pack, else the settings' (SITREP_PACK)."""
    global _active
    if _active is None:
        from sitrep.settings import get_settings

        _active = load_pack(get_settings().pack)
    return _active
