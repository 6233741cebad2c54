"""Typed settings, declared once, read from the environment with the prefix SITREP_."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob sitrep reads. Command-line options override these per call."""

    model_config = SettingsConfigDict(env_prefix="SITREP_", extra="ignore")

    db: str = Field("./sitrep.db", description="SQLite path or database URL")
    max_input_bytes: int = Field(50 * 1024 * 1024, description="inputs larger are rejected")
    fetch_timeout_s: float = Field(
        20.0, description="time budget for one whole fetch: connect, headers, body, redirects"
    )
    fetch_max_bytes: int = Field(20 * 1024 * 1024, description="size cap for one download")
    fetch_max_redirects: int = Field(5, description="redirects followed per URL")
    allow_private_addresses: bool = Field(
        False, description="let URL fetching reach private, loopback and link-local addresses"
    )
    html_max_elements: int = Field(
        200_000, description="HTML pages with more elements are rejected before parsing"
    )
    html_max_attributes: int = Field(
        500_000, description="HTML pages with more attributes in all are rejected before parsing"
    )
    html_max_attributes_per_element: int = Field(
        1_000, description="HTML pages with an element carrying more attributes are rejected"
    )
    html_max_depth: int = Field(
        500, description="HTML pages nesting elements deeper are rejected before parsing"
    )
    max_field_chars: int = Field(
        10_000_000, description="a CSV/TSV field longer is refused while it is read"
    )
    max_decompression_ratio: int = Field(
        100, description="a gzip (or HTTP/WARC encoding) growing more times than this is rejected"
    )
    decompression_floor_bytes: int = Field(
        1024 * 1024, description="decompressed bytes always allowed before the ratio is checked"
    )
    stage_deadline_s: float = Field(
        120.0, description="seconds one document's clean + annotate + extract may take"
    )
    map_in_worker: bool = Field(
        True,
        description="with one worker, map in a child process that is replaced when a document "
        "holds it past stage_deadline_s (even in C code, which no timer in-process can stop)",
    )
    learned_relations: bool = Field(
        False,
        description="add the learned relation model's relations to the rule readers' (recall "
        "x3.7 on re3d's held-out source at the same precision, but about 57 % right on FA-KES "
        "and five times the rules' CPU: docs/quality.md, Relations)",
    )
    batch_size: int = Field(32, description="documents written per store transaction")
    workers: int = Field(1, description="processes for the per-document stages")
    model: str | None = Field(
        None, description="path of a spaCy pipeline to use instead of the shipped one"
    )
    pack: str = Field("syria-iraq", description="domain pack name or path")
    near_duplicate_threshold: float = Field(
        0.7, description="MinHash Jaccard for near-duplicates (syndicated copies: 0.76-0.83)"
    )
    api_tokens: str | None = Field(
        None, description="API tokens for `sitrep serve`: `token role name` entries, ';'-separated"
    )
    shared_data: Path = Field(Path("../shared/data"), description="third-party training/eval data")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
