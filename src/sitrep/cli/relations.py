"""CLI for relations: `sitrep eval relations` (re3d's relations, the held-out source)."""

from __future__ import annotations

import json
from typing import Annotated

import typer


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    @eval_app.command("relations")
    def eval_relations_cmd(
        model: Annotated[str | None, typer.Option(help="spaCy pipeline path")] = None,
        dev: Annotated[
            bool, typer.Option(help="score the development sources instead of the held-out one")
        ] = False,
        examples: Annotated[bool, typer.Option(help="list false positives")] = False,
    ) -> None:
        """Precision/recall per relation type on re3d (held out: us-state-department)."""
        from sitrep.errors import DataMissingError
        from sitrep.extract.pipeline import find_pipeline
        from sitrep.extract.relations_eval import DEV, HELD_OUT, eval_relations
        from sitrep.pipeline import load_domain_pipeline
        from sitrep.settings import get_settings

        settings = get_settings()
        if not (settings.shared_data / "re3d").is_dir():
            raise DataMissingError(
                f"re3d not found under {settings.shared_data}", hint="set SITREP_SHARED_DATA"
            )
        nlp = load_domain_pipeline(str(find_pipeline(model)), settings.pack)
        report = eval_relations(settings.shared_data, nlp, DEV if dev else HELD_OUT)
        if not examples:
            report.pop("false_positives", None)
        typer.echo(json.dumps(report, indent=2))
