"""Watched views over HTTP: an analyst's saved explorer filters, with their events now and the
new and updated ones since they last opened each (`sitrep.read.watch` says what they are). Each
caller has their own list: the one local user's is the CLI's too (`sitrep watch`). Saving and
opening a view writes only the caller's bookkeeping, so a viewer may."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection

from sitrep.api import workbench_models as wm
from sitrep.api.deps import StoreDep, Viewer
from sitrep.api.explore import kept_selection
from sitrep.api.kept import stamp
from sitrep.read import watch
from sitrep.read.events import EventFilter
from sitrep.store import Store

router = APIRouter(tags=["watched views"])
ViewName = Annotated[str, Path(min_length=1, max_length=watch.LONGEST_NAME)]


class SaveBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Annotated[str, Field(min_length=1, max_length=watch.LONGEST_NAME)]
    filter: Annotated[
        str, Field(max_length=2000, description="the explorer's URL query; '' for every event")
    ] = ""


def _kept(store: Store) -> watch.Kept:
    """The rows the explorer keeps for a filter, from the views it keeps: a watchlist of views
    the analyst has just looked at costs no second reading of them."""

    def rows(conn: Connection, f: EventFilter) -> list[dict[str, Any]]:
        return kept_selection(conn, stamp(store, conn), f).rows

    return rows


@router.get("/watch", response_model=wm.WatchedViews, summary="Your watched views")
def list_views(store: StoreDep, who: Viewer) -> dict[str, Any]:
    """The caller's views by name, each with how many events its filter keeps now and how many
    of them were first stored after the caller last opened it."""
    with store.read() as conn:
        return {"items": watch.watched_views(conn, who.name, _kept(store))}


@router.post("/watch", response_model=wm.WatchedView, summary="Save a watched view")
def save_view(body: SaveBody, store: StoreDep, who: Viewer) -> dict[str, Any]:
    """Save an explorer filter under a name (the same name again replaces its filter); saving
    it is opening it, so nothing in it is new yet."""
    return dict(watch.save_view(store, body.name, body.filter, who.name))


@router.post("/watch/{name}/open", response_model=wm.OpenedView, summary="Open a watched view")
def open_view(name: ViewName, store: StoreDep, who: Viewer) -> dict[str, Any]:
    """The view as it stood, with its events new and updated since the caller last opened it;
    marks it seen now."""
    return dict(watch.open_view(store, name, who.name, _kept(store)))


@router.delete("/watch/{name}", response_model=wm.WatchedViews, summary="Stop watching a view")
def remove_view(name: ViewName, store: StoreDep, who: Viewer) -> dict[str, Any]:
    """Drop the view; the caller's views left, as `GET /watch` lists them."""
    watch.remove_view(store, name, who.name)
    return list_views(store, who)
