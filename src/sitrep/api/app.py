"""The FastAPI application: routers under /api, the web UI at /, security at the edge."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from sitrep.api import (
    add,
    brief,
    documents,
    ego,
    entities,
    events,
    evidence,
    explore,
    explore_points,
    exports,
    graph,
    models,
    places,
    relations,
    search_entities,
    status_history,
    vocab,
    watch,
    writes,
)
from sitrep.api.addjobs import AddJobs
from sitrep.api.auth import CSRF_COOKIE, AuthConfig, new_csrf_token, principal_of
from sitrep.api.errors import ERROR_RESPONSES, install_error_handlers
from sitrep.api.security import DEFAULT_MAX_BODY, EdgeMiddleware
from sitrep.settings import Settings, get_settings
from sitrep.store import Store

NOT_BUILT = (
    "<!doctype html><title>sitrep</title><h1>The web UI is not built</h1>"
    "<p>Run <code>scripts/build-web</code> (npm ci and npm run build), then reload. "
    "The API is at <a href='/api/docs'>/api/docs</a>.</p>"
)


def static_dir() -> Path:
    return Path(str(resources.files("sitrep.web"))) / "static"


def create_app(
    store: Store,
    auth: AuthConfig | None = None,
    *,
    settings: Settings | None = None,
    ingest_nlp: bool = True,
    max_body: int = DEFAULT_MAX_BODY,
) -> FastAPI:
    """The workbench app over `store`. `auth=None` is local mode: loopback Host names only."""
    app = FastAPI(
        title="sitrep",
        summary="Entities, events, places, times and claims from open-web reports, with sources.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.auth = auth
    app.state.settings = settings or get_settings()
    app.state.ingest_nlp = ingest_nlp
    app.state.max_body = max_body  # the page states it (GET /api/add/limits)
    app.state.add_jobs = AddJobs(store)
    install_error_handlers(app)
    api = APIRouter(prefix="/api", responses=ERROR_RESPONSES)
    api.add_api_route(
        "/session", session, methods=["GET"], tags=["session"], response_model=models.Session
    )
    for module in (
        documents,
        entities,
        events,
        graph,
        relations,
        exports,
        writes,
        add,
        vocab,
        explore,
        explore_points,
        places,
        evidence,
        search_entities,
        ego,
        watch,
        brief,
        status_history,
    ):
        api.include_router(module.router)
    app.include_router(api)
    _mount_ui(app)
    app.add_middleware(EdgeMiddleware, max_body=max_body, local=auth is None)
    return app


def session(request: Request) -> JSONResponse:
    """Who the caller is, whether a token is needed, and a CSRF token for browser writes."""
    principal = principal_of(request)
    token = request.cookies.get(CSRF_COOKIE) or new_csrf_token()
    body: dict[str, Any] = {
        "auth_required": request.app.state.auth is not None,
        "user": principal.name if principal else None,
        "role": principal.role if principal else None,
        "csrf_token": token,
    }
    response = JSONResponse(body)
    # readable by our script (double-submit), never sent cross-site
    response.set_cookie(CSRF_COOKIE, token, samesite="strict", httponly=False, path="/")
    return response


def _mount_ui(app: FastAPI) -> None:
    root = static_dir()
    app.mount("/static", StaticFiles(directory=root, check_dir=False), name="static")

    def page(name: str) -> Any:
        def serve() -> Any:
            if not (root / "dist" / "main.js").exists():
                return HTMLResponse(NOT_BUILT, status_code=503)
            return FileResponse(root / name, media_type="text/html")

        return serve

    app.add_api_route("/", page("index.html"), methods=["GET"], include_in_schema=False)
    app.add_api_route("/api/docs", page("apidocs.html"), methods=["GET"], include_in_schema=False)
