"""CLI commands for the nlp area: train, annotate, eval ner/parse/convert, bench nlp."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from sitrep.cli.common import terminal_text
from sitrep.errors import UsageError

ModelOpt = Annotated[
    Path | None, typer.Option("--model", help="pipeline directory [default: the shipped one]")
]
DataOpt = Annotated[
    Path | None, typer.Option("--data", help="third-party corpora [default: settings.shared_data]")
]


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    """Add this area's commands to the sitrep CLI."""
    app.command("train")(train_command)
    app.command("annotate")(annotate_command)
    eval_app.command("ner")(eval_ner)
    eval_app.command("ner-suite")(eval_ner_suite)
    eval_app.command("parse")(eval_parse)
    eval_app.command("convert")(eval_convert)
    bench_app.command("nlp")(bench_nlp)


def _data(data: Path | None) -> Path:
    from sitrep.settings import get_settings

    return data if data is not None else get_settings().shared_data


def train_command(
    output: Annotated[Path, typer.Option(help="where corpora and checkpoints go")] = Path(
        "training"
    ),
    max_steps: Annotated[int | None, typer.Option(help="override training.max_steps")] = None,
    ship: Annotated[bool, typer.Option(help="copy the best model into the package")] = False,
    base: Annotated[
        Path | None,
        typer.Option(
            help="keep this pipeline's tagger and parser and take only the newly trained NER "
            "(how sitrep_en 0.2.0 was built: --base src/sitrep/models/sitrep_en)"
        ),
    ] = None,
    ner_only: Annotated[
        bool, typer.Option(help="train only a NER with its own tok2vec (config_ner.cfg)")
    ] = False,
    uner_repeat: Annotated[
        int, typer.Option(help="times UNER EWT train is seen per epoch (0.2.0: 1)")
    ] = 1,
    strict_uner: Annotated[
        bool,
        typer.Option(
            help="a proper noun UNER leaves O is O, not missing, unless it could be a NORP "
            "or a designation (0.2.0: off)"
        ),
    ] = False,
    data: DataOpt = None,
) -> None:
    """Build the corpora from ../shared/data and train the English pipeline (CPU).

    Set OMP_NUM_THREADS=1 (and MKL/OPENBLAS) for the single-thread run the model card reports.
    """
    from sitrep.nlp import train
    from sitrep.nlp.corpora import CorpusMix

    if base is not None and not (base / "config.cfg").is_file():
        raise UsageError(f"--base is not a spaCy pipeline: {base}")
    if ner_only and base is None:
        raise UsageError("--ner-only needs --base: a NER alone has no tagger or parser")
    if uner_repeat < 1:
        raise UsageError("--uner-repeat must be at least 1")
    if base is not None:  # copied first: shipping may replace the folder it points at
        import shutil

        shutil.copytree(base, output / "base", dirs_exist_ok=True)
    best = train.train(
        _data(data),
        output,
        max_steps,
        config=train.NER_CONFIG if ner_only else train.CONFIG,
        mix=CorpusMix(uner_repeat=uner_repeat, strict_uner=strict_uner),
    )
    typer.echo(f"best pipeline: {best}")
    if base is not None:
        best = train.assemble(output / "base", best, output / "assembled")
        typer.echo(f"assembled with the base's parser: {best}")
    if ship:
        typer.echo(f"shipped to: {train.ship(best)}")


def _read_input(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.is_file():
        raise UsageError(f"input file not found: {path}")
    return path.read_text(encoding="utf-8")


def _jsonl_items(text: str) -> list[tuple[str, str]] | None:
    """(id, text) pairs when every non-empty line is a JSON object with a "text" field."""
    lines = [line for line in text.splitlines() if line.strip()]
    items: list[tuple[str, str]] = []
    for number, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except ValueError:
            return None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            return None
        items.append((str(obj.get("id", number)), obj["text"]))
    return items or None


def annotate_command(
    source: Annotated[str, typer.Argument(help="text file, JSON-lines file or - for stdin")] = "-",
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per document")] = False,
    model: ModelOpt = None,
) -> None:
    """Print sentences and entity mentions (text, label, character start, end)."""
    from dataclasses import asdict

    from sitrep.nlp.annotate import annotate_many
    from sitrep.nlp.domain import DEFAULT_TITLES, add_domain_components
    from sitrep.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    add_domain_components(nlp, DEFAULT_TITLES, [])
    text = _read_input(source)
    items = (_jsonl_items(text) if as_json else None) or [
        ("stdin" if source == "-" else source, text)
    ]
    for annotation, _ in annotate_many(items, nlp):
        if as_json:
            typer.echo(json.dumps(asdict(annotation), ensure_ascii=False))
            continue
        for sent in annotation.sentences:
            typer.echo(terminal_text(f"[{sent.index}] {sent.text}"))
        for m in annotation.mentions:
            title = f"  title={m.title!r}" if m.title else ""
            line = f"  {m.label:8} {m.start:6} {m.end:6}  {m.text}{title}  ({m.source})"
            typer.echo(terminal_text(line))


def eval_ner(
    gold: Annotated[
        Path,
        typer.Argument(
            help='JSON lines: {"text": ..., "entities": [[start, end, "LABEL"], ...]} with '
            'character offsets; optional "ignore": [[start, end], ...] regions are not scored. '
            "Gold labels PER, ORGANIZATION, LOCATION, GPE, FAC count as PERSON, ORG, LOC."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    rules: Annotated[
        bool, typer.Option(help="add the name-repair and generic title rules (no pack aliases)")
    ] = True,
    model: ModelOpt = None,
) -> None:
    """Precision/recall/F1 per label and overall, on the labels present in the gold file."""
    from sitrep.nlp.domain import DEFAULT_TITLES, add_domain_components
    from sitrep.nlp.gold import read_gold
    from sitrep.nlp.ner_eval import score_ner
    from sitrep.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    if rules:
        add_domain_components(nlp, DEFAULT_TITLES, [])
    scores = score_ner(nlp, read_gold(gold)).as_dict()
    if as_json:
        typer.echo(json.dumps(scores))
        return
    labels: dict[str, dict[str, float]] = scores["labels"]  # type: ignore[assignment]
    rows = [*labels.items(), ("overall", scores["overall"])]
    typer.echo(f"{'label':10} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
    for name, row in rows:
        assert isinstance(row, dict)
        typer.echo(
            f"{name:10} {row['precision']:7.3f} {row['recall']:7.3f} {row['f1']:7.3f} "
            f"{row['tp'] + row['fn']:6}"
        )


def eval_ner_suite(
    baseline: Annotated[
        Path | None, typer.Option(help="a second pipeline to score in the same run")
    ] = None,
    corpus: Annotated[
        list[str] | None, typer.Option(help="uner, pud, wikigold, re3d [default: all]")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    rules: Annotated[bool, typer.Option(help="add the name-repair and title rules")] = True,
    model: ModelOpt = None,
    data: DataOpt = None,
) -> None:
    """Every held-out NER set, the model (and a baseline) side by side; P/R/F1 over
    PERSON/ORG/LOC and F1 per label."""
    from sitrep.nlp.domain import DEFAULT_TITLES, add_domain_components
    from sitrep.nlp.ner_suite import format_table, held_out_gold, run_suite
    from sitrep.nlp.pipeline import load_pipeline

    models = {"model": load_pipeline(model)}
    if baseline is not None:
        models["baseline"] = load_pipeline(baseline)
    if rules:
        for nlp in models.values():
            add_domain_components(nlp, DEFAULT_TITLES, [])
    rows = run_suite(models, held_out_gold(_data(data), corpus))
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row.as_dict()))
    else:
        typer.echo(format_table(rows))


def eval_parse(
    conllu: Annotated[Path, typer.Argument(help="CoNLL-U file (gold tokens and sentences)")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    limit: Annotated[int | None, typer.Option(help="first N sentences only")] = None,
    model: ModelOpt = None,
) -> None:
    """Tag accuracy (UPOS, XPOS), UAS and LAS (punctuation included, universal relations)."""
    from sitrep.nlp.parse_eval import score_conllu
    from sitrep.nlp.pipeline import load_pipeline

    scores = score_conllu(load_pipeline(model), conllu, limit).as_dict()
    if as_json:
        typer.echo(json.dumps(scores))
    else:
        for key, value in scores.items():
            typer.echo(f"{key:10} {value}")


def eval_convert(
    corpus: Annotated[
        str,
        typer.Argument(help="uner (test split), wikigold (held-out docs), re3d (held-out sources)"),
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="gold JSON-lines file to write")],
    data: DataOpt = None,
) -> None:
    """Write a held-out corpus as gold JSON lines for `sitrep eval ner`."""
    from sitrep.nlp.gold import convert

    docs = list(convert(corpus, _data(data)))
    output.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
    typer.echo(f"{len(docs)} documents, {sum(len(d.entities) for d in docs)} entities -> {output}")


def bench_nlp(
    docs: Annotated[int, typer.Option(help="documents to run")] = 200,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    model: ModelOpt = None,
    data: DataOpt = None,
) -> None:
    """Words per second of the whole pipeline on one core, beside a blank tokenizer."""
    from sitrep.nlp.bench import bench, bench_texts
    from sitrep.nlp.pipeline import load_pipeline

    result = bench(load_pipeline(model), bench_texts(_data(data), docs)).as_dict()
    if as_json:
        typer.echo(json.dumps(result))
    else:
        for key, value in result.items():
            typer.echo(f"{key:30} {value}")
