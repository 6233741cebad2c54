"""The workbench's "Add reports" jobs, kept in the store: each request's inputs, its ingest run
and what the run reported so far, so the list of jobs outlives the server that ran them.

A job is written when it starts (its inputs by the names their documents keep, and the request
itself), as it goes (every few seconds: the run's id and the documents read so far) and when it
ends (its state, the run's counts). A server that stops mid-run leaves its job "running" with no
one running it: a job whose process is gone from this machine, or that an earlier server in
this process started, is **interrupted**, and is written so when a list or a job is read. Its
answer is what its run had done, read back from the store (the documents the run stored, the
inputs it turned down with their reasons), and it can be **run again** from the request it kept:
the documents already stored are found again as duplicates, never stored twice, and the new
run's reduce reads the ones the interrupted run stored but had not reduced (`reduce_store` is
incremental). The request is dropped once a job is done or has been run again.

Bookkeeping, not the store's data: written through `Store.bookkeeping` (no commit counted, so a
job's progress does not make the explorer's kept views stale); the run's documents count as
every ingest run's do."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, TypedDict

from sqlalchemy import Connection, select, update

from sitrep.errors import NotFoundError, UsageError
from sitrep.read.intake import intake
from sitrep.read.records import IntakeInput
from sitrep.store import Store, schema, utc_now
from sitrep.store.store import process_alive

J, D, RJ = schema.add_jobs, schema.documents, schema.rejects
LISTED = 50  # the newest jobs a list shows
OUTCOMES = ("stored", "duplicate", "rejected")


class JobCounts(TypedDict):
    run_id: str
    stored: int
    already_stored: int
    near_duplicates: int
    rejected_total: int
    seconds: float


class JobAnswer(JobCounts):
    inputs: list[IntakeInput]


class Tally(TypedDict):
    read: int  # documents read so far (stored, already stored or turned down)
    stored: int
    already_stored: int
    rejected: int


class JobView(Tally):
    id: str
    by: str
    state: str  # running, done, failed, interrupted
    inputs: int
    given: list[str]  # the inputs, by the names their documents keep
    seconds: float
    started_at: str
    finished_at: str | None
    run_id: str | None
    error: str | None
    advice: str | None  # what to do about an interrupted or failed job, in words
    can_run_again: bool  # its request is kept and it is interrupted or failed
    again_of: str | None  # the job this one ran again
    run_again_as: str | None  # the job that ran this one again
    answer: JobAnswer | None  # a done job's, or what an interrupted one had done


def start(
    store: Store,
    job_id: str,
    by: str,
    given: Sequence[str],
    request: dict[str, Any],
    again_of: str | None = None,
) -> None:
    """Write a job as it starts, in this process; a job it runs again is marked as run again
    (and its request, now the new job's, dropped)."""
    now = utc_now()
    with store.bookkeeping() as conn:
        conn.execute(
            J.insert().values(
                id=job_id,
                analyst=by,
                state="running",
                inputs=len(given),
                given=list(given),
                request=request,
                reported=[],
                started_at=now,
                updated_at=now,
                host=socket.gethostname(),
                pid=os.getpid(),
                again_of=again_of,
            )
        )
        if again_of is not None:
            conn.execute(
                update(J).where(J.c.id == again_of).values(run_again_as=job_id, request=None)
            )


def progress(
    store: Store, job_id: str, run_id: str | None, reported: Sequence[tuple[str, str]]
) -> None:
    """Write how far a running job is: its run and the documents read so far."""
    with store.bookkeeping() as conn:
        conn.execute(
            update(J)
            .where(J.c.id == job_id, J.c.state == "running")
            .values(run_id=run_id, reported=[list(p) for p in reported], updated_at=utc_now())
        )


def finish(
    store: Store,
    job_id: str,
    *,
    state: str,
    run_id: str | None,
    reported: Sequence[tuple[str, str]],
    seconds: float,
    error: str | None = None,
) -> None:
    """Write how a job ended: done (its request dropped) or failed (kept, to run again)."""
    now = utc_now()
    values: dict[str, Any] = {
        "state": state,
        "run_id": run_id,
        "reported": [list(p) for p in reported],
        "updated_at": now,
        "finished_at": now,
        "seconds": round(seconds, 3),
        "error": error,
    }
    if state == "done":
        values["request"] = None
    with store.bookkeeping() as conn:
        conn.execute(update(J).where(J.c.id == job_id).values(**values))


def settle(store: Store, live: Iterable[str]) -> None:
    """Write as interrupted the jobs still "running" that no server runs: started on this
    machine by a process that is gone, or by this process but not by this server (`live`: the
    ids it runs), as a server made again in the same process leaves them. A job of a server on
    another machine (PostgreSQL) cannot be checked from here and is left as it was written."""
    running = set(live)
    host, pid = socket.gethostname(), os.getpid()
    with store.read() as conn:
        rows = conn.execute(select(J.c.id, J.c.host, J.c.pid).where(J.c.state == "running")).all()
    gone = [
        r.id
        for r in rows
        if r.id not in running and r.host == host and (r.pid == pid or not process_alive(r.pid))
    ]
    if not gone:
        return
    with store.bookkeeping() as conn:
        for job_id in gone:
            conn.execute(
                update(J)
                .where(J.c.id == job_id, J.c.state == "running")
                .values(state="interrupted", finished_at=utc_now(), run_id=_run_of(conn, job_id))
            )


def _run_of(conn: Connection, job_id: str) -> str | None:
    """The ingest run a job started, as the run's row names it (`Ingest.run(job=…)`): written
    when the run starts, so found even when the job's server died before it wrote the run's id;
    its last written id when its run had not started."""
    started, known = conn.execute(select(J.c.started_at, J.c.run_id).where(J.c.id == job_id)).one()
    R = schema.runs
    query = select(R.c.id, R.c.args).where(R.c.command == "ingest", R.c.started_at >= started)
    for run_id, args in conn.execute(query.order_by(R.c.started_at)):
        if isinstance(args, dict) and args.get("job") == job_id:
            return str(run_id)
    return str(known) if known else None


def jobs(conn: Connection, limit: int = LISTED) -> list[JobView]:
    """The newest jobs first, without their answers (a job's own page reads those)."""
    query = select(J).order_by(J.c.started_at.desc(), J.c.id).limit(limit)
    return [_view(conn, dict(r), answer=False) for r in conn.execute(query).mappings()]


def job(conn: Connection, job_id: str) -> JobView:
    """One job with its answer: what its run did, input by input, read back from the store."""
    row = conn.execute(select(J).where(J.c.id == job_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"no add job {job_id!r}", hint="the list of jobs is at #/add")
    return _view(conn, dict(row), answer=True)


def request_to_run_again(conn: Connection, job_id: str) -> dict[str, Any]:
    """The request an interrupted or failed job kept, to run again; refused in words if the
    job finished, still runs, or was run again already."""
    found = job(conn, job_id)
    if found["run_again_as"]:
        raise UsageError(f"job {job_id} was run again already, as {found['run_again_as']}")
    if found["state"] not in ("interrupted", "failed"):
        raise UsageError(
            f"job {job_id} is {found['state']}: only an interrupted or failed job is run again"
        )
    request = conn.execute(select(J.c.request).where(J.c.id == job_id)).scalar_one()
    if not isinstance(request, dict):
        raise UsageError(f"job {job_id} kept no request to run again; add its inputs again")
    return request


def with_progress(
    view: JobView, run_id: str | None, reported: Sequence[tuple[str, str]], seconds: float
) -> JobView:
    """A running job's view with its server's live progress (newer than the last written)."""
    return {**view, "run_id": run_id, **_tally(reported), "seconds": round(seconds, 1)}


def _view(conn: Connection, row: dict[str, Any], *, answer: bool) -> JobView:
    state = str(row["state"])
    reported = [(str(o), str(origin)) for o, origin in row["reported"] or []]
    run_id = row["run_id"]
    if state == "interrupted" and run_id:
        reported = _recovered(conn, run_id, reported)
    can_again = (
        state in ("interrupted", "failed")
        and row["request"] is not None
        and not row["run_again_as"]
    )
    view: JobView = {
        "id": row["id"],
        "by": row["analyst"],
        "state": state,
        "inputs": int(row["inputs"]),
        "given": [str(g) for g in row["given"]],
        **_tally(reported),
        "seconds": round(_seconds(row), 1),
        "started_at": row["started_at"],
        "finished_at": row["finished_at"],
        "run_id": run_id,
        "error": row["error"],
        "advice": _advice(state, row, reported, can_again, _run_done(conn, run_id)),
        "can_run_again": can_again,
        "again_of": row["again_of"],
        "run_again_as": row["run_again_as"],
        "answer": None,
    }
    if answer and run_id and state in ("done", "interrupted"):
        view["answer"] = _answer(conn, run_id, view, reported)
    return view


def _seconds(row: dict[str, Any]) -> float:
    """How long a job ran: as written at its end, else (interrupted) until last heard of."""
    if row["seconds"] is not None:
        return float(row["seconds"])
    try:
        started = datetime.fromisoformat(str(row["started_at"]))
        heard = datetime.fromisoformat(str(row["updated_at"]))
    except ValueError:
        return 0.0
    return max(0.0, (heard - started).total_seconds())


def _run_done(conn: Connection, run_id: str | None) -> bool:
    if not run_id:
        return False
    R = schema.runs
    status = conn.execute(select(R.c.status).where(R.c.id == run_id)).scalar_one_or_none()
    return status == "done"


def _tally(reported: Sequence[tuple[str, str]]) -> Tally:
    return {
        "read": len(reported),
        "stored": sum(o == "stored" for o, _ in reported),
        "already_stored": sum(o == "duplicate" for o, _ in reported),
        "rejected": sum(o == "rejected" for o, _ in reported),
    }


def _recovered(
    conn: Connection, run_id: str, reported: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """What an interrupted run wrote that its last progress did not say: the documents it
    stored and the inputs it turned down (its rejects), in the order written."""
    known = {origin for _, origin in reported}
    stored = conn.execute(
        select(D.c.origin).where(D.c.run_id == run_id).order_by(D.c.ingested_at, D.c.id)
    ).scalars()
    turned_down = conn.execute(
        select(RJ.c.origin).where(RJ.c.run_id == run_id).order_by(RJ.c.at, RJ.c.origin)
    ).scalars()
    more = [("stored", str(o)) for o in stored if o not in known]
    more += [("rejected", str(o)) for o in turned_down if o not in known]
    return reported + more


def _answer(
    conn: Connection, run_id: str, view: JobView, reported: list[tuple[str, str]]
) -> JobAnswer:
    inputs = intake(conn, run_id, view["given"], reported)
    items = [item for given in inputs for item in given["items"]]
    return {
        "run_id": run_id,
        "stored": view["stored"],
        "already_stored": view["already_stored"],
        "near_duplicates": sum(
            item["outcome"] == "stored" and item["near_copy_of"] is not None for item in items
        ),
        "rejected_total": view["rejected"],
        "seconds": view["seconds"],
        "inputs": inputs,
    }


def _advice(
    state: str,
    row: dict[str, Any],
    reported: list[tuple[str, str]],
    can_again: bool,
    finished: bool,
) -> str | None:
    """What to do about a job that did not end as done, in words. `finished`: its run's row
    says the run ended (it was the job's own last write that the server never made)."""
    if state not in ("interrupted", "failed"):
        return None
    if row["run_again_as"]:
        return f"Run again as job {row['run_again_as']}."
    stored = sum(o == "stored" for o, _ in reported)
    if state == "interrupted" and finished:
        return (
            f"The server stopped (last heard of at {row['updated_at']}) after this job's run "
            f"had finished: its {_documents(stored)} stored are read into events, as below. "
            "Nothing is left to run; running it again would find them all already stored."
        )
    if state == "interrupted":
        said = (
            f"The server stopped while this job ran (last heard of at {row['updated_at']}), "
            f"after {_documents(len(reported))} had been read ({stored} stored)."
        )
    else:
        said = f"The run failed: {row['error'] or 'no reason recorded'}."
    if not can_again:
        again = "those already stored are found again, not added twice"
        return f"{said} Add its inputs again: {again}."
    kept = (
        " The documents it stored are found again, not added twice, and this time read into events."
        if stored
        else ""
    )
    return f"{said} Run it again to finish it.{kept}"


def _documents(n: int) -> str:
    return f"{n} document" if n == 1 else f"{n} documents"
