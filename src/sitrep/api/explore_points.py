"""The map's and the timeline's events: the explorer's filter and rows (`sitrep.api.explore`),
only the fields they draw, one list per field.

The map and the timeline draw every event a filter keeps. Asked through `/api/explore/events`,
19,000 events came as 12 MB in four pages, most of it actors, outlets and counts they never
show, with the facets and the trend again in each page; as points they are about a third of
that in one answer, which the browser also parses faster.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from sitrep.api import workbench_models as wm
from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.explore import FilterDep, json_answer, kept_selection, sort_rows
from sitrep.api.kept import Kept, stamp

router = APIRouter(tags=["explore"])

POINT_FIELDS = tuple(wm.PointColumns.model_fields)
# one answer holds every event of most stores; past this, the client asks for the next page
POINTS_MAX_LIMIT = 20_000
# The points of the filters last drawn, while the store has not changed (`sitrep.api.kept`).
# A point's lists hold 13 references to its row's values, about a tenth of what a kept row
# weighs (`explore._SELECTIONS`), so each is weighed as a tenth of an event.
_POINTS: Kept[dict[str, list[Any]]] = Kept(50_000, lambda columns: len(columns["id"]) // 10)


@router.get(
    "/explore/points",
    response_model=wm.ExplorerPoints,
    summary="Events through the explorer's filter as points: what the map and timeline draw",
)
def explore_points(
    store: StoreDep,
    _who: Viewer,
    f: FilterDep,
    limit: Annotated[int, Query(ge=1, le=POINTS_MAX_LIMIT)] = POINTS_MAX_LIMIT,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> Response:
    """The events `/api/explore/events` keeps with the same filter, in its time order (undated
    last), with only the fields the map and the timeline draw: `columns` has one list per
    field, the n-th of each list being the n-th event."""
    with store.read() as conn:
        at = stamp(store, conn)
        columns = _POINTS.get(at, f, lambda: point_columns(kept_selection(conn, at, f).rows))
    page = {name: values[offset : offset + limit] for name, values in columns.items()}
    total = len(columns["id"])
    return json_answer({"total": total, "limit": limit, "offset": offset, "columns": page})


def point_columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Explorer rows in time order as one list per point field."""
    ordered = sort_rows(rows, "time", descending=False)
    return {name: [row[name] for row in ordered] for name in POINT_FIELDS}
