"""One JSON error shape for every error: `{"error": {"code", "message", "detail"}}`."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.errors import SitrepError

log = logging.getLogger("sitrep.api")

HTTP_CODES = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    413: "too-large",
    415: "unsupported-media-type",
    422: "validation",
    500: "internal",
}


class ErrorDetail(BaseModel):
    code: str
    message: str
    detail: Any = None


class ErrorBody(BaseModel):
    """The one error shape, documented on every route."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": code}
    for status, code in HTTP_CODES.items()
    if status in (400, 401, 403, 404, 413, 422, 500)
}


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "detail": detail}}


def error_response(status: int, code: str, message: str, detail: Any = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, jsonable_encoder(detail)), status_code=status)


async def _sitrep_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SitrepError)
    return error_response(exc.http_status, exc.code, exc.message, exc.hint)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = HTTP_CODES.get(exc.status_code, f"http-{exc.status_code}")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("-", " ")
    detail = None if isinstance(exc.detail, str) else exc.detail
    return error_response(exc.status_code, code, message, detail)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # keep what a client can act on; pydantic's `input`/`ctx` can echo large or odd values
    detail = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]
    return error_response(422, "validation", _in_words(detail), detail)


def _in_words(problems: list[dict[str, Any]]) -> str:
    """The first problem as a sentence the UI can show ("since: Value error, '2016-13-01' is not
    a date …" reads "since: '2016-13-01' is not a date …"), and how many more there are."""
    if not problems:
        return "the request is not valid"
    first = problems[0]
    field = ".".join(str(part) for part in first["loc"] if part not in ("query", "path", "body"))
    said = str(first["msg"]).removeprefix("Value error, ")
    more = len(problems) - 1
    tail = f" (and {more} more {'problem' if more == 1 else 'problems'})" if more else ""
    return f"the request is not valid: {field + ': ' if field else ''}{said}{tail}"


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(SitrepError, _sitrep_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
