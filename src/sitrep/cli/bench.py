"""`sitrep bench pipeline`: the end-to-end benchmark (see sitrep.bench.driver)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from sitrep.errors import UsageError

if TYPE_CHECKING:
    from sitrep.bench.driver import BenchReport

out = Console()


def register(app: typer.Typer, eval_app: typer.Typer, bench_app: typer.Typer) -> None:
    bench_app.command("pipeline")(bench_pipeline)


def _ints(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError as error:
        raise UsageError(f"expected comma-separated numbers, got {text!r}") from error


def bench_pipeline(
    fakes: Annotated[
        Path | None, typer.Option(help="FA-KES CSV [default: ../shared/data/fa-kes/fa-kes-dev.csv]")
    ] = None,
    no_fakes: Annotated[bool, typer.Option("--no-fakes", help="skip the FA-KES part")] = False,
    sizes: Annotated[str, typer.Option(help="synthetic corpus sizes")] = "1000,5000,20000",
    parallel_size: Annotated[int, typer.Option(help="documents for the 1-vs-2-process run")] = 2000,
    workers: Annotated[str, typer.Option(help="process counts to compare")] = "1,2",
    ray: Annotated[bool, typer.Option(help="also run the Ray runner with 2 workers")] = False,
    repeat: Annotated[
        int, typer.Option(min=1, help="runs of each 1-vs-2-process configuration (median kept)")
    ] = 1,
    increment: Annotated[
        int, typer.Option(min=0, help="documents of a later run timed on each filled store")
    ] = 100,
    per_day: Annotated[
        int,
        typer.Option(
            min=0,
            help="model a daily feed: each store spans size/N days and each later run is the "
            "next days' news (0: every store spread over the same five years)",
        ),
    ] = 0,
    output: Annotated[Path | None, typer.Option("-o", help="write the results as JSON")] = None,
) -> None:
    """Documents/s, words/s, peak memory, stage shares, scaling and speed-up, as ratios."""
    if no_fakes:
        fakes = None
    elif fakes is None:
        from sitrep.settings import get_settings

        default = get_settings().shared_data / "fa-kes" / "fa-kes-dev.csv"
        fakes = default if default.exists() else None
        if fakes is None:
            out.print(f"[yellow]FA-KES not found at {default}: skipping that part[/]")
    from sitrep.bench.driver import BenchPlan, run_bench

    plan = BenchPlan(
        fakes, _ints(sizes), parallel_size, _ints(workers), ray, repeat, increment, per_day
    )
    report = run_bench(plan)
    print_report(report)
    if output is not None:
        output.write_text(json.dumps(report.rows, indent=2), encoding="utf-8")
        out.print(f"results written to {output}")


RATIOS = (
    ("ratio_to_bare_spacy", "× bare spaCy time"),
    ("speedup_vs_1_process", "× speed-up vs 1 process"),
    ("reduce_per_doc_vs_smallest", "× reduce time per doc vs smallest"),
    ("later_reduce_vs_smallest", "× a later run's reduce vs smallest store"),
)


def markdown_report(report: BenchReport) -> str:
    """The results as Markdown tables: readable in a terminal, pasteable into the docs."""
    lines = [
        "| run | docs | seconds | docs/s | words/s | peak MiB (per worker) | ratio |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in report.rows:
        ratio = "; ".join(f"{row[key]:.2f}{label}" for key, label in RATIOS if key in row)
        peak = row.get("peak_rss_mib_worker") or row.get("peak_rss_mib_parent") or 0.0
        lines.append(
            f"| {row['name']} | {row['documents']} | {row['seconds']:.1f} | "
            f"{row['docs_per_s']:.1f} | {row['words_per_s']:.0f} | {peak:.0f} | {ratio} |"
        )
    repeated = [row for row in report.rows if len(row.get("seconds_runs", [])) > 1]
    if repeated:
        lines += ["", "Median of interleaved runs; every run's seconds:", ""]
        lines += [
            f"- {row['name']}: {', '.join(map(str, row['seconds_runs']))}" for row in repeated
        ]
    shares = [row for row in report.rows if row.get("stage_shares")]
    if shares:
        stages = sorted({stage for row in shares for stage in row["stage_shares"]})
        lines += ["", "| run | " + " | ".join(stages) + " |", "|---|" + "---:|" * len(stages)]
        for row in shares:
            cells = " | ".join(f"{row['stage_shares'].get(stage, 0):.0%}" for stage in stages)
            lines.append(f"| {row['name']} | {cells} |")
    later = [row for row in report.rows if row.get("increment")]
    if later:
        lines += [
            "",
            "Later runs into the filled store (the same new batches for every store size; the "
            "median of three runs; the reduce's wall time, and the CPU time it spent itself):",
            "",
            "| store | new docs | seconds | reduce seconds | reduce vs smallest store "
            "| reduce CPU seconds | reduce CPU vs smallest store |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for row in later:
            step = row["increment"]
            lines.append(
                f"| {row['name'].split(':')[0]} | {step['documents']} | {step['seconds']:.1f} | "
                f"{step['reduce_seconds']:.2f} | {row['later_reduce_vs_smallest']:.2f}× | "
                f"{step.get('reduce_cpu_median', 0.0):.2f} | "
                f"{row.get('later_reduce_cpu_vs_smallest', 0.0):.2f}× |"
            )
    return "\n".join(lines)


def print_report(report: BenchReport) -> None:
    out.print(markdown_report(report), markup=False, highlight=False, soft_wrap=True)
