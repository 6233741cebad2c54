"""Throughput of the pipeline on one core, beside a blank spaCy tokenizer in the same run."""

from __future__ import annotations

import csv
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from sitrep.errors import DataMissingError
from sitrep.nlp.conllu import read_conllu

FAKES = "fa-kes/fa-kes-dev.csv"
EWT_TEST = "ud-english-ewt/en_ewt-ud-test.conllu"


@dataclass(frozen=True)
class BenchResult:
    docs: int
    words: int
    pipeline_wps: float
    tokenizer_wps: float
    peak_rss_mb: float

    @property
    def ratio(self) -> float:
        """How many times slower the whole pipeline is than tokenizing alone."""
        return self.tokenizer_wps / self.pipeline_wps if self.pipeline_wps else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "docs": self.docs,
            "words": self.words,
            "pipeline_words_per_s": round(self.pipeline_wps),
            "tokenizer_words_per_s": round(self.tokenizer_wps),
            "tokenizer_to_pipeline_ratio": round(self.ratio, 1),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
        }


def bench_texts(data: Path, docs: int) -> list[str]:
    """News articles from FA-KES (Syrian-war reporting), else EWT test sentences."""
    if (data / FAKES).is_file():
        csv.field_size_limit(10_000_000)
        with (data / FAKES).open(encoding="utf-8", newline="") as handle:
            texts = [row["article_content"] for row in csv.DictReader(handle)]
        return [t for t in texts if t.strip()][:docs]
    if (data / EWT_TEST).is_file():
        sents = [" ".join(w.form for w in s.words) for s in read_conllu(data / EWT_TEST)]
        return [" ".join(sents[i : i + 20]) for i in range(0, len(sents), 20)][:docs]
    raise DataMissingError(f"no benchmark texts under {data}", hint="needs ../shared/data")


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _rate(nlp: Language, texts: Sequence[str]) -> tuple[int, float]:
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    return words, words / max(time.perf_counter() - start, 1e-9)


def bench(nlp: Language, texts: Sequence[str]) -> BenchResult:
    """Words (tokens) per second for the whole pipeline and for a blank tokenizer."""
    blank = spacy.blank(nlp.lang or "en")
    _rate(nlp, texts[:2])  # warm-up: first-call allocations are not throughput
    _, tok_wps = _rate(blank, texts)
    words, wps = _rate(nlp, texts)
    return BenchResult(len(texts), words, wps, tok_wps, _peak_rss_mb())
