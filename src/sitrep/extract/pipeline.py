"""Find and load the spaCy pipeline for evaluation runs (the shipped one, or a training output)."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from sitrep.errors import ModelError

PACKAGE_MODEL = Path(__file__).resolve().parents[1] / "models" / "sitrep_en"
TRAINING = Path(__file__).resolve().parents[3] / "training"


def find_pipeline(explicit: str | None = None) -> Path:
    """The explicit path, else SITREP_MODEL, else the shipped model, else the latest training."""
    from sitrep.settings import get_settings

    candidates = [Path(p) for p in (explicit, get_settings().model) if p]
    candidates += [
        PACKAGE_MODEL,
        *sorted(TRAINING.glob("**/model-best")),
        *sorted(TRAINING.glob("**/model-last")),
    ]
    for path in candidates:
        if (path / "meta.json").exists():
            return path
    raise ModelError("no trained spaCy pipeline found", hint="train one or pass --model PATH")


def load_pipeline(explicit: str | None = None) -> Language:
    import spacy

    return spacy.load(find_pipeline(explicit))
