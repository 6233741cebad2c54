"""The situation report over HTTP: the report of the events an explorer filter keeps in its
period (`sitrep.read.brief`), as JSON or as the Markdown or HTML file `sitrep brief` writes,
with links back to this workbench. The workbench's "brief of this view" asks for it."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response
from sqlalchemy import Connection

from sitrep.api import workbench_models as wm
from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.explore import FilterDep, kept_selection, view_label
from sitrep.api.kept import stamp
from sitrep.export.brief import html, markdown
from sitrep.export.core import safe_name
from sitrep.read.brief import Brief, situation_report
from sitrep.read.events import EventFilter
from sitrep.store import Store

router = APIRouter(tags=["explore"])
MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}


def _report(store: Store, f: EventFilter) -> Brief:
    with store.read() as conn:
        at = stamp(store, conn)

        def rows(c: Connection, chosen: EventFilter) -> list[dict[str, Any]]:
            return kept_selection(c, at, chosen).rows

        return situation_report(conn, f, rows)


@router.get("/brief", response_model=wm.SituationReport, summary="The situation report of a view")
def brief(store: StoreDep, _who: Viewer, f: FilterDep) -> dict[str, Any]:
    """The report on the events the explorer's filter keeps in its period (`since`/`until`;
    without them, from its first dated event to its last): headline counts, fatalities as a
    range, corroborated events with their sources, contested and denied claims with who says
    what, every event day by day (who took part, toll, status, sources), the most active actors
    and the change since the previous period of the same length,
    every statement citing its documents."""
    return dict(_report(store, f))


@router.get(
    "/brief/{format}",
    summary="The situation report of a view as a file",
    response_class=Response,
    responses={200: {"content": {t: {} for t in MEDIA.values()}, "description": "the file"}},
)
def brief_file(
    request: Request,
    store: StoreDep,
    _who: Viewer,
    f: FilterDep,
    format: Annotated[Literal["md", "html"], Path(description="md or html")],
) -> Response:
    """The report as `sitrep brief --format md|html` writes it, linking to this workbench. The
    HTML is sent to be read in the browser's tab (inline, with a file name for saving it), the
    Markdown as a file to download."""
    report = _report(store, f)
    base = str(request.base_url).rstrip("/")
    body = (markdown if format == "md" else html)(report, base)
    name = safe_name("sitrep-brief" + view_label(f).removeprefix("events"))
    shown = "inline" if format == "html" else "attachment"
    headers = {"Content-Disposition": f'{shown}; filename="{name}.{format}"'}
    return Response(body.encode(), media_type=MEDIA[format], headers=headers)
