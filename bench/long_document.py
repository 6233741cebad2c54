"""CPU time and peak memory of the map stages on one long text file.

    python bench/long_document.py ARTICLE.txt [CHARACTERS]

Cleans (as HTML for .html and .htm, else as plain text), annotates and extracts the first
CHARACTERS of the file (all of it by default) as one
document, printing each stage's wall and CPU seconds, the peak memory, and what was found. Make
the article from text you may use (e.g. files of `../shared/data/rawtext/` joined, in a
temporary folder, never committed).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from sitrep.pipeline import _annotate_batch, _clean, _extract, load_domain_pipeline
from sitrep.records import CleanDocument, DocResult, RawDocument
from sitrep.settings import Settings


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _stage(name: str, started: tuple[float, float]) -> None:
    wall, cpu = time.perf_counter() - started[0], _cpu() - started[1]
    print(f"{name:9} wall {wall:7.1f} s   cpu {cpu:7.1f} s", flush=True)


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    content = Path(argv[1]).read_bytes()
    if len(argv) == 3:
        content = content.decode("utf-8")[: int(argv[2])].encode("utf-8")
    settings = Settings()
    nlp = load_domain_pipeline(settings.model, settings.pack)
    started = (time.perf_counter(), _cpu())
    kind = "html" if Path(argv[1]).suffix.lower() in (".html", ".htm") else "text"
    cleaned = _clean(RawDocument(content, argv[1], kind))
    _stage("clean", started)
    if not isinstance(cleaned, tuple):
        print(f"rejected: {cleaned.reason} ({cleaned.detail})")
        return 1
    doc: CleanDocument = cleaned[0]
    started = (time.perf_counter(), _cpu())
    parsed = _annotate_batch([doc], nlp)[doc.id]
    _stage("annotate", started)
    if not isinstance(parsed, tuple):
        print(f"rejected: {parsed.reason} ({parsed.detail})")
        return 1
    annotation, spacy_doc, _ = parsed
    started = (time.perf_counter(), _cpu())
    result = _extract(doc, annotation, spacy_doc, [])
    _stage("extract", started)
    events = (
        len(result.extraction.events) if isinstance(result, DocResult) and result.extraction else 0
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{len(doc.text)} characters, {len(annotation.mentions)} mentions, {events} events")
    print(f"peak memory {peak} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
