"""Clean the documents named on a command line, for checking the cleaner by hand."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import Any

from sitrep.acquire import iter_inputs
from sitrep.clean.document import clean_document
from sitrep.errors import InputRejected
from sitrep.records import CleanDocument, FoundDate, Rejection
from sitrep.settings import Settings


def clean_inputs(specs: Sequence[str], settings: Settings) -> Iterator[CleanDocument | Rejection]:
    """Acquire and clean every document `specs` name; inputs that fail come back as Rejections."""
    for item in iter_inputs(specs, settings):
        if isinstance(item, Rejection):
            yield item
            continue
        try:
            yield clean_document(item)
        except InputRejected as error:
            reason: Any = error.reason
            yield Rejection(origin=item.origin, reason=reason, detail=error.message, stage="clean")


def as_json(item: CleanDocument | Rejection) -> dict[str, Any]:
    """A JSON-ready dict: the record's fields (a document also gets its id and word count)."""
    row = asdict(item)
    if isinstance(item, CleanDocument):
        row = {"id": item.id, **row, "word_count": item.word_count}
    else:
        row = {"rejected": True, **row}
    return row


def _date(found: FoundDate | None) -> str:
    return f"{found.value} (from {found.source}: {found.text!r})" if found else "-"


def as_text(doc: CleanDocument) -> str:
    """The document as a plain-text report: metadata with date sources, body, comments apart,
    and the kinds of boilerplate removed."""
    meta = (
        ("origin", doc.origin),
        ("format", doc.format),
        ("title", doc.title or "-"),
        ("author", doc.author or "-"),
        ("site", doc.site or "-"),
        ("url", doc.url or "-"),
        ("published", _date(doc.published)),
        ("page date", _date(doc.page_date)),
        ("language", f"{doc.language or '-'} ({doc.language_score or 0:.2f})"),
        ("encoding", doc.encoding or "-"),
        ("words", str(doc.word_count)),
        *doc.fields,
    )
    out = ["== metadata", *(f"{name:>10}: {value}" for name, value in meta)]
    out += ["", "== body", doc.text, "", f"== comments ({len(doc.comments)})"]
    for c in doc.comments:
        reply = f" reply to #{c.reply_to}" if c.reply_to is not None else ""
        out.append(f"#{c.ordinal} {c.author or '(no name)'} | {c.posted_text or '-'}{reply}")
        out += [f"    {line}" for line in c.text.split("\n") if line]
    removed = ", ".join(f"{kind} ×{count}" for kind, count in doc.removed) or "-"
    out += ["", f"== removed: {removed}"]
    return "\n".join(out)
