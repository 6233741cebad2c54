"""acquire: CSV / TSV / JSON lines / JSON rows, including the FA-KES corpus."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sitrep.acquire import iter_inputs
from sitrep.records import RawDocument, Rejection
from sitrep.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "acquire"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def run(*specs: str | Path, settings: Settings | None = None) -> list[RawDocument | Rejection]:
    return list(iter_inputs([str(s) for s in specs], settings or Settings()))


def test_csv_rows_with_canonical_fields() -> None:
    path = FIXTURES / "articles.csv"
    first, second, third = run(path)
    assert isinstance(first, RawDocument) and first.format == "row"
    assert first.origin == f"{path}#row=1"
    assert first.fields["title"] == "Drone strike reported near Albu Kamal"
    assert first.fields["text"].startswith("A drone struck a vehicle")
    assert first.fields["source"] == "Test Wire" and first.fields["date"] == "2019-06-04"
    assert first.fields["location"] == "Albu Kamal" and first.fields["id"] == "1"
    assert "article_title" not in first.fields and "article_content" not in first.fields
    assert first.content == (first.fields["title"] + "\n\n" + first.fields["text"]).encode()
    assert isinstance(second, RawDocument) and '"regional security"' in second.fields["text"]
    assert isinstance(third, Rejection)
    assert (third.reason, third.origin) == ("no-text", f"{path}#row=3")


def test_jsonl_rows_and_bad_lines() -> None:
    path = FIXTURES / "posts.jsonl"
    items = run(path)
    labels = [i.format if isinstance(i, RawDocument) else i.reason for i in items]
    assert labels == ["row", "row", "malformed", "malformed", "no-text"]
    first, second = items[0], items[1]
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.url == "https://example.org/posts/1" and first.fields["date"] == "2020-01-20"
    assert first.fields["source"] == "Example Forum" and first.fields["views"] == "120"
    assert second.fields["url"] == "https://example.org/posts/2" and "title" not in second.fields
    assert json.loads(second.fields["tags"]) == ["denial", "statement"]
    assert second.content == second.fields["text"].encode()
    # origins are line numbers: the blank line 3 is counted, not reported
    assert [i.origin.rsplit("=", 1)[1] for i in items] == ["1", "2", "4", "5", "6"]


def test_tsv_json_array_and_gzipped_csv(tmp_path: Path) -> None:
    tsv = tmp_path / "notes.tsv"
    tsv.write_text("headline\tbody\nA note\tA body written for a tab-separated test.\n")
    array = tmp_path / "rows.json"
    array.write_text(json.dumps([{"content": "First row body."}, {"content": ""}, 7]))
    packed = tmp_path / "articles.csv.gz"
    packed.write_bytes(gzip.compress((FIXTURES / "articles.csv").read_bytes()))
    labels = [i.format if isinstance(i, RawDocument) else i.reason for i in run(tsv, array)]
    assert labels == ["row", "row", "no-text", "malformed"]
    plain_ids = [i.id for i in run(FIXTURES / "articles.csv") if isinstance(i, RawDocument)]
    packed_ids = [i.id for i in run(packed) if isinstance(i, RawDocument)]
    assert packed_ids == plain_ids and len(plain_ids) == 2


def test_table_without_body_column_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("name,rank\nA,General\nB,Colonel\n")
    (rejection,) = run(path)
    assert isinstance(rejection, Rejection) and rejection.reason == "no-text"
    assert "name, rank" in rejection.detail


def test_truncated_gzipped_table_keeps_rows_read(tmp_path: Path) -> None:
    rows = "".join(f"{n},Body text number {n} for a long table.\n" for n in range(3000))
    data = gzip.compress(("id,text\n" + rows).encode())
    path = tmp_path / "long.csv.gz"
    path.write_bytes(data[: len(data) // 2])
    items = run(path)
    assert all(isinstance(i, RawDocument) for i in items[:-1]) and len(items) > 100
    assert isinstance(items[-1], Rejection) and items[-1].reason == "truncated"


@pytest.mark.needs_shared
def test_fakes_ingests_603_rows_idempotently() -> None:
    path = SHARED / "fa-kes" / "fa-kes-dev.csv"
    if not path.exists():
        pytest.skip(f"FA-KES not found at {path} (third-party data in ../shared/data)")
    first = run(path)
    docs = [i for i in first if isinstance(i, RawDocument)]
    assert len(first) == len(docs) == 603
    assert {"title", "text", "source", "date", "label", "unit_id"} <= docs[0].fields.keys()
    assert docs[-1].origin == f"{path}#row=603"
    assert [d.id for d in docs] == [d.id for d in run(path) if isinstance(d, RawDocument)]


def test_misnamed_json_kinds_are_read_by_content(tmp_path: Path) -> None:
    array = tmp_path / "array.jsonl"
    array.write_text(json.dumps([{"text": "One."}, {"text": "Two."}], indent=1))
    lines = tmp_path / "lines.json"
    lines.write_text('{"text": "One."}\n{"text": "Two."}\n')
    for path in (array, lines):
        assert [i.content for i in run(path)] == [b"One.", b"Two."]  # type: ignore[union-attr]
