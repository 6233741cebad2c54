"""`GET /api/export/{format}`: the same bytes `sitrep export FORMAT -o PATH` writes.

The export is written to a spooled temporary file first (memory up to a few MB, disk beyond),
then streamed: an error (an unknown format, a dossier without an entity, an entity that is not
there) is raised before the first byte, so the client gets the one JSON error shape and never a
truncated file with a 200 status.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import StreamingResponse

from sitrep.api import models
from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.events import IsoDate
from sitrep.errors import NotFoundError
from sitrep.export import exporter_names, get_exporter
from sitrep.export.core import export_filename
from sitrep.export.registry import BUILTIN_MEDIA_TYPES, Exporter

router = APIRouter(tags=["exports"])
SPOOL_BYTES = 8 * 1024 * 1024
CHUNK = 64 * 1024


def _exporter(name: str) -> Exporter:
    # 404, not 400: the path names a resource (a format) this server does not have
    known = exporter_names()
    if name not in known:
        raise NotFoundError(
            f"unknown export format {name!r}", hint="choose one of " + ", ".join(known)
        )
    return get_exporter(name)


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    try:
        spool.seek(0)
        while chunk := spool.read(CHUNK):
            yield chunk
    finally:
        spool.close()


_MEDIA = (*dict.fromkeys(BUILTIN_MEDIA_TYPES.values()), "application/octet-stream")


@router.get(
    "/export/{format}",
    summary="Export the store (or one entity's dossier) as a file",
    response_class=StreamingResponse,
    # each built-in format's own type; a plug-in format's may be anything
    responses={200: {"content": {t: {} for t in _MEDIA}, "description": "the file"}},
)
def get_export(
    store: StoreDep,
    _who: Viewer,
    format: Annotated[
        str,
        Path(
            max_length=40,
            description="jsonl, csv, geojson, gexf, graphml, ftm, dossier-md or dossier-html",
        ),
    ],
    entity: Annotated[
        str | None,
        Query(
            max_length=200,
            description="dossier formats: the entity's id or name; events: one taking any part",
        ),
    ] = None,
    places: Annotated[
        bool, Query(description="geojson: add places; graphs: add place nodes")
    ] = False,
    unlocated: Annotated[
        bool, Query(description="geojson: keep events without coordinates")
    ] = False,
    no_text: Annotated[bool, Query(description="jsonl/ftm: leave document bodies out")] = False,
    type: Annotated[str | None, Query(max_length=80, description="events of this type")] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="events: a doer (id, name or spelling)")
    ] = None,
    target: Annotated[
        str | None,
        Query(max_length=200, description="events: one on the other side (id, name or spelling)"),
    ] = None,
    place: Annotated[str | None, Query(max_length=200, description="events: the place")] = None,
    since: IsoDate = None,
    until: IsoDate = None,
    status: Annotated[str | None, Query(max_length=20)] = None,
) -> StreamingResponse:
    exporter = _exporter(format)
    options: dict[str, Any] = {
        "entity": entity,
        "places": places,
        "unlocated": unlocated,
        "text": not no_text,
        **{
            "type": type,
            "actor": actor,
            "target": target,
            "place": place,
            "since": since,
            "until": until,
        },
        "status": status,
    }
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (closed by _chunks)
    try:
        count = exporter.write(store, spool, options)  # type: ignore[arg-type]
    except BaseException:
        spool.close()
        raise
    headers = {
        "Content-Disposition": f'attachment; filename="{export_filename(exporter, entity)}"',
        "X-Sitrep-Records": str(count),
    }
    return StreamingResponse(_chunks(spool), media_type=exporter.media_type, headers=headers)


@router.get(
    "/export", response_model=models.Formats, summary="The export formats this server knows"
)
def list_formats(_who: Viewer) -> dict[str, Any]:
    """Built-ins and plug-ins; `dossier-*` formats need `?entity=`."""
    found = [get_exporter(name) for name in exporter_names()]
    return {
        "formats": [{"name": e.name, "media_type": e.media_type, "suffix": e.suffix} for e in found]
    }
