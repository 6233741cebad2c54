"""acquire: single files, folders, globs, stdin, gzip, and the bad inputs that become Rejections."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

from sitrep.acquire import count_inputs, iter_inputs
from sitrep.errors import UsageError
from sitrep.records import RawDocument, Rejection
from sitrep.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "acquire"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def run(*specs: str | Path, settings: Settings | None = None, stdin: bytes | None = None) -> list:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(iter_inputs([str(s) for s in specs], settings or Settings(), stdin=stream))


def label(item: RawDocument | Rejection) -> str:
    """A document's format or a rejection's reason."""
    return item.format if isinstance(item, RawDocument) else item.reason


def only(items: list) -> RawDocument | Rejection:
    assert len(items) == 1, items
    return items[0]


def test_text_html_and_misnamed_html_get_their_formats() -> None:
    text = only(run(FIXTURES / "dispatch.txt"))
    html = only(run(FIXTURES / "briefing.html"))
    saved = only(run(FIXTURES / "saved-page.txt"))
    assert isinstance(text, RawDocument) and text.format == "text"
    assert text.content == (FIXTURES / "dispatch.txt").read_bytes()
    assert text.origin == str(FIXTURES / "dispatch.txt")
    assert isinstance(html, RawDocument) and html.format == "html"
    assert isinstance(saved, RawDocument) and saved.format == "html"


def test_same_input_twice_gives_same_ids(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes((FIXTURES / "dispatch.txt").read_bytes())
    first = [d.id for d in run(FIXTURES) if isinstance(d, RawDocument)]
    second = [d.id for d in run(FIXTURES) if isinstance(d, RawDocument)]
    assert first == second and len(first) >= 8
    assert only(run(copy)).id == only(run(FIXTURES / "dispatch.txt")).id  # type: ignore[union-attr]


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("second file, in a subfolder\n")
    (tmp_path / "one.txt").write_text("first file\n")
    (tmp_path / ".hidden.txt").write_text("never read\n")
    (tmp_path / ".git" / "config.txt").write_text("never read either\n")
    origins = [item.origin for item in run(tmp_path)]
    assert origins == [str(tmp_path / "b" / "two.txt"), str(tmp_path / "one.txt")]
    assert count_inputs([str(tmp_path)]) == 2
    assert count_inputs([str(tmp_path), "-"]) is None


def test_glob_and_missing_paths(tmp_path: Path) -> None:
    items = run(f"{FIXTURES}/**/*.html", tmp_path / "absent.txt", f"{tmp_path}/*.nomatch")
    assert [type(i) for i in items] == [RawDocument, Rejection, Rejection]
    assert items[0].origin.endswith("briefing.html")
    assert {i.reason for i in items[1:]} == {"not-found"}


def test_empty_spec_list_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        iter_inputs([], Settings())


def test_stdin_is_sniffed() -> None:
    html = only(run("-", stdin=(FIXTURES / "briefing.html").read_bytes()))
    assert isinstance(html, RawDocument) and html.format == "html" and html.origin == "<stdin>"
    rows = run("-", stdin=(FIXTURES / "articles.csv").read_bytes())
    assert [label(r) for r in rows] == ["row", "row", "no-text"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t \n", "empty"),
        ("photo.txt", PNG_HEADER + bytes(200), "binary"),
        ("image.png", PNG_HEADER + bytes(200), "binary"),
        ("program", b"\x7fELF\x02\x01\x01" + bytes(100), "binary"),
        ("nul.txt", b"text\x00with\x00nul\x00bytes\x00" * 20, "binary"),
        ("blob.dat", bytes(range(256)) * 4, "unsupported"),
        ("noise.txt", bytes((i * 131 + 7) % 128 + 128 for i in range(3000)), "undecodable"),
        ("fake.pdf", b"this is not a pdf at all\n", "malformed"),
        ("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "truncated"),
    ],
)
def test_bad_inputs_are_rejected(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    rejection = only(run(path))
    assert isinstance(rejection, Rejection), rejection
    assert rejection.reason == reason and rejection.origin == str(path) and rejection.detail


def test_zip_archive_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "bundle.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("inner.txt", "some text inside a zip")
    rejection = only(run(path))
    assert isinstance(rejection, Rejection) and rejection.reason == "binary"
    assert "zip" in rejection.detail


def test_mostly_valid_utf8_and_legacy_encodings_pass(tmp_path: Path) -> None:
    stray = tmp_path / "stray.txt"
    stray.write_bytes(b"Quds Force commander visited Aleppo. " * 30 + b"\xff\xfe!")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(
        "Le général a visité Alep hier soir, selon la presse. ".encode("cp1252") * 20
    )
    for path in (stray, legacy):
        doc = only(run(path))
        assert isinstance(doc, RawDocument) and doc.format == "text"
        assert doc.content == path.read_bytes()  # bytes untouched: the cleaner repairs them


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 400)
    rejection = only(run(path, settings=Settings(max_input_bytes=1000)))
    assert isinstance(rejection, Rejection) and rejection.reason == "too-large"
    assert "2000" in rejection.detail


def test_pdf_is_kept_as_bytes(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    path = tmp_path / "report.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    doc = only(run(path))
    assert isinstance(doc, RawDocument) and doc.format == "pdf"
    assert doc.content == path.read_bytes()


def test_gzip_of_a_page_and_gzip_problems(tmp_path: Path) -> None:
    page = (FIXTURES / "briefing.html").read_bytes()
    good = tmp_path / "briefing.html.gz"
    good.write_bytes(gzip.compress(page))
    doc = only(run(good))
    assert isinstance(doc, RawDocument) and doc.format == "html" and doc.content == page
    assert doc.id == only(run(FIXTURES / "briefing.html")).id  # type: ignore[union-attr]

    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress(b"some words " * 500)[:-20])
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 50_000))
    settings = Settings(max_input_bytes=10_000)
    reasons = [label(only(run(p, settings=settings))) for p in (cut, bomb)]
    assert reasons == ["truncated", "too-large"]


def test_one_bad_input_does_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.png").write_bytes(PNG_HEADER)
    (tmp_path / "c.txt").write_text("a good document after two bad ones\n")
    items = run(tmp_path, FIXTURES / "dispatch.txt")
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Rejection", "Rejection", "RawDocument", "RawDocument"]


def test_a_file_spec_can_keep_the_origin_its_user_knows_it_by(tmp_path: Path) -> None:
    """A spooled upload: its documents, rows and rejections carry the given name, not the
    temporary path; an unnamed spec keeps its path."""
    table = tmp_path / "spool-1.csv"
    table.write_text("title,text\nMill,The mill at Orvan burned down overnight.\n,\n")
    plain = tmp_path / "plain.txt"
    plain.write_text("Rain closed the Orvan pass for a day.")
    named = {str(table): "week.csv (uploaded)"}
    items = list(iter_inputs([str(table), str(plain)], Settings(), origins=named))
    assert [(type(i).__name__, i.origin) for i in items] == [
        ("RawDocument", "week.csv (uploaded)#row=1"),
        ("Rejection", "week.csv (uploaded)#row=2"),
        ("RawDocument", str(plain)),
    ]
