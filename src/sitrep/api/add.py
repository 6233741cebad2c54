"""Add reports from the workbench: URLs, pasted text, files, through the pipeline `sitrep
ingest` runs, answered input by input (the document, its events and entities, a duplicate, a
rejection in words).

Pasted text and files are spooled to a temporary folder and read as `sitrep ingest` reads
files: a pasted text is one table row (text, title, outlet, publication date: the columns the
CSV/JSON input already knows), so the cleaner and the dating are the ones the CLI uses. Each
keeps an origin the analyst knows it by ("pasted text 1 (eddie, 2026-…)", the file's name),
never the server's temporary path. `POST /add` answers when the run is over; the page starts
a job instead (`POST /add/jobs`, `sitrep.api.addjobs`) and polls it, saying how many documents
are read so far. The number of inputs and the request's size are capped, and both caps are
served here so the page states them."""

from __future__ import annotations

import json
import re
import tempfile
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import Base64Bytes, Field, model_validator

from sitrep.api import models
from sitrep.api.addjobs import AddJobs, Progress
from sitrep.api.auth import Principal
from sitrep.api.deps import Editor, StoreDep, Viewer
from sitrep.api.writes import Body
from sitrep.loader import Reporter
from sitrep.read.add_jobs import request_to_run_again
from sitrep.read.intake import intake
from sitrep.store import Store

router = APIRouter(tags=["analyst actions"])

# Inputs per request: each URL is fetched and each document mapped before the answer, so the
# cap bounds how long the page waits (the fetches' own timeouts bound each one).
MAX_INPUTS = 20
# One ingest at a time per server: the run's triage (which content ids are new) is read when
# it starts, and two runs started together would both take the same page for new.
_ONE_AT_A_TIME = threading.Lock()
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class PastedText(Body):
    text: Annotated[str, Field(min_length=1, description="the report's text")]
    title: Annotated[str | None, Field(max_length=1000)] = None
    outlet: Annotated[str | None, Field(max_length=300, description="who published it")] = None
    published: Annotated[
        str | None, Field(pattern=_DATE, description="publication date, YYYY-MM-DD")
    ] = None


class UploadedFile(Body):
    name: Annotated[str, Field(min_length=1, max_length=255, description="the file's name")]
    content: Annotated[Base64Bytes, Field(description="the file's bytes, base64")]


class AddBody(Body):
    urls: Annotated[
        list[Annotated[str, Field(pattern=r"^https?://", max_length=2000)]],
        Field(default_factory=list, max_length=MAX_INPUTS),
    ]
    texts: Annotated[list[PastedText], Field(default_factory=list, max_length=MAX_INPUTS)]
    files: Annotated[list[UploadedFile], Field(default_factory=list, max_length=MAX_INPUTS)]

    @model_validator(mode="after")
    def _some_but_not_too_many(self) -> AddBody:
        given = len(self.urls) + len(self.texts) + len(self.files)
        if not 1 <= given <= MAX_INPUTS:
            raise ValueError(f"give between 1 and {MAX_INPUTS} inputs (URLs, texts, files)")
        return self


@router.get("/add/limits", response_model=models.AddLimits, summary="What one request may add")
def limits(request: Request, _who: Viewer) -> dict[str, Any]:
    return {"max_inputs": MAX_INPUTS, "max_request_bytes": request.app.state.max_body}


@router.post(
    "/add",
    response_model=models.Added,
    summary="Add reports (URLs, pasted text, files) and say what came of each",
)
def add_reports(body: AddBody, request: Request, store: StoreDep, who: Editor) -> dict[str, Any]:
    given = _given(body, who)
    return _adder(body, given, request, store)(Progress())


@router.get(
    "/add/jobs",
    response_model=models.AddJobs,
    summary="The newest add jobs, with how far each got (kept in the store across restarts)",
)
def list_add_jobs(request: Request, _who: Editor) -> dict[str, Any]:
    jobs: AddJobs = request.app.state.add_jobs
    return {"items": jobs.list()}


@router.post(
    "/add/jobs",
    response_model=models.AddJob,
    summary="Add reports as a job: answers at once, poll GET /add/jobs/{id} for what came of it",
)
def start_add_job(body: AddBody, request: Request, store: StoreDep, who: Editor) -> Any:
    return _start(body, request, store, who)


@router.get("/add/jobs/{job_id}", response_model=models.AddJob, summary="An add job's progress")
def add_job(job_id: str, request: Request, _who: Editor) -> Any:
    jobs: AddJobs = request.app.state.add_jobs
    return jobs.get(job_id)


@router.post(
    "/add/jobs/{job_id}/again",
    response_model=models.AddJob,
    summary="Run an interrupted or failed add job again, as a new job, from the request it kept",
)
def run_add_job_again(job_id: str, request: Request, store: StoreDep, who: Editor) -> Any:
    with store.read() as conn:
        kept = request_to_run_again(conn, job_id)
    return _start(AddBody.model_validate(kept), request, store, who, again_of=job_id)


def _start(
    body: AddBody, request: Request, store: Store, who: Principal, again_of: str | None = None
) -> Any:
    jobs: AddJobs = request.app.state.add_jobs
    given = _given(body, who)
    run = _adder(body, given, request, store)
    kept = body.model_dump(mode="json")  # the request, to run again if the server stops
    return jobs.start(who.name, given, kept, run, again_of)


def _adder(
    body: AddBody, given: list[str], request: Request, store: Store
) -> Callable[[Progress], dict[str, Any]]:
    """The request's run, to call now or in a job's thread, reporting each document it
    writes into the progress it is given."""
    # As POST /api/ingest: the app's settings refuse private addresses unless the operator
    # allowed them, and bound each fetch and each document's map (see writes.ingest).
    settings = request.app.state.settings
    use_nlp: bool = request.app.state.ingest_nlp

    def run(progress: Progress) -> dict[str, Any]:
        from sitrep.pipeline import Ingest

        with tempfile.TemporaryDirectory(prefix="sitrep-add-") as folder:
            specs, origins = _spool(body, Path(folder), given)
            with _ONE_AT_A_TIME:
                ingest = Ingest(
                    store,
                    settings,
                    use_nlp=use_nlp,
                    report=_collect(progress.reported),
                    summary=progress.summary,
                )
                summary = ingest.run(specs, origins=origins, job=progress.job or None)
        answer = _counts(summary.as_dict())
        return {**answer, "inputs": _read(store, summary.run_id, given, progress.reported)}

    return run


def _collect(into: list[tuple[str, str]]) -> Reporter:
    def report(outcome: str, origin: str) -> None:
        into.append((outcome, origin))

    return report


def _counts(summary: dict[str, Any]) -> dict[str, Any]:
    keys = ("run_id", "stored", "already_stored", "near_duplicates", "rejected_total", "seconds")
    return {key: summary[key] for key in keys}


def _read(
    store: Store, run_id: str, given: list[str], reported: list[tuple[str, str]]
) -> list[Any]:
    with store.read() as conn:
        return list(intake(conn, run_id, given, reported))


def _given(body: AddBody, who: Principal) -> list[str]:
    """The request's inputs by the names their documents keep, in the order they are read:
    pasted texts ("pasted text 1 (eddie, 2026-…)"), URLs as they are (a URL given twice is
    one input), files by their own names."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    texts = [f"pasted text {n} ({who.name}, {stamp})" for n in range(1, len(body.texts) + 1)]
    files = [f"{f.name} (uploaded by {who.name}, {stamp})" for f in body.files]
    return [*texts, *dict.fromkeys(body.urls), *files]


def _spool(body: AddBody, folder: Path, given: list[str]) -> tuple[list[str], dict[str, str]]:
    """The request's inputs as `sitrep ingest` specs (URLs as they are, texts and files as
    temporary files), and the origin (`given`'s name) each temporary file's documents keep."""
    urls = list(dict.fromkeys(body.urls))
    text_names = given[: len(body.texts)]
    file_names = given[len(body.texts) + len(urls) :]
    specs: list[str] = []
    origins: dict[str, str] = {}
    for n, (pasted, name) in enumerate(zip(body.texts, text_names, strict=True), 1):
        path = folder / f"pasted-{n}.jsonl"
        path.write_text(json.dumps(_row(pasted), ensure_ascii=False) + "\n", encoding="utf-8")
        specs.append(str(path))
        origins[str(path)] = name
    specs.extend(urls)
    for n, (upload, name) in enumerate(zip(body.files, file_names, strict=True), 1):
        safe = _UNSAFE.sub("_", Path(upload.name).name).lstrip(".") or "file"
        path = folder / f"{n:02d}-{safe}"  # its extension kept: it says the format
        path.write_bytes(upload.content)
        specs.append(str(path))
        origins[str(path)] = name
    return specs, origins


def _row(pasted: PastedText) -> dict[str, str]:
    """A pasted text as the table row `sitrep ingest` reads (`sitrep.acquire.tables`)."""
    row = {
        "text": pasted.text,
        "title": pasted.title,
        "source": pasted.outlet,
        "published": pasted.published,
    }
    return {key: value for key, value in row.items() if value}
