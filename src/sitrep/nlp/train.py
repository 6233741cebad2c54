"""`sitrep train`: build the corpora from ../shared/data, train with spaCy, ship the result.

For a reproducible CPU run set OMP_NUM_THREADS=MKL_NUM_THREADS=OPENBLAS_NUM_THREADS=1 before
starting (the shipped model was trained that way, under `nice -n 5`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sitrep.errors import DataMissingError, ModelError
from sitrep.nlp.corpora import CorpusMix, CorpusStats, build_corpora
from sitrep.nlp.pipeline import shipped_model_path

CONFIG = Path(__file__).with_name("config.cfg")
NER_CONFIG = Path(__file__).with_name("config_ner.cfg")  # tok2vec + ner only
MODEL_META = {"name": "sitrep_en", "version": "0.2.0", "license": "CC BY-SA 4.0"}


def check_data(data: Path) -> Path:
    if not data.is_dir():
        raise DataMissingError(
            f"training data folder not found: {data}",
            hint="put the corpora in ../shared/data or set SITREP_SHARED_DATA",
        )
    return data


VECTORS = "vectors-en-md"


def vectors_path(data: Path) -> Path:
    """The CC0 static vectors the model is initialised with (they ship inside the model)."""
    path = data / VECTORS
    if not (path / "vocab").is_dir():
        raise DataMissingError(
            f"static vectors not found: {path}",
            hint="the vectors-en-md folder of ../shared/data holds them",
        )
    return path


def prepare(data: Path, output: Path, mix: CorpusMix | None = None) -> CorpusStats:
    """Convert the corpora into output/corpus/{train,dev}.spacy."""
    return build_corpora(check_data(data), output / "corpus", mix)


def train(
    data: Path,
    output: Path,
    max_steps: int | None = None,
    overrides: dict[str, object] | None = None,
    config: Path = CONFIG,
    mix: CorpusMix | None = None,
) -> Path:
    """Build the corpora and train; returns the best pipeline's directory.

    `overrides` are spaCy config overrides ("training.patience": 0 ...); `config` is CONFIG
    (the joint pipeline) or NER_CONFIG; `mix` weights the corpora."""
    from spacy.cli.train import train as spacy_train

    prepare(data, output, mix)
    settings: dict[str, object] = {
        "paths.train": str(output / "corpus" / "train.spacy"),
        "paths.dev": str(output / "corpus" / "dev.spacy"),
        "paths.vectors": str(vectors_path(data)),
        **(overrides or {}),
    }
    if max_steps is not None:
        settings["training.max_steps"] = max_steps
    spacy_train(config, output / "pipeline", overrides=settings)
    best = output / "pipeline" / "model-best"
    if not (best / "config.cfg").is_file():
        raise ModelError(f"training finished without a pipeline in {best}")
    return best


def assemble(base: Path, ner_source: Path, output: Path) -> Path:
    """`base`'s tokenizer, tok2vec, tagger, morphologizer and parser with `ner_source`'s NER.

    The NER is given its own copy of the tok2vec it was trained with (spaCy's
    `replace_listeners`), and the static vectors come along in the vocab. This is how 0.2.0
    ships: the vectors model reads names better, while the extraction rules were written
    against 0.1.0's parse (swapping the parser moved the seeds' events), so the parse stays.
    """
    import spacy

    for path in (base, ner_source):
        if not (path / "config.cfg").is_file():
            raise ModelError(f"not a spaCy pipeline: {path}")
    source = spacy.load(ner_source)
    if "ner" not in source.pipe_names:
        raise ModelError(f"no NER in {ner_source}")
    if "tok2vec" in source.pipe_names:
        source.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp = spacy.load(base)
    needed = set(nlp.vocab.strings)
    nlp.vocab.vectors = source.vocab.vectors
    if "ner" in nlp.pipe_names:
        nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=source)
    nlp.meta["vectors"] = source.meta.get("vectors", {})
    nlp.to_disk(output)
    drop_vector_strings(output, needed)
    return output


def drop_vector_strings(pipeline: Path, needed: set[str]) -> int:
    """Leave the vectors' 680,000 words out of the saved string table.

    The vectors are looked up by the hash of a token's text, never by the string, so the strings
    only cost: loading them took 220 MB at peak, which pushed an ingest past its 1 GB budget.
    Strings the pipeline needs otherwise (labels, the base's own) are kept. Returns how many
    strings were left out."""
    import srsly
    from spacy.strings import get_string_id
    from spacy.vectors import Vectors

    vocab = pipeline / "vocab"
    keys = {int(k) for k in Vectors().from_disk(vocab)}  # iterating a table gives its keys
    strings: list[str] = srsly.read_json(vocab / "strings.json")
    kept = [t for t in strings if t in needed or get_string_id(t) not in keys]
    srsly.write_json(vocab / "strings.json", kept)
    return len(strings) - len(kept)


def ship(pipeline: Path, dest: Path | None = None) -> Path:
    """Copy a trained pipeline into the package (without training-only leftovers)."""
    dest = dest or shipped_model_path()
    if not (pipeline / "config.cfg").is_file():
        raise ModelError(f"not a spaCy pipeline: {pipeline}")
    card = dest / "MODEL_CARD.md"
    kept_card = card.read_text(encoding="utf-8") if card.is_file() else None
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(pipeline, dest)
    meta_path = dest / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(MODEL_META)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    if kept_card is not None:
        card.write_text(kept_card, encoding="utf-8")
    return dest
