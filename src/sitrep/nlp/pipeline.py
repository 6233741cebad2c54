"""Load sitrep's spaCy pipeline: the one shipped inside the package, or `settings.model`."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from sitrep.errors import ModelError
from sitrep.settings import get_settings

MODEL_PACKAGE = "sitrep.models"
MODEL_NAME = "sitrep_en"


def shipped_model_path() -> Path:
    """Where the pipeline that ships with the package lives (it may be absent in a checkout)."""
    return Path(str(resources.files(MODEL_PACKAGE).joinpath(MODEL_NAME)))


def resolve_model_path(path: str | Path | None = None) -> Path:
    """The explicit path, else settings.model, else the shipped pipeline."""
    if path is None:
        path = get_settings().model
    return Path(path) if path is not None else shipped_model_path()


def load_pipeline(path: str | Path | None = None, *, shared: bool = True) -> Language:
    """The spaCy pipeline. No network.

    `shared=True` gives the one instance loaded once per process and path: cheap, but
    `add_domain_components` on it affects every later caller. Code that adds components (the
    ingest's domain pipeline) asks for its own instance with `shared=False`, so what it
    adds cannot be replaced under it by another caller, nor leak into theirs."""
    resolved = resolve_model_path(path).resolve()
    return _load(resolved) if shared else _load_fresh(resolved)


@lru_cache(maxsize=4)
def _load(path: Path) -> Language:
    return _load_fresh(path)


def _load_fresh(path: Path) -> Language:
    if not (path / "config.cfg").is_file():
        raise ModelError(
            f"no spaCy pipeline at {path}",
            hint="train one with `sitrep train` or set SITREP_MODEL to a pipeline directory",
        )
    # Registers the domain component factories in case the saved pipeline holds them.
    import sitrep.nlp.domain  # noqa: F401  (also registers names and titles)

    try:
        return spacy.load(path)
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot load the spaCy pipeline at {path}: {error}") from error


def model_name(nlp: Language) -> str:
    """ "name-version" as recorded in the pipeline's meta, for Annotation.model."""
    return f"{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
