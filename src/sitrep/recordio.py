"""Records to JSON and back, so map results can be written to files (Parquet shards) and read
by the loader exactly as they were produced: the distributed runner's results are data, not
pickles."""

from __future__ import annotations

import dataclasses
import json
import types
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from sitrep import records
from sitrep.records import DocResult, Rejection


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, vars(records))


def _to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_to_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


def _from_plain(kind: Any, value: Any) -> Any:
    origin = get_origin(kind)
    if value is None:
        return None
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        return _from_plain(options[0], value)
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_from_plain(args[0], v) for v in value)
        return tuple(_from_plain(a, v) for a, v in zip(args, value, strict=True))
    if origin is dict:
        return dict(value)
    if origin is Literal:
        return value
    if kind is bytes:
        return bytes.fromhex(value)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        fields = {f.name for f in dataclasses.fields(kind)}
        return kind(**{k: _from_plain(hints[k], v) for k, v in value.items() if k in fields})
    return value


def dump(item: DocResult | Rejection) -> str:
    """One map result as a JSON string tagged with its kind."""
    kind = "rejection" if isinstance(item, Rejection) else "result"
    return json.dumps({"kind": kind, "value": _to_plain(item)}, ensure_ascii=False)


def load(text: str) -> DocResult | Rejection:
    data = json.loads(text)
    cls = Rejection if data["kind"] == "rejection" else DocResult
    result: DocResult | Rejection = _from_plain(cls, data["value"])
    return result
